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

import polars as pl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dashboard.ingest import load_file
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
