"""The report as a PDF, typeset by Typst: A4, bundled fonts, vector charts, selectable
text, page numbers and a table of contents, with no browser and nothing fetched.

Why Typst (measured on the 2-core development machine, see the README): the `typst`
wheel bundles the compiler (81 MB installed, no system library), typesets the whole
report in about a second, and gives hyphenation, a table of contents and "page X of Y"
for free. ReportLab (9 MB) would need all of that written by hand; WeasyPrint needs
Pango from the operating system, which `pip install` cannot bring.

The data goes to the template as JSON and is inserted as text, so an uploaded name
such as `#import` or `*bold*` prints as it is.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path

import typst

from dashboard.i18n import t
from dashboard.report.fit import FONT_DIR
from dashboard.report.model import Report

TEMPLATE = "report.typ"


def _document(report: Report) -> dict:
    """The report as JSON for the template: its fields, its labels, whether there is a logo."""
    data = dataclasses.asdict(report)
    data["cover"].pop("logo_png")
    data.pop("evidence_tables")  # the workbook's; the PDF shows evidence as sentences
    data["logo"] = report.cover.logo_png is not None
    data["texts"] = {key: t(f"deliver.{key}", report.lang) for key in template_texts()}
    return data


@cache
def template_texts() -> tuple[str, ...]:
    """The labels the template prints (`tx.<key>`): each is `deliver.<key>` in the catalogs."""
    template = files("dashboard.report").joinpath(TEMPLATE).read_text(encoding="utf-8")
    return tuple(sorted(set(re.findall(r"\btx\.(\w+)", template))))


def to_pdf(report: Report) -> bytes:
    """The report as a PDF file."""
    template = files("dashboard.report").joinpath(TEMPLATE).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="presenza-pdf-") as folder:
        root = Path(folder)
        (root / TEMPLATE).write_text(template, encoding="utf-8")
        (root / "report.json").write_text(
            json.dumps(_document(report), ensure_ascii=False, default=str), encoding="utf-8"
        )
        if report.cover.logo_png is not None:
            (root / "logo.png").write_bytes(report.cover.logo_png)
        return typst.compile(
            str(root / TEMPLATE),
            root=str(root),
            font_paths=[str(FONT_DIR)],
            ignore_system_fonts=True,
            format="pdf",
            timestamp=datetime.now(UTC).replace(microsecond=0),
        )
