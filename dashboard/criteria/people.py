"""Criterion family `people`: involvement, voice, amplification, integration (and the helpers
the managers family shares).

Every metric reads the Context's per-employee aggregates (one row per employee counted,
already summed from the action log or the advocacy summary) — never the raw log — so a
10M-row log costs one pass of polars in the Context and nothing more here.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import polars as pl

from dashboard.criteria.base import Measure, family, reads_log, records
from dashboard.criteria.context import Context
from dashboard.ingest.parse import fold_expr
from dashboard.messages import Msg, Ref, all_of, msg, or_else

Reason = Msg | Ref  # why a metric is not measured: an input it lacks, or what the period lacks
NO_EMPLOYEES = msg("measure.missing.no_employees")
NO_PAGE_MEASURE = {
    "reach": msg("measure.missing.no_page_reach"),
    "impressions": msg("measure.missing.no_page_impressions"),
}

# The three functions social media must reach beyond marketing (seed 000 point 4),
# as they are named in Italian and English department names (folded: lower case, no accents).
FUNCTIONS: dict[str, tuple[str, ...]] = {
    "care": ("customer care", "assistenza", "servizio clienti", "customer service", "support"),
    "sales": ("vendite", "commerciale", "sales"),
    "hr": ("risorse umane", "hr", "human resources", "personale", "people"),
}
# Page post labels are short tags (care, sales, hr…): the bare tag counts too.
LABEL_TAGS = {"care": "care", "sales": "sales", "hr": "hr"}


def reason(*parts: Reason | None) -> Reason | None:
    """The inputs a metric lacks, joined into one not-measured reason (None when none lack)."""
    return all_of(*parts)


def needs_log(ctx: Context) -> Reason | None:
    return None if ctx.log_source else ctx.log_missing


def needs_roster(ctx: Context) -> Reason | None:
    return None if ctx.has("roster") else Ref("roster")


def needs_targets(ctx: Context) -> Reason | None:
    """Who engaged with whom needs the action log's target_employee_id (the summary has none)."""
    if ctx.log_source == "employee_activity" and ctx.has("employee_activity", "target_employee_id"):
        return None
    return Ref("employee_activity", "target_employee_id")


def not_measured(measures: list[str], missing: Reason) -> dict[str, Measure]:
    return {m: Measure.not_measured(missing) for m in measures}


def actor_stats(ctx: Context) -> pl.DataFrame:
    """Per-employee action counts: of employees counted when there is a roster, else of every actor.

    Metrics that don't divide by employees (voice, amplification) stay measurable without
    a roster; with one, they count only the employees counted, like everything else.
    """
    if ctx.has("roster"):
        return ctx.per_employee
    return ctx.actor_stats


def participation_by_department(ctx: Context) -> pl.DataFrame:
    """Per department of the employees counted: headcount, active, rate, managers, managers active.

    Sorted from the lowest participation rate up (ties by name); the People page and its
    charts show it as is, and the involvement, managers and integration metrics read it.
    """
    return (
        ctx.per_employee.group_by("department")
        .agg(
            employees=pl.len().cast(pl.Int64),
            active=pl.col("active").sum().cast(pl.Int64),
            managers=pl.col("is_manager").fill_null(False).sum().cast(pl.Int64),
            managers_active=(pl.col("is_manager").fill_null(False) & pl.col("active"))
            .sum()
            .cast(pl.Int64),
        )
        .with_columns(rate=pl.col("active") / pl.col("employees"))
        .select("department", "employees", "active", "rate", "managers", "managers_active")
        .sort("rate", "department")
    )


