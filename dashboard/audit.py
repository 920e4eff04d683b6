"""The audit pipeline in one call: dataset → prepared data → scorecard, with re-scoring kept cheap.

`Auditor` prepares a dataset once. A new period recomputes the measures (one pass of
polars over the log); a new answer to the questionnaire re-measures only the criteria
that read it (a governance answer, the governance criterion); new targets or weights
only re-score the cached measures.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import partial
from typing import Any

import polars as pl

from dashboard.criteria import registry
from dashboard.criteria.base import Measure
from dashboard.criteria.context import AuditData, Context, prepare
from dashboard.criteria.cube import Sums
from dashboard.criteria.families import ANSWERS
from dashboard.ingest.dataset import Dataset
from dashboard.memo import Memo
from dashboard.period import Period
from dashboard.scoring import Scorecard, measure_criterion, score
from dashboard.settings import Settings

CONTEXTS = 8  # periods whose aggregates are kept (the enterprise log's are large)

Answers = Mapping[str, Any]


class Auditor:
    """A prepared dataset that can be scored for any period, settings and answers.

    Sessions that share a prepared audit (`dashboard.prepared`) call it from their own
    threads: its memos are bounded, each value is computed once however many sessions
    ask for it together, and no session's answers reach another's scorecard.
    """

    SCORECARDS = 64  # (period, settings, answers) scorecards kept
    MEASURES = 64 * 12  # one criterion's measures per (period, platforms, answers it reads)

    def __init__(
        self, dataset: Dataset, activity: pl.LazyFrame | None = None, sums: Sums | None = None
    ):
        """`activity`: a log read out of memory (`ingest.spill`), in place of the dataset's;
        `sums`: the log's monthly sums kept with a saved audit (`store.load_sums`)."""
        self.data: AuditData = prepare(dataset, activity, sums)
        self.answers: Answers = dataset.questionnaire  # what the questionnaire files say
        self._contexts: Memo[Context] = Memo(CONTEXTS)
        self._measures: Memo[dict[str, Measure]] = Memo(self.MEASURES)
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
        self,
        settings: Settings | None = None,
        period: Period | None = None,
        questionnaire: Answers | None = None,
    ) -> Scorecard:
        """The scorecard of a period; `questionnaire`, the answers (default: the files').
        Computed once per period, settings and answers: new weights or targets re-score
        the period's measures, a new answer re-measures only the criteria that read it."""
        settings = settings or Settings()
        period = period or self.period()
        answers = self.answers if questionnaire is None else questionnaire

        def compute() -> Scorecard:
            context = self.context(settings, period, answers)
            measures: dict[str, Measure] = {}
            for spec in registry.criteria():
                read = _sections(context.questionnaire, ANSWERS[spec.id])
                key = (period, context.expected_platforms, spec.id, read)
                measures.update(self._measures.get(key, partial(measure_criterion, spec, context)))
            return score(self.data, period, settings, measures, context.questionnaire)

        return self._scorecards.get((period, settings.key(), answers_key(answers)), compute)

    def context(
        self,
        settings: Settings | None = None,
        period: Period | None = None,
        questionnaire: Answers | None = None,
    ) -> Context:
        """The context of a period: the one scoring used, so drill-downs (departments,
        monthly series) reuse its aggregates instead of another pass over the log. It
        holds the answers of this call."""
        settings = settings or Settings()
        period = period or self.period()
        answers = self.answers if questionnaire is None else questionnaire
        fresh = Context(self.data, period, settings, answers)
        shared = self._contexts.get((period, fresh.expected_platforms), lambda: fresh)
        # The period's aggregates are shared; the answers are this call's alone (another
        # session may be scoring the same context with its own).
        return shared if shared.questionnaire is answers else shared.answering(answers)


def answers_key(answers: Answers) -> str:
    """Answers as a key (memos of what they change key on it): equal answers, equal keys."""
    return json.dumps(answers, sort_keys=True, default=str)


def _sections(answers: Answers, sections: tuple[str, ...]) -> str:
    """The answers a criterion reads, as a key: equal when nothing it reads changed."""
    return answers_key({s: answers.get(s) for s in sections})


def run_audit(
    dataset: Dataset,
    settings: Settings | None = None,
    start: date | None = None,
    end: date | None = None,
    questionnaire: Answers | None = None,
) -> Scorecard:
    """Audit a dataset in one call (CLI, reports, tests)."""
    auditor = Auditor(dataset)
    return auditor.scorecard(settings, auditor.period(start, end), questionnaire)
