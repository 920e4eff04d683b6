"""Criterion family `managers`: do managers lead by example (seed 004, second comment)?

Read from the Context's per-employee aggregates like the rest of the people criteria.
A manager is roster.is_manager where the roster says, else the title decides
(`context.MANAGER_WORDS`); every metric then says how many managers were inferred.
"""

from __future__ import annotations

import polars as pl

from dashboard.criteria.base import Measure, family, reads_log, records
from dashboard.criteria.context import Context
from dashboard.criteria.people import (
    Reason,
    needs_log,
    needs_roster,
    needs_targets,
    not_measured,
    participation_by_department,
    reason,
)
from dashboard.messages import Ref, msg, or_else

NO_MANAGERS = msg("measure.missing.no_managers")


def managers_vs_others(per_employee: pl.DataFrame) -> pl.DataFrame:
    """Participation of managers and of everyone else: `group` (managers, others),
    `employees`, `active`, `rate`. `per_employee`: one row per employee counted with
    `is_manager` and `active` (the shape of `Context.per_employee`); an unknown manager
    flag counts as not a manager, and a group with nobody is left out."""
    manager = pl.col("is_manager").fill_null(False)
    return (
        per_employee.select(
            group=pl.when(manager).then(pl.lit("managers")).otherwise(pl.lit("others")),
            active=pl.col("active").fill_null(False),
        )
        .group_by("group")
        .agg(employees=pl.len().cast(pl.Int64), active=pl.col("active").sum().cast(pl.Int64))
        .with_columns(rate=pl.col("active") / pl.col("employees"))
        .sort("group")
    )


def needs_manager_flag(ctx: Context) -> Reason | None:
    """Managers are known from roster.is_manager, else inferred from roster.title."""
    if not ctx.has("roster") or ctx.has("roster", "is_manager") or ctx.has("roster", "title"):
        return None
    return or_else(Ref("roster", "is_manager"), Ref("roster", "title"))


MANAGERS = [
    "managers.participation_rate",
    "managers.participation_ratio",
    "managers.original_post_share",
    "managers.team_interaction_share",
]


@family("managers")
@reads_log
def managers(ctx: Context) -> dict[str, Measure]:
    missing = reason(needs_log(ctx), needs_roster(ctx), needs_manager_flag(ctx))
    if missing:
        return not_measured(MANAGERS, missing)
    people = ctx.per_employee
    is_manager = pl.col("is_manager").fill_null(False)
    bosses = people.filter(is_manager)
    others = people.filter(~is_manager)
    inactive = bosses.filter(~pl.col("active")).sort("department", "employee_id")
    by_department = participation_by_department(ctx).filter(pl.col("managers") > 0)
    evidence = {
        "managers": bosses.height,
        "managers_active": int(bosses["active"].sum()),
        "inactive_managers": records(inactive.select("employee_id", "department"), 20),
        "by_department": records(
            by_department.select("department", "managers", "managers_active").sort(
                "managers_active", "department"
            ),
            20,
        ),
    }
    if bosses.is_empty():
        return {
            **not_measured(MANAGERS, NO_MANAGERS),
            "managers.team_interaction_share": _team_interaction_share(ctx, bosses),
        }
    active_bosses = int(bosses["active"].sum())
    posting = int((bosses["posts"] > 0).sum())
    reshare_only = bosses.filter(pl.col("active") & (pl.col("posts") == 0))
    measures = {
        "managers.participation_rate": Measure.ratio(active_bosses, bosses.height, evidence),
        "managers.participation_ratio": _participation_ratio(bosses, others),
        "managers.original_post_share": Measure.ratio(
            posting,
            bosses.height,
            {
                "managers": bosses.height,
                "with_original_posts": posting,
                "active_without_posts": records(
                    reshare_only.sort("department", "employee_id").select(
                        "employee_id", "department"
                    ),
                    20,
                ),
            },
        ),
        "managers.team_interaction_share": _team_interaction_share(ctx, bosses),
    }
    return _say_inferred(measures, int(bosses["manager_inferred"].sum()))


def _say_inferred(measures: dict[str, Measure], inferred: int) -> dict[str, Measure]:
    """Where roster.is_manager was absent the titles decided: every manager metric says so."""
    if not inferred:
        return measures
    extra = {"managers_inferred_from_titles": inferred}
    note = msg("measure.note.managers_inferred", n=inferred)
    return {k: m.with_evidence(extra, note) for k, m in measures.items()}


def _participation_ratio(bosses: pl.DataFrame, others: pl.DataFrame) -> Measure:
    active_bosses, active_others = int(bosses["active"].sum()), int(others["active"].sum())
    evidence = {
        "managers": bosses.height,
        "managers_active": active_bosses,
        "non_managers": others.height,
        "non_managers_active": active_others,
    }
    if others.is_empty():
        return Measure.not_measured(msg("measure.missing.no_non_managers"), evidence)
    if not active_others:
        return Measure.not_measured(msg("measure.missing.no_active_non_managers"), evidence)
    boss_rate, other_rate = active_bosses / bosses.height, active_others / others.height
    return Measure(boss_rate / other_rate, boss_rate, other_rate, evidence)


def _team_interaction_share(ctx: Context, bosses: pl.DataFrame) -> Measure:
    """Managers who engaged with a direct report's content ÷ managers with a direct report counted."""
    missing = reason(
        needs_targets(ctx), None if ctx.has("roster", "manager_id") else Ref("roster", "manager_id")
    )
    if missing:
        return Measure.not_measured(missing)
    if bosses.is_empty():
        return Measure.not_measured(NO_MANAGERS)
    teams = ctx.per_employee.select(employee_id=pl.col("manager_id")).drop_nulls().unique()
    with_team = bosses.select("employee_id", "department").join(teams, on="employee_id", how="semi")
    engaged = (
        ctx.interactions.filter(pl.col("target_manager_id") == pl.col("employee_id"))
        .select("employee_id", engaged=pl.lit(True))
        .unique()
    )
    flagged = with_team.join(engaged, on="employee_id", how="left").with_columns(
        pl.col("engaged").fill_null(False)
    )
    silent = flagged.filter(~pl.col("engaged")).sort("department", "employee_id")
    n_engaged = int(flagged["engaged"].sum())
    return Measure.ratio(
        n_engaged,
        with_team.height,
        {
            "managers_with_team": with_team.height,
            "interacting_with_team": n_engaged,
            "not_interacting_with_team": records(silent.select("employee_id", "department"), 20),
        },
        empty=msg("measure.missing.no_direct_reports"),
    )