def activity_concentration(actions: pl.Series, points: int = 100) -> pl.DataFrame:
    """The cumulative share of actions by the most active share of employees (a Lorenz curve).

    `actions`: one count per employee counted (no action counts, as 0). At most `points`
    + 1 rows (`employees_share`, `actions_share`, both 0–1), so a chart stays small
    whatever the headcount.
    """
    values = np.sort(actions.fill_null(0).cast(pl.Float64).to_numpy())[::-1]
    if values.size == 0 or values.sum() <= 0:
        return pl.DataFrame({"employees_share": [0.0, 1.0], "actions_share": [0.0, 0.0]})
    cumulative = np.concatenate([[0.0], np.cumsum(values) / values.sum()])
    x = np.arange(values.size + 1) / values.size
    grid = np.linspace(0, 1, min(points, values.size) + 1)
    return pl.DataFrame({"employees_share": grid, "actions_share": np.interp(grid, x, cumulative)})


def _departments_evidence(frame: pl.DataFrame, limit: int = 10) -> list[dict[str, Any]]:
    return records(frame.select("department", "employees", "active", "rate"), limit)


# --- involvement -------------------------------------------------------------


INVOLVEMENT = [
    "involvement.participation_rate",
    "involvement.regular_rate",
    "involvement.department_breadth",
    "involvement.top10_concentration",
]


@family("involvement")
@reads_log
def involvement(ctx: Context) -> dict[str, Measure]:
    missing = reason(needs_log(ctx), needs_roster(ctx))
    if missing:
        return {
            **not_measured(INVOLVEMENT, missing),
            "involvement.regular_rate": _regular_rate(ctx, ctx.per_employee, 0),
        }
    people = ctx.per_employee
    departments = participation_by_department(ctx)
    employees, active = people.height, int(people["active"].sum())
    return {
        "involvement.participation_rate": Measure.ratio(
            active,
            employees,
            {
                "employees": employees,
                "active": active,
                "lowest_departments": _departments_evidence(departments),
            },
            empty=NO_EMPLOYEES,
        ),
        "involvement.regular_rate": _regular_rate(ctx, people, active),
        "involvement.department_breadth": _department_breadth(departments, employees, active),
        "involvement.top10_concentration": _top10_concentration(people),
    }


def _regular_rate(ctx: Context, people: pl.DataFrame, active: int) -> Measure:
    """Active in at least half the calendar months overlapping the period."""
    log: Reason | None = None
    if ctx.log_source == "employee_summary":
        log = msg("measure.missing.summary_has_no_months")
    elif ctx.log_source is None:
        log = ctx.log_missing if ctx.log_unmatched else Ref("employee_activity")
    missing = reason(log, needs_roster(ctx))
    if missing:
        return Measure.not_measured(missing)
    months = len(ctx.period.months())
    needed = math.ceil(months / 2)
    regular = int((people["months_active"].fill_null(0) >= needed).sum())
    return Measure.ratio(
        regular,
        people.height,
        {
            "months": months,
            "months_needed": needed,
            "regular": regular,
            "active": active,
            "employees": people.height,
        },
        empty=NO_EMPLOYEES,
    )


def _department_breadth(departments: pl.DataFrame, employees: int, active: int) -> Measure:
    """Departments at ≥ half the company rate ÷ departments.

    Compared in whole numbers (2·active_d·E ≥ A·employees_d) so a department exactly on
    the line counts. A department also needs one active employee: when nobody at all is
    active, 0 ≥ 0 would otherwise make every department "broad".
    """
    at_line = (2 * pl.col("active") * employees >= active * pl.col("employees")) & (
        pl.col("active") > 0
    )
    flagged = departments.with_columns(ok=at_line)
    broad = int(flagged["ok"].sum())
    below = flagged.filter(~pl.col("ok"))
    return Measure.ratio(
        broad,
        departments.height,
        {
            "line": round(0.5 * active / employees, 4) if employees else None,
            "departments_below": _departments_evidence(below),
        },
        empty=NO_EMPLOYEES,
    )


