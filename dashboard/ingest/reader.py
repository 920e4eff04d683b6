"""UTF-8 text → a grid of text cells with its header, read in chunks so huge files stay lean.

A grid keeps every cell as text: typing is the job of `parse`, which needs the raw
text to report what failed. The body is cut into chunks at record ends only: a line
end counts as one when the number of quote characters before it (from the last cut)
is even, so a quoted caption with line breaks is never cut, whatever the quoting
style. Cuts fall on line-end bytes, which never sit inside a UTF-8 character. Each
chunk is parsed by polars on its own (memory holds one chunk of text at a time, and
the caller can show progress); a chunk polars refuses (a stray quote inside an
unquoted field) and everything after it is read by Python's `csv` module instead,
which reads such files as spreadsheets do. Rows with fewer fields than the header
are padded and reported; a row with more is an error naming it.

The typed fast path: asked for native types (counts, yes/no, choices; see
`convert`), a block is first read by polars with those columns typed, which skips
making text of most cells. A block where any such cell does not parse natively is
read as text instead, and `convert` can always ask for a typed block again as text
(to name the row, column and cell of anything it rejects), so the typed path only
ever decides how fast a block is read, never what it holds.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, TypeVar

import polars as pl

from dashboard.ingest import checks
from dashboard.ingest.blocks import blocks
from dashboard.ingest.errors import NotUtf8, ReadError
from dashboard.ingest.limits import Limits, at_most, megabytes, seconds
from dashboard.ingest.sniff import (
    FileBytes,
    line_end,
    records,
    sample_text,
    sep_line,
    sniff_delimiter,
)
from dashboard.messages import msg
from dashboard.schema import TABLES, normalise_header

HEADER_SCAN_ROWS = 10
PREVIEW_ROWS = 5000
CAREFUL_BATCH = 100_000  # records per frame on the careful path

Progress = Callable[[float, int], None]  # (share of the bytes read, records read so far)
Types = dict[str, pl.DataType]  # grid column (c0, c1…) → the native type to read it as
# A block of records: its frame, and (when some columns were read natively) how to read
# the same records again as text.
Chunk = tuple[pl.DataFrame, Callable[[], pl.DataFrame] | None]
T = TypeVar("T")
R = TypeVar("R")
TYPED_FAILURES = 3  # blocks refused by the native reader before a file is read as text only


@dataclass
class Grid:
    """A table of text cells: header, where data starts, and the cells in chunks."""

    header: list[str]
    first_row: int  # 1-based row number (as a spreadsheet shows it) of the first data row
    chunks: Callable[[], Iterator[pl.DataFrame]]  # String columns c0..cN
    preview: pl.DataFrame  # the first rows, for choosing how to parse
    sheet: str | None = None
    delimiter: str | None = None
    # Row numbers of records with fewer fields than the header, found while reading chunks.
    short_rows: list[int] = field(default_factory=list)
    # Per chunk read so far: True when no cell can have spaces around it (so text cells
    # need no stripping); chunks not listed may.
    unpadded: list[bool] = field(default_factory=list)
    # The chunks with some columns read natively (a text file's blocks); None where only
    # text chunks exist (workbooks, adapters' projections).
    typed: Callable[[Types], Iterator[Chunk]] | None = None


def _known_tokens() -> set[str]:
    tokens: set[str] = set()
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
        hits = sum(
            1 for cell in row if cell and len(cell) < 200 and normalise_header(cell) in tokens
        )
        if hits > best_hits:
            best, best_hits = i, hits
    return best


def _columns(n: int) -> list[str]:
    return [f"c{i}" for i in range(n)]


@dataclass(frozen=True)
class _Dialect:
    delimiter: str
    eol: str  # '\n' (LF or CRLF) or '\r' (CR only)
    width: int  # fields in the header


def read_text(
    data: FileBytes,
    start: int = 0,
    limits: Limits | None = None,
    progress: Progress | None = None,
    header_index: int | None = None,
    headerless: bool = False,
) -> Grid:
    """The UTF-8 text `data[start:]` (CSV, TSV, semicolon…) as a grid. `header_index` is the
    header's record number when the caller knows it (an adapter), else it is found;
    `headerless` reads every record as data, under the names #1, #2…"""
    limits = limits or Limits()
    deadline = time.monotonic() + limits.seconds
    text, complete = _sample(data, start, limits)
    eol = line_end(text)
    declared = sep_line(text)
    skip = 1 if declared else 0
    body_text = text[len(_before_record(text, 1, declared)) :] if declared else text
    delimiter = declared or sniff_delimiter(body_text, complete)
    head_rows = list(csv.reader(io.StringIO(body_text, newline=""), delimiter=delimiter))
    if not complete and head_rows:
        head_rows.pop()  # cut by the end of the sample
    if header_index is None:
        header_index = -1 if headerless else find_header(head_rows)
    elif declared:  # the caller counted the `sep=` line among the rows
        header_index = max(header_index - 1, 0)
    if header_index >= len(head_rows) or not any(
        c.strip() for c in head_rows[max(header_index, 0)]
    ):
        raise ReadError("empty_file")
    header = [h.strip() for h in head_rows[header_index]] if header_index >= 0 else []
    if headerless:
        header = [f"#{i + 1}" for i in range(max(len(r) for r in head_rows))]
    if len(header) > limits.columns:
        raise ReadError(
            "too_many_columns",
            value=msg("load.value.number", n=len(header)),
            expected=at_most(limits.columns, "PRESENZA_LIMIT_COLUMNS"),
        )
    dialect = _Dialect(delimiter, eol, len(header))
    offset = start + _byte_length(_before_record(text, skip, delimiter))
    offset += _byte_length(_before_record(body_text, header_index + 1, delimiter))
    first_row = skip + header_index + 2
    preview_limits = replace(limits, chunk_bytes=limits.preview_bytes)
    frames = _frames(data, offset, dialect, first_row, preview_limits, deadline, preview=True)
    preview = pl.concat([_frame([], len(header)), *(f for f, _ in frames)], how="vertical")
    preview = preview.head(PREVIEW_ROWS)
    grid = Grid(header, first_row, lambda: iter(()), preview, delimiter=delimiter)

    # The closures hold the grid's lists, not the grid: a grid ↔ closure cycle would keep
    # the file's bytes (a memory map of the whole file, for the CLI) until the next
    # garbage collection instead of freeing them with the grid.
    short_rows, unpadded = grid.short_rows, grid.unpadded

    def typed(types: Types) -> Iterator[Chunk]:
        short_rows.clear()
        unpadded.clear()
        yield from _frames(
            data,
            offset,
            dialect,
            first_row,
            limits,
            deadline,
            progress,
            short_rows,
            unpadded,
            types=types,
        )

    grid.chunks = lambda: (frame for frame, _ in typed({}))
    grid.typed = typed
    return grid


