"""The report as an editable PowerPoint: 16:9, Arial theme, native charts, speaker notes.

Every chart is a real chart object whose data sits in the embedded workbook, so the
client can restyle it; every text box is sized with the font's metrics and its
text shrinks rather than overflow (`slide_text`). This module lays out a `Report`:
it computes nothing.
"""

from __future__ import annotations

import io
import re
from typing import cast

import pptx
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from dashboard.i18n import t
from dashboard.report.model import GAP_HEADINGS, Chart, CriterionSection, Report
from dashboard.report.slide_table import paged, table
from dashboard.report.slide_text import INK, MUTED, Paragraphs, stack, text_box

THEME_FONT = "Arial"  # on Windows and macOS; LibreOffice draws it with Liberation Sans
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
GREY = RGBColor(0xB4, 0xBB, 0xC3)
STATUS_COLORS = {
    "met": RGBColor(0x00, 0x9E, 0x73),
    "gap": RGBColor(0xD5, 0x5E, 0x00),
    "not_measured": GREY,
}
NUMBER_FORMATS = {"score": "0", "rate": "0%", "count": "#,##0", "hours": "0.0"}
GAP_ROWS_PER_SLIDE = 12
FILE_ROWS_PER_SLIDE = 8


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def _set_theme_font(presentation: Presentation) -> None:
    """Heading and body fonts of the theme: Arial, which every office suite has or maps."""
    theme = presentation.slide_masters[0].part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    xml = re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', rf'\1{THEME_FONT}"', xml)
    theme._blob = xml.encode("utf-8")


# --- text ------------------------------------------------------------------------------------


def _notes(slide: Slide, text: str) -> None:
    frame = slide.notes_slide.notes_text_frame
    if frame is not None:  # the default template's notes slide has its placeholder
        frame.text = text


def _header(slide: Slide, report: Report, title: str, right: str = "") -> None:
    """The slide title, an optional figure at the right (a score), the brand's rule, the logo."""
    color = _rgb(report.cover.color)
    title_width = WIDTH - 2 * MARGIN - (Inches(3.2) if right or report.cover.logo_png else 0)
    text_box(
        slide,
        MARGIN,
        Inches(0.3),
        title_width,
        Inches(0.8),
        [(title, {"bold": True, "color": color})],
        size=26,
        anchor=MSO_ANCHOR.MIDDLE,
    )
    if right:
        text_box(
            slide,
            WIDTH - MARGIN - Inches(3.1),
            Inches(0.3),
            Inches(1.7),
            Inches(0.8),
            [(right, {"bold": True})],
            size=24,
            anchor=MSO_ANCHOR.MIDDLE,
            align=PP_ALIGN.RIGHT,
        )
    if report.cover.logo_png:
        _logo(
            slide,
            report.cover.logo_png,
            WIDTH - MARGIN - Inches(1.3),
            Inches(0.35),
            Inches(1.3),
            Inches(0.7),
        )
    rule = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, MARGIN, Inches(1.15), Emu(WIDTH - 2 * MARGIN), Inches(0.04)
    )
    rule.fill.solid()
    rule.fill.fore_color.rgb = color
    rule.line.fill.background()


def _logo(slide: Slide, png: bytes, left: int, top: int, width: int, height: int) -> None:
    """The logo inside the box, its proportions kept."""
    picture = slide.shapes.add_picture(io.BytesIO(png), Emu(left), Emu(top))
    ratio = min(width / picture.width, height / picture.height)
    picture.width, picture.height = (
        Emu(int(picture.width * ratio)),
        Emu(int(picture.height * ratio)),
    )
    picture.left = Emu(left + width - picture.width)


# --- charts ----------------------------------------------------------------------------------


