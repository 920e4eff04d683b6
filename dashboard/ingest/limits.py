"""How much one file may ask of the server, and how big the reader's windows are.

Every upload is untrusted (the app needs no sign-in), so each limit below protects
the other sessions on the same server. None may refuse a legitimate enterprise
export: a year of activity for 233,000 employees is ~10 M rows and ~0.7–1 GB of CSV,
a roster workbook a few million cells. Each limit can be changed with an environment
variable (`PRESENZA_LIMIT_<NAME>`, in the field's own unit), or per call through
`load_file(..., limits=Limits(...))`; the window sizes are there so tests can make
every chunk boundary fall somewhere awkward.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import Any

from dashboard.messages import Msg, msg

MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Per-file limits (bytes, cells, seconds) and the reader's window sizes."""

    file_bytes: int = 2048 * MIB  # the upload itself (Streamlit's maxUploadSize agrees)
    workbook_bytes: int = 2048 * MIB  # a workbook's parts once uncompressed, in all
    workbook_ratio: int = 200  # uncompressed ÷ compressed for any part over 8 MiB
    workbook_cells: int = 60_000_000  # declared or found, over every sheet
    worker_memory: int = 3072 * MIB  # address space of the process that opens a workbook
    field_bytes: int = 1 * MIB  # one cell of a CSV (a Facebook post is ≤ 63,206 characters)
    line_bytes: int = 16 * MIB  # one CSV record, quoted line breaks included
    columns: int = 2000  # columns of a table
    seconds: float = 900.0  # wall time to read one file
    # Reader windows: where the sniffer looks, how much the preview parses, chunk size.
    sample_bytes: int = 1 << 16
    preview_bytes: int = 1 * MIB
    chunk_bytes: int = 16 * MIB  # 16 MiB: as fast as 64 on 2 cores, ~40 % less peak memory

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """The defaults, with any `PRESENZA_LIMIT_<FIELD>` variable applied."""
        env = os.environ if environ is None else environ
        changes: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"PRESENZA_LIMIT_{f.name.upper()}")
            if raw:
                number = float(raw)
                changes[f.name] = number if f.type == "float" else int(number)
        return replace(cls(), **changes)


def megabytes(size: int) -> Msg:
    """A size for a message: '1.5 MB'."""
    if size >= 100_000:
        return msg("load.value.megabytes", n=Decimal(f"{size / 1e6:.1f}"))
    return msg("load.value.kilobytes", n=round(size / 1e3))


def at_most(limit: Msg | int, variable: str) -> Msg:
    """What a limit allows, and the variable that changes it: '≤ 16.0 MB (PRESENZA_…)'."""
    return msg("load.expected.at_most", limit=limit, variable=variable)


def seconds(n: float) -> Msg:
    return msg("load.value.seconds", n=round(n))
