"""Shared test helpers: build datasets from small CSV texts through the real loader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.audit import Auditor
from dashboard.criteria.context import Context
from dashboard.ingest import Dataset, load_file
from dashboard.period import Period
from dashboard.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def dataset_from(**files: str) -> Dataset:
    """A dataset from file texts keyed by file name (`roster_csv="..."` → file 'roster.csv').

    Each text goes through `load_file` exactly as an upload would, and must load.
    """
    dataset = Dataset()
    for key, text in files.items():
        name = key.replace("_csv", ".csv").replace("_toml", ".toml")
        loaded = load_file(name, text.strip().encode("utf-8") + b"\n")
        assert loaded.ok, [p.line() for p in loaded.problems]
        dataset = dataset.add(loaded)
    return dataset


def context_for(
    dataset: Dataset, start: date, end: date, settings: Settings | None = None
) -> Context:
    """The audit context of a dataset over [start, end]."""
    return Auditor(dataset).context(settings or Settings(), Period(start, end))


@pytest.fixture
def sample_dir() -> Path:
    return ROOT / "sample_data"


@pytest.fixture(autouse=True)
def _store_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test writes to the checkout's ./data, nor to a database the shell points at:
    the audit store (and anything else kept in the data folder) goes to a fresh folder."""
    monkeypatch.setenv("PRESENZA_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("PRESENZA_DATABASE_URL", raising=False)
