"""The audit's inputs, prepared once per dataset and then viewed through a period.

`prepare` does the period-independent work once (manager inference, author types,
ids matched to the roster, which columns carry data). `Context` then answers the
questions every criterion asks of one period — who was employed, who was active,
who interacted with whom — computing each shared aggregate once, with polars, in a
single pass over the activity log.

An employee action counts only when company_related is true or empty. Rows marked
false load (they are the employee's own business) but enter no metric at all — not
even as proof that a column of the log is filled in; the Context only counts them, so
the evidence can say how many were left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

from dashboard.criteria.cube import ActivityCube, PeriodSums, Sums
from dashboard.criteria.matching import (
    Engine,
    Strangers,
    engine,
    match_employee_ids,
    strangers,
)
from dashboard.ingest.dataset import Dataset
from dashboard.ingest.parse import fold, fold_expr
from dashboard.memo import computed_copy, computed_once
from dashboard.messages import Msg, Ref, msg, or_else
from dashboard.period import Period
from dashboard.schema import AUTHOR_TYPES
from dashboard.settings import DEFAULT_PLATFORMS, Settings

# The words of a title that make its holder a manager where roster.is_manager is absent
# (AUDIT_FRAMEWORK.md, "Definitions that must not drift"; the formula of
# managers.participation_rate lists them): Italian and English, masculine, feminine and
# plural, compared as whole words of the folded title (lower case, no accents).
MANAGER_WORDS = (
    *("manager", "managers", "head", "heads", "director", "directors", "chief", "chiefs"),
    *("ceo", "cfo", "cto", "coo", "cmo", "cio", "chro", "cso", "cdo", "cpo"),
    *("vp", "vice president", "vice presidents", "president", "presidents"),
    *("presidente", "presidenti", "presidentessa", "vicepresidente"),
    *("direttore", "direttrice", "direttori", "direttrici", "vicedirettore", "vicedirettrice"),
    *("responsabile", "responsabili", "dirigente", "dirigenti", "capo", "capi"),
    *("caporeparto", "capireparto", "capoufficio", "capiufficio", "caposquadra", "capisquadra"),
    *("capoarea", "capiarea", "capoturno", "capiturno", "capoprogetto", "capiprogetto"),
    *("amministratore delegato", "amministratrice delegata"),
    *("amministratori delegati", "amministratrici delegate"),
    *("amministratore unico", "amministratrice unica"),
)
MANAGER_TITLE = re.compile(r"\b(?:" + "|".join(MANAGER_WORDS) + r")\b")


@dataclass(frozen=True)
class AuditData:
    """Canonical tables ready for scoring, independent of the period."""

    roster: pl.DataFrame
    posts: pl.DataFrame
    activity: pl.DataFrame | pl.LazyFrame  # lazy: a log read out of memory
    summary: pl.DataFrame
    present: dict[str, frozenset[str]]  # table → columns with at least one value
    cube: ActivityCube  # the action log summed by employee and month
    # log table → its rows (company-related) that name nobody in the roster, and a few of
    # the ids they use; only with a roster.
    strangers: dict[str, Strangers] = field(default_factory=dict)

    def has(self, table: str, column: str | None = None) -> bool:
        columns = self.present.get(table, frozenset())
        return bool(columns) if column is None else column in columns

    def span(self) -> Period | None:
        """The days the data covers: first to last post or action."""
        bounds = []
        if self.posts.height:
            low, high = self.posts.select(
                pl.col("published_at").min().alias("low"), pl.col("published_at").max()
            ).row(0)
            bounds.append((low.date(), high.date()))
        if self.cube.first is not None and self.cube.last is not None:
            bounds.append((self.cube.first.date(), self.cube.last.date()))
        if not bounds:
            return None
        return Period(min(b[0] for b in bounds), max(b[1] for b in bounds))


def _present(frame: pl.DataFrame | pl.LazyFrame, run: Engine = "auto") -> frozenset[str]:
    """The columns with at least one value (none when the frame has no row)."""
    counts = frame.lazy().select(pl.all().count()).collect(engine=run).row(0, named=True)
    return frozenset(c for c, values in counts.items() if values)


def company_related(activity: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    """The actions that count: company_related true or empty (false rows are the employee's own)."""
    return activity.lazy().filter(pl.col("company_related").fill_null(True))


def resolve_managers(roster: pl.DataFrame) -> pl.DataFrame:
    """is_manager where the roster says; where it is absent, the title decides.

    `manager_inferred` marks the rows whose is_manager came from the title, so the
    output can say how many managers were inferred.
    """
    from_title = fold_expr(pl.col("title")).str.contains(MANAGER_TITLE.pattern).fill_null(False)
    inferred = pl.col("is_manager").is_null()
    return roster.with_columns(
        manager_inferred=inferred,
        is_manager=pl.coalesce(pl.col("is_manager"), from_title),
        department=pl.col("department").str.strip_chars(),
    )


def resolve_authors(posts: pl.DataFrame, roster: pl.DataFrame) -> pl.DataFrame:
    """Each post's author folded (`author_key`) and whether the roster knows them
    (`author_staff`): what `author_type` needs besides the questionnaire's agencies."""
    authors = posts.select(pl.col("author").drop_nulls().unique()).with_columns(
        key=fold_expr(pl.col("author"))
    )
    wanted = authors["key"].implode()
    # Every roster value is compared by its folded key. For plain ASCII text the fold is
    # only lower case and single spaces, so the accent-removing fold runs on the few
    # values with other characters, not on the whole roster.
    value = pl.col("value")
    plain = value.str.contains(r"^[\x00-\x7f]*$")
    ascii_fold = value.str.to_lowercase().str.replace_all(r"[^a-z0-9]+", " ").str.strip_chars()
    staff_keys: set[str] = set()
    for column in ("employee_id", "name", "email"):
        values = roster.select(value=pl.col(column)).drop_nulls()
        keys = pl.concat(
            [
                values.filter(plain).select(key=ascii_fold),
                values.filter(~plain).select(key=fold_expr(value)),
            ]
        )
        staff_keys.update(keys.filter(pl.col("key").is_in(wanted))["key"].to_list())
    key = pl.col("author").replace_strict(
        dict(authors.iter_rows()), default=None, return_dtype=pl.String
    )
    return posts.with_columns(author_key=key, author_staff=key.is_in(sorted(staff_keys)))


def author_type(agencies: Sequence[str]) -> pl.Expr:
    """Who wrote a page post: the export's author_type where it says; else an agency when
    the author is one of the questionnaire's agencies; else staff when the roster knows
    them (names compared folded); else unknown. Over posts from `prepare`."""
    agency_keys = sorted({fold(a) for a in agencies})
    derived = (
        pl.when(pl.col("author_key").is_in(agency_keys))
        .then(pl.lit("agency"))
        .when(pl.col("author_staff"))
        .then(pl.lit("staff"))
        .otherwise(pl.lit("unknown"))
    )
    return pl.coalesce(pl.col("author_type").cast(pl.String), derived).cast(pl.Enum(AUTHOR_TYPES))


def prepare(
    dataset: Dataset, activity: pl.LazyFrame | None = None, sums: Sums | None = None
) -> AuditData:
    """The dataset's tables ready to score (done once per dataset, not per period, and not
    for the questionnaire's answers, which each scoring is given). `activity`: a log read
    out of memory (`ingest.spill`), in place of the dataset's; `sums`: the log's monthly
    sums kept from an earlier prepare of the same tables."""
    raw_roster = dataset.table("roster")
    roster = resolve_managers(raw_roster)
    posts = resolve_authors(dataset.table("company_posts"), roster)
    log: pl.DataFrame | pl.LazyFrame = (
        dataset.table("employee_activity") if activity is None else activity
    )
    log = match_employee_ids(log, roster, "employee_id", "target_employee_id")
    summary = match_employee_ids(dataset.table("employee_summary"), roster)
    present = {
        "roster": _present(raw_roster),
        "company_posts": _present(dataset.table("company_posts")),
        # Off-topic rows enter no metric: not even as proof that a column is filled in.
        "employee_activity": _present(company_related(log), engine(log)),
        "employee_summary": _present(summary),
    }
    return AuditData(
        roster=roster,
        posts=posts,
        activity=log,
        summary=summary,
        present=present,
        cube=ActivityCube.build(log, roster, sums),
        strangers={
            table: strangers(frame, roster)
            for table, frame in (
                ("employee_activity", company_related(log)),
                ("employee_summary", summary),
            )
            if present[table] and not roster.is_empty()
        },
    )


def empty_data() -> AuditData:
    """No inputs at all: every criterion reads as not measured."""
    return prepare(Dataset())


class Context:
    """One period of one dataset under one set of settings and answers: the questions
    criteria ask. The period's aggregates do not depend on the answers, so one context
    serves every set of answers (`answering`)."""

    def __init__(
        self,
        data: AuditData,
        period: Period,
        settings: Settings,
        questionnaire: Mapping[str, Any] | None = None,
    ):
        self.data = data
        self.period = period
        self.settings = settings
        self.questionnaire: Mapping[str, Any] = questionnaire or {}

    def answering(self, questionnaire: Mapping[str, Any]) -> Context:
        """This context with other answers: the same period's aggregates (computed once for
        both), so sessions that share it never read each other's answers."""
        other = computed_copy(self)
        other.questionnaire = questionnaire
        return other

    # --- inputs -------------------------------------------------------------
    def has(self, table: str, column: str | None = None) -> bool:
        return self.data.has(table, column)

    @property
    def expected_platforms(self) -> tuple[str, ...]:
        """Settings first, then the questionnaire's answer, then the default five."""
        if self.settings.expected_platforms is not None:
            return self.settings.expected_platforms
        answered = self.questionnaire.get("platforms", {}).get("expected")
        return tuple(answered) if answered else DEFAULT_PLATFORMS

    @property
    def log_source(self) -> str | None:
        """Where employee actions come from: the action log, the advocacy summary, or nowhere.
        A log whose rows name nobody in the roster cannot speak of its employees: it is no
        source (its metrics are not measured, with `log_missing` saying why)."""
        for table in ("employee_activity", "employee_summary"):
            if self.has(table):
                found = self.data.strangers.get(table)
                return None if found and found.nobody else table
        return None

    @property
    def log_unmatched(self) -> bool:
        """A log was loaded, but its rows name nobody in the roster."""
        return any(found.nobody for found in self.data.strangers.values())

    @property
    def log_missing(self) -> Msg | Ref:
        """Why there is no log source: the log's people match nobody in the roster, or no log."""
        for table in ("employee_activity", "employee_summary"):
            found = self.data.strangers.get(table)
            if found and found.nobody:
                return msg("measure.missing.nobody_matched", table=Ref(table), n=found.rows)
        return or_else(Ref("employee_activity"), Ref("employee_summary"))

    # --- people -------------------------------------------------------------
    @computed_once
    def employees(self) -> pl.DataFrame:
        """Roster rows employed at any time in the period (hired_at ≤ end, left_at ≥ start)."""
        roster = self.data.roster
        return roster.filter(
            (pl.col("hired_at").is_null() | (pl.col("hired_at") <= self.period.end))
            & (pl.col("left_at").is_null() | (pl.col("left_at") >= self.period.start))
        )

    @property
    def off_topic(self) -> int:
        """Actions in the period marked not company-related: left out, and said so as evidence."""
        return self._sums.off_topic

    @computed_once
    def _sums(self) -> PeriodSums:
        """Per-employee counts, interaction pairs, monthly activity and off-topic actions of
        the period: whole months from the prepared monthly sums, partial ones from the log."""
        return self.data.cube.period(self.data.activity, self.period)

    @computed_once
    def per_employee(self) -> pl.DataFrame:
        """One row per employee counted: department, manager flag and their action counts.

        From the action log when there is one, else from the advocacy summary (then
        months_active is unknown). Employees with no action have zero counts.
        """
        people = self.employees.select(
            "employee_id", "department", "is_manager", "manager_inferred", "manager_id", "followers"
        )
        counts = ["actions", "posts", "shares", "shares_commentary", "comments", "reactions"]
        joined = people.join(self.actor_stats, on="employee_id", how="left")
        return joined.with_columns(pl.col(counts).fill_null(0)).with_columns(
            active=pl.col("actions") > 0
        )

    @computed_once
    def actor_stats(self) -> pl.DataFrame:
        """Action counts of every employee who acted in the period (roster or not)."""
        if self.log_source == "employee_activity":
            return self._sums.per_employee
        if self.log_source == "employee_summary":
            return self._summary_stats()
        counts = ["actions", "posts", "shares", "shares_commentary", "comments", "reactions"]
        return pl.DataFrame(schema={"employee_id": pl.String, **dict.fromkeys(counts, pl.Int64)})

    def _summary_stats(self) -> pl.DataFrame:
        s = self.data.summary
        overlapping = s.filter(
            (pl.col("period_start").is_null() | (pl.col("period_start") <= self.period.end))
            & (pl.col("period_end").is_null() | (pl.col("period_end") >= self.period.start))
        )
        counts = ["posts", "shares", "comments", "reactions"]
        # Commentary is known on the rows that give both counts: a blank is unknown, not 0.
        known = pl.col("shares_with_commentary").is_not_null() & pl.col("shares").is_not_null()
        return (
            overlapping.group_by("employee_id")
            .agg(
                *[pl.col(c).sum() for c in counts],
                shares_commentary=pl.col("shares_with_commentary").filter(known).sum(),
                shares_commentary_known=pl.col("shares").filter(known).sum(),
                network_size=pl.col("network_size").max(),
                clicks=pl.col("clicks").sum(),
            )
            .with_columns(
                actions=pl.sum_horizontal("posts", "shares", "comments", "reactions"),
                months_active=pl.lit(None, dtype=pl.UInt32),
            )
        )

    @computed_once
    def interactions(self) -> pl.DataFrame:
        """Actions aimed at a colleague counted in the period, one row per actor and target
        (n: how many): both employees, their departments and managers, and `code`s."""
        if self.log_source != "employee_activity":
            return pl.DataFrame(
                schema={
                    "employee_id": pl.String,
                    "target_employee_id": pl.String,
                    "n": pl.UInt32,
                    "department": pl.String,
                    "manager_id": pl.String,
                    "target_department": pl.String,
                    "target_manager_id": pl.String,
                    "code": pl.UInt32,
                    "target_code": pl.UInt32,
                }
            )
        # `code`: a small integer per employee counted, so pair arithmetic (reciprocity)
        # avoids text; `id`: the employee's number among the roster's ids, as pairs have it.
        people = (
            self.employees.select("employee_id", "department", "manager_id")
            .with_row_index("code")
            .join(self.data.cube.staff, on="employee_id")
        )
        pairs = self._sums.pairs
        if people["id"].is_duplicated().any():  # a roster listing someone twice: join
            targets = people.select(
                target_id="id",
                target_employee_id="employee_id",
                target_department="department",
                target_manager_id="manager_id",
                target_code="code",
            )
            return pairs.join(people, on="id").join(targets, on="target_id").drop("id", "target_id")
        # Ids are the positions of a table with a row per roster id: each side's columns
        # are gathered from it by position (no hash join over millions of pairs).
        table = self.data.cube.staff.select("id").join(people, on="id", how="left").sort("id")
        sides = {"": "id", "target_": "target_id"}
        counted = pairs.with_columns(
            table["code"].gather(pairs[side]).alias(f"{prefix}code")
            for prefix, side in sides.items()
        ).filter(pl.col("code").is_not_null() & pl.col("target_code").is_not_null())
        return counted.with_columns(
            table[column].gather(counted[side]).alias(f"{prefix}{column}")
            for prefix, side in sides.items()
            for column in ("employee_id", "department", "manager_id")
        ).drop("id", "target_id")

    @computed_once
    def monthly_activity(self) -> pl.DataFrame:
        """Employees' actions and active employees per month (for charts)."""
        if self.log_source != "employee_activity":
            return pl.DataFrame(
                schema={"month": pl.Date, "actions": pl.UInt32, "active": pl.UInt32}
            )
        return self._sums.monthly

    # --- the page -----------------------------------------------------------
    @computed_once
    def posts(self) -> pl.DataFrame:
        """Company-page posts published in the period."""
        return self.data.posts.filter(
            (pl.col("published_at") >= self.period.start_dt)
            & (pl.col("published_at") <= self.period.end_dt)
        )

    def posts_between(self, start: date, end: date) -> pl.DataFrame:
        sub = Period(start, end)
        return self.posts.filter(
            (pl.col("published_at") >= sub.start_dt) & (pl.col("published_at") <= sub.end_dt)
        )
