"""Saved tables as files: `audit_tables.kept_in` says where a table's Parquet copy is.

'files' — a Parquet file named by its digest in the table files (data/tables/, or the
object store of PRESENZA_TABLES_URL); 'database' — the bytes in `parquet`, as audits
saved before this revision keep them; empty — not kept (a table above the old size
cap: only its digest says which data it was).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_tables") as batch:
        batch.add_column(sa.Column("kept_in", sa.String(length=16), nullable=True))
    op.execute("UPDATE audit_tables SET kept_in = 'database' WHERE parquet IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("audit_tables") as batch:
        batch.drop_column("kept_in")
