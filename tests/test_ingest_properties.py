"""Properties of the reader that must hold for every file, not only the ones written for it.

- Round trip: any table of canonical columns written by Python's csv module, in any
  dialect and encoding it can write, loads with the same values.
- Chunk independence: the same file gives the same table whatever the reader's
  window and chunk sizes, down to a few dozen bytes (every boundary case).
- Accounting: rows loaded + rejected + dropped as duplicates = data rows written.
- Robustness: random bytes never raise out of `load_file`.

The default run keeps the examples small and few; `-m slow` runs a large case.
"""

from __future__ import annotations

import csv
import io
from unittest.mock import patch

import polars as pl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dashboard.ingest import load_file, reader
from dashboard.ingest.limits import Limits

QUOTING = {"all": csv.QUOTE_ALL, "minimal": csv.QUOTE_MINIMAL, "nonnumeric": csv.QUOTE_NONNUMERIC}
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")
TINY = Limits(sample_bytes=64, preview_bytes=48, chunk_bytes=40, line_bytes=1 << 20)

# Text as people write it: accents, emoji, quotes, delimiters and line breaks inside.
_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc", "Zl", "Zp"),
) | st.sampled_from(list('",;\t\n\r"\'àèéìòùÀÈ€“”🍷😀 '))
TEXT = st.text(_CHARS, max_size=30)
DEPARTMENT = st.text(_CHARS, min_size=1, max_size=12).filter(lambda t: t.strip() != "")
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@st.composite
def rosters(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    """(employee_id, department, name) rows with distinct ids."""
    n = draw(st.integers(1, 12))
    return [(f"E{i:04d}", draw(DEPARTMENT), draw(TEXT)) for i in range(n)]


@st.composite
def dialects(draw: st.DrawFn) -> dict:
    return {
        "quoting": QUOTING[draw(st.sampled_from(sorted(QUOTING)))],
        "delimiter": draw(st.sampled_from([",", ";", "\t"])),
        "lineterminator": draw(st.sampled_from(["\r\n", "\n"])),
        "encoding": draw(st.sampled_from(ENCODINGS)),
    }


def write(rows: list[tuple], header: list[str], dialect: dict) -> bytes:
    out = io.StringIO(newline="")
    encoding = dialect["encoding"]
    writer = csv.writer(out, **{k: v for k, v in dialect.items() if k != "encoding"})
    writer.writerow(header)
    writer.writerows(rows)
    text = out.getvalue()
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)  # cp1252 cannot hold every character
    if encoding == "cp1252" and not data.isascii():
        try:  # cp1252 bytes that are also valid UTF-8 are UTF-8 to any reader
            data.decode("utf-8")
            assume(False)
        except UnicodeDecodeError:
            pass
    return data


def expected(value: str) -> str | None:
    """How a text cell is loaded: stripped, blank is unknown."""
    return value.strip() or None


def roster_of(data: bytes, limits: Limits | None = None) -> list[tuple]:
    loaded = load_file("roster.csv", data, limits=limits)
    assert loaded.ok, [p.line() for p in loaded.problems][:3]
    return loaded.frame.select("employee_id", "department", "name").rows()


@SETTINGS
@given(rosters(), dialects())
def test_round_trip_any_dialect(rows: list[tuple], dialect: dict) -> None:
    data = write(rows, ["employee_id", "department", "name"], dialect)
    loaded = roster_of(data)
    assert loaded == [(i, expected(d), expected(n)) for i, d, n in rows]


@SETTINGS
@given(rosters(), dialects(), st.integers(8, 200), st.integers(8, 200))
def test_chunk_sizes_do_not_change_the_table(
    rows: list[tuple], dialect: dict, preview: int, chunk: int
) -> None:
    data = write(rows, ["employee_id", "department", "name"], dialect)
    tiny = Limits(sample_bytes=max(preview, 32), preview_bytes=preview, chunk_bytes=chunk)
    assert roster_of(data, tiny) == roster_of(data)


