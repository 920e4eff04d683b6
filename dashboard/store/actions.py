"""The action plan in the store: actions made from a gap of a saved audit, changed as work goes
on, and listed with their metric's value before and after.

Like `audits`, every function takes the `Access` it was granted and touches only that
workspace's rows (another workspace's action is "not found"); writes need an editor,
take the workspace lock and bump its revision, so the executive view redraws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, Row, select
from sqlalchemy.orm import Session

from dashboard.actions import STATUSES
from dashboard.criteria import registry
from dashboard.messages import msg
from dashboard.peers import document_values
from dashboard.store.access import Access
from dashboard.store.audits import CHRONOLOGICAL
from dashboard.store.errors import InvalidName, NotFound
from dashboard.store.models import Action, Audit, utcnow
from dashboard.store.records import ActionRecord
from dashboard.store.workspaces import check_name, granted, lock_workspace, writing

WHAT_LENGTH = 1000
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class ActionChange:
    """What an update changes; a field left None stays as it is (`clear_due` empties the date)."""

    what: str | None = None
    owner: str | None = None
    due: date | None = None
    clear_due: bool = False
    status: str | None = None


def create_action(
    engine: Engine,
    access: Access,
    audit_id: int,
    metric: str,
    what: str,
    owner: str,
    *,
    created_by: str,
    due: date | None = None,
    status: str = "planned",
) -> int:
    """A new action against a gap of a saved audit (the metric must miss its target there);
    editors only. The metric's value in that audit is kept as the value before."""
    access.require_editor()
    what, owner = _what(what), check_name(owner, what="action_owner")
    created_by = check_name(created_by, what="saved_by")
    _check(status, due)
    with writing(engine) as session:
        workspace = lock_workspace(session, access)
        audit = session.scalar(
            select(Audit).where(Audit.id == audit_id, Audit.workspace_id == workspace.id)
        )
        if audit is None:
            raise NotFound(
                msg("store.error.no_audit_here", id=str(audit_id), slug=repr(access.slug))
            )
        if metric not in {g["metric"] for g in audit.scorecard.get("gaps", ())}:
            raise InvalidName(msg("store.error.not_a_gap", metric=metric, id=str(audit_id)))
        action = Action(
            workspace_id=workspace.id,
            audit_id=audit.id,
            metric=metric,
            what=what,
            owner=owner,
            due=due,
            status=status,
            before=document_values(audit.scorecard).get(metric),
            created_by=created_by,
        )
        session.add(action)
        session.flush()
        return action.id


def update_action(engine: Engine, access: Access, action_id: int, change: ActionChange) -> None:
    """Change an action's text, owner, due date or status; editors only."""
    access.require_editor()
    what = None if change.what is None else _what(change.what)
    owner = None if change.owner is None else check_name(change.owner, what="action_owner")
    _check(change.status or STATUSES[0], change.due)
    with writing(engine) as session:
        lock_workspace(session, access)
        action = _action(session, access, action_id)
        action.what = what or action.what
        action.owner = owner or action.owner
        action.status = change.status or action.status
        if change.clear_due or change.due is not None:
            action.due = None if change.clear_due else change.due
        action.updated_at = utcnow()


def list_actions(engine: Engine, access: Access) -> list[ActionRecord]:
    """The workspace's actions, oldest first, each with its metric's value after: in the latest
    audit (by the data's calendar) that comes after the one the action was made from."""
    with Session(engine) as session:
        granted(session, access)
        actions = session.scalars(
            select(Action).where(Action.workspace_id == access.workspace_id).order_by(Action.id)
        ).all()
        order = session.execute(
            select(Audit.id, Audit.saved_at)
            .where(Audit.workspace_id == access.workspace_id)
            .order_by(*CHRONOLOGICAL)
        ).all()
        latest = order[-1].id if order else None
        values: dict[str, float] = {}
        if latest is not None and actions:
            document = session.scalar(select(Audit.scorecard).where(Audit.id == latest))
            values = document_values(document or {})
        return [_record(a, order, latest, values) for a in actions]


def _record(
    action: Action,
    order: Sequence[Row[int, datetime]],  # the workspace's audits (id, saved_at), oldest first
    latest: int | None,
    values: dict[str, float],
) -> ActionRecord:
    ids = [row.id for row in order]
    if action.audit_id in ids:
        position = ids.index(action.audit_id)
    else:  # the audit it was made from is gone: the audits saved before the action stand in
        before = [i for i, row in enumerate(order) if row.saved_at <= action.created_at]
        position = before[-1] if before else -1
    later = latest is not None and ids.index(latest) > position
    spec = registry.metrics()[action.metric]
    return ActionRecord(
        action.id,
        action.audit_id if action.audit_id in ids else None,
        spec.criterion,
        action.metric,
        action.what,
        action.owner,
        action.due,
        action.status,
        action.before,
        values.get(action.metric) if later else None,
        latest if later else None,
        action.created_by,
        action.created_at,
        action.updated_at,
    )


def _action(session: Session, access: Access, action_id: int) -> Action:
    action = session.scalar(
        select(Action).where(Action.id == action_id, Action.workspace_id == access.workspace_id)
    )
    if action is None:
        raise NotFound(msg("store.error.no_action", id=str(action_id), slug=repr(access.slug)))
    return action


def _what(text: str) -> str:
    text = text.strip()
    if not text or len(text) > WHAT_LENGTH:
        raise InvalidName(
            msg("store.error.bad_name", what=msg("store.error.what.action_what"), n=WHAT_LENGTH)
        )
    return text


def _check(status: str, due: date | None) -> None:
    if status not in STATUSES:
        raise InvalidName(msg("store.error.bad_status", statuses=", ".join(STATUSES)))
    if due is not None and not EARLIEST <= due <= LATEST:
        raise InvalidName(
            msg("store.error.bad_due", earliest=EARLIEST.isoformat(), latest=LATEST.isoformat())
        )
