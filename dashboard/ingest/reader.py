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

Where a typed native fast path goes (polars with a schema, or DuckDB with its
rejects table): in place of `_fast_block`, block by block; the rows it rejects go
to `_careful`, so the load report still names file, row and column.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import polars as pl

from dashboard.ingest.blocks import blocks, count_byte
from dashboard.ingest.errors import NotUtf8, ReadError
from dashboard.ingest.limits import Limits, at_most, megabytes, seconds
from dashboard.ingest.sniff import line_end, records, sample_text, sep_line, sniff_delimiter
from dashboard.messages import msg
from dashboard.schema import TABLES, normalise_header

HEADER_SCAN_ROWS = 10
PREVIEW_ROWS = 5000
CAREFUL_BATCH = 100_000  # records per frame on the careful path

Progress = Callable[[float, str], None]


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
    data: bytes,
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
    preview = pl.concat([_frame([], len(header)), *frames], how="vertical").head(PREVIEW_ROWS)
    grid = Grid(header, first_row, lambda: iter(()), preview, delimiter=delimiter)

    def chunks() -> Iterator[pl.DataFrame]:
        grid.short_rows.clear()
        grid.unpadded.clear()
        yield from _frames(
            data,
            offset,
            dialect,
            first_row,
            limits,
            deadline,
            progress,
            grid.short_rows,
            grid.unpadded,
        )

    grid.chunks = chunks
    return grid


def _sample(data: bytes, start: int, limits: Limits) -> tuple[str, bool]:
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
    data: bytes,
    offset: int,
    dialect: _Dialect,
    first_row: int,
    limits: Limits,
    deadline: float,
    progress: Progress | None = None,
    short_rows: list[int] | None = None,
    unpadded: list[bool] | None = None,
    preview: bool = False,
) -> Iterator[pl.DataFrame]:
    """The records of `data[offset:]` as frames of String columns, one per block (only the
    first for a `preview`); every frame has `dialect.width` columns, a blank line a row of
    nulls. Short rows' numbers are added to `short_rows`."""
    total = len(data) - offset
    row = first_row
    eol = dialect.eol.encode()
    short_rows = [] if short_rows is None else short_rows
    for start, block in blocks(data, offset, eol, limits):
        if time.monotonic() > deadline:
            raise _too_slow(limits)
        try:
            frame = _fast_block(block, dialect, row)
        except _Careful:
            limit = PREVIEW_ROWS if preview else None
            yield from _careful(data, start, dialect, row, limits, short_rows, limit)
            return
        quoted = block.find(b'"') >= 0
        if quoted and b'""' in block:  # a quoted empty cell is as blank as an empty one
            frame = frame.with_columns(pl.when(pl.all() != "").then(pl.all()).name.keep())
        _check_fields(frame, row, limits)
        short_rows.extend(row + i for i in _short(frame, block, dialect, quoted))
        if unpadded is not None:
            unpadded.append(_unpadded(block, frame.height, dialect.eol, quoted))
        row += frame.height
        if progress:
            done = start + len(block) - offset
            progress(done / total if total else 1.0, f"{row - first_row:,} rows read")
        yield frame
        if preview:
            return


class _Careful(Exception):
    """Polars could not read a block the way `csv` would: read the rest carefully."""


def _fast_block(block: bytes, dialect: _Dialect, first_row: int) -> pl.DataFrame:
    n = dialect.width
    try:
        return pl.read_csv(
            block,
            has_header=False,
            separator=dialect.delimiter,
            eol_char=dialect.eol,
            infer_schema=False,
            new_columns=_columns(n),
            missing_columns="insert",
            raise_if_empty=False,
        )
    except pl.exceptions.PolarsError as error:
        if "utf-8" in str(error).lower() or "utf8" in str(error).lower():
            try:
                block.decode("utf-8")
            except UnicodeDecodeError as bad:
                raise NotUtf8(first_row + block[: bad.start].count(dialect.eol.encode())) from None
        raise _Careful from None


