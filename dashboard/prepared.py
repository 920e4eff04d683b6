"""Prepared audits shared by what they were prepared from, within a scope.

Preparing a dataset (`Auditor`) is the one heavy step every session needs before it
draws anything. Sessions that hold the same data in the same scope share one prepared
audit, and with it its memo of scorecards: twenty visitors of the bundled sample
prepare it once. A scope is where data may be shared at all — the bundled sample
(public), or one workspace — and it is part of the key, so nothing prepared in one
workspace is ever served in another, and no one can learn by timing whether another
workspace loaded the same files. A session that is in no workspace shares nothing.

The key's other part is a SHA-256 over everything `prepare` reads: the merged
questionnaire and the four canonical tables (schema and every value, streamed as
Arrow IPC, a complete encoding). Equal keys mean equal data, so a session only ever
receives a prepared audit of data it loaded itself; and a session that did not load
the data cannot compute the key. The digests of the files alone would not do: the
same bytes read with another column mapping or for another employee are other data.

Entries are held weakly: one lives while a session holds its auditor, and goes when
the last such session ends or moves on, so no upload outlives the sessions that
loaded it. Only `pin`ned entries (the bundled sample) stay without a holder.
"""

from __future__ import annotations

import hashlib
import io
import json
import weakref
from collections import OrderedDict
from collections.abc import Hashable

import polars as pl
import pyarrow as pa

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria.cube import Sums
from dashboard.ingest.dataset import Dataset
from dashboard.memo import MISSING, Missing, Once

PUBLIC = "public"  # the scope of data shipped with the product (the bundled sample)
TABLES = ("company_posts", "employee_activity", "employee_summary", "roster")
PINNED = 2  # pinned entries kept (the sample, and one more while it changes)
BATCH_ROWS = 1 << 16  # rows per IPC batch: the table is hashed without a copy of it


class _Digest(io.IOBase):
    """A write-only file that hashes what is written to it (an IPC writer's sink)."""

    def __init__(self, digest: hashlib._Hash):
        super().__init__()
        self.digest = digest

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | memoryview) -> int:
        view = memoryview(data)
        self.digest.update(view)
        return view.nbytes


def fingerprint(dataset: Dataset) -> str:
    """SHA-256 of the data a prepared audit is made of (see the module's docstring)."""
    digest = hashlib.sha256()
    answers = json.dumps(dataset.questionnaire, sort_keys=True, default=str).encode()
    digest.update(len(answers).to_bytes(8, "big") + answers)
    for name in TABLES:
        frame = dataset.table(name)
        digest.update(f"\n{name}:{frame.height}\n".encode())
        table = frame.to_arrow(compat_level=pl.CompatLevel.newest())
        with pa.ipc.new_stream(_Digest(digest), table.schema) as stream:
            for batch in table.to_batches(max_chunksize=BATCH_ROWS):
                stream.write_batch(batch)
    return digest.hexdigest()


class PreparedAudits(Once[Auditor]):
    """Prepared audits by (scope, fingerprint): each prepared once, held while in use."""

    def __init__(self) -> None:
        super().__init__()
        self._live: weakref.WeakValueDictionary[Hashable, Auditor] = weakref.WeakValueDictionary()
        self._pinned: OrderedDict[Hashable, Auditor] = OrderedDict()

    def auditor(
        self, dataset: Dataset, scope: str | None, *, pin: bool = False, sums: Sums | None = None
    ) -> Auditor:
        """The prepared audit of `dataset` in `scope` (None: the caller's alone, unshared);
        `pin` keeps it while no session holds it (for public data only); `sums`, the log's
        monthly sums kept with a saved audit of these tables (they change no number, so
        they are not part of the key: they only spare summing the log again)."""
        if scope is None:
            return Auditor(dataset, sums=sums)
        key = (scope, fingerprint(dataset))
        auditor = self.get(key, lambda: Auditor(dataset, sums=sums))
        if pin:
            with self._lock:
                self._pinned[key] = auditor
                self._pinned.move_to_end(key)
                while len(self._pinned) > PINNED:
                    self._pinned.popitem(last=False)
        return auditor

    def _held(self, key: Hashable) -> Auditor | Missing:
        held = self._live.get(key)
        return MISSING if held is None else held

    def _keep(self, key: Hashable, value: Auditor) -> None:
        self._live[key] = value

    def __len__(self) -> int:
        """Entries alive now (held by a session, or pinned)."""
        return len(self._live)


AUDITS = PreparedAudits()  # the process's registry, shared by every session


def shared_auditor(dataset: Dataset, workspace: int | None, sums: Sums | None = None) -> Auditor:
    """The prepared audit of a session's data, shared within its scope: public for the
    bundled sample as shipped (kept prepared), else the workspace the session works in
    (its id; None: no workspace, nothing shared). `sums`: see `PreparedAudits.auditor`."""
    if dataset is load_sample():
        return AUDITS.auditor(dataset, PUBLIC, pin=True)
    scope = None if workspace is None else f"workspace:{workspace}"
    return AUDITS.auditor(dataset, scope, sums=sums)
