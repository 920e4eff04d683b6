"""Everything one browser session remembers, behind typed accessors over `st.session_state`.

What is kept: the language, the loaded `Dataset` (parsed tables, never upload bytes),
the prepared `Auditor` for that dataset, the questionnaire's answers, the settings, the
period, whether names are shown, the load log of the files tried, and the mapping forms
still open (file names and headers: their bytes wait in `uploads.held()`); for saved
audits, what this session was granted and the pages' choices. Every key is declared
here, once, with its type (`Key`); no other module touches `st.session_state`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import streamlit as st

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria.context import Context
from dashboard.criteria.cube import Sums
from dashboard.i18n import DEFAULT_LANG, LANGS, Lang, language_of, t
from dashboard.ingest import Dataset, Loaded
from dashboard.messages import Msg
from dashboard.period import Period
from dashboard.prepared import shared_auditor
from dashboard.questionnaire import merged_answers
from dashboard.scoring import Scorecard
from dashboard.settings import Settings
from dashboard.store.access import Access
from dashboard.store.workspaces import SAMPLE_SLUG

log = logging.getLogger("presenza.app")

LOG_LIMIT = 40  # files remembered in the load report


@dataclass
class Session:
    """The audit state of one browser session (one object in session state)."""

    dataset: Dataset = field(default_factory=Dataset)
    sample: bool = False  # the dataset is the bundled sample
    auditor: Auditor | None = None
    audited: Dataset | None = None  # the dataset `auditor` was prepared from
    kept_sums: tuple[Dataset, Sums] | None = None  # a reopened audit's log sums, and its tables
    settings: Settings = field(default_factory=Settings)
    period: Period | None = None  # the period the user chose (None: the data's span)
    chosen_span: Period | None = None  # the data's span when the user chose it
    loads: list[Loaded] = field(default_factory=list)  # newest first
    last_batch: int = 0  # how many of `loads` came with the latest upload
    replaced_sample: bool = False  # the latest upload replaced the bundled sample
    upload_round: int = 0  # bumps the uploader's key, which drops the uploaded bytes
    settings_round: int = 0  # bumps the settings editors' keys after a reset or upload
    answers: dict[str, Any] | None = None  # the questionnaire as answered here (None: the files')
    offers: list[Any] = field(default_factory=list)  # open mapping forms (`mapping.MappingOffer`)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (kind, text) shown once


T = TypeVar("T")


class Key(Generic[T]):
    """One value this session keeps, under its name: a page's choice, a grant, a message
    for the next run. Widgets that share it are given `key.name`."""

    def __init__(self, name: str, default: Callable[[], T]) -> None:
        self.name, self._default = name, default

    def get(self) -> T:
        """The value, or (stored first) the default: a kept list or dict can be changed."""
        if self.name not in st.session_state:
            st.session_state[self.name] = self._default()
        return st.session_state[self.name]

    def set(self, value: T) -> None:
        st.session_state[self.name] = value

    def pop(self) -> T:
        """The value, forgotten (a message shown once, a dialog closed)."""
        return st.session_state.pop(self.name, self._default())

    def is_set(self) -> bool:
        return self.name in st.session_state


def _none() -> Any:
    return None


LANG: Key[str] = Key("lang", lambda: DEFAULT_LANG)
SHOW_NAMES: Key[bool] = Key("show_names", lambda: False)  # the sidebar's toggle
SESSION: Key[Session] = Key("session", Session)


def widget(name: str) -> Any:
    """A widget's current value, by its key (in a widget's callback)."""
    return st.session_state.get(name)


def set_widget(name: str, value: Any) -> None:
    """Set a widget's value before it is drawn (two copies of one control agree)."""
    st.session_state[name] = value


def forget(*names: str) -> None:
    """Drop widgets' values, so they start empty on the next run."""
    for name in names:
        st.session_state.pop(name, None)


def init_language() -> None:
    """The interface language, from the browser on a session's first run."""
    if not LANG.is_set():
        LANG.set(language_of(st.context.locale))


def init() -> None:
    """First run of a session: language from the browser, the bundled sample loaded."""
    init_language()
    SHOW_NAMES.get()
    if not SESSION.is_set():
        fresh = Session()
        try:
            fresh.dataset = load_sample()
            fresh.sample = bool(fresh.dataset.files)
        except Exception:  # the app must open even when the sample is broken
            log.exception("the bundled sample could not be loaded")
        SESSION.set(fresh)


