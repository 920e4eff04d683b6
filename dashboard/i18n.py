"""Every text in every language Presenza speaks, and numbers and dates as each language writes them.

The texts live in one catalog per language, `dashboard/locales/<lang>.toml`, under stable
dotted codes (`ui.nav.data`, `load.reason.bad_date`, `measure.missing.no_managers`);
`{name}` placeholders are filled in, and a table of CLDR plural categories (`one`,
`other`, …) picks its form by the `n` it is given, as Babel says the language counts.
Babel also writes numbers, percentages and dates the way each locale does. The engine
speaks in `Msg` codes (`dashboard.messages`); `render` says them in a language.

Adding a language: its catalog file, and its code in `Lang` below.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any, Literal, get_args

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from dashboard.messages import Msg, Ref

# Set while `english` renders: tables and columns are named by their ids.
_BY_ID: ContextVar[bool] = ContextVar("by_id", default=False)

Lang = Literal["it", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "en"
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})

Entry = str | dict[str, str]
_RECORDING: list[set[str]] = []  # sets collecting the codes looked up (`recording`)


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for key, value in table.items():
        code = f"{prefix}{key}"
        if isinstance(value, dict) and value and set(value) <= PLURAL_FORMS:
            out[code] = value  # plural forms of one text
        elif isinstance(value, dict):
            out.update(_flatten(value, f"{code}."))
        else:
            out[code] = value
    return out


@cache
def catalog(lang: str) -> dict[str, Entry]:
    """A language's texts by code (plural texts as {form: text})."""
    source = files("dashboard").joinpath("locales", f"{lang}.toml").read_text("utf-8")
    return _flatten(tomllib.loads(source))


def has(code: str, lang: str = DEFAULT_LANG) -> bool:
    return code in catalog(lang)


@contextmanager
def recording() -> Iterator[set[str]]:
    """Collect every code looked up inside the block (the catalog tests use it)."""
    codes: set[str] = set()
    _RECORDING.append(codes)
    try:
        yield codes
    finally:
        _RECORDING.remove(codes)


def _entry(code: str, lang: str) -> Entry:
    for codes in _RECORDING:
        codes.add(code)
    return catalog(lang)[code]


def text(code: str, lang: str) -> str:
    """A text as written, unfilled: prose, and Plotly templates whose %{…} are Plotly's."""
    entry = _entry(code, lang)
    return entry if isinstance(entry, str) else entry["other"]


def t(code: str, lang: str, **params: Any) -> str:
    """The text of `code` in `lang`, its {placeholders} filled (numbers by the locale);
    a plural text takes the form the language uses for `n`."""
    entry = _entry(code, lang)
    if not isinstance(entry, str):
        form = _locale(lang).plural_form(_countable(params["n"]))
        entry = entry.get(form, entry["other"])
    if not params:
        return entry
    return entry.format_map({k: _fill(v, lang) for k, v in params.items()})


def ordinal(n: int, lang: str) -> str:
    """60 → '60th' (en), '60°' (it): CLDR's ordinal rules pick the catalog's form for `n`."""
    forms = _entry("word.ordinal", lang)
    if isinstance(forms, str):  # a language that writes every ordinal alike
        return forms.format(n=number(n, lang))
    text = forms.get(_locale(lang).ordinal_form(n), forms["other"])
    return text.format(n=number(n, lang))


def render(message: Msg | Ref | str | None, lang: str) -> str:
    """What the engine said (a `Msg`, a `Ref`, or words kept as they are) in `lang`."""
    if message is None:
        return ""
    if isinstance(message, Msg):
        return t(message.code, lang, **message.params)
    if isinstance(message, Ref):
        return _ref(message, lang)
    return str(message)


def english(message: Msg | Ref | str | None) -> str:
    """The English sentence of a message for the terminal, logs and the JSON beside the
    code: tables and columns by their ids (`company_posts.replies_by_staff`), which a
    script or a support engineer greps for; the app names them in words."""
    token = _BY_ID.set(True)
    try:
        return render(message, "en")
    finally:
        _BY_ID.reset(token)


