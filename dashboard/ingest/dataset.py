"""The files loaded so far, combined into one set of canonical tables.

A dataset only ever grows by files that loaded: a file that failed leaves the
dataset as it was. Loading the same bytes again replaces the earlier copy; a file
with the same name but other bytes is kept beside it, renamed "name (2)" and with a
warning, because a second export of the same name is as likely new data as a
corrected copy, and only the user can tell (removing either is one click). Posts
exported twice (overlapping periods) count once, and the later upload wins, because
platform counters only grow after publication.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

import polars as pl

from dashboard.ingest.convert import empty_table
from dashboard.ingest.load import Loaded
from dashboard.ingest.problems import Problem
from dashboard.messages import msg
from dashboard.questionnaire import merged_answers
from dashboard.schema import TABLES

# Rows with the same key in two files are the same thing: keep the later file's row.
_KEYS = {"company_posts": ["platform", "post_id"], "roster": ["employee_id"]}


@dataclass(frozen=True)
class Dataset:
    """Loaded files in upload order."""

    files: tuple[Loaded, ...] = field(default_factory=tuple)

    def add(self, loaded: Loaded) -> Dataset:
        """The dataset with this file added; unchanged when the file did not load."""
        if not loaded.ok:
            return self
        kept = tuple(f for f in self.files if f.digest != loaded.digest)
        names = {f.file for f in kept}
        if loaded.file in names:
            loaded = _renamed(loaded, names)
        return Dataset((*kept, loaded))

    def remove(self, file: str) -> Dataset:
        return Dataset(tuple(f for f in self.files if f.file != file))

    @property
    def tables(self) -> set[str]:
        return {f.table for f in self.files if f.table}

    def table(self, name: str) -> pl.DataFrame:
        """One canonical table from every file that fed it (empty when none did)."""
        frames = [f.frame for f in self.files if f.table == name and f.frame is not None]
        if not frames:
            return empty_table(TABLES[name])
        frame = frames[0] if len(frames) == 1 else pl.concat(frames, how="vertical")
        key = _KEYS.get(name)
        if key and len(frames) > 1:
            with_key = frame.filter(pl.all_horizontal(pl.col(k).is_not_null() for k in key))
            without = frame.filter(~pl.all_horizontal(pl.col(k).is_not_null() for k in key))
            frame = pl.concat(
                [with_key.unique(subset=key, keep="last", maintain_order=True), without]
            )
        return frame

    def has(self, name: str) -> bool:
        return any(f.table == name for f in self.files)

    @property
    def questionnaire(self) -> dict[str, Any]:
        """The answers of the questionnaire files loaded, later files overriding earlier
        ones key by key. Answers given in the app are not part of the dataset: they are
        given to each scoring (`Auditor.scorecard`), so changing one prepares nothing."""
        return merged_answers(f.questionnaire for f in self.files if f.questionnaire)


def _renamed(loaded: Loaded, taken: set[str]) -> Loaded:
    """The file under a name no other file in the dataset has ('roster (2).csv'), saying so."""
    path = PurePath(loaded.file)
    number = 2
    while (name := f"{path.stem} ({number}){path.suffix}") in taken:
        number += 1
    note = Problem(
        loaded.file,
        "same_name",
        "warning",
        value=name,
        message=msg("load.message.same_name", file=loaded.file, name=name),
    )
    return replace(loaded, file=name, problems=[*loaded.problems, note])
