"""Canonical ids as people read them: a platform by its brand's own spelling ("other" in the
reader's language), a table or a file layout by its name in the catalogs, an employee id
by the roster's name. Charts, tables, pages and deliverables all name them through here."""

from __future__ import annotations

import polars as pl

from dashboard.i18n import Lang, has, t

PLATFORM_NAMES = {
    "linkedin": "LinkedIn",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X",
    "youtube": "YouTube",
    "tiktok": "TikTok",
}


def platform_label(platform: object, lang: str) -> str:
    """A platform id as its brand writes it ("other" in the reader's language)."""
    key = str(platform).lower()
    if key == "other":
        return t("chart.other_platform", lang)
    return PLATFORM_NAMES.get(key, str(platform))


def kind_label(kind: str | None, lang: Lang) -> str:
    """A canonical table (or questionnaire) named for people."""
    return t(f"kind.{kind or 'auto'}", lang)  # "auto": the loader recognises the file


def format_label(name: str, lang: Lang) -> str:
    """The layout a file was read as (an adapter's name, "canonical"…) named for people."""
    for key in (name, name.removesuffix("_it").removesuffix("_en")):
        if has(f"format.{key}", lang):
            return t(f"format.{key}", lang)
    return name


def roster_names(roster: pl.DataFrame) -> dict[str, str]:
    """employee_id → name, for the employees whose name the roster gives."""
    if roster.is_empty() or "name" not in roster.columns:
        return {}
    rows = roster.select("employee_id", "name").drop_nulls()
    return dict(zip(rows["employee_id"].to_list(), rows["name"].to_list(), strict=True))
