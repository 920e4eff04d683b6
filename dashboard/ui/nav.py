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
    "audits": ("audits.py", ":material/inventory_2:"),
    "executive": ("executive.py", ":material/monitoring:"),
}
DEFAULT = "overview"
PRESENT = "present.py"  # presentation mode: reached by a workspace's link only


def page(name: str, lang: Lang, *, default: bool | None = None) -> st.Page:
    """The st.Page for one page, titled in `lang` (absolute path: any entry script works)."""
    script, icon = PAGES[name]
    return st.Page(
        PAGES_DIR / script,
        title=t(f"ui.nav.{name}", lang),
        icon=icon,
        url_path=name,
        default=name == DEFAULT if default is None else default,
    )


def pages(lang: Lang) -> list[st.Page]:
    return [page(name, lang) for name in PAGES]


def linked(lang: Lang) -> list[st.Page]:
    """What a `?workspace=` link may reach: the read-only executive view and presentation
    mode, nothing else.

    The executive view twice: at its own path (`/executive?workspace=…`, the link the
    Saved audits page gives) and as the app's root (`/?workspace=…`), because a default
    page is served at the root only and any other path would greet the executive with
    "page not found". Presentation mode at `/present?workspace=…`.
    """
    script, icon = PAGES["executive"]
    root = st.Page(
        PAGES_DIR / script,
        title=t("ui.nav.executive", lang),
        icon=icon,
        url_path="executive-home",
        default=True,
    )
    present = st.Page(
        PAGES_DIR / PRESENT,
        title=t("ui.present.title", lang),
        icon=":material/slideshow:",
        url_path="present",
    )
    return [root, page("executive", lang, default=False), present]


def link(name: str, lang: Lang, label: str | None = None) -> None:
    """A link to another page of the app."""
    st.page_link(page(name, lang), label=label)
