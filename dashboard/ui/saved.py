"""Saved audits in the app: the store opened once per process, the access each session holds.

The engine is shared by every session (`st.cache_resource`, one per database URL);
what a session was granted — an `Access` per workspace — lives only in that
session's state, so a link opened by one person never carries another's rights.
Access comes from a passphrase checked by the store (throttled per workspace and per
client address), from an open workspace (the sample, read-only), or, when Streamlit's
login (OIDC) is configured in the secrets, from the signed-in user's address and the
lists in the secrets' `[presenza]` section. A grant the store refuses because a
passphrase changed since is dropped, and the page asks again.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from dashboard import deployment
from dashboard.i18n import Lang, render, t
from dashboard.messages import Msg, msg
from dashboard.store import (
    SAMPLE_SLUG,
    Access,
    AccessDenied,
    GrantEnded,
    NotFound,
    Role,
    StoreError,
    authorize,
    open_store,
    trusted_access,
)
from dashboard.store.db import database_url
from dashboard.store.mappings import LOCAL, user_owner, workspace_owner
from dashboard.ui import state
from dashboard.ui.views import plain

log = logging.getLogger("presenza.app")

QUERY_WORKSPACE = "workspace"  # ?workspace=… opens the executive view, read-only


# --- the store ---------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> Engine:
    """One engine per database URL and process: migrated, the sample workspace seeded."""
    return open_store(url)


def engine() -> Engine:
    """The store named by PRESENZA_DATABASE_URL (else the data folder's SQLite file)."""
    return _engine(database_url().render_as_string(hide_password=False))


def error_text(error: StoreError, lang: Lang) -> str:
    """A store refusal in the reader's language, the names in it (people's text) as plain text."""
    said = error.msg
    return render(Msg(said.code, {k: _plain_value(v) for k, v in said.params.items()}), lang)


def _plain_value(value: object) -> object:
    return plain(value) if isinstance(value, str) else value


def show_error(error: Exception, lang: Lang) -> None:
    """A store failure as the sentence it carries; never a traceback."""
    if isinstance(error, StoreError):
        st.error(error_text(error, lang), icon=":material/error:")
        return
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    log.error("the audit store failed: %s", reason)
    st.error(t("store.error.failed", lang), icon=":material/error:")


@contextmanager
def guard(lang: Lang) -> Iterator[None]:
    """Run a block that talks to the store; what the store refuses becomes its sentence."""
    try:
        yield
    except GrantEnded as error:  # ask for the passphrase again, saying why
        drop_ended(error)
        st.rerun()
    except (StoreError, SQLAlchemyError) as error:
        show_error(error, lang)


def drop_ended(error: GrantEnded) -> None:
    """Forget a grant the store no longer honours, so the next run asks for a passphrase."""
    revoke(str(error.msg.params.get("slug", "")))
    state.GRANT_ENDED.set(True)


def client_address() -> str | None:
    """The browser's address (None on the server itself); behind a reverse proxy that the
    operator declared (PRESENZA_BEHIND_PROXY=1), the address the proxy saw."""
    if os.environ.get(deployment.PROXY_VARIABLE):
        forwarded = deployment.forwarded_client(st.context.headers.get("X-Forwarded-For"))
        if forwarded:
            return forwarded
    address = st.context.ip_address
    return address if isinstance(address, str) else None  # None: this machine (or a test)


# --- which workspace ---------------------------------------------------------------


def linked_workspace() -> str | None:
    """The workspace named in the URL (`?workspace=acme-spa`), or None."""
    value = st.query_params.get(QUERY_WORKSPACE)
    if not isinstance(value, str):
        return None
    return value.strip() or None


def chosen_workspace() -> str | None:
    """The workspace this session works on: none until the user chooses one (never the
    open sample by default, so nothing is saved there without a choice)."""
    return state.WORKSPACE.get()


def choose_workspace(slug: str | None) -> None:
    state.WORKSPACE.set(slug)


# --- what this session was granted -----------------------------------------------------


def granted() -> dict[str, Access]:
    """Access per workspace slug, for this session only."""
    return state.GRANTS.get()


def grant(access: Access) -> Access:
    granted()[access.slug] = access
    return access


def revoke(slug: str) -> None:
    granted().pop(slug, None)


def sign_in(slug: str, passphrase: str | None) -> Access:
    """Check a passphrase with the store (none: the workspace must be open, or granted to
    the signed-in user); a new passphrase replaces what was granted before, and a wrong
    one takes it away (AccessDenied is raised, with the store's sentence)."""
    slug = slug.strip()
    revoke(slug)
    if not passphrase:
        access = access_for(slug)
        if access is None:
            raise AccessDenied(msg("store.error.denied", slug=slug))
        return access
    return grant(authorize(engine(), slug, passphrase, client=client_address()))


def access_for(slug: str) -> Access | None:
    """What this session may do in `slug`: granted before, open to all, or (with login
    configured) granted to the signed-in user; None means a passphrase or sign-in is needed."""
    held = granted().get(slug)
    if held is not None:
        return held
    try:
        return grant(authorize(engine(), slug, None))
    except AccessDenied:
        pass
    if oidc_enabled():
        return _oidc_access(slug)
    return None


# --- sign-in with Streamlit's login (OIDC) -----------------------------------------------


def oidc_enabled() -> bool:
    """Streamlit's login is configured: the secrets have an [auth] section."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def signed_in_email() -> str | None:
    """The signed-in user's address, when login is configured and someone signed in."""
    if not oidc_enabled():
        return None
    try:
        if not st.user.get("is_logged_in"):
            return None
        email = st.user.get("email")
    except Exception:
        return None
    return str(email).strip().lower() if email else None


def matches(email: str, entries: Any) -> bool:
    """An address matches an entry that is the address itself or "@its-domain"."""
    if isinstance(entries, str):
        entries = [entries]
    for entry in entries or ():
        entry = str(entry).strip().lower()
        if entry and (entry == email or (entry.startswith("@") and email.endswith(entry))):
            return True
    return False


def oidc_role(config: Mapping[str, Any], slug: str, email: str | None) -> Role | None:
    """The role the secrets give this address in this workspace, or None.

    `config` is the secrets' `[presenza]` section: `editors` and `viewers` lists apply
    to every workspace, `[presenza.workspaces.<slug>]` lists to one. An entry is an
    address or "@domain".
    """
    if not email:
        return None
    email = email.strip().lower()
    workspaces = config.get("workspaces") or {}
    scoped = workspaces.get(slug) or {} if isinstance(workspaces, Mapping) else {}
    for role in ("editor", "viewer"):
        key = f"{role}s"
        if matches(email, config.get(key)) or matches(email, scoped.get(key)):
            return role
    return None


def oidc_config() -> Mapping[str, Any]:
    try:
        section = st.secrets.get("presenza", {})
    except Exception:
        return {}
    return section if isinstance(section, Mapping) else {}


def _oidc_access(slug: str) -> Access | None:
    role = oidc_role(oidc_config(), slug, signed_in_email())
    if role is None:
        return None
    try:
        return grant(trusted_access(engine(), slug, role))
    except NotFound:
        return None


def login_button(lang: Lang, key: str) -> None:
    """Sign in with the configured provider (Streamlit's st.login)."""
    if st.button(t("ui.store.sign_in", lang), key=key, type="primary", icon=":material/login:"):
        try:
            st.login()
        except Exception as error:  # Authlib missing, or a provider misconfigured
            log.warning("login failed: %s", error)
            st.error(plain(str(error)), icon=":material/error:")


def mapping_owner() -> str | None:
    """Whose the column mappings this session confirms are: the workspace it works in, when
    it may edit it; else the signed-in user; else, on a server no one else reaches, its one
    user. None: a shared server's anonymous session, whose mappings stay in the session."""
    slug = chosen_workspace()
    access = None if slug is None else granted().get(slug)
    if access is not None and access.can_edit and access.slug != SAMPLE_SLUG:
        return workspace_owner(access.slug)
    email = signed_in_email()
    if email:
        return user_owner(email)
    if deployment.is_loopback(st.get_option("server.address")):
        return LOCAL
    return None


def saved_by_default() -> str:
    """Who is saving, as far as the app knows: the signed-in user's name or address."""
    if not signed_in_email():
        return ""
    try:
        return str(st.user.get("name") or st.user.get("email") or "")
    except Exception:
        return ""
