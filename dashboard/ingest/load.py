"""One uploaded file → a `Loaded` result: what it is, the canonical table it fed, and its report.

Order of attempts: the bytes say workbook, text or neither; a questionnaire is
recognised by its keys; a known platform export by its adapter's signature; anything
else is matched to the canonical table whose columns it has. Nothing here raises to
the caller: every failure becomes a problem in the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

import polars as pl

from dashboard.ingest import adapters
from dashboard.ingest.convert import Converted, convert, match_columns, missing_required
from dashboard.ingest.limits import Limits
from dashboard.ingest.mappings import match_saved
from dashboard.ingest.problems import Problem
from dashboard.ingest.reader import Grid, NotUtf8, Progress, ReadError, grid_from_rows
from dashboard.ingest.sniff import FileBytes
from dashboard.ingest.upload import Upload
from dashboard.messages import Ref, msg
from dashboard.questionnaire import (
    QuestionnaireError,
    looks_like_questionnaire,
    parse_questionnaire,
)
from dashboard.schema import TABLES, Table

if TYPE_CHECKING:
    from dashboard.ingest.mappings import Mappings

log = logging.getLogger("presenza.ingest")
__all__ = ["Loaded", "file_header", "load_file"]

# When a header fits several tables equally well, the more specific table wins.
_TABLE_ORDER = ("employee_activity", "company_posts", "roster", "employee_summary")
# Beyond its required columns, a file must have one of these to be taken for the table.
_SIGNATURE = {
    "employee_summary": {
        "posts",
        "shares",
        "shares_with_commentary",
        "comments",
        "reactions",
        "clicks",
        "network_size",
    },
}
TIME_COLUMNS = {"company_posts": "published_at", "employee_activity": "occurred_at"}


@dataclass
class Loaded:
    """What became of one file."""

    file: str
    digest: str
    format: str = "unknown"  # canonical, questionnaire, or an adapter's name
    table: str | None = None  # the canonical table it fed
    frame: pl.DataFrame | None = None
    questionnaire: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    rows_read: int = 0
    rows_rejected: int = 0
    rows_duplicate: int = 0  # exact copies of an earlier row, counted once
    loaded_at: datetime = field(default_factory=datetime.now)
    rows_spilled: int | None = None  # rows read out of memory (`spill`): not in `frame`

    @property
    def ok(self) -> bool:
        """Loaded: it has data (or answers) and no blocking problem."""
        has_data = self.frame is not None or self.questionnaire is not None
        return has_data and not any(p.severity == "error" for p in self.problems)

    @property
    def rows_loaded(self) -> int:
        if self.rows_spilled is not None:
            return self.rows_spilled
        return self.frame.height if self.frame is not None else 0

    @property
    def period(self) -> tuple[datetime, datetime] | None:
        """First and last timestamp in the file, for tables that have one."""
        column = TIME_COLUMNS.get(self.table or "")
        if self.frame is None or column is None or self.frame.is_empty():
            return None
        low, high = self.frame.select(
            pl.col(column).min().alias("low"), pl.col(column).max().alias("high")
        ).row(0)
        return (low, high) if low is not None else None

    def summary(self) -> dict[str, Any]:
        """One line of the 'what was read' table (JSON-friendly)."""
        period = self.period
        return {
            "file": self.file,
            "format": self.format,
            "table": self.table or ("questionnaire" if self.questionnaire is not None else None),
            "period": [period[0].date().isoformat(), period[1].date().isoformat()]
            if period
            else None,
            "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
            "status": "loaded" if self.ok else "failed",
        }


def load_file(
    file: str,
    data: FileBytes | Upload,
    table: str | None = None,
    mapping: dict[str, int] | None = None,
    progress: Progress | None = None,
    mappings: Mappings | None = None,
    employee: str | None = None,
    limits: Limits | None = None,
    headerless: bool = False,
    sink: Callable[[pl.DataFrame], None] | None = None,
) -> Loaded:
    """Read one file. `table` forces the canonical table; `mapping` forces which column is which;
    `mappings` holds the user's saved mappings, tried when nothing else recognises the file;
    `employee` says whose activity a per-employee export is (else its file name says);
    `limits` bounds what the file may cost (default: `Limits.from_env()`); `headerless`
    (with a `mapping`) reads the first row as data; `sink` takes a canonical table's rows
    chunk by chunk instead of the result (`spill`). `data` may be an `Upload` already
    looked at (a file read again keeps what was learned from it).

    Nothing raises to the caller: whatever the bytes are, the result is a `Loaded` whose
    problems say what went wrong.
    """
    if isinstance(data, Upload):
        upload = data if data.name == file else Upload(file, data.data, data.limits)
    else:
        upload = Upload(file, data, limits or Limits.from_env())
    options = (table, mapping, progress, mappings, employee, headerless, sink)
    result = _attempt(upload, *options)
    if any(p.code == "encoding" and p.severity == "error" for p in result.problems):
        # Bytes that are not UTF-8 past the sample: the file is Windows-1252 after all.
        again = _attempt(Upload(file, upload.data, upload.limits, "cp1252"), *options)
        row = next(p.row for p in result.problems if p.code == "encoding")
        again.problems.insert(
            0,
            Problem(
                file,
                "encoding",
                "warning",
                expected="UTF-8",
                row=row,
                message=msg("load.message.read_as_cp1252"),
            ),
        )
        return again
    return result


def _attempt(
    upload: Upload,
    table: str | None,
    mapping: dict[str, int] | None,
    progress: Progress | None,
    mappings: Mappings | None,
    employee: str | None,
    headerless: bool,
    sink: Callable[[pl.DataFrame], None] | None = None,
) -> Loaded:
    file = upload.name
    result = Loaded(file, upload.digest)
    try:
        upload.check_size()
        _load_into(result, upload, table, mapping, progress, mappings, employee, headerless, sink)
    except NotUtf8 as error:
        result.frame = None
        result.problems.append(Problem(file, "encoding", "error", row=error.row))
    except ReadError as error:
        result.frame = None
        result.problems.append(
            Problem(
                file,
                error.code,
                "error",
                error.expected,
                row=error.row,
                column=error.column,
                value=error.value,
                message=error.message,
            )
        )
    except (
        pl.exceptions.PolarsError,
        MemoryError,
        UnicodeError,
        ValueError,
        OverflowError,
    ) as error:
        # A last guard: the user sees a sentence, never a traceback.
        result.frame = None
        result.problems.append(
            Problem(
                file,
                "malformed_csv",
                "error",
                message=msg("load.message.could_not_read", detail=str(error).splitlines()[0][:200]),
            )
        )
    except Exception:  # a bug met by unforeseen bytes: logged for us, a sentence for the user
        log.exception("loading %s failed", file)
        result.frame = None
        result.problems.append(Problem(file, "unreadable", "error"))
    return result


def _load_into(
    result: Loaded,
    upload: Upload,
    table: str | None,
    mapping: dict[str, int] | None,
    progress: Progress | None,
    mappings: Mappings | None = None,
    employee: str | None = None,
    headerless: bool = False,
    sink: Callable[[pl.DataFrame], None] | None = None,
) -> None:
    file = upload.name
    sniffed = upload.sniffed
    if sniffed.kind == "empty":
        raise ReadError("empty_file")
    if sniffed.kind == "binary":
        raise ReadError("binary_file")
    if sniffed.kind == "text" and table is None and _try_questionnaire(result, upload):
        return
    adapter_result = None if table or mapping else adapters.try_adapters(upload, employee)
    if adapter_result is not None:
        result.format, result.table, converted = adapter_result
        _take(result, converted)
        return
    grids = _grids(upload, progress, headerless and mapping is not None)
    fits = _fits(grids, table) if mapping is None else []
    # A layout nothing recognises may have a mapping the user saved for its exact header.
    saved = match_saved(mappings, grids) if not fits and mapping is None and mappings else None
    if saved is not None:
        grid, name, mapping, note = saved
        result.format, result.table = "mapped", name
        result.problems.append(Problem(file, "mapping_applied", "info", message=note))
        semicolon = grid.delimiter == ";"
        _take(result, convert(grid, TABLES[name], file, mapping=mapping, semicolon_file=semicolon))
        return
    if mapping is not None:
        grid, name = grids[0], table or _TABLE_ORDER[0]
        result.format, result.table = "mapped", name
        if headerless:
            result.problems.append(Problem(file, "no_header", "info"))
        semicolon = grid.delimiter == ";"
        _take(result, convert(grid, TABLES[name], file, mapping=mapping, semicolon_file=semicolon))
        return
    result.format = "canonical"
    if not fits:
        result.problems.extend(_unknown_layout(file, grids[0]))
        return
    spec = fits[0][1]
    result.table = spec.name
    chosen = [grid for grid, s in fits if s.name == spec.name]
    for grid, other in fits:
        if other.name != spec.name:
            ignored = msg(
                "load.message.sheet_ignored", sheet=repr(grid.sheet), table=Ref(other.name)
            )
            result.problems.append(
                Problem(file, "sheet_ignored", "warning", value=grid.sheet, message=ignored)
            )
    parts = [convert(g, spec, file, semicolon_file=g.delimiter == ";", sink=sink) for g in chosen]
    _take(result, _combine(parts, chosen))


def _combine(parts: list[Converted], grids: list[Grid]) -> Converted:
    """The conversions of several sheets of one table as one (their problems name the sheet)."""
    if len(parts) == 1:
        return parts[0]
    problems: list[Problem] = []
    for part, grid in zip(parts, grids, strict=True):
        for problem in part.problems:
            column = problem.column
            if isinstance(column, str) or column is None:  # a header: say which sheet it is in
                column = f"{grid.sheet}!{column}" if column else grid.sheet
            problems.append(replace(problem, column=column))
    frames = [p.frame for p in parts if p.frame is not None]
    if any(p.frame is None for p in parts) or not frames:
        return Converted(None, problems)
    return Converted(
        pl.concat(frames, how="vertical"),
        problems,
        sum(p.rows_read for p in parts),
        sum(p.rows_rejected for p in parts),
        list(dict.fromkeys(c for p in parts for c in p.columns_found)),
    )


def _take(result: Loaded, converted: Converted) -> None:
    result.frame = converted.frame
    result.problems.extend(converted.problems)
    result.rows_read = converted.rows_read
    result.rows_rejected = converted.rows_rejected
    if converted.frame is not None:
        _drop_duplicate_rows(result)


def _try_questionnaire(result: Loaded, upload: Upload) -> bool:
    if len(upload.data) >= 1 << 20:
        return False
    body, start = upload.utf8
    text = bytes(body[start:]).decode("utf-8", "replace")
    if not looks_like_questionnaire(text):
        return False
    result.format = "questionnaire"
    try:
        result.questionnaire = parse_questionnaire(text)
    except QuestionnaireError as error:
        result.problems.append(
            Problem(result.file, "bad_questionnaire", "error", message=error.msg)
        )
    return True


def file_header(data: FileBytes | Upload) -> list[str] | None:
    """The column names of a table file (its first sheet, as `load_file(mapping=...)` reads it),
    for the user to map; None when the bytes are not a table with a header."""
    upload = data if isinstance(data, Upload) else Upload("", data)
    if upload.sniffed.kind not in ("text", "xls", "xlsx"):
        return None
    try:
        header = _grids(upload, None)[0].header
    except (ReadError, pl.exceptions.PolarsError, UnicodeError, ValueError):
        return None
    return list(header) if any(h.strip() for h in header) else None


def _grids(upload: Upload, progress: Progress | None, headerless: bool = False) -> list[Grid]:
    if upload.workbook:
        grids = []
        for name, rows in upload.sheets.items():
            try:
                grids.append(grid_from_rows(rows, sheet=name, headerless=headerless))
            except ReadError:
                continue  # an empty sheet beside a full one is normal
        if not grids:
            raise ReadError("empty_file", msg("load.message.all_sheets_empty"))
        return grids
    return [upload.grid(progress, headerless=headerless)]


def _fits(grids: list[Grid], table: str | None) -> list[tuple[Grid, Table]]:
    """Every grid (sheet) with the canonical table it holds, best first.

    A grid holds a table when it has the table's required columns (and, for the
    summary, one of its counts); of several tables the one with most columns found
    wins, in `_TABLE_ORDER` on a tie. With `table` given, the sheet with most of its
    columns is that table.
    """
    if table is not None:  # the sheet with most of the table's columns
        best = max(grids, key=lambda g: len(match_columns(g.header, TABLES[table])[0]))
        return [(best, TABLES[table])]
    found: list[tuple[int, int, Grid, Table]] = []
    for position, grid in enumerate(grids):
        fit: tuple[int, Table] | None = None
        for spec in (TABLES[n] for n in _TABLE_ORDER):
            columns, _ = match_columns(grid.header, spec)
            fits = not missing_required(columns, spec) and (
                spec.name not in _SIGNATURE or bool(_SIGNATURE[spec.name] & set(columns))
            )
            if fits and (fit is None or len(columns) > fit[0]):
                fit = (len(columns), spec)
        if fit is not None:
            found.append((fit[0], -position, grid, fit[1]))
    found.sort(key=lambda f: (f[0], f[1]), reverse=True)
    return [(grid, spec) for _, _, grid, spec in found]


def _unknown_layout(file: str, grid: Grid) -> list[Problem]:
    """Say which table the file came closest to and which columns it lacks.

    A file with most of a table's columns is that table with a column missing; a
    file that matches almost nothing is an unknown layout (to map by hand).
    """
    closest = max(TABLES.values(), key=lambda t: len(match_columns(grid.header, t)[0]))
    found, _ = match_columns(grid.header, closest)
    missing = missing_required(found, closest)
    if len(found) >= 2 and len(missing) < len(closest.required):
        return convert(grid, closest, file).problems
    lacking = [
        msg("load.expected.column_aliases", column=c.name, aliases=", ".join(c.aliases) or "—")
        for c in missing
    ]
    return [
        Problem(
            file,
            "unknown_layout",
            "error",
            expected=msg("load.expected.known_table", table=Ref(closest.name), needs=lacking),
            value=", ".join(h for h in grid.header if h)[:300],
            column=None,
        )
    ]


def _without_rows(frame: pl.DataFrame, drop: pl.Series, slice_rows: int = 1 << 17) -> pl.DataFrame:
    """The frame without the rows at `drop`, copying only the slices that lose a row
    (a 10M-row log with four copies must not be duplicated in memory to drop them)."""
    parts = []
    for offset in range(0, frame.height, slice_rows):
        part = frame.slice(offset, slice_rows)
        local = drop.filter((drop >= offset) & (drop < offset + slice_rows)) - offset
        keep = ~pl.int_range(pl.len()).is_in(local.implode())
        parts.append(part.filter(keep) if len(local) else part)
    return pl.concat(parts, rechunk=False)


def _drop_duplicate_rows(result: Loaded) -> None:
    """Exact copies of a row are kept once; the copies are listed."""
    frame = result.frame
    if frame is None or frame.is_empty():
        return
    # Hash every row's required columns (fast; copies share them), find the hashes that
    # repeat by sorting them (4× faster than a hash table over 10 M), then compare whole
    # rows only among the few rows with such a hash.
    key = TABLES[result.table].required if result.table in TABLES else frame.columns
    hashes = frame.select(key).hash_rows()
    ordered = hashes.sort()
    # Compared with the previous hash, not by `diff`: a difference of unsigned hashes
    # overflows, so two equal hashes above 2**63 would never be found.
    repeats = ordered.filter(ordered == ordered.shift(1))
    if repeats.is_empty():
        return
    candidates = hashes.is_in(repeats.unique().implode())
    subset = frame.with_row_index("_i").filter(candidates)
    repeated = subset.filter(
        ~subset.drop("_i").select(pl.struct(pl.all()).is_first_distinct()).to_series()
    )
    count = repeated.height
    if count == 0:
        return
    result.frame = _without_rows(frame, repeated["_i"])
    result.rows_duplicate = count
    result.problems.append(
        Problem(
            result.file,
            "duplicate_row",
            "warning",
            message=msg("load.message.duplicate_rows", n=count),
        )
    )
