"""People: participation by department, managers against the rest, how activity spreads, who works with whom."""

import streamlit as st

from dashboard import charts
from dashboard.i18n import t
from dashboard.ui import drill, shared, state, views
from dashboard.ui.tables import most_active_table

TOP_PEOPLE = 15


def render() -> None:
    lang = state.lang()
    st.title(t("ui.nav.people", lang), anchor=False)
    scorecard, ctx = state.scorecard(), state.context()
    if scorecard is None or ctx is None:  # both are, or neither: no data yet
        views.no_data(lang)
        return
    st.caption(t("ui.people_intro", lang))
    if ctx.employees.is_empty():
        st.info(t("ui.no_roster", lang), icon=":material/info:")
        return

    with st.container(border=True):
        st.subheader(t("ui.participation_by_department", lang), anchor=False)
        target = scorecard.metric("involvement.participation_rate").target
        shared.chart(
            lambda: charts.department_participation_figure(
                drill.departments(ctx), lang, drill.company_rate(scorecard), target
            ),
            key="departments",
        )

    left, right = st.columns(2, gap="medium")
    with left, st.container(border=True, height="stretch"):
        st.subheader(t("ui.managers_vs_others", lang), anchor=False)
        shared.chart(lambda: charts.managers_figure(drill.managers(ctx), lang), key="managers")
    with right, st.container(border=True, height="stretch"):
        st.subheader(t("ui.activity_spread", lang), anchor=False)
        shared.chart(
            lambda: charts.activity_distribution_figure(drill.concentration(ctx), lang),
            key="concentration",
        )

    with st.container(border=True):
        st.subheader(t("ui.collaboration_matrix", lang), anchor=False)
        st.caption(t("ui.collaboration_help", lang))
        shared.chart(
            lambda: charts.collaboration_heatmap_figure(
                drill.matrix(ctx), lang, drill.matrix_departments(ctx)
            ),
            key="matrix",
        )

    with st.container(border=True):
        st.subheader(t("ui.most_active", lang, n=TOP_PEOPLE), anchor=False)
        st.caption(t("ui.pseudonymous_note", lang))
        people = most_active_table(ctx.per_employee, lang, views.names(), TOP_PEOPLE)
        views.table(people, height=40 + 35 * len(people), download="presenza-people")


views.run_page(render)