def session() -> Session:
    init()
    return SESSION.get()


def lang() -> Lang:
    value = LANG.get()
    return value if value in LANGS else DEFAULT_LANG


def set_lang(value: Lang) -> None:
    LANG.set(value)


def show_names() -> bool:
    return bool(SHOW_NAMES.get())


# --- the data -------------------------------------------------------------------


def dataset() -> Dataset:
    return session().dataset


def set_dataset(value: Dataset, *, sample: bool = False, reset_period: bool = False) -> None:
    """Replace the dataset. The period the user chose stays (an upload, a removal or a
    mapping never changes what is audited behind their back; `period_news` says when the
    data now reaches beyond it); only putting back or clearing the sample resets it. Answers
    given here while the sample was loaded stay with the sample."""
    s = session()
    if s.sample != sample:
        s.answers = None
    if value is not s.dataset:
        REOPENED.set(None)  # the data on screen is no longer the saved audit's
    s.dataset, s.sample = value, sample
    if reset_period:
        s.period = s.chosen_span = None


def open_saved(
    value: Dataset,
    settings: Settings,
    answers: Mapping[str, Any],
    period: Period,
    audit: Any,
    sums: Sums | None = None,
) -> None:
    """Work on a saved audit: its tables, answers, settings and period replace the session's,
    as if its files had just been uploaded; `audit` (what the banner names) is remembered;
    `sums`, the log's monthly sums kept with it, prepare it without summing the log again."""
    set_dataset(value)
    s = session()
    s.kept_sums = None if sums is None else (value, sums)
    s.settings, s.answers, s.period = settings, dict(answers), period
    s.loads, s.last_batch, s.replaced_sample, s.offers = [], 0, False, []
    s.settings_round += 1  # the settings editors show the audit's values
    REOPENED.set(audit)


def reopened() -> Any:
    """The saved audit the session's data came from (None once other data is loaded)."""
    return REOPENED.get()


def questionnaire() -> dict[str, Any]:
    """The governance questionnaire as answered: in the app when it was (the whole form),
    else by the questionnaire files loaded."""
    s = session()
    return s.dataset.questionnaire if s.answers is None else s.answers


def set_answers(value: Mapping[str, Any]) -> None:
    """The questionnaire as answered in the app: scoring re-measures the criteria it feeds,
    and nothing is prepared again."""
    session().answers = dict(value)


def add_answers(loaded: list[Loaded]) -> None:
    """Questionnaire files just loaded override the answers given here, key by key."""
    s = session()
    files = [item.questionnaire for item in loaded if item.ok and item.questionnaire]
    if files and s.answers is not None:
        s.answers = merged_answers(s.answers, files)


def reload_sample() -> None:
    """Put the bundled sample back (after it was cleared or replaced)."""
    set_dataset(load_sample(), sample=True, reset_period=True)
    session().answers = None


def clear_sample() -> None:
    """Drop the bundled sample (one click on the Data page)."""
    set_dataset(Dataset(), reset_period=True)
    s = session()
    s.loads, s.last_batch, s.replaced_sample, s.answers = [], 0, False, None
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


def forget_loads(digests: set[str]) -> None:
    """Removed files leave the page: their messages, their problems in the load report
    and any form still open for them."""
    s = session()
    batch = s.loads[: s.last_batch]
    s.loads = [item for item in s.loads if item.digest not in digests]
    s.last_batch = sum(item.digest not in digests for item in batch)
    s.offers = [o for o in s.offers if o.digest not in digests]


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
    and shared with the sessions that hold the same data in the same scope (`prepared`)."""
    s = session()
    if not s.dataset.files:
        return None
    if s.auditor is None or s.audited is not s.dataset:
        kept = s.kept_sums
        sums = kept[1] if kept is not None and kept[0] is s.dataset else None
        with st.spinner(t("ui.preparing", lang())):
            s.auditor = shared_auditor(s.dataset, _workspace_id(), sums)
            s.audited, s.kept_sums = s.dataset, None
    return s.auditor


def _workspace_id() -> int | None:
    """The workspace this session works in and was granted, where the data it loaded may
    be shared (`prepared`); None for the sample's workspace or none."""
    access = GRANTS.get().get(WORKSPACE.get() or SAMPLE_SLUG)
    return None if access is None or access.slug == SAMPLE_SLUG else access.workspace_id


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
    """The period the user chose (None: follow the data's span), remembered with the span
    the data had then, so new data that reaches beyond it can be pointed out."""
    s = session()
    audit = auditor()
    s.period = value
    s.chosen_span = audit.default_period() if value is not None and audit is not None else None


