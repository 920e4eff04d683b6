"""Saved audits: a workspace per client company, the current audit saved as a dated snapshot,
the audits listed (rename, make current, delete after confirming), the executive link,
and any two audits compared criterion by criterion and metric by metric."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import Lang, number, t
from dashboard.report.changes import (
    COLUMNS,
    SAME,
    audit_label,
    audits_frame,
    compare_table,
    counts,
    signed,
)
from dashboard.report.tables import period_text
from dashboard.store import (
    SAMPLE_SLUG,
    Access,
    AccessDenied,
    AuditInfo,
    ConfirmationRequired,
    StoreError,
    compare,
    create_workspace,
    delete_audit,
    list_audits,
    load_scorecard_dict,
    previous_audit,
    rename_audit,
    save_audit,
    set_current,
    set_passphrase,
    workspace_info,
)
from dashboard.ui import nav, saved, state, views

FLASH = "audits_flash"  # a message that survives the rerun after a change
DELETING = "audits_deleting"  # the audit whose delete dialog is open
BETTER, WORSE = "#009E73", "#D55E00"  # Okabe–Ito bluish green and vermillion
SECTION_BACKGROUND = "#F2F5F8"


def flash(message: str) -> None:
    st.session_state[FLASH] = message


def show_flash() -> None:
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message, icon=":material/check_circle:")


def _bump(key: str) -> int:
    """A counter in session state: part of a widget key, so the widget starts empty again."""
    st.session_state[key] = st.session_state.get(key, 0) + 1
    return st.session_state[key]


# --- the workspace ---------------------------------------------------------------------


def _sync_workspace(key: str) -> None:
    value = st.session_state.get(key)
    if value:
        saved.choose_workspace(value)


def workspace_section(lang: Lang) -> Access | None:
    """Pick among the workspaces this session may open, open another, or create one."""
    saved.access_for(SAMPLE_SLUG)  # the open sample, for a first look
    chosen = saved.chosen_workspace()
    if chosen not in saved.granted() and saved.access_for(chosen) is None:
        chosen = next(iter(saved.granted()), SAMPLE_SLUG)
        saved.choose_workspace(chosen)
    options = list(saved.granted())
    key = "audits_workspace"
    st.session_state[key] = chosen if chosen in options else None

    labels = {
        slug: f"{a.name} ({slug}) · {t(f'store_role_{a.role}', lang)}"
        for slug, a in saved.granted().items()
    }
    pick, forget = st.columns([4, 1], vertical_alignment="bottom")
    pick.selectbox(
        t("audits_workspace", lang),
        options,
        format_func=labels.__getitem__,
        key=key,
        on_change=_sync_workspace,
        args=(key,),
        placeholder=t("ui_choose", lang),
        help=t("audits_workspace_help", lang),
    )
    access = saved.granted().get(chosen)
    if (
        access is not None
        and chosen != SAMPLE_SLUG
        and forget.button(
            t("audits_forget", lang), key="audits_forget", type="tertiary", icon=":material/logout:"
        )
    ):
        saved.revoke(chosen)
        saved.choose_workspace(SAMPLE_SLUG)
        st.rerun()

    opening, creating = st.columns(2, gap="medium")
    with opening.expander(t("audits_open", lang), icon=":material/lock_open:"):
        open_form(lang)
    with creating.expander(t("audits_create", lang), icon=":material/add_business:"):
        create_form(lang)
    return access


def open_form(lang: Lang) -> None:
    oidc = saved.oidc_enabled()
    if oidc and saved.signed_in_email() is None:
        st.caption(t("exec_sign_in", lang))
        saved.login_button(lang, "audits_login")
        return
    with st.form("audits_open_form", clear_on_submit=True, border=False):
        slug = st.text_input(t("store_slug", lang), key="audits_open_slug")
        passphrase = None
        if not oidc:
            passphrase = st.text_input(
                t("store_passphrase", lang), type="password", key="audits_open_passphrase"
            )
        submitted = st.form_submit_button(t("exec_open", lang), icon=":material/lock_open:")
    if submitted and slug.strip():
        try:
            access = saved.sign_in(slug, passphrase)
        except AccessDenied:
            st.error(t("exec_denied", lang), icon=":material/lock:")
            return
        saved.choose_workspace(access.slug)
        flash(t("audits_opened", lang, name=access.name, role=t(f"store_role_{access.role}", lang)))
        st.rerun()


def create_form(lang: Lang) -> None:
    oidc = saved.oidc_enabled()
    if not saved.can_create_workspaces():
        st.caption(t("audits_create_not_allowed", lang))
        return
    with st.form("audits_create_form", clear_on_submit=False, border=False):
        slug = st.text_input(
            t("store_slug", lang), key="audits_create_slug", help=t("store_slug_help", lang)
        )
        name = st.text_input(t("audits_company", lang), key="audits_create_name")
        editor = viewer = None
        if not oidc:
            editor = st.text_input(
                t("store_editor_passphrase", lang),
                type="password",
                key="audits_create_editor",
                help=t("store_editor_passphrase_help", lang),
            )
            viewer = st.text_input(
                t("store_viewer_passphrase", lang),
                type="password",
                key="audits_create_viewer",
                help=t("store_viewer_passphrase_help", lang),
            )
        submitted = st.form_submit_button(t("audits_create_button", lang), type="primary")
    if not submitted:
        return
    if not oidc and not editor:
        st.error(t("audits_need_editor_passphrase", lang), icon=":material/error:")
        return
    access = create_workspace(
        saved.engine(),
        slug,
        name.strip() or None,
        editor_passphrase=editor or None,
        viewer_passphrase=viewer or None,
    )
    saved.grant(access)
    saved.choose_workspace(access.slug)
    for field in ("slug", "name", "editor", "viewer"):
        st.session_state.pop(f"audits_create_{field}", None)
    flash(t("audits_created", lang, name=access.name))
    st.rerun()


def passphrase_section(engine: Engine, access: Access, lang: Lang) -> None:
    """Editors set or remove the editor and viewer passphrases (stored only as hashes)."""
    info = workspace_info(engine, access)
    with st.expander(t("audits_passphrases", lang), icon=":material/key:"):
        states = [
            f"{t(f'store_role_{role}', lang)}: "
            + t("audits_protected" if role in info.protected else "audits_unprotected", lang)
            for role in ("editor", "viewer")
        ]
        st.caption(" · ".join(states))
        with st.form("audits_passphrase_form", clear_on_submit=True, border=False):
            role = st.radio(
                t("audits_role", lang),
                ("viewer", "editor"),
                format_func=lambda r: t(f"store_role_{r}", lang),
                horizontal=True,
                key="audits_passphrase_role",
            )
            first = st.text_input(
                t("audits_new_passphrase", lang), type="password", key="audits_passphrase_new"
            )
            again = st.text_input(
                t("audits_repeat_passphrase", lang),
                type="password",
                key="audits_passphrase_again",
            )
            set_it, remove = st.columns(2)
            submitted = set_it.form_submit_button(t("audits_set_passphrase", lang))
            removed = remove.form_submit_button(t("audits_remove_passphrase", lang))
        if submitted:
            if first != again:
                st.error(t("audits_passphrases_differ", lang), icon=":material/error:")
                return
            set_passphrase(engine, access, role, first)
            if role == "editor":  # this session's editor access now rests on the new one
                saved.sign_in(access.slug, first)
            flash(t("audits_passphrase_set", lang, role=t(f"store_role_{role}", lang)))
            st.rerun()
        if removed:
            set_passphrase(engine, access, role, None)
            flash(t("audits_passphrase_removed", lang, role=t(f"store_role_{role}", lang)))
            st.rerun()


# --- saving ---------------------------------------------------------------------------------


def save_section(engine: Engine, access: Access, lang: Lang) -> None:
    st.subheader(t("audits_save", lang), anchor=False)
    if not access.can_edit:
        st.info(t("audits_viewer_only", lang), icon=":material/visibility:")
        return
    scorecard = state.scorecard()
    if scorecard is None:
        st.info(t("ui_no_data", lang), icon=":material/upload_file:")
        nav.link("data", lang)
        return
    score = t("not_measured", lang) if scorecard.score is None else number(scorecard.score, lang)
    st.caption(
        t(
            "audits_save_caption",
            lang,
            period=period_text(scorecard.period, lang),
            score=score,
            files=len(state.dataset().files),
        )
    )
    round_ = st.session_state.get("audits_save_round", 0)
    name = st.text_input(
        t("audits_name", lang),
        key=f"audits_save_name_{round_}",
        placeholder=scorecard.period.label(),
        help=t("audits_name_help", lang),
    )
    by_key = "audits_saved_by"
    if by_key not in st.session_state:
        st.session_state[by_key] = saved.saved_by_default()
    by = st.text_input(
        t("audits_saved_by", lang), key=by_key, placeholder=t("audits_saved_by_placeholder", lang)
    )
    make_current = st.toggle(
        t("audits_make_current", lang),
        value=True,
        key="audits_save_current",
        help=t("audits_make_current_help", lang),
    )
    if st.button(
        t("audits_save_button", lang),
        type="primary",
        key="audits_save_button",
        icon=":material/save:",
    ):
        with st.spinner(t("audits_saving", lang)):
            audit_id = save_audit(
                engine,
                access,
                scorecard,
                state.dataset(),
                state.settings(),
                saved_by=by.strip() or t("audits_saved_by_default", lang),
                name=name.strip() or None,
                make_current=make_current,
            )
        _bump("audits_save_round")
        st.session_state["audits_selected"] = audit_id
        flash(t("audits_saved", lang, id=audit_id, name=access.name))
        st.rerun()


# --- the link ---------------------------------------------------------------------------------


def executive_link(slug: str) -> str:
    """The executive view of a workspace: absolute when the browser told us the app's
    address (less this page's own path), else relative to the page it is opened from."""
    base = (st.context.url or "").rstrip("/")
    for name in nav.PAGES:
        base = base.removesuffix(f"/{name}")
    path = f"executive?workspace={quote(slug)}"
    return f"{base}/{path}" if base else path


def link_section(engine: Engine, access: Access, lang: Lang) -> None:
    st.subheader(t("audits_link", lang), anchor=False)
    info = workspace_info(engine, access)
    if info.is_open and "viewer" not in info.protected and "editor" not in info.protected:
        who = t("audits_link_open", lang)
    elif saved.oidc_enabled():
        who = t("audits_link_oidc", lang)
    else:
        who = t("audits_link_passphrase", lang)
    st.caption(t("audits_link_caption", lang) + " " + who)
    st.code(executive_link(access.slug), language=None, wrap_lines=True)
    st.page_link(
        nav.page("executive", lang),
        label=t("audits_link_open_here", lang),
        icon=":material/open_in_new:",
        query_params={saved.QUERY_WORKSPACE: access.slug},
    )


# --- the list ---------------------------------------------------------------------------------


def list_section(engine: Engine, access: Access, audits: list[AuditInfo], lang: Lang) -> None:
    st.subheader(t("audits_list", lang), anchor=False)
    if not audits:
        st.info(t("exec_no_audits", lang), icon=":material/inventory_2:")
        return
    st.dataframe(
        audits_frame(audits, lang),
        hide_index=True,
        width="stretch",
        height=min(40 + 35 * len(audits), 420),
        column_config={
            "id": st.column_config.NumberColumn("#", width=50),
            "name": st.column_config.TextColumn(t("audits_name", lang), width="large"),
            "period": st.column_config.TextColumn(t("period", lang)),
            "score": st.column_config.TextColumn(t("overall", lang)),
            "level": st.column_config.TextColumn(t("level", lang)),
            "current": st.column_config.TextColumn(
                t("audits_current", lang), width="small", help=t("audits_current_help", lang)
            ),
            "saved_by": st.column_config.TextColumn(t("audits_saved_by", lang)),
            "saved_at": st.column_config.TextColumn(t("audits_saved_at", lang)),
        },
    )
    if not access.can_edit:
        return
    by_id = {a.id: a for a in audits}
    key = "audits_selected"
    if st.session_state.get(key) not in by_id:
        st.session_state[key] = next((a.id for a in audits if a.is_current), audits[0].id)
    chosen = by_id[
        st.selectbox(
            t("audits_pick", lang),
            list(by_id),
            format_func=lambda i: audit_label(by_id[i], lang),
            key=key,
        )
    ]
    rename, current, delete = st.columns([3, 1, 1], vertical_alignment="bottom")
    with rename:
        box, button = st.columns([3, 1], vertical_alignment="bottom")
        new_name = box.text_input(
            t("audits_new_name", lang), value=chosen.name, key=f"audits_rename_{chosen.id}"
        )
        if button.button(t("audits_rename", lang), key="audits_rename_button", width="stretch"):
            rename_audit(engine, access, chosen.id, new_name)
            flash(t("audits_renamed", lang, id=chosen.id, name=new_name.strip()))
            st.rerun()
    if current.button(
        t("audits_make_current_button", lang),
        key="audits_current_button",
        disabled=chosen.is_current,
        icon=":material/star:",
        width="stretch",
    ):
        set_current(engine, access, chosen.id)
        flash(t("audits_made_current", lang, id=chosen.id))
        st.rerun()
    if delete.button(
        t("audits_delete", lang),
        key="audits_delete_button",
        icon=":material/delete:",
        width="stretch",
    ):
        st.session_state[DELETING] = chosen.id
    deleting = by_id.get(st.session_state.get(DELETING))
    if deleting is not None:  # open until confirmed, cancelled or dismissed
        st.dialog(t("audits_delete_title", lang, id=deleting.id), on_dismiss=_stop_deleting)(
            confirm_delete
        )(engine, access, deleting, lang)
    else:
        _stop_deleting()


def _stop_deleting() -> None:
    st.session_state.pop(DELETING, None)
    st.session_state.pop("audits_delete_confirm", None)


def confirm_delete(engine: Engine, access: Access, audit: AuditInfo, lang: Lang) -> None:
    """The delete dialog: nothing goes until the audit's name or number is typed."""
    st.markdown(t("audits_delete_intro", lang, name=views.plain(audit.name), id=audit.id))
    typed = st.text_input(t("audits_delete_type", lang), key="audits_delete_confirm")
    go, cancel = st.columns(2)
    if go.button(
        t("audits_delete_confirm", lang),
        type="primary",
        key="audits_delete_go",
        icon=":material/delete_forever:",
        width="stretch",
    ):
        try:
            delete_audit(engine, access, audit.id, typed)
        except ConfirmationRequired as error:
            st.error(views.plain(str(error)), icon=":material/error:")
            return
        except StoreError as error:
            saved.show_error(error, lang)
            return
        _stop_deleting()
        flash(t("audits_deleted", lang, id=audit.id, name=audit.name))
        st.rerun()
    if cancel.button(t("audits_cancel", lang), key="audits_delete_cancel", width="stretch"):
        _stop_deleting()
        st.rerun()


# --- compare ----------------------------------------------------------------------------------


def _style(table: pd.DataFrame) -> pd.io.formats.style.Styler:
    """Better in bluish green, worse in vermillion (the sign is in the text too); the overall
    and criterion rows shaded, so the metrics read as their details."""

    def row_style(row: pd.Series) -> list[str]:
        delta = row["delta"]
        colour = ""
        if delta is not None and not pd.isna(delta) and abs(delta) >= SAME:
            colour = f"color: {BETTER if delta > 0 else WORSE}; font-weight: 600"
        shade = f"background-color: {SECTION_BACKGROUND}" if row["level"] != "metric" else ""
        return [
            "; ".join(s for s in (shade, colour if c in ("score_change", "change") else "") if s)
            for c in row.index
        ]

    return table.style.apply(row_style, axis=1)


def compare_section(engine: Engine, access: Access, audits: list[AuditInfo], lang: Lang) -> None:
    st.subheader(t("audits_compare", lang), anchor=False)
    if len(audits) < 2:
        st.info(t("audits_compare_need_two", lang), icon=":material/compare_arrows:")
        return
    by_id = {a.id: a for a in audits}
    ids = list(by_id)
    current = next((a for a in audits if a.is_current), audits[0])
    if st.session_state.get("compare_after") not in by_id:
        st.session_state["compare_after"] = current.id
    if st.session_state.get("compare_before") not in by_id:
        before = previous_audit(engine, access, current.id)
        st.session_state["compare_before"] = (
            before.info.id if before else next(i for i in ids if i != current.id)
        )
    left, right, toggle = st.columns([2, 2, 1], vertical_alignment="bottom")
    a = left.selectbox(
        t("audits_before", lang),
        ids,
        format_func=lambda i: audit_label(by_id[i], lang),
        key="compare_before",
    )
    b = right.selectbox(
        t("audits_after", lang),
        ids,
        format_func=lambda i: audit_label(by_id[i], lang),
        key="compare_after",
    )
    with_metrics = toggle.toggle(t("audits_with_metrics", lang), value=True, key="compare_metrics")
    if a == b:
        st.info(t("audits_compare_same", lang), icon=":material/compare_arrows:")
        return
    frame = compare(load_scorecard_dict(engine, access, a), load_scorecard_dict(engine, access, b))
    overall = frame.iloc[0]
    tally = counts(frame)
    if pd.notna(overall["score_a"]) and pd.notna(overall["score_b"]):
        headline = t(
            "audits_compare_headline",
            lang,
            before=number(overall["score_a"], lang, 1),
            after=number(overall["score_b"], lang, 1),
            delta=signed(overall["delta"], lang),
        )
    else:
        headline = t("overall", lang) + ": " + t("not_measured", lang)
    st.markdown(
        headline
        + " · "
        + t(
            "audits_compare_counts",
            lang,
            better=tally["better"],
            worse=tally["worse"],
            same=tally["same"],
        )
    )
    table = compare_table(frame, lang, metrics=with_metrics)
    st.dataframe(
        _style(table),
        hide_index=True,
        width="stretch",
        height=min(40 + 35 * len(table), 720),
        column_order=[c for c in COLUMNS if c not in ("level", "delta")],  # shown, not internal
        column_config={
            "item": st.column_config.TextColumn(t("audits_item", lang), width="large"),
            "before": st.column_config.TextColumn(t("audits_value_before", lang)),
            "after": st.column_config.TextColumn(t("audits_value_after", lang)),
            "value_change": st.column_config.TextColumn(t("audits_value_change", lang)),
            "score_before": st.column_config.TextColumn(t("audits_score_before", lang)),
            "score_after": st.column_config.TextColumn(t("audits_score_after", lang)),
            "score_change": st.column_config.TextColumn(
                t("audits_score_change", lang), help=t("audits_score_change_help", lang)
            ),
            "change": st.column_config.TextColumn(t("audits_change", lang)),
            "note": st.column_config.TextColumn(t("audits_note", lang), width="medium"),
        },
    )


# --- the page ---------------------------------------------------------------------------------


def render() -> None:
    lang = state.lang()
    st.title(t("nav_audits", lang), anchor=False)
    st.caption(t("audits_intro", lang))
    show_flash()
    with saved.guard(lang):
        engine = saved.engine()
        access = workspace_section(lang)
        if access is None:
            return
        with st.container(border=True):
            save_col, link_col = st.columns(2, gap="large")
            with save_col:
                save_section(engine, access, lang)
            with link_col:
                link_section(engine, access, lang)
        audits = list_audits(engine, access)
        with st.container(border=True):
            list_section(engine, access, audits, lang)
        with st.container(border=True):
            compare_section(engine, access, audits, lang)
        if access.can_edit and not saved.oidc_enabled():
            passphrase_section(engine, access, lang)


views.run_page(render)
