"""Audits are numbered per workspace: a new workspace's first audit is n. 1 whatever the
other workspaces hold, a deleted audit's number is never given again, and people name an
audit by its number (the delete confirmation, the terminal, a presentation link).
Migration 0008 numbers the audits of an older store within each workspace, in the order
they were saved. On SQLite, and on PostgreSQL when PRESENZA_TEST_DATABASE_URL is set."""

from __future__ import annotations

import pytest
import stores
from sqlalchemy import func, select

from dashboard.audit import run_audit
from dashboard.bundled import load_sample
from dashboard.ingest import Dataset
from dashboard.report.deliver import saved_report
from dashboard.scoring import Scorecard
from dashboard.settings import Settings
from dashboard.store import (
    ConfirmationRequired,
    NotFound,
    audit_info,
    audit_numbered,
    create_workspace,
    delete_audit,
    list_audits,
    open_store,
    save_audit,
    trusted_access,
)
from dashboard.store.workspaces import SAMPLE_SLUG

store_url, run_cli = stores.store_url, stores.run_cli  # fixtures: SQLite, and PostgreSQL


@pytest.fixture(scope="module")
def sample() -> tuple[Dataset, Scorecard]:
    dataset = load_sample()
    return dataset, run_audit(dataset)


def test_each_workspace_counts_its_own_audits_and_never_reuses_a_number(
    store_url: str, sample
) -> None:
    dataset, card = sample
    engine = open_store(store_url)  # with the sample workspace's two audits
    try:

        def save(access, name: str) -> int:
            return save_audit(engine, access, card, dataset, Settings(), saved_by="t", name=name)

        acme, beta = create_workspace(engine, "acme"), create_workspace(engine, "beta")
        a1, b1, a2 = save(acme, "A one"), save(beta, "B one"), save(acme, "A two")
        numbers = {a.name: a.number for a in list_audits(engine, acme)}
        assert numbers == {"A one": 1, "A two": 2}
        assert [a.number for a in list_audits(engine, beta)] == [1]
        sample_access = trusted_access(engine, SAMPLE_SLUG)
        assert sorted(a.number for a in list_audits(engine, sample_access)) == [1, 2]
        assert len({a1, b1, a2}) == 3 and audit_info(engine, beta, b1).number == 1

        # People name an audit by its number, within the workspace they are in.
        assert audit_numbered(engine, acme, 2) == a2 and audit_numbered(engine, beta, 1) == b1
        with pytest.raises(NotFound):
            audit_numbered(engine, beta, 2)  # acme has a number 2; beta does not
        # Deleting asks for the name or the number people see, not the store's key.
        assert a2 != 2
        with pytest.raises(ConfirmationRequired):
            delete_audit(engine, acme, a2, str(a2))
        delete_audit(engine, acme, a2, "2")
        # The deleted number is not given again: the next audit is n. 3, not a second n. 2.
        a3 = save(acme, "A three")
        assert audit_info(engine, acme, a3).number == 3
        assert [a.number for a in list_audits(engine, acme)] == [3, 1]
        # The deliverable names the audit it compares with by the same number.
        report = saved_report(engine, acme, a3, "en")
        assert "since the previous audit (#1 · " in report.summary.change_text
    finally:
        engine.dispose()


def test_the_terminal_names_audits_by_workspace_and_number(tmp_path, sample) -> None:
    dataset, card = sample
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = open_store(url)
    try:
        acme = create_workspace(engine, "acme")
        for name in ("Gennaio", "Febbraio"):
            save_audit(engine, acme, card, dataset, Settings(), saved_by="t", name=name)
    finally:
        engine.dispose()
    listed = run_cli(url, "audits", "list", "acme")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split()[:2] for line in listed.stdout.splitlines()[1:]]
    assert rows == [["2", "Febbraio"], ["1", "Gennaio"]]
    shown = run_cli(url, "audits", "show", "acme", "1", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert '"name": "Gennaio"' in shown.stdout and '"number": 1' in shown.stdout
    report = run_cli(
        url, "report", "--workspace", "acme", "--audit", "3", "--out", str(tmp_path / "x.pdf")
    )
    assert report.returncode == 2 and "no audit number 3 in 'acme'" in report.stderr


def _insert(connection, sql: str) -> None:
    connection.exec_driver_sql(sql)


def test_migration_0008_numbers_each_workspaces_audits_in_the_order_they_were_saved(
    store_url: str, sample
) -> None:
    """A store at 0007 with audits of two workspaces saved in turns (and two saved in the
    same instant, ordered by id): each workspace's are numbered 1, 2, 3… by save time, the
    notes and tables of every audit stay, and the next save continues the count."""
    from alembic import command

    from dashboard.store.db import alembic_config, make_engine, migrate, writer
    from dashboard.store.models import Audit, AuditNote, AuditTable, Workspace

    store = make_engine(store_url)
    try:
        config = alembic_config()
        with writer(store).begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0007")
            for wid, slug in ((1, "acme"), (2, "beta")):
                _insert(
                    connection,
                    "INSERT INTO workspaces (id, slug, name, is_open, revision, created_at,"
                    f" grant_epoch) VALUES ({wid}, '{slug}', '{slug}', false, 0,"
                    " '2026-01-01 00:00:00', 0)",
                )
            # (id, workspace, saved at): ids out of save order, workspaces in turns.
            saved = [
                (10, 1, "2026-03-01 09:00:00"),
                (11, 2, "2026-02-01 09:00:00"),
                (12, 1, "2026-01-15 09:00:00"),
                (13, 2, "2026-02-01 09:00:00"),  # same instant as 11: after it, by id
                (14, 1, "2026-04-01 09:00:00"),
            ]
            for aid, wid, at in saved:
                _insert(
                    connection,
                    "INSERT INTO audits (id, workspace_id, name, period_start, period_end,"
                    " saved_by, saved_at, is_current, measured, total, scorecard, settings,"
                    f" questionnaire, inputs) VALUES ({aid}, {wid}, 'a{aid}', '2026-01-01',"
                    f" '2026-01-31', 't', '{at}', {'true' if aid in (13, 14) else 'false'},"
                    " 0, 12, '{}', '', '', '[]')",
                )
            _insert(
                connection,
                "INSERT INTO audit_tables (audit_id, table_name, row_count, digest) VALUES"
                " (12, 'roster', 3, 'abc')",
            )
            _insert(
                connection,
                "INSERT INTO audit_notes (audit_id, subject, comment, carried_over, written_by,"
                " written_at) VALUES (14, 'summary', 'Bene', false, 'c', '2026-04-02 00:00:00')",
            )
        migrate(store)
        with store.connect() as connection:
            numbers = dict(connection.execute(select(Audit.id, Audit.number)).all())
            last = dict(
                connection.execute(select(Workspace.slug, Workspace.last_audit_number)).all()
            )
            kept = [
                connection.scalar(select(func.count()).select_from(table))
                for table in (AuditTable, AuditNote)
            ]
        assert numbers == {12: 1, 10: 2, 14: 3, 11: 1, 13: 2}
        assert last == {"acme": 3, "beta": 2}
        assert kept == [1, 1]
    finally:
        store.dispose()

    engine = open_store(store_url, sample=False)
    try:
        dataset, card = sample
        beta = trusted_access(engine, "beta")
        audit_id = save_audit(engine, beta, card, dataset, Settings(), saved_by="t")
        assert audit_info(engine, beta, audit_id).number == 3
    finally:
        engine.dispose()
