"""Any two saved audits compared, criterion by criterion and metric by metric, the changes
coloured (and signed, for who cannot tell the colours apart)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import Lang, number, t
from dashboard.messages import msg
from dashboard.report.changes import COLUMNS, SAME, audit_label, compare_table, signed
from dashboard.report.compare import compare, tally
from dashboard.store import Access, AuditInfo, load_scorecard, previous_audit
from dashboard.ui import state

BETTER, WORSE = "#009E73", "#D55E00"  # Okabe–Ito bluish green and vermillion
SECTION_BACKGROUND = "#F2F5F8"
VERDICTS = ("better", "worse", "same")  # the comparison's tally of criteria


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
    if state.COMPARE_AFTER.get() not in by_id:
        state.COMPARE_AFTER.set(current.id)
    if state.COMPARE_BEFORE.get() not in by_id:
        before = previous_audit(engine, access, current.id)
        state.COMPARE_BEFORE.set(
            before.info.id if before else next(i for i in ids if i != current.id)
        )
    left, right, toggle = st.columns([2, 2, 1], vertical_alignment="bottom")
    a = left.selectbox(
        t("ui.audits.before", lang),
        ids,
        format_func=lambda i: audit_label(by_id[i], lang),
        key=state.COMPARE_BEFORE.name,
    )
    b = right.selectbox(
        t("ui.audits.after", lang),
        ids,
        format_func=lambda i: audit_label(by_id[i], lang),
        key=state.COMPARE_AFTER.name,
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
    if overall.score_a is not None and overall.score_b is not None:
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
