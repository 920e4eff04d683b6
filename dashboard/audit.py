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
from dashboard.memo import Memo
from dashboard.period import Period
from dashboard.scoring import Scorecard, measure_all, score
from dashboard.settings import Settings


class Auditor:
    """A prepared dataset that can be scored for any period and settings.

    Sessions that share a prepared audit (`dashboard.prepared`) call it from their own
    threads: its memos are bounded, and each value is computed once however many
    sessions ask for it together.
    """

    CONTEXTS = 8  # periods whose aggregates are kept (the enterprise log's are large)
    SCORECARDS = 64  # (period, settings) scorecards kept

    def __init__(
        self, dataset: Dataset, activity: pl.LazyFrame | None = None, sums: Sums | None = None
    ):
        """`activity`: a log read out of memory (`ingest.spill`), in place of the dataset's;
        `sums`: the log's monthly sums kept with a saved audit (`store.load_sums`)."""
        self.data: AuditData = prepare(dataset, activity, sums)
        self._contexts: Memo[Context] = Memo(self.CONTEXTS)
        self._measures: Memo[dict[str, Measure]] = Memo(self.SCORECARDS)
        self._scorecards: Memo[Scorecard] = Memo(self.SCORECARDS)
        self._span = self.data.span()  # asked on every run of every page

    def default_period(self) -> Period | None:
        """The span of the data: first to last post or action."""
        return self._span

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
        """The scorecard of a period under settings, computed once for both (new weights
        or targets re-score the period's measures; a new period measures it)."""
        settings = settings or Settings()
        period = period or self.period()

        def compute() -> Scorecard:
            context = self.context(settings, period)
            key = (period, context.expected_platforms)
            measures = self._measures.get(key, lambda: measure_all(context))
            return score(self.data, period, settings, measures)

        return self._scorecards.get((period, settings.key()), compute)

    def context(self, settings: Settings | None = None, period: Period | None = None) -> Context:
        """The context of a period: the one scoring used, so drill-downs (departments,
        monthly series) reuse its aggregates instead of another pass over the log."""
        settings = settings or Settings()
        period = period or self.period()
        fresh = Context(self.data, period, settings)
        return self._contexts.get((period, fresh.expected_platforms), lambda: fresh)


def run_audit(
    dataset: Dataset,
    settings: Settings | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Scorecard:
    """Audit a dataset in one call (CLI, reports, tests)."""
    auditor = Auditor(dataset)
    return auditor.scorecard(settings, auditor.period(start, end))
