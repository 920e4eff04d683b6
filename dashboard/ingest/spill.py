"""A log larger than memory: read by the same loader, each typed chunk written to a Parquet
file instead of kept, and handed to the engine as a lazy scan of those files.

Reading, typing and the load report are the loader's own, chunk by chunk (so rows, columns
and cells are named exactly as for an upload). Exact copies of a row are found as the
loader finds them — hashes of the rows' required columns, sorted, the few rows whose hash
repeats compared whole — and left out of the scan. The engine then aggregates the scan
with polars' streaming engine (`criteria.cube`), a batch at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from dashboard.ingest.convert import empty_table
from dashboard.ingest.limits import Limits
from dashboard.ingest.load import Loaded, load_file
from dashboard.ingest.problems import Problem
from dashboard.ingest.sniff import FileBytes
from dashboard.messages import msg
from dashboard.schema import TABLES

TABLE = "employee_activity"


@dataclass
class Spilled:
    """What became of the file (its frame empty: the rows are in `activity`)."""

    loaded: Loaded
    activity: pl.LazyFrame | None  # None when the file did not load


def spill(name: str, data: FileBytes, folder: Path) -> Spilled:
    """Read an activity log into Parquet files in `folder` (which must exist, and is the
    caller's to remove)."""
    hashes: list[pl.Series] = []
    required = TABLES[TABLE].required

    def keep(part: pl.DataFrame) -> None:
        part.write_parquet(folder / f"part-{len(hashes):06d}.parquet", compression="zstd")
        hashes.append(part.select(required).hash_rows())

    # The size and time limits guard memory and a shared server's time, which a terminal
    # job reading out of memory does not need: no size limit, ten times the time; the
    # limits on cells, records and columns stay as they are.
    usual = Limits.from_env()
    limits = replace(usual, file_bytes=max(usual.file_bytes, len(data)), seconds=usual.seconds * 10)
    loaded = load_file(name, data, table=TABLE, sink=keep, limits=limits)
    if not loaded.ok or not hashes:
        return Spilled(loaded, None)
    scan = pl.scan_parquet(folder / "part-*.parquet")
    copies = _copies(pl.concat(hashes), scan)
    loaded.rows_spilled = sum(len(h) for h in hashes) - len(copies)
    loaded.frame = empty_table(TABLES[TABLE])
    if copies.is_empty():
        return Spilled(loaded, scan)
    loaded.rows_duplicate = len(copies)
    loaded.problems.append(
        Problem(
            name,
            "duplicate_row",
            "warning",
            message=msg("load.message.duplicate_rows", n=len(copies)),
        )
    )
    kept = scan.with_row_index("_i").filter(~pl.col("_i").is_in(copies.implode()))
    return Spilled(loaded, kept.drop("_i"))


def _copies(hashes: pl.Series, scan: pl.LazyFrame) -> pl.Series:
    """Positions of the rows that repeat an earlier row exactly."""
    ordered = hashes.sort()
    repeats = ordered.filter(ordered == ordered.shift(1)).unique()  # `diff` overflows on u64
    if repeats.is_empty():
        return pl.Series("_i", [], dtype=pl.UInt32)
    candidates = hashes.is_in(repeats.implode()).arg_true()
    rows = (
        scan.with_row_index("_i")
        .filter(pl.col("_i").is_in(candidates.implode()))
        .collect(engine="streaming")
        .sort("_i")
    )
    first = rows.drop("_i").select(pl.struct(pl.all()).is_first_distinct()).to_series()
    return rows.filter(~first)["_i"]
