"""The tables of the store: workspaces, their passphrases, audits and the audits' data,
the consultant's notes on an audit, the sign-in failures that throttle guessing, the
column mappings people confirmed, and the actions a workspace plans against its gaps.

The migrations (migrations/versions/) create exactly these; a test compares the two,
so a change here without a new revision fails.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints: SQLite alters tables by copying them, which needs the names.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone: UTC is put back on read)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Workspace(Base):
    """One client company. `revision` grows with every change, so a live view can poll it.

    `grant_epoch` grows with every passphrase change: an access granted under an older
    epoch is refused, so a changed passphrase ends the sessions signed in with the old
    one. `save_token` is the SHA-256 of the token a scheduled `audit --save` must show.
    An open workspace (the sample) is read-only for everyone.
    """

    __tablename__ = "workspaces"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    is_open: Mapped[bool] = mapped_column(Boolean, default=False)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    grant_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    save_token: Mapped[str | None] = mapped_column(String(64))
    save_token_set_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The number its last audit was given: audits are numbered per workspace, never reused.
    last_audit_number: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Who its peers are (codes of `dashboard.peers`), and whether it stays out of benchmarks.
    sector: Mapped[str | None] = mapped_column(String(32))
    size_band: Mapped[str | None] = mapped_column(String(16))
    peer_opt_out: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    lang: Mapped[str] = mapped_column(String(8), default="it", server_default="it")
    # The brand its reports carry: the client's name, primary colour (#RRGGBB) and logo,
    # a PNG already checked and re-encoded (see dashboard/report/logo.py).
    brand_client: Mapped[str | None] = mapped_column(String(200))
    brand_color: Mapped[str | None] = mapped_column(String(7))
    brand_logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


class Passphrase(Base):
    """A role's passphrase as a salted scrypt digest; the passphrase itself is never stored."""

    __tablename__ = "passphrases"

    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    kdf: Mapped[str] = mapped_column(String(64))  # the function and its parameters
    salt: Mapped[bytes] = mapped_column(LargeBinary)
    digest: Mapped[bytes] = mapped_column(LargeBinary)
    set_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Audit(Base):
    """A dated snapshot: the scorecard as computed, plus what it was computed from.

    The headline numbers are columns so lists and trends need not read the JSON.
    """

    __tablename__ = "audits"
    __table_args__ = (
        # At most one current audit per workspace, enforced by the database itself.
        Index(
            "uq_audits_current",
            "workspace_id",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
        Index("ix_audits_workspace_saved", "workspace_id", "saved_at"),
        Index("uq_audits_number", "workspace_id", "number", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    # What people call it: n. 1 is a workspace's first audit, whatever other workspaces hold.
    number: Mapped[int] = mapped_column(Integer, server_default="0")
    name: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    saved_by: Mapped[str] = mapped_column(String(200))
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    overall_score: Mapped[float | None] = mapped_column(Float)
    level: Mapped[int | None] = mapped_column(Integer)  # index into dashboard.scoring.LEVELS
    measured: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    scorecard: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True)  # dashboard.document
    settings: Mapped[str] = mapped_column(Text, deferred=True)  # settings TOML, every value
    questionnaire: Mapped[str] = mapped_column(Text, deferred=True)  # questionnaire TOML
    inputs: Mapped[list[dict[str, Any]]] = mapped_column(JSON, deferred=True)  # files read


class AuditTable(Base):
    """One canonical table an audit was computed from: its digest, and where its zstd
    Parquet copy is (`kept_in`): 'files' — the table file named by the digest
    (`tablefiles`); 'database' — `parquet` (audits saved before table files); empty —
    not kept (above the old size cap: the digest still says which data it was).
    """

    __tablename__ = "audit_tables"

    audit_id: Mapped[int] = mapped_column(
        ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True
    )
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_count: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    parquet: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    kept_in: Mapped[str | None] = mapped_column(String(16))


class AuditNote(Base):
    """A consultant's note on one audit: its summary, a criterion, or a gap (by metric).

    `subject` is `summary`, `criterion:<id>` or `gap:<metric id>`. A gap's note may
    replace the default recommendation and carries the meeting's verdict (`status`,
    with a `reason` when out of scope). A new audit starts from the previous audit's
    notes, copied with `carried_over` set until someone edits them.
    """

    __tablename__ = "audit_notes"

    audit_id: Mapped[int] = mapped_column(
        ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True
    )
    subject: Mapped[str] = mapped_column(String(100), primary_key=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(16))  # agreed, out_of_scope, to_discuss
    reason: Mapped[str | None] = mapped_column(Text)
    carried_over: Mapped[bool] = mapped_column(Boolean, default=False)
    written_by: Mapped[str] = mapped_column(String(200))
    written_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class SignInFailure(Base):
    """Wrong passphrases in a row for one workspace name, one client address or the server.

    `key` is a SHA-256 of the scope and the value, so no address is stored; rows are
    shared by every instance on the same database, which is what makes the throttle hold
    behind a load balancer.
    """

    __tablename__ = "sign_in_failures"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(16))
    failures: Mapped[int] = mapped_column(Integer)
    last_failure_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class ColumnMapping(Base):
    """A column mapping someone confirmed on the Data page, for files with one header layout.

    `owner` is whose it is — a workspace (`workspace:<slug>`), a signed-in user
    (`user:<address>`) or the one user of a server no one else reaches (`local`) —
    never the whole server. `mapping` holds header names (or positions) only, never a
    cell of the file: canonical column → the file's column.
    """

    __tablename__ = "column_mappings"

    owner: Mapped[str] = mapped_column(String(200), primary_key=True)
    signature: Mapped[str] = mapped_column(String(64), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Action(Base):
    """Something a client will do about a gap: what, who, by when, and the metric it should move.

    `before` is the metric's value in the audit the action was made from (`audit_id`, kept
    as a plain number so deleting that audit keeps the action); the value after comes from
    the audits saved later, read when the actions are listed.
    """

    __tablename__ = "actions"
    __table_args__ = (Index("ix_actions_workspace", "workspace_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    audit_id: Mapped[int | None] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(String(100))  # a registry metric id
    what: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    before: Mapped[float | None] = mapped_column(Float)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
