"""Consultant notes in the app: shown beside the numbers (executive view, presentation mode,
Criteria and Gaps pages) and written by editors on a saved audit.

Notes are people's text: they reach Markdown only through `views.plain`. A note copied
from the previous audit says so until someone edits it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import Lang, date_text, t
from dashboard.report.notes import VERDICTS, verdict
from dashboard.scoring import Scorecard
from dashboard.store import (
    GAP_STATUSES,
    Access,
    AuditNotes,
    InvalidNote,
    Note,
    audit_notes,
    load_scorecard,
    write_note,
    write_summary,
)
from dashboard.store.records import criterion_subject, gap_subject
from dashboard.ui import reopen, saved, state, views
from dashboard.ui.tables import gaps_table

VERDICT_ICONS = {
    "agreed": ":material/handshake:",
    "out_of_scope": ":material/block:",
    "to_discuss": ":material/forum:",
}


def verdict_text(note: Note | None, lang: Lang) -> str:
    """A gap's verdict in words (with the reason when out of scope); empty without one."""
    said = verdict(note, lang)
    return (
        f"{VERDICT_ICONS[note.status]} {views.plain(said)}" if note and note.status and said else ""
    )


def provenance(note: Note, lang: Lang) -> str:
    """Who wrote a note and when, and whether it came from the previous audit."""
    said = t(
        "ui.notes.by",
        lang,
        who=views.plain(note.written_by),
        date=date_text(note.written_at.astimezone(), lang),
    )
    return f"{said} · {t('ui.notes.carried', lang)}" if note.carried_over else said


def summary(notes: AuditNotes, lang: Lang) -> None:
    """The three-line summary, as the executive reads it (nothing when none was written)."""
    lines = notes.summary()
    if not lines:
        return
    st.subheader(t("ui.notes.summary", lang), anchor=False)
    for line in lines:
        st.markdown(f"- {views.plain(line)}")
    st.caption(provenance(notes.by_subject["summary"], lang))


def gap_notes(card: Scorecard, notes: AuditNotes, lang: Lang, limit: int) -> None:
    """The notes on the first `limit` gaps: verdict, comment, and the edited recommendation.
    A small block the executive view can place where it fits (nothing without notes)."""
    frame = gaps_table(card, lang).head(limit)
    noted = [
        (row, note)
        for row in frame.itertuples()
        if (note := notes.gap(str(row.metric_id))) is not None
    ]
    if not noted:
        return
    st.subheader(t("ui.notes.title", lang), anchor=False)
    for row, note in noted:
        head = f"**{row.rank}. {views.plain(row.metric)}**"
        verdict = verdict_text(note, lang)
        st.markdown(f"{head} — {verdict}" if verdict else head)
        if note.comment:
            st.markdown(views.plain(note.comment))
        if note.recommendation:
            st.markdown(f"*{t('ui.notes.edited', lang)}:* {views.plain(note.recommendation)}")
        st.caption(provenance(note, lang))


def executive_notes(card: Scorecard, notes: AuditNotes, lang: Lang, limit: int) -> None:
    """What the executive view shows of the notes: the summary and the top gaps' notes."""
    summary(notes, lang)
    gap_notes(card, notes, lang, limit)


# --- writing -------------------------------------------------------------------------------


def _keep(lang: Lang, write: Callable[[], object]) -> bool:
    """Run one write; a refusal is said where the form is, and what was typed stays there."""
    try:
        write()
    except InvalidNote as error:
        st.error(saved.error_text(error, lang), icon=":material/error:")
        return False
    return True


def _saved(lang: Lang) -> None:
    """Said once, after the rerun that shows the note everywhere on the page."""
    state.NOTES_ROUND.set(state.NOTES_ROUND.get() + 1)  # the forms start from the store again
    st.toast(t("ui.notes.saved", lang), icon=":material/check:")
    st.rerun()


def _author(lang: Lang) -> str:
    return saved.saved_by_default() or state.SAVED_BY.get() or t("ui.audits.saved_by_default", lang)


def summary_editor(
    engine: Engine, access: Access, audit_id: int, notes: AuditNotes, lang: Lang
) -> None:
    """The summary in three lines, for editors."""
    key = f"notes_summary_{audit_id}_{state.NOTES_ROUND.get()}"
    with st.form(key, border=False):
        text = st.text_area(
            t("ui.notes.summary", lang),
            value="\n".join(notes.summary()),
            help=t("ui.notes.summary_help", lang),
            height=110,
            key=f"{key}_text",
        )
        if st.form_submit_button(t("ui.notes.save", lang), icon=":material/save:"):
            author = _author(lang)
            if _keep(
                lang, lambda: write_summary(engine, access, audit_id, text, written_by=author)
            ):
                _saved(lang)


def criterion_editor(
    engine: Engine, access: Access, audit_id: int, criterion_id: str, notes: AuditNotes, lang: Lang
) -> None:
    """A comment on one criterion, for editors."""
    note = notes.criterion(criterion_id)
    key = f"notes_criterion_{audit_id}_{criterion_id}_{state.NOTES_ROUND.get()}"
    with st.form(key, border=False):
        text = st.text_area(
            t("ui.notes.criterion_comment", lang),
            value=note.comment if note else "",
            height=90,
            key=f"{key}_text",
        )
        if note is not None:
            st.caption(provenance(note, lang))
        if st.form_submit_button(t("ui.notes.save", lang), icon=":material/save:"):
            author = _author(lang)
            subject = criterion_subject(criterion_id)
            if _keep(
                lang,
                lambda: write_note(
                    engine, access, audit_id, subject, comment=text, written_by=author
                ),
            ):
                _saved(lang)


