"""Adapters for the platforms' own export layouts (LinkedIn, Meta, X, advocacy tools).

Each adapter module recognises its format from the bytes and headers (never the file
name) and maps it onto a canonical table; importing it registers it in `ADAPTERS`.
`try_adapters` returns (format name, canonical table, Converted) for the first
adapter that recognises the file, or None to fall back to canonical matching. The
signatures do not overlap, so the order only decides ties that should not occur.
"""

from __future__ import annotations

from dashboard.ingest.adapters import (
    advocacy_users,
    linkedin_creator,
    linkedin_page_content,
    meta_posts,
    x_content,
    x_tweet_activity,
)
from dashboard.ingest.adapters.common import ADAPTERS, Adapter
from dashboard.ingest.convert import Converted
from dashboard.ingest.upload import Upload
from dashboard.schema import TABLES

__all__ = [
    "ADAPTERS",
    "Adapter",
    "advocacy_users",
    "known_headers",
    "linkedin_creator",
    "linkedin_page_content",
    "meta_posts",
    "try_adapters",
    "x_content",
    "x_tweet_activity",
]


def try_adapters(upload: Upload, employee: str | None = None) -> tuple[str, str, Converted] | None:
    """The first adapter that recognises the file, applied; None when none does.

    `employee` names whose activity a per-employee export (LinkedIn creator) is, when the
    user chose it instead of leaving it to the file name.
    """
    for adapter in ADAPTERS:
        if adapter.matches(upload):
            if employee and adapter is linkedin_creator.ADAPTER:
                converted = linkedin_creator.load(upload, employee_id=employee)
            else:
                converted = adapter.load(upload)
            return adapter.format_of(upload), adapter.table, converted
    return None


def known_headers(table: str) -> dict[str, set[str]]:
    """Canonical column → every export header the adapters know for it (any language),
    so a file no adapter recognises still gets good guesses in the mapping step."""
    names = set(TABLES[table].names)
    known: dict[str, set[str]] = {}
    for adapter in ADAPTERS:
        if adapter.table == table:
            for column, aliases in adapter.aliases.items():
                if column in names:
                    known.setdefault(column, set()).update(aliases)
    return known
