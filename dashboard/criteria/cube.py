"""The action log summed by employee and calendar month, once per dataset, so that a period
is a sum over months instead of a pass over millions of actions.

A period's months that hold all of their actions (the whole month is in the period, or the
part of it outside the period has no action) are read from the sums; only the partial
months at either end read the log again, and they are summed by the very same function.
Every sum is of integers and every distinct count (months active, active employees) is a
count of rows that exist only when there was an action, so the two routes give the same
numbers; a test compares them on random periods.
"""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass
from datetime import date, datetime, time

import polars as pl

from dashboard.criteria.matching import Engine, engine
from dashboard.period import Period
from dashboard.schema import ACTIONS

# Per employee and month, over company-related actions (company_related true or empty).
COUNTS = (
    "actions",
    "posts",
    "shares",
    "shares_commentary",
    "shares_commentary_known",
    "comments",
    "reactions",
    "reach",
    "reach_known",
    "impressions",
    "impressions_known",
)


def month_of(months: list[date]) -> pl.Expr:
    """occurred_at's month as year × 12 + month − 1, for times within the calendar `months`
    (their first days, in order, not necessarily one after another): a binary search among
    their starts, 3× cheaper than calendar arithmetic over 10 M timestamps."""
    if not months:
        return pl.col("occurred_at").dt.month().cast(pl.Int32)  # no row to place
    starts = pl.Series([datetime.combine(m, time.min) for m in months], dtype=pl.Datetime("us"))
    numbers = pl.Series([m.year * 12 + m.month - 1 for m in months], dtype=pl.Int32)
    found = pl.lit(starts).search_sorted(pl.col("occurred_at"), side="right")
    return pl.lit(numbers).gather(found - 1)


@dataclass(frozen=True)
class Sums:
    """The log's actions summed by calendar month (`month` = year × 12 + month − 1)."""

    employees: pl.DataFrame  # employee_id, month, COUNTS: company-related actions
    # pair (actor's id × 2³² + target's id), month, n: actions by a roster employee aimed at
    # another, sorted by pair, so a period's sums per pair are runs, not a hash table.
    pairs: pl.DataFrame
    off_topic: pl.DataFrame  # month, n: actions marked not company-related

    def to_parquet(self) -> dict[str, bytes]:
        """Each frame as zstd Parquet bytes, to keep beside a saved audit's tables."""
        kept = {}
        for name in ("employees", "pairs", "off_topic"):
            buffer = io.BytesIO()
            getattr(self, name).write_parquet(buffer, compression="zstd")
            kept[name] = buffer.getvalue()
        return kept

    @classmethod
    def from_parquet(cls, kept: dict[str, bytes]) -> Sums:
        return cls(**{name: pl.read_parquet(io.BytesIO(data)) for name, data in kept.items()})

    def months(self, months: list[int]) -> Sums:
        keep = pl.col("month").is_in(months)
        return Sums(
            self.employees.filter(keep), self.pairs.filter(keep), self.off_topic.filter(keep)
        )


def monthly_sums(
    log: pl.LazyFrame, staff: pl.DataFrame, months: list[date], run: Engine = "auto"
) -> Sums:
    """The log's actions summed by employee and month, in one pass of polars. Pairs name
    employees by their number among the roster's ids (`staff`: employee_id → id): only
    roster employees can be counted, so an actor or target outside it is left out. Every
    action must fall in one of the calendar `months` (their first days)."""
    month = month_of(months)
    related = log.filter(pl.col("company_related").fill_null(True))
    a = pl.col("action")
    voiced = a.is_in(["post", "share"])
    # Flags as plain columns first: the group-by then only sums and counts them.
    flagged = related.with_columns(
        month=month,
        _post=a == "post",
        _share=a == "share",
        _reach=pl.when(voiced).then(pl.col("reach")),
        _impressions=pl.when(voiced).then(pl.col("impressions")),
    )
    employees = flagged.group_by("employee_id", "month").agg(
        actions=pl.len(),
        posts=pl.col("_post").sum(),
        shares=pl.col("_share").sum(),
        shares_commentary=(pl.col("_share") & pl.col("with_commentary")).sum(),
        shares_commentary_known=(pl.col("_share") & pl.col("with_commentary").is_not_null()).sum(),
        comments=(a == "comment").sum(),
        reactions=(a == "reaction").sum(),
        reach=pl.col("_reach").sum(),
        reach_known=pl.col("_reach").count(),
        impressions=pl.col("_impressions").sum(),
        impressions_known=pl.col("_impressions").count(),
    )
    pairs = (
        flagged.filter(
            pl.col("target_employee_id").is_not_null()
            & (pl.col("target_employee_id") != pl.col("employee_id"))
        )
        .join(staff.lazy(), on="employee_id")
        .join(
            staff.lazy().rename({"employee_id": "target_employee_id", "id": "target_id"}),
            on="target_employee_id",
        )
        .group_by(pair=pl.col("id").cast(pl.UInt64) * 2**32 + pl.col("target_id"), month="month")
        .agg(n=pl.len())
        .sort("pair")
    )
    off_topic = (
        log.filter(~pl.col("company_related")).group_by(month=month).agg(n=pl.len().cast(pl.Int64))
    )
    return Sums(*pl.collect_all([employees, pairs, off_topic], engine=run))


