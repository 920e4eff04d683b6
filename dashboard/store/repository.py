"""Audits: every read and write of saved audits the dashboard and the CLI make, and the
store's start-up (schema, the sample workspace). Workspaces and sign-in are in
`workspaces`.

Every function takes the engine and the `Access` it was granted, and only ever
touches that workspace's rows: an audit id from another workspace is "not found",
exactly like one that never existed. Results are frozen dataclasses, not live ORM
objects, so pages can cache them. Each write is one transaction that first locks
the workspace row (PostgreSQL) or the database (SQLite), so concurrent saves queue
and a crash mid-save leaves nothing half-written.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pandas as pd
from alembic.util import CommandError
from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, undefer

from dashboard.document import to_document
from dashboard.ingest import Dataset
from dashboard.messages import msg
from dashboard.period import Period
from dashboard.scoring import Scorecard
from dashboard.settings import Settings
from dashboard.store.access import Access
from dashboard.store.compare import trend_table
from dashboard.store.db import describe, make_engine, migrate
from dashboard.store.errors import (
    ConfirmationRequired,
    NotFound,
    StoreUnavailable,
)
from dashboard.store.models import Audit, AuditTable, Workspace
from dashboard.store.records import AuditInfo, StoredAudit
from dashboard.store.snapshot import (
    TABLE_CAP_BYTES,
    TableCopy,
    copy_tables,
    dataset_from_tables,
    questionnaire_toml,
    settings_toml,
)
from dashboard.store.workspaces import SAMPLE_SLUG, check_name, granted, lock_workspace, writing

# Test hook, see `_pause_inside_save`.
PAUSE_VARIABLE = "PRESENZA_TEST_SAVE_PAUSE"
# "How it moved since the last audit" follows the data's calendar, not the save order.
_CHRONOLOGICAL = (Audit.period_end, Audit.period_start, Audit.saved_at, Audit.id)


# --- start-up ------------------------------------------------------------------


def open_store(url: str | None = None, *, sample: bool = True) -> Engine:
    """The engine, with the schema migrated and (unless told not to) the sample workspace.

    Call once per process (e.g. under `st.cache_resource`); every instance may call it
    at start-up, migrations and the sample are safe to race.
    """
    engine = make_engine(url)
    try:
        migrate(engine)
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
    half of its data), so a first look shows a current audit and how it moved."""
    with Session(engine) as session:
        if session.scalar(select(Workspace.id).where(Workspace.slug == SAMPLE_SLUG)):
            return
    from dashboard.audit import Auditor
    from dashboard.bundled import load_sample

    dataset = load_sample()
    auditor = Auditor(dataset)
    span = auditor.period()
    months = span.months()
    halves = [span]
    if len(months) > 1:
        middle = months[len(months) // 2]
        halves = [Period(span.start, middle - timedelta(days=1)), Period(middle, span.end)]
    cards = [auditor.scorecard(Settings(), period) for period in halves]
    payloads = [_AuditPayload.of(card, dataset, Settings(), TABLE_CAP_BYTES) for card in cards]
    try:
        with writing(engine) as session:
            workspace = Workspace(slug=SAMPLE_SLUG, name="Esempio S.p.A.", is_open=True)
            session.add(workspace)
            session.flush()
            for card, payload in zip(cards, payloads, strict=True):
                _insert_audit(session, workspace, card, payload, None, "Presenza")
    except IntegrityError:  # another instance seeded it first
        return


# --- audits ----------------------------------------------------------------------


def save_audit(
    engine: Engine,
    access: Access,
    scorecard: Scorecard,
    dataset: Dataset,
    settings: Settings,
    *,
    saved_by: str,
    name: str | None = None,
    make_current: bool = True,
    table_cap_bytes: int = TABLE_CAP_BYTES,
) -> int:
    """Save a new audit (never overwriting one) and return its number; editors only.

    `scorecard` must have been computed from `dataset` (its tables and its merged
    questionnaire) under `settings`. The new audit becomes the current one unless
    `make_current` is False; a workspace's first audit is current regardless.
    """
    access.require_editor()
    name = check_name(name) if name else None
    saved_by = check_name(saved_by, what="saved_by")
    payload = _AuditPayload.of(scorecard, dataset, settings, table_cap_bytes)
    with writing(engine) as session:
        workspace = lock_workspace(session, access)
        audit = _insert_audit(session, workspace, scorecard, payload, name, saved_by, make_current)
        _pause_inside_save()
        return audit.id


def list_audits(engine: Engine, access: Access) -> list[AuditInfo]:
    """The workspace's audits, most recently saved first."""
    with Session(engine) as session:
        granted(session, access)
        rows = session.scalars(
            select(Audit)
            .where(Audit.workspace_id == access.workspace_id)
            .order_by(Audit.saved_at.desc(), Audit.id.desc())
        )
        return [_info(a) for a in rows]


def get_audit(engine: Engine, access: Access, audit_id: int) -> StoredAudit:
    """One audit with its documents; `NotFound` for an id outside the caller's workspace."""
    with Session(engine) as session:
        return _stored(session, _audit(session, access, audit_id, full=True))


def current_audit(engine: Engine, access: Access) -> StoredAudit | None:
    """Where the company stands today: the audit marked current (None before any save)."""
    with Session(engine) as session:
        granted(session, access)
        audit = session.scalar(
            _full(select(Audit)).where(Audit.workspace_id == access.workspace_id, Audit.is_current)
        )
        return None if audit is None else _stored(session, audit)


def previous_audit(engine: Engine, access: Access, audit_id: int) -> StoredAudit | None:
    """The audit just before this one in the data's calendar (by period, then save time):
    what "since the last audit" compares against. None for the first."""
    with Session(engine) as session:
        _audit(session, access, audit_id)
        ids = session.scalars(
            select(Audit.id)
            .where(Audit.workspace_id == access.workspace_id)
            .order_by(*_CHRONOLOGICAL)
        ).all()
        position = ids.index(audit_id)
        if position == 0:
            return None
        return _stored(session, _audit(session, access, ids[position - 1], full=True))


def load_scorecard_dict(engine: Engine, access: Access, audit_id: int) -> dict[str, Any]:
    """Just the stored scorecard document (what the views render)."""
    with Session(engine) as session:
        return _audit(session, access, audit_id, full=True).scorecard


def load_dataset(engine: Engine, access: Access, audit_id: int) -> Dataset | None:
    """The canonical tables and answers the audit was computed from, to re-score or drill
    down; None when a table was above the size cap and only its digest was kept."""
    with Session(engine) as session:
        audit = _audit(session, access, audit_id, full=True)
        tables = session.scalars(
            select(AuditTable)
            .options(undefer(AuditTable.parquet))
            .where(AuditTable.audit_id == audit.id)
        ).all()
        if any(t.parquet is None for t in tables):
            return None
        return dataset_from_tables(
            {t.table_name: (t.digest, t.parquet) for t in tables}, audit.questionnaire
        )


def rename_audit(engine: Engine, access: Access, audit_id: int, name: str) -> None:
    """Rename an audit (names need not be unique: the number is the key); editors only."""
    access.require_editor()
    name = check_name(name)
    with writing(engine) as session:
        lock_workspace(session, access)
        _audit(session, access, audit_id).name = name


def set_current(engine: Engine, access: Access, audit_id: int) -> None:
    """Make this the audit executives see; editors only."""
    access.require_editor()
    with writing(engine) as session:
        lock_workspace(session, access)
        audit = _audit(session, access, audit_id)
        _unset_current(session, access.workspace_id)
        audit.is_current = True


def delete_audit(engine: Engine, access: Access, audit_id: int, confirm: str) -> None:
    """Delete an audit and its data; `confirm` must repeat its name or its number.

    Deleting the current audit makes the latest remaining one (by period) current,
    so the executive view never goes blank while audits remain.
    """
    access.require_editor()
    with writing(engine) as session:
        lock_workspace(session, access)
        audit = _audit(session, access, audit_id)
        if confirm.strip() not in (audit.name, str(audit.id)):
            raise ConfirmationRequired(
                msg("store.error.confirm_delete", id=str(audit.id), name=repr(audit.name))
            )
        was_current = audit.is_current
        session.delete(audit)
        session.flush()
        if was_current:
            latest = session.scalar(
                select(Audit)
                .where(Audit.workspace_id == access.workspace_id)
                .order_by(*(c.desc() for c in _CHRONOLOGICAL))
                .limit(1)
            )
            if latest is not None:
                latest.is_current = True


def trend(engine: Engine, access: Access) -> pd.DataFrame:
    """Overall index and each criterion's score per audit, oldest period first."""
    with Session(engine) as session:
        granted(session, access)
        audits = session.scalars(
            select(Audit)
            .options(undefer(Audit.scorecard))
            .where(Audit.workspace_id == access.workspace_id)
            .order_by(*_CHRONOLOGICAL)
        )
        return trend_table([(_info(a), a.scorecard) for a in audits])


# --- inside -----------------------------------------------------------------------


def _pause_inside_save() -> None:
    """Test hook: hold the save transaction open, uncommitted, for PRESENZA_TEST_SAVE_PAUSE
    seconds, announcing it on stderr.

    tests/test_store.py kills a saving process here to prove that a crash mid-save
    leaves every earlier audit intact. Unset, as everywhere outside that test, it does
    nothing.
    """
    seconds = os.environ.get(PAUSE_VARIABLE)
    if seconds:
        print(f"{PAUSE_VARIABLE}: pausing inside the save", file=sys.stderr, flush=True)
        time.sleep(float(seconds))


@dataclass(frozen=True)
class _AuditPayload:
    """The serialised audit, prepared before the transaction opens (Parquet takes a while)."""

    scorecard: dict[str, Any]
    settings: str
    questionnaire: str
    inputs: list[dict[str, Any]]
    tables: list[TableCopy]

    @classmethod
    def of(
        cls, scorecard: Scorecard, dataset: Dataset, settings: Settings, cap_bytes: int
    ) -> _AuditPayload:
        return cls(
            to_document(scorecard),
            settings_toml(settings),
            questionnaire_toml(dataset),
            [{**f.summary(), "digest": f.digest} for f in dataset.files],
            copy_tables(dataset, cap_bytes),
        )


def _insert_audit(
    session: Session,
    workspace: Workspace,
    scorecard: Scorecard,
    payload: _AuditPayload,
    name: str | None,
    saved_by: str,
    make_current: bool = True,
) -> Audit:
    has_current = session.scalar(
        select(Audit.id).where(Audit.workspace_id == workspace.id, Audit.is_current)
    )
    if make_current:
        _unset_current(session, workspace.id)
    audit = Audit(
        workspace_id=workspace.id,
        name=name or scorecard.period.label(),
        period_start=scorecard.period.start,
        period_end=scorecard.period.end,
        saved_by=saved_by,
        is_current=make_current or has_current is None,
        overall_score=scorecard.score,
        level=scorecard.level,
        measured=scorecard.measured,
        total=scorecard.total,
        scorecard=payload.scorecard,
        settings=payload.settings,
        questionnaire=payload.questionnaire,
        inputs=payload.inputs,
    )
    session.add(audit)
    session.flush()
    session.add_all(
        AuditTable(
            audit_id=audit.id,
            table_name=t.name,
            row_count=t.rows,
            digest=t.digest,
            parquet=t.parquet,
        )
        for t in payload.tables
    )
    session.flush()
    return audit


def _unset_current(session: Session, workspace_id: int) -> None:
    # Before the new current row exists: the one-current index is checked per statement.
    session.execute(
        update(Audit)
        .where(Audit.workspace_id == workspace_id, Audit.is_current)
        .values(is_current=False)
    )


def _full(query: Any) -> Any:
    """A query for audits that loads the deferred documents too."""
    return query.options(
        undefer(Audit.scorecard),
        undefer(Audit.settings),
        undefer(Audit.questionnaire),
        undefer(Audit.inputs),
    )


def _audit(session: Session, access: Access, audit_id: int, *, full: bool = False) -> Audit:
    """The audit if it is in the caller's workspace; otherwise not found, never forbidden."""
    granted(session, access)
    query = select(Audit).where(Audit.id == audit_id, Audit.workspace_id == access.workspace_id)
    audit = session.scalar(_full(query) if full else query)
    if audit is None:
        raise NotFound(msg("store.error.no_audit_here", id=str(audit_id), slug=repr(access.slug)))
    return audit


def _info(audit: Audit) -> AuditInfo:
    return AuditInfo(
        audit.id,
        audit.name,
        audit.period_start,
        audit.period_end,
        audit.saved_by,
        audit.saved_at,
        audit.is_current,
        audit.overall_score,
        audit.level,
        audit.measured,
        audit.total,
    )


def _stored(session: Session, audit: Audit) -> StoredAudit:
    tables = session.execute(
        select(
            AuditTable.table_name,
            AuditTable.row_count,
            AuditTable.digest,
            AuditTable.parquet.is_not(None),
        ).where(AuditTable.audit_id == audit.id)
    )
    return StoredAudit(
        _info(audit),
        audit.scorecard,
        audit.settings,
        audit.questionnaire,
        audit.inputs,
        {
            name: {"rows": rows, "digest": digest, "kept": kept}
            for name, rows, digest, kept in tables
        },
    )
