"""Signing in to the server: before uploading on a shared deployment, and before creating
workspaces; and the start-up check that keeps a shared server from serving without it.

Sign-in is on when the secrets configure it: Streamlit's login (`[auth]`; uploading
then needs an address listed as an editor in `[presenza]`), or the server passphrase
(`[presenza] server_passphrase`, checked and throttled through the store like a
workspace's). What a session was granted lives in that session only, tied to the
passphrase configured when it was given, so changing the passphrase signs everyone out.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from typing import Any

import streamlit as st

from dashboard import deployment
from dashboard.i18n import Lang, english, render, t
from dashboard.store import AccessDenied, authorize_server
from dashboard.ui import saved, state

log = logging.getLogger("presenza.app")

_REFUSAL_LOGGED: set[str] = set()  # the start-up refusal goes to the log once per process


def secrets() -> Mapping[str, Any]:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets file at all
        return {}


def shared() -> bool:
    """Whether others can reach this server (it listens on more than loopback)."""
    return not deployment.is_loopback(st.get_option("server.address"))


def _fingerprint(passphrase: str) -> str:
    return hashlib.sha256(passphrase.encode("utf-8")).hexdigest()


def server_passphrase() -> str | None:
    return deployment.server_passphrase(secrets())


def required() -> bool:
    """Sign-in is configured: Streamlit's login or the server passphrase."""
    return saved.oidc_enabled() or server_passphrase() is not None


def _listed_editor(email: str) -> bool:
    """An address listed as an editor anywhere in `[presenza]`: of every workspace or of one."""
    config = saved.oidc_config()
    if saved.matches(email, config.get("editors")):
        return True
    workspaces = config.get("workspaces") or {}
    return isinstance(workspaces, Mapping) and any(
        isinstance(w, Mapping) and saved.matches(email, w.get("editors"))
        for w in workspaces.values()
    )


def signed_in() -> bool:
    """This session signed in with what the deployment configured."""
    if saved.oidc_enabled():
        email = saved.signed_in_email()
        return _listed_editor(email) if email else False
    configured = server_passphrase()
    return configured is not None and state.SERVER_GRANT.get() == _fingerprint(configured)


def may_upload() -> bool:
    return not required() or signed_in()


def may_create_workspaces() -> bool:
    """With login, the editors of every workspace; with the server passphrase, whoever gave
    it; otherwise anyone, but only on a server no one else reaches."""
    if saved.oidc_enabled():
        email = saved.signed_in_email()
        return saved.matches(email, saved.oidc_config().get("editors")) if email else False
    if server_passphrase() is not None:
        return signed_in()
    return not shared()


def form(lang: Lang, key: str) -> None:
    """The sign-in the deployment asks for: the provider's button, or the server passphrase."""
    if saved.oidc_enabled():
        if saved.signed_in_email() is None:
            st.info(t("ui.signin.oidc", lang), icon=":material/lock:")
            saved.login_button(lang, f"{key}_login")
        else:
            st.warning(t("ui.signin.not_listed", lang), icon=":material/lock:")
        return
    configured = server_passphrase()
    if configured is None:
        return
    with st.form(f"{key}_form", clear_on_submit=True, border=True, width=520):
        st.markdown(t("ui.signin.intro", lang))
        given = st.text_input(t("ui.store.passphrase", lang), type="password", key=f"{key}_input")
        submitted = st.form_submit_button(
            t("ui.store.sign_in", lang), type="primary", icon=":material/login:"
        )
    if submitted and given:
        with saved.guard(lang):
            try:
                authorize_server(saved.engine(), configured, given, client=saved.client_address())
            except AccessDenied as error:
                saved.show_error(error, lang)
                return
            state.SERVER_GRANT.set(_fingerprint(configured))
            st.rerun()


def upload_gate(lang: Lang, key: str) -> bool:
    """True when this session may upload; otherwise the sign-in is shown in its place."""
    if may_upload():
        return True
    st.caption(t("ui.signin.before_upload", lang))
    form(lang, key)
    return False


def startup_check(lang: Lang) -> bool:
    """False (and a clear page, and one line in the server log) when this server must not
    serve: shared with no sign-in configured, or a weak server passphrase."""
    problem = deployment.startup_problem(st.get_option("server.address"), secrets())
    if problem is None:
        return True
    if problem.code not in _REFUSAL_LOGGED:
        _REFUSAL_LOGGED.add(problem.code)
        log.error(english(problem))
    st.error(render(problem, lang), icon=":material/gpp_bad:")
    return False
