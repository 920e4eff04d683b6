"""The audit store: migrations, saving and reading audits, access, compare, trend, CLI, crashes.

Every store test runs on SQLite, and on PostgreSQL too when PRESENZA_TEST_DATABASE_URL
is set (`.ci/run` sets it); each PostgreSQL test gets a schema of its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date
from unittest import mock

import pytest
import stores
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from conftest import ROOT
from sqlalchemy import Engine, func, inspect, select, text, update

from dashboard.audit import Auditor, run_audit
from dashboard.bundled import load_sample
from dashboard.criteria import registry
from dashboard.criteria.base import NOTHING_TO_COUNT as NOT_GIVEN
from dashboard.criteria.base import Measure
from dashboard.criteria.context import empty_data
from dashboard.document import from_document, to_document
from dashboard.i18n import render
from dashboard.ingest import Dataset
from dashboard.period import Period
from dashboard.report.compare import compare, tally, trend
from dashboard.scoring import Scorecard, score
from dashboard.settings import Settings
from dashboard.store import (
    AccessDenied,
    ConfirmationRequired,
    InvalidName,
    NotFound,
    WeakPassphrase,
    authorize,
    create_workspace,
    current_audit,
    delete_audit,
    get_audit,
    history,
    issue_save_token,
    latest_change_token,
    list_audits,
    load_dataset,
    load_scorecard,
    load_sums,
    open_store,
    previous_audit,
    rename_audit,
    save_audit,
    set_current,
    set_passphrase,
    trusted_access,
    workspace_info,
)
from dashboard.store.db import alembic_config, make_engine, migrate
from dashboard.store.errors import SnapshotError, StoreUnavailable
from dashboard.store.models import Audit, AuditTable, Base, Passphrase, Workspace
from dashboard.store.tablefiles import sums_keys, table_files
from dashboard.store.workspaces import SAMPLE_SLUG, writing

# A save that stops inside its transaction (audit written, nothing committed) and says so:
# the test installs this hook in the process it then kills; the product has none.
PAUSED = "paused inside the save"
PAUSING_SAVE = f"""
import sys, time
from dashboard.store import audits
audits.INSIDE_SAVE.append(lambda: (print({PAUSED!r}, file=sys.stderr, flush=True), time.sleep(120)))
from dashboard.cli import main
sys.exit(main(sys.argv[1:]))
"""

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))
Q2 = Period(date(2026, 4, 1), date(2026, 6, 30))


store_url, engine, run_cli = (
    stores.store_url,
    stores.engine,
    stores.run_cli,
)  # fixtures: SQLite, and PostgreSQL


@pytest.fixture(scope="module")
def sample() -> tuple[Dataset, Scorecard]:
    dataset = load_sample()
    return dataset, run_audit(dataset)


def measures_with(values: dict[str, float]) -> dict[str, Measure]:
    """Every metric not measured except those given."""
    return {
        m: Measure(values[m]) if m in values else Measure.not_measured(NOT_GIVEN)
        for m in registry.metrics()
    }


# involvement: participation 0.15 → 40 (weight 2), regular 0.15 → 100 (weight 1): 60;
# presence 0.5 → 50; overall (60·1.5 + 50·1) ÷ 2.5 = 56 (as in test_scoring).
CARD_A = score(
    empty_data(),
    Q1,
    Settings(),
    measures_with(
        {
            "involvement.participation_rate": 0.15,
            "involvement.regular_rate": 0.15,
            "presence.platform_coverage": 0.5,
        }
    ),
)
# participation 0.30 → 100: involvement 100; presence 50; voice commentary 0.25 → 50:
# overall (100·1.5 + 50 + 50) ÷ 3.5 = 71.43.
CARD_B = score(
    empty_data(),
    Q2,
    Settings(),
    measures_with(
        {
            "involvement.participation_rate": 0.30,
            "involvement.regular_rate": 0.15,
            "presence.platform_coverage": 0.5,
            "voice.commentary_share": 0.25,
        }
    ),
)


def save(engine: Engine, access, card: Scorecard = CARD_A, **options) -> int:
    return save_audit(engine, access, card, Dataset(), Settings(), saved_by="test", **options)


# --- migrations ---------------------------------------------------------------------


def test_postgres_without_its_driver_says_which_extra_to_install(monkeypatch) -> None:
    """`pip install .` is SQLite only: a PostgreSQL URL without psycopg names the extra."""
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg → ImportError
    with pytest.raises(StoreUnavailable) as refused:
        make_engine("postgresql://presenza:secret@127.0.0.1/presenza")
    assert refused.value.msg.code == "store.error.no_postgres_driver"
    for lang in ("en", "it"):
        assert 'pip install "presenza[postgres]"' in render(refused.value.msg, lang)
    assert make_engine("sqlite://").dialect.name == "sqlite"  # SQLite needs no extra


def test_migrate_creates_the_schema_of_the_models_and_twice_is_a_no_op(store_url: str) -> None:
    engine = make_engine(store_url)
    try:
        migrate(engine)
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == head
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        tables = set(inspect(engine).get_table_names())
        assert tables >= {"workspaces", "passphrases", "audits", "audit_tables", "alembic_version"}
        migrate(engine)
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == head
            assert connection.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    finally:
        engine.dispose()


def test_instances_starting_together_migrate_one_after_the_other(store_url: str) -> None:
    code = "from dashboard.store.db import make_engine, migrate; migrate(make_engine())"
    environ = {**os.environ, "PRESENZA_DATABASE_URL": store_url}
    starting = [
        subprocess.Popen(
            [sys.executable, "-c", code], cwd=ROOT, env=environ, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    try:
        outcomes = [(p.communicate(timeout=60)[1], p.returncode) for p in starting]
    finally:
        for p in starting:
            p.kill()
    assert outcomes == [(b"", 0)] * 4


def test_the_sample_workspace_is_seeded_once_and_open(store_url: str) -> None:
    engine = open_store(store_url)
    open_store(store_url).dispose()  # a second instance starting: no second seeding
    try:
        access = authorize(engine, SAMPLE_SLUG, None)
        assert access.role == "viewer"  # open for a first look, read-only for everyone
        audits = list_audits(engine, access)
        assert len(audits) == 2 and sum(a.is_current for a in audits) == 1
        current = current_audit(engine, access)
        assert current is not None and previous_audit(engine, access, current.info.id) is not None
    finally:
        engine.dispose()


def test_the_sample_seeded_by_an_older_version_is_replaced_by_the_bundled_one(
    store_url: str,
) -> None:
    """An install that seeded an older bundled company (another name, other numbers) shows
    the company the Overview shows after an upgrade, not the old one under the new name."""
    engine = open_store(store_url)
    try:
        with writing(engine) as session:
            for audit in session.scalars(select(Audit)):
                audit.inputs = [{**f, "digest": "0" * 64} for f in audit.inputs]
                audit.overall_score = 81.0  # the older company's index
            session.execute(update(Workspace).values(name="Esempio S.p.A."))
        open_store(store_url).dispose()  # the upgraded version starts
        access = authorize(engine, SAMPLE_SLUG, None)
        audits = list_audits(engine, access)
        assert len(audits) == 2 and 81.0 not in {a.overall_score for a in audits}
        assert access.name == "Gruppo Aurora"
        current = current_audit(engine, access)
        auditor = Auditor(load_sample())
        expected = auditor.scorecard(Settings(), current.info.period).score
        assert current.info.overall_score == pytest.approx(expected)
        # Seeded once: a further start changes nothing.
        open_store(store_url).dispose()
        assert [a.id for a in list_audits(engine, access)] == [a.id for a in audits]
    finally:
        engine.dispose()


# --- saving and reading -----------------------------------------------------------------


def test_saving_twice_makes_two_audits_and_the_second_is_current(engine, sample) -> None:
    dataset, card = sample
    access = create_workspace(engine, "acme", "Acme S.p.A.")
    first = save_audit(engine, access, card, dataset, Settings(), saved_by="anna", name="Marzo")
    second = save_audit(engine, access, card, dataset, Settings(), saved_by="bruno")
    assert second != first
    audits = list_audits(engine, access)
    assert [a.id for a in audits] == [second, first]  # newest first
    assert [a.is_current for a in audits] == [True, False]
    assert audits[1].name == "Marzo" and audits[0].name == card.period.label()
    assert (audits[0].saved_by, audits[0].saved_at.tzinfo is not None) == ("bruno", True)
    assert audits[0].overall_score == pytest.approx(card.score)
    assert audits[0].level_name("en") == card.level_name("en")
    assert current_audit(engine, access).info.id == second


def test_a_stored_audit_renders_and_recomputes_without_the_original_files(engine, sample) -> None:
    dataset, card = sample
    access = create_workspace(engine, "acme")
    settings = Settings(weakest_link=True).with_metric(
        "involvement.participation_rate", target=0.123456789
    )
    card = Auditor(dataset).scorecard(settings, card.period)
    audit_id = save_audit(engine, access, card, dataset, settings, saved_by="anna")
    stored = get_audit(engine, access, audit_id)
    expected = to_document(card)
    assert stored.scorecard == expected
    assert to_document(load_scorecard(engine, access, audit_id)) == to_document(
        stored.to_scorecard()
    )
    rebuilt = to_document(stored.to_scorecard())  # renders as computed, from two-decimal scores
    assert {k: v for k, v in rebuilt.items() if k != "gaps"} == {
        k: v for k, v in expected.items() if k != "gaps"
    }
    assert [(g["metric"], g["priority"]) for g in rebuilt["gaps"]] == [
        (g["metric"], pytest.approx(g["priority"], abs=0.1)) for g in expected["gaps"]
    ]
    assert stored.settings() == Settings(
        metrics={
            m: {
                "floor": settings.floor(m),
                "target": settings.target(m),
                "weight": settings.weight(m),
            }
            for m in registry.metrics()
        },
        criteria={c.id: settings.criterion_weight(c.id) for c in registry.criteria()},
        weakest_link=True,
    )
    assert stored.questionnaire() == dataset.questionnaire
    assert {f["file"] for f in stored.inputs} == {f.file for f in dataset.files}
    assert stored.tables["roster"] == {
        "rows": dataset.table("roster").height,
        "digest": stored.tables["roster"]["digest"],
        "kept": True,
    }
    again = load_dataset(engine, access, audit_id)
    for name in dataset.tables:
        assert again.table(name).equals(dataset.table(name))
    recomputed = run_audit(again, stored.settings(), card.period.start, card.period.end)
    assert to_document(recomputed) == expected


def test_answers_given_in_the_app_are_saved_and_recomputed_with(engine, sample) -> None:
    """The answers are not part of the dataset: the save is told them, and the audit
    reopened scores with them, not with the questionnaire files' answers."""
    dataset, card = sample
    access = create_workspace(engine, "acme")
    answers = dataset.questionnaire | {"governance": {"policy_exists": False}}
    card = Auditor(dataset).scorecard(Settings(), card.period, answers)
    audit_id = save_audit(
        engine, access, card, dataset, Settings(), saved_by="anna", questionnaire=answers
    )
    stored = get_audit(engine, access, audit_id)
    assert stored.questionnaire()["governance"] == {"policy_exists": False}
    again = load_dataset(engine, access, audit_id)
    recomputed = run_audit(again, Settings(), card.period.start, card.period.end)
    assert to_document(recomputed) == to_document(card)
    assert to_document(recomputed) != to_document(
        run_audit(dataset, Settings(), card.period.start, card.period.end)
    )


