"""Overview: the executive's one screen — overall score, level, coverage, criteria, top gaps."""

import streamlit as st

from dashboard import charts
from dashboard.i18n import t
from dashboard.report.deliver import live_report
from dashboard.report.model import Brand
from dashboard.report.tables import period_text
from dashboard.ui import nav, report, saved, shared, state, views
from dashboard.ui.tables import gaps_table

TOP_GAPS = 5


def render() -> None:
    lang = state.lang()
    # The report button beside the title (the executive's screen keeps its height), as
    # wide as its label: the title gives way, and on a phone the button wraps below it.
    head = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")
    head.title(t("ui.nav.overview", lang), anchor=False)
    scorecard = state.scorecard()
    if scorecard is None:
        views.no_data(lang)
        return
    with head:
        _report_control(scorecard, lang)
    facts = [f"{t('audit.period', lang)}: {views.plain(period_text(scorecard.period, lang))}"]
    if state.session().sample:
        facts.append(t("ui.sample_caption", lang))
    st.caption(" · ".join(facts))

    top = st.container(key="overview_top")
    # A 4:3 projector with the sidebar open leaves ~560 px: side by side, the gauge
    # would be a thumbnail; stacked, it takes the width.
    views.stack_when_narrow(top, "overview_top", 700)
    left, right = top.columns([5, 8], gap="medium")
    with left, st.container(border=True, height="stretch"):
        st.subheader(t("audit.overall", lang), anchor=False)
        shared.chart(lambda: charts.overall_figure(scorecard, lang, height=260), key="overall")
        st.metric(
            t("ui.measured_short", lang),
            t("ui.measured_of", lang, measured=scorecard.measured, total=scorecard.total),
        )
        if scorecard.measured * 2 < scorecard.total:
            # The index is a mean over what was measured: say so when that is little.
            st.warning(
                t("ui.few_measured", lang, measured=scorecard.measured, total=scorecard.total),
                icon=":material/warning:",
            )
    with right, st.container(border=True, height="stretch"):
        st.subheader(t("audit.criteria", lang), anchor=False)
        shared.chart(
            lambda: charts.criteria_figure(scorecard, lang, height=540, font_size=15),
            key="criteria",
        )

    gaps = gaps_table(scorecard, lang).head(TOP_GAPS)
    with st.container(border=True):
        head = st.container(horizontal=True, vertical_alignment="center", gap="medium")
        head.subheader(t("ui.top_gaps", lang, n=TOP_GAPS), anchor=False)
        with head:  # as wide as its label, like the report button
            nav.link("gaps", lang, t("ui.all_gaps", lang))
        if gaps.empty:
            st.success(t("audit.no_gaps", lang))
        else:
            views.gap_lines(gaps, lang)  # each recommendation whole, wrapped


def _report_control(scorecard, lang) -> None:
    """The deliverables of the audit on screen, with the brand of the workspace open in
    this session (the sample company's name for the sample)."""
    workspace = saved.chosen_workspace()
    access = saved.granted().get(workspace) if workspace is not None else None
    if state.session().sample:
        brand = Brand(t("ui.sample_company", lang))
    elif access is not None and access.slug != saved.SAMPLE_SLUG:
        brand = report.brand_of(saved.engine(), access)
    else:
        brand = Brand()

    def build(language, names_on):
        return live_report(
            state.auditor(),
            state.dataset(),
            scorecard,
            state.settings(),
            language,
            brand,
            names_on=names_on,
        )

    report.control("report_overview", lang, build, brand.client, scorecard.period, width="content")


views.run_page(render)
