"""The Saved audits page's workspace controls: pick, open or create a workspace, and (for
its editors) set its passphrases and the token scheduled saves need.

Workspace names are people's text: they reach Markdown only through `views.plain`.
Store refusals (a weak passphrase, a name that cannot be used, too many tries) are
said in the reader's language and leave the form as it was.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import Lang, date_text, t
from dashboard.store import (
    SAMPLE_SLUG,
    Access,
    AccessDenied,
    Role,
    StoreError,
    create_workspace,
    issue_save_token,
    revoke_save_token,
    set_passphrase,
    workspace_info,
)
from dashboard.ui import saved, signin, state, views


def flash(message: str) -> None:
    """Say this once, on the run after the change (`st.rerun()`)."""
    state.FLASH.set(message)


def show_flash() -> None:
    message = state.FLASH.pop()
    if message:
        st.success(message, icon=":material/check_circle:")


def _sync_workspace(key: str) -> None:
    value = state.widget(key)
    if value:
        saved.choose_workspace(value)


def workspace_section(lang: Lang) -> Access | None:
    """Pick among the workspaces this session may open, open another, or create one."""
    if state.GRANT_ENDED.pop():
        st.warning(t("ui.exec.grant_ended", lang), icon=":material/lock_reset:")
    saved.access_for(SAMPLE_SLUG)  # the open sample, for a first look
    chosen = saved.chosen_workspace()
    if chosen is not None and chosen not in saved.granted() and saved.access_for(chosen) is None:
        chosen = next((s for s in saved.granted() if s != SAMPLE_SLUG), None)
        saved.choose_workspace(chosen)
    options = list(saved.granted())
    key = state.WORKSPACE_PICK
    state.set_widget(key, chosen if chosen in options else None)

    labels = {
        slug: f"{a.name} ({slug}) · {t(f'ui.store.role.{a.role}', lang)}"
        for slug, a in saved.granted().items()
    }
    pick, forget = st.columns([4, 1], vertical_alignment="bottom")
    pick.selectbox(
        t("ui.audits.workspace", lang),
        options,
        format_func=labels.__getitem__,
        key=key,
        on_change=_sync_workspace,
        args=(key,),
        placeholder=t("ui.choose", lang),
        help=t("ui.audits.workspace_help", lang),
    )
    access = None if chosen is None else saved.granted().get(chosen)
    if (
        access is not None
        and access.slug != SAMPLE_SLUG
        and forget.button(
            t("ui.audits.forget", lang),
            key="audits_forget",
            type="tertiary",
            icon=":material/logout:",
        )
    ):
        saved.revoke(access.slug)
        saved.choose_workspace(None)
        st.rerun()

    if access is None:
        st.info(t("ui.audits.choose_first", lang), icon=":material/arrow_upward:")
    opening, creating = st.columns(2, gap="medium")
    with opening.expander(t("ui.audits.open", lang), icon=":material/lock_open:"):
        open_form(lang)
    with creating.expander(t("ui.audits.create", lang), icon=":material/add_business:"):
        create_form(lang)
    return access


def open_form(lang: Lang) -> None:
    oidc = saved.oidc_enabled()
    if oidc and saved.signed_in_email() is None:
        st.caption(t("ui.exec.sign_in", lang))
        saved.login_button(lang, "audits_login")
        return
    with st.form("audits_open_form", clear_on_submit=True, border=False):
        slug = st.text_input(t("ui.store.slug", lang), key="audits_open_slug")
        passphrase = None
        if not oidc:
            passphrase = st.text_input(
                t("ui.store.passphrase", lang), type="password", key="audits_open_passphrase"
            )
        submitted = st.form_submit_button(t("ui.exec.open", lang), icon=":material/lock_open:")
    if submitted and slug.strip():
        try:
            access = saved.sign_in(slug, passphrase)
        except AccessDenied as error:
            saved.show_error(error, lang)
            return
        saved.choose_workspace(access.slug)
        role = t(f"ui.store.role.{access.role}", lang)
        flash(t("ui.audits.opened", lang, name=views.plain(access.name), role=role))
        st.rerun()


def create_form(lang: Lang) -> None:
    oidc = saved.oidc_enabled()
    if not signin.may_create_workspaces():
        if oidc:
            st.caption(t("ui.audits.create_not_allowed", lang))
        else:
            st.caption(t("ui.audits.create_needs_sign_in", lang))
            signin.form(lang, "audits_signin")
        return
    with st.form("audits_create_form", clear_on_submit=False, border=False):
        slug = st.text_input(
            t("ui.store.slug", lang), key="audits_create_slug", help=t("ui.store.slug_help", lang)
        )
        name = st.text_input(t("ui.audits.company", lang), key="audits_create_name")
        editor = viewer = None
        if not oidc:
            editor = st.text_input(
                t("ui.store.editor_passphrase", lang),
                type="password",
                key="audits_create_editor",
                help=t("ui.store.editor_passphrase_help", lang),
            )
            viewer = st.text_input(
                t("ui.store.viewer_passphrase", lang),
                type="password",
                key="audits_create_viewer",
                help=t("ui.store.viewer_passphrase_help", lang),
            )
        submitted = st.form_submit_button(t("ui.audits.create_button", lang), type="primary")
    if not submitted:
        return
    if not oidc and not editor:
        st.error(t("ui.audits.need_editor_passphrase", lang), icon=":material/error:")
        return
    try:
        access = create_workspace(
            saved.engine(),
            slug,
            name.strip() or None,
            editor_passphrase=editor or None,
            viewer_passphrase=viewer or None,
            client=saved.client_address(),
        )
    except StoreError as error:  # a weak passphrase, a name taken: the form stays filled
        saved.show_error(error, lang)
        return
    saved.grant(access)
    saved.choose_workspace(access.slug)
    state.forget(*(f"audits_create_{field}" for field in ("slug", "name", "editor", "viewer")))
    flash(t("ui.audits.created", lang, name=views.plain(access.name)))
    st.rerun()


def passphrase_section(engine: Engine, access: Access, lang: Lang) -> None:
    """Editors set or remove the editor and viewer passphrases (stored only as hashes)."""
    info = workspace_info(engine, access)
    with st.expander(t("ui.audits.passphrases", lang), icon=":material/key:"):
        states = [
            f"{t(f'ui.store.role.{role}', lang)}: "
            + t("ui.audits.protected" if role in info.protected else "ui.audits.unprotected", lang)
            for role in ("editor", "viewer")
        ]
        st.caption(" · ".join(states))
        with st.form("audits_passphrase_form", clear_on_submit=True, border=False):
            roles: tuple[Role, ...] = ("viewer", "editor")
            role = st.radio(
                t("ui.audits.role", lang),
                roles,
                format_func=lambda r: t(f"ui.store.role.{r}", lang),
                horizontal=True,
                key="audits_passphrase_role",
            )
            first = st.text_input(
                t("ui.audits.new_passphrase", lang), type="password", key="audits_passphrase_new"
            )
            again = st.text_input(
                t("ui.audits.repeat_passphrase", lang),
                type="password",
                key="audits_passphrase_again",
            )
            set_it, remove = st.columns(2)
            submitted = set_it.form_submit_button(t("ui.audits.set_passphrase", lang))
            removed = remove.form_submit_button(t("ui.audits.remove_passphrase", lang))
        if submitted or removed:
            if submitted and first != again:
                st.error(t("ui.audits.passphrases_differ", lang), icon=":material/error:")
                return
            try:  # everyone else in the workspace is signed out; this session stays in
                saved.grant(set_passphrase(engine, access, role, first if submitted else None))
            except StoreError as error:
                saved.show_error(error, lang)
                return
            done = "ui.audits.passphrase_set" if submitted else "ui.audits.passphrase_removed"
            flash(t(done, lang, role=t(f"ui.store.role.{role}", lang)))
            st.rerun()


def token_section(engine: Engine, access: Access, lang: Lang) -> None:
    """The token a scheduled `audit --save` must show: made here, shown once, kept hashed."""
    info = workspace_info(engine, access)
    with st.expander(t("ui.audits.tokens", lang), icon=":material/schedule:"):
        st.caption(t("ui.audits.tokens_caption", lang, slug=access.slug))
        made = state.TOKEN_SHOWN.pop()
        if made:
            st.warning(t("ui.audits.token.made", lang), icon=":material/content_copy:")
            st.code(f"PRESENZA_SAVE_TOKEN={made}", language=None, wrap_lines=True)
        if info.save_token_set_at is None:
            st.caption(t("ui.audits.token.none", lang))
        else:
            when = date_text(info.save_token_set_at.astimezone(), lang)
            st.caption(t("ui.audits.token.since", lang, date=when))
        make, remove = st.columns(2)
        label = (
            "ui.audits.token.make" if info.save_token_set_at is None else "ui.audits.token.replace"
        )
        if make.button(t(label, lang), key="audits_token_make", icon=":material/key:"):
            state.TOKEN_SHOWN.set(issue_save_token(engine, access))
            st.rerun()
        if info.save_token_set_at is not None and remove.button(
            t("ui.audits.token.remove", lang), key="audits_token_remove", type="tertiary"
        ):
            revoke_save_token(engine, access)
            flash(t("ui.audits.token.removed", lang))
            st.rerun()
