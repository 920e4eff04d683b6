"""Per-employee LinkedIn exports (`linkedin_creator`): whose each one is, and choosing it.

The workbook never names its owner: the loader takes the name in the file name, and
the engine ties it to the roster by id, name or e-mail. When that finds no one (or
the wrong person), the user chooses the employee from the roster and the file is read
again with `employee=` (its bytes are held by digest in the session's upload cache).
Employees are offered by pseudonymous roster id; names only when the user shows names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import polars as pl

from dashboard.criteria.matching import match_employee_ids
from dashboard.ingest import Dataset, Loaded
from dashboard.ingest.parse import fold, fold_expr
from dashboard.ui import uploads

OPTIONS_LIMIT = 5000  # beyond this many employees the id is typed, not picked from a list


@dataclass(frozen=True)
class CreatorFile:
    """One loaded creator export and the roster employee it is tied to (None: no one)."""

    loaded: Loaded
    employee: str | None  # the roster id it is tied to
    held: bool  # its bytes are still held, so it can be read again

    @property
    def matched(self) -> bool:
        return self.employee is not None

    @property
    def failed(self) -> bool:
        """Not loaded: its file name names no one, so the user must say whose it is."""
        return not self.loaded.ok


def file_employee(loaded: Loaded) -> str | None:
    """Whose activity the file holds, as loaded (the name from the file name, or the id chosen)."""
    if loaded.frame is None or loaded.frame.is_empty():
        return None
    values = loaded.frame["employee_id"].drop_nulls().unique().sort().to_list()
    return values[0] if values else None


def roster_ids(values: list[str | None], roster: pl.DataFrame) -> list[str | None]:
    """The roster id each value stands for: the id itself, or the employee with that name
    or e-mail (case and accents aside); None where the roster has no such employee."""
    if roster.is_empty() or not any(values):
        return [None] * len(values)
    frame = pl.DataFrame({"employee_id": values}, schema={"employee_id": pl.String})
    matched = match_employee_ids(frame, roster)["employee_id"]
    known = matched.is_in(roster["employee_id"].implode())
    return [m if ok else None for m, ok in zip(matched.to_list(), known.to_list(), strict=True)]


def creator_files(dataset: Dataset, loads: Iterable[Loaded] = ()) -> list[CreatorFile]:
    """The dataset's creator exports, each with the roster employee it is tied to; then those
    of `loads` (the load log) that failed for want of an employee and can still be read."""
    held = uploads.held()
    files = [f for f in dataset.files if f.format == uploads.CREATOR]
    in_dataset = {f.digest for f in dataset.files}
    failed = {
        f.digest: f
        for f in loads
        if f.format == uploads.CREATOR and not f.ok and f.digest not in in_dataset
        if f.digest in held
    }
    if not files and not failed:
        return []
    ids = roster_ids([file_employee(f) for f in files], dataset.table("roster"))
    out = [CreatorFile(f, i, f.digest in held) for f, i in zip(files, ids, strict=True)]
    return out + [CreatorFile(f, None, True) for f in failed.values()]


def employee_options(roster: pl.DataFrame, limit: int = OPTIONS_LIMIT) -> list[str] | None:
    """Roster ids to pick from, sorted; None when the roster is too long for a list."""
    if roster.is_empty():
        return []
    ids = roster["employee_id"].drop_nulls().unique()
    return None if ids.len() > limit else ids.sort().to_list()


SEARCH_LIMIT = 50  # employees a name search offers at most


def search_employees(
    roster: pl.DataFrame, query: str, limit: int = SEARCH_LIMIT
) -> list[str] | None:
    """Roster ids whose name, e-mail or id contains every word of `query` (case and accents
    aside), sorted; None for an empty query. The search runs here, on the server, so a
    surname finds its employee while the picker itself shows only pseudonymous ids."""
    words = fold(query).split()
    if not words or roster.is_empty():
        return None
    columns = [c for c in ("employee_id", "name", "email") if c in roster.columns]
    text = fold_expr(pl.concat_str([pl.col(c).fill_null("") for c in columns], separator=" "))
    found = roster.filter(pl.all_horizontal([text.str.contains(w, literal=True) for w in words]))
    return found["employee_id"].drop_nulls().unique().sort().head(limit).to_list()


def option_label(employee_id: str, names: Mapping[str, str] | None) -> str:
    """A roster id as offered: the pseudonymous id, with the name only when names are shown."""
    name = (names or {}).get(employee_id)
    return f"{employee_id} — {name}" if name else employee_id


def reload_as(loaded: Loaded, employee_id: str) -> Loaded | None:
    """The file read again as this employee's (None when its bytes are no longer held)."""
    upload = uploads.held().get(loaded.digest)
    if upload is None:
        return None
    return uploads.load_upload(loaded.file, upload, employee=employee_id)
