"""Audits numbered per workspace: a new workspace's first audit is n. 1, not the next id
of the whole store.

Existing audits are numbered within their workspace in the order they were saved, and
each workspace remembers the last number it gave, so a deleted audit's number is never
given again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (NOT NULL with a default) on both backends: SQLite's batch mode would
    # copy the tables and drop the old ones, deleting audits' tables and notes through
    # their cascades.
    op.add_column(
        "workspaces",
        sa.Column("last_audit_number", sa.Integer(), server_default="0", nullable=False),
    )
    op.add_column("audits", sa.Column("number", sa.Integer(), server_default="0", nullable=False))
    op.execute(
        "UPDATE audits SET number = (SELECT COUNT(*) FROM audits AS earlier"
        " WHERE earlier.workspace_id = audits.workspace_id"
        " AND (earlier.saved_at < audits.saved_at"
        " OR (earlier.saved_at = audits.saved_at AND earlier.id <= audits.id)))"
    )
    op.execute(
        "UPDATE workspaces SET last_audit_number = (SELECT COALESCE(MAX(number), 0)"
        " FROM audits WHERE audits.workspace_id = workspaces.id)"
    )
    op.create_index("uq_audits_number", "audits", ["workspace_id", "number"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_audits_number", table_name="audits")
    with op.batch_alter_table("audits") as batch:
        batch.drop_column("number")
    with op.batch_alter_table("workspaces") as batch:
        batch.drop_column("last_audit_number")
