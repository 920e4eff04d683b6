"""Workspaces and who may enter them: creation, passphrases, sign-in, the scheduled jobs'
save tokens, and the checks every repository call makes on the access it was given.

A sign-in answers the same words in the same time whether or not the workspace
exists, and is throttled per workspace name and per client address (`throttle`);
every failure is logged. An access carries the workspace's grant epoch, and is
refused once a passphrase has changed. The sample workspace is read-only for all.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, Select, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dashboard.messages import msg
from dashboard.store import throttle
from dashboard.store.access import (
    ROLES,
    Access,
    Role,
    hash_passphrase,
    matching_role,
    new_save_token,
    outdated,
    rehash,
    token_matches,
)
from dashboard.store.db import writer
from dashboard.store.errors import AccessDenied, GrantEnded, InvalidName, NotFound
from dashboard.store.models import Audit, Passphrase, Workspace, utcnow
from dashboard.store.records import WorkspaceInfo

SAMPLE_SLUG = "esempio"
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
NAME_LENGTH = 200
LOCAL_CLIENT = "local"  # the client "address" of a browser on the server itself
log = logging.getLogger("presenza.access")


def create_workspace(
    engine: Engine,
    slug: str,
    name: str | None = None,
    *,
    editor_passphrase: str | None = None,
    viewer_passphrase: str | None = None,
    client: str | None = None,
) -> Access:
    """A new workspace (one per client company); its creator gets editor access.

    Without passphrases a closed workspace is reachable only from the terminal
    (`trusted_access`) until an editor sets them. A name already taken is refused in
    the same words as a reserved one, and counts as a failed try for the client's
    throttle, so creating is no faster a way to list workspaces than guessing.
    """
    slug = check_slug(slug)
    name = check_name(name or slug, what="workspace_name")
    taken = InvalidName(msg("store.error.name_taken", slug=slug))
    if slug == SAMPLE_SLUG:
        raise taken
    subjects = [("client", client or LOCAL_CLIENT)]
    throttle.check(engine, subjects)
    context = (slug, name)
    hashed = {
        role: hash_passphrase(passphrase, context)
        for role, passphrase in (("editor", editor_passphrase), ("viewer", viewer_passphrase))
        if passphrase is not None
    }
    try:
        with writing(engine) as session:
            workspace = Workspace(slug=slug, name=name, is_open=False)
            session.add(workspace)
            session.flush()
            for role, (kdf, salt, digest) in hashed.items():
                session.add(
                    Passphrase(
                        workspace_id=workspace.id, role=role, kdf=kdf, salt=salt, digest=digest
                    )
                )
    except IntegrityError:  # the slug is unique in the database, whoever raced for it
        throttle.record_failure(engine, subjects)
        raise taken from None
    return Access(workspace.id, slug, name, "editor", workspace.grant_epoch)


def check_slug(slug: str) -> str:
    """A workspace's short name: it appears in links, so lower case, digits and hyphens."""
    slug = slug.strip()
    if not SLUG.fullmatch(slug):
        raise InvalidName(msg("store.error.bad_slug", slug=slug))
    return slug


def authorize(
    engine: Engine, slug: str, passphrase: str | None, *, client: str | None = None
) -> Access:
    """The access a passphrase grants in a workspace; `AccessDenied` otherwise.

    The editor passphrase makes an editor, the viewer passphrase a viewer. Without a
    passphrase only an open workspace (the sample) lets one in, read-only. A wrong
    passphrase and an unknown workspace get the same answer in the same time (one
    scrypt per role either way), so a link reveals no other workspace. Guessing is
    throttled per workspace name and per `client` address (see `throttle`), and
    every failure is logged.
    """
    slug = slug.strip()
    denied = AccessDenied(msg("store.error.denied", slug=slug))
    if passphrase is None:
        with Session(engine) as session:
            workspace = session.scalar(select(Workspace).where(Workspace.slug == slug))
        if workspace is None or not workspace.is_open:
            raise denied
        return _access(workspace, "viewer")
    client = client or LOCAL_CLIENT
    subjects = [("workspace", slug), ("client", client)]
    throttle.check(engine, subjects)
    with Session(engine) as session:
        rows = session.execute(
            select(Workspace, Passphrase)
            .outerjoin(Passphrase, Passphrase.workspace_id == Workspace.id)
            .where(Workspace.slug == slug)
        ).all()
    workspace = rows[0][0] if rows else None
    stored = {p.role: p for _, p in rows if p is not None}
    role = matching_role(passphrase, stored)
    if workspace is None or role is None:
        failures = throttle.record_failure(engine, subjects)
        log.warning(
            "wrong passphrase for workspace %r from %s (%d in a row)", slug, client, failures
        )
        raise denied
    throttle.clear(engine, subjects[:1])
    if outdated(stored[role]):
        _rehash(engine, workspace.id, role, passphrase)
    return _access(workspace, role)


