"""The action plan in the store: made from a gap, changed, listed with its metric before and
after, "done but unmoved" flagged; on SQLite and PostgreSQL, and through the CLI."""

from __future__ import annotations

from datetime import date

import pytest
import stores
from sqlalchemy import Engine

from dashboard.actions import is_due, is_late, moved
from dashboard.criteria import registry
from dashboard.criteria.base import NOTHING_TO_COUNT, Measure
from dashboard.criteria.context import empty_data
from dashboard.ingest import Dataset
from dashboard.period import Period
from dashboard.scoring import Scorecard, score
from dashboard.settings import Settings
from dashboard.store import (
    AccessDenied,
    InvalidName,
    NotFound,
    create_workspace,
    delete_audit,
    latest_change_token,
    save_audit,
    set_passphrase,
    trusted_access,
)
from dashboard.store.actions import ActionChange, create_action, list_actions, update_action
from dashboard.store.workspaces import SAMPLE_SLUG

store_url, engine, run_cli = stores.store_url, stores.engine, stores.run_cli

PARTICIPATION = "involvement.participation_rate"
PRESENCE = "presence.platform_coverage"
CONCENTRATION = "involvement.top10_concentration"  # lower is better


def card(period: Period, **values: float) -> Scorecard:
    given = {k.replace("__", "."): v for k, v in values.items()}
    measures = {
        m: Measure(given[m]) if m in given else Measure.not_measured(NOTHING_TO_COUNT)
        for m in registry.metrics()
    }
    return score(empty_data(), period, Settings(), measures)


JAN = Period(date(2026, 1, 1), date(2026, 1, 31))
FEB = Period(date(2026, 2, 1), date(2026, 2, 28))
MAR = Period(date(2026, 3, 1), date(2026, 3, 31))
BEFORE = card(JAN, involvement__participation_rate=0.15, presence__platform_coverage=0.5)
AFTER = card(FEB, involvement__participation_rate=0.25, presence__platform_coverage=0.5)


def save(engine: Engine, access, scorecard: Scorecard) -> int:
    return save_audit(engine, access, scorecard, Dataset(), Settings(), saved_by="test")


def test_moved_follows_the_metrics_direction_and_a_one_point_step() -> None:
    assert moved(PARTICIPATION, 0.15, 0.25) is True
    assert moved(PARTICIPATION, 0.25, 0.15) is False
    # participation ramps 0.05 → 0.3: one point is 0.0025
    assert moved(PARTICIPATION, 0.15, 0.1524) is False
    assert moved(PARTICIPATION, 0.15, 0.1526) is True
    assert moved(CONCENTRATION, 0.8, 0.6) is True  # concentration falls: better
    assert moved(CONCENTRATION, 0.6, 0.8) is False
    assert moved(PARTICIPATION, None, 0.3) is None
    assert moved(PARTICIPATION, 0.1, None) is None


def test_late_and_due_count_open_actions_only() -> None:
    today = date(2026, 5, 10)
    assert is_late("planned", date(2026, 5, 9), today)
    assert not is_late("planned", date(2026, 5, 10), today)
    assert not is_late("done", date(2026, 1, 1), today)
    assert not is_late("in_progress", None, today)
    assert is_due("in_progress", date(2026, 6, 10), today)
    assert not is_due("in_progress", date(2026, 6, 11), today)
    assert is_due("planned", date(2026, 1, 1), today)  # late is due too
    assert not is_due("dropped", date(2026, 5, 20), today)


