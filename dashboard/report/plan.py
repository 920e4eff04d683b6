"""The action plan and the peer benchmark in one language (no Streamlit here): as tables for
the Saved audits page, and as the report's `ActionPlan` and `PeerBenchmark` sections.

Values in their metric's unit, before → after, the statuses translated, and the two
flags a meeting looks for: done but the metric did not move, and late. Peer figures are
aggregates only (`dashboard.peers`): no peer is named anywhere here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from dashboard.criteria import registry
from dashboard.i18n import Lang, date_text, format_value, number, ordinal, t
from dashboard.peers import MIN_PEERS, OVERALL, Benchmark, document_values
from dashboard.report.model import ActionLine, ActionPlan, PeerBenchmark, PeerLine
from dashboard.store.records import ActionRecord

ACTION_COLUMNS = ["id", "status", "metric", "before", "after", "flag", "what", "owner", "due"]
PEER_COLUMNS = ["metric", "value", "percentile", "median", "range", "peers"]


# --- the action plan -------------------------------------------------------------------------


def _flags(action: ActionRecord, today: date, lang: Lang) -> str:
    flags = [t("ui.actions.flag", lang)] if action.flagged else []
    flags += [t("ui.actions.late", lang)] if action.late(today) else []
    if action.moved:
        flags.append(t("ui.actions.moved", lang))
    return " · ".join(flags)


def _action_texts(action: ActionRecord, today: date, lang: Lang) -> dict[str, str]:
    """An action's status, due date, metric, values and flags as the reader writes them."""
    spec = registry.metrics()[action.metric]
    return {
        "status": t(f"ui.actions.status.{action.status}", lang),
        "due": date_text(action.due, lang) if action.due else "",
        "metric": spec.title[lang],
        "before": format_value(action.before, spec.unit, lang),
        "after": format_value(action.after, spec.unit, lang) if action.after_audit else "",
        "flag": _flags(action, today, lang),
    }


def actions_frame(actions: Sequence[ActionRecord], lang: Lang, today: date) -> pd.DataFrame:
    """One row per action: what, who, when, the metric before → after, and its flags."""
    rows = [
        {"id": a.id, "what": a.what, "owner": a.owner, **_action_texts(a, today, lang)}
        for a in actions
    ]
    return pd.DataFrame(rows, columns=ACTION_COLUMNS)


def action_plan(actions: Sequence[ActionRecord], lang: Lang, today: date) -> ActionPlan | None:
    """The report's action plan, or None when the workspace has no actions."""
    if not actions:
        return None
    lines = []
    for a in actions:
        texts = _action_texts(a, today, lang)
        spec = registry.metrics()[a.metric]
        change = f"{texts['before']} → {texts['after']}" if texts["after"] else texts["before"]
        lines.append(
            ActionLine(
                what=a.what,
                owner=a.owner,
                due_text=texts["due"],
                status=a.status,
                status_text=texts["status"],
                criterion=registry.criterion(spec.criterion).title[lang],
                metric=texts["metric"],
                unit=spec.unit,
                before=a.before,
                after=a.after if a.after_audit else None,
                change_text=change,
                flags=texts["flag"],
                flagged=a.flagged,
            )
        )
    flagged = sum(a.flagged for a in actions)
    flagged_text = t("ui.actions.flagged", lang, n=flagged) if flagged else ""
    return ActionPlan(
        heading=t("deliver.plan", lang),
        intro=t("deliver.plan_intro", lang),
        actions=tuple(lines),
        flagged_text=flagged_text,
        notes=t("deliver.notes_plan", lang, flagged=flagged_text),
    )


# --- the peer benchmark ----------------------------------------------------------------------


def _value(metric: str, value: float, lang: Lang) -> str:
    if metric == OVERALL:
        return number(value, lang, 1)
    return format_value(value, registry.metrics()[metric].unit, lang)


def _peer_lines(benchmark: Benchmark, client: Mapping, lang: Lang) -> list[tuple[str, PeerLine]]:
    """(criterion id, line) for every figure that may be shown, the overall index first
    (its criterion id is OVERALL), then the metrics in the registry's order."""
    values = document_values(client)
    metrics = registry.metrics()
    lines = []
    for metric in (OVERALL, *metrics):
        figure = benchmark.figures.get(metric)
        if figure is None:
            continue
        if metric == OVERALL:
            criterion, title, unit = OVERALL, t("audit.overall", lang), "score"
        else:
            spec = metrics[metric]
            criterion, title, unit = spec.criterion, spec.title[lang], spec.unit
        value, median = _value(metric, values[metric], lang), _value(metric, figure.median, lang)
        low, high = _value(metric, figure.low, lang), _value(metric, figure.high, lang)
        percentile = round(figure.percentile)
        line = PeerLine(
            criterion="" if criterion == OVERALL else registry.criterion(criterion).title[lang],
            metric=title,
            unit=unit,
            value=values[metric],
            value_text=value,
            percentile=percentile,
            peers=figure.peers,
            low=figure.low,
            median=figure.median,
            high=figure.high,
            median_text=median,
            range_text=f"{low} – {high}",
            sentence=t(
                "deliver.peer_line",
                lang,
                metric=title,
                value=value,
                percentile=ordinal(percentile, lang),
                peers=figure.peers,
                median=median,
                low=low,
                high=high,
            ),
        )
        lines.append((criterion, line))
    return lines


def benchmark_frame(benchmark: Benchmark, client: Mapping, lang: Lang) -> pd.DataFrame:
    """The figures that may be shown: the client's value, its percentile, the peers' median
    and middle half, how many peers measured the metric. Peers are never named."""
    rows = [
        {
            "metric": line.metric,
            "value": line.value_text,
            "percentile": line.percentile,
            "median": line.median_text,
            "range": line.range_text,
            "peers": line.peers,
        }
        for _, line in _peer_lines(benchmark, client, lang)
    ]
    return pd.DataFrame(rows, columns=PEER_COLUMNS)


def _peer_group(benchmark: Benchmark, lang: Lang) -> str:
    """Who the peers are: the same sector, the same size band, or either."""
    sector = t(f"sector.{benchmark.sector}", lang) if benchmark.sector else ""
    band = benchmark.size_band or ""
    if sector and band:
        return t("deliver.peers_group_both", lang, sector=sector, band=band)
    if sector:
        return t("deliver.peers_group_sector", lang, sector=sector)
    return t("deliver.peers_group_size", lang, band=band)


def peer_section(benchmark: Benchmark, client: Mapping, lang: Lang) -> PeerBenchmark | None:
    """The report's peer benchmark, or None when no figure may be shown (fewer than
    MIN_PEERS peers measured anything, no profile, or the workspace opted out)."""
    if not benchmark.figures:  # the store gives none to an opted-out workspace
        return None
    lines = _peer_lines(benchmark, client, lang)
    by_criterion: dict[str, tuple[str, ...]] = {}
    for criterion, line in lines:
        if criterion != OVERALL:
            by_criterion[criterion] = (*by_criterion.get(criterion, ()), line.sentence)
    overall = next((line.sentence for c, line in lines if c == OVERALL), "")
    basis = t(
        "deliver.peers_basis",
        lang,
        count=benchmark.peers,
        group=_peer_group(benchmark, lang),
        min=MIN_PEERS,
    )
    return PeerBenchmark(
        heading=t("deliver.peers", lang),
        basis=basis,
        overall=overall,
        by_criterion=by_criterion,
        lines=tuple(line for _, line in lines),
        notes=t("deliver.notes_peers", lang, basis=basis),
    )
