"""Consultant notes saved with an audit: a summary, a comment per criterion and per gap, an
edited recommendation and the meeting's verdict on each gap.

Notes belong to one audit, so they are versioned with it: a new audit starts from the
notes of the audit before it in the data's calendar, copied and marked as carried over
until someone edits them (`carry_over`, called inside every save's transaction). Writing
needs an editor, and bumps the workspace's revision, so an open executive view shows a
note within its next poll. A note left empty is removed.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from dashboard.criteria import registry
from dashboard.messages import msg
from dashboard.store.access import Access
from dashboard.store.errors import InvalidNote
from dashboard.store.models import Audit, AuditNote, utcnow
from dashboard.store.records import (
    GAP_STATUSES,
    SUMMARY,
    AuditNotes,
    Note,
    criterion_subject,
    gap_subject,
)
from dashboard.store.workspaces import audit_row, check_name, lock_workspace, writing

TEXT_LIMIT = 2000  # characters in a comment or a recommendation
REASON_LIMIT = 500
SUMMARY_LINES = 3


def audit_notes(engine: Engine, access: Access, audit_id: int) -> AuditNotes:
    """Every note of an audit in the caller's workspace (`NotFound` for any other audit)."""
    with Session(engine) as session:
        audit_row(session, access, audit_id)
        rows = session.scalars(select(AuditNote).where(AuditNote.audit_id == audit_id))
        return AuditNotes(audit_id, {row.subject: _note(row) for row in rows})


def write_note(
    engine: Engine,
    access: Access,
    audit_id: int,
    subject: str,
    *,
    written_by: str,
    comment: str = "",
    recommendation: str | None = None,
    status: str | None = None,
    reason: str | None = None,
) -> Note | None:
    """Keep one note (replacing the subject's earlier one); editors only. A note with
    nothing in it removes the subject's note and returns None."""
    access.require_editor()
    comment, recommendation, reason = _text(comment), _text(recommendation), _text(reason)
    _check(subject, comment, recommendation, status, reason)
    written_by = check_name(written_by, what="saved_by")
    with writing(engine) as session:
        lock_workspace(session, access)
        audit_row(session, access, audit_id)
        session.execute(
            delete(AuditNote).where(AuditNote.audit_id == audit_id, AuditNote.subject == subject)
        )
        if not (comment or recommendation or status):
            return None
        row = AuditNote(
            audit_id=audit_id,
            subject=subject,
            comment=comment,
            recommendation=recommendation or None,
            status=status,
            reason=reason or None,
            carried_over=False,
            written_by=written_by,
            written_at=utcnow(),
        )
        session.add(row)
        session.flush()
        return _note(row)


def write_summary(
    engine: Engine, access: Access, audit_id: int, summary: str, *, written_by: str
) -> Note | None:
    """The audit's summary in at most three lines (blank lines dropped)."""
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    return write_note(
        engine, access, audit_id, SUMMARY, comment="\n".join(lines), written_by=written_by
    )


def carry_over(session: Session, audit: Audit, previous_id: int | None) -> None:
    """Inside a save: the new audit starts from the previous audit's notes, marked as
    carried over (its own notes, if any, are kept)."""
    if previous_id is None:
        return
    taken = set(session.scalars(select(AuditNote.subject).where(AuditNote.audit_id == audit.id)))
    earlier = session.scalars(select(AuditNote).where(AuditNote.audit_id == previous_id))
    session.add_all(
        AuditNote(
            audit_id=audit.id,
            subject=note.subject,
            comment=note.comment,
            recommendation=note.recommendation,
            status=note.status,
            reason=note.reason,
            carried_over=True,
            written_by=note.written_by,
            written_at=note.written_at,
        )
        for note in earlier
        if note.subject not in taken
    )
    session.flush()


# --- inside -----------------------------------------------------------------------


def _text(value: str | None) -> str:
    return (value or "").strip()


def _check(
    subject: str, comment: str, recommendation: str, status: str | None, reason: str
) -> None:
    """Refuse, with a sentence, what a note cannot hold."""
    if subject not in _subjects():
        raise InvalidNote(msg("store.error.note_subject", subject=repr(subject)))
    for text, limit in (
        (comment, TEXT_LIMIT),
        (recommendation, TEXT_LIMIT),
        (reason, REASON_LIMIT),
    ):
        if len(text) > limit:
            raise InvalidNote(msg("store.error.note_too_long", n=limit))
    gap = subject.startswith("gap:")
    if subject == SUMMARY and len(comment.splitlines()) > SUMMARY_LINES:
        raise InvalidNote(msg("store.error.summary_lines", n=SUMMARY_LINES))
    if (recommendation or status) and not gap:
        raise InvalidNote(msg("store.error.note_not_gap"))
    if status is not None and status not in GAP_STATUSES:
        raise InvalidNote(msg("store.error.note_status", statuses=", ".join(GAP_STATUSES)))
    if status == "out_of_scope" and not reason:
        raise InvalidNote(msg("store.error.note_reason"))


def _subjects() -> set[str]:
    """What a note can be about: the summary, any criterion, any metric (as a gap)."""
    subjects = {SUMMARY}
    for criterion in registry.criteria():
        subjects.add(criterion_subject(criterion.id))
        subjects |= {gap_subject(m.id) for m in criterion.metrics}
    return subjects


def _note(row: AuditNote) -> Note:
    return Note(
        row.subject,
        row.comment,
        row.recommendation,
        row.status,
        row.reason,
        row.carried_over,
        row.written_by,
        row.written_at,
    )
