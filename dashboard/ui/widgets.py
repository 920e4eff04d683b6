"""Controls that appear in more than one place (sidebar and Settings) and share one value.

Each copy of a control has its own widget key (`where`), is set from the one stored
value before it is drawn, and writes back through its callback, so the sidebar and
the Settings page never disagree.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from dashboard.i18n import LANGS, Lang, t, text
from dashboard.period import EARLIEST, LATEST, Period
from dashboard.report.tables import period_text
from dashboard.ui import state


def _sync_lang(key: str) -> None:
    value = state.widget(key)
    if value in LANGS:
        state.set_lang(value)


def language_switch(
    where: str, label_visibility: Literal["visible", "hidden", "collapsed"] = "visible"
) -> Lang:
    """Italiano | English."""
    key = f"lang_{where}"
    state.set_widget(key, state.lang())
    st.segmented_control(
        t("ui.language", state.lang()),
        options=list(LANGS),
        format_func=lambda code: text("language.name", code),  # each in its own words
        key=key,
        on_change=_sync_lang,
        args=(key,),
        required=True,
        width="stretch",
        label_visibility=label_visibility,
    )
    return state.lang()


def _sync_period(key: str) -> None:
    value = state.widget(key)
    if isinstance(value, tuple | list) and len(value) == 2 and all(value):
        start, end = value
        state.set_period(Period(min(start, end), max(start, end)))


def period_picker(where: str, lang: Lang) -> Period | None:
    """The audit period as a date range: any days may be chosen (days without data count
    as silent or inactive, as the definitions say); a note says where the data ends, and
    new data beyond the chosen period is pointed out with a one-click change."""
    current = state.period()
    if current is None:
        return None
    key = f"period_{where}"
    stored = state.widget(key)
    if not (isinstance(stored, tuple) and len(stored) == 1):  # keep a half-picked range
        state.set_widget(key, (current.start, current.end))
    st.date_input(
        t("audit.period", lang),
        min_value=EARLIEST,
        max_value=LATEST,
        key=key,
        on_change=_sync_period,
        args=(key,),
        format=text("locale.date_input", lang),
        help=t("ui.period_help", lang),
    )
    period_notes(where, lang)
    return state.period()


def period_notes(where: str, lang: Lang) -> None:
    """Where the data ends when the period reaches beyond it; new data beyond the period."""
    current, span = state.period(), state.data_span()
    if current is None or span is None:
        return
    news = state.period_news()
    if news is not None:
        st.info(t("ui.period_news", lang, span=period_text(news, lang)), icon=":material/update:")
        if st.button(
            t("ui.period_use_span", lang),
            key=f"period_news_{where}",
            icon=":material/date_range:",
            width="stretch",
        ):
            state.set_period(None)
            st.rerun()
    elif not span.covers(current):
        st.caption(t("ui.period_beyond_data", lang, span=period_text(span, lang)))


def reset_period_button(where: str, lang: Lang) -> None:
    """Back to the whole span of the data."""
    if st.button(t("ui.period_reset", lang), key=f"period_reset_{where}", type="tertiary"):
        state.set_period(None)
        st.rerun()


def names_toggle(lang: Lang) -> bool:
    """Pseudonymous ids by default; names from the roster only when turned on."""
    st.toggle(
        t("ui.show_names", lang), key=state.SHOW_NAMES.name, help=t("ui.show_names_help", lang)
    )
    return state.show_names()
