"""The action plan and the peer benchmark as tables in one language (no Streamlit here).

Values in their metric's unit, before → after, the statuses translated, and the two
flags a meeting looks for: done but the metric did not move, and late.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from dashboard.criteria import registry
from dashboard.i18n import Lang, date_text, format_value, number, t
from dashboard.peers import OVERALL, Benchmark, document_values
from dashboard.store.records import ActionRecord

ACTION_COLUMNS = ["id", "status", "metric", "before", "after", "flag", "what", "owner", "due"]
PEER_COLUMNS = ["metric", "value", "percentile", "median", "range", "peers"]


def _flags(action: ActionRecord, today: date, lang: Lang) -> str:
    flags = [t("ui.actions.flag", lang)] if action.flagged else []
    flags += [t("ui.actions.late", lang)] if action.late(today) else []
    if action.moved:
        flags.append(t("ui.actions.moved", lang))
    return " · ".join(flags)


def actions_frame(actions: Sequence[ActionRecord], lang: Lang, today: date) -> pd.DataFrame:
    """One row per action: what, who, when, the metric before → after, and its flags."""
    metrics = registry.metrics()
    rows = []
    for a in actions:
        spec = metrics[a.metric]
        rows.append(
            {
                "id": a.id,
                "status": t(f"ui.actions.status.{a.status}", lang),
                "what": a.what,
                "owner": a.owner,
                "due": date_text(a.due, lang) if a.due else "",
                "metric": spec.title[lang],
                "before": format_value(a.before, spec.unit, lang),
                "after": format_value(a.after, spec.unit, lang) if a.after_audit else "",
                "flag": _flags(a, today, lang),
            }
        )
    return pd.DataFrame(rows, columns=ACTION_COLUMNS)


def _value(metric: str, value: float, lang: Lang) -> str:
    if metric == OVERALL:
        return number(value, lang, 1)
    return format_value(value, registry.metrics()[metric].unit, lang)


def benchmark_frame(benchmark: Benchmark, client: Mapping, lang: Lang) -> pd.DataFrame:
    """The figures that may be shown: the client's value, its percentile, the peers' median
    and middle half, how many peers measured the metric. Peers are never named."""
    values = document_values(client)
    order = [OVERALL, *registry.metrics()]
    rows = []
    for metric in order:
        figure = benchmark.figures.get(metric)
        if figure is None:
            continue
        title = (
            t("audit.overall", lang)
            if metric == OVERALL
            else registry.metrics()[metric].title[lang]
        )
        rows.append(
            {
                "metric": title,
                "value": _value(metric, values[metric], lang),
                "percentile": round(figure.percentile),
                "median": _value(metric, figure.median, lang),
                "range": f"{_value(metric, figure.low, lang)} – {_value(metric, figure.high, lang)}",
                "peers": figure.peers,
            }
        )
    return pd.DataFrame(rows, columns=PEER_COLUMNS)