def test_tables_are_files_named_by_digest_shared_and_swept(engine, sample) -> None:
    """The database holds digests, not table bytes; the same data saved twice (or in
    another workspace) is one set of files; a file goes when the last audit naming it is
    deleted, not before."""
    original, card = sample
    beta = create_workspace(engine, "beta")
    save_audit(engine, beta, card, original, Settings(), saved_by="bruno")
    # The sample with one action fewer: its own activity file, the sample's roster and posts.
    dataset = Dataset(
        tuple(
            replace(f, frame=f.frame.slice(1), digest="other")
            if f.table == "employee_activity"
            else f
            for f in original.files
        )
    )
    access = create_workspace(engine, "acme")
    first = save_audit(engine, access, card, dataset, Settings(), saved_by="anna")
    second = save_audit(engine, access, card, dataset, Settings(), saved_by="anna")
    with engine.connect() as connection:
        rows = connection.execute(
            select(AuditTable.audit_id, AuditTable.digest, AuditTable.kept_in, AuditTable.parquet)
        ).all()
    assert all(kept == "files" and parquet is None for _, _, kept, parquet in rows)
    saved = {digest for audit_id, digest, _, _ in rows if audit_id == first}
    assert saved == {digest for audit_id, digest, _, _ in rows if audit_id == second}
    assert len(saved) == len(dataset.tables)
    files = table_files()
    for digest in saved:
        assert hashlib.sha256(files.get(digest)).hexdigest() == digest
    shared = saved & _digests_of(engine, "beta")
    assert len(shared) == len(dataset.tables) - 1  # all but the activity log
    delete_audit(engine, access, first, confirm="1")  # acme's first, whatever beta holds
    assert saved <= files.digests()  # the second audit still names them
    assert (
        load_dataset(engine, access, second)
        .table("employee_activity")
        .equals(dataset.table("employee_activity"))
    )
    delete_audit(engine, access, second, confirm="2")
    assert files.digests() & saved == shared  # beta's audit still names these


