"""Tables on a slide whose row heights are measured with the font's metrics (`fit`), so a
table ends where it should and a long one is split across slides before it overflows."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from dashboard.report import fit
from dashboard.report.slide_text import INK, style_run

TABLE_PT = 11.0
WHITE = RGBColor(0xFF, 0xFF, 0xFF)


def row_height(row: list[str], widths: list[float]) -> int:
    """A row's height (EMU): its tallest cell's lines at the table's size, and the margins."""
    needed = max(
        fit.lines(fit.Run(text, TABLE_PT), Inches(w).pt - 10)
        for text, w in zip(row, widths, strict=True)
    )
    return Pt(needed * TABLE_PT * fit.LINE_SPACING + 8)


def paged(
    header: list[str], rows: list[list[str]], widths: list[float], room: int
) -> list[list[list[str]]]:
    """The rows split into slides' worth: each page's header and rows fit `room` (EMU) tall
    (a single row taller than that gets a page of its own)."""
    pages: list[list[list[str]]] = [[]]
    used = row_height(header, widths)
    for row in rows:
        height = row_height(row, widths)
        if pages[-1] and used + height > room:
            pages.append([])
            used = row_height(header, widths)
        pages[-1].append(row)
        used += height
    return pages


def table(
    slide: Slide,
    color: RGBColor,
    rows: list[list[str]],
    widths: list[float],
    left: int,
    top: int,
    numeric: set[int],
) -> None:
    """The rows as a table, the first as its header on the brand's colour; the columns in
    `numeric` right-aligned."""
    heights = [row_height(row, widths) for row in rows]
    shape = slide.shapes.add_table(
        len(rows), len(widths), Emu(left), Emu(top), Inches(sum(widths)), Emu(sum(heights))
    )
    grid = shape.table
    for i, w in enumerate(widths):
        grid.columns[i].width = Inches(w)
    for r, row in enumerate(rows):
        grid.rows[r].height = heights[r]
        for c, text in enumerate(row):
            cell = grid.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(5)
            cell.margin_top = cell.margin_bottom = Pt(4)
            cell.text = text
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.RIGHT if c in numeric and r else PP_ALIGN.LEFT
            paragraph.font.size = Pt(TABLE_PT)  # an empty cell too: its line keeps the height
            for run in paragraph.runs:
                style_run(run, TABLE_PT, bold=r == 0, color=WHITE if r == 0 else INK)
            if r == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = color
