"""The sample generator: canonical, consistent, deterministic, and shaped to exercise every
criterion (uneven participation, commentary, collaboration, silent weeks, managers)."""

from __future__ import annotations

import argparse
import tomllib
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest

from dashboard.sample import add_arguments, generate, run
from dashboard.schema import COMPANY_POSTS, EMPLOYEE_ACTIVITY, EMPLOYEE_SUMMARY, ROSTER

END = date(2026, 10, 31)
START = date(2025, 11, 1)  # 12 months ending on END


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return generate(tmp_path_factory.mktemp("sample"), employees=300, seed=11, summary=True)


def _read(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema=False)


@pytest.fixture(scope="module")
def roster(files: dict[str, Path]) -> pl.DataFrame:
    return _read(files["roster"])


@pytest.fixture(scope="module")
def posts(files: dict[str, Path]) -> pl.DataFrame:
    return _read(files["company_posts"]).with_columns(pl.col("published_at").str.to_datetime())


@pytest.fixture(scope="module")
def activity(files: dict[str, Path]) -> pl.DataFrame:
    return _read(files["employee_activity"])


def test_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    def contents(out: Path, seed: int) -> dict[str, bytes]:
        written = generate(out, employees=60, months=3, seed=seed, summary=True)
        return {name: path.read_bytes() for name, path in written.items()}

    first = contents(tmp_path / "a", 3)
    assert first == contents(tmp_path / "b", 3)
    assert first["employee_activity"] != contents(tmp_path / "c", 4)["employee_activity"]


def test_headers_are_exactly_the_canonical_columns(files: dict[str, Path]) -> None:
    tables = {
        "roster": ROSTER,
        "company_posts": COMPANY_POSTS,
        "employee_activity": EMPLOYEE_ACTIVITY,
        "employee_summary": EMPLOYEE_SUMMARY,
    }
    for name, table in tables.items():
        header = files[name].read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.split(",") == table.names, name


def test_ids_are_unique(roster: pl.DataFrame, posts: pl.DataFrame) -> None:
    assert roster["employee_id"].is_unique().all()
    assert roster["email"].is_unique().all()
    assert posts["post_id"].is_unique().all()
    long_ids = posts.filter(pl.col("platform").is_in(["linkedin", "x"]))["post_id"]
    assert (long_ids.str.len_chars() == 19).all()


def test_every_reference_is_in_the_roster_or_the_posts(
    roster: pl.DataFrame, posts: pl.DataFrame, activity: pl.DataFrame
) -> None:
    ids = roster["employee_id"].implode()
    for column in ("employee_id", "target_employee_id"):
        assert activity[column].drop_nulls().is_in(ids).all(), column
    assert roster["manager_id"].drop_nulls().is_in(ids).all()
    sources = activity["source_post_id"].drop_nulls()
    assert len(sources) > 0
    assert sources.is_in(posts["post_id"].implode()).all()
    assert (activity.filter(pl.col("source_post_id").is_not_null())["action"] == "share").all()


def test_activity_happens_while_employed_and_in_the_period(
    roster: pl.DataFrame, activity: pl.DataFrame
) -> None:
    joined = activity.join(roster, on="employee_id").with_columns(
        day=pl.col("occurred_at").str.to_datetime().dt.date(),
        hired=pl.col("hired_at").str.to_date(),
        left=pl.col("left_at").str.to_date(),
    )
    assert joined["day"].min() >= START and joined["day"].max() <= END
    assert (joined["day"] >= joined["hired"]).all()
    leavers = joined.filter(pl.col("left").is_not_null())
    assert (leavers["day"] <= leavers["left"]).all()
    assert roster["left_at"].drop_nulls().len() > 0
    assert (roster["hired_at"] >= START.isoformat()).sum() > 0