def _digests_of(engine: Engine, slug: str) -> set[str]:
    with engine.connect() as connection:
        return set(
            connection.scalars(
                select(AuditTable.digest)
                .join(Audit, Audit.id == AuditTable.audit_id)
                .join(Workspace, Workspace.id == Audit.workspace_id)
                .where(Workspace.slug == slug)
            )
        )


def test_a_damaged_or_missing_table_file_is_a_sentence_not_other_data(engine, sample) -> None:
    dataset, card = sample
    access = create_workspace(engine, "acme")
    audit_id = save_audit(engine, access, card, dataset, Settings(), saved_by="anna")
    digest = get_audit(engine, access, audit_id).tables["roster"]["digest"]
    path = next(table_files().root.glob(f"*/{digest}.parquet"))
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(SnapshotError, match="damaged"):
        load_dataset(engine, access, audit_id)
    path.unlink()
    with pytest.raises(SnapshotError, match="missing"):
        load_dataset(engine, access, audit_id)


def test_audits_saved_before_table_files_still_load(engine, sample) -> None:
    """Tables saved in the database (kept_in 'database') come back from there; a table
    that was above the old size cap (not kept) makes the data unavailable, not wrong."""
    dataset, card = sample
    access = create_workspace(engine, "acme")
    audit_id = save_audit(engine, access, card, dataset, Settings(), saved_by="anna")
    files = table_files()
    with engine.begin() as connection:
        for name, digest in connection.execute(
            select(AuditTable.table_name, AuditTable.digest).where(AuditTable.audit_id == audit_id)
        ).all():
            connection.execute(
                AuditTable.__table__.update()
                .where(AuditTable.audit_id == audit_id, AuditTable.table_name == name)
                .values(kept_in="database", parquet=files.get(digest))
            )
            files.delete(digest)
    again = load_dataset(engine, access, audit_id)
    for name in dataset.tables:
        assert again.table(name).equals(dataset.table(name))
    with engine.begin() as connection:
        connection.execute(
            AuditTable.__table__.update()
            .where(AuditTable.audit_id == audit_id, AuditTable.table_name == "employee_activity")
            .values(kept_in=None, parquet=None)
        )
    assert load_dataset(engine, access, audit_id) is None
    assert not get_audit(engine, access, audit_id).tables["employee_activity"]["kept"]


