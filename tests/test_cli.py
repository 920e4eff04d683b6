"""`python -m dashboard audit`: the JSON contract, the text summary, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT

from dashboard.cli import main
from dashboard.criteria import registry
from dashboard.store.db import data_dir


def run(*args: str) -> subprocess.CompletedProcess:
    """The CLI as a user runs it: a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def sample_json() -> dict:
    done = run("audit", "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_json_has_the_contract_shape(sample_json: dict) -> None:
    assert set(sample_json) >= {"period", "overall", "criteria", "gaps", "inputs"}
    assert set(sample_json["period"]) == {"start", "end"}
    assert set(sample_json["overall"]) >= {"score", "level", "measured", "total"}
    assert sample_json["overall"]["total"] == 12
    assert [c["id"] for c in sample_json["criteria"]] == [c.id for c in registry.criteria()]
    for criterion in sample_json["criteria"]:
        assert set(criterion) >= {"id", "score", "measured", "missing", "metrics"}
        for metric in criterion["metrics"]:
            assert set(metric) >= {
                "id",
                "value",
                "score",
                "floor",
                "target",
                "weight",
                "numerator",
                "denominator",
            }
            if metric["value"] is not None and registry.metrics()[metric["id"]].unit == "rate":
                assert 0 <= metric["value"] <= 1
    for gap in sample_json["gaps"]:
        assert set(gap) >= {
            "criterion",
            "metric",
            "value",
            "target",
            "priority",
            "evidence",
            "recommendation",
            "seed",
        }
        assert set(gap["recommendation"]) == {"it", "en"}
    priorities = [g["priority"] for g in sample_json["gaps"]]
    assert priorities == sorted(priorities, reverse=True)
    assert {i["table"] for i in sample_json["inputs"]} >= {
        "roster",
        "company_posts",
        "employee_activity",
    }


def test_json_overall_matches_the_criteria(sample_json: dict) -> None:
    measured = [c for c in sample_json["criteria"] if c["score"] is not None]
    weighted = sum(c["score"] * c["weight"] for c in measured) / sum(c["weight"] for c in measured)
    assert sample_json["overall"]["score"] == pytest.approx(weighted, abs=0.01)
    assert sample_json["overall"]["measured"] == len(measured)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("it", ["Indice complessivo", "Maturità", "Periodo: 01/11/2025 – 31/10/2026"]),
        ("en", ["Overall index", "Maturity", "Period: 2025-11-01 – 2026-10-31"]),
    ],
)
def test_text_summary_lists_every_criterion(lang: str, words: list[str], capsys) -> None:
    assert main(["audit", "--lang", lang]) == 0
    out = capsys.readouterr().out
    for word in words:
        assert word in out
    for criterion in registry.criteria():
        assert criterion.title[lang] in out


def test_bad_input_exits_2_with_the_report_on_stderr() -> None:
    done = run("audit", "--activity", str(FIXTURES / "ingest" / "missing_column.csv"))
    assert done.returncode == 2
    assert "missing_column.csv" in done.stderr and "missing_column" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_missing_file_is_a_sentence_not_a_traceback(tmp_path, capsys) -> None:
    assert main(["audit", "--roster", str(tmp_path / "nope.csv")]) == 2
    err = capsys.readouterr().err
    assert "nope.csv" in err and "Traceback" not in err


def test_strict_makes_rejected_rows_fatal(capsys) -> None:
    bad = str(FIXTURES / "ingest" / "bad_number.csv")
    assert main(["audit", "--activity", bad]) == 0
    assert main(["audit", "--activity", bad, "--strict"]) == 2


def test_unknown_setting_exits_2_naming_the_nearest_id(tmp_path, capsys) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text('[metrics."voice.comentary_share"]\ntarget = 0.4\n')
    assert main(["audit", "--settings", str(settings)]) == 2
    assert "voice.commentary_share" in capsys.readouterr().err


def test_period_option_changes_the_period(capsys) -> None:
    assert main(["audit", "--format", "json", "--start", "2026-07-01", "--end", "2026-09-30"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["period"] == {"start": "2026-07-01", "end": "2026-09-30"}


def test_period_ending_before_it_starts_is_bad_input(capsys) -> None:
    assert main(["audit", "--start", "2026-07-01", "--end", "2026-06-30"]) == 2
    assert "before it starts" in capsys.readouterr().err


@pytest.mark.parametrize("period", [(), ("--start", "2026-01-14", "--end", "2026-05-20")])
def test_a_log_read_out_of_memory_gives_the_same_audit_and_report(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, period: tuple
) -> None:
    """Above PRESENZA_LARGE_LOG_BYTES the log goes to Parquet files and is streamed: the
    same scorecard (whole months and partial ones), the same rows rejected and the same
    copies counted once, and nothing left in the data folder."""
    sample = ROOT / "sample_data"
    lines = (sample / "employee_activity.csv").read_text("utf-8").splitlines(keepends=True)
    log = tmp_path / "employee_activity.csv"
    # Two exact copies and a row whose date cannot be read, among the sample's rows.
    bad = lines[7].replace(lines[7].split(",")[1], "domani", 1)
    log.write_text("".join([*lines[:50], lines[10], lines[20], bad, *lines[50:]]), "utf-8")
    files = ["--posts", str(sample / "company_posts.csv"), "--activity", str(log)]
    files += ["--roster", str(sample / "roster.csv"), *period]

    def audit() -> tuple[dict, list[str], dict]:
        assert main(["audit", "--format", "json", *files]) == 0
        out, err = capsys.readouterr()
        card = json.loads(out)
        inputs = {i["file"]: i for i in card.pop("inputs")}
        return card, sorted(err.splitlines()), inputs["employee_activity.csv"]

    in_memory = audit()
    monkeypatch.setenv("PRESENZA_LARGE_LOG_BYTES", "1")
    out_of_memory = audit()
    assert out_of_memory[0] == in_memory[0]
    assert out_of_memory[1] == in_memory[1]
    assert any("duplicate_row — 2 rows" in line for line in in_memory[1])
    assert any("bad_date" in line for line in in_memory[1])
    counts = ("rows_loaded", "rows_rejected", "status")
    assert [out_of_memory[2][k] for k in counts] == [in_memory[2][k] for k in counts]
    assert data_dir().exists() and not list(data_dir().glob("spill-*"))
