"""The consultant's notes of a saved audit in the words a deliverable prints.

A saved audit's report carries the notes written during the meetings: the three-line
summary, a comment per criterion, and per gap a verdict, a comment and an edited
recommendation (which replaces the default one, here and not in the renderers). A live
report has no notes: they belong to a saved audit. The speaker notes, which only the
consultant reads, also say which notes were carried over from the previous audit.
"""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.i18n import Lang, t
from dashboard.report.model import GapNote
from dashboard.store.records import SUMMARY, AuditNotes, Note

VERDICTS = {
    "agreed": "ui.notes.status.agreed",
    "out_of_scope": "ui.notes.status.out_of_scope",
    "to_discuss": "ui.notes.status.to_discuss",
}


def verdict(note: Note | None, lang: Lang) -> str:
    """A gap's verdict in words (with the reason when out of scope); empty without one."""
    if note is None or note.status is None:
        return ""
    if note.status == "out_of_scope" and note.reason:
        return t("ui.notes.out_of_scope_reason", lang, reason=note.reason)
    return t(VERDICTS[note.status], lang)


def gap_note(notes: AuditNotes | None, metric_id: str, metric: str, lang: Lang) -> GapNote | None:
    """The meeting's word on one gap (None when it has neither verdict nor comment)."""
    note = None if notes is None else notes.gap(metric_id)
    said = verdict(note, lang)
    if note is None or not (said or note.comment):
        return None
    words = ". ".join(part for part in (said, note.comment) if part)
    line = t("deliver.gap_note", lang, metric=metric, note=words)
    return GapNote(said, note.comment, line, _marked(line, note.carried_over, lang))


def recommendation(notes: AuditNotes | None, metric_id: str, default: str) -> str:
    """The consultant's edited recommendation, else the default one."""
    return default if notes is None else notes.recommendation(metric_id, default)


def criterion_comment(notes: AuditNotes | None, criterion_id: str) -> str:
    note = None if notes is None else notes.criterion(criterion_id)
    return "" if note is None else note.comment


def summary_lines(notes: AuditNotes | None) -> tuple[str, ...]:
    return () if notes is None else tuple(notes.summary())


def speaker(
    base: str,
    lang: Lang,
    notes: AuditNotes | None,
    *,
    summary: bool = False,
    criterion_id: str = "",
    gaps: Sequence[GapNote] = (),
) -> str:
    """A slide's speaker notes: what it shows, then the consultant's notes on it (the
    summary, the criterion's comment, the gaps'), each marked when carried over."""
    lines = []
    if notes is not None and summary and notes.summary():
        heading = t("deliver.consultant_summary", lang) + ":"
        lines.append(_marked(heading, _carried(notes.by_subject[SUMMARY]), lang))
        lines += [f"– {line}" for line in notes.summary()]
    if notes is not None and (note := notes.criterion(criterion_id)) is not None:
        comment = f"{t('deliver.consultant_notes', lang)}: {note.comment}"
        lines.append(_marked(comment, note.carried_over, lang))
    lines += [f"– {gap.speaker}" for gap in gaps]
    return "\n".join([base, "", *lines]) if lines else base


def _carried(note: Note | None) -> bool:
    return note is not None and note.carried_over


def _marked(line: str, carried: bool, lang: Lang) -> str:
    return f"{line} ({t('ui.notes.carried', lang)})" if carried else line
