"""Saved audits: a workspace per client company, the current audit saved as a dated snapshot,
the audits listed (rename, make current, delete after confirming), the executive link,
any two audits compared criterion by criterion and metric by metric, and (for editors)
the passphrases and the token scheduled saves need. Each job has its module in
`dashboard/ui/`: workspaces, audit_save, audit_list, audit_compare."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import t
from dashboard.store import list_audits
from dashboard.ui import (
    audit_compare,
    audit_list,
    audit_save,
    report,
    saved,
    state,
    views,
    workspaces,
)


def render() -> None:
    lang = state.lang()
    st.title(t("ui.nav.audits", lang), anchor=False)
    st.caption(t("ui.audits.intro", lang))
    workspaces.show_flash()
    with saved.guard(lang):
        engine = saved.engine()
        access = workspaces.workspace_section(lang)
        if access is None:
            return
        with st.container(border=True):
            save_col, link_col = st.columns(2, gap="large")
            with save_col:
                audit_save.save_section(engine, access, lang)
            with link_col:
                audit_save.link_section(engine, access, lang)
        audits = list_audits(engine, access)
        with st.container(border=True):
            audit_list.list_section(engine, access, audits, lang)
        with st.container(border=True):
            report.saved_audit_section(engine, access, audits, lang)
            report.brand_section(engine, access, lang)
        with st.container(border=True):
            audit_compare.compare_section(engine, access, audits, lang)
        if access.can_edit and not saved.oidc_enabled():
            workspaces.passphrase_section(engine, access, lang)
        if access.can_edit:
            workspaces.token_section(engine, access, lang)


views.run_page(render)