def _careful(
    data: bytes,
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
                _check_fields(frame, row - len(batch), limits)
                yield frame
                batch = []
    except csv.Error as error:
        raise ReadError("malformed_csv", str(error), row) from None
    except UnicodeDecodeError:
        raise NotUtf8(row) from None
    if batch:
        frame = _frame(batch, n)
        _check_fields(frame, row - len(batch), limits)
        yield frame


def _lines(data: bytes, start: int, eol: str) -> Iterator[str]:
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


def _unpadded(block: bytes, rows: int, eol: str, quoted: bool) -> bool:
    """True when no cell of the block can start or end with white space: ASCII with no
    space, tab, vertical tab or form feed, no carriage return but in CRLF line ends, and
    no line break inside a quoted cell. A few byte searches instead of stripping every
    text cell of a 10 M-row log."""
    if not block.isascii() or any(c in block for c in (b" ", b"\t", b"\x0b", b"\x0c")):
        return False
    if eol == "\n" and b"\r" in block and count_byte(block, b"\r") != block.count(b"\r\n"):
        return False
    if eol == "\r" and b"\n" in block:
        return False
    return not quoted or count_byte(block, eol.encode()) == rows


def _frame(rows: list[list[str | None]], n: int) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=dict.fromkeys(_columns(n), pl.String), orient="row")


def _check_fields(frame: pl.DataFrame, first_row: int, limits: Limits) -> None:
    """A cell over the field limit is an error naming its row and column."""
    if frame.is_empty():
        return
    longest = frame.select(pl.all().str.len_bytes().max()).row(0)
    for index, size in enumerate(longest):
        if size is not None and size > limits.field_bytes:
            at = frame[f"c{index}"].str.len_bytes().arg_max() or 0
            raise ReadError(
                "field_too_long",
                row=first_row + at,
                column=f"#{index + 1}",
                value=megabytes(size),
                expected=at_most(megabytes(limits.field_bytes), "PRESENZA_LIMIT_FIELD_BYTES"),
            )


def _short(frame: pl.DataFrame, block: bytes, dialect: _Dialect, quoted: bool) -> list[int]:
    """Indices of the block's records with fewer fields than the header (padded by polars).

    Every whole record has width − 1 delimiters outside its quoted cells, and polars
    has already read what is inside them: when the block's delimiters, less those in
    the cells, come to exactly that per non-blank row, no row is short (one count over
    the bytes and one over the cells, no second parse). Else only rows whose last cell
    is blank can be short; their fields are counted from the lines themselves (quoted
    sections taken out) when no record spans two lines, else by Python's csv module.
    """
    n = dialect.width
    if n == 1:
        return []
    blank = frame.select(pl.all_horizontal(pl.all().is_null())).to_series()
    separator = dialect.delimiter
    delimiters = count_byte(block, separator.encode())
    if quoted:
        inside = frame.select(
            pl.sum_horizontal(pl.all().str.count_matches(separator, literal=True).sum())
        )
        delimiters -= inside.item() or 0
    if delimiters == (n - 1) * (frame.height - blank.sum()):
        return []
    candidates = (frame[f"c{n - 1}"].is_null() & ~blank).arg_true()
    if candidates.is_empty():
        return []
    lines = pl.read_csv(
        block,
        has_header=False,
        separator="\x1f" if dialect.delimiter != "\x1f" else "\x1e",
        quote_char=None,
        eol_char=dialect.eol,
        infer_schema=False,
        new_columns=["line"],
        truncate_ragged_lines=True,
        raise_if_empty=False,
    )["line"]
    if lines.len() == frame.height:  # no record spans two lines
        cells = lines.gather(candidates)
        if b'"' in block:  # delimiters inside quotes do not split fields
            cells = cells.str.replace_all('"[^"]*"', "")
        fields = cells.str.count_matches(dialect.delimiter, literal=True) + 1
        return candidates.filter(fields < n).to_list()
    counts = [
        len(r)
        for r in csv.reader(
            io.StringIO(block.decode("utf-8", "replace"), newline=""), delimiter=dialect.delimiter
        )
    ]
    return [i for i in candidates.to_list() if i < len(counts) and 0 < counts[i] < n]


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
