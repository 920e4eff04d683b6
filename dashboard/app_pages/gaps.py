"""Gaps: every metric below target, by priority, filterable, downloadable as CSV and XLSX."""

import math

import streamlit as st

from dashboard.i18n import t
from dashboard.report import gaps_csv, to_xlsx
from dashboard.ui import notes, state, views
from dashboard.ui.tables import filter_gaps, gaps_table

GAP_ROW_HEIGHT = 124  # px: five lines of a 400 px recommendation column


def render() -> None:
    lang = state.lang()
    st.title(t("ui.nav.gaps", lang), anchor=False)
    scorecard = state.scorecard()
    if scorecard is None:
        views.no_data(lang)
        return
    st.caption(t("ui.gaps_intro", lang))
    frame = gaps_table(scorecard, lang)

    names = {c.id: c.spec.title[lang] for c in scorecard.criteria}
    with_gaps = [cid for cid in names if cid in set(frame["criterion_id"])]
    top = float(frame["priority"].max()) if not frame.empty else 0.0
    highest = max(top, 1.0)
    # Filters kept from another period or language must still fit the current choices.
    state.GAP_CRITERIA.set([c for c in state.GAP_CRITERIA.get() or [] if c in with_gaps])
    if state.GAP_PRIORITY.get() > math.ceil(highest):
        state.GAP_PRIORITY.set(0.0)

    chosen, search, floor = st.columns([3, 2, 2], vertical_alignment="bottom")
    criteria = chosen.multiselect(
        t("ui.filter_criteria", lang),
        with_gaps,
        format_func=names.__getitem__,
        placeholder=t("ui.all_criteria", lang),
        select_all=False,  # Streamlit writes its "Select all" in English
        key=state.GAP_CRITERIA.name,
    )
    text = search.text_input(t("ui.search", lang), key="gaps_search")
    min_priority = floor.slider(
        t("ui.min_priority", lang),
        min_value=0.0,
        max_value=float(math.ceil(highest)),
        step=1.0,
        format="%.0f",
        key=state.GAP_PRIORITY.name,
    )
    shown = filter_gaps(frame, criteria, min_priority, text)

    st.caption(t("ui.gaps_count", lang, shown=len(shown), n=len(frame)))
    if frame.empty:
        st.success(t("audit.no_gaps", lang))
    else:
        st.dataframe(
            shown.drop(columns=["metric_id", "criterion_id"]),
            column_order=views.GAP_VIEW_ORDER,
            hide_index=True,
            width="stretch",
            # Rows tall enough for a recommendation to wrap whole, not be cut to a line.
            row_height=GAP_ROW_HEIGHT,
            height=min(40 + GAP_ROW_HEIGHT * len(shown), 900),
            column_config=views.gap_columns(lang, highest),
        )

    stem = f"presenza-gaps-{scorecard.period.start.isoformat()}-{scorecard.period.end.isoformat()}"
    # As wide as their labels: in columns they were cut on a 4:3 projector.
    downloads = st.container(horizontal=True, gap="small")
    downloads.download_button(
        t("ui.download.csv", lang),
        data=lambda: gaps_csv(scorecard, lang),
        file_name=f"{stem}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        key="download_gaps_csv",
        width="content",
    )
    downloads.download_button(
        t("ui.download.xlsx", lang),
        data=lambda: to_xlsx(scorecard, lang),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
        key="download_gaps_xlsx",
        width="content",
    )
    notes.gaps_panel(lang)


views.run_page(render)
