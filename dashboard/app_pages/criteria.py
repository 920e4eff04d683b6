"""Criteria: one clean section per criterion — score, sentences, chart, evidence, recommendation."""

from collections.abc import Callable

import streamlit as st

from dashboard.criteria.advice import recommendation
from dashboard.i18n import Lang, number, t
from dashboard.report.citations import seed_citations
from dashboard.scoring import CriterionResult, Scorecard
from dashboard.sentences import metric_sentence
from dashboard.ui import drill, notes, shared, state, views

ALL = "__all__"


def _option_label(scorecard: Scorecard, lang: Lang) -> Callable[[str], str]:
    def label(cid: str) -> str:
        if cid == ALL:
            return t("ui.all_criteria", lang)
        c = scorecard.criterion(cid)
        score = (
            f"{number(c.score, lang)}/100" if c.score is not None else t("audit.not_measured", lang)
        )
        return f"{c.spec.title[lang]} — {score}"

    return label


def section(criterion: CriterionResult, scorecard: Scorecard, ctx, lang: Lang) -> None:
    spec = criterion.spec
    with st.container(border=True):
        head, score = st.columns([3, 1], vertical_alignment="center")
        head.header(spec.title[lang], anchor=criterion.id)
        score.metric(
            t("audit.score", lang).capitalize(),
            f"{number(criterion.score, lang)}/100" if criterion.score is not None else "—",
            help=t("ui.weight_help", lang, weight=number(criterion.weight, lang, 1)),
        )
        sources = "  \n".join(views.plain(c) for c in seed_citations(spec.seed, lang))
        st.caption(f"{t('audit.seed', lang)}: {sources}")
        st.markdown(f"> {views.plain(spec.argument[lang])}")

        if criterion.id in drill.WIDE:
            words, picture = st.container(), st.container()
        else:  # side by side, or stacked where the chart would be cut (a 4:3 projector)
            body = st.container(key=f"criterion_body_{criterion.id}")
            views.stack_when_narrow(body, f"criterion_body_{criterion.id}", 700)
            words, picture = body.columns([1, 1], gap="large")
        with words:
            st.subheader(t("ui.numbers", lang), anchor=False)
            for metric in criterion.metrics:
                if not metric.measured:
                    icon = ":material/radio_button_unchecked:"
                elif metric.is_gap:
                    icon = ":material/cancel:"
                else:
                    icon = ":material/check_circle:"
                st.markdown(f"{icon} {views.plain(metric_sentence(metric, lang))}")
            if not criterion.measured:
                st.info(t("ui.not_measured_help", lang), icon=":material/info:")
        with picture:
            shared.chart(
                lambda: drill.criterion_figure(criterion, scorecard, ctx, lang),
                key=f"chart_{criterion.id}",
            )

        gaps = [m for m in criterion.metrics if m.is_gap]
        if gaps:
            st.subheader(t("audit.recommendation", lang), anchor=False)
            for metric in gaps:
                with st.container(border=False):
                    st.markdown(
                        f"**{views.plain(metric.spec.title[lang])}** — "
                        + views.plain(recommendation(metric, lang))
                    )
                    if metric.spec.reference[lang]:
                        st.caption(
                            f"{t('audit.reference', lang)}: {views.plain(metric.spec.reference[lang])}"
                        )
        elif criterion.measured:
            st.success(t("ui.criterion_ok", lang), icon=":material/check_circle:")

        measured = [m for m in criterion.metrics if m.measure.evidence]
        if measured:
            with st.expander(t("audit.evidence", lang), icon=":material/search:"):
                for metric in measured:
                    st.markdown(f"**{views.plain(metric.spec.title[lang])}**")
                    views.evidence(metric.measure.evidence, lang, key=metric.spec.id)
        notes.criterion_panel(criterion.id, lang)


def render() -> None:
    lang = state.lang()
    st.title(t("ui.nav.criteria", lang), anchor=False)
    scorecard, ctx = state.scorecard(), state.context()
    if scorecard is None or ctx is None:  # both are, or neither: no data yet
        views.no_data(lang)
        return
    ids = [c.id for c in scorecard.criteria]
    options = [ALL, *ids]
    current = state.CRITERION.get()
    if current is None or current not in options:
        current = ids[0]
        state.CRITERION.set(current)  # one clean page; "all" is an option
    # The picker on its own line, the two buttons under it at their own width: side by
    # side on a 1024-px projector they were cut to "Prev…".
    pick = st.container()
    steps = st.container(horizontal=True, gap="small")
    position = options.index(current)
    with steps:
        if st.button(
            t("ui.previous", lang),
            icon=":material/arrow_back:",
            disabled=position <= 1,
            width="content",
        ):
            state.CRITERION.set(options[position - 1])
            st.rerun()
        if st.button(
            t("ui.next", lang),
            icon=":material/arrow_forward:",
            disabled=position >= len(options) - 1,
            width="content",
        ):
            state.CRITERION.set(options[max(position, 0) + 1])
            st.rerun()
    with pick:
        chosen = st.selectbox(
            t("ui.criterion", lang),
            options,
            format_func=_option_label(scorecard, lang),
            key=state.CRITERION.name,
            placeholder=t("ui.choose", lang),
        )
    if chosen is None:  # the box was cleared: nothing chosen yet
        return
    chosen_ids = ids if chosen == ALL else [chosen]
    for cid in chosen_ids:
        section(scorecard.criterion(cid), scorecard, ctx, lang)


views.run_page(render)
