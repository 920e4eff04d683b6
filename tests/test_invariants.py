"""Properties every audit must have, whatever the company (hypothesis, through the real loader):

- an off-topic action (company_related false) changes no metric;
- an action by someone not employed in the period changes no metric;
- the order of the rows in the files changes nothing;
- splitting a file into two uploads of overlapping periods changes nothing.

Each compares the numbers (value, numerator, denominator, why not measured) of every
metric before and after; evidence may say more (how many off-topic actions were left out).
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

import polars as pl
from hypothesis import given
from hypothesis import strategies as st
from reference.companies import Company, companies, examples, load
from reference.compare import engine_measures

OPTIONAL = ("with_commentary", "target_employee_id", "reach", "impressions")

Numbers = dict[str, tuple[Any, ...]]


def numbers(files: list[tuple[str, str]], company: Company) -> Numbers:
    measures = engine_measures(load(files), company.start, company.end)
    return {
        mid: (m.value, m.numerator, m.denominator, m.missing, m.note) for mid, m in measures.items()
    }


def assert_same(before: Numbers, after: Numbers) -> None:
    def close(a: Any, b: Any) -> bool:
        if isinstance(a, float) and isinstance(b, float):
            return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
        return a == b

    changed = {
        mid: (before[mid], after[mid])
        for mid in before
        if not all(close(a, b) for a, b in zip(before[mid], after[mid], strict=True))
    }
    assert changed == {}


def _with_column(company: Company, table: str, column: str) -> Company:
    """The company with `column` in its `table` file (blank where a row has no value)."""
    if column in company.columns[table]:
        return company
    return replace(company, columns={**company.columns, table: [*company.columns[table], column]})


def _row(draw: st.DrawFn, company: Company, actor: str, related: bool | None) -> dict[str, Any]:
    """An action by `actor` near the period; optional columns filled only where the
    company's log already fills them with a company-related row (so the row cannot be
    what makes a column present)."""
    filled = {
        c
        for r in company.activity
        if r["company_related"] is not False
        for c in OPTIONAL
        if r.get(c) is not None and c in company.columns["activity"]
    }
    day = company.start + timedelta(days=draw(st.integers(-3, (company.end - company.start).days)))
    row = {
        "employee_id": actor,
        "occurred_at": datetime.combine(day, time(draw(st.integers(0, 23)), 30)),
        "action": draw(st.sampled_from(["post", "share", "comment", "reaction"])),
        "company_related": related,
        "with_commentary": draw(st.booleans()),
        "target_employee_id": draw(st.sampled_from([r["employee_id"] for r in company.roster])),
        "reach": draw(st.integers(0, 900)),
        "impressions": draw(st.integers(0, 900)),
    }
    return {k: (v if k not in OPTIONAL or k in filled else None) for k, v in row.items()}


@examples(15)
@given(companies(), st.data())
def test_an_off_topic_action_changes_no_metric(company: Company, data: st.DataObject) -> None:
    company = _with_column(company, "activity", "company_related")
    person = data.draw(st.sampled_from(company.roster))
    actor = data.draw(st.sampled_from([person["employee_id"], person["email"], person["name"]]))
    row = _row(data.draw, company, actor, related=False)
    # Off-topic rows enter no metric: not even as the value that makes a column present.
    row.update(
        with_commentary=data.draw(st.booleans()),
        target_employee_id=person["employee_id"],
        reach=data.draw(st.integers(0, 900)),
    )
    before = numbers(company.files(), company)
    after = numbers(company.with_rows("activity", [*company.activity, row]).files(), company)
    assert_same(before, after)


@examples(15)
@given(companies(), st.data())
def test_an_action_by_someone_not_employed_in_the_period_changes_no_metric(
    company: Company, data: st.DataObject
) -> None:
    gone = {
        "employee_id": "Z99",
        "department": company.roster[0]["department"],
        "name": "Walter Passato",
        "email": "walter.passato@acme.it",
        "title": "Direttore generale",
        "is_manager": data.draw(st.sampled_from([None, True])),
        "manager_id": None,
        "followers": 7000,
        **data.draw(
            st.sampled_from(
                [
                    {"hired_at": None, "left_at": company.start - timedelta(days=1)},
                    {"hired_at": company.end + timedelta(days=1), "left_at": None},
                ]
            )
        ),
    }
    company = company.with_rows("roster", [*company.roster, gone])
    company = _with_column(_with_column(company, "roster", "hired_at"), "roster", "left_at")
    if not any(r["company_related"] is not False for r in company.activity):
        return  # with no action log to add to, one row would create the log itself
    actor = data.draw(st.sampled_from(["Z99", "walter.passato@acme.it", "Walter Passato"]))
    row = _row(data.draw, company, actor, related=data.draw(st.sampled_from([True, None])))
    before = numbers(company.files(), company)
    after = numbers(company.with_rows("activity", [*company.activity, row]).files(), company)
    assert_same(before, after)


@examples(15)
@given(companies(), st.data())
def test_row_order_changes_nothing(company: Company, data: st.DataObject) -> None:
    shuffled = company
    for table in ("roster", "activity", "posts"):
        rows = getattr(company, table)
        shuffled = shuffled.with_rows(table, data.draw(st.permutations(rows)))
    assert_same(numbers(company.files(), company), numbers(shuffled.files(), company))


def _distinct(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for row in rows:
        key = tuple(sorted(row.items()))
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def _moment(row: dict[str, Any]) -> datetime:
    return row.get("published_at") or row["occurred_at"]


@examples(15)
@given(companies(), st.data())
def test_two_uploads_of_overlapping_periods_change_nothing(
    company: Company, data: st.DataObject
) -> None:
    """Page posts exported twice over overlapping periods count once (the same post, by
    platform and post_id); the log is split between two files whose periods overlap."""
    first = company.start - timedelta(days=45)
    cut_a, cut_b = sorted(
        datetime.combine(first + timedelta(days=data.draw(st.integers(0, 250))), time(12))
        for _ in range(2)
    )
    # Within one file the loader keeps exact copies of a row once; across two files it
    # cannot tell a copy from a second action, so the split starts from distinct rows.
    company = company.with_rows("activity", _distinct(company.activity))
    files: list[tuple[str, str]] = []
    posts_a = [r for r in company.posts if _moment(r) <= cut_b]
    posts_b = [r for r in company.posts if _moment(r) >= cut_a]  # rows in both: the overlap
    log_a, log_b = [], []
    for row in company.activity:
        moment = _moment(row)
        in_a = moment < cut_a or (moment <= cut_b and data.draw(st.booleans()))
        (log_a if in_a else log_b).append(row)
    for name, table, rows in (
        ("roster.csv", "roster", company.roster),
        ("posts_a.csv", "posts", posts_a),
        ("posts_b.csv", "posts", posts_b),
        ("activity_a.csv", "activity", log_a),
        ("activity_b.csv", "activity", log_b),
    ):
        if rows:
            files.append((name, company.csv(table, rows)))
    files += [f for f in company.files() if f[0].endswith(".toml")]
    assert_same(numbers(company.files(), company), numbers(files, company))


def test_a_roster_in_two_files_one_without_hire_dates_combines() -> None:
    dataset = load(
        [
            ("roster_a.csv", "employee_id,department,hired_at\nE01,Vendite,\n"),
            ("roster_b.csv", "employee_id,department,hired_at\nE02,IT,2026-01-03\n"),
        ]
    )
    roster = dataset.table("roster").sort("employee_id")
    assert roster.schema["hired_at"] == pl.Date
    assert roster["hired_at"].to_list() == [None, date(2026, 1, 3)]
