"""Mapping a file's columns by hand: what the Data page's mapping form offers and does.

A file whose layout is not recognised (`unknown_layout`, or a known table with a
`missing_column`) becomes a `MappingOffer`: its header (column names only), the table
it most likely is, and the best guess for every canonical column (`guess_mapping`).
The user confirms or corrects; `load_mapped` reads the held bytes again with that
mapping and, when the file loads, saves the mapping by header names in the
store (`uploads.mapping_store`), so the next file with the same header loads by itself (format
`mapped`). No Streamlit here beyond the held-bytes cache: the page owns the widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dashboard.ingest import Loaded, load_file
from dashboard.ingest.adapters.common import header_key
from dashboard.ingest.load import file_header
from dashboard.ingest.mappings import (
    Mappings,
    guess_mapping,
    header_signature,
    looks_like_data,
)
from dashboard.schema import TABLES
from dashboard.ui import uploads

# The tables a file can be mapped onto, in the order the form offers them.
TABLE_CHOICES: tuple[str, ...] = (
    "company_posts",
    "employee_activity",
    "employee_summary",
    "roster",
)
NONE = -1  # the "— none —" choice: the file has no column for it


@dataclass(frozen=True)
class MappingOffer:
    """A file waiting to be mapped: never its bytes (held by digest), only its header."""

    file: str
    digest: str
    header: tuple[str, ...]
    table: str  # the table preselected in the form

    @property
    def signature(self) -> str:
        return header_signature(self.header)

    def options(self) -> list[int]:
        """The choices of every column's selectbox: none, then the file's columns."""
        return [NONE, *range(len(self.header))]

    def column_label(self, index: int, none: str) -> str:
        """A file column as offered: its name, with its position when the name is blank or
        repeated (a selectbox tells its options apart by their text)."""
        if index == NONE:
            return none
        name = self.header[index].strip()
        if not name:
            return f"#{index + 1}"
        repeated = sum(h.strip() == name for h in self.header) > 1
        return f"{name} (#{index + 1})" if repeated else name


def best_table(header: Iterable[str]) -> str:
    """The table the header most likely holds: most required columns guessed, then most columns."""
    columns = list(header)

    def fit(table: str) -> tuple[int, int, int]:
        guesses = guess_mapping(columns, table)
        required = TABLES[table].required
        found = sum(c in guesses for c in required)
        return (found == len(required), found, len(guesses))

    return max(TABLE_CHOICES, key=fit)


def offer_for(loaded: Loaded, kind: str | None = None) -> MappingOffer | None:
    """The mapping form for a file that failed for its layout, when its bytes are held."""
    if not uploads.needs_mapping(loaded):
        return None
    upload = uploads.held().get(loaded.digest)
    header = file_header(upload) if upload is not None else None
    if header is None:
        uploads.held().drop(loaded.digest)
        return None
    table = kind if kind in TABLE_CHOICES else best_table(header)
    return MappingOffer(loaded.file, loaded.digest, tuple(header), table)


def offers(loaded: Iterable[Loaded], kind: str | None = None) -> list[MappingOffer]:
    """A mapping form for each file of a batch that can be mapped (one per distinct file)."""
    found = {}
    for item in loaded:
        offer = offer_for(item, kind)
        if offer is not None:
            found[offer.digest] = offer
    return list(found.values())


def guesses(offer: MappingOffer, table: str) -> dict[str, int]:
    """Canonical column → the file's column preselected for it (absent: none)."""
    return guess_mapping(offer.header, table)


def problems(table: str, chosen: Mapping[str, int]) -> tuple[list[str], list[str]]:
    """What stops a mapping: (required columns left at none, canonical columns sharing a
    file column)."""
    picked = {c: i for c, i in chosen.items() if i != NONE}
    missing = [c for c in TABLES[table].required if c not in picked]
    by_index: dict[int, list[str]] = {}
    for column, index in picked.items():
        by_index.setdefault(index, []).append(column)
    shared = [c for columns in by_index.values() if len(columns) > 1 for c in columns]
    return missing, shared


def saved_form(header: Iterable[str], chosen: Mapping[str, int]) -> dict[str, int | str]:
    """The mapping as it is saved: by header name (it survives reordered columns), by index
    where the name is blank or repeated."""
    names = list(header)
    keys = [header_key(h) for h in names]
    out: dict[str, int | str] = {}
    for column, index in chosen.items():
        if index == NONE:
            continue
        key = keys[index]
        out[column] = names[index] if key and keys.count(key) == 1 else int(index)
    return out


def load_mapped(
    offer: MappingOffer, table: str, chosen: Mapping[str, int], store: Mappings | None = None
) -> Loaded | None:
    """The held file read with this mapping (None when its bytes are gone); when it loads,
    the mapping is saved for the next file with the same header and the bytes are let go."""
    upload = uploads.held().get(offer.digest)
    if upload is None:
        return None
    store = store or uploads.mapping_store()
    columns = {c: int(i) for c, i in chosen.items() if i != NONE}
    # A file with no header row: its first row is data, read as such and never saved.
    headerless = looks_like_data(offer.header)
    loaded = load_file(
        offer.file, upload, table=table, mapping=columns, mappings=store, headerless=headerless
    )
    if loaded.ok:
        if not headerless:
            store.save(offer.signature, table, saved_form(offer.header, columns), offer.header)
        uploads.held().drop(offer.digest)
    return loaded


def load_saved(offers_: Iterable[MappingOffer]) -> list[Loaded]:
    """Files still waiting that now load by themselves (a mapping for their header was saved)."""
    out = []
    for offer in offers_:
        upload = uploads.held().get(offer.digest)
        if upload is None:
            continue
        loaded = uploads.load_upload(offer.file, upload)
        if loaded.ok:
            uploads.held().drop(offer.digest)
            out.append(loaded)
    return out


def dismiss(offer: MappingOffer) -> None:
    uploads.held().drop(offer.digest)
