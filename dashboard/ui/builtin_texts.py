"""Streamlit's own words in the reader's language.

Streamlit writes some texts of its widgets in English and offers no parameter for them:
the file uploader's "Drag and drop files here", "Limit … per file" and "Browse files";
the "No results" of an empty dropdown; the "Press Enter to apply" under a text field;
the "dd/mm/yyyy" of an empty date field (its fields always use English placeholders);
the date range picker's "Date range: Select…" presets (Past Week, Past Month…, counted
from today, which an audit of past data has no use for). Where a parameter exists the
call sites use it (`placeholder=`, `select_all=False`, `format=`); these are drawn over by
one style sheet holding nothing but our catalog's texts: the English stays in the page
for Streamlit, invisible and taking no room, and ours is drawn in its place.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard.i18n import t

# The one option of an empty dropdown's list, which holds "No results".
_NO_RESULTS = tuple(
    f'[data-testid="{dropdown}"] [role="listbox"][data-empty="true"] [role="option"] > span'
    for dropdown in ("stSelectboxVirtualDropdown", "stMultiSelectDropdown")
)
_DATE_EMPTY = '[data-testid="stDateInputField"] [role="spinbutton"][data-placeholder="true"]'
_INSTRUCTIONS = '[data-testid="InputInstructions"]:not(:empty)'
# Text kept in the page but drawn invisibly, so what is drawn over it takes its place.
_UNDER = "position: relative; -webkit-text-fill-color: transparent;"
# Drawn over it, in the colour Streamlit gives the text it covers (placeholder grey, or
# white on a focused segment's highlight).
_OVER = (
    "position: absolute; inset: 0; padding: inherit; white-space: nowrap;"
    " -webkit-text-fill-color: currentcolor;"
)


def _css_text(text: str) -> str:
    """A catalog text as a CSS string (only our own texts, never an upload's)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _uploader(lang: str) -> str:
    """The data files' uploader's words, the default of every uploader."""
    megabytes = int(st.get_option("server.maxUploadSize"))
    drop, browse = t("ui.uploader.drop", lang), t("ui.uploader.browse", lang)
    return (
        '[data-testid="stFileUploaderDropzoneInstructions"] span, '
        '[data-testid="stFileUploaderDropzoneInstructions"] small {display: none;}'
        '[data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"]'
        " > * {display: none;}"
    ) + _uploader_words("", drop, t("ui.uploader.limit", lang, mb=megabytes), browse)


def _uploader_words(scope: str, drop: str, limit: str, browse: str) -> str:
    instructions = f'{scope}[data-testid="stFileUploaderDropzoneInstructions"] > div::after'
    button = (
        f'{scope}[data-testid="stFileUploaderDropzone"]'
        ' button[data-testid="stBaseButton-secondary"]::after'
    )
    return (
        f"{instructions} {{content: {_css_text(drop)} '\\A' {_css_text(limit)};"
        " white-space: pre-wrap; font-size: 0.875rem;}"
        f"{button} {{content: {_css_text(browse)}; font-size: 1rem;}}"
    )


def one_file_uploader(where: Any, key: str, limit: str, lang: str) -> None:
    """The words of the uploader keyed `key`, which takes one file: what kind and how
    large (`limit`, a catalog text) instead of the data files' ones."""
    drop, browse = t("ui.uploader.drop_one", lang), t("ui.uploader.browse_one", lang)
    where.html(f"<style>{_uploader_words(f'.st-key-{key} ', drop, limit, browse)}</style>")


def _dropdowns(lang: str) -> str:
    empty = _css_text(t("ui.widget.no_results", lang))
    under, over = ", ".join(_NO_RESULTS), ", ".join(f"{s}::before" for s in _NO_RESULTS)
    return f"{under} {{{_UNDER}}} {over} {{content: {empty}; {_OVER}}}"


def _dates(lang: str) -> str:
    rules = f"{_DATE_EMPTY} {{{_UNDER}}}"
    for part, code in (
        ("day", "ui.widget.date_day"),
        ("month", "ui.widget.date_month"),
        ("year", "ui.widget.date_year"),
    ):
        text = _css_text(t(code, lang))
        rules += f'{_DATE_EMPTY}[data-type="{part}"]::before {{content: {text}; {_OVER}}}'
    return rules + '[data-testid="stDateInputQuickSelect"] {display: none;}'


def _instructions(lang: str) -> str:
    """'Press Enter to apply' under a field; 'to submit form' in a form; Ctrl+Enter in a
    text area. A field with nothing to say renders the element empty: no text is added."""
    rules = f"{_INSTRUCTIONS} > span {{display: none;}}"
    for where, code in (
        ("", "ui.widget.enter_apply"),
        ('[data-testid="stForm"] ', "ui.widget.enter_submit"),
        ('[data-testid="stTextArea"] ', "ui.widget.ctrl_enter_apply"),
        ('[data-testid="stForm"] [data-testid="stTextArea"] ', "ui.widget.ctrl_enter_submit"),
    ):
        rules += f"{where}{_INSTRUCTIONS}::after {{content: {_css_text(t(code, lang))};}}"
    return rules


def widget_texts(lang: str) -> None:
    """One style sheet, on every page, with the catalog's words for Streamlit's own."""
    st.html(
        "<style>"
        + _uploader(lang)
        + _dropdowns(lang)
        + _dates(lang)
        + _instructions(lang)
        + "</style>"
    )
