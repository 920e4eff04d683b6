"""Consultant notes in the store: kept with one audit, checked, editors only, carried over to
the next audit, deleted with theirs. Every test runs on SQLite, and on PostgreSQL too when
PRESENZA_TEST_DATABASE_URL is set."""

from __future__ import annotations

from datetime import date

import pytest
import stores
from sqlalchemy import Engine, func, select, update

from dashboard.criteria import registry
from dashboard.criteria.base import NOTHING_TO_COUNT, Measure
from dashboard.criteria.context import empty_data
from dashboard.ingest import Dataset
from dashboard.period import Period
from dashboard.scoring import Scorecard, score
from dashboard.settings import Settings
from dashboard.store import (
    AccessDenied,
    InvalidNote,
    NotFound,
    audit_notes,
    create_workspace,
    delete_audit,
    latest_change_token,
    save_audit,
    trusted_access,
    write_note,
    write_summary,
)
from dashboard.store.models import AuditNote, Workspace

store_url, engine = stores.store_url, stores.engine  # fixtures: SQLite, and PostgreSQL

GAP = "involvement.participation_rate"


def card(period: Period, participation: float) -> Scorecard:
    measures = {
        m: Measure(participation) if m == GAP else Measure.not_measured(NOTHING_TO_COUNT)
        for m in registry.metrics()
    }
    return score(empty_data(), period, Settings(), measures)


Q1 = card(Period(date(2026, 1, 1), date(2026, 3, 31)), 0.10)
Q2 = card(Period(date(2026, 4, 1), date(2026, 6, 30)), 0.12)
Q3 = card(Period(date(2026, 7, 1), date(2026, 9, 30)), 0.20)


def save(engine: Engine, access, scorecard: Scorecard) -> int:
    return save_audit(engine, access, scorecard, Dataset(), Settings(), saved_by="test")


@pytest.fixture
def acme(engine: Engine):
    create_workspace(engine, "acme")
    return trusted_access(engine, "acme")


def test_a_note_per_criterion_and_gap_and_a_summary_are_kept_with_their_audit(
    engine: Engine, acme
) -> None:
    first, second = save(engine, acme, Q1), save(engine, acme, Q2)
    write_summary(engine, acme, first, "Line one\n\n  Line two  \nLine three", written_by="Ada")
    write_note(
        engine, acme, first, "criterion:involvement", comment="Few ambassadors", written_by="Ada"
    )
    write_note(
        engine,
        acme,
        first,
        f"gap:{GAP}",
        comment="HR agrees",
        recommendation="Start with the sales team",
        status="agreed",
        written_by="Ada",
    )
    notes = audit_notes(engine, acme, first)
    assert notes.summary() == ["Line one", "Line two", "Line three"]
    assert notes.criterion("involvement").comment == "Few ambassadors"
    gap = notes.gap(GAP)
    assert (gap.status, gap.recommendation, gap.written_by) == (
        "agreed",
        "Start with the sales team",
        "Ada",
    )
    assert notes.recommendation(GAP, "default") == "Start with the sales team"
    assert notes.recommendation("voice.original_share", "default") == "default"
    assert not gap.carried_over
    # Saved before the notes were written: the second audit has none of them.
    assert audit_notes(engine, acme, second).by_subject == {}


def test_writing_again_replaces_and_an_empty_note_is_removed(engine: Engine, acme) -> None:
    audit = save(engine, acme, Q1)
    write_note(engine, acme, audit, f"gap:{GAP}", comment="first", written_by="Ada")
    write_note(engine, acme, audit, f"gap:{GAP}", status="to_discuss", written_by="Bo")
    gap = audit_notes(engine, acme, audit).gap(GAP)
    assert (gap.comment, gap.status, gap.written_by) == ("", "to_discuss", "Bo")
    assert write_note(engine, acme, audit, f"gap:{GAP}", comment="  ", written_by="Bo") is None
    assert audit_notes(engine, acme, audit).by_subject == {}


