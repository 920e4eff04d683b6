"""Saving the audit on screen into a workspace, and the link executives open.

Names typed by people reach Markdown only through `views.plain`."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import Lang, number, t
from dashboard.report.tables import period_text
from dashboard.store import SAMPLE_SLUG, Access, audit_info, save_audit, workspace_info
from dashboard.ui import nav, saved, state, views
from dashboard.ui.workspaces import flash


def save_section(engine: Engine, access: Access, lang: Lang) -> None:
    st.subheader(t("ui.audits.save", lang), anchor=False)
    if access.slug == SAMPLE_SLUG:
        st.info(t("ui.audits.sample_read_only", lang), icon=":material/visibility:")
        return
    if not access.can_edit:
        st.info(t("ui.audits.viewer_only", lang), icon=":material/visibility:")
        return
    auditor, scorecard = state.auditor(), state.scorecard()
    if auditor is None or scorecard is None:  # both are, or neither: no data yet
        views.no_data(lang)
        return
    score = (
        t("audit.not_measured", lang) if scorecard.score is None else number(scorecard.score, lang)
    )
    st.caption(
        t(
            "ui.audits.save_caption",
            lang,
            period=period_text(scorecard.period, lang),
            score=score,
            n=len(state.dataset().files),
        )
    )
    round_ = state.SAVE_ROUND.get()
    name = st.text_input(
        t("ui.audits.name", lang),
        key=f"audits_save_name_{round_}",
        placeholder=scorecard.period.label(),
        help=t("ui.audits.name_help", lang),
    )
    if not state.SAVED_BY.is_set():
        state.SAVED_BY.set(saved.saved_by_default())
    by = st.text_input(
        t("ui.audits.saved_by", lang),
        key=state.SAVED_BY.name,
        placeholder=t("ui.audits.saved_by_placeholder", lang),
    )
    make_current = st.toggle(
        t("ui.audits.make_current", lang),
        value=True,
        key="audits_save_current",
        help=t("ui.audits.make_current_help", lang),
    )
    if st.button(
        t("ui.audits.save_button", lang),
        type="primary",
        key="audits_save_button",
        icon=":material/save:",
    ):
        with st.spinner(t("ui.audits.saving", lang)):
            audit_id = save_audit(
                engine,
                access,
                scorecard,
                state.dataset(),
                state.settings(),
                saved_by=by.strip() or t("ui.audits.saved_by_default", lang),
                name=name.strip() or None,
                make_current=make_current,
                questionnaire=state.questionnaire(),
                sums=auditor.data.cube.sums,
            )
        state.SAVE_ROUND.set(state.SAVE_ROUND.get() + 1)  # an empty form for the next save
        state.SELECTED.set(audit_id)
        info = audit_info(engine, access, audit_id)
        flash(t("ui.audits.saved", lang, id=info.number, name=views.plain(access.name)))
        st.rerun()


# --- the link ---------------------------------------------------------------------------------


def app_link(page: str, **params: str) -> str:
    """A link to one of the app's pages: absolute when the browser told us the app's
    address (less this page's own path), else relative to the page it is opened from."""
    base = (st.context.url or "").rstrip("/")
    for name in nav.PAGES:
        base = base.removesuffix(f"/{name}")
    path = f"{page}?{urlencode(params)}" if params else page
    return f"{base}/{path}" if base else path


def executive_link(slug: str) -> str:
    """The executive view of a workspace, as the Saved audits page gives it out."""
    return app_link("executive", workspace=slug)


def link_section(engine: Engine, access: Access, lang: Lang) -> None:
    st.subheader(t("ui.audits.link", lang), anchor=False)
    info = workspace_info(engine, access)
    if info.is_open and "viewer" not in info.protected and "editor" not in info.protected:
        who = t("ui.audits.link_open", lang)
    elif saved.oidc_enabled():
        who = t("ui.audits.link_oidc", lang)
    else:
        who = t("ui.audits.link_passphrase", lang)
    st.caption(t("ui.audits.link_caption", lang) + " " + who)
    st.code(executive_link(access.slug), language=None, wrap_lines=True)
    st.page_link(
        nav.page("executive", lang),
        label=t("ui.audits.link_open_here", lang),
        icon=":material/open_in_new:",
        query_params={saved.QUERY_WORKSPACE: access.slug},
    )