BAD_DATE = st.sampled_from(["domani", "2026-13-45", "9999-12-31", "31/31/2026"])


@st.composite
def activity_logs(draw: st.DrawFn) -> tuple[bytes, int]:
    """An activity log with good rows, rows with a bad date, exact copies and blank lines;
    and how many data rows it has."""
    lines = ["employee_id,occurred_at,action,impressions"]
    data_rows = 0
    for i in range(draw(st.integers(1, 25))):
        kind = draw(st.sampled_from(["good", "good", "bad", "copy", "blank", "short"]))
        if kind == "blank":
            lines.append("")
            continue
        if kind == "copy" and data_rows:
            lines.append(lines[-1] if lines[-1] else f"E{i},2026-03-01T10:00:00,post,1")
        elif kind == "bad":
            lines.append(f"E{i},{draw(BAD_DATE)},share,{i}")
        elif kind == "short":
            lines.append(f"E{i},2026-03-02T10:00:00,post")
        else:
            lines.append(f"E{i},2026-03-{1 + i % 28:02d}T10:00:00,comment,{i * 7}")
        data_rows += 1
    return ("\n".join(lines) + "\n").encode(), data_rows


@SETTINGS
@given(activity_logs(), st.booleans())
def test_rows_loaded_rejected_and_duplicates_account_for_every_row(
    log: tuple[bytes, int], tiny: bool
) -> None:
    data, data_rows = log
    loaded = load_file("activity.csv", data, limits=TINY if tiny else None)
    assert loaded.rows_read == data_rows
    assert loaded.rows_loaded + loaded.rows_rejected + loaded.rows_duplicate == data_rows
    rejected_rows = {p.row for p in loaded.problems if p.severity == "rejected"}
    assert len(rejected_rows) == loaded.rows_rejected


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data: bytes) -> None:
    loaded = load_file("random.csv", data)
    assert loaded.ok or any(p.severity == "error" for p in loaded.problems)


@pytest.mark.slow
def test_a_large_quoted_roster_in_tiny_chunks_loads_identically() -> None:
    rows = [(f"E{i:06d}", f"Reparto {i % 20}", f'Nome "{i}", {i}\nriga') for i in range(200_000)]
    data = write(
        rows,
        ["employee_id", "department", "name"],
        {"quoting": csv.QUOTE_ALL, "delimiter": ",", "lineterminator": "\r\n", "encoding": "utf-8"},
    )
    small = Limits(preview_bytes=4096, chunk_bytes=65_536)
    frame = load_file("roster.csv", data, limits=small).frame
    assert frame.height == len(rows)
    assert frame.equals(load_file("roster.csv", data).frame)
    assert frame["name"][-1] == rows[-1][2] and isinstance(frame, pl.DataFrame)


# --- the native reading -------------------------------------------------------------

# Cells the native reader takes (some read its own way: `+5`, ` 5`, `TRUE`), and the
# messy ones it refuses, which make it read their block as text.
NATIVE_CELLS = [
    st.sampled_from(["2026-03-02T10:00:00", "2026-03-03 11:00:00", "domani", ""]),
    st.sampled_from(["post", "share", "reaction"]),
    st.sampled_from(["true", "false", "TRUE", "False", ""]),
    st.sampled_from(["7", "+5", " 5", "05", "-5", " -5", "-05", ""]),
    st.sampled_from(["E1", "", " E2 ", "E 3"]),
]
MESSY_CELLS = [
    st.sampled_from(["31/31/2026"]),
    st.sampled_from(["Post", "like", " share", ""]),
    st.sampled_from(["sì", "yes", "x", "1", " true"]),
    st.sampled_from(["1.250", "1,5", "abc", "1e3"]),
    st.sampled_from(["E4"]),
]
ACTIVITY_HEADER = [
    "employee_id",
    "occurred_at",
    "action",
    "with_commentary",
    "impressions",
    "target_employee_id",
]


