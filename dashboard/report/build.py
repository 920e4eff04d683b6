"""Scorecard (+ previous audit, breakdowns, files, brand, names) → the `Report` document.

Every number is taken from the engine; here it is only put into sentences and tables in
the reader's language (see `dashboard.report.model` for what the document holds).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from dashboard.breakdowns import Breakdown, breakdown
from dashboard.criteria.advice import recommendation
from dashboard.criteria.context import Context
from dashboard.gaps import gap_list
from dashboard.i18n import Lang, format_value, month_text, number, render, t
from dashboard.labels import format_label, kind_label
from dashboard.report import notes as consultant
from dashboard.report.changes import signed
from dashboard.report.citations import bibliography, figure_citations, seed_citations
from dashboard.report.model import (
    Brand,
    Chart,
    ChartSeries,
    Cover,
    CriterionSection,
    EvidenceTable,
    GapRow,
    InputRow,
    MetricLine,
    Report,
    Summary,
)
from dashboard.report.tables import (
    date_text,
    evidence_text,
    format_cell,
    label,
    period_text,
    platform_label,
)
from dashboard.scoring import CriterionResult, MetricResult, Scorecard
from dashboard.sentences import metric_sentence
from dashboard.store.records import AuditNotes

TOP_GAPS = 5
NAME_KEYS = ("employee_id", "target_employee_id")


def build_report(
    scorecard: Scorecard,
    lang: Lang,
    brand: Brand | None = None,
    *,
    context: Context | None = None,
    inputs: Sequence[Mapping[str, Any]] = (),
    previous: Scorecard | None = None,
    previous_label: str = "",
    names: Mapping[str, str] | None = None,
    author: str = "",
    today: date | None = None,
    notes: AuditNotes | None = None,
) -> Report:
    """The report of one audit. `context` is the period's engine context (breakdowns come
    from it; without it each criterion charts its metrics' scores); `names` maps employee
    ids to names and is given only when the user turned names on; `notes` are a saved
    audit's consultant notes."""
    brand = brand or Brand()
    client = brand.client or t("deliver.client_unnamed", lang)
    period = period_text(scorecard.period, lang)
    privacy = t("deliver.names_on" if names else "deliver.names_off", lang)
    cover = Cover(
        client,
        t("deliver.title", lang),
        t("deliver.subtitle", lang),
        period,
        date_text(today or date.today(), lang),
        author or t("deliver.author_default", lang),
        privacy,
        brand.logo_png,
        brand.color,
        t("deliver.notes_cover", lang, client=client, period=period, privacy=privacy),
    )
    criteria = tuple(
        _criterion(c, scorecard, lang, context, names, notes) for c in scorecard.criteria
    )
    return Report(
        lang=lang,
        names_on=bool(names),
        cover=cover,
        summary=_summary(scorecard, previous, previous_label, lang, notes),
        criteria_chart=_criteria_chart(scorecard, previous, lang),
        criteria_notes=t(
            "deliver.notes_criteria",
            lang,
            previous=t("deliver.notes_criteria_previous", lang) if previous else "",
        ),
        criteria=criteria,
        gaps=_gaps(scorecard, lang, notes),
        inputs=tuple(_input(row, lang) for row in inputs),
        method=(t("deliver.method_scoring", lang), t("deliver.method_levels", lang)),
        method_notes=t("deliver.notes_method", lang),
        sources=tuple(bibliography(lang)),
        sources_notes=t("deliver.notes_sources", lang),
        evidence_tables=tuple(
            table for c in scorecard.criteria for table in _evidence_tables(c, lang, names)
        ),
    )


# --- the summary ---------------------------------------------------------------------------


def _score_text(score: float | None, lang: Lang) -> str:
    return t("deliver.not_measured", lang) if score is None else f"{number(score, lang)}/100"


def _summary(
    scorecard: Scorecard,
    previous: Scorecard | None,
    previous_label: str,
    lang: Lang,
    notes: AuditNotes | None,
) -> Summary:
    level = scorecard.level_name(lang) or t("deliver.not_measured", lang)
    if scorecard.weakest_link and scorecard.level is not None:
        level = f"{level} ({t('deliver.weakest_link', lang)})"
    measured = t("deliver.measured", lang, measured=scorecard.measured, total=scorecard.total)
    change = None
    change_text = t("deliver.no_previous", lang)
    if previous is not None and previous.score is not None and scorecard.score is not None:
        change = scorecard.score - previous.score
        label_ = previous_label or period_text(previous.period, lang)
        change_text = t("deliver.change", lang, delta=signed(change, lang), previous=label_) + "."
    sentences = tuple(_gap_sentence(g, lang) for g in gap_list(scorecard)[:TOP_GAPS])
    score = _score_text(scorecard.score, lang)
    return Summary(
        scorecard.score,
        score,
        level,
        measured,
        change_text,
        change,
        sentences or (t("deliver.no_gaps", lang),),
        consultant.speaker(
            t(
                "deliver.notes_summary",
                lang,
                score=score,
                level=level,
                measured=measured,
                change=change_text,
            ),
            lang,
            notes,
            summary=True,
        ),
        consultant.summary_lines(notes),
    )


