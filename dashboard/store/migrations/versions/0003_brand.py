"""The brand a workspace's reports carry: client name, primary colour, logo (PNG).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workspaces") as batch:
        batch.add_column(sa.Column("brand_client", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("brand_color", sa.String(length=7), nullable=True))
        batch.add_column(sa.Column("brand_logo", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workspaces") as batch:
        batch.drop_column("brand_logo")
        batch.drop_column("brand_color")
        batch.drop_column("brand_client")
