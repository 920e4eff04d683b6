"""Hostile and damaged files end by themselves with a sentence naming the file.

The corpus is built by tests/fixtures/make_hostile.py. Each file goes through the
CLI in a fresh process under an address-space limit (`prlimit --as`), as a server
with bounded memory would run it: exit 2, the file named, no traceback. The guards
are tested one by one too: the structural checks refuse the workbook bombs before
any parser sees them, and the worker process still contains them when those checks
are skipped. A short mutation fuzz over the real export fixtures closes the file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(FIXTURES))
import make_hostile

from dashboard.i18n import english
from dashboard.ingest import load_file
from dashboard.ingest.errors import ReadError
from dashboard.ingest.limits import Limits
from dashboard.ingest.workbook import _in_worker, check_compound_file, check_zip

MEMORY = 3 << 30  # the CLI with polars and pyarrow loaded needs ~2 GiB of address space
EXPECTED = {
    "far_corner.xlsx": "unsafe_workbook",
    "shared_strings_bomb.xlsx": "unsafe_workbook",
    "looping_chain.xls": "unsafe_workbook",
    "truncated.xls": "bad_excel",
    "damaged_deflate.xlsx": "bad_excel",
    "cr_only.csv": "bad_choice",
    "long_header_field.csv": "unknown_layout",
    "year_9999.csv": "bad_date",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_hostile.build(tmp_path_factory.mktemp("hostile"))


def test_the_corpus_is_complete() -> None:
    assert set(make_hostile.CORPUS) == set(EXPECTED)


@pytest.mark.skipif(shutil.which("prlimit") is None, reason="needs prlimit (util-linux)")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_cli_ends_with_exit_2_under_a_memory_limit(corpus: dict[str, Path], name: str) -> None:
    flag = make_hostile.CORPUS[name][1]
    command = ["prlimit", f"--as={MEMORY}", sys.executable, "-m", "dashboard", "audit"]
    started = time.monotonic()
    done = subprocess.run(
        [*command, "--strict", flag, str(corpus[name])],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert time.monotonic() - started < 60
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = [line for line in done.stderr.splitlines() if line.startswith(name)]
    assert lines and any(EXPECTED[name] in line for line in lines), done.stderr[-2000:]
    assert all(len(line) < 1000 for line in lines)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_file_refuses_each_file_in_process(corpus: dict[str, Path], name: str) -> None:
    loaded = load_file(name, corpus[name].read_bytes())
    codes = {p.code for p in loaded.problems if p.severity in ("error", "rejected")}
    assert EXPECTED[name] in codes
    if name.endswith(".csv") and EXPECTED[name] != "unknown_layout":
        assert loaded.ok and loaded.rows_rejected == 1  # the rest of the file still loads


def test_structural_checks_refuse_the_bombs_before_any_parser(corpus: dict[str, Path]) -> None:
    limits = Limits()
    for name in ("far_corner.xlsx", "shared_strings_bomb.xlsx"):
        with pytest.raises(ReadError) as error:
            check_zip(corpus[name].read_bytes(), limits)
        assert error.value.code == "unsafe_workbook"
    with pytest.raises(ReadError, match="loops") as error:
        check_compound_file(corpus["looping_chain.xls"].read_bytes())
    with pytest.raises(ReadError) as error:
        check_compound_file(corpus["truncated.xls"].read_bytes())
    assert error.value.code == "bad_excel"
    # A sound workbook passes both.
    check_compound_file((FIXTURES / "exports" / "linkedin_content_en.xls").read_bytes())
    check_zip((FIXTURES / "ingest" / "roster.xlsx").read_bytes(), limits)


@pytest.mark.parametrize(
    "name", ["far_corner.xlsx", "looping_chain.xls", "shared_strings_bomb.xlsx"]
)
def test_the_worker_contains_a_file_the_checks_would_miss(
    corpus: dict[str, Path], name: str
) -> None:
    """Straight to calamine in its worker, no checks: the worker dies, this process does not."""
    started = time.monotonic()
    with pytest.raises(ReadError) as error:
        _in_worker(corpus[name].read_bytes(), Limits(worker_memory=1 << 30, seconds=30))
    assert error.value.code in ("unsafe_workbook", "too_slow")
    assert time.monotonic() - started < 35


def test_a_time_limit_stops_a_slow_file() -> None:
    data = b"employee_id,department\n" + b"E1,Vendite\n" * 50_000
    loaded = load_file("roster.csv", data, limits=Limits(seconds=0.0, chunk_bytes=4096))
    assert not loaded.ok and loaded.problems[-1].code == "too_slow"


@pytest.mark.parametrize(
    ("limits", "code"),
    [
        (Limits(file_bytes=100), "file_too_big"),
        (Limits(columns=1), "too_many_columns"),
        (Limits(field_bytes=5), "field_too_long"),
    ],
)
def test_each_limit_is_a_refusal_naming_the_file(limits: Limits, code: str) -> None:
    data = b"employee_id,department\nE1,Vendite\n" + b"E2,Risorse umane\n" * 10
    loaded = load_file("roster.csv", data, limits=limits)
    assert not loaded.ok
    [problem] = loaded.problems
    assert problem.code == code and problem.line().startswith("roster.csv")
    assert "PRESENZA_LIMIT_" in english(problem.expected)


def test_a_record_longer_than_the_line_limit_is_refused() -> None:
    data = b'employee_id,department\nE1,"' + b"x" * 100_000 + b"\n"  # a quote never closed
    loaded = load_file(
        "roster.csv", data, limits=Limits(chunk_bytes=4096, preview_bytes=4096, line_bytes=16384)
    )
    assert not loaded.ok and loaded.problems[0].code == "line_too_long"


def test_limits_come_from_the_environment() -> None:
    limits = Limits.from_env({"PRESENZA_LIMIT_COLUMNS": "12", "PRESENZA_LIMIT_SECONDS": "2.5"})
    assert (limits.columns, limits.seconds) == (12, 2.5)
    assert limits.file_bytes == Limits().file_bytes


# --- mutation fuzzing over the real exports --------------------------------------------

SOURCES = sorted(
    p
    for p in [*(FIXTURES / "exports").iterdir(), *(FIXTURES / "ingest").iterdir()]
    if p.suffix in (".csv", ".xls", ".xlsx", ".txt")
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A fixture truncated, with bytes flipped, or spliced with another fixture."""
    source = draw(st.sampled_from(SOURCES))
    data = bytearray(source.read_bytes())
    how = draw(st.sampled_from(["truncate", "flip", "splice"]))
    if how == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif how == "flip":
        for _ in range(draw(st.integers(1, 8))):
            if data:
                at = draw(st.integers(0, len(data) - 1))
                data[at] = draw(st.integers(0, 255))
    else:
        other = draw(st.sampled_from(SOURCES)).read_bytes()
        cut, into = draw(st.integers(0, len(data))), draw(st.integers(0, len(other)))
        data = data[:cut] + other[into:]
    return source.name, bytes(data)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_mutated_exports_never_raise_nor_hang(case: tuple[str, bytes]) -> None:
    name, data = case
    started = time.monotonic()
    loaded = load_file(name, data, limits=Limits(seconds=30))
    assert time.monotonic() - started < 40
    assert loaded.ok or any(p.severity == "error" for p in loaded.problems)
    for problem in loaded.problems:
        assert problem.file == name and "Traceback" not in problem.line()


def test_the_app_refuses_a_hostile_workbook_and_carries_on(corpus: dict[str, Path]) -> None:
    """Uploaded on the Data page: a sentence naming the file, the sample still loaded, and
    the next upload in the same session works."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
    at.context = {"locale": "en-US"}
    at.run()
    at.switch_page("dashboard/app_pages/data.py").run()
    bomb = ("far_corner.xlsx", corpus["far_corner.xlsx"].read_bytes(), "application/vnd.ms-excel")
    at.file_uploader[0].set_value([bomb]).run()
    assert not at.exception
    assert any("far\\_corner.xlsx" in e.value for e in at.error)
    session = at.session_state["session"]
    assert session.sample and session.dataset.files  # what was loaded stays loaded
    roster = ("roster.csv", b"employee_id,department\nE1,Vendite\n", "text/csv")
    at.file_uploader[0].set_value([roster]).run()
    assert not at.exception
    assert [f.file for f in at.session_state["session"].dataset.files] == ["roster.csv"]