def test_a_table_kept_in_the_database_without_its_bytes_is_a_sentence(engine, sample) -> None:
    """A row that says 'database' but holds no Parquet (found by the type check): the
    store's own error naming the table, not a reader's crash on empty bytes."""
    dataset, card = sample
    access = create_workspace(engine, "acme")
    audit_id = save_audit(engine, access, card, dataset, Settings(), saved_by="anna")
    with engine.begin() as connection:
        connection.execute(
            AuditTable.__table__.update()
            .where(AuditTable.audit_id == audit_id, AuditTable.table_name == "roster")
            .values(kept_in="database", parquet=None)
        )
    with pytest.raises(SnapshotError, match="missing"):
        load_dataset(engine, access, audit_id)


def test_rename_set_current_and_the_change_token(engine) -> None:
    access = create_workspace(engine, "acme")
    token = latest_change_token(engine, access)
    first = save(engine, access)
    second = save(engine, access, make_current=False)
    assert current_audit(engine, access).info.id == first  # told not to become current
    tokens = [token, latest_change_token(engine, access)]
    rename_audit(engine, access, second, "  Secondo trimestre ")
    tokens.append(latest_change_token(engine, access))
    set_current(engine, access, second)
    tokens.append(latest_change_token(engine, access))
    assert tokens == sorted(set(tokens))  # every change moved it
    assert get_audit(engine, access, second).info.name == "Secondo trimestre"
    assert [a.id for a in list_audits(engine, access) if a.is_current] == [second]
    list_audits(engine, access)
    assert latest_change_token(engine, access) == tokens[-1]  # reading does not
    with pytest.raises(InvalidName):
        rename_audit(engine, access, second, "   ")


