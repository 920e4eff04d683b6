"""Look at a file's first bytes to tell what it is: workbook, text (which encoding), or neither,
and for text, how its records end and which delimiter splits them.

Detection is by content, never by the file name: users rename files, and a `.xlsx`
download is sometimes a CSV. Samples are decoded with an incremental decoder, so a
character cut by the end of the sample is never taken for a wrong encoding.
"""

from __future__ import annotations

import codecs
import csv
import io
import mmap
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

FileKind = Literal["empty", "xls", "xlsx", "text", "binary"]
FileBytes = bytes | mmap.mmap  # a file read, or memory-mapped (a big log in the terminal)

XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
SAMPLE_BYTES = 1 << 16
DELIMITERS = ",;\t|"

csv.field_size_limit(1 << 30)  # the loader's own limits apply (Limits.field_bytes), not csv's


@dataclass(frozen=True)
class Sniffed:
    kind: FileKind
    encoding: str = "utf-8"
    bom: int = 0  # bytes of byte-order mark to skip


def sniff(data: FileBytes, sample: int = SAMPLE_BYTES) -> Sniffed:
    """Classify the bytes of an upload from its first `sample` bytes."""
    start = bytes(data[:16])  # bytes even when `data` is a memory map
    if start.startswith(XLS_MAGIC):
        return Sniffed("xls")
    if start.startswith(ZIP_MAGIC):
        return Sniffed("xlsx")
    if start.startswith(codecs.BOM_UTF8):
        return _text_or_empty(data, Sniffed("text", "utf-8", 3))
    if start.startswith(codecs.BOM_UTF16_LE):
        return _text_or_empty(data, Sniffed("text", "utf-16-le", 2))
    if start.startswith(codecs.BOM_UTF16_BE):
        return _text_or_empty(data, Sniffed("text", "utf-16-be", 2))
    head = bytes(data[:sample])
    if not head.strip() and not bytes(data).strip():
        return Sniffed("empty")
    if _looks_utf16(head):
        return Sniffed("text", "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be")
    if b"\x00" in head:
        return Sniffed("binary")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        # A character cut by the end of the sample is held back, not an error.
        decoder.decode(head, final=len(data) <= sample)
    except UnicodeDecodeError:
        return Sniffed("text", "cp1252") if _mostly_text(head) else Sniffed("binary")
    return Sniffed("text", "utf-8") if _mostly_text(head) else Sniffed("binary")


def _text_or_empty(data: FileBytes, sniffed: Sniffed) -> Sniffed:
    body = bytes(data[sniffed.bom : sniffed.bom + 64])
    text = body.decode(sniffed.encoding, "ignore")
    return sniffed if text.strip() or len(data) > sniffed.bom + 64 else Sniffed("empty")


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without BOM: ASCII text with every other byte zero."""
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) > 0.9 * len(odd)) or (even.count(0) > 0.9 * len(even))


def _mostly_text(head: bytes) -> bool:
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= len(head) * 0.01


def sample_text(body: bytes, complete: bool) -> str:
    """The start of a UTF-8 body as text; a character cut at the end is dropped, invalid
    bytes are kept as surrogates so `len(text.encode(..., 'surrogateescape'))` is exact."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    return decoder.decode(body, final=complete)


def line_end(text: str) -> str:
    """How records end: '\\r' only when the sample has carriage returns and no line feeds
    (old Mac CSVs); else '\\n' (CRLF is '\\n' with a carriage return before it)."""
    return "\r" if "\r" in text and "\n" not in text else "\n"


def sep_line(text: str) -> str | None:
    """The delimiter an Excel `sep=;` first line declares, if there is one."""
    first = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0].strip()
    match = re.fullmatch(r"sep=(.)", first)
    return match.group(1) if match else None


def records(text: str, delimiter: str, complete: bool) -> list[list[str]]:
    """The CSV records of a sample (quoted line breaks respected); a record cut by the end
    of an incomplete sample is left out."""
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    if not complete and rows:
        rows.pop()
    return rows


def sniff_delimiter(text: str, complete: bool = True) -> str:
    """The delimiter under which the whole sample parses most consistently.

    Every candidate splits the sample into records (quotes respected). The winner
    has most records with the same number of fields as its most common count, that
    count being above one; a tie goes to more fields, then to the order `, ; \\t |`.
    One quoted caption full of semicolons cannot outvote a file of commas: its
    semicolons are inside quotes, and the other records have none.
    """
    best, best_key = ",", (-1.0, 0, 0)
    for order, delimiter in enumerate(DELIMITERS):
        try:
            rows = records(text, delimiter, complete)
        except csv.Error:
            continue
        rows = [r for r in rows if r]  # blank lines say nothing
        if not rows:
            continue
        counts = Counter(len(r) for r in rows)
        fields, agreeing = counts.most_common(1)[0]
        if fields < 2:
            continue
        key = (agreeing / len(rows), fields, -order)
        if key > best_key:
            best, best_key = delimiter, key
    return best