def _top10_concentration(people: pl.DataFrame) -> Measure:
    """Actions by the top ceil(10 %) of employees counted ÷ all their actions (lower is better)."""
    top_n = math.ceil(0.10 * people.height)
    ranked = pl.col("actions").sort(descending=True)
    total = pl.col("actions").sum()
    top, total, half, most = people.select(
        top=pl.col("actions").top_k(top_n).sum(),
        total=total,
        half=(ranked.cum_sum() * 2 < total).sum() + 1,
        most=(ranked.cum_sum() * 10 < total * 8).sum() + 1,
    ).row(0)
    if not total:
        return Measure.not_measured(msg("measure.missing.no_actions"))
    leaders = people.filter(pl.col("actions") > 0).sort("actions", "employee_id", descending=True)
    return Measure.ratio(
        top,
        total,
        {
            "employees": people.height,
            "top_employees": top_n,
            "actions": total,
            "employees_doing_half": half,
            "employees_doing_80pct": most,
            "most_active": records(leaders.select("employee_id", "department", "actions"), 10),
        },
    )


# --- voice -------------------------------------------------------------------


@family("voice")
@reads_log
def voice(ctx: Context) -> dict[str, Measure]:
    if ctx.log_source is None:
        return {
            "voice.commentary_share": Measure.not_measured(
                ctx.log_missing
                if ctx.log_unmatched
                else or_else(
                    Ref("employee_activity", "with_commentary"),
                    Ref("employee_summary", "shares_with_commentary"),
                )
            ),
            "voice.original_share": Measure.not_measured(ctx.log_missing),
        }
    stats = actor_stats(ctx)
    posts, shares, comments, commented, known = stats.select(
        pl.col("posts", "shares", "comments", "shares_commentary", "shares_commentary_known")
        .sum()
        .cast(pl.Int64)
    ).row(0)
    column = (
        "with_commentary" if ctx.log_source == "employee_activity" else "shares_with_commentary"
    )
    if not ctx.has(ctx.log_source, column):
        commentary = Measure.not_measured(Ref(ctx.log_source, column))
    else:
        commentary = Measure.ratio(
            commented,
            known,
            {"shares": shares, "with_commentary": commented, "commentary_known": known},
            empty=msg("measure.missing.no_shares_with_commentary"),
        )
    return {
        "voice.commentary_share": commentary,
        "voice.original_share": Measure.ratio(
            posts,
            posts + shares + comments,
            {"posts": posts, "shares": shares, "comments": comments},
            empty=msg("measure.missing.no_voiced_actions"),
        ),
    }


# --- amplification -----------------------------------------------------------


@family("amplification", answers=("followers",))
@reads_log
def amplification(ctx: Context) -> dict[str, Measure]:
    return {
        "amplification.reach_multiplier": _reach_multiplier(ctx),
        "amplification.audience_multiplier": _audience_multiplier(ctx),
    }


def _reach_multiplier(ctx: Context) -> Measure:
    """Σ reach of employees' posts and shares ÷ Σ reach of the page's posts (impressions if needed)."""
    sides = ("employee_activity", "company_posts")
    note: Msg | None = None
    if ctx.has("employee_activity") and ctx.log_source is None:  # it names nobody
        return Measure.not_measured(ctx.log_missing)
    if all(ctx.has(t, "reach") for t in sides):
        measure = "reach"
    elif all(ctx.has(t, "impressions") for t in sides):
        measure, note = "impressions", msg("measure.note.impressions_for_reach")
    else:
        reach, impressions = (
            all_of(*(Ref(t, m) for t in sides if not ctx.has(t, m)))
            for m in ("reach", "impressions")
        )
        assert reach is not None and impressions is not None
        return Measure.not_measured(or_else(reach, impressions))
    stats = actor_stats(ctx)
    employees_total = int(stats[measure].sum())
    page_total = int(ctx.posts[measure].sum())
    top = stats.filter(pl.col(measure) > 0).sort(measure, "employee_id", descending=True)
    return Measure.ratio(
        employees_total,
        page_total,
        {
            "measure": measure,
            "from_employees": employees_total,
            "from_page": page_total,
            "page_posts": ctx.posts.height,
            "top_employees": records(top.select("employee_id", measure), 10),
        },
        empty=NO_PAGE_MEASURE[measure],
        note=note,
    )


