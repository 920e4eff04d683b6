"""Column mappings in the store: shared by every instance, owned by a workspace or a user.

The mappings confirmed on the Data page were a JSON file in each instance's data
folder, one for the whole server; they become rows keyed by owner and header
signature, written in transactions. (A file left from before is imported at start-up,
for its one local user: `store.mappings.import_file`.)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "column_mappings",
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("owner", "signature", name=op.f("pk_column_mappings")),
    )


def downgrade() -> None:
    op.drop_table("column_mappings")
