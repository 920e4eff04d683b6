"""Column mappings in the store: each owned by a workspace or a user, shared by every instance.

A mapping confirmed on the Data page is kept under its owner and the header's
signature, so the next file with the same header loads by itself for that owner,
whichever instance behind the load balancer reads it. Only header names (or
positions) are kept, never a cell (`ingest.mappings.checked`), and every save is one
transaction.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from dashboard.ingest.mappings import Mappings, SavedMapping, readable
from dashboard.store.models import ColumnMapping, utcnow
from dashboard.store.workspaces import writing

LOCAL = "local"  # the one user of a server no one else reaches


def workspace_owner(slug: str) -> str:
    return f"workspace:{slug}"


def user_owner(email: str) -> str:
    return f"user:{email.strip().lower()}"


class StoredMappings(Mappings):
    """One owner's mappings in the store."""

    def __init__(self, engine: Engine, owner: str) -> None:
        self.engine, self.owner = engine, owner

    def find(self, signature: str) -> tuple[str, SavedMapping] | None:
        with Session(self.engine) as session:
            row = session.get(ColumnMapping, (self.owner, signature))
            return None if row is None else readable(row.table_name, row.mapping)

    def _keep(self, signature: str, table: str, columns: SavedMapping) -> None:
        with writing(self.engine) as session:
            row = session.get(ColumnMapping, (self.owner, signature))
            if row is None:
                row = ColumnMapping(owner=self.owner, signature=signature)
                session.add(row)
            row.table_name, row.mapping, row.saved_at = table, columns, utcnow()

    def revision(self) -> tuple[int, str]:
        """A value that changes whenever this owner's mappings do: part of a cache key, so
        a file that failed before a mapping was saved is read again afterwards."""
        with Session(self.engine) as session:
            count, latest = session.execute(
                select(func.count(), func.max(ColumnMapping.saved_at)).where(
                    ColumnMapping.owner == self.owner
                )
            ).one()
        return count, str(latest)


def import_file(engine: Engine, path: Path) -> int:
    """The mappings of a JSON file an older version kept in its data folder, imported for
    the local user (those already in the store win); the file is then renamed, so it is
    read once. Returns how many were imported; a missing or damaged file imports none."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    local = StoredMappings(engine, LOCAL)
    imported = 0
    for signature, entry in saved.items() if isinstance(saved, dict) else ():
        found = (
            readable(entry.get("table"), entry.get("mapping")) if isinstance(entry, dict) else None
        )
        if found is not None and local.find(signature) is None:
            imported += local.save(signature, *found)
    with contextlib.suppress(OSError):  # another instance took it first
        path.rename(path.with_name(path.name + ".imported"))
    return imported
