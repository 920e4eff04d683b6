"""Saved audits: a workspace per client company, the current audit saved as a dated snapshot,
the audits listed (rename, make current, delete after confirming), the executive link,
any two audits compared criterion by criterion and metric by metric, and (for editors)
the passphrases and the token scheduled saves need.

Names typed by people (workspaces, audits, who saved) reach Markdown only through
`views.plain`; tables and select boxes show them as plain text."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import Lang, number, t
from dashboard.messages import msg
from dashboard.report.changes import (
    COLUMNS,
    SAME,
    audit_label,
    audits_frame,
    compare_table,
    signed,
)
from dashboard.report.compare import compare, tally
from dashboard.report.tables import period_text
from dashboard.store import (
    SAMPLE_SLUG,
    Access,
    AuditInfo,
    ConfirmationRequired,
    StoreError,
    delete_audit,
    list_audits,
    load_scorecard,
    previous_audit,
    rename_audit,
    save_audit,
    set_current,
    workspace_info,
)
from dashboard.ui import nav, saved, state, views, workspaces
from dashboard.ui.workspaces import flash

DELETING = "audits_deleting"  # the audit whose delete dialog is open
VERDICTS = ("better", "worse", "same")  # the comparison's tally of criteria
BETTER, WORSE = "#009E73", "#D55E00"  # Okabe–Ito bluish green and vermillion
SECTION_BACKGROUND = "#F2F5F8"


def _bump(key: str) -> int:
    """A counter in session state: part of a widget key, so the widget starts empty again."""
    st.session_state[key] = st.session_state.get(key, 0) + 1
    return st.session_state[key]


# --- saving ---------------------------------------------------------------------------------


def save_section(engine: Engine, access: Access, lang: Lang) -> None:
    st.subheader(t("ui.audits.save", lang), anchor=False)
    if access.slug == SAMPLE_SLUG:
        st.info(t("ui.audits.sample_read_only", lang), icon=":material/visibility:")
        return
    if not access.can_edit:
        st.info(t("ui.audits.viewer_only", lang), icon=":material/visibility:")
        return
    scorecard = state.scorecard()
    if scorecard is None:
        st.info(t("ui.no_data", lang), icon=":material/upload_file:")
        nav.link("data", lang)
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
    round_ = st.session_state.get("audits_save_round", 0)
    name = st.text_input(
        t("ui.audits.name", lang),
        key=f"audits_save_name_{round_}",
        placeholder=scorecard.period.label(),
        help=t("ui.audits.name_help", lang),
    )
    by_key = "audits_saved_by"
    if by_key not in st.session_state:
        st.session_state[by_key] = saved.saved_by_default()
    by = st.text_input(
        t("ui.audits.saved_by", lang),
        key=by_key,
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
            )
        _bump("audits_save_round")
        st.session_state["audits_selected"] = audit_id
        flash(t("ui.audits.saved", lang, id=audit_id, name=views.plain(access.name)))
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


# --- the list ---------------------------------------------------------------------------------


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
            "id": st.column_config.NumberColumn("#", width=50),
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
    by_id = {a.id: a for a in audits}
    key = "audits_selected"
    if st.session_state.get(key) not in by_id:
        st.session_state[key] = next((a.id for a in audits if a.is_current), audits[0].id)
    chosen = by_id[
        st.selectbox(
            t("ui.audits.pick", lang),
            list(by_id),
            format_func=lambda i: audit_label(by_id[i], lang),
            key=key,
        )
    ]
    rename, current, delete = st.columns([3, 1, 1], vertical_alignment="bottom")
    with rename:
        box, button = st.columns([3, 1], vertical_alignment="bottom")
        new_name = box.text_input(
            t("ui.audits.new_name", lang), value=chosen.name, key=f"audits_rename_{chosen.id}"
        )
        if button.button(t("ui.audits.rename", lang), key="audits_rename_button", width="stretch"):
            rename_audit(engine, access, chosen.id, new_name)
            flash(t("ui.audits.renamed", lang, id=chosen.id, name=views.plain(new_name.strip())))
            st.rerun()
    if current.button(
        t("ui.audits.make_current_button", lang),
        key="audits_current_button",
        disabled=chosen.is_current,
        icon=":material/star:",
        width="stretch",
    ):
        set_current(engine, access, chosen.id)
        flash(t("ui.audits.made_current", lang, id=chosen.id))
        st.rerun()
    if delete.button(
        t("ui.audits.delete", lang),
        key="audits_delete_button",
        icon=":material/delete:",
        width="stretch",
    ):
        st.session_state[DELETING] = chosen.id
    deleting = by_id.get(st.session_state.get(DELETING))
    if deleting is not None:  # open until confirmed, cancelled or dismissed
        st.dialog(t("ui.audits.delete_title", lang, id=deleting.id), on_dismiss=_stop_deleting)(
            confirm_delete
        )(engine, access, deleting, lang)
    else:
        _stop_deleting()


def _stop_deleting() -> None:
    st.session_state.pop(DELETING, None)
    st.session_state.pop("audits_delete_confirm", None)


def confirm_delete(engine: Engine, access: Access, audit: AuditInfo, lang: Lang) -> None:
    """The delete dialog: nothing goes until the audit's name or number is typed."""
    st.markdown(t("ui.audits.delete_intro", lang, name=views.plain(audit.name), id=audit.id))
    typed = st.text_input(t("ui.audits.delete_type", lang), key="audits_delete_confirm")
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
        flash(t("ui.audits.deleted", lang, id=audit.id, name=views.plain(audit.name)))
        st.rerun()
    if cancel.button(t("ui.audits.cancel", lang), key="audits_delete_cancel", width="stretch"):
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
    st.subheader(t("ui.audits.compare", lang), anchor=False)
    if len(audits) < 2:
        st.info(t("ui.audits.compare_need_two", lang), icon=":material/compare_arrows:")
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
        t("ui.audits.before", lang),
        ids,
        format_func=lambda i: audit_label(by_id[i], lang),
        key="compare_before",
    )
    b = right.selectbox(
        t("ui.audits.after", lang),
        ids,
        format_func=lambda i: audit_label(by_id[i], lang),
        key="compare_after",
    )
    with_metrics = toggle.toggle(
        t("ui.audits.with_metrics", lang), value=True, key="compare_metrics"
    )
    if a == b:
        st.info(t("ui.audits.compare_same", lang), icon=":material/compare_arrows:")
        return
    changes = compare(load_scorecard(engine, access, a), load_scorecard(engine, access, b))
    overall = changes[0]
    verdicts = tally(changes)
    if overall.delta is not None:
        headline = t(
            "ui.audits.compare_headline",
            lang,
            before=number(overall.score_a, lang, 1),
            after=number(overall.score_b, lang, 1),
            delta=signed(overall.delta, lang),
        )
    else:
        headline = t("audit.overall", lang) + ": " + t("audit.not_measured", lang)
    st.markdown(
        headline
        + " · "
        + t(
            "ui.audits.tally.all",
            lang,
            **{
                verdict: msg(f"ui.audits.tally.{verdict}", n=verdicts[verdict])
                for verdict in VERDICTS
            },
        )
    )
    table = compare_table(changes, lang, metrics=with_metrics)
    st.dataframe(
        _style(table),
        hide_index=True,
        width="stretch",
        height=min(40 + 35 * len(table), 720),
        column_order=[c for c in COLUMNS if c not in ("level", "delta")],  # shown, not internal
        column_config={
            "item": st.column_config.TextColumn(t("ui.audits.item", lang), width="large"),
            "before": st.column_config.TextColumn(t("ui.audits.value_before", lang)),
            "after": st.column_config.TextColumn(t("ui.audits.value_after", lang)),
            "value_change": st.column_config.TextColumn(t("ui.audits.value_change", lang)),
            "score_before": st.column_config.TextColumn(t("ui.audits.score_before", lang)),
            "score_after": st.column_config.TextColumn(t("ui.audits.score_after", lang)),
            "score_change": st.column_config.TextColumn(
                t("ui.audits.score_change", lang), help=t("ui.audits.score_change_help", lang)
            ),
            "change": st.column_config.TextColumn(t("ui.audits.change", lang)),
            "note": st.column_config.TextColumn(t("ui.audits.note", lang), width="medium"),
        },
    )


# --- the page ---------------------------------------------------------------------------------


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
                save_section(engine, access, lang)
            with link_col:
                link_section(engine, access, lang)
        audits = list_audits(engine, access)
        with st.container(border=True):
            list_section(engine, access, audits, lang)
        with st.container(border=True):
            compare_section(engine, access, audits, lang)
        if access.can_edit and not saved.oidc_enabled():
            workspaces.passphrase_section(engine, access, lang)
        if access.can_edit:
            workspaces.token_section(engine, access, lang)


views.run_page(render)
