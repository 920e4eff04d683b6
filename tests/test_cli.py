"""`python -m dashboard audit`: the JSON contract, the text summary, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT

from dashboard.cli import main
from dashboard.criteria import registry


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
    [("it", ["Indice complessivo", "Maturità"]), ("en", ["Overall index", "Maturity"])],
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