def data_span() -> Period | None:
    """The days the loaded data covers (first to last post or action)."""
    audit = auditor()
    return None if audit is None else audit.default_period()


def period_news() -> Period | None:
    """The data's span when data loaded since the user chose the period reaches beyond it
    (the sidebar offers to switch with one click); else None."""
    s = session()
    span = data_span()
    if s.period is None or span is None or span == s.chosen_span or s.period.covers(span):
        return None
    return span


def scorecard() -> Scorecard | None:
    """The scorecard for the current data, settings and period (measures cached by the Auditor)."""
    audit = auditor()
    if audit is None:
        return None
    return audit.scorecard(settings(), period(), questionnaire())


def context() -> Context | None:
    """The engine's context for drill-down tables (departments, weeks, months): the one the
    Auditor scored with, so its aggregates (one pass over the action log) are not paid again
    for a new weight or language."""
    audit = auditor()
    if audit is None:
        return None
    return audit.context(settings(), period(), questionnaire())


# --- saved audits: what this session was granted, and the pages' choices ---------------------

GRANTS: Key[dict[str, Access]] = Key("store_access", dict)  # workspace slug → access granted
WORKSPACE: Key[str | None] = Key("store_workspace", _none)  # the one the Saved audits page shows
GRANT_ENDED: Key[bool] = Key("store_grant_ended", bool)  # a grant was dropped: the gate says why
SERVER_GRANT: Key[str | None] = Key("signin_server", _none)  # the server passphrase given
FLASH: Key[str | None] = Key("audits_flash", _none)  # said once, after the rerun a change makes
SAVE_ROUND: Key[int] = Key("audits_save_round", int)  # a new round empties the save form
SAVED_BY: Key[str | None] = Key("audits_saved_by", _none)  # the save form's "saved by"
SELECTED: Key[int | None] = Key("audits_selected", _none)  # the audit to rename or delete
DELETING: Key[int | None] = Key("audits_deleting", _none)  # whose delete dialog is open
DELETE_CONFIRM = "audits_delete_confirm"  # the delete dialog's typed name (a widget)
COMPARE_BEFORE: Key[int | None] = Key("compare_before", _none)
COMPARE_AFTER: Key[int | None] = Key("compare_after", _none)
TOKEN_SHOWN: Key[str | None] = Key("audits_token_shown", _none)  # a save token, shown once
WORKSPACE_PICK = "audits_workspace"  # the workspace picker (a widget)
EXECUTIVE: Key[dict[int, Any]] = Key("executive_cache", dict)  # workspace id → what it showed
TREND_CRITERIA: Key[list[str] | None] = Key("exec_trend_criteria", _none)
TREND_AUDIT: Key[int | None] = Key("exec_trend_audit", _none)  # the audit they were picked for
PRESENTED: Key[dict[int, Any]] = Key("present_cache", dict)  # audit id → the audits it shows
REOPENED: Key[Any] = Key("reopened_audit", _none)  # the saved audit the session works on
NOTES_ROUND: Key[int] = Key("notes_round", int)  # a new round redraws the note forms from the store
ACTION_PICK: Key[int | None] = Key("actions_pick", _none)  # the action being edited
REPORT_AUDIT: Key[int | None] = Key("audits_report_pick", _none)  # the audit to deliver
# The deliverable prepared last, for the choices made: ((format, language, names, where,
# period), bytes, file name). One at a time, this session only.
REPORT_FILE: Key[tuple[Any, bytes, str] | None] = Key("report_file", _none)

# --- the other pages' choices ----------------------------------------------------------------

CRITERION: Key[str | None] = Key("criterion_pick", _none)  # the Criteria page's criterion
GAP_CRITERIA: Key[list[str]] = Key("gaps_criteria", list)  # the Gaps page's filters
GAP_PRIORITY: Key[float] = Key("gaps_priority", float)
SETTINGS_ERROR: Key[Msg | None] = Key("settings_error", _none)  # said once on the next run
SETTINGS_LOADED: Key[str | None] = Key("settings_loaded", _none)  # the settings file just read
REMOVE_FILES = "remove_files"  # the Data page's files to remove (a widget)