def test_the_first_audit_is_current_even_when_told_otherwise(engine) -> None:
    access = create_workspace(engine, "acme")
    audit_id = save(engine, access, make_current=False)
    assert current_audit(engine, access).info.id == audit_id


def test_delete_needs_the_name_or_number_and_keeps_a_current_audit(engine, sample) -> None:
    access = create_workspace(engine, "acme")
    older = save(engine, access, CARD_A, name="Primo")
    newer = save_audit(engine, access, CARD_B, sample[0], Settings(), saved_by="t", name="Secondo")
    with pytest.raises(ConfirmationRequired):
        delete_audit(engine, access, newer, "yes")
    with pytest.raises(ConfirmationRequired):
        delete_audit(engine, access, newer, "Primo")  # another audit's name
    assert len(list_audits(engine, access)) == 2
    delete_audit(engine, access, newer, "Secondo")
    assert [(a.id, a.is_current) for a in list_audits(engine, access)] == [(older, True)]
    delete_audit(engine, access, older, str(older))
    assert list_audits(engine, access) == [] and current_audit(engine, access) is None
    with engine.connect() as connection:  # the tables' copies went with their audit
        assert connection.scalar(select(func.count()).select_from(AuditTable)) == 0
    with pytest.raises(NotFound):
        get_audit(engine, access, older)


# --- access ---------------------------------------------------------------------------


