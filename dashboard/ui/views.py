"""Streamlit building blocks every page shares: the error boundary, safe text, charts, tables.

No page renders uploaded text as markup: names, post text and file names go into
tables or through `plain()`, which escapes Markdown (links, images, Streamlit's
:color[…] directives, LaTeX, bare web and mail addresses), and no element is ever
allowed to render raw HTML. Tables offer no built-in export (`client.disableDataExport`
in .streamlit/config.toml): where a download helps, `table(…, download=…)` offers the
product's own CSV, whose formula-like cells are made text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts import PLOTLY_CONFIG
from dashboard.i18n import Lang, t
from dashboard.labels import roster_names
from dashboard.report.xlsx import frame_csv
from dashboard.ui import nav, state
from dashboard.ui.tables import evidence_tables

log = logging.getLogger("presenza.app")

# Characters that start Markdown (or Streamlit's :color[...] / :icon: directives) anywhere.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]#|<>~$:@])")
# Bare addresses (http://…, www.…, name@host) become links after parsing, escaped or not;
# an invisible word joiner where they start keeps them text.
_AUTOLINK = re.compile(r"(?i)(\bhttps?(?=\\:)|\bwww(?=\.)|(?=\\@))")
_JOINER = "\u2060"
# Characters that only start a list or a heading at the beginning of a line.
_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))", re.MULTILINE)


def plain(text: object) -> str:
    """Text safe to put inside Markdown: what could be markup is escaped, HTML is inert, and
    bare web and mail addresses stay text (a word joiner, U+2060, that no one sees)."""
    escaped = _AUTOLINK.sub(lambda m: m.group(1) + _JOINER, _MARKDOWN.sub(r"\\\1", str(text)))
    return _LINE_START.sub(
        lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2) else f"{m.group(3)}\\{m.group(4)}"),
        escaped,
    )


def run_page(render: Callable[[], None]) -> None:
    """Run a page; an error becomes a readable sentence, its traceback goes to the server log."""
    try:
        render()
    except Exception:  # script control (rerun, stop) is BaseException and passes through
        log.exception("page failed")
        st.error(t("ui.error", state.lang()), icon=":material/error:")


def no_data(lang: Lang) -> None:
    """Say there is nothing to audit yet (no scorecard) and point to the Data page."""
    st.info(t("ui.no_data", lang), icon=":material/upload_file:")
    nav.link("data", lang)


def chart(fig: go.Figure, key: str | None = None) -> None:
    """A Plotly figure at full width with the presenter's toolbar."""
    st.plotly_chart(fig, width="stretch", theme=None, config=PLOTLY_CONFIG, key=key)


def table(frame: pd.DataFrame, *, download: str | None = None, **kwargs: Any) -> None:
    """A table at full width; with `download` (a file name stem), the product's own CSV."""
    st.dataframe(frame, hide_index=True, width="stretch", **kwargs)
    if download:
        download_csv(frame, download)


def download_csv(frame: pd.DataFrame, stem: str, key: str | None = None) -> None:
    """A small "Download CSV" of a shown table: formula-like cells are saved as text."""
    lang = state.lang()
    st.download_button(
        t("ui.download.table", lang),
        data=lambda: frame_csv(frame, lang),
        file_name=f"{stem}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        type="tertiary",
        key=key or f"download_{stem}",
        help=t("ui.download.table_help", lang),
    )


# The gap table as read on screen: what to do right after what is short, so the
# recommendation is whole on the first screen of a 1280 px projector beside the sidebar
# (the criterion, and the evidence, longer, after it).
GAP_VIEW_ORDER = (
    "rank",
    "priority",
    "metric",
    "value",
    "target",
    "recommendation",
    "criterion",
    "evidence",
    "score",
    "seed",
    "reference",
)