def _sample(data: FileBytes, start: int, limits: Limits) -> tuple[str, bool]:
    """Enough of the start of the text to hold the header and a few records: the sample
    window, doubled while it holds fewer than two whole records (a huge header cell)."""
    size = limits.sample_bytes
    while True:
        head = bytes(data[start : start + size])
        complete = len(data) - start <= size
        text = sample_text(head, complete)
        if complete or len(records(text, ",", complete)) >= 2:
            return text, complete
        if size >= limits.line_bytes:
            raise ReadError(
                "line_too_long",
                value=msg("load.value.more_than", value=megabytes(size)),
                expected=at_most(megabytes(limits.line_bytes), "PRESENZA_LIMIT_LINE_BYTES"),
            )
        size *= 2


def _byte_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogateescape"))


def _before_record(text: str, n: int, delimiter: str) -> str:
    """The text of the first `n` records (quoted line breaks respected), line end included."""
    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    for _ in range(n):
        if next(reader, None) is None:
            break
    return text[: stream.tell()]


# --- chunks ---------------------------------------------------------------------------


def _frames(
    data: FileBytes,
    offset: int,
    dialect: _Dialect,
    first_row: int,
    limits: Limits,
    deadline: float,
    progress: Progress | None = None,
    short_rows: list[int] | None = None,
    unpadded: list[bool] | None = None,
    preview: bool = False,
    types: Types | None = None,
) -> Iterator[Chunk]:
    """The records of `data[offset:]` as frames, one per block (only the first for a
    `preview`); every frame has `dialect.width` columns, a blank line a row of nulls. The
    columns in `types` are read natively where the block allows (the chunk then says how
    to read it again as text), all others as String. Short rows' numbers are added to
    `short_rows`."""
    total = len(data) - offset
    row = first_row
    eol = dialect.eol.encode()
    short_rows = [] if short_rows is None else short_rows
    refused = 0

    def native(item: tuple[int, bytes]) -> pl.DataFrame | None:
        if types and refused < TYPED_FAILURES:
            return _typed_block(item[1], dialect, types)
        return None

    for (start, block), frame in _ahead(blocks(data, offset, eol, limits), native):
        if time.monotonic() > deadline:
            raise _too_slow(limits)
        quoted = block.find(b'"') >= 0
        text = None
        if frame is not None:
            text = partial(_text_block, block, dialect, row, limits, quoted)
        else:
            refused += bool(types)
            try:
                frame = _fast_block(block, dialect, row)
            except _Careful:
                limit = PREVIEW_ROWS if preview else None
                for part in _careful(data, start, dialect, row, limits, short_rows, limit):
                    yield part, None
                return
        frame = _blank_quoted(frame, block, quoted)
        checks.check_fields(frame, row, limits)
        short_rows.extend(
            row + i
            for i in checks.short_records(
                frame, block, dialect.delimiter, dialect.width, dialect.eol, quoted
            )
        )
        if unpadded is not None:
            unpadded.append(checks.unpadded(block, frame.height, dialect.eol, quoted))
        row += frame.height
        if progress:
            done = start + len(block) - offset
            progress(done / total if total else 1.0, row - first_row)
        yield frame, text
        if preview:
            return


