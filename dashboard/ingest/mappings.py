"""Column mappings the user chose, remembered per header layout and offered again.

A file no adapter and no canonical header recognises goes through a mapping step:
the user says which column is which. `guess_mapping` preselects the likely answer;
`MappingStore` keeps the confirmed answer under the file's `header_signature`, so
the next export of the same layout loads without asking (`load_file(...,
mappings=store)` reports it as format `mapped`, with a note in the load report).
Pure Python: the Streamlit page owns the widgets, this module only the data.

Only column names are ever saved, and only real ones: a "header" that looks like
a row of data (a file with no header row, whose first row holds a person's id,
name and department) is never learned (`looks_like_data`). A saved mapping is
applied only to a header with exactly the same column names (in any order).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

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


class MappingStore:
    """Confirmed mappings in one JSON file: {signature: {"table": …, "mapping": {…}}}.

    The file lives in a data folder the caller chooses. A missing or damaged file is an
    empty memory (the user maps the file again), never an error that blocks loading.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def _read(self) -> dict[str, dict]:
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return saved if isinstance(saved, dict) else {}

    def save(
        self,
        signature: str,
        table: str,
        mapping: Mapping[str, int | str],
        header: Sequence[str | None] | None = None,
    ) -> bool:
        """Remember a mapping (prefer header names as values) for files with this signature;
        False (nothing saved) when `header` is a row of data, not column names."""
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        if header is not None and looks_like_data(header):
            return False
        saved = self._read()
        # int() also turns a widget's numpy index into something JSON can hold.
        columns = {k: v if isinstance(v, str) else int(v) for k, v in mapping.items()}
        saved[signature] = {"table": table, "mapping": columns}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: a crash mid-write must not lose every other mapping.
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(saved, out, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(tmp, self.path)
        return True

    def find(self, signature: str) -> tuple[str, SavedMapping] | None:
        """The table and mapping saved for this signature, if any."""
        entry = self._read().get(signature)
        if not isinstance(entry, dict) or entry.get("table") not in TABLES:
            return None
        mapping = entry.get("mapping")
        return (entry["table"], dict(mapping)) if isinstance(mapping, dict) else None

    def match(self, grids: Sequence[Grid]) -> tuple[Grid, str, dict[str, int], Msg] | None:
        """The first grid (sheet) with a saved mapping: the grid, its table, its column
        indices, and the note for the load report (which column became which)."""
        for grid in grids:
            if looks_like_data(grid.header):
                continue
            found = self.find(header_signature(grid.header))
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