def _audience_multiplier(ctx: Context) -> Measure:
    """Σ personal followers of active employees ÷ Σ company page followers (questionnaire)."""
    note: Msg | None = None
    followers_missing: Reason | None = None
    if ctx.has("roster", "followers"):
        column = "followers"
    elif ctx.log_source == "employee_summary" and ctx.has("employee_summary", "network_size"):
        column, note = "network_size", msg("measure.note.network_size")
    else:
        followers_missing = Ref("roster", "followers")
    page = ctx.questionnaire.get("followers") or {}
    missing = reason(
        needs_log(ctx),
        followers_missing,
        None if page else msg("measure.missing.questionnaire", section="followers"),
    )
    if missing:
        return Measure.not_measured(missing)
    active = actor_stats(ctx).filter(pl.col("actions") > 0)
    personal = int(active[column].sum())
    page_total = sum(page.values())
    return Measure.ratio(
        personal,
        page_total,
        {
            "active_employees": active.height,
            "with_followers_known": int(active[column].is_not_null().sum()),
            "employee_followers": personal,
            "page_followers": dict(page),
        },
        empty=msg("measure.missing.no_page_followers"),
        note=note,
    )


# --- integration -------------------------------------------------------------


def _function_pattern(words: tuple[str, ...]) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


@family("integration")
@reads_log
def integration(ctx: Context) -> dict[str, Measure]:
    missing = reason(needs_log(ctx), needs_roster(ctx))
    if missing:
        coverage = Measure.not_measured(missing)
    else:
        departments = participation_by_department(ctx)
        idle = departments.filter(pl.col("active") == 0).sort("employees", descending=True)
        coverage = Measure.ratio(
            int((departments["active"] > 0).sum()),
            departments.height,
            {"departments_without_active": records(idle.select("department", "employees"), 20)},
            empty=NO_EMPLOYEES,
        )
    return {
        "integration.department_coverage": coverage,
        "integration.function_coverage": _function_coverage(ctx, missing),
    }


def _function_coverage(ctx: Context, missing: Reason | None) -> Measure:
    """Customer care, sales and HR among active departments (or among page post labels)."""
    if not missing:
        departments = participation_by_department(ctx).with_columns(
            key=fold_expr(pl.col("department"))
        )
        matched = departments.select(
            "department",
            "active",
            *[
                pl.col("key").str.contains(_function_pattern(words)).alias(name)
                for name, words in FUNCTIONS.items()
            ],
        )
        rows = []
        for name in FUNCTIONS:
            present = matched.filter(pl.col(name))
            active = present.filter(pl.col("active") > 0)
            rows.append(
                {
                    "function": name,
                    "covered": not active.is_empty(),
                    "in_roster": not present.is_empty(),
                    "departments": present["department"].to_list()[:10],
                }
            )
        source, note = "active departments", None
    elif ctx.has("company_posts", "labels"):
        labelled = ctx.posts.select(key=fold_expr(pl.col("labels"))).drop_nulls()
        if labelled.is_empty():
            return Measure.not_measured(msg("measure.missing.no_labelled_posts"))
        counts = labelled.select(
            pl.col("key")
            .str.contains(_function_pattern((*words, LABEL_TAGS[name])))
            .sum()
            .alias(name)
            for name, words in FUNCTIONS.items()
        ).row(0, named=True)
        rows = [{"function": n, "covered": c > 0, "posts": c} for n, c in counts.items()]
        source = "page post labels"
        note = msg(
            "measure.note.labels_no_roster" if ctx.log_source else "measure.note.labels_no_activity"
        )
    else:
        return Measure.not_measured(
            msg("join.or_comma", first=missing, second=Ref("company_posts", "labels"))
        )
    covered = sum(1 for r in rows if r["covered"])
    return Measure.ratio(
        covered,
        len(FUNCTIONS),
        {
            "source": source,
            "missing_functions": [r["function"] for r in rows if not r["covered"]],
            "functions": rows,
        },
        note=note,
    )
