"""Uploaded files → `Loaded` results, cached per session by a digest of their bytes.

The cache is `st.cache_resource(scope="session")`: each browser session has its own,
bounded, and it is dropped when the session ends, so one user's upload is never
served to another. The key is the xxh3-128 digest of the bytes (with the name, the
table the user chose, the employee chosen and the state of the saved column
mappings), never the bytes themselves, and the bytes are not kept: the cached value
holds only the parsed table.

The one exception is a file waiting for the user: one whose columns must be mapped by
hand, or a per-employee LinkedIn export whose employee the user may choose. Its
`Upload` (the bytes and what was read from them) is held in `held()`, a second
session-scoped cache keyed by the same digest, bounded in files and bytes (the
oldest go first), and dropped as soon as the file is mapped, dismissed or removed.
Session state never holds bytes.

Every read passes the saved column mappings (`mapping_store()`: in the store, for the
workspace or the user the session works as; header names only), so a file laid out like
one mapped before loads by itself.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from dashboard.i18n import Lang, percent, t
from dashboard.ingest import Dataset, Loaded, load_file
from dashboard.ingest.mappings import Mappings, MemoryMappings
from dashboard.ingest.upload import Upload
from dashboard.messages import msg
from dashboard.store.mappings import LOCAL, StoredMappings
from dashboard.ui import saved

Progress = Callable[[float, int], None]  # (share of the file read, rows read so far)

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

# Failures the user can fix by saying which column is which.
MAPPABLE = frozenset({"unknown_layout", "missing_column"})
CREATOR = "linkedin_creator"  # a per-employee export: the user may choose whose it is

HELD_FILES = 32  # files held while they wait for the user…
HELD_BYTES = 1 << 30  # …and their bytes in all (the oldest go first beyond either)


# --- the saved column mappings ---------------------------------------------------------


def mapping_store() -> Mappings:
    """Where this session's confirmed mappings are kept: in the store, for the workspace or
    the user it works as (`saved.mapping_owner`); in memory, for this session only, when
    it works as no one the store knows."""
    owner = saved.mapping_owner() if get_script_run_ctx(suppress_warning=True) else LOCAL
    if owner is None:
        return _session_mappings()
    return StoredMappings(saved.engine(), owner)


@st.cache_resource(scope="session", show_spinner=False)
def _session_mappings() -> MemoryMappings:
    return MemoryMappings()


# --- bytes held while a file waits for the user -----------------------------------------


class Held:
    """Uploads by digest, least recently used first out, bounded in files and bytes."""

    def __init__(self, files: int = HELD_FILES, size: int = HELD_BYTES):
        self.files, self.size = files, size
        self._items: OrderedDict[str, Upload] = OrderedDict()

    def put(self, key: str, upload: Upload) -> bool:
        """Hold `upload` (False when it alone is over the limit: it is not held)."""
        if len(upload.data) > self.size:
            return False
        self._items.pop(key, None)
        self._items[key] = upload
        while len(self._items) > self.files or self.total > self.size:
            self._items.popitem(last=False)
        return True

    def get(self, key: str) -> Upload | None:
        upload = self._items.get(key)
        if upload is not None:
            self._items.move_to_end(key)
        return upload

    def drop(self, key: str) -> None:
        self._items.pop(key, None)

    def keep_only(self, keys: Iterable[str]) -> None:
        """Let go of every file but these (the ones still waiting for the user)."""
        wanted = set(keys)
        for key in [k for k in self._items if k not in wanted]:
            del self._items[key]

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    @property
    def total(self) -> int:
        return sum(len(v.data) for v in self._items.values())


@st.cache_resource(scope="session", show_spinner=False)
def _session_held() -> Held:
    return Held()


_LOCAL_HELD = Held()  # outside a session (tests, scripts)


def held() -> Held:
    """This session's held bytes."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return _LOCAL_HELD
    return _session_held()


def needs_mapping(loaded: Loaded) -> bool:
    """A table the loader could not place: its columns can be mapped by hand."""
    return (
        not loaded.ok
        and loaded.format not in ("questionnaire", CREATOR)
        and any(p.severity == "error" and p.code in MAPPABLE for p in loaded.problems)
    )


