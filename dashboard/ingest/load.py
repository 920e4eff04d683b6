"""One uploaded file → a `Loaded` result: what it is, the canonical table it fed, and its report.

Order of attempts: the bytes say workbook, text or neither; a questionnaire is
recognised by its keys; a known platform export by its adapter's signature; anything
else is matched to the canonical table whose columns it has. Nothing here raises to
the caller: every failure becomes a problem in the result.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import polars as pl

from dashboard.ingest import adapters
from dashboard.ingest.convert import Converted, convert, match_columns, missing_required
from dashboard.ingest.problems import Problem
from dashboard.ingest.reader import (
    Grid,
    Progress,
    ReadError,
    grid_from_rows,
    read_text,
    read_workbook_sheets,
)
from dashboard.ingest.sniff import Sniffed, decode, sniff
from dashboard.questionnaire import (
    QuestionnaireError,
    looks_like_questionnaire,
    parse_questionnaire,
)
from dashboard.schema import TABLES, Table

if TYPE_CHECKING:
    from dashboard.ingest.mappings import MappingStore

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
    loaded_at: datetime = field(default_factory=datetime.now)

    @property
    def ok(self) -> bool:
        """Loaded: it has data (or answers) and no blocking problem."""
        has_data = self.frame is not None or self.questionnaire is not None
        return has_data and not any(p.severity == "error" for p in self.problems)

    @property
    def rows_loaded(self) -> int:
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


def digest(data: bytes) -> str:
    """The key a file is known by: same bytes, same digest.

    Size, CRC-32 of every byte and the first and last 64 KiB verbatim, hashed together:
    4× faster than a cryptographic hash of 700 MB, and a key only ever compares one
    user's own uploads within their session, where no one crafts collisions.
    """
    head, tail = data[: 1 << 16], data[-(1 << 16) :]
    summary = len(data).to_bytes(8, "little") + zlib.crc32(data).to_bytes(4, "little") + head + tail
    return hashlib.blake2b(summary, digest_size=16).hexdigest()


def load_file(
    file: str,
    data: bytes,
    table: str | None = None,
    mapping: dict[str, int] | None = None,
    progress: Progress | None = None,
    mappings: MappingStore | None = None,
    employee: str | None = None,
) -> Loaded:
    """Read one file. `table` forces the canonical table; `mapping` forces which column is which;
    `mappings` holds the user's saved mappings, tried when nothing else recognises the file;
    `employee` says whose activity a per-employee export is (else its file name says)."""
    result = Loaded(file, digest(data))
    try:
        _load_into(result, data, table, mapping, progress, mappings, employee)
    except ReadError as error:
        result.frame = None
        result.problems.append(
            Problem(file, error.code, "error", row=error.row, message=error.message)
        )
    except (pl.exceptions.PolarsError, MemoryError, UnicodeError, ValueError) as error:
        # A last guard: the user sees a sentence, never a traceback.
        result.frame = None
        result.problems.append(
            Problem(
                file,
                "malformed_csv",
                "error",
                message=f"the file could not be read: {str(error).splitlines()[0][:200]}",
            )
        )
    return result


def _load_into(
    result: Loaded,
    data: bytes,
    table: str | None,
    mapping: dict[str, int] | None,
    progress: Progress | None,
    mappings: MappingStore | None = None,
    employee: str | None = None,
) -> None:
    file = result.file
    sniffed = sniff(data)
    if sniffed.kind == "empty":
        raise ReadError("empty_file")
    if sniffed.kind == "binary":
        raise ReadError("binary_file")
    if sniffed.kind == "text" and table is None and _try_questionnaire(result, data, sniffed):
        return
    adapter_result = (
        None if table or mapping else adapters.try_adapters(file, data, sniffed, employee)
    )
    if adapter_result is not None:
        result.format, result.table, converted = adapter_result
        _take(result, converted)
        return
    grids = _grids(data, sniffed, progress)
    grid, chosen, semicolon = _choose(grids, table, mapping, sniffed)
    result.format = "mapped" if mapping is not None else "canonical"
    saved = mappings.match(grids) if chosen is None and mappings is not None else None
    if saved is not None:
        grid, name, mapping = saved
        chosen, semicolon, result.format = TABLES[name], grid.delimiter == ";", "mapped"
    if chosen is None:
        result.problems.extend(_unknown_layout(file, grid))
        return
    result.table = chosen.name
    _take(result, convert(grid, chosen, file, mapping=mapping, semicolon_file=semicolon))


def _take(result: Loaded, converted: Converted) -> None:
    result.frame = converted.frame
    result.problems.extend(converted.problems)
    result.rows_read = converted.rows_read
    result.rows_rejected = converted.rows_rejected
    if converted.frame is not None:
        _drop_duplicate_rows(result)


def _try_questionnaire(result: Loaded, data: bytes, sniffed: Sniffed) -> bool:
    text = decode(data[: 1 << 20], sniffed) if len(data) < 1 << 20 else ""
    if not text or not looks_like_questionnaire(text):
        return False
    result.format = "questionnaire"
    try:
        result.questionnaire = parse_questionnaire(text)
    except QuestionnaireError as error:
        result.problems.append(
            Problem(result.file, "bad_questionnaire", "error", message=str(error))
        )
    return True


def file_header(data: bytes) -> list[str] | None:
    """The column names of a table file (its first sheet, as `load_file(mapping=...)` reads it),
    for the user to map; None when the bytes are not a table with a header."""
    sniffed = sniff(data)
    if sniffed.kind not in ("text", "xls", "xlsx"):
        return None
    try:
        header = _grids(data, sniffed, None)[0].header
    except (ReadError, pl.exceptions.PolarsError, UnicodeError, ValueError):
        return None
    return list(header) if any(h.strip() for h in header) else None


def _grids(data: bytes, sniffed: Sniffed, progress: Progress | None) -> list[Grid]:
    if sniffed.kind in ("xls", "xlsx"):
        grids = []
        for name, rows in read_workbook_sheets(data).items():
            try:
                grids.append(grid_from_rows(rows, sheet=name))
            except ReadError:
                continue  # an empty sheet beside a full one is normal
        if not grids:
            raise ReadError("empty_file", "every sheet of the workbook is empty")
        return grids
    return [read_text(data, sniffed, progress)]


def _choose(
    grids: list[Grid], table: str | None, mapping: dict[str, int] | None, sniffed: Sniffed
) -> tuple[Grid, Table | None, bool]:
    """The grid (sheet) and canonical table that fit best."""
    best: tuple[int, Grid, Table | None] = (-1, grids[0], None)
    for grid in grids:
        candidates = [TABLES[table]] if table else [TABLES[n] for n in _TABLE_ORDER]
        for spec in candidates:
            if mapping is not None:
                return grid, spec, grid.delimiter == ";"
            found, _ = match_columns(grid.header, spec)
            fits = not missing_required(found, spec) and (
                spec.name not in _SIGNATURE or _SIGNATURE[spec.name] & set(found)
            )
            score = len(found) if fits or table else -1
            if score > best[0]:
                best = (score, grid, spec if (fits or table) else None)
    _, grid, spec = best
    return grid, spec, grid.delimiter == ";"


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
    lacking = "; ".join(f"{c.name} (or {', '.join(c.aliases) or '—'})" for c in missing)
    return [
        Problem(
            file,
            "unknown_layout",
            "error",
            expected=f"columns of a known table; closest is {closest.name}, which needs {lacking}",
            value=", ".join(h for h in grid.header if h)[:300],
            column=None,
        )
    ]


def _without_rows(frame: pl.DataFrame, drop: pl.Series, slice_rows: int = 1 << 20) -> pl.DataFrame:
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
    # Hash every row (fast), then compare whole rows only among the few whose hash repeats.
    hashes = frame.hash_rows()
    candidates = hashes.is_duplicated()
    if not candidates.any():
        return
    subset = frame.with_row_index("_i").filter(candidates)
    repeated = subset.filter(
        ~subset.drop("_i").select(pl.struct(pl.all()).is_first_distinct()).to_series()
    )
    count = repeated.height
    if count == 0:
        return
    result.frame = _without_rows(frame, repeated["_i"])
    result.problems.append(
        Problem(
            result.file,
            "duplicate_row",
            "warning",
            message=f"{count:,} rows were exact copies of an earlier row and were counted once",
        )
    )
