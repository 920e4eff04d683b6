"""The downloads: the gap list as CSV, the scorecard and gaps as XLSX, in both languages."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import openpyxl
import pytest

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria import registry
from dashboard.gaps import gap_list
from dashboard.i18n import LANGS
from dashboard.ingest import Dataset
from dashboard.period import Period
from dashboard.report import evidence_text, gaps_csv, gaps_table, to_xlsx
from dashboard.report.build import build_report
from dashboard.report.citations import seed_citations, seed_titles
from dashboard.report.tables import date_text, format_cell, period_text
from dashboard.settings import Settings


@pytest.fixture(scope="module")
def scorecard():
    return Auditor(load_sample()).scorecard()


@pytest.fixture(scope="module")
def empty():
    return Auditor(Dataset()).scorecard(Settings(), Period(date(2026, 1, 1), date(2026, 1, 31)))


def _read_csv(data: bytes, lang: str) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # BOM: spreadsheets read the accents
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";" if lang == "it" else ","))


@pytest.mark.parametrize("lang", LANGS)
def test_gaps_csv_has_one_row_per_gap_in_priority_order(scorecard, lang) -> None:
    rows = _read_csv(gaps_csv(scorecard, lang), lang)
    header, body = rows[0], rows[1:]
    gaps = gap_list(scorecard)
    assert len(body) == len(gaps) > 0
    assert header[0] == "#"
    assert {"Raccomandazione" if lang == "it" else "Recommendation"} <= set(header)
    assert header[-1] == ("Id metrica" if lang == "it" else "Metric id")
    ids = [row[-1] for row in body]
    assert ids == [g.metric.id for g in gaps]
    priorities = [float(row[1].replace(",", ".")) for row in body]
    assert priorities == sorted(priorities, reverse=True)


def test_gaps_table_writes_values_as_people_read_them(scorecard) -> None:
    frame = gaps_table(scorecard, "it")
    first = gap_list(scorecard)[0]
    assert frame.iloc[0]["metric_id"] == first.metric.id
    assert frame["value"].str.contains("%|×|giorni|ore|,|\\d").all()
    # Sources by the articles' titles, in Italian: never the seed file's number.
    seeds = " ".join(frame["seed"])
    assert "«" in seeds and not re.search(r"\b00\d\b|\bpoint\b|\bcomment\b", seeds)
    english = gaps_table(scorecard, "en")
    assert (english["recommendation"] != frame["recommendation"]).all()


def test_xlsx_is_the_analysts_workbook(scorecard) -> None:
    """The Gaps page's XLSX is the deliverables' workbook (tested in test_deliverables)."""
    for lang, sheets in {
        "it": ["Sintesi", "Criteri", "Metriche", "Priorità", "Evidenze", "File analizzati"],
        "en": ["Overview", "Criteria", "Metrics", "Gaps", "Evidence", "Inputs"],
    }.items():
        book = openpyxl.load_workbook(io.BytesIO(to_xlsx(scorecard, lang)))
        assert book.sheetnames == sheets
        criteria = list(book[sheets[1]].iter_rows(values_only=True))
        assert len(criteria) == 1 + 12
        metrics = list(book[sheets[2]].iter_rows(values_only=True))
        assert len(metrics) == 1 + sum(len(c.metrics) for c in scorecard.criteria)
        gaps = list(book[sheets[3]].iter_rows(values_only=True))
        assert len(gaps) == 1 + len(gap_list(scorecard))
        overview = {
            row[0]: row[1] for row in book[sheets[0]].iter_rows(min_row=2, values_only=True)
        }
        assert scorecard.score in overview.values()


def test_empty_scorecard_exports_headers_only(empty) -> None:
    rows = _read_csv(gaps_csv(empty, "en"), "en")
    assert len(rows) == 1
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(empty, "en")))
    assert len(list(book["Gaps"].iter_rows())) == 1
    report = build_report(empty, "en")
    assert [c.score for c in report.criteria] == [None] * 12
    assert {m.status for c in report.criteria for m in c.metrics} == {"not_measured"}


def test_uploaded_text_stays_text_in_the_downloads(scorecard, monkeypatch) -> None:
    """An author called '=HYPERLINK(...)' must not become a formula in Excel."""
    gap = gap_list(scorecard)[0]
    payload = '=HYPERLINK("http://example.invalid","x")'
    monkeypatch.setitem(gap.metric.measure.evidence, "external_authors", [{"author": payload}])
    try:
        rows = _read_csv(gaps_csv(scorecard, "en"), "en")
        evidence = rows[1][rows[0].index("Evidence")]
        assert payload in evidence and not evidence.startswith("=")
        book = openpyxl.load_workbook(io.BytesIO(to_xlsx(scorecard, "en")))
        cells = [c for row in book["Gaps"].iter_rows() for c in row]
        assert not any(c.data_type == "f" for c in cells)
    finally:
        gap.metric.measure.evidence.pop("external_authors", None)


def test_formula_like_cells_are_quoted_in_csv(scorecard, monkeypatch) -> None:
    import dashboard.report.xlsx as xlsx

    frame = gaps_table(scorecard, "en")
    frame.loc[frame.index[0], "evidence"] = "=1+2"
    monkeypatch.setattr(xlsx, "gaps_table", lambda *_: frame)
    rows = _read_csv(gaps_csv(scorecard, "en"), "en")
    assert rows[1][rows[0].index("Evidence")] == "'=1+2"


@pytest.mark.parametrize(
    ("key", "value", "lang", "text"),
    [
        ("rate", 0.3333, "it", "33%"),
        ("employees", 1234, "it", "1.234"),
        ("employees", 1234, "en", "1,234"),
        ("platform", "linkedin", "en", "LinkedIn"),
        ("active_platforms", ["x", "youtube"], "en", "X, YouTube"),
        ("from", "2026-07-30", "it", "30/07/2026"),
        ("published_at", "2026-01-26T11:34:02", "en", "2026-01-26 11:34"),
        ("function", "care", "it", "assistenza clienti"),
        ("false", "access_unblocked", "en", "Can employees reach social media from work?"),
        ("covered", True, "it", "sì"),
        ("last_post", None, "en", "—"),
    ],
)
def test_format_cell(key, value, lang, text) -> None:
    assert format_cell(key, value, lang) == text


def test_evidence_text_summarises_records() -> None:
    evidence = {
        "employees": 150,
        "lowest_departments": [
            {"department": "Legale", "employees": 5, "active": 0, "rate": 0.0},
            {"department": "Acquisti", "employees": 8, "active": 1, "rate": 0.125},
            {"department": "IT", "employees": 15, "active": 6, "rate": 0.4},
            {"department": "HR", "employees": 8, "active": 6, "rate": 0.75},
        ],
        "by_department": {"ignored": 1},
    }
    text = evidence_text(evidence, "it")
    assert text == (
        "Dipendenti: 150 · Reparti con la partecipazione più bassa: Legale (quota 0%); "
        "Acquisti (quota 12%); IT (quota 40%) (+1)"
    )


def test_dates_seeds_and_periods_in_each_language() -> None:
    period = Period(date(2025, 11, 1), date(2026, 10, 31))
    assert period_text(period, "it") == "01/11/2025 – 31/10/2026"
    assert period_text(period, "en") == "2025-11-01 – 2026-10-31"
    assert date_text(date(2026, 3, 9), "it") == "09/03/2026"
    assert seed_titles("000 point 1; 004, second comment; 002 guidelines", "it") == (
        "«Social media strategy»: punto 1; «I Social Media in azienda: necessità o calamità?»:"
        " secondo commento; [Azienda e social network: sei linee guida per i dipendenti]:"
        " linee guida"
    )
    assert (
        seed_titles("000 point 1; 000 point 3", "en") == "“Social media strategy”: point 1, point 3"
    )


@pytest.mark.parametrize(
    ("lang", "foreign"), [("it", r"point|comment|guidelines"), ("en", r"punto|commento")]
)
def test_every_criterions_sources_are_worded_in_the_readers_language(lang, foreign) -> None:
    """The pages (titles) and the deliverables (full citations) name each article and the
    place in it in the reader's words: no seed number, no place in the other language."""
    for criterion in registry.criteria():
        for text in (seed_titles(criterion.seed, lang), *seed_citations(criterion.seed, lang)):
            assert not re.search(rf"\b00\d\b|\b({foreign})\b", text), text
