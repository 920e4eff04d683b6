"""Turn text cells into typed values, one column at a time, and say which cells failed.

Each kind of column gets a *plan* chosen once from a sample of the file (which decimal
mark, which date order, which yes/no words), then applied to every chunk with
vectorised polars expressions. A cell that is not blank but does not parse is a
problem; a blank cell is unknown (null), never 0.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import cast

import polars as pl

from dashboard.messages import Msg, msg
from dashboard.schema import Column

TRUE_WORDS = {"true", "t", "yes", "y", "si", "s", "1", "x", "vero", "v", "ok", "1.0"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "falso", "0.0"}
X_MARKS = {"x", "✓", "✔"}

_COMMA_DECIMAL = re.compile(
    r"^[-+]?\d+,\d{1,2}$|^[-+]?\d+,\d{4,}$|^[-+]?\d{1,3}(\.\d{3})+,\d+$|^[-+]?\d{1,3}(\.\d{3}){2,}$"
)
_POINT_DECIMAL = re.compile(
    r"^[-+]?\d+\.\d{1,2}$|^[-+]?\d+\.\d{4,}$|^[-+]?\d{1,3}(,\d{3})+\.\d+$|^[-+]?\d{1,3}(,\d{3}){2,}$"
)

# Exact formats first: on a tie the first wins, and fractional seconds parse 2.5× slower.
_ISO_FORMATS = [
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
]
_TZ_FORMATS = ["%Y-%m-%d %H:%M %z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S %z"]
_TIMES = ["", " %H:%M", " %H:%M:%S"]
_DAY_FIRST = [f"%d{sep}%m{sep}%Y{t}" for sep in "/.-" for t in _TIMES]
_MONTH_FIRST = [f"%m{sep}%d{sep}%Y{t}" for sep in "/.-" for t in _TIMES]
_TEXT_MONTHS = ["%a, %b %d, %Y", "%b %d, %Y", "%d %b %Y", "%B %d, %Y"]
# Dates a social-media audit can hold; others are reported as not a date.
EARLIEST, LATEST = datetime(1900, 1, 1), datetime(2100, 12, 31, 23, 59, 59, 999999)


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: how yes/no words and choices are compared."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9✓✔]+", " ", plain.lower()).strip() or text.strip()


def fold_expr(expr: pl.Expr) -> pl.Expr:
    """`fold` as a vectorised expression, for matching whole columns (names, titles)."""
    return (
        expr.str.normalize("NFKD")
        .str.replace_all(r"[^\x00-\x7f]", "")
        .str.to_lowercase()
        .str.replace_all(r"[^a-z0-9]+", " ")
        .str.strip_chars()
    )


def blank(expr: pl.Expr) -> pl.Expr:
    """Strip a text cell; an empty cell becomes null."""
    stripped = expr.str.strip_chars()
    return pl.when(stripped != "").then(stripped)


@dataclass(frozen=True)
class Plan:
    """How one column's text is read in this file."""

    column: Column
    decimal: str = "."  # numbers: the decimal mark
    date_format: str | None = None  # dates: the chosen strptime format
    date_fallbacks: tuple[str, ...] = ()  # dates: formats for the cells the first one misses
    date_note: Msg | None = None  # dates: which reading was taken when ambiguous
    x_marks: bool = False  # booleans: 'x' means true and blank means false
    words: tuple[str, ...] = ()  # yes/no and choice columns: the distinct cells of the sample

    @property
    def expected(self) -> Msg:
        """What a valid cell looks like, for the load report."""
        kind = self.column.kind
        if kind == "count":
            return msg("load.expected.whole_number")
        if kind == "number":
            comma = self.decimal == ","
            return msg("load.expected.number_decimal_comma" if comma else "load.expected.number")
        if kind in ("date", "datetime"):
            if self.date_format:
                return msg("load.expected.date_like", example=_example(self.date_format))
            return msg("load.expected.date")
        if kind == "bool":
            return msg("load.expected.boolean")
        if kind == "choice":
            return msg("load.expected.one_of", choices=", ".join(self.column.choices))
        return msg("load.expected.value")


def _example(fmt: str | None) -> str:
    return datetime(2026, 3, 31, 14, 30).strftime((fmt or "%Y-%m-%d").replace("%.f", ""))


def make_plan(column: Column, sample: pl.Series, semicolon_file: bool) -> Plan:
    """Choose how to read a column from a sample of its cells (as text, unstripped)."""
    values = sample.str.strip_chars().filter(sample.str.strip_chars() != "")
    if column.kind in ("count", "number"):
        return Plan(
            column, decimal=_decimal_mark(values, semicolon_file, whole=column.kind == "count")
        )
    if column.kind in ("date", "datetime"):
        fmt, note = _date_format(values, prefer_day_first=semicolon_file)
        return Plan(column, date_format=fmt, date_note=note, date_fallbacks=_fallbacks(values, fmt))
    words = tuple(sample.drop_nulls().unique().sort().to_list())
    if column.kind == "bool":
        folded = {fold(v) for v in values.unique().to_list()}
        return Plan(column, x_marks=bool(folded) and folded <= X_MARKS, words=words)
    if column.kind == "choice":
        return Plan(column, words=words)
    return Plan(column)


