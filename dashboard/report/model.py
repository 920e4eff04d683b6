"""The consultant's report as one plain, language-resolved document that every format renders.

`dashboard.report.build.build_report` fills it from a `Scorecard` (live or saved), the
previous saved audit, the period's breakdowns, the files read, the brand and whether
names are on. The PPTX, PDF and XLSX renderers only lay out what these frozen
dataclasses hold: every number is the engine's (a metric's value, numerator and
denominator, a criterion's score, a breakdown's values), every sentence is already in
the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dashboard.i18n import Lang, t


@dataclass(frozen=True)
class Brand:
    """Whose report it is: the client's name, logo (PNG bytes, already checked) and colour."""

    client: str = ""
    logo_png: bytes | None = None
    color: str = "#0072B2"


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[float | None, ...]
    labels: tuple[str, ...]  # each value as the reader's language writes it ("" if none)


@dataclass(frozen=True)
class Chart:
    """A bar chart's data: categories as shown, raw values (rates as fractions), the unit
    that decides the number format (score, rate, count, hours)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    unit: str
    note: str = ""
    time: bool = False  # categories are months, read left to right


@dataclass(frozen=True)
class MetricLine:
    """One metric: its sentence and every number the workbook lists."""

    title: str
    sentence: str
    status: str  # "met", "gap", "not_measured"
    status_text: str
    unit: str
    unit_text: str
    value: float | None
    value_text: str
    numerator: float | None
    denominator: float | None
    floor: float
    target: float
    target_text: str
    weight: float
    score: float | None
    missing: str


@dataclass(frozen=True)
class EvidenceTable:
    """A metric's evidence records as a table (employees by pseudonymous id, names only
    when names are on)."""

    criterion: str
    metric: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class CriterionSection:
    id: str
    title: str
    score: float | None
    score_text: str
    weight: float
    metrics_heading: str
    metrics: tuple[MetricLine, ...]
    chart: Chart
    evidence: tuple[str, ...]
    recommendations: tuple[tuple[str, str], ...]  # (metric title, recommendation), by priority
    status_text: str  # when there is no recommendation: met, or not measured and why
    argument: str
    seeds: tuple[str, ...]
    references: tuple[str, ...]
    notes: str


# The gap table's columns as every deliverable heads them (the workbook adds more).
GAP_HEADINGS = (
    "deliver.col_rank",
    "deliver.col_criterion",
    "deliver.col_metric",
    "deliver.col_value",
    "deliver.col_target",
    "deliver.col_score",
    "deliver.col_priority",
)


@dataclass(frozen=True)
class GapRow:
    rank: int
    criterion: str
    metric: str
    value: float
    value_text: str
    target: float
    target_text: str
    unit: str
    score: float
    priority: float
    sentence: str
    recommendation: str
    evidence: str
    source: str


@dataclass(frozen=True)
class InputRow:
    file: str
    format: str
    table: str
    period: str
    rows_loaded: int | None
    rows_rejected: int | None


@dataclass(frozen=True)
class Cover:
    client: str
    title: str
    subtitle: str
    period: str
    date: str
    author: str
    privacy: str
    logo_png: bytes | None
    color: str
    notes: str


@dataclass(frozen=True)
class Summary:
    score: float | None
    score_text: str
    level: str
    measured_text: str
    change_text: str
    change: float | None
    top_gaps: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class Report:
    """Everything a deliverable shows, in one language."""

    lang: Lang
    names_on: bool
    cover: Cover
    summary: Summary
    criteria_chart: Chart
    criteria_notes: str
    criteria: tuple[CriterionSection, ...]
    gaps: tuple[GapRow, ...]
    inputs: tuple[InputRow, ...]
    method: tuple[str, ...]
    method_notes: str
    sources: tuple[tuple[str, str], ...]  # (citation, link or "")
    sources_notes: str
    evidence_tables: tuple[EvidenceTable, ...] = field(default_factory=tuple)

    def text(self, code: str, **values: object) -> str:
        """A deliverable label in the report's language (renderers use it for headings)."""
        return t(code, self.lang, **values)
