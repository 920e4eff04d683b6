"""A saved audit opened in the dashboard: its stored tables, questionnaire, settings and
period become the session's, so every page works on it as if its files had just been
uploaded, and a banner names it. The consultant's notes written meanwhile on the
Criteria and Gaps pages are kept with that audit.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import Lang, t
from dashboard.store import Access, AuditInfo, get_audit, load_dataset, load_sums
from dashboard.ui import nav, saved, state, views


@dataclass(frozen=True)
class Reopened:
    """Which saved audit the session's data came from (what the banner and the notes need)."""

    slug: str
    workspace: str
    audit_id: int
    number: int  # what people read: n. 1 is the workspace's first
    name: str


def open_audit(engine: Engine, access: Access, info: AuditInfo, lang: Lang) -> None:
    """Load the audit into the session and go to the overview; when a table was too large
    to be kept, say so and change nothing."""
    stored = get_audit(engine, access, info.id)
    dataset = load_dataset(engine, access, info.id)
    if dataset is None:
        st.error(t("ui.reopen.not_kept", lang), icon=":material/error:")
        return
    state.open_saved(
        dataset,
        stored.settings(),
        stored.questionnaire(),
        info.period,
        Reopened(access.slug, access.name, info.id, info.number, info.name),
        load_sums(engine, access, info.id),
    )
    st.switch_page(nav.page("overview", lang))


def reopened() -> Reopened | None:
    value = state.reopened()
    return value if isinstance(value, Reopened) else None


def banner(lang: Lang) -> None:
    """Above every page while the session works on a saved audit."""
    audit = reopened()
    if audit is None:
        return
    st.info(
        t(
            "ui.reopen.banner",
            lang,
            name=views.plain(audit.name),
            id=audit.number,
            workspace=views.plain(audit.workspace),
        ),
        icon=":material/history:",
    )


def notes_access() -> tuple[Access, int] | None:
    """The grant and the audit the notes of this session's data go to, while the session
    works on a saved audit it may still read (None otherwise)."""
    audit = reopened()
    if audit is None:
        return None
    access = saved.granted().get(audit.slug)
    return None if access is None else (access, audit.audit_id)
