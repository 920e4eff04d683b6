"""Texts in Italian and English, and numbers formatted the way each language writes them.

Every label, sentence and level name the CLI, the dashboard and the reports show
comes from here (criterion and metric texts come from the registry). Keys are
stable; a missing key is a programming error and fails loudly in tests.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["it", "en"]
LANGS: tuple[Lang, ...] = ("it", "en")

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {
        "it": "Presenza — audit della presenza social",
        "en": "Presenza — social presence audit",
    },
    "overall": {"it": "Indice complessivo", "en": "Overall index"},
    "level": {"it": "Maturità", "en": "Maturity"},
    "measured": {
        "it": "{measured} di {total} criteri misurati",
        "en": "{measured} of {total} criteria measured",
    },
    "period": {"it": "Periodo", "en": "Period"},
    "not_measured": {"it": "non misurato", "en": "not measured"},
    "missing": {"it": "manca", "en": "missing"},
    "target": {"it": "obiettivo", "en": "target"},
    "score": {"it": "punteggio", "en": "score"},
    "gaps": {"it": "Cosa migliorare, in ordine di priorità", "en": "What to fix, by priority"},
    "no_gaps": {
        "it": "Nessuna lacuna: ogni metrica misurata raggiunge l'obiettivo.",
        "en": "No gaps: every measured metric meets its target.",
    },
    "seed": {"it": "Fonte", "en": "Source"},
    "reference": {"it": "Dato di riferimento", "en": "Reference figure"},
    "evidence": {"it": "Evidenze", "en": "Evidence"},
    "recommendation": {"it": "Raccomandazione", "en": "Recommendation"},
    "criteria": {"it": "Criteri", "en": "Criteria"},
    "of": {"it": "su", "en": "of"},
    "days": {"it": "giorni", "en": "days"},
    "hours": {"it": "ore", "en": "hours"},
    "weakest_link": {"it": "lettura «anello più debole»", "en": "weakest-link reading"},
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for `key` in `lang`, with {placeholders} filled."""
    return TEXTS[key][lang].format(**values)


def number(value: float, lang: Lang, decimals: int = 0) -> str:
    """1234.5 → '1,234.5' (en) or '1.234,5' (it)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".") if lang == "it" else text


def format_value(value: float | None, unit: str, lang: Lang) -> str:
    """A metric value as people read it: rates in %, ratios as ×, days and hours with units."""
    if value is None:
        return "—"
    if unit == "rate":
        return f"{number(value * 100, lang)} %"
    if unit == "ratio":
        return f"{number(value, lang, 1)}×"
    if unit == "days":
        return f"{number(value, lang)} {t('days', lang)}"
    if unit == "hours":
        return f"{number(value, lang, 1)} {t('hours', lang)}"
    return number(value, lang, 2)