def test_passphrases_are_stored_as_salted_digests_and_grant_roles(engine) -> None:
    same = "la stessa frase"
    create_workspace(engine, "acme", editor_passphrase=same, viewer_passphrase="solo lettura")
    create_workspace(engine, "beta", editor_passphrase=same)
    assert authorize(engine, "acme", same).role == "editor"
    assert authorize(engine, "acme", "solo lettura").role == "viewer"
    for slug, wrong in [("acme", "sbagliata!"), ("acme", None), ("nessuna", same)]:
        with pytest.raises(AccessDenied):
            authorize(engine, slug, wrong)
    with engine.connect() as connection:
        rows = connection.execute(select(Passphrase.salt, Passphrase.digest)).all()
    assert len(rows) == 3
    for salt, digest in rows:
        assert same.encode() not in digest + salt and len(salt) == 16
    assert len({salt for salt, _ in rows}) == 3  # a fresh salt per workspace and role
    assert len({digest for _, digest in rows}) == 3  # so the same passphrase hashes apart
    with pytest.raises(WeakPassphrase):
        create_workspace(engine, "gamma", editor_passphrase="corta")


def test_viewers_only_read_and_editors_change_passphrases(engine) -> None:
    editor = create_workspace(engine, "acme", editor_passphrase="chiave editor")
    audit_id = save(engine, editor)
    editor = set_passphrase(engine, editor, "viewer", "chiave lettura")  # renewed: stays in
    viewer = authorize(engine, "acme", "chiave lettura")
    assert [a.id for a in list_audits(engine, viewer)] == [audit_id]
    assert get_audit(engine, viewer, audit_id).scorecard["overall"]["score"] == 56.0
    for write in (
        lambda: save(engine, viewer),
        lambda: rename_audit(engine, viewer, audit_id, "x"),
        lambda: set_current(engine, viewer, audit_id),
        lambda: delete_audit(engine, viewer, audit_id, str(audit_id)),
        lambda: set_passphrase(engine, viewer, "viewer", "nuova chiave"),
    ):
        with pytest.raises(AccessDenied):
            write()
    assert workspace_info(engine, viewer).protected == ("editor", "viewer")
    editor = set_passphrase(engine, editor, "viewer", None)
    with pytest.raises(AccessDenied):
        authorize(engine, "acme", "chiave lettura")
    with pytest.raises(AccessDenied):  # closed, and no passphrase given
        authorize(engine, "acme", None)


def test_a_viewer_of_one_workspace_cannot_reach_another(engine) -> None:
    create_workspace(engine, "acme", viewer_passphrase="lettura acme")
    other = create_workspace(engine, "beta")
    theirs = save(engine, other)
    viewer = authorize(engine, "acme", "lettura acme")
    assert list_audits(engine, viewer) == []
    for read in (get_audit, load_scorecard, load_dataset, previous_audit):
        with pytest.raises(NotFound):
            read(engine, viewer, theirs)
    editor = trusted_access(engine, "acme")
    for write in (
        lambda: rename_audit(engine, editor, theirs, "x"),
        lambda: set_current(engine, editor, theirs),
        lambda: delete_audit(engine, editor, theirs, str(theirs)),
    ):
        with pytest.raises(NotFound):
            write()
    assert get_audit(engine, other, theirs).info.name == Q1.label()


def test_workspace_names_are_checked(engine) -> None:
    create_workspace(engine, "acme")
    for bad in ("Acme", "acme spa", "", "-acme", "a" * 65):
        with pytest.raises(InvalidName):
            create_workspace(engine, bad)
    with pytest.raises(InvalidName):
        create_workspace(engine, "acme")  # taken
    with pytest.raises(NotFound):
        trusted_access(engine, "nessuna")


# --- compare and trend ------------------------------------------------------------------


def saved(card: Scorecard) -> Scorecard:
    """The scorecard as a saved audit gives it back: scores to two decimals."""
    return from_document(to_document(card))


