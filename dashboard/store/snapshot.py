"""What an audit is stored as, beside its document: the tables, settings and answers.

A saved audit must render without recomputing (the executive view opens on its
document, `dashboard.document`) and be recomputable later (new targets on the same
data), so it keeps both the scorecard as computed and a compact copy of the canonical
tables it came from.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl
import tomli_w

from dashboard.criteria import registry
from dashboard.ingest import Dataset, Loaded
from dashboard.ingest.convert import dtype
from dashboard.questionnaire import parse_questionnaire, to_toml
from dashboard.schema import TABLES
from dashboard.settings import Settings
from dashboard.store.tablefiles import digest_of


@dataclass(frozen=True)
class TableCopy:
    """One canonical table as saved: rows, and its Parquet bytes with their digest."""

    name: str
    rows: int
    digest: str
    parquet: bytes


def copy_tables(dataset: Dataset) -> list[TableCopy]:
    """Every canonical table the dataset has, as zstd Parquet (done before the transaction)."""
    copies = []
    for name in sorted(dataset.tables):
        frame, buffer = dataset.table(name), io.BytesIO()
        frame.write_parquet(buffer, compression="zstd")
        data = buffer.getvalue()
        copies.append(TableCopy(name, frame.height, digest_of(data), data))
    return copies


def dataset_from_tables(tables: dict[str, tuple[str, bytes]], questionnaire: str) -> Dataset:
    """The dataset a saved audit was computed from: name → (digest, Parquet), and its answers
    (TOML) as the dataset's questionnaire file.

    Each table comes back as one loaded file with today's canonical columns and types
    (a column added since the save is empty, i.e. unknown), so `Auditor` prepares it
    exactly as it did the uploads.
    """
    dataset = Dataset()
    for name, (digest, data) in sorted(tables.items()):
        frame = pl.read_parquet(io.BytesIO(data))
        frame = frame.select(
            (pl.col(c.name) if c.name in frame.columns else pl.lit(None))
            .cast(dtype(c))
            .alias(c.name)
            for c in TABLES[name].columns
        )
        loaded = Loaded(
            f"{name}.parquet",
            digest=f"saved:{digest}",
            format="canonical",
            table=name,
            frame=frame,
            rows_read=frame.height,
        )
        dataset = dataset.add(loaded)
    if questionnaire.strip():
        answers = parse_questionnaire(questionnaire)
        dataset = dataset.add(
            Loaded(
                "questionnaire.toml", "saved:questionnaire", "questionnaire", questionnaire=answers
            )
        )
    return dataset


def questionnaire_toml(answers: Mapping[str, Any]) -> str:
    """The answers the audit used as TOML; empty when none."""
    return to_toml(answers)


def settings_toml(settings: Settings) -> str:
    """Every setting in effect, defaults included, exactly (floats unrounded).

    Readable by `parse_settings`; defaults are written out so a later registry change
    does not silently alter what a saved audit meant.
    """
    audit: dict[str, Any] = {"weakest_link": settings.weakest_link}
    if settings.expected_platforms is not None:
        audit["expected_platforms"] = list(settings.expected_platforms)
    document = {
        "audit": audit,
        "criteria": {
            c.id: {"weight": settings.criterion_weight(c.id)} for c in registry.criteria()
        },
        "metrics": {
            m: {
                "floor": settings.floor(m),
                "target": settings.target(m),
                "weight": settings.weight(m),
            }
            for m in registry.metrics()
        },
    }
    return tomli_w.dumps(document)
