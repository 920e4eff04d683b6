"""Look at a file's first bytes to tell what it is: workbook, text (which encoding), or neither.

Detection is by content, never by the file name: users rename files, and a `.xlsx`
download is sometimes a CSV.
"""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass
from typing import Literal

FileKind = Literal["empty", "xls", "xlsx", "text", "binary"]

_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_SAMPLE = 1 << 16


@dataclass(frozen=True)
class Sniffed:
    kind: FileKind
    encoding: str = "utf-8"
    bom: int = 0  # bytes of byte-order mark to skip


def sniff(data: bytes) -> Sniffed:
    """Classify the bytes of an upload."""
    if not data or (not data[:_SAMPLE].strip() and not bytes(data).strip()):
        return Sniffed("empty")
    start = data[:16]  # bytes even when `data` is a memory map
    if start.startswith(_XLS_MAGIC):
        return Sniffed("xls")
    if start.startswith(_ZIP_MAGIC):
        return Sniffed("xlsx")
    if start.startswith(codecs.BOM_UTF8):
        return Sniffed("text", "utf-8", 3)
    if start.startswith(codecs.BOM_UTF16_LE):
        return Sniffed("text", "utf-16-le", 2)
    if start.startswith(codecs.BOM_UTF16_BE):
        return Sniffed("text", "utf-16-be", 2)
    head = data[:_SAMPLE]
    if _looks_utf16(head):
        return Sniffed("text", "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be")
    if b"\x00" in head:
        return Sniffed("binary")
    try:
        # A multi-byte character may be cut at the end of the sample: ignore the tail.
        head.decode("utf-8") if len(data) <= _SAMPLE else head[:-4].decode("utf-8")
    except UnicodeDecodeError:
        return Sniffed("text", "cp1252") if _mostly_text(head) else Sniffed("binary")
    return Sniffed("text", "utf-8") if _mostly_text(head) else Sniffed("binary")


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without BOM: ASCII text with every other byte zero."""
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return (odd.count(0) > 0.9 * len(odd)) or (even.count(0) > 0.9 * len(even))


def _mostly_text(head: bytes) -> bool:
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= len(head) * 0.01


def decode(data: bytes, sniffed: Sniffed) -> str:
    """The whole file as text (used for small or non-UTF-8 files)."""
    body = data[sniffed.bom :]
    if sniffed.encoding == "cp1252":
        return body.decode("cp1252", errors="replace")
    return body.decode(sniffed.encoding)


def sniff_delimiter(lines: list[str]) -> str:
    """The field delimiter: the one of `, ; \\t |` that splits the first lines most consistently."""
    sample = "\n".join(lines[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t|"}
        return max(counts, key=counts.get) if max(counts.values()) else ","
