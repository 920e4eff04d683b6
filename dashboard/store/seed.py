"""The store's start-up: the schema migrated, the sample workspace seeded (and the column
mappings an older version kept in a file imported).

The sample is the one place the store runs the engine: two audits of the bundled
company, so a first look at the Saved audits page and the executive view shows a
current audit and how it moved.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from alembic.util import CommandError
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from dashboard.audit import Auditor
from dashboard.bundled import load_sample, sample_files
from dashboard.ingest.upload import digest
from dashboard.messages import msg
from dashboard.period import Period
from dashboard.settings import Settings
from dashboard.store.audits import AuditPayload, insert_audit, keep_tables, sweep
from dashboard.store.db import data_dir, describe, make_engine, migrate
from dashboard.store.errors import StoreUnavailable
from dashboard.store.mappings import import_file
from dashboard.store.models import Audit, AuditTable, Workspace
from dashboard.store.workspaces import SAMPLE_SLUG, writing

SAMPLE_NAME = "Gruppo Aurora"  # the bundled sample company (dashboard/sample)

# Where versions before 0005 kept the column mappings: imported once, at start-up.
LEGACY_MAPPINGS = Path("mappings.json")


def open_store(url: str | None = None, *, sample: bool = True) -> Engine:
    """The engine, with the schema migrated and (unless told not to) the sample workspace.

    Call once per process (e.g. under `st.cache_resource`); every instance may call it
    at start-up, migrations and the sample are safe to race.
    """
    engine = make_engine(url)
    try:
        migrate(engine)
        if (data_dir() / LEGACY_MAPPINGS).exists():
            import_file(engine, data_dir() / LEGACY_MAPPINGS)
        if sample:
            ensure_sample(engine)
    except (SQLAlchemyError, CommandError) as error:
        engine.dispose()
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise StoreUnavailable(
            msg("store.error.unavailable", url=describe(engine.url), detail=reason)
        ) from None
    return engine


def ensure_sample(engine: Engine) -> None:
    """The open `esempio` workspace with two audits of the bundled company (first and second
    half of its data), so a first look shows a current audit and how it moved. Audits of
    another version of the bundled company (seeded by an older Presenza) are replaced: the
    executive view must show the company the Overview shows."""
    current = {digest(path.read_bytes()) for path in sample_files()}  # as each load names it
    with Session(engine) as session:
        workspace = session.scalar(select(Workspace).where(Workspace.slug == SAMPLE_SLUG))
        if workspace is not None:
            seeded = session.scalars(select(Audit.inputs).where(Audit.workspace_id == workspace.id))
            if all({f["digest"] for f in inputs} == current for inputs in seeded):
                if workspace.name != SAMPLE_NAME:  # seeded under the company's older name
                    with writing(engine) as writer:
                        writer.execute(
                            update(Workspace)
                            .where(Workspace.slug == SAMPLE_SLUG)
                            .values(name=SAMPLE_NAME)
                        )
                return
            stale = workspace.id
    if workspace is not None:
        _remove_sample(engine, stale)
    dataset = load_sample()
    auditor = Auditor(dataset)
    span = auditor.period()
    months = span.months()
    halves = [span]
    if len(months) > 1:
        middle = months[len(months) // 2]
        halves = [Period(span.start, middle - timedelta(days=1)), Period(middle, span.end)]
    cards = [auditor.scorecard(Settings(), period) for period in halves]
    answers = dataset.questionnaire
    payloads = [AuditPayload.of(card, dataset, Settings(), answers) for card in cards]
    try:
        with writing(engine) as session:
            workspace = Workspace(slug=SAMPLE_SLUG, name=SAMPLE_NAME, is_open=True)
            session.add(workspace)
            session.flush()
            keep_tables(session, payloads[0].tables)
            for card, payload in zip(cards, payloads, strict=True):
                insert_audit(session, workspace, card, payload, None, "Presenza")
    except IntegrityError:  # another instance seeded it first
        return


def _remove_sample(engine: Engine, workspace_id: int) -> None:
    """Delete the sample workspace (its audits, tables, notes and actions go with it), then
    each audit's table files and log sums that no other audit names."""
    with writing(engine) as session:
        rows = session.execute(
            select(AuditTable.audit_id, AuditTable.table_name, AuditTable.digest)
            .join(Audit, Audit.id == AuditTable.audit_id)
            .where(Audit.workspace_id == workspace_id)
        ).all()
        session.execute(delete(Workspace).where(Workspace.id == workspace_id))
    tables: dict[int, dict[str, str]] = {}
    for audit_id, name, kept in rows:
        tables.setdefault(audit_id, {})[name] = kept
    for named in tables.values():
        sweep(engine, set(named.values()), named)
