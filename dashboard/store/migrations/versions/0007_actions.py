"""The action plan, and what a workspace says about itself for peer benchmarks.

Actions are made from a gap and carry the metric's value then; a workspace gains its
sector, size band, whether it stays out of benchmarks, and the language its digest is
written in.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: SQLite's batch mode would copy the table and drop
    # the old one, and dropping it deletes every passphrase and audit through their cascades.
    op.add_column("workspaces", sa.Column("sector", sa.String(length=32), nullable=True))
    op.add_column("workspaces", sa.Column("size_band", sa.String(length=16), nullable=True))
    op.add_column(
        "workspaces",
        sa.Column("peer_opt_out", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column(
        "workspaces", sa.Column("lang", sa.String(length=8), server_default="it", nullable=False)
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=True),
        sa.Column("metric", sa.String(length=100), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("before", sa.Float(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspaces.id"],
            name=op.f("fk_actions_workspace_id_workspaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
    )
    op.create_index("ix_actions_workspace", "actions", ["workspace_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_actions_workspace", table_name="actions")
    op.drop_table("actions")
    with op.batch_alter_table("workspaces") as batch:
        batch.drop_column("lang")
        batch.drop_column("peer_opt_out")
        batch.drop_column("size_band")
        batch.drop_column("sector")
