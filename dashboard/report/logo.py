"""A client's logo, made safe to keep and to print: always a small, re-encoded PNG.

An uploaded PNG is decoded and written again (no metadata or trailing bytes survive); an
uploaded SVG is never kept nor embedded: it is drawn once into a PNG by Typst's SVG
renderer, which runs no script and reads no file or address outside the folder it is
given. Documents with a DOCTYPE (entity expansion) are refused before parsing.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import typst
from PIL import Image, UnidentifiedImageError

from dashboard.i18n import MessageError
from dashboard.messages import msg

MAX_UPLOAD_BYTES = 1024 * 1024
MAX_PIXELS = 25_000_000  # decoded size of an uploaded PNG; a logo needs far less
LONG_SIDE = 800  # pixels of the stored PNG's longer side
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class LogoError(MessageError, ValueError):
    """The file cannot be a logo; the message says why and what to do."""


def _refused(code: str, filename: str) -> LogoError:
    return LogoError(msg(code, file=filename or msg("logo.unnamed")))


def logo_png(data: bytes, filename: str = "") -> bytes:
    """The logo as a PNG of at most `LONG_SIDE` pixels, from an uploaded PNG or SVG."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise _refused("logo.error.too_big", filename)
    if data.startswith(PNG_SIGNATURE):
        return _from_png(data, filename)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg")) and b"<svg" in data[:4096].lower():
        return _from_svg(data, filename)
    raise _refused("logo.error.not_image", filename)


def _from_png(data: bytes, filename: str) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG" or image.width * image.height > MAX_PIXELS:
                raise _refused("logo.error.bad_png", filename)
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise _refused("logo.error.unreadable_png", filename) from error
    return _encode(picture)


def _from_svg(data: bytes, filename: str) -> bytes:
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        raise _refused("logo.error.doctype", filename)
    with tempfile.TemporaryDirectory(prefix="presenza-logo-") as folder:
        root = Path(folder)
        (root / "logo.svg").write_bytes(data)
        (root / "logo.typ").write_text(
            "#set page(width: auto, height: auto, margin: 0pt, fill: none)\n"
            '#image("logo.svg", width: 400pt)\n',
            encoding="utf-8",
        )
        try:
            png = typst.compile(
                str(root / "logo.typ"),
                root=str(root),
                format="png",
                ppi=144.0,
                ignore_system_fonts=True,
                font_paths=[],
            )
        except (typst.TypstError, RuntimeError) as error:
            raise _refused("logo.error.bad_svg", filename) from error
    if isinstance(png, list):  # one image per page; a logo has one page
        png = png[0]
    with Image.open(io.BytesIO(png)) as image:
        return _encode(image.convert("RGBA"))


def _encode(image: Image.Image) -> bytes:
    image.thumbnail((LONG_SIDE, LONG_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
