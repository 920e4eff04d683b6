"""Criterion family `governance`: the policy and training questionnaire, and the roster's flags."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import polars as pl

from dashboard.criteria.base import Measure, family, records
from dashboard.criteria.context import Context
from dashboard.messages import Ref, msg
from dashboard.questionnaire import GOVERNANCE_KEYS

RECENT = "policy_updated_12_months"  # the checklist item read from the policy_updated date


@family("governance", answers=("governance",))
def governance(ctx: Context) -> dict[str, Measure]:
    return {
        "governance.checklist": checklist(
            ctx.questionnaire.get("governance") or {}, ctx.period.end
        ),
        "governance.trained_share": _flag_share(ctx, "trained"),
        "governance.opted_in_share": _flag_share(ctx, "opted_in"),
    }


def year_before(day: date) -> date:
    """The same day one year earlier (28 February for 29 February; the first day a date
    can hold for a day in year 1)."""
    if day.year == 1:
        return date.min
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def checklist(answers: dict[str, Any], end: date) -> Measure:
    """True answers ÷ answered questions; policy_updated counts as true when on or after end − 12 months.

    A revision dated after the period end still counts as recent: the questionnaire
    describes the company at audit time and the latest revision is all it records.
    """
    items: dict[str, bool | None] = {}
    for key in GOVERNANCE_KEYS:
        if key == "policy_updated":
            updated = _as_date(answers.get(key))
            items[RECENT] = None if updated is None else updated >= year_before(end)
        else:
            value = answers.get(key)
            items[key] = value if isinstance(value, bool) else None
    answered = {k: v for k, v in items.items() if v is not None}
    evidence = {
        "false": [k for k, v in answered.items() if not v],
        "not_answered": [k for k, v in items.items() if v is None],
    }
    if not answered:
        return Measure.not_measured(
            msg("measure.missing.questionnaire", section="governance"), evidence
        )
    return Measure.ratio(sum(answered.values()), len(answered), evidence)


def _as_date(value: Any) -> date | None:
    """The revision date as a date (answers from the app may carry a datetime or ISO text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _flag_share(ctx: Context, column: str) -> Measure:
    """Employees counted with the roster flag true ÷ employees counted where it is known."""
    if not ctx.has("roster"):
        return Measure.not_measured(Ref("roster"))
    if not ctx.has("roster", column):
        return Measure.not_measured(Ref("roster", column))
    flag = pl.col(column)
    by_department = (
        ctx.employees.group_by("department")
        .agg(
            employees=pl.len().cast(pl.Int64),
            known=flag.is_not_null().sum().cast(pl.Int64),
            yes=flag.fill_null(False).sum().cast(pl.Int64),
        )
        .with_columns(rate=pl.col("yes") / pl.col("known"))
        .sort("rate", "department", nulls_last=True)
    )
    yes, known, employees = by_department.select(pl.col("yes", "known", "employees").sum()).row(0)
    return Measure.ratio(
        yes,
        known,
        {
            "employees": employees,
            "known": known,
            column: yes,
            "lowest_departments": records(by_department.rename({"yes": column}), 10),
        },
        empty=msg("measure.missing.column_blank", column=Ref("roster", column)),
    )
