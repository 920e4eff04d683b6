"""The action plan on the Saved audits page: every action with its metric before and after,
a new action made from a gap of the current audit, and an action changed as work goes on.

What people typed (what, owner) is shown in tables or as plain text, never as Markdown.
"""

from __future__ import annotations

from datetime import date

import streamlit as st
from sqlalchemy import Engine

from dashboard.actions import STATUSES
from dashboard.gaps import gap_list
from dashboard.i18n import Lang, format_value, t, text
from dashboard.report.plan import actions_frame
from dashboard.store import Access, StoreError, current_audit
from dashboard.store.actions import ActionChange, create_action, list_actions, update_action
from dashboard.ui import saved, state, views
from dashboard.ui.workspaces import flash


def _status(lang: Lang):
    return lambda s: t(f"ui.actions.status.{s}", lang)


def plan_section(engine: Engine, access: Access, lang: Lang) -> None:
    st.subheader(t("ui.actions.title", lang), anchor=False)
    st.caption(t("ui.actions.intro", lang))
    actions = list_actions(engine, access)
    today = date.today()
    if actions:
        flagged = sum(a.flagged for a in actions)
        if flagged:
            st.warning(t("ui.actions.flagged", lang, n=flagged), icon=":material/flag:")
        st.dataframe(
            actions_frame(actions, lang, today),
            hide_index=True,
            width="stretch",
            height=min(40 + 35 * len(actions), 420),
            column_config={
                "id": st.column_config.NumberColumn("#", width=50),
                "status": st.column_config.TextColumn(t("ui.actions.status_label", lang)),
                "what": st.column_config.TextColumn(t("ui.actions.what", lang), width=220),
                "owner": st.column_config.TextColumn(t("ui.actions.owner", lang)),
                "due": st.column_config.TextColumn(t("ui.actions.due", lang)),
                "metric": st.column_config.TextColumn(t("ui.actions.metric", lang)),
                "before": st.column_config.TextColumn(
                    t("ui.actions.before", lang), help=t("ui.actions.before_help", lang)
                ),
                "after": st.column_config.TextColumn(
                    t("ui.actions.after", lang), help=t("ui.actions.after_help", lang)
                ),
                "flag": st.column_config.TextColumn(t("ui.actions.flags", lang)),
            },
        )
    else:
        none = "ui.actions.none" if access.can_edit else "ui.actions.none_read"
        st.info(t(none, lang), icon=":material/checklist:")
    if not access.can_edit:
        return
    new, edit = st.columns(2, gap="large")
    with new:
        new_form(engine, access, lang)
    with edit:
        if actions:
            edit_form(engine, access, actions, lang)


def new_form(engine: Engine, access: Access, lang: Lang) -> None:
    """An action against one of the current audit's gaps."""
    current = current_audit(engine, access)
    if current is None:
        return
    gaps = gap_list(current.to_scorecard())
    if not gaps:
        return
    by_metric = {g.metric.id: g for g in gaps}

    def label(metric: str) -> str:
        gap = by_metric[metric]
        spec = gap.metric.spec
        value = format_value(gap.metric.value, spec.unit, lang)
        target = format_value(gap.metric.target, spec.unit, lang)
        return f"{spec.title[lang]} — {value} → {target}"

    with st.form("action_new", clear_on_submit=True, border=False):
        st.markdown(f"**{t('ui.actions.new', lang)}**")
        metric = st.selectbox(
            t("ui.actions.gap", lang), list(by_metric), format_func=label, key="action_new_gap"
        )
        what = st.text_input(t("ui.actions.what", lang), key="action_new_what")
        owner = st.text_input(t("ui.actions.owner", lang), key="action_new_owner")
        due = st.date_input(
            t("ui.actions.due", lang),
            value=None,
            format=text("locale.date_input", lang),
            key="action_new_due",
        )
        if st.form_submit_button(t("ui.actions.add", lang), icon=":material/add_task:"):
            who = saved.saved_by_default() or owner or "—"
            try:
                number = create_action(
                    engine, access, current.info.id, metric, what, owner,
                    created_by=who, due=due,
                )  # fmt: skip
            except StoreError as error:
                saved.show_error(error, lang)
                return
            flash(t("ui.actions.added", lang, id=number))
            st.rerun()


def edit_form(engine: Engine, access: Access, actions: list, lang: Lang) -> None:
    """Change the status, owner, text or due date of one action."""
    by_id = {a.id: a for a in actions}
    if state.ACTION_PICK.get() not in by_id:
        state.ACTION_PICK.set(actions[0].id)
    st.markdown(f"**{t('ui.actions.edit', lang)}**")
    chosen = by_id[
        st.selectbox(
            t("ui.actions.pick", lang),
            list(by_id),
            format_func=lambda i: f"#{i} · {by_id[i].what[:60]}",
            key=state.ACTION_PICK.name,
        )
    ]
    with st.form(f"action_edit_{chosen.id}", border=False):
        status = st.selectbox(
            t("ui.actions.status_label", lang),
            STATUSES,
            index=STATUSES.index(chosen.status),
            format_func=_status(lang),
            key=f"action_status_{chosen.id}",
        )
        what = st.text_input(
            t("ui.actions.what", lang), value=chosen.what, key=f"action_what_{chosen.id}"
        )
        owner = st.text_input(
            t("ui.actions.owner", lang), value=chosen.owner, key=f"action_owner_{chosen.id}"
        )
        due = st.date_input(
            t("ui.actions.due", lang), value=chosen.due, format=text("locale.date_input", lang),
            key=f"action_due_{chosen.id}",
        )  # fmt: skip
        if st.form_submit_button(t("ui.actions.save", lang), icon=":material/save:"):
            change = ActionChange(what, owner, due, due is None, status)
            try:
                update_action(engine, access, chosen.id, change)
            except StoreError as error:
                saved.show_error(error, lang)
                return
            flash(t("ui.actions.updated", lang, id=chosen.id, what=views.plain(what.strip())))
            st.rerun()
