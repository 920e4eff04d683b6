"""Everything one browser session remembers, behind small accessors over `st.session_state`.

What is kept: the language, the loaded `Dataset` (parsed tables, never upload bytes),
the prepared `Auditor` for that dataset, the settings, the period, whether names are
shown, the load log of the files tried, and the mapping forms still open (file names
and headers: their bytes wait in `uploads.held()`). Every page reads these through the
functions here, so the keys live in one place.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.i18n import LANGS, Lang, t
from dashboard.ingest import Dataset, Loaded
from dashboard.period import Period
from dashboard.scoring import Scorecard
from dashboard.settings import Settings
from dashboard.ui import shared

log = logging.getLogger("presenza.app")

LOG_LIMIT = 40  # files remembered in the load report


@dataclass
class Session:
    """The audit state of one browser session (one object in session state)."""

    dataset: Dataset = field(default_factory=Dataset)
    sample: bool = False  # the dataset is the bundled sample
    auditor: Auditor | None = None
    audited: Dataset | None = None  # the dataset `auditor` was prepared from
    settings: Settings = field(default_factory=Settings)
    period: Period | None = None  # None: the data's span
    loads: list[Loaded] = field(default_factory=list)  # newest first
    last_batch: int = 0  # how many of `loads` came with the latest upload
    replaced_sample: bool = False  # the latest upload replaced the bundled sample
    upload_round: int = 0  # bumps the uploader's key, which drops the uploaded bytes
    settings_round: int = 0  # bumps the settings editors' keys after a reset or upload
    context: Any = None  # the engine's drill-down context for `context_key`
    context_key: tuple | None = None
    offers: list[Any] = field(default_factory=list)  # open mapping forms (`mapping.MappingOffer`)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (kind, text) shown once


def language_from_locale(locale: str | None) -> Lang:
    """The interface language for a browser locale: Italian for it-*, English otherwise."""
    return "it" if (locale or "").lower().replace("_", "-").split("-")[0] == "it" else "en"


def init_language() -> None:
    """The interface language, from the browser on a session's first run."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = language_from_locale(st.context.locale)


def init() -> None:
    """First run of a session: language from the browser, the bundled sample loaded."""
    init_language()
    if "show_names" not in st.session_state:
        st.session_state["show_names"] = False
    if "session" not in st.session_state:
        session = Session()
        try:
            session.dataset = load_sample()
            session.sample = bool(session.dataset.files)
        except Exception:  # the app must open even when the sample is broken
            log.exception("the bundled sample could not be loaded")
        st.session_state["session"] = session


def session() -> Session:
    init()
    return st.session_state["session"]


def lang() -> Lang:
    value = st.session_state.get("lang", "en")
    return value if value in LANGS else "en"


def set_lang(value: Lang) -> None:
    st.session_state["lang"] = value


def show_names() -> bool:
    return bool(st.session_state.get("show_names", False))


# --- the data -------------------------------------------------------------------


def dataset() -> Dataset:
    return session().dataset


def set_dataset(value: Dataset, *, sample: bool = False, keep_period: bool = False) -> None:
    """Replace the dataset; the period goes back to the new data's span unless kept."""
    s = session()
    s.dataset, s.sample = value, sample
    if not keep_period:
        s.period = None


def reload_sample() -> None:
    """Put the bundled sample back (after it was cleared or replaced)."""
    set_dataset(load_sample(), sample=True)


def clear_sample() -> None:
    """Drop the bundled sample (one click on the Data page)."""
    set_dataset(Dataset())
    s = session()
    s.loads, s.last_batch, s.replaced_sample = [], 0, False
    s.offers, s.notices = [], []


def record_loads(loaded: list[Loaded], *, batch: bool = True) -> None:
    """Remember what became of these files, newest first, bounded. A new `batch` (an upload)
    is what the page reports at its top; a single file read again is not."""
    s = session()
    # A file read again (mapped, or for another employee) is reported as it is now: its
    # earlier attempts leave the log.
    again = {item.digest for item in loaded}
    earlier = [item for item in s.loads if item.digest not in again]
    s.loads = [*reversed(loaded), *earlier][:LOG_LIMIT]
    s.last_batch = len(loaded) if batch else 0
    if not batch:
        s.replaced_sample = False  # said once, after the upload that did it


# --- files waiting for the user ---------------------------------------------------------


def offers() -> list[Any]:
    return session().offers


def open_offers(new: list[Any]) -> None:
    """Show a mapping form for each of these files (a file already waiting keeps its form)."""
    s = session()
    fresh = [o for o in new if o.digest not in {x.digest for x in s.offers}]
    s.offers = [*fresh, *s.offers]


def close_offers(digests: set[str]) -> None:
    s = session()
    s.offers = [o for o in s.offers if o.digest not in digests]


def notify(kind: str, text: str) -> None:
    """A message for the next run of the page (after `st.rerun()`): kind success/info/error."""
    session().notices.append((kind, text))


def take_notices() -> list[tuple[str, str]]:
    s = session()
    notices, s.notices = s.notices, []
    return notices


def auditor() -> Auditor | None:
    """The prepared audit of the current dataset (None when empty), prepared once per dataset
    and shared with the sessions that hold the same data in the same scope (`shared`)."""
    s = session()
    if not s.dataset.files:
        return None
    if s.auditor is None or s.audited is not s.dataset:
        with st.spinner(t("ui_preparing", lang())):
            s.auditor, s.audited = shared.auditor(s.dataset), s.dataset
    return s.auditor


# --- settings and period -----------------------------------------------------------


def settings() -> Settings:
    return session().settings


def set_settings(value: Settings) -> None:
    session().settings = value


def period() -> Period | None:
    """The audit period: what the user chose, else the span of the data."""
    s = session()
    audit = auditor()
    if audit is None:
        return None
    return s.period or audit.period()


def set_period(value: Period | None) -> None:
    session().period = value


def scorecard() -> Scorecard | None:
    """The scorecard for the current data, settings and period (measures cached by the Auditor)."""
    audit = auditor()
    if audit is None:
        return None
    return audit.scorecard(settings(), period())


def context() -> Any:
    """The engine's context for drill-down tables (departments, weeks, months).

    Kept for the latest period and platforms: its aggregates are one pass over the action
    log, which a page redrawn for a new weight or language must not pay again.
    """
    audit = auditor()
    if audit is None:
        return None
    s, chosen, current = session(), period(), settings()
    key = (id(audit), chosen, current.expected_platforms)
    if s.context_key != key:
        s.context, s.context_key = audit.context(current, chosen), key
    return s.context
