"""The app's pages: their scripts, stable URLs, icons and titles in the user's language."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.i18n import Lang, t

PAGES_DIR = Path(__file__).resolve().parent.parent / "app_pages"

# name → (script, icon); the name is also the URL path, the same in both languages.
PAGES: dict[str, tuple[str, str]] = {
    "overview": ("overview.py", ":material/dashboard:"),
    "criteria": ("criteria.py", ":material/checklist:"),
    "people": ("people.py", ":material/groups:"),
    "gaps": ("gaps.py", ":material/flag:"),
    "data": ("data.py", ":material/database:"),
    "settings": ("settings.py", ":material/tune:"),
}
DEFAULT = "overview"


def page(name: str, lang: Lang) -> st.Page:
    """The st.Page for one page, titled in `lang` (absolute path: any entry script works)."""
    script, icon = PAGES[name]
    return st.Page(
        PAGES_DIR / script,
        title=t(f"nav_{name}", lang),
        icon=icon,
        url_path=name,
        default=name == DEFAULT,
    )


def pages(lang: Lang) -> list[st.Page]:
    return [page(name, lang) for name in PAGES]


def link(name: str, lang: Lang, label: str | None = None) -> None:
    """A link to another page of the app."""
    st.page_link(page(name, lang), label=label)