def _gap_sentence(gap: Any, lang: Lang) -> str:
    spec = gap.metric.spec
    return t(
        "deliver.gap_sentence",
        lang,
        criterion=gap.criterion.spec.title[lang],
        metric=spec.title[lang],
        value=format_value(gap.metric.value, spec.unit, lang),
        target=format_value(gap.metric.target, spec.unit, lang),
    )


def _labels(values: tuple[float | None, ...], unit: str, lang: Lang) -> tuple[str, ...]:
    """Chart values as text, for renderers that print them (the PDF)."""
    if unit == "rate":
        return tuple("" if v is None else format_value(v, "rate", lang) for v in values)
    decimals = 1 if unit == "hours" else 0
    return tuple("" if v is None else number(v, lang, decimals) for v in values)


def _series(name: str, values: tuple[float | None, ...], unit: str, lang: Lang) -> ChartSeries:
    return ChartSeries(name, values, _labels(values, unit, lang))


def _criteria_chart(scorecard: Scorecard, previous: Scorecard | None, lang: Lang) -> Chart:
    series = [
        _series(
            t("deliver.this_audit", lang), tuple(c.score for c in scorecard.criteria), "score", lang
        )
    ]
    if previous is not None:
        before = {c.id: c.score for c in previous.criteria}
        series.append(
            _series(
                t("deliver.previous_audit", lang),
                tuple(before.get(c.id) for c in scorecard.criteria),
                "score",
                lang,
            )
        )
    return Chart(
        t("deliver.criteria_chart", lang),
        tuple(c.spec.title[lang] for c in scorecard.criteria),
        tuple(series),
        "score",
    )


# --- one criterion -------------------------------------------------------------------------


def _status(metric: MetricResult) -> str:
    return "not_measured" if not metric.measured else "gap" if metric.is_gap else "met"


def _metric_line(metric: MetricResult, lang: Lang) -> MetricLine:
    spec, measure = metric.spec, metric.measure
    status = _status(metric)
    return MetricLine(
        title=spec.title[lang],
        sentence=metric_sentence(metric, lang),
        status=status,
        status_text=t(f"deliver.status_{status}", lang),
        unit=spec.unit,
        unit_text=t(f"unit.{spec.unit}", lang),
        value=measure.value,
        value_text=format_value(measure.value, spec.unit, lang) if metric.measured else "",
        numerator=measure.numerator,
        denominator=measure.denominator,
        floor=metric.floor,
        target=metric.target,
        target_text=format_value(metric.target, spec.unit, lang),
        weight=metric.weight,
        score=metric.score,
        missing=render(measure.missing, lang),
    )


def _chart(criterion: CriterionResult, lang: Lang, context: Context | None) -> Chart:
    """The criterion's main breakdown, or its metrics' scores when it has none."""
    found: Breakdown | None = None if context is None else breakdown(context, criterion.id)
    if found is None:
        return Chart(
            t("deliver.chart_metric_scores", lang),
            tuple(m.spec.title[lang] for m in criterion.metrics),
            (
                _series(
                    t("deliver.score", lang),
                    tuple(m.score for m in criterion.metrics),
                    "score",
                    lang,
                ),
            ),
            "score",
        )
    categories = tuple(_category(found, c, lang) for c in found.categories)
    note = ""
    if found.total > len(categories):
        note = t("deliver.chart_shown", lang, shown=len(categories), total=found.total)
    series = tuple(
        _series(t(f"deliver.{s.key}", lang), s.values, found.unit, lang) for s in found.series
    )
    return Chart(
        f"{series[0].name}, {t(f'deliver.bd_{found.kind}', lang).lower()}",
        categories,
        series,
        found.unit,
        note,
        found.kind == "months",
    )


def _category(found: Breakdown, value: Any, lang: Lang) -> str:
    if found.kind == "platforms":
        return platform_label(value, lang)
    if found.kind == "months":
        return month_text(value, lang)
    return str(value)


def _with_names(value: Any, names: Mapping[str, str] | None) -> Any:
    """Evidence with each employee id followed by the name, when names are on."""
    if not names:
        return value
    if isinstance(value, list):
        return [_with_names(v, names) for v in value]
    if isinstance(value, Mapping):
        return {
            k: f"{v} · {names[v]}" if k in NAME_KEYS and v in names else _with_names(v, names)
            for k, v in value.items()
        }
    return value