def test_compare_gives_the_deltas_criterion_by_criterion_and_metric_by_metric() -> None:
    changes = compare(saved(CARD_A), saved(CARD_B))
    assert len(changes) == 1 + len(registry.criteria()) + len(registry.metrics())
    rows = {c.id: c for c in changes}
    assert len(rows) == len(changes) and changes[0].id == "overall"
    overall = rows["overall"]
    assert (overall.score_a, overall.score_b) == (56.0, pytest.approx(71.43))
    assert overall.delta == pytest.approx(15.43) and overall.change == "better"
    involvement = rows["involvement"]
    assert (involvement.level, involvement.criterion) == ("criterion", "involvement")
    assert (involvement.score_a, involvement.score_b, involvement.delta) == (60.0, 100.0, 40.0)
    participation = rows["involvement.participation_rate"]
    assert (participation.level, participation.criterion) == ("metric", "involvement")
    assert (participation.value_a, participation.value_b) == (0.15, 0.30)
    assert participation.value_delta == pytest.approx(0.15)
    assert (participation.score_a, participation.score_b, participation.delta) == (
        40.0,
        100.0,
        60.0,
    )
    assert (participation.target_a, participation.target_b) == (0.3, 0.3)
    assert not participation.target_moved
    assert rows["presence"].change == "same"
    voice = rows["voice.commentary_share"]
    assert (voice.score_b, voice.change, voice.delta) == (50.0, "newly measured", None)
    assert rows["voice.original_share"].change == "not measured"
    backwards = {c.id: c for c in compare(saved(CARD_B), saved(CARD_A))}
    assert backwards["voice.commentary_share"].change == "no longer measured"
    assert backwards["involvement.participation_rate"].delta == -60.0
    assert backwards["overall"].change == "worse"
    assert tally(changes) == {
        "better": 1,
        "worse": 0,
        "same": 1,
        "newly measured": 1,
        "no longer measured": 0,
        "not measured": 9,
    }


def test_trend_and_previous_follow_the_periods_not_the_save_order(engine) -> None:
    access = create_workspace(engine, "acme")
    later = save(engine, access, CARD_B)
    earlier = save(engine, access, CARD_A)  # saved second, covers the earlier quarter
    points = trend(history(engine, access))
    assert [p.audit_id for p in points] == [earlier, later]
    assert [p.overall for p in points] == [56.0, pytest.approx(71.42857)]
    assert [p.scores["involvement"] for p in points] == [60.0, 100.0]
    assert [p.scores["voice"] for p in points] == [None, pytest.approx(50.0)]
    assert [p.is_current for p in points] == [True, False]
    assert all(set(p.scores) == {c.id for c in registry.criteria()} for p in points)
    assert previous_audit(engine, access, later).info.id == earlier
    assert previous_audit(engine, access, earlier) is None
    assert trend(history(engine, create_workspace(engine, "vuota"))) == []


# --- from the terminal, and a crash mid-save ------------------------------------------------