def _rehash(engine: Engine, workspace_id: int, role: Role, passphrase: str) -> None:
    """The digest of a passphrase just checked, made again at today's cost. The passphrase
    is the same, so no one is signed out (the grant epoch stays)."""
    kdf, salt, digest = rehash(passphrase)
    with writing(engine) as session:
        row = session.get(Passphrase, (workspace_id, role))
        if row is not None and outdated(row):
            row.kdf, row.salt, row.digest = kdf, salt, digest


def authorize_server(
    engine: Engine, configured: str, passphrase: str, *, client: str | None = None
) -> None:
    """Check the server's own passphrase (the sign-in before uploading on a shared
    deployment); `AccessDenied` when wrong, throttled and logged like a workspace's."""
    client = client or LOCAL_CLIENT
    subjects = [("server", "server"), ("client", client)]
    throttle.check(engine, subjects)
    given = hashlib.sha256(passphrase.encode("utf-8")).digest()
    if not hmac.compare_digest(given, hashlib.sha256(configured.encode("utf-8")).digest()):
        failures = throttle.record_failure(engine, subjects)
        log.warning("wrong server passphrase from %s (%d in a row)", client, failures)
        raise AccessDenied(msg("store.error.server_denied"))
    throttle.clear(engine, subjects[:1])


def trusted_access(engine: Engine, slug: str, role: Role = "editor") -> Access:
    """Access with no passphrase (editor, unless told otherwise): for the terminal and for
    sign-ins the deployment vouches for (Streamlit's login). The sample stays read-only.

    Whoever holds the database URL can read every row anyway; the passphrases guard
    the dashboard, which is reachable by people who do not.
    """
    with Session(engine) as session:
        workspace = session.scalar(select(Workspace).where(Workspace.slug == slug.strip()))
        if workspace is None:
            raise NotFound(msg("store.error.no_workspace", slug=repr(slug)))
        return _access(workspace, role)


def job_access(engine: Engine, slug: str, token: str | None) -> Access:
    """Editor access for a scheduled `audit --save`, only with the workspace's save token.

    The job never creates the workspace: whoever created it on the Saved audits page,
    and made the token there, owns it. A visitor who took the name first has no way to
    make the job's token match, so the client's audit never lands in their workspace.
    """
    slug = slug.strip()
    with Session(engine) as session:
        workspace = session.scalar(select(Workspace).where(Workspace.slug == slug))
    if workspace is None:
        raise NotFound(msg("store.error.job_no_workspace", slug=repr(slug)))
    if workspace.is_open:
        raise AccessDenied(msg("store.error.job_sample", slug=repr(slug)))
    if not token:
        raise AccessDenied(msg("store.error.job_no_token", slug=repr(slug)))
    if not token_matches(token, workspace.save_token):
        raise AccessDenied(msg("store.error.job_wrong_token", slug=repr(slug)))
    return _access(workspace, "editor")


def workspace_info(engine: Engine, access: Access) -> WorkspaceInfo:
    """The workspace as its editors manage it: name, openness, which roles have a passphrase."""
    with Session(engine) as session:
        workspace = granted(session, access)
        protected = tuple(r for r in ROLES if r in _passphrases(session, workspace.id))
        return WorkspaceInfo(
            workspace.slug,
            workspace.name,
            workspace.is_open,
            protected,
            workspace.revision,
            workspace.created_at,
            workspace.save_token_set_at,
        )


def set_passphrase(engine: Engine, access: Access, role: Role, passphrase: str | None) -> Access:
    """Set (or with None, remove) the passphrase of a role; editors only.

    Every other session signed in to the workspace is signed out (the grant epoch
    moves on); the caller's own access is returned renewed, so it stays in.
    """
    access.require_editor()
    if role not in ROLES:
        raise InvalidName(msg("store.error.bad_role", roles=", ".join(ROLES)))
    hashed = None if passphrase is None else hash_passphrase(passphrase, (access.slug, access.name))
    with writing(engine) as session:
        workspace = lock_workspace(session, access)
        existing = session.get(Passphrase, (workspace.id, role))
        if existing is not None:
            session.delete(existing)
            session.flush()
        if hashed is not None:
            kdf, salt, digest = hashed
            session.add(
                Passphrase(workspace_id=workspace.id, role=role, kdf=kdf, salt=salt, digest=digest)
            )
        workspace.grant_epoch += 1
        return _access(workspace, access.role)