def test_an_action_from_a_gap_shows_before_and_after_once_a_later_audit_is_saved(
    engine: Engine,
) -> None:
    access = create_workspace(engine, "acme")
    first = save(engine, access, BEFORE)
    moving = create_action(
        engine, access, first, PARTICIPATION, "Ambassador programme", "HR",
        created_by="consultant", due=date(2026, 3, 31),
    )  # fmt: skip
    stuck = create_action(
        engine, access, first, PRESENCE, "Open an Instagram account", "Marketing",
        created_by="consultant",
    )  # fmt: skip
    [a, b] = list_actions(engine, access)
    assert (a.id, a.criterion, a.metric, a.status) == (
        moving,
        "involvement",
        PARTICIPATION,
        "planned",
    )
    assert (a.before, a.after, a.after_audit, a.moved, a.flagged) == (0.15, None, None, None, False)
    assert (a.what, a.owner, a.due, a.audit_id) == (
        "Ambassador programme",
        "HR",
        date(2026, 3, 31),
        first,
    )
    update_action(engine, access, moving, ActionChange(status="done"))
    update_action(engine, access, stuck, ActionChange(status="done", owner="Comms"))
    assert not any(x.flagged for x in list_actions(engine, access))  # no later audit yet

    second = save(engine, access, AFTER)
    [a, b] = list_actions(engine, access)
    assert (a.before, a.after, a.after_audit, a.moved, a.flagged) == (
        0.15,
        0.25,
        second,
        True,
        False,
    )
    assert (b.before, b.after, b.moved, b.flagged, b.owner) == (0.5, 0.5, False, True, "Comms")
    # An audit of an earlier period saved later is not "after": the calendar decides.
    save(engine, access, card(Period(date(2025, 12, 1), date(2025, 12, 31))))
    assert list_actions(engine, access)[0].after_audit == second
    # Not done: never flagged, whatever the metric did.
    update_action(engine, access, stuck, ActionChange(status="in_progress"))
    assert not list_actions(engine, access)[1].flagged
    # The audit it came from deleted: the action stays, with its value before.
    delete_audit(engine, access, first, str(first))
    [a, _] = list_actions(engine, access)
    assert (a.audit_id, a.before, a.after, a.after_audit) == (None, 0.15, 0.25, second)


def test_an_update_changes_only_what_it_names(engine: Engine) -> None:
    access = create_workspace(engine, "acme")
    audit = save(engine, access, BEFORE)
    action = create_action(engine, access, audit, PARTICIPATION, "Plan", "HR", created_by="c",
                           due=date(2026, 4, 1))  # fmt: skip
    token = latest_change_token(engine, access)
    update_action(engine, access, action, ActionChange(what="  Better plan "))
    [a] = list_actions(engine, access)
    assert (a.what, a.owner, a.due, a.status) == ("Better plan", "HR", date(2026, 4, 1), "planned")
    assert latest_change_token(engine, access) > token  # the executive view redraws
    update_action(engine, access, action, ActionChange(due=date(2026, 5, 1)))
    assert list_actions(engine, access)[0].due == date(2026, 5, 1)
    update_action(engine, access, action, ActionChange(clear_due=True))
    assert list_actions(engine, access)[0].due is None
    assert list_actions(engine, access)[0].updated_at >= a.created_at


def test_bad_actions_are_refused_and_nothing_is_written(engine: Engine) -> None:
    access = create_workspace(engine, "acme")
    audit = save(engine, access, BEFORE)
    with pytest.raises(InvalidName):  # meets its target in that audit: not a gap
        create_action(engine, access, audit, "voice.commentary_share", "x", "y", created_by="c")
    with pytest.raises(InvalidName):
        create_action(engine, access, audit, PARTICIPATION, "   ", "HR", created_by="c")
    with pytest.raises(InvalidName):
        create_action(engine, access, audit, PARTICIPATION, "x", "HR", created_by="c",
                      status="finished")  # fmt: skip
    with pytest.raises(InvalidName):
        create_action(engine, access, audit, PARTICIPATION, "x", "HR", created_by="c",
                      due=date(1800, 1, 1))  # fmt: skip
    with pytest.raises(NotFound):
        create_action(engine, access, audit + 99, PARTICIPATION, "x", "HR", created_by="c")
    assert list_actions(engine, access) == []
    action = create_action(engine, access, audit, PARTICIPATION, "x", "HR", created_by="c")
    with pytest.raises(InvalidName):
        update_action(engine, access, action, ActionChange(status="finished"))
    assert list_actions(engine, access)[0].status == "planned"


