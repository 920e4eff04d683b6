"""Canonical ids as people read them: a platform by its brand's own spelling, "other" in the
reader's language. Charts, tables and pages all name platforms through here."""

from __future__ import annotations

from dashboard.i18n import t

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
