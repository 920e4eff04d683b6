"""Uploaded files → `Loaded` results, cached per session by a digest of their bytes.

The cache is `st.cache_resource(scope="session")`: each browser session has its own,
bounded, and it is dropped when the session ends, so one user's upload is never
served to another. The key is the blake2b digest of the bytes (with the name and the
table the user chose), never the bytes themselves, and the bytes are not kept: the
cached value holds only the parsed table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from dashboard.ingest import Dataset, Loaded, load_file
from dashboard.ingest.load import digest

Progress = Callable[[float, str], None]

# What the user may say a file is; "auto" lets the loader recognise it.
AUTO = "auto"
KINDS: tuple[str, ...] = (
    AUTO,
    "company_posts",
    "employee_activity",
    "employee_summary",
    "roster",
    "questionnaire",
)
UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx", "xls", "toml", "json"]
CACHE_ENTRIES = 16


@st.cache_resource(scope="session", max_entries=CACHE_ENTRIES, show_spinner=False)
def _load_cached(
    key: str, name: str, table: str | None, _data: bytes, _progress: Progress | None
) -> Loaded:
    return load_file(name, _data, table=table, progress=_progress)


def load_upload(
    name: str, data: bytes, kind: str | None = None, progress: Progress | None = None
) -> Loaded:
    """Read one upload (cached by digest in this session). `kind` forces what the file is."""
    table = None if kind in (None, AUTO, "questionnaire") else kind
    if get_script_run_ctx(suppress_warning=True) is None:  # called outside a session (tests, CLI)
        loaded = load_file(name, data, table=table, progress=progress)
    else:
        loaded = _load_cached(digest(data), name, table, data, progress)
    if kind == "questionnaire" and loaded.ok and loaded.format != "questionnaire":
        return _not_a_questionnaire(name, data)
    return loaded


def _not_a_questionnaire(name: str, data: bytes) -> Loaded:
    from dashboard.ingest.problems import Problem

    return Loaded(
        name,
        digest(data),
        problems=[
            Problem(
                name,
                "bad_questionnaire",
                "error",
                message="the file is a table, not a questionnaire (TOML or JSON)",
            )
        ],
    )


def add_uploads(dataset: Dataset, loaded: Iterable[Loaded]) -> Dataset:
    """The dataset with every file that loaded added (failed files leave it unchanged)."""
    for item in loaded:
        dataset = dataset.add(item)
    return dataset


def handle_uploads(
    files: Iterable[tuple[str, bytes]],
    kind: str | None,
    dataset: Dataset,
    *,
    replace: bool = False,
    progress_for: Callable[[str], Progress | None] | None = None,
) -> tuple[Dataset, list[Loaded]]:
    """Read every upload and add those that loaded: (the new dataset, what became of each file).

    `replace` starts from an empty dataset when at least one file loaded (the user's own
    files replace the bundled sample, never mix with it). `progress_for(name)` gives the
    callback that reports one file's progress.
    """
    loaded = [
        load_upload(name, data, kind, progress_for(name) if progress_for else None)
        for name, data in files
    ]
    if replace and any(item.ok for item in loaded):
        dataset = Dataset()
    return add_uploads(dataset, loaded), loaded