def _decimal_mark(values: pl.Series, semicolon_file: bool, whole: bool) -> str:
    """The decimal mark: from unambiguous cells; for counts, the reading that gives whole
    numbers ('1.250' can only be a count as 1250); else the file's locale."""
    cleaned = [re.sub(r"[\s\u00a0']", "", v) for v in values.head(2000).to_list()]
    comma = any(_COMMA_DECIMAL.match(v) for v in cleaned)
    point = any(_POINT_DECIMAL.match(v) for v in cleaned)
    if comma != point:
        return "," if comma else "."
    if whole:
        dotted = any(re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", v) for v in cleaned)
        commaed = any(re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+", v) for v in cleaned)
        if dotted != commaed:
            return "," if dotted else "."
    return "," if semicolon_file else "."


def _strptime(raw: pl.Expr, fmt: str) -> pl.Expr:
    """Text → naive datetime under one format (offsets are converted to UTC)."""
    if fmt.endswith("%z"):
        return raw.str.strptime(pl.Datetime("us", "UTC"), fmt, strict=False).dt.replace_time_zone(
            None
        )
    return raw.str.strptime(pl.Datetime("us"), fmt, strict=False)


def _parse_count(values: pl.Series, fmt: str) -> int:
    parsed = pl.select(_strptime(pl.lit(values), fmt)).to_series()
    return len(parsed) - parsed.null_count()


def _fallbacks(values: pl.Series, chosen: str | None) -> tuple[str, ...]:
    """Formats for the cells the chosen one misses (a date-only cell in a datetime column).

    Only formats that cannot contradict the chosen day/month order are considered.
    """
    if chosen is None or values.dtype != pl.String:
        return ()
    family = _MONTH_FIRST if chosen in _MONTH_FIRST else _DAY_FIRST if chosen in _DAY_FIRST else []
    candidates = [f for f in _ISO_FORMATS + _TZ_FORMATS + _TEXT_MONTHS + family if f != chosen]
    remaining = values.head(5000).filter(
        pl.select(_strptime(pl.lit(values.head(5000)), chosen)).to_series().is_null()
    )
    chosen_extra: list[str] = []
    while not remaining.is_empty() and len(chosen_extra) < 3:
        counts = {f: _parse_count(remaining, f) for f in candidates if f not in chosen_extra}
        best = max(counts, key=counts.__getitem__, default=None)
        if best is None or counts[best] == 0:
            break
        chosen_extra.append(best)
        remaining = remaining.filter(
            pl.select(_strptime(pl.lit(remaining), best)).to_series().is_null()
        )
    return tuple(chosen_extra)


def _date_format(values: pl.Series, prefer_day_first: bool) -> tuple[str | None, Msg | None]:
    sample = values.head(5000)
    if sample.is_empty():
        return None, None
    if sample.dtype != pl.String:
        return None, None
    scores = {}
    for fmt in _ISO_FORMATS + _TZ_FORMATS + _DAY_FIRST + _MONTH_FIRST + _TEXT_MONTHS:
        try:
            scores[fmt] = _parse_count(sample, fmt)
        except pl.exceptions.PolarsError:
            continue
    best = max(scores.values(), default=0)
    if best == 0:
        return None, None
    # Prefer the format with the most parsed cells; on ties ISO first, then the order below.
    tied = [f for f, n in scores.items() if n == best]
    if not any(f in _DAY_FIRST for f in tied) or not any(f in _MONTH_FIRST for f in tied):
        return tied[0], None
    day = next(f for f in tied if f in _DAY_FIRST)
    month = next(f for f in tied if f in _MONTH_FIRST)
    return _resolve_order(sample, day, month, prefer_day_first)


def _resolve_order(sample: pl.Series, day: str, month: str, prefer_day: bool) -> tuple[str, Msg]:
    """Both orders read every cell (all days ≤ 12): pick the one whose dates run more smoothly.

    Exports are usually sorted by time, so the right reading has small steps between
    consecutive rows; the wrong one jumps by months. With no difference, the file's
    locale decides (semicolon files are Italian re-saves, so day-first).
    """
    steps = {}
    for fmt in (day, month):
        parsed = sample.str.strptime(pl.Datetime("us"), fmt, strict=False).drop_nulls()
        diffs = parsed.diff().drop_nulls().abs().cast(pl.Int64)
        steps[fmt] = float(cast(int | float | None, diffs.median()) or 0)  # Int64: a number
    if steps[day] < steps[month]:
        chosen = day
    elif steps[month] < steps[day]:
        chosen = month
    else:
        chosen = day if prefer_day else month
    return chosen, msg("load.message.date_order", reading=reading(chosen == day))


def reading(day_first: bool) -> Msg:
    """Which way a date like 03/04/2026 was read, for the load report."""
    return msg("load.reading.day_first" if day_first else "load.reading.month_first")


def parse_expr(
    plan: Plan, raw: pl.Expr, uniques: list[str] | None = None, careful: bool = True
) -> pl.Expr:
    """The typed value of a raw text column under a plan.

    The fast reading (`careful=False`) takes clean numbers as they are; a column where it
    leaves any non-blank cell unread is read again carefully (stripped, separators
    removed), so messy files cost time only where they are messy.
    """
    column = plan.column
    kind = column.kind
    if kind in ("count", "number"):
        if not careful:
            return raw.cast(pl.Int64 if kind == "count" else pl.Float64, strict=False)
        cleaned = raw.str.replace_all(r"[\s\u00a0']", "")
        if plan.decimal == ",":
            cleaned = cleaned.str.replace_all(".", "", literal=True).str.replace(
                ",", ".", literal=True
            )
        else:
            cleaned = cleaned.str.replace_all(",", "", literal=True)
        number = cleaned.cast(pl.Float64, strict=False)
        if kind == "count":
            whole = pl.when(number == number.floor()).then(number)
            return whole.cast(pl.Int64, strict=False)
        return number
    if kind in ("date", "datetime"):
        if plan.date_format is None:  # no cell to choose a format from: all blank
            return pl.lit(None, dtype=pl.Date if kind == "date" else pl.Datetime("us"))
        formats = (plan.date_format, *plan.date_fallbacks)
        parsed = (
            pl.coalesce([_strptime(raw, f) for f in formats])
            if len(formats) > 1
            else _strptime(raw, formats[0])
        )
        # 9999-12-31 parses, but no period can end a day later: outside the range is unread.
        parsed = pl.when(parsed.is_between(EARLIEST, LATEST)).then(parsed)
        return parsed.dt.date() if kind == "date" else parsed
    if kind == "bool":
        mapping = {}
        for value in uniques or []:
            word = fold(value)
            if word in TRUE_WORDS or (plan.x_marks and word in X_MARKS):
                mapping[value] = True
            elif word in FALSE_WORDS:
                mapping[value] = False
        return raw.replace_strict(mapping, default=None, return_dtype=pl.Boolean)
    if kind == "choice":
        choices: dict[str, str] = {}
        for value in uniques or []:
            word = fold(value)
            word = column.choice_aliases.get(word, word)
            if word in column.choices:
                choices[value] = word
        return raw.replace_strict(choices, default=None, return_dtype=pl.Enum(column.choices))
    # The careful reading strips (blank cells become null); the fast one is for chunks the
    # reader found free of white space around any cell.
    return blank(raw) if careful else raw


def _failures(plan: Plan, raw: pl.Expr, parsed: pl.Expr) -> list[tuple[pl.Expr, str]]:
    """Why a cell fails, as (condition, reason code), the reason that wins first."""
    kind = plan.column.kind
    found = []
    if plan.column.required:
        blank_cell = raw.is_null() | (parsed.is_null() if kind in ("text", "id") else False)
        found.append((blank_cell, "missing_value"))
    if kind in ("count", "number"):
        found.append((parsed < 0, "negative"))
    code = {
        "count": "bad_number",
        "number": "bad_number",
        "date": "bad_date",
        "datetime": "bad_date",
        "bool": "bad_boolean",
        "choice": "bad_choice",
    }.get(kind)
    if code:
        found.append((raw.is_not_null() & parsed.is_null(), code))
    return found


def failure_expr(plan: Plan, raw: pl.Expr, parsed: pl.Expr) -> pl.Expr:
    """The reason code of each failing cell (null where the cell is fine or blank)."""
    reason = pl.lit(None, dtype=pl.String)
    for condition, code in reversed(_failures(plan, raw, parsed)):
        reason = pl.when(condition).then(pl.lit(code)).otherwise(reason)
    return reason.cast(pl.String)


def fails_expr(plan: Plan, raw: pl.Expr, parsed: pl.Expr) -> pl.Expr:
    """True where `failure_expr` gives a reason: one boolean, no text made per cell."""
    conditions = [condition.fill_null(False) for condition, _ in _failures(plan, raw, parsed)]
    return pl.any_horizontal(conditions) if conditions else pl.lit(False)


def finish_expr(plan: Plan, parsed: pl.Expr) -> pl.Expr:
    """The value kept once failures are known: in an x-marked column a blank means false."""
    return parsed.fill_null(False) if plan.column.kind == "bool" and plan.x_marks else parsed