@pytest.mark.parametrize(
    ("subject", "fields", "code"),
    [
        ("gap:no.such_metric", {"comment": "x"}, "store.error.note_subject"),
        ("criterion:nope", {"comment": "x"}, "store.error.note_subject"),
        (f"gap:{GAP}", {"comment": "x" * 2001}, "store.error.note_too_long"),
        (f"gap:{GAP}", {"status": "out_of_scope"}, "store.error.note_reason"),
        (f"gap:{GAP}", {"status": "maybe"}, "store.error.note_status"),
        ("criterion:voice", {"recommendation": "do it"}, "store.error.note_not_gap"),
        ("criterion:voice", {"status": "agreed"}, "store.error.note_not_gap"),
        ("summary", {"comment": "a\nb\nc\nd"}, "store.error.summary_lines"),
    ],
)
def test_a_note_that_cannot_be_kept_is_refused_with_its_reason(
    engine: Engine, acme, subject: str, fields: dict, code: str
) -> None:
    audit = save(engine, acme, Q1)
    with pytest.raises(InvalidNote) as refused:
        write_note(engine, acme, audit, subject, written_by="Ada", **fields)
    assert refused.value.msg.code == code
    assert audit_notes(engine, acme, audit).by_subject == {}


def test_out_of_scope_keeps_its_reason(engine: Engine, acme) -> None:
    audit = save(engine, acme, Q1)
    write_note(
        engine,
        acme,
        audit,
        f"gap:{GAP}",
        status="out_of_scope",
        reason="No budget",
        written_by="Ada",
    )
    gap = audit_notes(engine, acme, audit).gap(GAP)
    assert (gap.status, gap.reason) == ("out_of_scope", "No budget")


def test_viewers_the_sample_and_other_workspaces_cannot_write_or_read(engine: Engine, acme) -> None:
    audit = save(engine, acme, Q1)
    viewer = trusted_access(engine, "acme", "viewer")
    with pytest.raises(AccessDenied):
        write_note(engine, viewer, audit, "summary", comment="x", written_by="Eve")
    assert audit_notes(engine, viewer, audit).by_subject == {}  # viewers read
    create_workspace(engine, "other")
    other = trusted_access(engine, "other")
    with pytest.raises(NotFound):
        audit_notes(engine, other, audit)
    with pytest.raises(NotFound):
        write_note(engine, other, audit, "summary", comment="x", written_by="Eve")
    # An open workspace (the sample) is read-only even for an access granted before.
    with engine.begin() as connection:
        connection.execute(update(Workspace).where(Workspace.slug == "acme").values(is_open=True))
    with pytest.raises(AccessDenied):
        write_note(engine, acme, audit, "summary", comment="x", written_by="Eve")


def test_a_note_changes_the_workspace_so_live_views_redraw(engine: Engine, acme) -> None:
    audit = save(engine, acme, Q1)
    before = latest_change_token(engine, acme)
    write_note(engine, acme, audit, "criterion:voice", comment="x", written_by="Ada")
    assert latest_change_token(engine, acme) > before


def test_a_later_audit_starts_from_the_previous_notes_marked_carried_over(
    engine: Engine, acme
) -> None:
    first = save(engine, acme, Q1)
    write_summary(engine, acme, first, "Ambassadors first", written_by="Ada")
    write_note(engine, acme, first, f"gap:{GAP}", status="agreed", comment="HR", written_by="Ada")
    third = save(engine, acme, Q3)
    carried = audit_notes(engine, acme, third)
    assert carried.summary() == ["Ambassadors first"]
    assert carried.gap(GAP).carried_over and carried.gap(GAP).status == "agreed"
    assert carried.carried_over
    # Editing makes it the new audit's own; the first audit's note is untouched.
    write_note(
        engine, acme, third, f"gap:{GAP}", status="agreed", comment="HR, done", written_by="Bo"
    )
    assert not audit_notes(engine, acme, third).gap(GAP).carried_over
    assert audit_notes(engine, acme, first).gap(GAP).comment == "HR"
    # An audit saved later for an earlier quarter starts from the one before it in time.
    second = save(engine, acme, Q2)
    assert audit_notes(engine, acme, second).gap(GAP).comment == "HR"


def test_notes_go_with_their_audit(engine: Engine, acme) -> None:
    audit = save(engine, acme, Q1)
    write_note(engine, acme, audit, "criterion:voice", comment="x", written_by="Ada")
    delete_audit(engine, acme, audit, str(audit))
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(AuditNote)) == 0