def issue_save_token(engine: Engine, access: Access) -> str:
    """A new save token for scheduled `audit --save` jobs (the old one stops working);
    editors only. The token is returned once and stored only as its SHA-256."""
    access.require_editor()
    token, digest = new_save_token()
    with writing(engine) as session:
        workspace = lock_workspace(session, access)
        workspace.save_token, workspace.save_token_set_at = digest, utcnow()
    return token


def revoke_save_token(engine: Engine, access: Access) -> None:
    """No scheduled job may save into the workspace any more; editors only."""
    access.require_editor()
    with writing(engine) as session:
        workspace = lock_workspace(session, access)
        workspace.save_token, workspace.save_token_set_at = None, None


def latest_change_token(engine: Engine, access: Access) -> int:
    """A number that changes whenever the workspace's audits do (save, rename, current,
    delete): one primary-key read, cheap enough for a live view to poll."""
    with Session(engine) as session:
        return granted(session, access).revision


@contextmanager
def writing(engine: Engine) -> Iterator[Session]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with Session(writer(engine), expire_on_commit=False) as session, session.begin():
        yield session


# Any fixed bigint: PostgreSQL's advisory lock that saves and deletes take before they
# write or remove table files (SQLite's writers already hold the database's lock).
_TABLE_FILES_LOCK = 0x5052_5A5F_5441_424C  # "PRZ_TABL"


def lock_table_files(session: Session) -> None:
    """Until commit, no other transaction writes or removes table files."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _TABLE_FILES_LOCK})


def _access(workspace: Workspace, role: Role) -> Access:
    """What a workspace grants in a role now: the sample grants reading, whatever is asked."""
    role = "viewer" if workspace.is_open else role
    return Access(workspace.id, workspace.slug, workspace.name, role, workspace.grant_epoch)


def granted(session: Session, access: Access, *, lock: bool = False) -> Workspace:
    """The caller's workspace, if the access is still good: it must exist, and no passphrase
    may have changed since it was granted."""
    query = select(Workspace).where(Workspace.id == access.workspace_id)
    workspace = session.scalar(query.with_for_update() if lock else query)
    if workspace is None:
        raise NotFound(msg("store.error.workspace_gone", slug=repr(access.slug)))
    if workspace.grant_epoch != access.epoch:
        raise GrantEnded(msg("store.error.grant_ended", slug=access.slug))
    return workspace


def audit_row(
    session: Session,
    access: Access,
    audit_id: int,
    shape: Callable[[Select[Audit]], Select[Audit]] | None = None,
) -> Audit:
    """The audit if it is in the caller's workspace; otherwise not found, never forbidden
    (`shape` adds options to the query, such as loading the deferred documents)."""
    granted(session, access)
    query = select(Audit).where(Audit.id == audit_id, Audit.workspace_id == access.workspace_id)
    audit = session.scalar(query if shape is None else shape(query))
    if audit is None:
        raise NotFound(msg("store.error.no_audit_here", id=str(audit_id), slug=repr(access.slug)))
    return audit


def lock_workspace(session: Session, access: Access) -> Workspace:
    """The workspace row, locked until commit, with its revision bumped: writers to one
    workspace queue here, and the live view sees the change. The sample is never written."""
    workspace = granted(session, access, lock=True)
    if workspace.is_open:
        raise AccessDenied(msg("store.error.read_only", slug=access.slug))
    workspace.revision += 1
    return workspace


def _passphrases(session: Session, workspace_id: int) -> dict[str, Passphrase]:
    rows = session.scalars(select(Passphrase).where(Passphrase.workspace_id == workspace_id))
    return {p.role: p for p in rows}


def check_name(name: str, what: str = "audit_name") -> str:
    """A name people typed, 1 to NAME_LENGTH characters; `what` names it in the refusal
    (a `store.error.what.*` text)."""
    name = name.strip()
    if not name or len(name) > NAME_LENGTH:
        raise InvalidName(
            msg("store.error.bad_name", what=msg(f"store.error.what.{what}"), n=NAME_LENGTH)
        )
    return name
