"""Audits: every read and write of saved audits the dashboard and the CLI make. Workspaces
and sign-in are in `workspaces`, the store's start-up and the sample in `seed`.

Every function takes the engine and the `Access` it was granted, and only ever
touches that workspace's rows: an audit id from another workspace is "not found",
exactly like one that never existed. Results are frozen dataclasses, not live ORM
objects, so pages can cache them. Each write is one transaction that first locks
the workspace row (PostgreSQL) or the database (SQLite), so concurrent saves queue
and a crash mid-save leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, undefer

from dashboard.criteria.cube import Sums
from dashboard.document import to_document
from dashboard.ingest import Dataset
from dashboard.messages import msg
from dashboard.scoring import Scorecard
from dashboard.settings import Settings
from dashboard.store.access import Access
from dashboard.store.db import describe
from dashboard.store.errors import ConfirmationRequired, NotFound, SnapshotError
from dashboard.store.models import Audit, AuditTable, Workspace
from dashboard.store.notes import carry_over
from dashboard.store.records import AuditInfo, StoredAudit, rebuilt
from dashboard.store.snapshot import (
    TableCopy,
    copy_tables,
    dataset_from_tables,
    questionnaire_toml,
    settings_toml,
)
from dashboard.store.tablefiles import TableFiles, sums_keys, table_files
from dashboard.store.workspaces import (
    audit_row,
    check_name,
    granted,
    lock_table_files,
    lock_workspace,
    writing,
)

# Called inside every save's transaction, once the audit is written and before it commits.
# Empty in the product: only the test that kills a save halfway puts a pause here.
INSIDE_SAVE: list[Callable[[], object]] = []
# "How it moved since the last audit" follows the data's calendar, not the save order.
CHRONOLOGICAL = (Audit.period_end, Audit.period_start, Audit.saved_at, Audit.id)


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
    questionnaire: Mapping[str, Any] | None = None,
    sums: Sums | None = None,
) -> int:
    """Save a new audit (never overwriting one) and return its id; editors only (the
    number people read is its `audit_info`'s).

    `scorecard` must have been computed from `dataset` under `settings` and these
    answers (`questionnaire`; default: the dataset's questionnaire files). The new audit
    becomes the current one unless `make_current` is False; a workspace's first audit
    is current regardless. `sums`, the log's monthly sums of the `Auditor` that scored
    it, are kept beside the tables so reopening the audit need not sum the log again
    (`load_sums`).
    """
    access.require_editor()
    name = check_name(name) if name else None
    saved_by = check_name(saved_by, what="saved_by")
    answers = dataset.questionnaire if questionnaire is None else questionnaire
    payload = AuditPayload.of(scorecard, dataset, settings, answers)
    derived = sums.to_parquet() if sums is not None and dataset.has("employee_activity") else {}
    with writing(engine) as session:
        workspace = lock_workspace(session, access)
        keep_tables(session, payload.tables)
        if derived:
            keys = sums_keys({t.name: t.digest for t in payload.tables})
            files = table_files()
            for part, data in derived.items():
                files.put(keys[part], data)
        audit = insert_audit(session, workspace, scorecard, payload, name, saved_by, make_current)
        for hook in INSIDE_SAVE:
            hook()
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


def audit_numbered(engine: Engine, access: Access, number: int) -> int:
    """The id of the workspace's audit n. `number` (as people type it: the CLI's
    arguments, a link); `NotFound` when the workspace has none."""
    with Session(engine) as session:
        granted(session, access)
        found = session.scalar(
            select(Audit.id).where(
                Audit.workspace_id == access.workspace_id, Audit.number == number
            )
        )
    if found is None:
        raise NotFound(msg("store.error.no_audit_here", id=str(number), slug=repr(access.slug)))
    return found


def audit_info(engine: Engine, access: Access, audit_id: int) -> AuditInfo:
    """One audit's headline (its number, name, period…), without the documents."""
    with Session(engine) as session:
        return _info(_audit(session, access, audit_id))


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
        before = _before(session, _audit(session, access, audit_id))
        return (
            None if before is None else _stored(session, _audit(session, access, before, full=True))
        )


def load_scorecard(engine: Engine, access: Access, audit_id: int) -> Scorecard:
    """The scorecard as it was saved (what the views render, and what compares)."""
    with Session(engine) as session:
        audit = _audit(session, access, audit_id, full=True)
        return _stored(session, audit).to_scorecard()


def load_dataset(engine: Engine, access: Access, audit_id: int) -> Dataset | None:
    """The canonical tables and answers the audit was computed from, to re-score or drill
    down; None when a table was not kept (above the size cap of audits saved before
    table files: only its digest was kept)."""
    with Session(engine) as session:
        audit = _audit(session, access, audit_id, full=True)
        tables = session.scalars(
            select(AuditTable)
            .options(undefer(AuditTable.parquet))
            .where(AuditTable.audit_id == audit.id)
        ).all()
        questionnaire = audit.questionnaire
    if any(t.kept_in is None for t in tables):
        return None
    files = table_files()
    saved = {t.table_name: (t.digest, _kept_bytes(t, files, engine)) for t in tables}
    return dataset_from_tables(saved, questionnaire)


def _kept_bytes(table: AuditTable, files: TableFiles, engine: Engine) -> bytes:
    """A saved table's Parquet: its table file, or (audits saved before table files) the
    database's copy, which must be there."""
    if table.kept_in == "files":
        return files.get(table.digest)
    if table.parquet is None:
        raise SnapshotError(
            msg("store.error.table_missing", digest=table.digest[:12], where=describe(engine.url))
        )
    return table.parquet


def load_sums(engine: Engine, access: Access, audit_id: int) -> Sums | None:
    """The log's monthly sums kept with the audit (None when none were, or they are of
    another version of the engine, or unreadable: the log is then summed again)."""
    with Session(engine) as session:
        _audit(session, access, audit_id)
        digests = dict(
            session.execute(
                select(AuditTable.table_name, AuditTable.digest).where(
                    AuditTable.audit_id == audit_id
                )
            ).all()
        )
    if "employee_activity" not in digests:
        return None
    files = table_files()
    kept: dict[str, bytes] = {}
    for part, key in sums_keys(digests).items():
        data = files.find(key)
        if data is None:
            return None
        kept[part] = data
    try:
        return Sums.from_parquet(kept)
    except pl.exceptions.PolarsError:  # damaged: sum the log again
        return None


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
        if confirm.strip() not in (audit.name, str(audit.number)):
            raise ConfirmationRequired(
                msg("store.error.confirm_delete", id=str(audit.number), name=repr(audit.name))
            )
        was_current = audit.is_current
        named = dict(
            session.execute(
                select(AuditTable.table_name, AuditTable.digest).where(
                    AuditTable.audit_id == audit.id
                )
            ).all()
        )
        digests = set(named.values())
        session.delete(audit)
        session.flush()
        if was_current:
            latest = session.scalar(
                select(Audit)
                .where(Audit.workspace_id == access.workspace_id)
                .order_by(*(c.desc() for c in CHRONOLOGICAL))
                .limit(1)
            )
            if latest is not None:
                latest.is_current = True
    sweep(engine, digests, named)


def history(engine: Engine, access: Access) -> list[tuple[AuditInfo, Scorecard]]:
    """Every audit of the workspace with its scorecard, oldest period first (the trend's
    order: the data's calendar, not the save order)."""
    with Session(engine) as session:
        granted(session, access)
        audits = session.scalars(
            select(Audit)
            .options(undefer(Audit.scorecard))
            .where(Audit.workspace_id == access.workspace_id)
            .order_by(*CHRONOLOGICAL)
        )
        return [(_info(a), rebuilt(a.scorecard, a.saved_at)) for a in audits]


# --- inside -----------------------------------------------------------------------


@dataclass(frozen=True)
class AuditPayload:
    """The serialised audit, prepared before the transaction opens (Parquet takes a while)."""

    scorecard: dict[str, Any]
    settings: str
    questionnaire: str
    inputs: list[dict[str, Any]]
    tables: list[TableCopy]

    @classmethod
    def of(
        cls,
        scorecard: Scorecard,
        dataset: Dataset,
        settings: Settings,
        answers: Mapping[str, Any],
    ) -> AuditPayload:
        """What `insert_audit` writes, serialised before the transaction opens."""
        return cls(
            to_document(scorecard),
            settings_toml(settings),
            questionnaire_toml(answers),
            [{**f.summary(), "digest": f.digest} for f in dataset.files],
            copy_tables(dataset),
        )


def keep_tables(session: Session, tables: list[TableCopy], files: TableFiles | None = None) -> None:
    """Write the tables' files (those not kept already), under the table-files lock: a
    delete sweeping files in another transaction cannot remove one this save names."""
    lock_table_files(session)
    files = files or table_files()
    for table in tables:
        files.put(table.digest, table.parquet)


def sweep(engine: Engine, digests: set[str], deleted: dict[str, str]) -> None:
    """Remove the files of these digests that no saved audit names any longer, and the
    sums kept for the deleted audit's log when no audit names that log (after the delete
    committed, under the table-files lock, so a save naming one waits or rewrites it)."""
    if not digests:
        return
    with writing(engine) as session:
        lock_table_files(session)
        named = set(
            session.scalars(select(AuditTable.digest).where(AuditTable.digest.in_(digests)))
        )
        files = table_files()
        for digest in digests - named:
            files.delete(digest)
        if deleted.get("employee_activity") not in named:
            for key in sums_keys(deleted).values():
                files.delete(key)


def insert_audit(
    session: Session,
    workspace: Workspace,
    scorecard: Scorecard,
    payload: AuditPayload,
    name: str | None,
    saved_by: str,
    make_current: bool = True,
) -> Audit:
    has_current = session.scalar(
        select(Audit.id).where(Audit.workspace_id == workspace.id, Audit.is_current)
    )
    if make_current:
        _unset_current(session, workspace.id)
    workspace.last_audit_number += 1  # under the workspace's lock: saves queue
    audit = Audit(
        workspace_id=workspace.id,
        number=workspace.last_audit_number,
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
            kept_in="files",
        )
        for t in payload.tables
    )
    session.flush()
    carry_over(session, audit, _before(session, audit))
    return audit


def _before(session: Session, audit: Audit) -> int | None:
    """The audit just before this one in the data's calendar, whose notes it starts from."""
    ids = session.scalars(
        select(Audit.id).where(Audit.workspace_id == audit.workspace_id).order_by(*CHRONOLOGICAL)
    ).all()
    position = ids.index(audit.id)
    return ids[position - 1] if position else None


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
    return audit_row(session, access, audit_id, _full if full else None)


def _info(audit: Audit) -> AuditInfo:
    return AuditInfo(
        audit.id,
        audit.number,
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
            AuditTable.kept_in.is_not(None),
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