def progress_text(file: str, share: float, rows: int, seconds: float, lang: Lang) -> str:
    """How a file's reading is going: share read, rows read, rows per second, and the time
    left at the pace so far (the bytes still to read at the rate the first ones went)."""
    if rows <= 0 or seconds <= 0 or share <= 0:
        return t("ui.reading", lang, file=file, percent=percent(share, lang))
    minutes, rest = divmod(round(seconds * (1 - share) / share), 60)
    left = (
        msg("ui.duration.minutes_seconds", minutes=minutes, seconds=rest)
        if minutes
        else msg("ui.duration.seconds", seconds=rest)
    )
    return t(
        "ui.reading_rows",
        lang,
        file=file,
        percent=percent(share, lang),
        rows=rows,
        speed=round(rows / seconds),
        left=left,
    )


def waits_for_user(loaded: Loaded) -> bool:
    """A file the user can still act on: map its columns, or choose its employee (a creator
    export that loaded, or that failed because its file name names no one)."""
    return loaded.format == CREATOR or needs_mapping(loaded)


# --- reading ----------------------------------------------------------------------------


@st.cache_resource(scope="session", show_spinner=False)
def _session_loads() -> OrderedDict[tuple, Loaded]:
    """This session's files read, newest last. A plain mapping, not a `st.cache_*`
    function around the read: Streamlit replays the elements a cached function touched,
    and the read reports its progress into an element of the run that uploaded it, so a
    second upload of the same bytes failed on replay (CacheReplayClosureError)."""
    return OrderedDict()


def _load_cached(
    key: tuple,
    name: str,
    upload: Upload,
    table: str | None,
    employee: str | None,
    progress: Progress | None,
    mappings: Mappings,
) -> Loaded:
    loads = _session_loads()
    if key in loads:
        loads.move_to_end(key)
        return loads[key]
    loaded = load_file(
        name, upload, table=table, progress=progress, mappings=mappings, employee=employee
    )
    loads[key] = loaded
    while len(loads) > CACHE_ENTRIES:  # the oldest go first
        loads.popitem(last=False)
    return loaded


def load_upload(
    name: str,
    data: bytes | Upload,
    kind: str | None = None,
    progress: Progress | None = None,
    *,
    employee: str | None = None,
) -> Loaded:
    """Read one upload (cached by digest in this session). `kind` forces what the file is;
    `employee` says whose a per-employee export is."""
    upload = data if isinstance(data, Upload) else Upload(name, data)
    table = None if kind in (None, AUTO, "questionnaire") else kind
    store = mapping_store()
    if get_script_run_ctx(suppress_warning=True) is None:  # called outside a session (tests, CLI)
        loaded = load_file(
            name, upload, table=table, progress=progress, mappings=store, employee=employee
        )
    else:
        key = (upload.digest, name, table, employee, store.revision())
        loaded = _load_cached(key, name, upload, table, employee, progress, store)
    if kind == "questionnaire" and loaded.ok and loaded.format != "questionnaire":
        return _not_a_questionnaire(name, upload.digest)
    return loaded


def _not_a_questionnaire(name: str, digest: str) -> Loaded:
    from dashboard.ingest.problems import Problem

    return Loaded(
        name,
        digest,
        problems=[
            Problem(
                name,
                "bad_questionnaire",
                "error",
                message=msg("load.message.not_a_questionnaire"),
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
    callback that reports one file's progress. The bytes of a file that waits for the
    user (`waits_for_user`) are held by digest until the user is done with it.
    """
    loaded = []
    for name, data in files:
        upload = Upload(name, data)
        item = load_upload(name, upload, kind, progress_for(name) if progress_for else None)
        if waits_for_user(item):
            held().put(item.digest, upload)
        loaded.append(item)
    if replace and any(item.ok for item in loaded):
        dataset = Dataset()
    dataset = add_uploads(dataset, loaded)
    # A file kept beside one of the same name is reported under the name it was given.
    kept = {f.digest: f for f in dataset.files}
    return dataset, [kept.get(item.digest, item) for item in loaded]
