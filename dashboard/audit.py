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
from typing import Any

import polars as pl

from dashboard.criteria import registry
from dashboard.criteria.base import Measure
from dashboard.criteria.context import AuditData, Context, prepare
from dashboard.criteria.cube import Sums
from dashboard.criteria.families import ANSWERS
from dashboard.ingest.dataset import Dataset
from dashboard.period import Period
from dashboard.scoring import Scorecard, measure_criterion, score
from dashboard.settings import Settings

CONTEXTS = 8  # periods kept, each with its aggregates (the measures go with them)

Answers = Mapping[str, Any]


class Auditor:
    """A prepared dataset that can be scored for any period, settings and answers."""

    def __init__(
        self, dataset: Dataset, activity: pl.LazyFrame | None = None, sums: Sums | None = None
    ):
        """`activity`: a log read out of memory (`ingest.spill`), in place of the dataset's;
        `sums`: the log's monthly sums kept with a saved audit (`store.load_sums`)."""
        self.data: AuditData = prepare(dataset, activity, sums)
        self.answers: Answers = dataset.questionnaire  # what the questionnaire files say
        self._measures: dict[tuple[Any, ...], dict[str, Measure]] = {}
        self._contexts: dict[tuple[Any, ...], Context] = {}

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
        self,
        settings: Settings | None = None,
        period: Period | None = None,
        questionnaire: Answers | None = None,
    ) -> Scorecard:
        """The scorecard of a period; `questionnaire`, the answers (default: the files')."""
        settings = settings or Settings()
        period = period or self.period()
        context = self.context(settings, period, questionnaire)
        measures: dict[str, Measure] = {}
        for spec in registry.criteria():
            read = _sections(context.questionnaire, ANSWERS[spec.id])
            key = (period, context.expected_platforms, spec.id, read)
            if key not in self._measures:
                self._measures[key] = measure_criterion(spec, context)
            measures.update(self._measures[key])
        return score(self.data, period, settings, measures, context.questionnaire)

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
        key = (period, fresh.expected_platforms)
        if key not in self._contexts:
            if len(self._contexts) >= CONTEXTS:  # bounded: each holds the period's aggregates
                self._contexts.clear()
                self._measures.clear()
            self._contexts[key] = fresh
        context = self._contexts[key]
        context.questionnaire = answers
        return context


def _sections(answers: Answers, sections: tuple[str, ...]) -> str:
    """The answers a criterion reads, as a key: equal when nothing it reads changed."""
    return json.dumps({s: answers.get(s) for s in sections}, sort_keys=True, default=str)


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
