"""Text boxes on a slide that never overflow: sized with the font's metrics (`fit`).

A box's paragraphs shrink together (down to `MIN_PT`) until they fit; at the minimum,
trailing paragraphs give way to "…" (the speaker notes hold the whole text). Stacked
boxes share a column's height in proportion to what each needs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from dashboard.report import fit

INSET = Inches(0.05)  # the text boxes' inner margins, left/right and top/bottom
MIN_PT = 8.0
INK = RGBColor(0x1B, 0x1F, 0x24)
MUTED = RGBColor(0x5A, 0x63, 0x6E)
Paragraphs = list[tuple[str, dict[str, Any]]]  # (text, style: bold, size, color, marker…)


def text_box(
    slide: Slide,
    left: int,
    top: int,
    width: int,
    height: int,
    paragraphs: Paragraphs,
    *,
    size: float,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    align: PP_ALIGN = PP_ALIGN.LEFT,
) -> None:
    """A text box whose paragraphs (text, style) fit: the size shrinks until they do, and
    at `MIN_PT` trailing paragraphs give way to "…" (the notes hold the whole text)."""
    room_w = Emu(width - 2 * INSET).pt
    room_h = Emu(height - 2 * INSET).pt

    def runs(scale: float, items: Paragraphs) -> list[fit.Run]:
        return [
            fit.Run(
                ("■ " if style.get("marker") else "") + text,
                style.get("size", size) * scale,
                style.get("bold", False),
                style.get("italic", False),
                style.get("before", 0) * scale,
            )
            for text, style in items
        ]

    scale = 1.0
    while not fit.fits(runs(scale, paragraphs), room_w, room_h) and size * scale > MIN_PT:
        scale = max(scale - 0.05, MIN_PT / size)
    while len(paragraphs) > 1 and not fit.fits(runs(scale, paragraphs), room_w, room_h):
        paragraphs = [*paragraphs[:-2], ("…", paragraphs[-2][1])]
    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = None
    frame.vertical_anchor = anchor
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, INSET)
    for i, (text, style) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        paragraph.line_spacing = 1.0
        if style.get("before"):
            paragraph.space_before = Pt(style["before"] * scale)
        if style.get("marker"):
            marker = paragraph.add_run()
            marker.text = "■ "
            style_run(marker, style.get("size", size) * scale, color=style["marker"])
        run = paragraph.add_run()
        run.text = text
        style_run(
            run,
            style.get("size", size) * scale,
            bold=style.get("bold", False),
            italic=style.get("italic", False),
            color=style.get("color", INK),
        )


def style_run(run, size: float, *, bold=False, italic=False, color: RGBColor = INK) -> None:
    run.font.size = Pt(math.floor(size * 2) / 2)  # never above the size measured
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = color


def needed(paragraphs: Paragraphs, width: int, size: float) -> int:
    """The height (EMU) the paragraphs take at their full size in a box `width` wide."""
    runs = [
        fit.Run(
            text,
            s.get("size", size),
            s.get("bold", False),
            s.get("italic", False),
            s.get("before", 0),
        )
        for text, s in paragraphs
    ]
    return int(Pt(fit.height_pt(runs, Emu(width - 2 * INSET).pt)) + 2 * INSET)


def stack(
    slide: Slide,
    left: int,
    top: int,
    width: int,
    blocks: Sequence[tuple[Paragraphs, float]],
    *,
    bottom: int = Inches(7.1),
    gap: int = Inches(0.15),
    muted_last: bool = False,
) -> None:
    """Text boxes one under the other down to `bottom`: each gets the height it needs, or a
    share of the room in proportion to its need when together they need more."""
    if muted_last:
        *rest, (last, size) = blocks
        blocks = [*rest, ([(text, {"color": MUTED, **style}) for text, style in last], size)]
    blocks = [(paragraphs, size) for paragraphs, size in blocks if paragraphs]
    needs = [needed(paragraphs, width, size) + Inches(0.05) for paragraphs, size in blocks]
    room = bottom - top - gap * (len(blocks) - 1)
    scale = min(1.0, room / sum(needs))
    for i, ((paragraphs, size), need) in enumerate(zip(blocks, needs, strict=True)):
        height = bottom - top if i == len(blocks) - 1 else int(need * scale)
        text_box(slide, left, top, width, height, paragraphs, size=size)
        top += height + gap
