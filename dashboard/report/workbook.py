"""The report as a workbook for analysts: numbers as numbers, rates as percentages,
red/amber/green scores, frozen headers, no internal ids, uploaded text kept inert.

Sheets: overview, criteria, metrics, gaps, peers and the action plan (a saved audit's,
when there are any), evidence (one table per evidence list, employees by pseudonymous id
unless names are on) and the files read. Lays out a
`Report`; computes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from dashboard.report.formulas import formula_like
from dashboard.report.model import GAP_HEADINGS, Report

RED, AMBER, GREEN = "#F8D0C8", "#FBE3B5", "#CDEBDD"
# Scores: red below 40 (absent, experimenting), amber to 80, green from 80 (social business).
AMBER_FROM, GREEN_FROM = 40, 80
BANDS = ((0, AMBER_FROM, RED), (AMBER_FROM, GREEN_FROM, AMBER), (GREEN_FROM, 100, GREEN))
UNIT_FORMATS = {"rate": "0.0%", "ratio": '0.00"×"', "days": "0", "hours": "0.0", "number": "0.00"}


class _Book:
    """An xlsxwriter workbook with the report's cell styles."""

    def __init__(self, buffer: io.BytesIO, color: str):
        self.book = xlsxwriter.Workbook(
            buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        add = self.book.add_format
        self.header = add(
            {
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": color,
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.title = add({"bold": True, "font_size": 12})
        self.text = add({"text_wrap": True, "valign": "top"})
        self.inert = add({"text_wrap": True, "valign": "top", "quote_prefix": True})
        self.integer = add({"num_format": "#,##0", "valign": "top"})
        self.decimal = add({"num_format": "0.0", "valign": "top"})
        self.units = {
            unit: add({"num_format": f, "valign": "top"}) for unit, f in UNIT_FORMATS.items()
        }
        self.bands = [(low, high, add({"bg_color": fill})) for low, high, fill in BANDS]

    def sheet(self, name: str, headers: Sequence[str], widths: Sequence[int]) -> Worksheet:
        sheet = self.book.add_worksheet(name[:31])
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        for col, header in enumerate(headers):
            self.write(sheet, 0, col, header, self.header)
        sheet.freeze_panes(1, 0)
        return sheet

    def write(self, sheet: Worksheet, row: int, col: int, value: Any, style: Any = None) -> None:
        """A number as a number; text as text, with the quote prefix when it starts like a
        formula (=, +, -, @, tab, CR), so even editing the cell cannot turn it into one."""
        if value is None or value == "":
            sheet.write_blank(row, col, None, style or self.text)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            sheet.write_number(
                row,
                col,
                value,
                style or (self.integer if float(value).is_integer() else self.decimal),
            )
        else:
            text = str(value)
            sheet.write_string(
                row, col, text, self.inert if formula_like(text) else (style or self.text)
            )

    def row(self, sheet: Worksheet, row: int, values: Sequence[Any], styles: Sequence[Any]) -> None:
        """One row of values, each with its cell style (None: by the value's type)."""
        for col, (value, style) in enumerate(zip(values, styles, strict=True)):
            self.write(sheet, row, col, value, style)

    def traffic_lights(self, sheet: Worksheet, first: int, last: int, col: int) -> None:
        """Red, amber, green on a column of 0–100 scores (blank cells stay white)."""
        if last < first:
            return
        red, amber, green = (style for _, _, style in self.bands)
        rules = (
            {"criteria": "<", "value": AMBER_FROM, "format": red},
            {
                "criteria": "between",
                "minimum": AMBER_FROM,
                "maximum": GREEN_FROM - 1e-9,
                "format": amber,
            },
            {"criteria": ">=", "value": GREEN_FROM, "format": green},
        )
        sheet.conditional_format(
            first, col, last, col, {"type": "blanks", "stop_if_true": True, "format": self.text}
        )
        for rule in rules:
            sheet.conditional_format(first, col, last, col, {"type": "cell", **rule})


def _overview(b: _Book, report: Report) -> None:
    s = report.summary
    sheet = b.sheet(
        report.text("deliver.sheet_overview"),
        [report.text("deliver.col_item"), report.text("deliver.col_detail")],
        [28, 90],
    )
    rows: list[tuple[str, Any]] = [
        (report.text("deliver.client"), report.cover.client),
        (report.text("deliver.period"), report.cover.period),
        (report.text("deliver.date"), report.cover.date),
        (report.text("deliver.overall"), s.score),
        (report.text("deliver.level"), s.level),
        (report.text("deliver.criteria"), s.measured_text),
        (report.text("deliver.previous_audit"), s.change_text),
        (report.text("deliver.privacy"), report.cover.privacy),
    ]
    rows += [
        (f"{report.text('deliver.top_gaps')} {i}", text)
        for i, text in enumerate(s.top_gaps, start=1)
    ]
    rows += [(report.text("deliver.consultant_summary"), line) for line in s.consultant]
    for r, (item, detail) in enumerate(rows, start=1):
        b.write(sheet, r, 0, item)
        b.write(sheet, r, 1, detail, b.decimal if isinstance(detail, float) else None)
    b.traffic_lights(sheet, 4, 4, 1)


def _criteria(b: _Book, report: Report) -> None:
    keys = (
        "deliver.col_criterion",
        "deliver.col_score",
        "deliver.col_weight",
        "deliver.col_metrics_measured",
        "deliver.col_missing",
        "deliver.col_source",
    )
    sheet = b.sheet(
        report.text("deliver.sheet_criteria"),
        [report.text(k) for k in keys],
        [34, 11, 9, 12, 50, 90],
    )
    for r, c in enumerate(report.criteria, start=1):
        measured = sum(m.status != "not_measured" for m in c.metrics)
        b.write(sheet, r, 0, c.title)
        b.write(sheet, r, 1, c.score, b.decimal)
        b.write(sheet, r, 2, c.weight, b.decimal)
        b.write(sheet, r, 3, f"{measured}/{len(c.metrics)}")
        b.write(sheet, r, 4, "; ".join(m.missing for m in c.metrics if m.missing))
        b.write(sheet, r, 5, "\n".join(c.seeds))
    b.traffic_lights(sheet, 1, len(report.criteria), 1)
    sheet.autofilter(0, 0, len(report.criteria), len(keys) - 1)


def _metrics(b: _Book, report: Report) -> None:
    keys = (
        "deliver.col_criterion",
        "deliver.col_metric",
        "deliver.col_value",
        "deliver.col_numerator",
        "deliver.col_denominator",
        "deliver.col_floor",
        "deliver.col_target",
        "deliver.col_weight",
        "deliver.col_score",
        "deliver.col_unit",
        "deliver.col_status",
        "deliver.col_sentence",
    )
    sheet = b.sheet(
        report.text("deliver.sheet_metrics"),
        [report.text(k) for k in keys],
        [28, 32, 11, 12, 13, 12, 11, 8, 10, 16, 18, 80],
    )
    row = 0
    for c in report.criteria:
        for m in c.metrics:
            row += 1
            unit = b.units[m.unit]
            values = (
                c.title,
                m.title,
                m.value,
                m.numerator,
                m.denominator,
                m.floor,
                m.target,
                m.weight,
                m.score,
                m.unit_text,
                m.status_text,
                m.sentence,
            )
            styles = (
                None,
                None,
                unit,
                None,
                None,
                unit,
                unit,
                b.decimal,
                b.decimal,
                None,
                None,
                None,
            )
            for col, (value, style) in enumerate(zip(values, styles, strict=True)):
                b.write(sheet, row, col, value, style)
    b.traffic_lights(sheet, 1, row, 8)
    sheet.autofilter(0, 0, row, len(keys) - 1)


def _gaps(b: _Book, report: Report) -> None:
    keys = (
        *GAP_HEADINGS,
        "deliver.col_recommendation",
        "deliver.col_verdict",
        "deliver.col_comment",
        "deliver.col_evidence",
        "deliver.col_source",
    )
    sheet = b.sheet(
        report.text("deliver.sheet_gaps"),
        [report.text(k) for k in keys],
        [5, 28, 30, 11, 11, 10, 10, 80, 24, 50, 60, 60],
    )
    for r, g in enumerate(report.gaps, start=1):
        unit = b.units[g.unit]
        values = (
            g.rank,
            g.criterion,
            g.metric,
            g.value,
            g.target,
            g.score,
            g.priority,
            g.recommendation,
            "" if g.note is None else g.note.verdict,
            "" if g.note is None else g.note.comment,
            g.evidence,
            g.source,
        )
        styles = (b.integer, None, None, unit, unit, b.decimal, b.decimal, *[None] * 5)
        for col, (value, style) in enumerate(zip(values, styles, strict=True)):
            b.write(sheet, r, col, value, style)
    b.traffic_lights(sheet, 1, len(report.gaps), 5)
    if report.gaps:
        sheet.autofilter(0, 0, len(report.gaps), len(keys) - 1)


def _evidence(b: _Book, report: Report) -> None:
    """Every evidence list as its own small table, one under the other."""
    keys = ("deliver.col_criterion", "deliver.col_metric", "deliver.col_evidence")
    sheet = b.sheet(
        report.text("deliver.sheet_evidence"),
        [report.text(k) for k in keys],
        [30, 32, 26, 18, 18, 18, 18],
    )
    row = 1
    for table in report.evidence_tables:
        b.write(sheet, row, 0, table.criterion, b.title)
        b.write(sheet, row, 1, table.metric, b.title)
        b.write(sheet, row, 2, table.title, b.title)
        row += 1
        for col, header in enumerate(table.columns):
            b.write(sheet, row, col, header, b.header)
        for values in table.rows:
            row += 1
            for col, value in enumerate(values):
                b.write(sheet, row, col, value)
        row += 2


def _inputs(b: _Book, report: Report) -> None:
    keys = (
        "deliver.col_file",
        "deliver.col_format",
        "deliver.col_table",
        "deliver.col_period",
        "deliver.col_rows_loaded",
        "deliver.col_rows_rejected",
    )
    sheet = b.sheet(
        report.text("deliver.sheet_inputs"),
        [report.text(k) for k in keys],
        [36, 26, 26, 26, 14, 14],
    )
    for r, i in enumerate(report.inputs, start=1):
        for col, value in enumerate(
            (i.file, i.format, i.table, i.period, i.rows_loaded, i.rows_rejected)
        ):
            b.write(sheet, r, col, value)


def _peers(b: _Book, report: Report) -> None:
    """The figures among peers as numbers, then who the peers are (no peer is named)."""
    if report.peers is None:
        return
    keys = (
        "deliver.col_criterion",
        "deliver.col_metric",
        "deliver.col_value",
        "deliver.col_percentile",
        "deliver.col_peers",
        "deliver.col_peers_low",
        "deliver.col_peers_median",
        "deliver.col_peers_high",
    )
    widths = (28, 32, 11, 11, 9, 14, 14, 14)
    sheet = b.sheet(report.text("deliver.sheet_peers"), [report.text(k) for k in keys], widths)
    for r, p in enumerate(report.peers.lines, start=1):
        unit = b.units.get(p.unit, b.decimal)  # the overall index is a score
        values = (p.criterion, p.metric, p.value, p.percentile, p.peers, p.low, p.median, p.high)
        b.row(sheet, r, values, (None, None, unit, b.integer, b.integer, unit, unit, unit))
    b.write(sheet, len(report.peers.lines) + 2, 0, report.peers.basis)


def _plan(b: _Book, report: Report) -> None:
    """The action plan: metric values before and after as numbers in the metric's unit."""
    if report.plan is None:
        return
    keys = (
        "deliver.col_what",
        "deliver.col_owner",
        "deliver.col_due",
        "deliver.col_status",
        "deliver.col_criterion",
        "deliver.col_metric",
        "deliver.col_before",
        "deliver.col_after",
        "deliver.col_flags",
    )
    widths = (50, 20, 12, 14, 28, 32, 11, 11, 26)
    sheet = b.sheet(report.text("deliver.sheet_plan"), [report.text(k) for k in keys], widths)
    for r, a in enumerate(report.plan.actions, start=1):
        unit = b.units[a.unit]
        values = (a.what, a.owner, a.due_text, a.status_text, a.criterion, a.metric, a.before,
                  a.after, a.flags)  # fmt: skip
        b.row(sheet, r, values, (None,) * 6 + (unit, unit, None))


def to_workbook(report: Report) -> bytes:
    """The report as an .xlsx file."""
    buffer = io.BytesIO()
    b = _Book(buffer, report.cover.color)
    b.book.set_properties(
        {"title": f"{report.cover.title} — {report.cover.client}", "author": report.cover.author}
    )
    for part in (_overview, _criteria, _metrics, _gaps, _peers, _plan, _evidence, _inputs):
        part(b, report)
    b.book.close()
    return buffer.getvalue()