def _ahead(items: Iterator[T], work: Callable[[T], R]) -> Iterator[tuple[T, R]]:
    """Each item with `work(item)`, the next item's work running in a thread meanwhile:
    polars parses the next block while the caller types this one (both release the GIL,
    so the two cores stay busy)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        current: tuple[T, Future[R]] | None = None
        for item in items:
            following = (item, pool.submit(work, item))
            if current is not None:
                yield current[0], current[1].result()
            current = following
        if current is not None:
            yield current[0], current[1].result()


def _text_block(
    block: bytes, dialect: _Dialect, first_row: int, limits: Limits, quoted: bool
) -> pl.DataFrame:
    """A block every column of which is text: what a typed block holds, read again."""
    try:
        frame = _fast_block(block, dialect, first_row)
    except _Careful:  # the native reader took it, so this is unlikely: the careful one does
        frame = pl.concat(
            [_frame([], dialect.width), *_careful(block, 0, dialect, first_row, limits, [])]
        )
    return _blank_quoted(frame, block, quoted)


def _blank_quoted(frame: pl.DataFrame, block: bytes, quoted: bool) -> pl.DataFrame:
    """A quoted empty text cell is as blank as an empty one."""
    if not quoted or b'""' not in block:
        return frame
    text = pl.col(pl.String)
    return frame.with_columns(pl.when(text != "").then(text).name.keep())


def _read_block(block: bytes, dialect: _Dialect, **columns: Any) -> pl.DataFrame:
    """Polars' reading of a block in the dialect, its columns named c0, c1, … (a short
    row's missing cells inserted blank); `columns`: how the cells are typed."""
    return pl.read_csv(
        block,
        has_header=False,
        separator=dialect.delimiter,
        eol_char=dialect.eol,
        new_columns=_columns(dialect.width),
        missing_columns="insert",
        raise_if_empty=False,
        **columns,
    )