def test_cli_saves_lists_and_shows_audits(tmp_path, sample) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = open_store(url)
    token = issue_save_token(store, create_workspace(store, "acme"))
    store.dispose()
    saved = run_cli(
        url,
        "audit",
        "--save",
        "acme",
        "--name",
        "Marzo",
        "--format",
        "json",
        PRESENZA_SAVE_TOKEN=token,
    )
    assert saved.returncode == 0, saved.stderr
    line = next(x for x in saved.stderr.splitlines() if x.startswith("saved as audit"))
    # Numbered in its workspace: the first, though the sample's two were saved before it.
    assert line == "saved as audit 1 in workspace acme"
    printed = json.loads(saved.stdout)

    listed = run_cli(url, "audits", "list", "acme", "--lang", "en")
    assert listed.returncode == 0, listed.stderr
    header, row = listed.stdout.splitlines()
    assert header.split() == ["no.", "name", "period", "saved", "at", "score", "level", "current"]
    assert row.split()[:2] == ["1", "Marzo"] and row.endswith("*")
    assert sample[1].level_name("en") in row

    shown = run_cli(url, "audits", "show", "acme", "1", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    document = json.loads(shown.stdout)
    for key in ("period", "overall", "criteria", "gaps"):
        assert document[key] == printed[key]
    assert [f["file"] for f in document["inputs"]] == [f["file"] for f in printed["inputs"]]
    assert document["audit"]["name"] == "Marzo" and document["audit"]["workspace"] == "acme"
    assert document["audit"]["number"] == 1

    text_shown = run_cli(url, "audits", "show", "acme", "1", "--lang", "en")
    assert text_shown.returncode == 0 and "#1 Marzo — acme" in text_shown.stdout

    for args, message in [
        (("audits", "list", "nessuna"), "there is no workspace called 'nessuna'"),
        (("audits", "show", "acme", "999"), "there is no audit number 999 in 'acme'"),
        (("audits", "show", "esempio", "3"), "there is no audit number 3 in 'esempio'"),
    ]:
        failed = run_cli(url, *args)
        assert failed.returncode == 2 and message in failed.stderr
        assert "Traceback" not in failed.stderr


def test_a_save_killed_halfway_leaves_every_earlier_audit_intact(store_url, sample) -> None:
    dataset, card = sample
    engine = open_store(store_url)
    try:
        access = create_workspace(engine, "acme")
        earlier = [
            save_audit(engine, access, card, dataset, Settings(), saved_by="anna", name=name)
            for name in ("Gennaio", "Febbraio")
        ]
        environ = {
            **os.environ,
            "PRESENZA_DATABASE_URL": store_url,
            "PRESENZA_SAVE_TOKEN": issue_save_token(engine, access),
        }
        token = latest_change_token(engine, access)
        saving = subprocess.Popen(
            [sys.executable, "-c", PAUSING_SAVE, "audit", "--save", "acme", "--name", "Marzo"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=environ,
        )
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(x) for x in saving.stderr], daemon=True).start()
        seen = []
        while PAUSED not in "".join(seen):
            seen.append(lines.get(timeout=120))  # the audit is written, not yet committed
        saving.kill()  # SIGKILL: no handler, no cleanup, no commit
        assert saving.wait(timeout=30) == -9

        audits = list_audits(engine, access)
        assert sorted(a.id for a in audits) == earlier
        assert [a.name for a in audits if a.is_current] == ["Febbraio"]
        assert latest_change_token(engine, access) == token
        for audit_id in earlier:
            assert get_audit(engine, access, audit_id).scorecard["overall"]["score"] == round(
                card.score, 2
            )
            assert load_dataset(engine, access, audit_id).table("roster").height == 150
        after = save_audit(engine, access, card, dataset, Settings(), saved_by="anna")
        assert after not in earlier and len(list_audits(engine, access)) == 3
    finally:
        engine.dispose()


def test_the_sums_of_a_saved_log_are_kept_and_reused_until_it_goes(engine, sample) -> None:
    """Saving with the auditor's monthly sums keeps them beside the tables: reopening
    scores from them exactly as from a fresh pass over the log; other engine versions'
    sums are not used; they go with the last audit naming the log."""
    dataset, card = sample
    auditor = Auditor(dataset)
    access = create_workspace(engine, "acme")
    audit_id = save_audit(
        engine, access, card, dataset, Settings(), saved_by="anna", sums=auditor.data.cube.sums
    )
    sums = load_sums(engine, access, audit_id)
    assert sums is not None and sums.pairs.equals(auditor.data.cube.sums.pairs)
    again = load_dataset(engine, access, audit_id)
    period = Period(date(2026, 1, 14), date(2026, 5, 20))  # partial months read the log
    for p in (None, period):
        reopened = Auditor(again, sums=sums).scorecard(Settings(), p)
        assert to_document(reopened) == to_document(Auditor(again).scorecard(Settings(), p))
    with mock.patch("dashboard.store.tablefiles.SUMS_VERSION", "another"):
        assert load_sums(engine, access, audit_id) is None
    kept = set(
        sums_keys(
            {n: t["digest"] for n, t in get_audit(engine, access, audit_id).tables.items()}
        ).values()
    )
    assert kept <= table_files().digests()
    delete_audit(engine, access, audit_id, confirm=str(audit_id))
    assert not kept & table_files().digests()
