"""The workspace's audits listed: rename one, make it current, or delete it after its name or
number is typed.

Names typed by people are shown as plain text (tables, select boxes, `views.plain`)."""

from __future__ import annotations

from typing import Any

import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import Lang, t
from dashboard.report.changes import audit_label, audits_frame
from dashboard.store import (
    Access,
    AuditInfo,
    ConfirmationRequired,
    StoreError,
    audit_notes,
    delete_audit,
    load_scorecard,
    rename_audit,
    set_current,
)
from dashboard.ui import notes as notes_ui
from dashboard.ui import reopen, saved, state, views
from dashboard.ui.audit_save import app_link
from dashboard.ui.workspaces import flash


def pick_audit(
    where: Any, audits: list[AuditInfo], key: state.Key[int | None], label: str, lang: Lang
) -> AuditInfo:
    """A select box of the workspace's audits (in `where`: the page or a column), starting
    on the current one."""
    by_id = {a.id: a for a in audits}
    if key.get() not in by_id:
        key.set(next((a.id for a in audits if a.is_current), audits[0].id))
    return by_id[
        where.selectbox(
            label, list(by_id), format_func=lambda i: audit_label(by_id[i], lang), key=key.name
        )
    ]


def list_section(engine: Engine, access: Access, audits: list[AuditInfo], lang: Lang) -> None:
    st.subheader(t("ui.audits.list", lang), anchor=False)
    if not audits:
        st.info(t("ui.exec.no_audits", lang), icon=":material/inventory_2:")
        return
    st.dataframe(
        audits_frame(audits, lang),
        hide_index=True,
        width="stretch",
        height=min(40 + 35 * len(audits), 420),
        column_config={
            "number": st.column_config.NumberColumn("#", width=50),
            "name": st.column_config.TextColumn(t("ui.audits.name", lang), width="large"),
            "period": st.column_config.TextColumn(t("audit.period", lang)),
            "score": st.column_config.TextColumn(t("audit.overall", lang)),
            "level": st.column_config.TextColumn(t("audit.level", lang)),
            "current": st.column_config.TextColumn(
                t("ui.audits.current", lang), width="small", help=t("ui.audits.current_help", lang)
            ),
            "saved_by": st.column_config.TextColumn(t("ui.audits.saved_by", lang)),
            "saved_at": st.column_config.TextColumn(t("ui.audits.saved_at", lang)),
        },
    )
    if not access.can_edit:
        return
    chosen = pick_audit(st, audits, state.SELECTED, t("ui.audits.pick", lang), lang)
    by_id = {a.id: a for a in audits}
    rename, current, delete = st.columns([3, 1, 1], vertical_alignment="bottom")
    with rename:
        box, button = st.columns([3, 1], vertical_alignment="bottom")
        new_name = box.text_input(
            t("ui.audits.new_name", lang), value=chosen.name, key=f"audits_rename_{chosen.id}"
        )
        if button.button(t("ui.audits.rename", lang), key="audits_rename_button", width="stretch"):
            rename_audit(engine, access, chosen.id, new_name)
            flash(
                t("ui.audits.renamed", lang, id=chosen.number, name=views.plain(new_name.strip()))
            )
            st.rerun()
    if current.button(
        t("ui.audits.make_current_button", lang),
        key="audits_current_button",
        disabled=chosen.is_current,
        icon=":material/star:",
        width="stretch",
    ):
        set_current(engine, access, chosen.id)
        flash(t("ui.audits.made_current", lang, id=chosen.number))
        st.rerun()
    if delete.button(
        t("ui.audits.delete", lang),
        key="audits_delete_button",
        icon=":material/delete:",
        width="stretch",
    ):
        state.DELETING.set(chosen.id)
    meeting_section(engine, access, chosen, lang)
    deleting = by_id.get(state.DELETING.get() or 0)
    if deleting is not None:  # open until confirmed, cancelled or dismissed
        st.dialog(t("ui.audits.delete_title", lang, id=deleting.number), on_dismiss=_stop_deleting)(
            confirm_delete
        )(engine, access, deleting, lang)
    else:
        _stop_deleting()


def meeting_section(engine: Engine, access: Access, chosen: AuditInfo, lang: Lang) -> None:
    """The chosen audit reopened in the dashboard, or presented; and its notes."""
    reopen_col, present_col, _ = st.columns([1, 1, 3], vertical_alignment="bottom")
    if reopen_col.button(
        t("ui.reopen.open", lang),
        key="audits_reopen_button",
        icon=":material/open_in_browser:",
        help=t("ui.reopen.open_help", lang),
        width="stretch",
    ):
        reopen.open_audit(engine, access, chosen, lang)
    present_col.link_button(
        t("ui.present.open", lang),
        app_link("present", workspace=access.slug, audit=str(chosen.number)),
        icon=":material/slideshow:",
        help=t("ui.present.open_help", lang),
        width="stretch",
    )
    with st.expander(t("ui.notes.title", lang), icon=":material/edit_note:"):
        notes = audit_notes(engine, access, chosen.id)
        notes_ui.summary_editor(engine, access, chosen.id, notes, lang)
        notes_ui.gaps_editor(
            engine, access, chosen.id, load_scorecard(engine, access, chosen.id), notes, lang
        )


def _stop_deleting() -> None:
    state.DELETING.pop()
    state.forget(state.DELETE_CONFIRM)


def confirm_delete(engine: Engine, access: Access, audit: AuditInfo, lang: Lang) -> None:
    """The delete dialog: nothing goes until the audit's name or number is typed."""
    st.markdown(t("ui.audits.delete_intro", lang, name=views.plain(audit.name), id=audit.number))
    typed = st.text_input(t("ui.audits.delete_type", lang), key=state.DELETE_CONFIRM)
    go, cancel = st.columns(2)
    if go.button(
        t("ui.audits.delete_confirm", lang),
        type="primary",
        key="audits_delete_go",
        icon=":material/delete_forever:",
        width="stretch",
    ):
        try:
            delete_audit(engine, access, audit.id, typed)
        except ConfirmationRequired as error:
            st.error(saved.error_text(error, lang), icon=":material/error:")
            return
        except StoreError as error:
            saved.show_error(error, lang)
            return
        _stop_deleting()
        flash(t("ui.audits.deleted", lang, id=audit.number, name=views.plain(audit.name)))
        st.rerun()
    if cancel.button(t("ui.audits.cancel", lang), key="audits_delete_cancel", width="stretch"):
        _stop_deleting()
        st.rerun()