def _chart(
    slide: Slide, chart: Chart, report: Report, left: int, top: int, width: int, height: int
) -> None:
    """A native clustered bar chart: the data lives in the embedded workbook."""
    data = CategoryChartData(number_format=NUMBER_FORMATS[chart.unit])
    data.categories = chart.categories
    for series in chart.series:
        data.add_series(series.name, series.values)
    horizontal = not chart.time and (
        len(chart.categories) > 6 or max(map(len, chart.categories), default=0) > 10
    )
    kind = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    # python-pptx annotates add_chart as taking its ChartData subclass and returning a Chart;
    # it takes any CategoryChartData and returns the GraphicFrame that holds the chart.
    frame = cast(
        GraphicFrame,
        slide.shapes.add_chart(
            kind,
            Emu(left),
            Emu(top),
            Emu(width),
            Emu(height),
            data,  # type: ignore[arg-type]  # python-pptx: see above
        ),
    )
    graph = frame.chart
    graph.has_title = True
    graph.chart_title.text_frame.text = chart.title + (f" ({chart.note})" if chart.note else "")
    title_font = graph.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size, title_font.bold = Pt(12), True
    graph.font.size = Pt(10 if len(chart.categories) <= 12 else 8)
    graph.font.color.rgb = INK
    graph.has_legend = len(chart.series) > 1
    if graph.has_legend:
        graph.legend.position = XL_LEGEND_POSITION.BOTTOM
        graph.legend.include_in_layout = False
    colors = [_rgb(report.cover.color), GREY]
    for i, series in enumerate(graph.plots[0].series):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = colors[i % 2]
    plot = graph.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    plot.data_labels.number_format = NUMBER_FORMATS[chart.unit]
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(9)
    values = graph.value_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = RGBColor(0xE3, 0xE6, 0xEA)
    values.tick_labels.font.size = Pt(9)
    values.tick_labels.number_format = NUMBER_FORMATS[chart.unit]
    values.tick_labels.number_format_is_linked = False
    values.minimum_scale = 0
    if chart.unit == "score":
        values.maximum_scale = 100
    elif chart.unit == "rate":
        values.maximum_scale = 1
    categories = graph.category_axis
    categories.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    categories.format.line.color.rgb = GREY
    if horizontal:
        categories.reverse_order = True  # first category at the top, as it is read


# --- slides ----------------------------------------------------------------------------------


def _cover(presentation: Presentation, report: Report) -> None:
    cover = report.cover
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    band = slide.shapes.add_shape(1, 0, 0, Inches(0.45), HEIGHT)
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(cover.color)
    band.line.fill.background()
    if cover.logo_png:
        _logo(
            slide,
            cover.logo_png,
            WIDTH - MARGIN - Inches(2.5),
            Inches(0.6),
            Inches(2.5),
            Inches(1.2),
        )
    left, width = Inches(1.2), Inches(10.5)
    text_box(
        slide,
        left,
        Inches(2.0),
        width,
        Inches(1.1),
        [(cover.client, {"bold": True})],
        size=40,
        anchor=MSO_ANCHOR.BOTTOM,
    )
    text_box(
        slide,
        left,
        Inches(3.15),
        width,
        Inches(0.7),
        [(cover.title, {"color": _rgb(cover.color), "bold": True})],
        size=28,
    )
    text_box(
        slide, left, Inches(3.85), width, Inches(0.6), [(cover.subtitle, {"color": MUTED})], size=18
    )
    facts: Paragraphs = [
        (f"{report.text('deliver.period')}: {cover.period}", {}),
        (f"{report.text('deliver.date')}: {cover.date}", {}),
        (f"{report.text('deliver.author')}: {cover.author}", {}),
    ]
    text_box(slide, left, Inches(4.8), width, Inches(1.2), facts, size=16)
    text_box(
        slide,
        left,
        Inches(6.4),
        width,
        Inches(0.6),
        [(cover.privacy, {"italic": True, "color": MUTED})],
        size=13,
    )
    _notes(slide, cover.notes)


def _summary(presentation: Presentation, report: Report) -> None:
    summary = report.summary
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    _header(slide, report, report.text("deliver.summary"))
    card: Paragraphs = [
        (report.text("deliver.overall"), {"color": MUTED, "size": 16}),
        (summary.score_text, {"bold": True, "size": 54, "color": _rgb(report.cover.color)}),
        (summary.level, {"bold": True, "size": 20}),
        (summary.measured_text, {"before": 10}),
        (summary.change_text, {"before": 6}),
    ]
    height = Inches(5.4)
    if report.peers:  # the overall index among peers, and who the peers are, underneath
        height = Inches(5.15)
        card.append((report.peers.overall, {"before": 10, "size": 13}))
        basis = [(report.peers.basis, {"color": MUTED})]
        text_box(slide, MARGIN, Inches(6.7), WIDTH - 2 * MARGIN, Inches(0.55), basis, size=10)
    text_box(slide, MARGIN, Inches(1.5), Inches(4.3), height, card, size=15)
    said: Paragraphs = []
    if summary.consultant:
        said = [(report.text("deliver.consultant_summary"), {"bold": True, "size": 18})]
        said += [
            (line, {"marker": _rgb(report.cover.color), "before": 6}) for line in summary.consultant
        ]
    gaps = [(report.text("deliver.top_gaps"), {"bold": True, "size": 18})]
    gaps += [(f"{i}. {text}", {"before": 8}) for i, text in enumerate(summary.top_gaps, start=1)]
    right = Inches(5.2)
    blocks = [(said, 15), (gaps, 15)]
    stack(slide, right, Inches(1.5), WIDTH - right - MARGIN, blocks, bottom=Inches(1.5) + height)
    _notes(slide, f"{summary.notes} {report.peers.notes}" if report.peers else summary.notes)


