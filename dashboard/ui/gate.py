"""The door of a linked view (the executive view, presentation mode): a passphrase, or a
sign-in, and nothing about the workspace until the store lets the session in.

A wrong passphrase, an unknown workspace and a throttled address get the same sentence
from the store; the workspace's name is shown only as the link spelled it, as plain text.
"""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import Lang, t
from dashboard.store import AccessDenied
from dashboard.ui import saved, state, views


def passphrase_gate(slug: str, lang: Lang, title: str, where: str) -> None:
    """Ask for the workspace's passphrase (or a sign-in); `where` keys this copy's widgets."""
    st.title(title, anchor=False)
    if state.GRANT_ENDED.pop():
        st.warning(t("ui.exec.grant_ended", lang), icon=":material/lock_reset:")
    if saved.oidc_enabled():
        if saved.signed_in_email() is None:
            st.info(t("ui.exec.sign_in", lang), icon=":material/lock:")
            saved.login_button(lang, f"{where}_login")
        else:
            st.error(t("store.error.denied", lang), icon=":material/lock:")
        return
    with st.form(f"{where}_passphrase", clear_on_submit=True, border=True, width=520):
        st.markdown(t("ui.exec.passphrase_intro", lang, workspace=views.plain(slug)))
        passphrase = st.text_input(
            t("ui.store.passphrase", lang), type="password", key=f"{where}_passphrase_input"
        )
        submitted = st.form_submit_button(
            t("ui.exec.open", lang), type="primary", icon=":material/lock_open:"
        )
    if submitted:
        try:
            saved.sign_in(slug, passphrase)
        except AccessDenied as error:  # wrong, unknown or throttled: the same for any name
            saved.show_error(error, lang)
            return
        st.rerun()
