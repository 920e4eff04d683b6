"""How much room a text takes in a box, measured with the real font's metrics.

The slides use the theme font Arial; LibreOffice draws it with Liberation Sans, which is
metric-compatible (same advance widths), and we ship Liberation Sans (SIL OFL) so the
measurement is the same on every machine. Words wrap like a text box wraps them; a
paragraph's lines are `LINE_SPACING` × the font size apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path(str(files("dashboard.report").joinpath("fonts")))
FACES = {
    (False, False): "LiberationSans-Regular.ttf",
    (True, False): "LiberationSans-Bold.ttf",
    (False, True): "LiberationSans-Italic.ttf",
    (True, True): "LiberationSans-BoldItalic.ttf",
}
LINE_SPACING = 1.2  # PowerPoint's and LibreOffice's single spacing for Arial, rounded up
SCALE = 20  # measure at 20× the size, so rounding to whole pixels costs nothing


@dataclass(frozen=True)
class Run:
    """A paragraph to measure: its text, size in points, and face."""

    text: str
    size: float
    bold: bool = False
    italic: bool = False
    space_before: float = 0.0  # points


@cache
def _font(bold: bool, italic: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / FACES[(bold, italic)]), 72 * SCALE)


def width_pt(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """The advance width of one line of text, in points."""
    return _font(bold, italic).getlength(text) / (72 * SCALE) * size


def lines(paragraph: Run, width: float) -> int:
    """How many lines a paragraph wraps to in `width` points (a word longer than the line
    is broken, as text boxes do)."""
    count = 0
    for hard in paragraph.text.split("\n"):
        count += 1
        line = ""
        for word in hard.split(" "):
            candidate = f"{line} {word}" if line else word
            if width_pt(candidate, paragraph.size, paragraph.bold, paragraph.italic) <= width:
                line = candidate
                continue
            if line:
                count += 1
            line = word
            while width_pt(line, paragraph.size, paragraph.bold, paragraph.italic) > width:
                count += 1  # a very long word or link breaks across lines
                cut = max(1, int(len(line) * width / width_pt(line, paragraph.size)) - 1)
                line = line[cut:]
    return count


def height_pt(paragraphs: list[Run], width: float) -> float:
    """The height the paragraphs take in a box `width` points wide."""
    return sum(p.space_before + lines(p, width) * p.size * LINE_SPACING for p in paragraphs)


def fits(paragraphs: list[Run], width: float, height: float) -> bool:
    return height_pt(paragraphs, width) <= height