def _ref(ref: Ref, lang: str) -> str:
    if _BY_ID.get():
        return str(ref)
    table = ref.table
    values = {"table_id": table, "table": t(f"table.{table}", lang)}
    if ref.column is None:
        return t("ref.table", lang, **values)
    column = t(f"column.{table}.{ref.column}", lang)
    return t("ref.column", lang, **values, column=column, column_id=ref.column)


def _fill(value: Any, lang: str) -> str:
    if isinstance(value, Msg | Ref):
        return render(value, lang)
    if isinstance(value, bool):
        return t("word.yes" if value else "word.no", lang)
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, Decimal):
        places = max(-int(value.as_tuple().exponent), 0)
        return number(float(value), lang, places)
    if isinstance(value, float):
        return format_decimal(value, locale=lang)
    if isinstance(value, date):
        return date_text(value, lang)
    if isinstance(value, list | tuple):
        return text("join.list", lang).join(_fill(v, lang) for v in value)
    return "" if value is None else str(value)


def _countable(n: Any) -> int | float | Decimal:
    """What CLDR's plural rules count: shown decimals matter ("1.0 hours")."""
    return n if isinstance(n, int | Decimal) else Decimal(str(n))


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


# --- numbers and dates ---------------------------------------------------------------


def number(value: float, lang: str, decimals: int = 0) -> str:
    """1234.5 → '1,234.5' (en) or '1.234,5' (it), rounded to `decimals` places."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=lang)


def decimal(value: float, lang: str, most: int = 2) -> str:
    """As few decimals as the value needs, at most `most`: 1 → '1', 1.25 → '1,25' (it)."""
    return format_decimal(round(value, most), format="#,##0." + "#" * most, locale=lang)


def percent(value: float, lang: str) -> str:
    """A fraction as a whole percentage: 0.79 → '79%' (the locale's sign and spacing)."""
    return format_percent(round(value, 2), locale=lang)


def percent_suffix(lang: str) -> str:
    """What follows a number to make it a percentage ('%'), for chart axes."""
    return format_percent(0, locale=lang).replace(format_decimal(0, locale=lang), "", 1)


def format_value(value: float | None, unit: str, lang: str) -> str:
    """A metric value as people read it: rates in %, ratios as ×, days and hours with units."""
    if value is None:
        return "—"
    if unit == "rate":
        return percent(value, lang)
    if unit == "ratio":
        return t("unit.value.ratio", lang, value=number(value, lang, 1))
    if unit == "days":
        return t("unit.value.days", lang, n=round(value))
    if unit == "hours":
        return t("unit.value.hours", lang, n=Decimal(f"{round(value, 1):.1f}"))
    return number(value, lang, 2)


def date_text(day: date | datetime, lang: str) -> str:
    """A day the way the catalog says each language writes it: 31/10/2026 (it), 2026-10-31 (en)."""
    day = day.date() if isinstance(day, datetime) else day
    return format_date(day, text("locale.date", lang), locale=lang)


def month_text(day: date, lang: str) -> str:
    """A month: 10/2026 (it), 2026-10 (en)."""
    return format_date(day, text("locale.month", lang), locale=lang)


def separators(lang: str) -> str:
    """The decimal mark then the thousands separator, as Plotly's `separators` wants them."""
    symbols = _locale(lang).number_symbols["latn"]
    decimal: str = symbols["decimal"]
    group: str = symbols["group"]
    return decimal + group


def csv_dialect(lang: str) -> tuple[str, str]:
    """(field separator, decimal mark) a spreadsheet in this language reads: where the
    decimal mark is a comma, fields are separated by semicolons."""
    decimal = _locale(lang).number_symbols["latn"]["decimal"]
    return (";" if decimal == "," else ","), decimal


def language_of(locale: str | None) -> Lang:
    """The interface language for a browser locale ("it-IT" → it); English otherwise."""
    code = (locale or "").lower().replace("_", "-").split("-")[0]
    return next((lang for lang in LANGS if lang == code), DEFAULT_LANG)


class MessageError(Exception):
    """An expected failure that says what is wrong as a `Msg`: the views say it in the
    reader's language, `str()` in English (the terminal, logs)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.code)
        self.msg = message

    def __str__(self) -> str:
        return english(self.msg)