def _criteria(presentation: Presentation, report: Report) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    _header(slide, report, report.text("deliver.criteria"))
    _chart(
        slide, report.criteria_chart, report, MARGIN, Inches(1.4), WIDTH - 2 * MARGIN, Inches(5.7)
    )
    _notes(slide, report.criteria_notes)


def _criterion(presentation: Presentation, report: Report, section: CriterionSection) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    _header(slide, report, section.title, section.score_text)
    column = (WIDTH - 2 * MARGIN - Inches(0.3)) // 2
    right = MARGIN + column + Inches(0.3)
    words: Paragraphs = [(section.metrics_heading, {"bold": True, "size": 12})]
    words += [
        (m.sentence, {"marker": STATUS_COLORS[m.status], "before": 3}) for m in section.metrics
    ]
    if report.peers and (peers := report.peers.by_criterion.get(section.id, ())):
        words.append((report.peers.heading, {"bold": True, "size": 12, "before": 8}))
        words += [(line, {"size": 11, "before": 2}) for line in peers]
    if section.evidence:
        words.append((report.text("deliver.evidence"), {"bold": True, "size": 12, "before": 8}))
        words += [(line, {"size": 10, "color": MUTED, "before": 2}) for line in section.evidence]
    # The argument with the articles it comes from; the reference figures go beside the
    # recommendation, as they are set beside the targets.
    argument: Paragraphs = [
        (report.text("deliver.argument"), {"bold": True, "size": 11}),
        (section.argument, {"italic": True, "before": 2}),
    ]
    argument += [
        (f"{report.text('deliver.source')}: {s}", {"size": 9, "color": MUTED, "before": 2})
        for s in section.seeds
    ]
    stack(slide, MARGIN, Inches(1.35), column, [(words, 12), (argument, 10)])
    _chart(slide, section.chart, report, right, Inches(1.35), column, Inches(3.1))
    advice: Paragraphs = [(report.text("deliver.recommendation"), {"bold": True, "size": 12})]
    if section.recommendations:
        title, text = section.recommendations[0]
        advice.append((f"{title}: {text}", {"before": 2}))
        if len(section.recommendations) > 1:
            others = ", ".join(t for t, _ in section.recommendations[1:])
            advice.append(
                (
                    report.text("deliver.more_recommendations", metrics=others),
                    {"italic": True, "color": MUTED, "size": 10, "before": 4},
                )
            )
    else:
        advice.append((section.status_text, {"before": 2}))
    figures = [
        (f"{report.text('deliver.reference')}: {r}", {"before": 2}) for r in section.references
    ]
    stack(slide, right, Inches(4.55), column, [(advice, 12), (figures, 9)], muted_last=True)
    _notes(slide, section.notes)


def _table(
    slide: Slide,
    report: Report,
    rows: list[list[str]],
    widths: list[float],
    top: int,
    numeric: set[int],
) -> None:
    table(slide, _rgb(report.cover.color), rows, widths, MARGIN, top, numeric)


def _gaps(presentation: Presentation, report: Report) -> None:
    header = [report.text(k) for k in GAP_HEADINGS]
    widths = [0.5, 3.2, 3.9, 1.2, 1.2, 1.1, 1.2]
    gaps = report.gaps
    pages = [gaps[i : i + GAP_ROWS_PER_SLIDE] for i in range(0, len(gaps), GAP_ROWS_PER_SLIDE)] or [
        ()
    ]
    for n, page in enumerate(pages):
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        _header(slide, report, report.text("deliver.gaps" if n == 0 else "deliver.gaps_continued"))
        if not page:
            text_box(
                slide,
                MARGIN,
                Inches(1.5),
                WIDTH - 2 * MARGIN,
                Inches(1),
                [(report.summary.top_gaps[0], {})],
                size=16,
            )
            _notes(slide, report.summary.top_gaps[0])
            continue
        rows = [header] + [
            [
                str(g.rank),
                g.criterion,
                g.metric,
                g.value_text,
                g.target_text,
                f"{g.score:.0f}",
                f"{g.priority:.0f}",
            ]
            for g in page
        ]
        _table(slide, report, rows, widths, Inches(1.4), {0, 3, 4, 5, 6})
        said = report.text(
            "deliver.notes_gaps", first=page[0].rank, last=page[-1].rank, total=len(gaps)
        )
        noted = [f"{g.rank}. {g.note.speaker}" for g in page if g.note is not None]
        _notes(slide, "\n".join([said, "", *noted]) if noted else said)