def gap_columns(lang: Lang, highest: float = 100.0) -> dict[str, Any]:
    """How every page shows the gap table (`report.tables.gaps_table`): one declaration, so
    the overview's top gaps and the Gaps page read alike. `highest`: the priority bar's end."""
    column = st.column_config
    return {
        "rank": column.NumberColumn("#", width=40),
        "priority": column.ProgressColumn(
            t("col.priority", lang),
            min_value=0.0,
            max_value=highest,
            format="%.0f",
            help=t("ui.priority_help", lang),
            width=90,
        ),
        # Widths that leave the recommendation's 340 px on a 1280 px projector's first screen.
        "criterion": column.TextColumn(t("col.criterion", lang), width=160),
        "metric": column.TextColumn(t("col.metric", lang), width=170),
        "value": column.TextColumn(t("col.measured_value", lang), width=100),
        "target": column.TextColumn(t("col.target", lang), width=80),
        "score": column.NumberColumn(t("col.score", lang), format="%.0f"),
        "evidence": column.TextColumn(t("audit.evidence", lang), width="large"),
        "recommendation": column.TextColumn(t("audit.recommendation", lang), width=340),
        "seed": column.TextColumn(t("audit.seed", lang)),
        "reference": column.TextColumn(t("audit.reference", lang), width="medium"),
    }


# Per maturity level (Absent → Social business): the badge colour and an icon, so the
# level reads without colour too.
LEVEL_BADGES = (
    ("red", ":material/error:"),
    ("orange", ":material/warning:"),
    ("violet", ":material/construction:"),
    ("blue", ":material/check_circle:"),
    ("green", ":material/verified:"),
)


def level_legend(lang: Lang) -> None:
    """The five maturity levels, each with its colour, icon and name (readable without
    colour): the key to every chart and tile coloured by level."""
    st.markdown(
        " ".join(
            f":{color}-badge[{icon} {t(f'level.{i}', lang)}]"
            for i, (color, icon) in enumerate(LEVEL_BADGES)
        ),
        help=t("ui.exec.legend_help", lang),
    )


def gap_lines(gaps: pd.DataFrame, lang: Lang) -> None:
    """A few gaps (rows of `gaps_table`) as lines that wrap: the metric and criterion, the
    value against the target, and the recommendation in full, never cut to a cell."""
    for row in gaps.itertuples():
        st.markdown(
            f"**{row.rank}. {plain(row.metric)}** — {plain(row.criterion)}  \n"
            + t("ui.exec.gap_values", lang, value=row.value, target=row.target)
        )
        st.caption(plain(row.recommendation))


def stack_when_narrow(where: Any, key: str, below: int) -> None:
    """Columns inside the container keyed `key` stack once it is narrower than `below`
    pixels. Streamlit stacks columns only on a viewport of at most 640 px; a 1024 px
    projector with the sidebar open leaves a main column about as narrow as a phone's.
    A CSS container query, measured on the container itself, not on the window."""
    inside = f".st-key-{key}"
    # Only the container's own columns: rows laid out inside them (tiles) keep theirs.
    row = f'{inside} > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"]'
    where.html(
        f"<style>{inside} {{container-type: inline-size;}}"
        f"@container (max-width: {below}px) {{"
        f"{row} {{flex-direction: column;}}"
        f'{row} > [data-testid="stColumn"] {{width: 100% !important; flex: 1 1 auto !important;}}'
        "}</style>"
    )


def names() -> dict[str, str] | None:
    """Roster names by employee id when the user turned names on, else None (pseudonymous)."""
    if not state.show_names():
        return None
    audit = state.auditor()
    return roster_names(audit.data.roster) if audit else None


def evidence(evidence_: Mapping[str, Any], lang: Lang, key: str = "evidence") -> None:
    """A metric's evidence: the single facts as one small table, each listing as its own,
    with its CSV (`key`, the metric's id, keeps the download buttons apart)."""
    facts, listings = evidence_tables(evidence_, lang, names())
    if not facts.empty:
        what, value = facts.columns
        st.dataframe(
            facts,
            hide_index=True,
            width=620,
            column_config={
                what: st.column_config.TextColumn(width="large"),
                value: st.column_config.TextColumn(width="medium"),
            },
        )
    for n, (title, frame) in enumerate(listings):
        st.caption(plain(title))
        st.dataframe(frame, hide_index=True, width="stretch", height=min(38 + 35 * len(frame), 300))
        download_csv(frame, f"presenza-{key}-{n + 1}", key=f"download_{key}_{n}")
