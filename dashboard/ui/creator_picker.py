"""The Data page's per-employee LinkedIn exports: whose each file is, found by a name
searched on the server and shown by pseudonymous id, and the file read again for them."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.i18n import Lang, t
from dashboard.ingest import Dataset
from dashboard.ui import creators, state, views


def creator_row(
    item: creators.CreatorFile,
    options: list[str] | None,
    names: dict | None,
    lang: Lang,
    roster: pl.DataFrame,
) -> None:
    loaded, digest = item.loaded, item.loaded.digest
    with st.container(border=True):
        text, pick, button = st.columns([5, 3, 2], vertical_alignment="center")
        file = views.plain(loaded.file)
        if item.employee is not None:
            who = views.plain(creators.option_label(item.employee, names))
            text.markdown(t("ui.creator.matched", lang, file=file, employee=who))
        else:
            key = "ui.creator.no_name" if item.failed else "ui.creator.unmatched"
            text.warning(t(key, lang, file=file), icon=":material/person_off:")
        # Names are searched here, on the server: the list shows pseudonymous ids only.
        query = pick.text_input(
            t("ui.creator.search", lang),
            key=f"creator_search_{digest}",
            placeholder=t("ui.creator.search_placeholder", lang),
            help=t("ui.creator.search_help", lang),
        )
        found = creators.search_employees(roster, query)
        if found is not None:
            options = list(dict.fromkeys([*found, *([item.employee] if item.employee else [])]))
            if not found:
                pick.caption(t("ui.creator.search_none", lang))
        chosen: str | None
        if options is None:  # a roster too long for a list: the id is typed
            chosen = pick.text_input(
                t("ui.creator.employee_id", lang),
                value=item.employee or "",
                key=f"creator_{digest}",
            ).strip()
        else:
            chosen = pick.selectbox(
                t("ui.creator.employee", lang),
                options,
                index=options.index(item.employee) if item.employee in options else None,
                format_func=lambda e: creators.option_label(e, names),
                placeholder=t("ui.choose", lang),
                # Its options read differently with names shown: a new widget, not a stale label.
                key=f"creator_{digest}{'_names' if names else ''}",
            )
        if not item.held:
            text.caption(t("ui.file_gone", lang, file=file))
        clicked = button.button(
            t("ui.creator.reload", lang),
            icon=":material/refresh:",
            key=f"creator_reload_{digest}",
            disabled=not item.held or not chosen or chosen == item.employee,
            width="stretch",
        )
    if clicked and chosen:  # the button is off until an employee is chosen
        reload_creator(item, chosen, lang)


def reload_creator(item: creators.CreatorFile, employee: str, lang: Lang) -> None:
    file = views.plain(item.loaded.file)
    if creators.roster_ids([employee], state.dataset().table("roster"))[0] != employee:
        st.error(t("ui.creator.not_in_roster", lang, employee=views.plain(employee)))
        return
    loaded = creators.reload_as(item.loaded, employee)
    if loaded is None:
        state.notify("error", t("ui.file_gone", lang, file=file))
        st.rerun()
    state.record_loads([loaded], batch=False)
    session = state.session()
    if not loaded.ok:
        state.notify("error", t("ui.file_failed", lang, file=file))
        st.rerun()
    replace = session.sample  # a creator file that failed at upload left the sample in place
    dataset = Dataset() if replace else session.dataset
    state.set_dataset(dataset.add(loaded), sample=False)
    who = views.plain(creators.option_label(employee, views.names()))
    state.notify("success", t("ui.creator.reloaded", lang, file=file, employee=who))
    st.rerun()


def creator_section(lang: Lang) -> None:
    files = creators.creator_files(state.dataset(), state.session().loads)
    if not files:
        return
    st.subheader(t("ui.creator.title", lang), anchor=False)
    st.caption(t("ui.creator.help", lang))
    roster = state.dataset().table("roster")
    if roster.is_empty():
        st.info(t("ui.creator.no_roster", lang), icon=":material/group:")
        return
    options, names = creators.employee_options(roster), views.names()
    matched = [f for f in files if f.matched]
    for item in files:
        if not item.matched:
            creator_row(item, options, names, lang, roster)
    if matched:
        with st.expander(t("ui.creator.change", lang, n=len(matched)), icon=":material/badge:"):
            for item in matched:
                creator_row(item, options, names, lang, roster)
