"""Access you can trust: grant epochs, save tokens, sign-in failures; the sample unclaimed.

Adds `workspaces.grant_epoch` (a passphrase change ends older grants), the hashed
save token of scheduled `audit --save` jobs, and the `sign_in_failures` table that
throttles guessing across instances. Open workspaces (the sample) become read-only
for everyone, so any passphrase someone set on one is removed: nobody keeps a claim.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workspaces") as batch:
        batch.add_column(sa.Column("grant_epoch", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("save_token", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("save_token_set_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "sign_in_failures",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_failures")),
    )
    op.create_index(
        op.f("ix_sign_in_failures_last_failure_at"), "sign_in_failures", ["last_failure_at"]
    )
    # The sample is read-only for everyone: whoever set a passphrase on it loses the claim.
    op.execute(
        "DELETE FROM passphrases WHERE workspace_id IN (SELECT id FROM workspaces WHERE is_open)"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_sign_in_failures_last_failure_at"), table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
    with op.batch_alter_table("workspaces") as batch:
        batch.drop_column("save_token_set_at")
        batch.drop_column("save_token")
        batch.drop_column("grant_epoch")
