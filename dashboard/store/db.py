"""Where the store lives and how to reach it: the database URL, the engine, the schema migration.

SQLite in a data folder is the default so a first run needs nothing installed;
PRESENZA_DATABASE_URL points several dashboard instances at one PostgreSQL instead.
The schema is Alembic's job, run from here at start-up, so no one hand-runs SQL.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from dashboard.messages import msg
from dashboard.store.errors import StoreUnavailable

URL_VARIABLE = "PRESENZA_DATABASE_URL"
DATA_DIR_VARIABLE = "PRESENZA_DATA_DIR"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed bigint: PostgreSQL's advisory lock that lets one instance migrate at a time.
_MIGRATION_LOCK = 0x5052_4553_454E_5A41  # "PRESENZA"
# Engine option that makes a SQLite transaction take the write lock when it begins.
_WRITER = "presenza_writer"


def data_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The folder for the embedded database: PRESENZA_DATA_DIR, else ./data (git-ignored)."""
    return Path(environ.get(DATA_DIR_VARIABLE) or "data")


def database_url(environ: Mapping[str, str] = os.environ) -> URL:
    """PRESENZA_DATABASE_URL, else a SQLite file in the data folder; postgres gets psycopg 3.

    `postgresql://` would make SQLAlchemy look for psycopg2, which is not a dependency,
    so every postgres URL is pointed at the psycopg (3) driver here. Other databases
    are refused: the schema and the locking are written for these two.
    """
    raw = environ.get(URL_VARIABLE) or f"sqlite:///{data_dir(environ) / 'presenza.db'}"
    try:
        url = make_url(raw)
    except ArgumentError as error:
        raise StoreUnavailable(
            msg("store.error.bad_url", variable=URL_VARIABLE, detail=str(error))
        ) from None
    if url.get_backend_name() in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() != "sqlite":
        raise StoreUnavailable(msg("store.error.unsupported_url", variable=URL_VARIABLE))
    return url


def describe(url: URL) -> str:
    """The URL without its password, for messages."""
    return url.render_as_string(hide_password=True)


def make_engine(url: str | None = None) -> Engine:
    """An engine for the store (`url`, else the environment's); one per process, shared."""
    resolved = database_url() if url is None else database_url({URL_VARIABLE: url})
    if resolved.get_backend_name() == "sqlite":
        return _sqlite_engine(resolved)
    try:
        import psycopg  # noqa: F401  (the `postgres` extra: `pip install .` is SQLite only)
    except ImportError:
        raise StoreUnavailable(
            msg("store.error.no_postgres_driver", variable=URL_VARIABLE)
        ) from None
    try:
        # pre-ping: a shared server restarts or drops idle connections; reconnect quietly.
        return create_engine(resolved, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except ArgumentError as error:  # NoSuchModuleError too: an unknown driver
        raise StoreUnavailable(
            msg("store.error.cannot_use", url=describe(resolved), detail=str(error))
        ) from None


def _sqlite_engine(url: URL) -> Engine:
    """SQLite with WAL (readers never wait for a save), foreign keys, real transactions.

    Python's sqlite3 (before 3.12) only opens a transaction before a write statement,
    so reads and DDL would escape it; SQLAlchemy's documented recipe takes BEGIN over.
    Writers begin IMMEDIATE so two saves queue on the lock instead of failing halfway.
    """
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30})  # wait up to 30 s for a lock

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writes = connection.get_execution_options().get(_WRITER, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, for transactions that will write (matters to SQLite only)."""
    return engine.execution_options(**{_WRITER: True})


def alembic_config() -> Config:
    """Alembic's configuration, built in code: the app migrates itself, no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision; a no-op when it is already there.

    Safe when several instances start together: on PostgreSQL an advisory lock held for
    the transaction makes them migrate one after the other (the later ones find the
    schema current); on SQLite the IMMEDIATE transaction does the same.
    """
    config = alembic_config()
    with writer(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
