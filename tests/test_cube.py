"""The monthly sums prepared once (criteria/cube.py) give every period the numbers a pass over
the log gives: whole months come from the sums, partial ones from the log, and a month whose
actions all fall inside the period counts as whole even when the period cuts it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria.context import AuditData, company_related, prepare
from dashboard.criteria.cube import ActivityCube, PeriodSums
from dashboard.criteria.matching import WHITE_SPACE
from dashboard.period import Period
from dashboard.settings import Settings


@pytest.fixture(scope="module")
def data() -> AuditData:
    return prepare(load_sample())


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort(frame.columns)


def assert_same(a: PeriodSums, b: PeriodSums) -> None:
    assert a.off_topic == b.off_topic
    assert a.per_employee.schema == b.per_employee.schema
    assert _sorted(a.per_employee).equals(_sorted(b.per_employee))
    assert _sorted(a.pairs).equals(_sorted(b.pairs))
    assert a.monthly.equals(b.monthly)  # sorted by month already


def test_the_sample_log_spans_about_a_year(data: AuditData) -> None:
    """The cases below need a log over several months with some of every kind of row."""
    assert data.cube.first is not None and data.cube.last is not None
    assert (data.cube.last - data.cube.first).days > 300
    assert data.cube.sums.pairs.height and data.cube.sums.off_topic.height


@given(start=st.integers(-40, 420), days=st.integers(0, 500))
@settings(max_examples=60, deadline=None)
def test_any_period_gives_what_the_log_gives(data: AuditData, start: int, days: int) -> None:
    first = data.cube.first.date() + timedelta(days=start)
    period = Period(first, first + timedelta(days=days))
    cube = data.cube
    assert_same(cube.period(data.activity, period), cube.period(data.activity, period, whole=False))


def _without_log(data: AuditData) -> pl.DataFrame:
    return data.activity.clear()


def test_a_period_of_whole_months_reads_nothing_from_the_log(data: AuditData) -> None:
    first = data.cube.first.date()
    period = Period(date(first.year, first.month, 1) + timedelta(days=62), data.cube.last.date())
    period = Period(period.start.replace(day=1), period.end)
    sums = data.cube.period(_without_log(data), period)
    assert_same(sums, data.cube.period(data.activity, period, whole=False))
    assert sums.per_employee.height > 0


def test_a_period_cut_mid_month_reads_the_partial_months_from_the_log(data: AuditData) -> None:
    first = data.cube.first.date()
    period = Period(first + timedelta(days=40), first + timedelta(days=200))
    assert period.start.day != 1
    without = data.cube.period(_without_log(data), period)
    assert without.per_employee["actions"].sum() < (
        data.cube.period(data.activity, period).per_employee["actions"].sum()
    )


def test_days_without_actions_do_not_make_a_month_partial(data: AuditData) -> None:
    """A log that starts on the 10th and ends on the 20th: a period from the 5th to the
    25th, or from the first action's day to the last's, covers both edge months whole
    (nothing of them is read from the log)."""
    first = data.cube.first.date()
    start = date(first.year, first.month, 10)
    end = (start + timedelta(days=120)).replace(day=20)
    log = data.activity.filter(pl.col("occurred_at").dt.date().is_between(start, end))
    cube = ActivityCube.build(log, data.roster)
    for period in (
        Period(start - timedelta(days=5), end + timedelta(days=5)),
        Period(start, end),
    ):
        sums = cube.period(log.clear(), period)
        assert_same(sums, cube.period(log, period, whole=False))
        assert sums.per_employee["actions"].sum() == log["company_related"].fill_null(True).sum()
    # …but a period that leaves out some of those days reads them from the log.
    cut = Period(start + timedelta(days=1), end)
    assert cube.period(log.clear(), cut).per_employee["actions"].sum() < (
        cube.period(log, cut).per_employee["actions"].sum()
    )


def test_an_empty_log_gives_empty_sums() -> None:
    empty = prepare(load_sample().remove("employee_activity.csv"))
    sums = empty.cube.period(empty.activity, Period(date(2026, 1, 1), date(2026, 3, 31)))
    assert sums.per_employee.is_empty() and sums.pairs.is_empty() and sums.monthly.is_empty()
    assert sums.off_topic == 0


def test_the_search_for_ids_that_may_be_names_sees_what_the_expression_sees() -> None:
    """match_employee_ids looks for '@' and white space with a plain multi-string search:
    it must find exactly the characters polars' `\\s` finds, over all of Unicode."""
    characters = pl.Series([chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF])
    by_expression = characters.str.contains(r"[@\s]")
    by_search = characters.str.contains_any(["@", *WHITE_SPACE])
    assert by_expression.equals(by_search) and by_search.sum() == 26


def _interactions_by_joins(ctx) -> pl.DataFrame:
    """What Context.interactions must hold, by plain joins of the log's pairs (as the engine
    computed it before the cube): each actor and target counted, their columns."""
    people = ctx.employees.select("employee_id", "department", "manager_id").with_row_index("code")
    pairs = (
        company_related(ctx.data.activity)
        .filter(
            pl.col("occurred_at").is_between(ctx.period.start_dt, ctx.period.end_dt)
            & pl.col("target_employee_id").is_not_null()
            & (pl.col("target_employee_id") != pl.col("employee_id"))
        )
        .group_by("employee_id", "target_employee_id")
        .agg(n=pl.len())
        .collect()
    )
    targets = people.select(
        target_employee_id="employee_id",
        target_department="department",
        target_manager_id="manager_id",
        target_code="code",
    )
    return pairs.join(people, on="employee_id").join(targets, on="target_employee_id")


@pytest.mark.parametrize("twice", [False, True], ids=["roster", "roster-listing-someone-twice"])
def test_interactions_are_the_pairs_of_employees_counted(twice: bool) -> None:
    dataset = load_sample()
    roster = next(f for f in dataset.files if f.table == "roster")
    # A fifth of the roster left at the end of January: from March on, their actions
    # and the actions aimed at them are not between employees counted.
    gone = pl.int_range(pl.len()) % 5 == 0
    frame = roster.frame.with_columns(
        left_at=pl.when(gone).then(pl.lit(date(2026, 1, 31))).otherwise(pl.col("left_at"))
    )
    if twice:  # a second row for one employee, in another department: joined twice
        frame = pl.concat([frame, frame.slice(1, 1).with_columns(department=pl.lit("Altro"))])
    dataset = dataset.remove(roster.file).add(replace(roster, frame=frame))
    auditor = Auditor(dataset)
    span = auditor.period()
    ctx = auditor.context(Settings(), Period(date(2026, 3, 1), span.end))
    assert ctx.employees.height < auditor.data.roster.height
    expected = _interactions_by_joins(ctx)
    assert expected.height > 100
    columns = sorted(expected.columns)
    got = ctx.interactions.select(columns)
    assert _sorted(got).equals(_sorted(expected.select(columns).cast(got.schema)))
