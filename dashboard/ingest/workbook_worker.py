"""The process that opens an untrusted workbook: run as a script, bytes on stdin, cells out.

Calamine is native code: a hostile workbook can make it ask for hundreds of
gigabytes or loop forever, and a Rust abort cannot be caught. So it runs here, in a
child process with an address-space and CPU limit set before the workbook is read:
whatever the file does, only this process dies. It imports nothing but the standard
library and python_calamine, so it starts in a few tens of milliseconds.

Usage: python workbook_worker.py MEMORY_BYTES CPU_SECONDS < workbook
Writes JSON to stdout: {"sheets": {sheet name: rows of text cells or null}}, or
{"error": message} when calamine refuses the file. JSON, not pickle: what this
process writes may be shaped by a hostile file, and the parent must only parse it.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime, time, timedelta


def cell_text(value: object) -> str | None:
    """An Excel cell as text: whole floats without '.0', dates in ISO."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def read_sheets(data: bytes) -> dict[str, list[list[str | None]]]:
    """Every sheet of the workbook as rows of text cells."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheets = {}
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        sheets[name] = [[cell_text(v) for v in row] for row in rows]
    return sheets


def _limit(memory: int, seconds: int) -> None:
    import resource

    for kind, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, seconds)):
        soft, hard = resource.getrlimit(kind)
        wanted = value if hard == resource.RLIM_INFINITY else min(value, hard)
        if soft == resource.RLIM_INFINITY or wanted < soft:
            resource.setrlimit(kind, (wanted, hard))


def main() -> None:
    memory, seconds = int(sys.argv[1]), int(sys.argv[2])
    _limit(memory, seconds)
    data = sys.stdin.buffer.read()
    try:
        out: dict[str, object] = {"sheets": read_sheets(data)}
    except MemoryError:
        out = {"error": "memory"}
    except BaseException as error:  # calamine's errors; a Rust panic is a BaseException
        out = {"error": str(error).splitlines()[0][:200] if str(error) else type(error).__name__}
    sys.stdout.write(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