@st.composite
def mixed_logs(draw: st.DrawFn) -> list[tuple]:
    """Activity rows that start clean (so the sample chooses native types), then hold cells
    the native reader reads its own way and, now and then, one it refuses."""
    rows = [
        (f"E{i}", f"2026-03-{1 + i:02d}T09:00:00", "post", "true", str(i), "E1") for i in range(3)
    ]
    for i in range(draw(st.integers(0, 30))):
        messy = draw(st.sampled_from([None] * 6 + list(range(len(NATIVE_CELLS)))))
        cells = [
            draw((MESSY_CELLS if k == messy else NATIVE_CELLS)[k]) for k in range(len(NATIVE_CELLS))
        ]
        rows.append((f"E{i % 4}", *cells))
    return rows


def _report(loaded) -> tuple:
    frame = loaded.frame
    return (
        None if frame is None else frame.rows(),
        None if frame is None else frame.schema,
        loaded.problems,
        loaded.rows_read,
        loaded.rows_rejected,
        loaded.rows_duplicate,
    )


@settings(SETTINGS, max_examples=40)
@given(mixed_logs(), dialects(), st.sampled_from([None, 160, 400]))
def test_reading_natively_never_changes_what_loads(
    rows: list[tuple], dialect: dict, chunk: int | None
) -> None:
    """The same file read with and without the native fast path: the same table, the same
    problems (file, row, column, cell), the same counts, in any dialect and chunk size."""
    data = write(rows, ACTIVITY_HEADER, dialect)
    limits = chunk and Limits(sample_bytes=256, preview_bytes=chunk, chunk_bytes=chunk)
    fast = load_file("activity.csv", data, limits=limits)
    with patch("dashboard.ingest.convert.native_types", return_value={}):
        text = load_file("activity.csv", data, limits=limits)
    assert _report(fast) == _report(text)


def test_a_clean_log_is_read_natively_and_a_refused_block_as_text() -> None:
    """The case above is not vacuous: a clean log's blocks are read natively, and a block
    with a cell the native reader refuses (`sì`) is read as text and reported as such."""

    def clean(first: int) -> bytes:
        rows = range(first, first + 200)
        return b"".join(f"E{i},2026-03-01T10:00:00,post,true,{i},\n".encode() for i in rows)

    bad = b"E9,2026-03-01T10:00:00,post,s\xc3\xac,-3,\n"
    data = ",".join(ACTIVITY_HEADER).encode() + b"\n" + clean(0) + bad + clean(200)
    reads = []
    real = reader._typed_block

    def spy(*args):
        frame = real(*args)
        reads.append(frame is not None)
        return frame

    small = Limits(sample_bytes=4096, preview_bytes=2048, chunk_bytes=2048)
    with patch("dashboard.ingest.reader._typed_block", side_effect=spy):
        loaded = load_file("activity.csv", data, limits=small)
    assert True in reads and False in reads
    assert loaded.rows_loaded == 400 and loaded.rows_rejected == 1
    negative = next(p for p in loaded.problems if p.severity == "rejected")
    assert (negative.row, negative.code, negative.value) == (202, "negative", "-3")


def test_a_quoted_empty_cell_is_blank_when_read_natively() -> None:
    """Every field quoted, no white space anywhere (so no cell is stripped): an empty
    target is unknown, not an empty id, on the native path as on the text one."""
    rows = [(f"E{i}", "2026-03-02T10:00:00", "post", "true", str(i), "") for i in range(5)]
    dialect = {"quoting": csv.QUOTE_ALL, "delimiter": ",", "lineterminator": "\n"}
    data = write(rows, ACTIVITY_HEADER, {**dialect, "encoding": "utf-8"})
    loaded = load_file("activity.csv", data)
    assert loaded.frame["target_employee_id"].to_list() == [None] * 5
    assert loaded.frame.schema["impressions"] == pl.Int64