def gaps_frame(card: Scorecard, notes: AuditNotes, lang: Lang) -> pd.DataFrame:
    """One row per gap with its note: what the gap editor shows and edits."""
    frame = gaps_table(card, lang)
    rows = []
    for row in frame.itertuples():
        note = notes.gap(str(row.metric_id))
        rows.append(
            {
                "metric_id": row.metric_id,
                "rank": row.rank,
                "metric": row.metric,
                "status": note.status if note else None,
                "reason": (note.reason or "") if note else "",
                "comment": note.comment if note else "",
                "recommendation": (note.recommendation or "") if note else "",
                "carried": bool(note and note.carried_over),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "metric_id",
            "rank",
            "metric",
            "status",
            "reason",
            "comment",
            "recommendation",
            "carried",
        ],
    )


def gaps_editor(
    engine: Engine, access: Access, audit_id: int, card: Scorecard, notes: AuditNotes, lang: Lang
) -> None:
    """Every gap's verdict, comment and edited recommendation in one table, for editors;
    only the rows that changed are written, each checked by the store."""
    frame = gaps_frame(card, notes, lang)
    if frame.empty:
        st.success(t("audit.no_gaps", lang))
        return
    st.caption(t("ui.notes.gap_caption", lang))
    key = f"notes_gaps_{audit_id}_{state.NOTES_ROUND.get()}"
    with st.form(key, border=False):
        edited = st.data_editor(
            frame,
            key=f"{key}_table",
            hide_index=True,
            width="stretch",
            disabled=["rank", "metric", "carried"],
            column_order=[c for c in frame.columns if c != "metric_id"],  # the id stays hidden
            column_config={
                "rank": st.column_config.NumberColumn("#", width=40),
                "metric": st.column_config.TextColumn(t("col.metric", lang), width="medium"),
                "status": st.column_config.SelectboxColumn(
                    t("ui.notes.verdict", lang),
                    options=list(GAP_STATUSES),
                    format_func=lambda s: t(VERDICTS[str(s)], lang),
                    width="small",
                ),
                "reason": st.column_config.TextColumn(t("ui.notes.reason", lang)),
                "comment": st.column_config.TextColumn(t("ui.notes.comment", lang), width="large"),
                "recommendation": st.column_config.TextColumn(
                    t("ui.notes.recommendation", lang), width="large"
                ),
                "carried": st.column_config.CheckboxColumn(
                    t("ui.notes.carried_short", lang), help=t("ui.notes.carried", lang)
                ),
            },
        )
        if not st.form_submit_button(t("ui.notes.save", lang), icon=":material/save:"):
            return
    author = _author(lang)
    for before, after in zip(frame.itertuples(), edited.itertuples(), strict=True):
        fields = ("status", "reason", "comment", "recommendation")
        if all(_same(getattr(before, f), getattr(after, f)) for f in fields):
            continue
        if not _keep(lang, partial(_write_gap, engine, access, audit_id, after, author)):
            return
    _saved(lang)


def _write_gap(engine: Engine, access: Access, audit_id: int, row: Any, author: str) -> None:
    """One edited row of the gap editor, written as that gap's note."""
    write_note(
        engine,
        access,
        audit_id,
        gap_subject(row.metric_id),
        comment=_cell(row.comment),
        recommendation=_cell(row.recommendation),
        status=_cell(row.status) or None,
        reason=_cell(row.reason),
        written_by=author,
    )


def _cell(value: object) -> str:
    """An edited cell as text: a cleared cell (None, NaN) is empty."""
    return value if isinstance(value, str) else ""


def _same(a: object, b: object) -> bool:
    return _cell(a) == _cell(b)


# --- on the Criteria and Gaps pages, while the session works on a saved audit ---------------


def criterion_panel(criterion_id: str, lang: Lang) -> None:
    """A criterion's note, under its section: written by editors, read by others."""
    target = reopen.notes_access()
    if target is None:
        return
    access, audit_id = target
    with saved.guard(lang), st.expander(t("ui.notes.title", lang), icon=":material/edit_note:"):
        engine = saved.engine()
        notes = audit_notes(engine, access, audit_id)
        if access.can_edit:
            criterion_editor(engine, access, audit_id, criterion_id, notes, lang)
            return
        note = notes.criterion(criterion_id)
        if note is not None:
            st.markdown(views.plain(note.comment))
            st.caption(provenance(note, lang))
        st.caption(t("ui.notes.read_only", lang))


def gaps_panel(lang: Lang) -> None:
    """Every gap's note of the saved audit the session works on, under the gap list."""
    target = reopen.notes_access()
    st.subheader(t("ui.notes.title", lang), anchor=False)
    if target is None:
        st.caption(t("ui.notes.open_saved", lang))
        return
    access, audit_id = target
    with saved.guard(lang):
        engine = saved.engine()
        notes = audit_notes(engine, access, audit_id)
        card = load_scorecard(engine, access, audit_id)  # the gaps as saved, whatever the period
        if access.can_edit:
            gaps_editor(engine, access, audit_id, card, notes, lang)
        else:
            gap_notes(card, notes, lang, limit=len(card.criteria) * 10)
            st.caption(t("ui.notes.read_only", lang))
