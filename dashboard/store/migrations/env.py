"""Alembic's environment: always online, on the connection `dashboard.store.db.migrate` hands over.

The app migrates itself at start-up inside one transaction (with a lock held), so
this file only configures Alembic on that connection; there is no alembic.ini.
"""

from alembic import context

from dashboard.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: later revisions copy the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
