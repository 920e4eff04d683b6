"""What a criterion family computes: a `Measure` per metric, registered by criterion id.

A family module holds one function per criterion, decorated with `@family("id")`,
that takes the audit `Context` and returns `{metric id: Measure}` for every metric the
registry declares for that criterion. A metric whose inputs are missing returns
`Measure.not_measured(...)` naming the file or column that would measure it — never 0.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from dashboard.messages import Msg, Ref, msg

if TYPE_CHECKING:
    from dashboard.criteria.context import Context

Family = Callable[["Context"], dict[str, "Measure"]]
NOTHING_TO_COUNT = msg("measure.missing.nothing_in_period")
FAMILIES: dict[str, Family] = {}
# The questionnaire sections each family reads (beyond the expected platforms, which every
# family may): a new answer re-measures only the criteria that read it.
ANSWERS: dict[str, tuple[str, ...]] = {}


def family(criterion_id: str, answers: tuple[str, ...] = ()) -> Callable[[Family], Family]:
    """Register the function that computes every metric of one criterion, and the sections
    of the questionnaire it reads (`governance`, `followers`, `agencies`)."""

    def register(function: Family) -> Family:
        FAMILIES[criterion_id] = function
        ANSWERS[criterion_id] = answers
        return function

    return register


def reads_log(function: Family) -> Family:
    """Mark a family whose metrics read the action log: their evidence says how many
    off-topic actions (company_related false) of the period were left out."""

    @functools.wraps(function)
    def with_off_topic(ctx: Context) -> dict[str, Measure]:
        measures = function(ctx)
        if ctx.log_source != "employee_activity":
            return measures
        left_out = {"off_topic_left_out": ctx.off_topic}
        return {k: m.with_evidence(left_out) for k, m in measures.items()}

    return with_off_topic


@dataclass(frozen=True)
class Measure:
    """A metric's measured value with the numbers it came from and its evidence.

    `evidence` is JSON-friendly: named lists of small records (departments, authors,
    weeks, posts — employees by pseudonymous id) capped to a few rows each.
    """

    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    # What input would measure it, when not measured; how it was measured, when there was a
    # choice (impressions for reach). A `str` only in audits saved before messages had codes.
    missing: Msg | Ref | str | None = None
    note: Msg | Ref | str | None = None

    @classmethod
    def not_measured(cls, missing: Msg | Ref, evidence: dict[str, Any] | None = None) -> Measure:
        return cls(None, missing=missing, evidence=evidence or {})

    @classmethod
    def ratio(
        cls,
        numerator: float,
        denominator: float,
        evidence: dict[str, Any] | None = None,
        empty: Msg = NOTHING_TO_COUNT,
        note: Msg | None = None,
    ) -> Measure:
        """numerator ÷ denominator; a zero denominator is not measured, with `empty` as reason."""
        if not denominator:
            return cls(None, numerator, denominator, evidence or {}, missing=empty)
        return cls(numerator / denominator, numerator, denominator, evidence or {}, note=note)

    @property
    def measured(self) -> bool:
        return self.value is not None

    def with_evidence(self, extra: dict[str, Any], note: Msg | None = None) -> Measure:
        """The same measure with more evidence (and a note, when given)."""
        return replace(
            self, evidence={**self.evidence, **extra}, note=self.note if note is None else note
        )


def records(frame: Any, limit: int = 10) -> list[dict[str, Any]]:
    """The first rows of a (polars or pandas) frame as JSON-friendly dicts, for evidence."""
    if hasattr(frame, "to_dicts"):
        rows = frame.head(limit).to_dicts()
    else:
        rows = frame.head(limit).to_dict("records")
    return [{k: _plain(v) for k, v in row.items()} for row in rows]


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value
