"""Column mappings the user chose, remembered per header layout and offered again.

A file no adapter and no canonical header recognises goes through a mapping step:
the user says which column is which. `guess_mapping` preselects the likely answer;
a `Mappings` store keeps the confirmed answer under the file's `header_signature`, so
the next export of the same layout loads without asking (`load_file(...,
mappings=store)` reports it as format `mapped`, with a note in the load report).
Pure Python: the Streamlit page owns the widgets, the store the rows, this module the
rules.

Only column names are ever saved, and only real ones: a "header" that looks like
a row of data (a file with no header row, whose first row holds a person's id,
name and department) is never learned (`looks_like_data`). A saved mapping is
applied only to a header with exactly the same column names (in any order).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence

from dashboard.ingest.adapters import known_headers
from dashboard.ingest.adapters.common import header_key
from dashboard.ingest.reader import Grid
from dashboard.messages import Msg, msg
from dashboard.schema import TABLES

FUZZY_CUTOFF = 0.75  # difflib ratio below which a header is not offered as a guess

# canonical column → the source column, by header text (survives reordered columns) or by
# index (for headers with blank or repeated names)
SavedMapping = dict[str, int | str]


def header_signature(header: Sequence[str | None]) -> str:
    """A digest of a header's column names exactly as written (spaces around them aside),
    in any order: the same export layout gives the same signature even when the
    platform reorders its columns, and a header that differs in one name does not."""
    names = sorted((h or "").strip() for h in header)
    return hashlib.blake2b("\x1f".join(names).encode(), digest_size=12).hexdigest()


_VALUE = re.compile(
    r"^[-+]?[\d.,' ]*\d[\d.,' ]*%?$"  # a number
    r"|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2})?)?$"  # a date
    r"|^[^@\s]+@[^@\s]+\.\w+$"  # an e-mail
    r"|^(https?://|www\.)"  # a link
    r"|^[A-Za-z]{0,3}[-_]?\d{2,}$"  # an id like E000045
)


def looks_like_data(header: Sequence[str | None]) -> bool:
    """True when a 'header' is a row of values (numbers, dates, e-mails, links, ids), as
    the first row of a file without a header is: never learned, never used as names."""
    cells = [(h or "").strip() for h in header]
    return any(_VALUE.match(c) for c in cells if c)


def resolve(header: Sequence[str | None], mapping: Mapping[str, int | str]) -> dict[str, int]:
    """A saved mapping as column indices of this header (what `convert` takes).
    Names are matched folded; a name or index the header lacks is left out."""
    keys = [header_key(h) for h in header]
    columns = {}
    for canonical, source in mapping.items():
        if isinstance(source, int):
            index = source if 0 <= source < len(keys) else None
        else:
            index = keys.index(header_key(source)) if header_key(source) in keys else None
        if index is not None:
            columns[canonical] = index
    return columns


def checked(
    table: str, mapping: Mapping[str, int | str], header: Sequence[str | None] | None = None
) -> SavedMapping | None:
    """A mapping fit to keep (header names, or positions as ints), or None when the header
    is a row of data, not column names: that is never learned."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    if header is not None and looks_like_data(header):
        return None
    # int() also turns a widget's numpy index into something JSON can hold.
    return {k: v if isinstance(v, str) else int(v) for k, v in mapping.items()}


def readable(table: object, mapping: object) -> tuple[str, SavedMapping] | None:
    """A kept mapping as `find` returns it; None for one this version cannot use."""
    if table not in TABLES or not isinstance(mapping, dict):
        return None
    return str(table), dict(mapping)


class Mappings(ABC):
    """Where confirmed mappings are kept: `find` one by header signature, `save` one.

    The store keeps them per workspace or user (`dashboard.store.mappings`); a session
    with neither keeps them in memory (`MemoryMappings`). Either way only header names
    are kept: `save` refuses anything else before it reaches `_keep`.
    """

    @abstractmethod
    def find(self, signature: str) -> tuple[str, SavedMapping] | None: ...

    @abstractmethod
    def revision(self) -> object:
        """A value that changes whenever a mapping is saved (part of a cache key)."""

    @abstractmethod
    def _keep(self, signature: str, table: str, columns: SavedMapping) -> None: ...

    def save(
        self,
        signature: str,
        table: str,
        mapping: Mapping[str, int | str],
        header: Sequence[str | None] | None = None,
    ) -> bool:
        """Keep (or replace) the mapping for this header; False when the header is a row of
        data, which is never kept."""
        columns = checked(table, mapping, header)
        if columns is None:
            return False
        self._keep(signature, table, columns)
        return True


class MemoryMappings(Mappings):
    """Mappings kept for as long as this object lives (a session no one owns, a test)."""

    def __init__(self) -> None:
        self._saved: dict[str, tuple[str, SavedMapping]] = {}
        self._saves = 0

    def find(self, signature: str) -> tuple[str, SavedMapping] | None:
        return self._saved.get(signature)

    def revision(self) -> int:
        return self._saves

    def _keep(self, signature: str, table: str, columns: SavedMapping) -> None:
        self._saved[signature] = (table, columns)
        self._saves += 1


def match_saved(
    mappings: Mappings, grids: Sequence[Grid]
) -> tuple[Grid, str, dict[str, int], Msg] | None:
    """The first grid (sheet) with a saved mapping: the grid, its table, its column indices,
    and the note for the load report (which column became which)."""
    for grid in grids:
        if looks_like_data(grid.header):
            continue
        found = mappings.find(header_signature(grid.header))
        if found is not None:
            table, mapping = found
            columns = resolve(grid.header, mapping)
            pairs = ", ".join(f"{grid.header[i]} → {c}" for c, i in columns.items())
            return grid, table, columns, msg("load.message.mapping_applied", pairs=pairs)
    return None


def _known_keys(table: str) -> dict[str, set[str]]:
    """Canonical column → folded headers that mean it: schema names and aliases, plus
    every export header the adapters know (Publish time, Orario di pubblicazione…)."""
    known = known_headers(table)
    return {
        column.name: {
            header_key(h)
            for h in (column.name, *column.aliases, *known.get(column.name, ()))
            if header_key(h)
        }
        for column in TABLES[table].columns
    }


def guess_mapping(header: Sequence[str | None], table: str) -> dict[str, int]:
    """Canonical column → column index, best guesses first, each column used once.

    Exact matches of a known name score 1; other headers score their closest difflib
    ratio to a known name, and only scores above FUZZY_CUTOFF are offered. The UI
    preselects these; the user confirms or corrects.
    """
    keys = [header_key(h) for h in header]
    scored = []
    for canonical, names in _known_keys(table).items():
        for index, key in enumerate(keys):
            if not key:
                continue
            score = max(difflib.SequenceMatcher(None, key, name).ratio() for name in names)
            if score >= FUZZY_CUTOFF:
                scored.append((score, -index, canonical, index))
    guesses: dict[str, int] = {}
    for _, _, canonical, index in sorted(scored, reverse=True):
        if canonical not in guesses and index not in guesses.values():
            guesses[canonical] = index
    return guesses