def test_actions_stay_in_their_workspace_and_viewers_only_read(engine: Engine) -> None:
    acme = create_workspace(engine, "acme", editor_passphrase="rondine verde sul tetto")
    beta = create_workspace(engine, "beta")
    acme_audit, beta_audit = save(engine, acme, BEFORE), save(engine, beta, BEFORE)
    action = create_action(engine, acme, acme_audit, PARTICIPATION, "x", "HR", created_by="c")
    with pytest.raises(NotFound):  # another workspace's audit
        create_action(engine, beta, acme_audit, PARTICIPATION, "x", "HR", created_by="c")
    with pytest.raises(NotFound):  # another workspace's action
        update_action(engine, beta, action, ActionChange(status="done"))
    assert list_actions(engine, beta) == []
    create_action(engine, beta, beta_audit, PARTICIPATION, "y", "HR", created_by="c")
    assert [a.what for a in list_actions(engine, acme)] == ["x"]
    acme = set_passphrase(engine, acme, "viewer", "gabbiano blu sul molo")
    viewer = trusted_access(engine, "acme", "viewer")
    assert len(list_actions(engine, viewer)) == 1
    with pytest.raises(AccessDenied):
        update_action(engine, viewer, action, ActionChange(status="done"))
    with pytest.raises(AccessDenied):
        create_action(engine, viewer, acme_audit, PARTICIPATION, "x", "HR", created_by="c")


def test_the_sample_workspace_takes_no_actions(store_url: str) -> None:
    from dashboard.store import list_audits, open_store

    engine = open_store(store_url)
    try:
        sample = trusted_access(engine, SAMPLE_SLUG)
        audit = list_audits(engine, sample)[0]
        with pytest.raises(AccessDenied):
            create_action(engine, sample, audit.id, PARTICIPATION, "x", "HR", created_by="c")
    finally:
        engine.dispose()


def test_migration_0007_keeps_every_workspace_passphrase_and_audit(store_url: str) -> None:
    """Adding the profile columns must not copy the workspaces table on SQLite: dropping the
    old copy would delete passphrases and audits through their cascades."""
    from alembic import command
    from sqlalchemy import func, select

    from dashboard.store.db import alembic_config, make_engine, migrate, writer
    from dashboard.store.models import Audit, Passphrase, Workspace

    store = make_engine(store_url)
    try:
        config = alembic_config()
        with writer(store).begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0005")
            connection.exec_driver_sql(
                "INSERT INTO workspaces (id, slug, name, is_open, revision, created_at, grant_epoch)"
                " VALUES (1, 'acme', 'Acme', false, 0, '2026-01-01 00:00:00', 0)"
            )
            connection.exec_driver_sql(
                "INSERT INTO passphrases (workspace_id, role, kdf, salt, digest, set_at) VALUES "
                "(1, 'editor', 'scrypt:n=16384,r=8,p=1', 'ss', 'dd', '2026-01-01 00:00:00')"
                if connection.dialect.name == "sqlite"
                else "INSERT INTO passphrases (workspace_id, role, kdf, salt, digest, set_at) "
                "VALUES (1, 'editor', 'scrypt', 'ss'::bytea, 'dd'::bytea, '2026-01-01 00:00:00')"
            )
            connection.exec_driver_sql(
                "INSERT INTO audits (workspace_id, name, period_start, period_end, saved_by,"
                " saved_at, is_current, measured, total, scorecard, settings, questionnaire,"
                " inputs) VALUES (1, 'a', '2026-01-01', '2026-01-31', 't',"
                " '2026-02-01 00:00:00', true, 0, 12, '{}', '', '', '[]')"
            )
        migrate(store)
        with store.connect() as connection:
            counts = [
                connection.scalar(select(func.count()).select_from(table))
                for table in (Workspace, Passphrase, Audit)
            ]
            profile = connection.execute(
                select(Workspace.sector, Workspace.peer_opt_out, Workspace.lang)
            ).one()
        assert counts == [1, 1, 1]
        assert tuple(profile) == (None, False, "it")
    finally:
        store.dispose()