def _typed_block(block: bytes, dialect: _Dialect, types: Types) -> pl.DataFrame | None:
    """The block with the `types` columns read natively; None when polars refuses any cell."""
    names = _columns(dialect.width)
    try:
        return _read_block(block, dialect, schema={n: types.get(n, pl.String) for n in names})
    except pl.exceptions.PolarsError:
        return None


class _Careful(Exception):
    """Polars could not read a block the way `csv` would: read the rest carefully."""


def _fast_block(block: bytes, dialect: _Dialect, first_row: int) -> pl.DataFrame:
    try:
        return _read_block(block, dialect, infer_schema=False)
    except pl.exceptions.PolarsError as error:
        if "utf-8" in str(error).lower() or "utf8" in str(error).lower():
            try:
                block.decode("utf-8")
            except UnicodeDecodeError as bad:
                raise NotUtf8(first_row + block[: bad.start].count(dialect.eol.encode())) from None
        raise _Careful from None


def _careful(
    data: FileBytes,
    start: int,
    dialect: _Dialect,
    first_row: int,
    limits: Limits,
    short_rows: list[int],
    max_rows: int | None = None,
) -> Iterator[pl.DataFrame]:
    """Records from `start` to the end (or the first `max_rows`) read by Python's csv
    module, in frames."""
    n = dialect.width
    reader = csv.reader(_lines(data, start, dialect.eol), delimiter=dialect.delimiter)
    batch: list[list[str | None]] = []
    row = first_row
    try:
        for record in reader:
            if len(record) > n:
                fields = msg("load.message.ragged_row", n=len(record), header=n)
                raise ReadError("ragged_row", fields, row)
            if not record:
                batch.append([None] * n)
            else:
                if len(record) < n:
                    short_rows.append(row)
                batch.append([c if c != "" else None for c in record] + [None] * (n - len(record)))
            row += 1
            if max_rows is not None and row - first_row >= max_rows:
                break
            if len(batch) >= CAREFUL_BATCH:
                frame = _frame(batch, n)
                checks.check_fields(frame, row - len(batch), limits)
                yield frame
                batch = []
    except csv.Error as error:
        raise ReadError("malformed_csv", str(error), row) from None
    except UnicodeDecodeError:
        raise NotUtf8(row) from None
    if batch:
        frame = _frame(batch, n)
        checks.check_fields(frame, row - len(batch), limits)
        yield frame


def _lines(data: FileBytes, start: int, eol: str) -> Iterator[str]:
    """The text from `start` as lines (line ends kept), decoded strictly, a block at a time."""
    separator = eol.encode()
    step = 8 << 20
    pending = b""
    for position in range(start, len(data), step):
        piece = pending + bytes(data[position : position + step])
        cut = piece.rfind(separator) + 1
        pending = piece[cut:]
        # Split at the record end only: str.splitlines would also split at U+2028 and kin.
        *lines, _ = piece[:cut].decode("utf-8").split(eol)
        for line in lines:
            yield line + eol
    if pending:
        yield pending.decode("utf-8")


def _frame(rows: list[list[str | None]], n: int) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=dict.fromkeys(_columns(n), pl.String), orient="row")


def _too_slow(limits: Limits) -> ReadError:
    return ReadError(
        "too_slow",
        value=msg("load.value.more_than", value=seconds(limits.seconds)),
        expected=at_most(seconds(limits.seconds), "PRESENZA_LIMIT_SECONDS"),
    )


def grid_from_rows(
    rows: list[list[str | None]],
    sheet: str | None = None,
    header_index: int | None = None,
    headerless: bool = False,
) -> Grid:
    """A grid from rows already in memory (a workbook sheet); `headerless` reads every row
    as data, under the names #1, #2…"""
    while rows and not any(c not in (None, "") for c in rows[-1]):
        rows = rows[:-1]
    if not rows:
        raise ReadError(
            "empty_file", msg("load.message.sheet_empty", sheet=repr(sheet)) if sheet else None
        )
    if headerless:
        header_index = -1
    elif header_index is None:
        header_index = find_header([[c or "" for c in row] for row in rows])
    if header_index < 0:
        header = [f"#{i + 1}" for i in range(max(len(r) for r in rows))]
    else:
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
