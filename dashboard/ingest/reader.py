"""Bytes → a grid of text cells with its header, read in chunks so huge files stay lean.

A grid keeps every cell as text: typing is the job of `parse`, which needs the raw
text to report what failed. Big UTF-8 CSV files are split at line ends into chunks
and each chunk is parsed by polars on its own, so memory holds one chunk of text at
a time and the caller can show progress.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

import polars as pl

from dashboard.ingest.sniff import Sniffed, decode, sniff_delimiter
from dashboard.schema import TABLES, normalise_header

CHUNK_BYTES = 64 << 20
HEADER_SCAN_ROWS = 10
PREVIEW_ROWS = 5000

Progress = Callable[[float, str], None]


class ReadError(Exception):
    """The bytes could not be turned into a grid; `code` is a load-report reason."""

    def __init__(self, code: str, message: str = "", row: int | None = None):
        super().__init__(message or code)
        self.code = code
        self.message = message
        self.row = row


@dataclass
class Grid:
    """A table of text cells: header, where data starts, and the cells in chunks."""

    header: list[str]
    first_row: int  # 1-based row number (as a spreadsheet shows it) of the first data row
    chunks: Callable[[], Iterator[pl.DataFrame]]  # String columns c0..cN
    preview: pl.DataFrame  # the first rows, for choosing how to parse
    sheet: str | None = None
    delimiter: str | None = None
    notes: list[str] = field(default_factory=list)


def _known_tokens() -> set[str]:
    tokens = set()
    for table in TABLES.values():
        for column in table.columns:
            tokens.update(normalise_header(a) for a in (column.name, *column.aliases))
    return tokens


def find_header(rows: list[list[str]], tokens: set[str] | None = None) -> int:
    """Index of the header among the first rows: the one with most known column names.

    Exports put description lines above the header (LinkedIn) or a `sep=,` line
    (Meta); the header is the row that looks most like column names.
    """
    tokens = tokens or _known_tokens()
    best, best_hits = 0, 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        hits = sum(1 for cell in row if cell and normalise_header(cell) in tokens)
        if hits > best_hits:
            best, best_hits = i, hits
    return best


def _columns(n: int) -> list[str]:
    return [f"c{i}" for i in range(n)]


def read_text(data: bytes, sniffed: Sniffed, progress: Progress | None = None) -> Grid:
    """A delimited text file (CSV, TSV, semicolon) as a grid."""
    if sniffed.encoding == "utf-8":
        body = data[sniffed.bom :] if sniffed.bom else data
    else:
        body = decode(data, sniffed).encode("utf-8")
    head_text = body[: 1 << 16].decode("utf-8", errors="ignore")
    lines = head_text.splitlines()
    skip_lines = 0
    delimiter = None
    if lines and re.fullmatch(r"sep=(.)", lines[0].strip()):
        delimiter = lines[0].strip()[4]
        skip_lines = 1
    delimiter = delimiter or sniff_delimiter(lines[skip_lines:])
    head_rows = list(
        csv.reader(io.StringIO("\n".join(lines[skip_lines : skip_lines + 40])), delimiter=delimiter)
    )
    header_index = find_header(head_rows)
    header = [h.strip() for h in head_rows[header_index]] if head_rows else []
    if not any(header):
        raise ReadError("empty_file")
    # Byte offset where data starts: after the `sep=` line and the header's own line(s).
    offset = _offset_after_rows(body, skip_lines + header_index + 1)
    n = len(header)
    first_row = skip_lines + header_index + 2

    def chunks() -> Iterator[pl.DataFrame]:
        yield from _csv_chunks(body, offset, delimiter, n, first_row, progress)

    preview = _read_csv_block(
        body[offset : offset + (1 << 20)], delimiter, n, first_row, preview=True
    )
    return Grid(header, first_row, chunks, preview.head(PREVIEW_ROWS), delimiter=delimiter)


def _offset_after_rows(body: bytes, rows: int) -> int:
    """Byte offset after the first `rows` CSV records (quoted line breaks respected)."""
    reader_text = body[: 1 << 20].decode("utf-8", errors="ignore")
    stream = io.StringIO(reader_text, newline="")
    reader = csv.reader(stream)
    for _ in range(rows):
        try:
            next(reader)
        except StopIteration:
            break
    consumed = stream.tell()
    return len(reader_text[:consumed].encode("utf-8"))


def _csv_chunks(
    data: bytes, offset: int, delimiter: str, n: int, first_row: int, progress: Progress | None
) -> Iterator[pl.DataFrame]:
    """Split `data[offset:]` at line ends (only when no quotes can hide a line break) and
    parse each piece; slices are taken one chunk at a time so the file is never copied whole."""
    total = len(data)
    if offset >= total:
        return
    splittable = data.find(b'"', offset) == -1
    start, row = offset, first_row
    while start < total:
        end = total
        if splittable and total - start > CHUNK_BYTES:
            end = data.rfind(b"\n", start, start + CHUNK_BYTES) + 1 or total
        frame = _read_csv_block(data[start:end], delimiter, n, row)
        row += frame.height
        start = end
        if progress:
            progress((start - offset) / (total - offset), f"{row - first_row:,} rows read")
        yield frame


def _read_csv_block(
    block: bytes, delimiter: str, n: int, first_row: int, preview: bool = False
) -> pl.DataFrame:
    """One block of CSV records as String columns; ragged rows raise a ReadError naming the row."""
    if not block or block.isspace():
        return pl.DataFrame(schema=dict.fromkeys(_columns(n), pl.String))
    try:
        frame = pl.read_csv(
            block,
            has_header=False,
            separator=delimiter,
            infer_schema=False,
            new_columns=_columns(n),
            truncate_ragged_lines=preview,
            raise_if_empty=False,
        )
    except pl.exceptions.PolarsError as error:
        raise _locate_csv_error(block, delimiter, n, first_row, error) from None
    if frame.width != n:  # fewer fields than the header on every line
        raise ReadError(
            "ragged_row", f"rows have {frame.width} fields, the header has {n}", first_row
        )
    return frame


def _locate_csv_error(
    block: bytes, delimiter: str, n: int, first_row: int, error: Exception
) -> ReadError:
    """Find the first record whose field count differs from the header, for the report."""
    text = block.decode("utf-8", errors="replace")
    for i, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
        if record and len(record) != n:
            return ReadError(
                "ragged_row", f"{len(record)} fields where the header has {n}", first_row + i
            )
    return ReadError("malformed_csv", str(error).splitlines()[0][:200], first_row)


def _cell_text(value: object) -> str | None:
    """An Excel cell as text: whole floats without '.0', dates in ISO."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def read_workbook_sheets(data: bytes) -> dict[str, list[list[str | None]]]:
    """Every sheet of an .xls/.xlsx/.ods workbook as rows of text cells."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own error types for any damaged workbook
        raise ReadError("bad_excel", str(error)[:200]) from None
    sheets = {}
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        sheets[name] = [[_cell_text(v) for v in row] for row in rows]
    return sheets


def grid_from_rows(
    rows: list[list[str | None]], sheet: str | None = None, header_index: int | None = None
) -> Grid:
    """A grid from rows already in memory (a workbook sheet)."""
    while rows and not any(c not in (None, "") for c in rows[-1]):
        rows = rows[:-1]
    if not rows:
        raise ReadError("empty_file", f"sheet {sheet!r} is empty" if sheet else "")
    text_rows = [[c or "" for c in row] for row in rows]
    header_index = find_header(text_rows) if header_index is None else header_index
    header = [(c or "").strip() for c in rows[header_index]]
    n = len(header)
    body = [(row + [None] * n)[:n] for row in rows[header_index + 1 :]]
    frame = pl.DataFrame(body, schema=dict.fromkeys(_columns(n), pl.String), orient="row")
    return Grid(
        header,
        header_index + 2,
        lambda: iter([frame]),
        frame.head(PREVIEW_ROWS),
        sheet=sheet,
    )