def _criterion(
    criterion: CriterionResult,
    scorecard: Scorecard,
    lang: Lang,
    context: Context | None,
    names: Mapping[str, str] | None,
    notes: AuditNotes | None,
) -> CriterionSection:
    spec = criterion.spec
    gaps = sorted(
        (g for g in gap_list(scorecard) if g.criterion.id == criterion.id),
        key=lambda g: -g.priority,
    )
    recommendations = tuple(
        (
            g.metric.spec.title[lang],
            consultant.recommendation(notes, g.metric.id, recommendation(g.metric, lang)),
        )
        for g in gaps
    )
    gap_notes = tuple(
        note
        for g in gaps
        if (note := consultant.gap_note(notes, g.metric.id, g.metric.spec.title[lang], lang))
    )
    if recommendations:
        status_text = ""
    elif criterion.measured:
        status_text = t("deliver.criterion_met", lang)
    else:
        missing = "; ".join(render(m, lang) for m in criterion.missing)
        status_text = t("deliver.criterion_not_measured", lang, missing=missing)
    evidence = tuple(
        f"{m.spec.title[lang]}: {text}"
        for m in criterion.metrics
        if (text := evidence_text(_with_names(m.measure.evidence, names), lang))
    )
    chart = _chart(criterion, lang, context)
    references = tuple(
        dict.fromkeys(
            text for m in criterion.metrics for text in figure_citations(m.spec.references, lang)
        )
    )
    score = _score_text(criterion.score, lang)
    more = " ".join(f"{title}: {text}" for title, text in recommendations)
    return CriterionSection(
        id=criterion.id,
        title=spec.title[lang],
        score=criterion.score,
        score_text=score,
        weight=criterion.weight,
        metrics_heading=t(
            "deliver.metrics_in_period", lang, period=period_text(scorecard.period, lang)
        ),
        metrics=tuple(_metric_line(m, lang) for m in criterion.metrics),
        chart=chart,
        evidence=evidence,
        recommendations=recommendations,
        status_text=status_text,
        argument=spec.argument[lang],
        seeds=tuple(seed_citations(spec.seed, lang)),
        references=references,
        notes=consultant.speaker(
            t(
                "deliver.notes_criterion",
                lang,
                criterion=spec.title[lang],
                score=score,
                chart=chart.title[0].lower() + chart.title[1:],
                recommendations=more or status_text,
            ),
            lang,
            notes,
            criterion_id=criterion.id,
            gaps=gap_notes,
        ),
        comment=consultant.criterion_comment(notes, criterion.id),
        gap_notes=gap_notes,
    )


def _evidence_tables(
    criterion: CriterionResult, lang: Lang, names: Mapping[str, str] | None
) -> list[EvidenceTable]:
    """Every list of records in a criterion's evidence as a table of raw values."""
    tables = []
    for metric in criterion.metrics:
        for key, value in metric.measure.evidence.items():
            if (
                not value
                or not isinstance(value, list)
                or not all(isinstance(v, Mapping) for v in value)
            ):
                continue
            columns = list(dict.fromkeys(k for row in value for k in row))
            if names and "employee_id" in columns:
                columns.insert(columns.index("employee_id") + 1, "name")
            rows = tuple(
                tuple(_evidence_cell(c, row, lang, names) for c in columns) for row in value
            )
            headers = tuple(
                t("deliver.col_name", lang) if c == "name" else label(c, lang) for c in columns
            )
            tables.append(
                EvidenceTable(
                    criterion.spec.title[lang],
                    metric.spec.title[lang],
                    label(key, lang),
                    headers,
                    rows,
                )
            )
    return tables


def _evidence_cell(
    column: str, row: Mapping[str, Any], lang: Lang, names: Mapping[str, str] | None
) -> Any:
    if column == "name":
        employee = row.get("employee_id")
        return (names or {}).get(employee, "") if isinstance(employee, str) else ""
    value = row.get(column)
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value  # numbers stay numbers: the workbook writes them as such
    return format_cell(column, value, lang)


# --- gaps and inputs -----------------------------------------------------------------------


def _gaps(scorecard: Scorecard, lang: Lang, notes: AuditNotes | None) -> tuple[GapRow, ...]:
    rows = []
    for rank, gap in enumerate(gap_list(scorecard), start=1):
        spec, metric = gap.metric.spec, gap.metric
        rows.append(
            GapRow(
                rank=rank,
                criterion=gap.criterion.spec.title[lang],
                metric=spec.title[lang],
                value=gap.value,
                value_text=format_value(metric.value, spec.unit, lang),
                target=metric.target,
                target_text=format_value(metric.target, spec.unit, lang),
                unit=spec.unit,
                score=gap.score,
                priority=gap.priority,
                sentence=_gap_sentence(gap, lang),
                recommendation=consultant.recommendation(
                    notes, metric.id, recommendation(metric, lang)
                ),
                evidence=evidence_text(metric.measure.evidence, lang),
                source="; ".join(seed_citations(gap.criterion.spec.seed, lang)),
                note=consultant.gap_note(notes, metric.id, spec.title[lang], lang),
            )
        )
    return tuple(rows)


def _input(row: Mapping[str, Any], lang: Lang) -> InputRow:
    period = row.get("period")
    span = ""
    if period:
        start, end = (date.fromisoformat(p) for p in period)
        span = f"{date_text(start, lang)} – {date_text(end, lang)}"
    return InputRow(
        file=str(row.get("file", "")),
        format=format_label(str(row.get("format") or "unknown"), lang),
        table=kind_label(row.get("table"), lang),
        period=span,
        rows_loaded=row.get("rows_loaded"),
        rows_rejected=row.get("rows_rejected"),
    )