def _plan(presentation: Presentation, report: Report) -> None:
    """The action plan, as many slides as its rows' measured heights need."""
    plan = report.plan
    if plan is None:
        return
    keys = ("col_what", "col_owner", "col_due", "col_status", "col_metric", "col_before_after")
    header = [report.text(f"deliver.{k}") for k in (*keys, "col_flags")]
    widths = [3.4, 1.6, 1.2, 1.2, 2.3, 1.5, 1.1]
    rows = [
        [a.what, a.owner, a.due_text, a.status_text, a.metric, a.change_text, a.flags]
        for a in plan.actions
    ]
    top = Inches(2.1)
    pages = paged(header, rows, widths, HEIGHT - top - Inches(0.3))
    for page in pages:
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        _header(slide, report, plan.heading)
        intro: Paragraphs = [(plan.intro, {"color": MUTED})]
        if plan.flagged_text:
            intro.append((plan.flagged_text, {"bold": True, "color": STATUS_COLORS["gap"]}))
        text_box(slide, MARGIN, Inches(1.3), WIDTH - 2 * MARGIN, Inches(0.75), intro, size=12)
        _table(slide, report, [header, *page], widths, top, set())
        _notes(slide, plan.notes)


def _method(presentation: Presentation, report: Report) -> None:
    header = [
        report.text(k)
        for k in (
            "deliver.col_file",
            "deliver.col_format",
            "deliver.col_table",
            "deliver.col_period",
            "deliver.col_rows_loaded",
            "deliver.col_rows_rejected",
        )
    ]
    widths = [3.0, 2.3, 2.3, 2.3, 1.2, 1.2]
    inputs = report.inputs
    pages = [
        inputs[i : i + FILE_ROWS_PER_SLIDE] for i in range(0, len(inputs), FILE_ROWS_PER_SLIDE)
    ] or [()]
    for n, page in enumerate(pages):
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        _header(slide, report, report.text("deliver.method"))
        top = Inches(1.35)
        if n == 0:
            method = [(text, {"before": 4}) for text in report.method]
            text_box(slide, MARGIN, top, WIDTH - 2 * MARGIN, Inches(1.5), method, size=13)
            top = Inches(3.0)
        if page:
            rows = [header] + [
                [
                    r.file,
                    r.format,
                    r.table,
                    r.period,
                    "" if r.rows_loaded is None else f"{r.rows_loaded:,}",
                    "" if r.rows_rejected is None else f"{r.rows_rejected:,}",
                ]
                for r in page
            ]
            _table(slide, report, rows, widths, top, {4, 5})
        else:
            text_box(
                slide,
                MARGIN,
                top,
                WIDTH - 2 * MARGIN,
                Inches(0.6),
                [(report.text("deliver.no_files"), {})],
                size=13,
            )
        _notes(slide, report.method_notes)


def _sources(presentation: Presentation, report: Report) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    _header(slide, report, report.text("deliver.sources"))
    items = [(report.text("deliver.sources_intro"), {"italic": True, "color": MUTED})]
    items += [
        (f"{text}{' — ' + link if link else ''}", {"size": 11, "before": 4})
        for text, link in report.sources
    ]
    text_box(slide, MARGIN, Inches(1.35), WIDTH - 2 * MARGIN, Inches(5.8), items, size=12)
    _notes(slide, report.sources_notes)


def to_pptx(report: Report) -> bytes:
    """The report as a .pptx file."""
    presentation = pptx.Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    _set_theme_font(presentation)
    presentation.core_properties.title = f"{report.cover.title} — {report.cover.client}"
    presentation.core_properties.author = report.cover.author
    presentation.core_properties.language = t("locale.tag", report.lang)
    _cover(presentation, report)
    _summary(presentation, report)
    _criteria(presentation, report)
    for section in report.criteria:
        _criterion(presentation, report, section)
    _gaps(presentation, report)
    _plan(presentation, report)
    _method(presentation, report)
    _sources(presentation, report)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


__all__ = ["to_pptx"]
