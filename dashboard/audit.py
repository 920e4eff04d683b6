"""The audit pipeline in one call: dataset → prepared data → scorecard, with re-scoring kept cheap.

`Auditor` prepares a dataset once; a new period recomputes the measures (one pass of
polars over the log), new targets or weights only re-score the cached measures.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from dashboard.criteria.base import Measure
from dashboard.criteria.context import AuditData, Context, prepare
from dashboard.criteria.cube import Sums
from dashboard.ingest.dataset import Dataset
from dashboard.period import Period
from dashboard.scoring import Scorecard, measure_all, score
from dashboard.settings import Settings


class Auditor:
    """A prepared dataset that can be scored for any period and settings."""

    def __init__(
        self, dataset: Dataset, activity: pl.LazyFrame | None = None, sums: Sums | None = None
    ):
        """`activity`: a log read out of memory (`ingest.spill`), in place of the dataset's;
        `sums`: the log's monthly sums kept with a saved audit (`store.load_sums`)."""
        self.data: AuditData = prepare(dataset, activity, sums)
        self._measures: dict[tuple, dict[str, Measure]] = {}
        self._contexts: dict[tuple, Context] = {}

    def default_period(self) -> Period | None:
        """The span of the data: first to last post or action."""
        return self.data.span()

    def period(self, start: date | None = None, end: date | None = None) -> Period:
        """The period asked for, defaulting each end to the data's span (or today when empty)."""
        span = self.default_period()
        today = date.today()
        return Period(
            start or (span.start if span else today), end or (span.end if span else today)
        )

    def scorecard(
        self, settings: Settings | None = None, period: Period | None = None
    ) -> Scorecard:
        settings = settings or Settings()
        period = period or self.period()
        context = self.context(settings, period)
        key = (period, context.expected_platforms)
        if key not in self._measures:
            self._measures[key] = measure_all(context)
        return score(self.data, period, settings, self._measures[key])

    def context(self, settings: Settings | None = None, period: Period | None = None) -> Context:
        """The context of a period: the one scoring used, so drill-downs (departments,
        monthly series) reuse its aggregates instead of another pass over the log."""
        settings = settings or Settings()
        period = period or self.period()
        fresh = Context(self.data, period, settings)
        key = (period, fresh.expected_platforms)
        if key not in self._contexts:
            if len(self._contexts) >= 8:  # bounded: each holds the period's aggregates
                self._contexts.clear()
                self._measures.clear()
            self._contexts[key] = fresh
        return self._contexts[key]


def run_audit(
    dataset: Dataset,
    settings: Settings | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Scorecard:
    """Audit a dataset in one call (CLI, reports, tests)."""
    auditor = Auditor(dataset)
    return auditor.scorecard(settings, auditor.period(start, end))
