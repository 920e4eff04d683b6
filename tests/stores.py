"""Store fixtures shared by the store and access tests: every test runs on SQLite, and on
PostgreSQL too when PRESENZA_TEST_DATABASE_URL is set (`.ci/run` sets it); each
PostgreSQL test gets a schema of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from dashboard.store import open_store
from dashboard.store.db import database_url

POSTGRES = os.environ.get("PRESENZA_TEST_DATABASE_URL")
ROOT = Path(__file__).resolve().parent.parent
# Never inherited by a CLI run: a save token from the shell.
NOT_INHERITED = ("PRESENZA_SAVE_TOKEN",)


def run_cli(url: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`python -m dashboard …` on the store at `url`, with only the variables given added."""
    environ = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    environ.update({"PRESENZA_DATABASE_URL": url, **env})
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environ,
        timeout=180,
    )


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not POSTGRES, reason="PRESENZA_TEST_DATABASE_URL is not set"),
            ],
        ),
    ]
)
def store_url(request, tmp_path) -> Iterator[str]:
    """An empty store: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    server = database_url({"PRESENZA_DATABASE_URL": POSTGRES})
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = server.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    engine = open_store(store_url, sample=False)
    yield engine
    engine.dispose()
