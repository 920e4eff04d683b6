"""The Report control (Overview, Saved audits) and the brand editor (Saved audits).

One control, a button that opens a small panel (the Overview stays one screen): format
(PPTX, PDF, XLSX), language, names on or off → *Prepare* builds the file with a
progress bar → a download button. The file is kept in this browser session only (one
at a time) and dropped when a choice changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import LANGS, Lang, render, t
from dashboard.period import Period
from dashboard.report.deliver import FORMATS, file_name, saved_report
from dashboard.report.logo import LogoError, logo_png
from dashboard.report.model import Brand, Report
from dashboard.store import SAMPLE_SLUG, Access, AuditInfo, StoreError
from dashboard.store.brand import get_brand, set_brand
from dashboard.ui import builtin_texts, state, views
from dashboard.ui.audit_list import pick_audit

FORMAT_NAMES = {"pptx": "PowerPoint (PPTX)", "pdf": "PDF", "xlsx": "Excel (XLSX)"}
Build = Callable[[Lang, bool], Report]


def control(
    key: str,
    lang: Lang,
    build: Build,
    client: str,
    period: Period,
    width: Literal["stretch", "content"] = "stretch",
) -> None:
    """Choose, prepare, download. `build(language, names_on)` returns the report."""
    with st.popover(t("ui.report.title", lang), icon=":material/description:", width=width):
        st.caption(t("ui.report.caption", lang))
        kind = st.segmented_control(
            t("ui.report.format", lang),
            list(FORMATS),
            default="pptx",
            format_func=FORMAT_NAMES.__getitem__,
            key=f"{key}_format",
        )
        language = st.selectbox(
            t("ui.report.language", lang),
            LANGS,
            index=LANGS.index(lang),
            format_func=lambda code: t("language.name", code),
            key=f"{key}_lang",
        )
        names_on = st.toggle(
            t("ui.show_names", lang),
            value=state.show_names(),
            key=f"{key}_names",
            help=t("ui.report.names_help", lang),
        )
        choice = (kind, language, names_on, key, period)
        held = state.REPORT_FILE.get()
        if held is not None and held[0] != choice:
            state.REPORT_FILE.pop()  # one file per session, for the choice made
            held = None
        if kind and st.button(
            t("ui.report.prepare", lang), key=f"{key}_prepare", icon=":material/description:"
        ):
            progress = st.progress(0.1, text=t("ui.report.collecting", lang))
            report = build(language, names_on)
            progress.progress(0.5, text=t("ui.report.drawing", lang))
            data = FORMATS[kind].render(report)
            progress.progress(1.0, text=t("ui.report.ready", lang))
            held = (choice, data, file_name(client, period, kind))
            state.REPORT_FILE.set(held)
        if held is not None:
            _, data, name = held
            st.download_button(
                t("ui.report.download", lang, name=name),
                data=data,
                file_name=name,
                mime=FORMATS[held[0][0]].mime,
                icon=":material/download:",
                on_click="ignore",
                key=f"{key}_download",
                type="primary",
            )


def brand_of(engine: Engine, access: Access | None) -> Brand:
    """The brand of the workspace this session has open (none for the sample)."""
    if access is None:
        return Brand()
    stored = get_brand(engine, access)
    return Brand(stored.client or access.name, stored.logo_png, stored.color or Brand().color)


def brand_section(engine: Engine, access: Access, lang: Lang) -> None:
    """The brand the workspace's reports carry; editors change it, the sample has none."""
    if access.slug == SAMPLE_SLUG or not access.can_edit:
        return
    stored = get_brand(engine, access)
    with st.expander(t("ui.brand.title", lang), icon=":material/palette:"):
        st.caption(t("ui.brand.caption", lang))
        client = st.text_input(
            t("ui.brand.client", lang), value=stored.client or access.name, key="brand_client"
        )
        color = st.color_picker(
            t("ui.brand.color", lang), value=stored.color or Brand().color, key="brand_color"
        )
        if stored.logo_png:
            st.image(stored.logo_png, width=160)
        upload = st.file_uploader(
            t("ui.brand.logo", lang),
            type=["png", "svg"],
            key="brand_logo",
            help=t("ui.brand.logo_help", lang),
        )
        builtin_texts.one_file_uploader(st, "brand_logo", t("ui.uploader.limit_logo", lang), lang)
        remove = stored.logo_png is not None and st.checkbox(
            t("ui.brand.logo_remove", lang), key="brand_logo_remove"
        )
        if st.button(t("ui.brand.save", lang), key="brand_save", icon=":material/save:"):
            logo = None if remove else stored.logo_png
            try:
                if upload is not None:
                    logo = logo_png(upload.getvalue(), upload.name)
                set_brand(engine, access, client, color.upper(), logo)
            except (LogoError, StoreError) as error:
                st.error(views.plain(render(error.msg, lang)), icon=":material/error:")
                return
            st.success(t("ui.brand.saved", lang), icon=":material/check_circle:")


def saved_audit_section(
    engine: Engine, access: Access, audits: list[AuditInfo], lang: Lang
) -> None:
    """A saved audit as the client's deliverable, with the workspace's brand."""
    if not audits:
        return
    pick, action = st.columns([3, 1], vertical_alignment="bottom")
    label = t("ui.audits.report_pick", lang)
    chosen = pick_audit(pick, audits, state.REPORT_AUDIT, label, lang)
    brand = brand_of(engine, access)

    def build(language: Lang, names_on: bool) -> Report:
        return saved_report(engine, access, chosen.id, language, brand, names_on=names_on)

    with action:
        control(f"report_audit_{chosen.id}", lang, build, brand.client, chosen.period)
