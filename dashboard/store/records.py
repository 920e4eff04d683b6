"""What the store hands out: frozen records, never live database rows.

Pages cache them, the CLI prints them, and `dashboard.report` compares them: none of
them can reach the database again, so nothing outside the store writes by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dashboard.actions import is_due, is_late, moved
from dashboard.document import DocumentError, from_document
from dashboard.period import Period
from dashboard.questionnaire import parse_questionnaire
from dashboard.scoring import Scorecard, level_name
from dashboard.settings import Settings, parse_settings
from dashboard.store.access import Role
from dashboard.store.errors import SnapshotError


@dataclass(frozen=True)
class WorkspaceInfo:
    """A workspace as its editors manage it: names, openness, which roles have a passphrase."""

    slug: str
    name: str
    is_open: bool  # the sample: open to read for everyone, changed by no one
    protected: tuple[Role, ...]  # roles that have a passphrase
    revision: int
    created_at: datetime
    save_token_set_at: datetime | None  # when the scheduled jobs' token was made, if any


@dataclass(frozen=True)
class AuditInfo:
    """An audit's headline: enough for lists, pickers and the trend, without the JSON.

    `id` is the store's key; `number` is what people read and type (n. 1 is a workspace's
    first audit)."""

    id: int
    number: int
    name: str
    period_start: date
    period_end: date
    saved_by: str
    saved_at: datetime
    is_current: bool
    overall_score: float | None
    level: int | None  # index into dashboard.scoring.LEVELS
    measured: int
    total: int

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    def level_name(self, lang: str) -> str | None:
        return None if self.level is None else level_name(self.level, lang)


@dataclass(frozen=True)
class StoredAudit:
    """A whole saved audit: the scorecard as computed and what it was computed from."""

    info: AuditInfo
    scorecard: dict[
        str, Any
    ]  # its document (`dashboard.document`), as `audit --format json` prints
    settings_toml: str
    questionnaire_toml: str
    inputs: list[dict[str, Any]]  # the files read: name, digest, format, table, rows…
    tables: dict[str, dict[str, Any]]  # canonical table → rows, digest, kept (copy stored)

    def to_scorecard(self) -> Scorecard:
        """The scorecard object every view renders, without recomputing anything."""
        return rebuilt(self.scorecard, self.info.saved_at)

    def settings(self) -> Settings:
        return parse_settings(self.settings_toml)

    def questionnaire(self) -> dict[str, Any]:
        return parse_questionnaire(self.questionnaire_toml)


def rebuilt(document: dict[str, Any], saved_at: datetime) -> Scorecard:
    """A saved audit's scorecard from its document; `SnapshotError` when this version cannot
    rebuild it (the store's refusal, which the views say like any other)."""
    try:
        return from_document(document, saved_at)
    except DocumentError as error:
        raise SnapshotError(error.msg) from None


GAP_STATUSES = ("agreed", "out_of_scope", "to_discuss")  # the meeting's verdict on a gap
SUMMARY = "summary"


@dataclass(frozen=True)
class Note:
    """A consultant's note on one subject of an audit (its summary, a criterion, a gap)."""

    subject: str  # SUMMARY, "criterion:<id>" or "gap:<metric id>"
    comment: str
    recommendation: str | None  # a gap's edited recommendation, replacing the default
    status: str | None  # a gap's verdict: one of GAP_STATUSES
    reason: str | None  # why a gap is out of scope
    carried_over: bool  # copied from the previous audit and not edited since
    written_by: str
    written_at: datetime


def criterion_subject(criterion_id: str) -> str:
    return f"criterion:{criterion_id}"


def gap_subject(metric_id: str) -> str:
    return f"gap:{metric_id}"


@dataclass(frozen=True)
class AuditNotes:
    """Every note of one audit, by subject; an audit without notes has an empty mapping."""

    audit_id: int
    by_subject: dict[str, Note]

    def summary(self) -> list[str]:
        """The three-line summary, as lines (empty when none was written)."""
        note = self.by_subject.get(SUMMARY)
        return [] if note is None else [line for line in note.comment.splitlines() if line]

    def criterion(self, criterion_id: str) -> Note | None:
        return self.by_subject.get(criterion_subject(criterion_id))

    def gap(self, metric_id: str) -> Note | None:
        return self.by_subject.get(gap_subject(metric_id))

    def recommendation(self, metric_id: str, default: str) -> str:
        """The gap's recommendation as the consultant left it: edited, else the default."""
        note = self.gap(metric_id)
        return note.recommendation if note is not None and note.recommendation else default

    @property
    def carried_over(self) -> bool:
        """Some note still reads as copied from the previous audit."""
        return any(n.carried_over for n in self.by_subject.values())


@dataclass(frozen=True)
class ActionRecord:
    """An action of the plan, with its metric's value before (in the audit it was made from)
    and after (in the latest audit after that one, once there is one)."""

    id: int
    audit_id: int | None  # the audit it was made from (None once that audit is deleted)
    criterion: str
    metric: str
    what: str
    owner: str
    due: date | None
    status: str  # one of dashboard.actions.STATUSES
    before: float | None
    after: float | None
    after_audit: int | None  # the later audit `after` comes from; None before there is one
    created_by: str
    created_at: datetime
    updated_at: datetime

    @property
    def moved(self) -> bool | None:
        """The metric improved since the action was made; None until a later audit measured it."""
        return moved(self.metric, self.before, self.after)

    @property
    def flagged(self) -> bool:
        """Done, a later audit exists, and the metric did not move: to discuss at the meeting."""
        return self.status == "done" and self.after_audit is not None and self.moved is not True

    def late(self, today: date) -> bool:
        return is_late(self.status, self.due, today)

    def due_by(self, today: date) -> bool:
        return is_due(self.status, self.due, today)