@dataclass(frozen=True)
class PeriodSums:
    """What the criteria ask of the log for one period."""

    per_employee: pl.DataFrame  # every actor: COUNTS and months_active
    pairs: pl.DataFrame  # id, target_id, n: roster employees by their `staff` id
    monthly: pl.DataFrame  # month (first day), actions, active employees
    off_topic: int


@dataclass(frozen=True)
class ActivityCube:
    """The log's monthly sums, the first and last moment it covers, and the roster's ids
    (`staff`: employee id → number, the order of the roster) that pairs are keyed by."""

    sums: Sums
    first: datetime | None
    last: datetime | None
    staff: pl.DataFrame

    @classmethod
    def build(
        cls, log: pl.DataFrame | pl.LazyFrame, roster: pl.DataFrame, sums: Sums | None = None
    ) -> ActivityCube:
        """The sums of a log in memory, or of a lazy scan (streamed, a batch at a time);
        `sums` kept from an earlier build of the same log and roster (a saved audit's)."""
        run = engine(log)
        first, last = (
            log.lazy()
            .select(pl.col("occurred_at").min().alias("first"), pl.col("occurred_at").max())
            .collect(engine=run)
            .row(0)
        )
        ids = roster["employee_id"].drop_nulls().unique(maintain_order=True)
        staff = ids.to_frame().with_row_index("id")
        if sums is None:
            months = Period(first.date(), last.date()).months() if first and last else []
            sums = monthly_sums(log.lazy(), staff, months, run)
        return cls(sums, first, last, staff)

    def period(
        self, log: pl.DataFrame | pl.LazyFrame, period: Period, *, whole: bool = True
    ) -> PeriodSums:
        """The sums of one period: whole months from the cube, partial ones from `log` (the
        log the cube was built from). `whole=False` reads every month from the log."""
        if self.first is None or self.last is None:
            return _reduce([], self.staff)
        start, end = max(period.start, self.first.date()), min(period.end, self.last.date())
        full: list[int] = []
        ranges: list[tuple[datetime, datetime]] = []
        partial: list[date] = []
        for first_day in Period(start, end).months() if start <= end else []:
            last_day = first_day.replace(
                day=calendar.monthrange(first_day.year, first_day.month)[1]
            )
            # Whole when the period holds every day of the month the log has actions on.
            lowest, highest = max(first_day, self.first.date()), min(last_day, self.last.date())
            if whole and period.start <= lowest and period.end >= highest:
                full.append(first_day.year * 12 + first_day.month - 1)
            else:
                inside = Period(max(first_day, start), min(last_day, end))
                ranges.append((inside.start_dt, inside.end_dt))
                partial.append(first_day)
        parts = [self.sums.months(full)] if full else []
        if ranges:
            within = pl.any_horizontal(pl.col("occurred_at").is_between(s, e) for s, e in ranges)
            run = engine(log)
            parts.append(monthly_sums(log.lazy().filter(within), self.staff, partial, run))
        return _reduce(parts, self.staff)


def _reduce(parts: list[Sums], staff: pl.DataFrame) -> PeriodSums:
    if not parts:
        parts = [monthly_sums(_EMPTY_LOG, staff, [])]
    employees = pl.concat([p.employees for p in parts])
    per_employee = employees.group_by("employee_id").agg(
        *[pl.col(c).sum() for c in COUNTS[:7]],
        months_active=pl.len(),
        **{c: pl.col(c).sum() for c in COUNTS[7:]},
    )
    # Each part's pairs are sorted: merged, each pair's months are one run, summed by a
    # running total read at the run's end (10× faster than grouping 2.5 M pairs).
    merged = parts[0].pairs
    for part in parts[1:]:
        merged = merged.merge_sorted(part.pairs, key="pair")
    total = pl.col("n").cast(pl.UInt64).cum_sum()
    pairs = (
        merged.lazy()
        .with_columns(
            _total=total, _end=(pl.col("pair") != pl.col("pair").shift(-1)).fill_null(True)
        )
        .filter("_end")
        .select(
            id=(pl.col("pair") // 2**32).cast(pl.UInt32),
            target_id=(pl.col("pair") % 2**32).cast(pl.UInt32),
            n=(pl.col("_total") - pl.col("_total").shift(1, fill_value=0)).cast(pl.UInt32),
        )
        .collect()
    )
    monthly = (
        employees.group_by("month")
        .agg(actions=pl.col("actions").sum(), active=pl.len())
        .sort("month")
        .select(
            month=pl.date(pl.col("month") // 12, pl.col("month") % 12 + 1, 1),
            actions="actions",
            active="active",
        )
    )
    off_topic = sum(int(p.off_topic["n"].sum()) for p in parts)
    return PeriodSums(per_employee, pairs, monthly, off_topic)


_EMPTY_LOG = pl.LazyFrame(
    schema={
        "employee_id": pl.String,
        "occurred_at": pl.Datetime("us"),
        "action": pl.Enum(ACTIONS),
        "with_commentary": pl.Boolean,
        "company_related": pl.Boolean,
        "target_employee_id": pl.String,
        "reach": pl.Int64,
        "impressions": pl.Int64,
    }
)
