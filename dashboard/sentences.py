"""Every score as a sentence: "Participation 31 % (37 of 120 employees), target 30 %"."""

from __future__ import annotations

from dashboard.i18n import Lang, format_value, number, render, t
from dashboard.scoring import CriterionResult, MetricResult, Scorecard


def metric_sentence(result: MetricResult, lang: Lang) -> str:
    """The metric, its value, the counts behind it and its target, in one line."""
    spec = result.spec
    title = spec.title[lang] or spec.id
    if not result.measured:
        reason = render(result.measure.missing, lang)
        return f"{title}: {t('audit.not_measured', lang)} ({t('audit.missing', lang)}: {reason})"
    value = format_value(result.value, spec.unit, lang)
    m = result.measure
    counts = ""
    if spec.of[lang] and m.numerator is not None and m.denominator is not None:
        counts = f" ({number(m.numerator, lang)} {t('audit.of', lang)} {number(m.denominator, lang)} {spec.of[lang]})"
    note = f" [{render(m.note, lang)}]" if m.note else ""
    return f"{title} {value}{counts}, {t('audit.target', lang)} {format_value(result.target, spec.unit, lang)}{note}"


def criterion_line(result: CriterionResult, lang: Lang) -> str:
    title = result.spec.title[lang] or result.id
    if result.score is None:
        missing = "; ".join(render(m, lang) for m in result.missing)
        return f"{title}: {t('audit.not_measured', lang)} ({t('audit.missing', lang)}: {missing})"
    return f"{title}: {number(result.score, lang)}/100"


def overall_line(scorecard: Scorecard, lang: Lang) -> str:
    measured = t("audit.measured", lang, measured=scorecard.measured, total=scorecard.total)
    if scorecard.score is None:
        return f"{t('audit.overall', lang)}: {t('audit.not_measured', lang)} — {measured}"
    level = scorecard.level_name(lang)
    weakest = f" ({t('audit.weakest_link', lang)})" if scorecard.weakest_link else ""
    return f"{t('audit.overall', lang)}: {number(scorecard.score, lang)}/100 — {t('audit.level', lang)}: {level}{weakest} — {measured}"
