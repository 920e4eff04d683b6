"""Adapters for the platforms' own export layouts (LinkedIn, Meta, X, advocacy tools).

Each adapter recognises its format from the bytes and headers and maps it onto a
canonical table. `try_adapters` returns (format name, canonical table, Converted) for
the first adapter that recognises the file, or None to fall back to canonical matching.
"""

from __future__ import annotations

from dashboard.ingest.convert import Converted
from dashboard.ingest.sniff import Sniffed

ADAPTERS: list = []


def try_adapters(file: str, data: bytes, sniffed: Sniffed) -> tuple[str, str, Converted] | None:
    """The first adapter that recognises the file, applied; None when none does."""
    for adapter in ADAPTERS:
        if adapter.matches(data, sniffed):
            return adapter.format, adapter.table, adapter.load(file, data, sniffed)
    return None
