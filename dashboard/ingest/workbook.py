"""Untrusted workbooks → rows of text cells, without letting one file hurt the server.

Two guards. First, cheap structural checks that need no parser: a `.xlsx` (a zip)
must not unpack to more than the limit, nor any big part at a bomb's compression
ratio, nor declare more cells than the limit; an `.xls` (a Compound File) must
have sector chains that end inside the file and never loop. Second, calamine runs
in a worker process (`workbook_worker.py`) with its own memory and CPU limits and
a wall-clock timeout: a file that still makes it abort or run away kills only that
process, and the user reads a refusal naming the file. The worker costs one
process start (~50–100 ms) per workbook.
"""

from __future__ import annotations

import io
import json
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

from dashboard.ingest.errors import ReadError
from dashboard.ingest.limits import Limits, megabytes
from dashboard.messages import msg

Rows = list[list[str | None]]
WORKER = Path(__file__).with_name("workbook_worker.py")
_DIMENSION = re.compile(rb'<dimension\s+ref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"')


def read_workbook(data: bytes, kind: str, limits: Limits) -> dict[str, Rows]:
    """Every sheet of an .xls/.xlsx workbook as rows of text cells, or a ReadError."""
    if len(data) > limits.file_bytes:
        raise _too_big(len(data), limits)
    if kind == "xlsx":
        check_zip(data, limits)
    else:
        check_compound_file(data)
    return _in_worker(data, limits)


def _refused(code: str, **params: object) -> ReadError:
    return ReadError("unsafe_workbook", msg(code, **params))


def _damaged(code: str, **params: object) -> ReadError:
    return ReadError("bad_excel", msg(code, **params))


def _too_big(size: int, limits: Limits) -> ReadError:
    return ReadError(
        "file_too_big",
        msg(
            "load.message.file_too_big",
            size=megabytes(size),
            limit=megabytes(limits.file_bytes),
            variable="PRESENZA_LIMIT_FILE_BYTES",
        ),
    )


# --- .xlsx -------------------------------------------------------------------------


def check_zip(data: bytes, limits: Limits) -> None:
    """Sizes and ratios from the zip's directory, and the cells each sheet declares."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        parts = book.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise _damaged("load.message.workbook_damaged", detail=str(error)) from None
    total = sum(p.file_size for p in parts)
    if total > limits.workbook_bytes:
        raise _refused(
            "load.message.unpacks_to",
            size=megabytes(total),
            limit=megabytes(limits.workbook_bytes),
            variable="PRESENZA_LIMIT_WORKBOOK_BYTES",
        )
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > 8 << 20 and ratio > limits.workbook_ratio:
            raise _refused("load.message.zip_bomb", part=part.filename, ratio=round(ratio))
    cells = 0
    for part in parts:
        if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
            cells += _declared_cells(book, part)
    if cells > limits.workbook_cells:
        raise _refused(
            "load.message.too_many_cells",
            n=cells,
            limit=limits.workbook_cells,
            variable="PRESENZA_LIMIT_WORKBOOK_CELLS",
        )


def _declared_cells(book: zipfile.ZipFile, part: zipfile.ZipInfo) -> int:
    """Cells from A1 to the sheet's declared last cell (what a reader allocates)."""
    try:
        with book.open(part) as stream:
            head = stream.read(4096)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise _damaged("load.message.part_damaged", part=part.filename, detail=str(error)) from None
    match = _DIMENSION.search(head)
    if not match:
        return 0
    column = 0
    for letter in match.group(1).decode():
        column = column * 26 + ord(letter) - 64
    return column * int(match.group(2))


# --- .xls (Compound File Binary) -------------------------------------------------------

_END, _FREE = 0xFFFFFFFE, 0xFFFFFFFF


def check_compound_file(data: bytes) -> None:
    """Walk the FAT, the directory and every big stream's sector chain: each chain must
    stay inside the file and never visit a sector twice (a looping chain makes a reader
    grow without end)."""
    if len(data) < 512:
        raise _damaged("load.message.workbook_truncated")
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        raise _damaged("load.message.workbook_header_damaged")
    size = 1 << shift
    sectors = (len(data) - 512 + size - 1) // size

    def sector(i: int) -> bytes:
        start = 512 + i * size
        return data[start : start + size]

    fat_count, directory, _, _, minifat, _, difat, _ = struct.unpack_from("<IIIIIIII", data, 0x2C)
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _END]
    seen: set[int] = set()
    while difat < _END and len(fat_sectors) < fat_count + 1:
        if difat in seen or difat >= sectors:
            raise _damaged_chain(difat in seen)
        seen.add(difat)
        pointers = struct.unpack(f"<{size // 4}I", sector(difat).ljust(size, b"\xff"))
        fat_sectors += [s for s in pointers[:-1] if s < _END]
        difat = pointers[-1]
    fat: list[int] = []
    for s in fat_sectors[:fat_count]:
        if s >= sectors:
            raise _damaged_chain(False)
        fat += struct.unpack(f"<{size // 4}I", sector(s).ljust(size, b"\xff"))
    entries = b"".join(sector(s) for s in _chain(fat, directory, sectors))
    for at in range(0, len(entries) - 127, 128):
        kind = entries[at + 66]
        start, length = struct.unpack_from("<IQ", entries, at + 116)
        if kind == 5 or (kind == 2 and length >= 4096):  # the root (mini stream), big streams
            _chain(fat, start, sectors)
    if minifat < _END:
        _chain(fat, minifat, sectors)


def _chain(fat: list[int], start: int, sectors: int) -> list[int]:
    chain, seen = [], set()
    current = start
    while current < _END:
        if current in seen or current >= sectors or current >= len(fat):
            raise _damaged_chain(current in seen)
        seen.add(current)
        chain.append(current)
        current = fat[current]
    return chain


def _damaged_chain(loops: bool) -> ReadError:
    if loops:
        return _refused("load.message.sector_loop")
    return _damaged("load.message.sector_outside")


# --- the worker ------------------------------------------------------------------------


def _in_worker(data: bytes, limits: Limits) -> dict[str, Rows]:
    seconds = max(1, int(limits.seconds))
    command = [sys.executable, "-I", str(WORKER), str(limits.worker_memory), str(seconds)]
    try:
        done = subprocess.run(command, input=bytes(data), capture_output=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        raise ReadError(
            "too_slow",
            msg(
                "load.message.workbook_too_slow",
                seconds=msg("load.value.seconds", n=seconds),
                variable="PRESENZA_LIMIT_SECONDS",
            ),
        ) from None
    if done.returncode != 0:
        raise _refused("load.message.worker_stopped", status=done.returncode)
    try:
        out = json.loads(done.stdout)
    except ValueError:
        raise _refused("load.message.worker_no_answer") from None
    if "error" in out:
        if out["error"] == "memory":
            raise _refused("load.message.worker_memory")
        raise ReadError("bad_excel", str(out["error"])[:200])
    sheets: dict[str, Rows] = out["sheets"]
    return sheets