def test_participation_is_uneven_and_plausible(
    roster: pl.DataFrame, activity: pl.DataFrame
) -> None:
    related = activity.filter(pl.col("company_related") == "true")
    active = related["employee_id"].unique()
    # A mid-maturity company: a tenth of the staff, short of the 30 % target.
    assert 0.05 <= len(active) / len(roster) <= 0.2
    by_person = related.group_by("employee_id").len()["len"].sort(descending=True)
    assert by_person.head(len(roster) // 10).sum() / by_person.sum() > 0.5  # champions
    rate = roster.with_columns(active=pl.col("employee_id").is_in(active.implode()))
    by_department = rate.group_by("department").agg(pl.col("active").mean())["active"]
    assert by_department.min() < 0.2 < by_department.max()
    managers = rate.group_by("is_manager").agg(pl.col("active").mean()).sort("is_manager")
    assert managers["active"][1] > managers["active"][0]
    assert 2.5 <= len(activity) / (len(roster) * 12) <= 5.0  # rows per employee-month


def test_shares_with_and_without_commentary(activity: pl.DataFrame) -> None:
    shares = activity.filter(pl.col("action") == "share")["with_commentary"]
    assert set(shares.unique()) == {"true", "false"}
    assert 0.2 < (shares == "true").mean() < 0.6
    others = activity.filter(pl.col("action") != "share")["with_commentary"]
    assert others.null_count() == len(others)


def test_interactions_within_and_across_departments(
    roster: pl.DataFrame, activity: pl.DataFrame
) -> None:
    departments = roster.select("employee_id", "department")
    pairs = (
        activity.filter(pl.col("target_employee_id").is_not_null())
        .join(departments, on="employee_id")
        .join(departments, left_on="target_employee_id", right_on="employee_id", suffix="_2")
    )
    assert (pairs["employee_id"] != pairs["target_employee_id"]).all()
    cross = (pairs["department"] != pairs["department_2"]).mean()
    assert 0.1 < cross < 0.7
    assert set(pairs["action"].unique()) >= {"comment", "reaction"}


def test_page_has_silent_weeks_agency_posts_and_a_quiet_platform(posts: pl.DataFrame) -> None:
    first_monday = START - timedelta(days=START.weekday())
    weeks = {first_monday + timedelta(weeks=i) for i in range((END - first_monday).days // 7 + 1)}
    posted = set(posts["published_at"].dt.truncate("1w").dt.date())
    assert weeks - posted  # at least one ISO week without page posts
    assert posted <= weeks
    assert posts.filter(pl.col("author") == "Agenzia Vinum").height > 0
    assert posts["author"].null_count() > 0
    recent = posts.filter(pl.col("published_at").dt.date() > END - timedelta(days=90))
    assert set(recent["platform"]) == {"linkedin", "facebook", "instagram"}
    assert posts.filter(pl.col("platform") == "x")["reach"].null_count() > 0
    numbers = posts.select(pl.col("comments", "comments_replied").cast(pl.Int64).sum())
    assert 0 < numbers["comments_replied"][0] < numbers["comments"][0]


def test_managers_lead_every_department_of_five_or_more(roster: pl.DataFrame) -> None:
    by_department = roster.group_by("department").agg(
        size=pl.len(), managers=(pl.col("is_manager") == "true").sum()
    )
    assert (by_department.filter(pl.col("size") >= 5)["managers"] > 0).all()
    assert 0.08 <= (roster["is_manager"] == "true").mean() <= 0.15
    assert roster["manager_id"].null_count() == 1  # the CEO
    staff = roster.filter(pl.col("is_manager") == "false").join(
        roster.select(manager_id="employee_id", boss_department="department"), on="manager_id"
    )
    assert (staff["department"] == staff["boss_department"]).all()


def test_questionnaire_and_summary_agree_with_the_tables(
    files: dict[str, Path], activity: pl.DataFrame, roster: pl.DataFrame
) -> None:
    answers = tomllib.loads(files["questionnaire"].read_text(encoding="utf-8"))
    assert answers["agencies"] == ["Agenzia Vinum"]
    assert set(answers["governance"].values()) >= {True, False}
    assert "youtube" in answers["platforms"]["expected"]
    assert set(answers["followers"]) == set(answers["platforms"]["expected"])
    summary = _read(files["employee_summary"])
    assert summary["employee_id"].to_list() == roster["employee_id"].to_list()
    assert summary["network_size"].to_list() == roster["followers"].to_list()
    assert summary["shares"].cast(pl.Int64).sum() == (activity["action"] == "share").sum()
    clicks = activity["clicks"].cast(pl.Int64).sum()
    assert summary["clicks"].cast(pl.Int64).sum() == clicks


def test_run_prints_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--employees", "40", "--months", "2", "--out", str(tmp_path)])
    assert run(args) == 0
    printed = capsys.readouterr().out
    assert "roster.csv  40 rows" in printed
    assert "employee_summary" not in printed
