"""The consultant's deliverables: PPTX with native charts, PDF, the analysts' workbook.

Each file is opened with the library a reader's tool would use (python-pptx, pypdf,
openpyxl) and checked against the scorecard it came from: the slides and their
language, charts as chart parts whose series are the engine's numbers, text that fits
its boxes by the font's own metrics, speaker notes, real citations, names only when
asked, uploaded text kept inert.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import timedelta

import openpyxl
import pytest
from pptx import Presentation
from pptx.util import Emu, Inches
from pypdf import PdfReader

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria import registry
from dashboard.criteria.people import participation_by_department
from dashboard.gaps import gap_list
from dashboard.i18n import LANGS
from dashboard.labels import roster_names
from dashboard.period import Period
from dashboard.report import fit
from dashboard.report.build import build_report
from dashboard.report.citations import figures, seed_parts, seeds
from dashboard.report.deliver import live_report
from dashboard.report.model import Brand
from dashboard.report.pdf import to_pdf
from dashboard.report.slide_text import INK, INSET, MUTED, stack
from dashboard.report.slides import to_pptx
from dashboard.report.workbook import to_workbook
from dashboard.settings import Settings

CLIENT = "Gruppo Aurora S.p.A."
SEED_CODE = re.compile(r"\b00\d (point|punto|guidelines|linee guida)\b|\bseed 00\d\b", re.I)


@pytest.fixture(scope="module")
def audit():
    dataset = load_sample()
    auditor = Auditor(dataset)
    span = auditor.period()
    previous = auditor.scorecard(Settings(), Period(span.start, span.start + timedelta(days=150)))
    return dataset, auditor, auditor.scorecard(), previous


def _report(audit, lang, names_on=False, brand=None):
    dataset, auditor, scorecard, previous = audit
    return live_report(
        auditor,
        dataset,
        scorecard,
        Settings(),
        lang,
        brand or Brand(CLIENT),
        names_on=names_on,
        previous=previous,
        previous_label="#1",
    )


@pytest.fixture(scope="module", params=LANGS)
def deck(request, audit):
    lang = request.param
    report = _report(audit, lang)
    return lang, report, Presentation(io.BytesIO(to_pptx(report)))


def _texts(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


# --- the PowerPoint ------------------------------------------------------------------------


def test_the_deck_has_the_expected_slides_in_the_chosen_language(deck, audit) -> None:
    lang, report, prs = deck
    scorecard = audit[2]
    assert (Emu(prs.slide_width).inches, Emu(prs.slide_height).inches) == pytest.approx(
        (13.333, 7.5), abs=0.01
    )
    slides = list(prs.slides)
    gap_slides = -(-len(gap_list(scorecard)) // 12)
    assert len(slides) == 3 + 12 + gap_slides + 1 + 1
    assert CLIENT in _texts(slides[0])
    assert report.cover.period in _texts(slides[0])
    summary = "Sintesi" if lang == "it" else "Executive summary"
    assert summary in _texts(slides[1])
    for slide, criterion in zip(slides[3:15], scorecard.criteria, strict=True):
        assert criterion.spec.title[lang] in _texts(slide)
    assert ("Metodo e fonti dei dati" if lang == "it" else "Method and data sources") in _texts(
        slides[-2]
    )
    other = "en" if lang == "it" else "it"
    assert scorecard.criteria[1].spec.title[other] not in "\n".join(_texts(s) for s in slides)


def test_every_chart_is_a_native_chart_with_its_workbook_never_a_picture(deck) -> None:
    _, _, prs = deck
    slides = list(prs.slides)
    charts = [s for slide in slides for s in slide.shapes if s.has_chart]
    assert len(charts) == 1 + 12  # the criteria, then one per criterion
    for frame in charts:
        assert frame.chart.part.chart_workbook.xlsx_part is not None  # the client can edit it
    pictures = [s for slide in slides for s in slide.shapes if s.shape_type == 13]
    assert pictures == []  # no logo given, and no chart drawn as an image


def test_chart_series_are_the_scorecards_numbers(deck, audit) -> None:
    lang, _, prs = deck
    _, auditor, scorecard, previous = audit
    criteria = next(s for s in prs.slides[2].shapes if s.has_chart).chart
    current, before = criteria.plots[0].series
    assert list(criteria.plots[0].categories) == [c.spec.title[lang] for c in scorecard.criteria]
    assert current.values == pytest.approx([c.score for c in scorecard.criteria])
    assert before.values == pytest.approx([c.score for c in previous.criteria])
    involvement = next(s for s in prs.slides[4].shapes if s.has_chart).chart
    engine = participation_by_department(auditor.context()).sort("rate", "department")
    assert list(involvement.plots[0].categories) == engine["department"].to_list()
    assert involvement.plots[0].series[0].values == pytest.approx(engine["rate"].to_list())


def _paragraph_runs(frame) -> list[fit.Run]:
    runs = []
    for paragraph in frame.paragraphs:
        sized = [r for r in paragraph.runs if r.font.size is not None]
        main = sized[-1]
        before = paragraph.space_before.pt if paragraph.space_before is not None else 0
        runs.append(
            fit.Run(
                paragraph.text,
                max(r.font.size.pt for r in sized),
                bool(main.font.bold),
                bool(main.font.italic),
                before,
            )
        )
    return runs


def test_no_text_overflows_its_box(deck) -> None:
    """Every text box's paragraphs, measured with the font's metrics (Liberation Sans, the
    metric-compatible Arial), fit the box; every table ends on the slide."""
    _, _, prs = deck
    assert assert_fits(prs) > 60


def test_a_muted_last_block_leaves_the_callers_blocks_as_they_were() -> None:
    """`stack` draws its last block muted without rewriting the list it is given (the type
    check found it assigning into the caller's sequence)."""
    slide = Presentation().slides.add_slide(Presentation().slide_layouts[6])
    blocks = [([("Advice", {"bold": True})], 12.0), ([("A reference figure", {})], 9.0)]
    stack(slide, Inches(0.5), Inches(1), Inches(4), blocks, muted_last=True)
    assert blocks == [([("Advice", {"bold": True})], 12.0), ([("A reference figure", {})], 9.0)]
    first, last = (shape.text_frame.paragraphs[0].runs[0].font.color.rgb for shape in slide.shapes)
    assert (first, last) == (INK, MUTED)


def assert_fits(prs) -> int:
    """Check every text box and table of the deck fits; the number of text boxes checked."""
    height = prs.slide_height
    boxes = 0
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                boxes += 1
                width = Emu(shape.width - 2 * INSET).pt
                room = Emu(shape.height - 2 * INSET).pt
                need = fit.height_pt(_paragraph_runs(shape.text_frame), width)
                assert need <= room + 0.5, (number, shape.text_frame.text[:60], need, room)
            if shape.has_table:
                rows = shape.table.rows
                assert shape.top + sum(r.height for r in rows) <= height, number
                for row in rows:
                    for cell, column in zip(row.cells, shape.table.columns, strict=True):
                        text = cell.text_frame.text
                        size = cell.text_frame.paragraphs[0].font.size.pt
                        lines = fit.lines(fit.Run(text, size), Emu(column.width).pt - 10)
                        assert lines * size * fit.LINE_SPACING + 8 <= Emu(row.height).pt + 0.5
    return boxes


def test_every_slide_has_speaker_notes_that_say_what_it_shows(deck) -> None:
    _, report, prs = deck
    for slide in prs.slides:
        assert slide.has_notes_slide and len(slide.notes_slide.notes_text_frame.text) > 40
    notes = prs.slides[4].notes_slide.notes_text_frame.text
    assert report.criteria[1].title in notes


def test_the_theme_font_is_arial_and_logos_keep_their_proportions(audit) -> None:
    from dashboard.report.logo import logo_png

    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#7A1F3D"/></svg>'
    report = _report(audit, "en", brand=Brand(CLIENT, logo_png(svg), "#7A1F3D"))
    data = to_pptx(report)
    prs = Presentation(io.BytesIO(data))
    theme = next(p for p in prs.part.package.iter_parts() if "theme" in str(p.partname)).blob
    assert b'<a:latin typeface="Arial"' in theme and b"Calibri" not in theme
    logos = [s for s in prs.slides[0].shapes if s.shape_type == 13]
    assert len(logos) == 1 and logos[0].width / logos[0].height == pytest.approx(3, rel=0.02)


# --- what every deliverable says -----------------------------------------------------------


def test_citations_are_real_and_the_registry_only_names_known_ones() -> None:
    for criterion in registry.criteria():
        assert seed_parts(criterion.seed)  # every article number is in citations.toml
        for metric in criterion.metrics:
            assert set(metric.references) <= set(figures()), metric.id
    assert set(seeds()) == {"000", "001", "002", "003", "004"}
    linked = {f.id: f.source.link for f in figures().values() if f.source.link}
    assert set(linked) == {"linkedin-uk-2017", "linkedin-2016-ctr", "sprout-2016"}
    for figure in figures().values():
        assert figure.source.publisher or figure.source.title or figure.source.described
        for lang in ("it", "en"):  # the statement and a described source, in each language
            assert figure.statement(lang) and figure.source.text(lang).split(" — ")[0]
    advocacy = figures()["advocacy-heuristic"]
    assert advocacy.source.text("it").startswith("Regola pratica")
    assert advocacy.source.text("en").startswith("Rule of thumb") and "n.d." in advocacy.text("en")
    assert "2016" in figures()["linkedin-2016-ctr"].text("en")


def test_no_deliverable_shows_a_seed_code_or_a_bare_figure(audit) -> None:
    report = _report(audit, "it")
    prs = Presentation(io.BytesIO(to_pptx(report)))
    deck_text = "\n".join(_texts(s) for s in prs.slides)
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(to_pdf(report))).pages)
    for text in (deck_text, pdf_text):
        assert not SEED_CODE.search(text)
        assert "Social media strategy" in text and "Gianluigi Cogo" in text
    amplification = next(c for c in report.criteria if c.id == "amplification")
    assert any("LinkedIn" in r and "2016" in r for r in amplification.references)


def test_names_appear_only_when_turned_on_and_the_cover_says_which(audit) -> None:
    dataset = audit[0]
    names = set(roster_names(dataset.table("roster")).values())
    off = _report(audit, "en")
    on = _report(audit, "en", names_on=True)
    assert "pseudonymous" in off.cover.privacy and "names" in on.cover.privacy
    off_text = " ".join(e for c in off.criteria for e in c.evidence)
    on_text = " ".join(e for c in on.criteria for e in c.evidence)
    assert not any(n in off_text for n in names)
    assert any(n in on_text for n in names)
    off_cells = {v for t in off.evidence_tables for row in t.rows for v in row}
    assert not names & off_cells
    assert names & {v for t in on.evidence_tables for row in t.rows for v in row}


def test_the_summary_says_the_change_since_the_previous_audit(audit) -> None:
    _, _, scorecard, previous = audit
    report = _report(audit, "en")
    assert report.summary.change == pytest.approx(scorecard.score - previous.score)
    assert "since the previous audit (#1)" in report.summary.change_text
    first = build_report(scorecard, "en")
    assert first.summary.change is None and "First audit" in first.summary.change_text


# --- the PDF -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_text_has_the_client_the_index_and_every_criterion(audit, lang) -> None:
    report = _report(audit, lang)
    reader = PdfReader(io.BytesIO(to_pdf(report)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", " ", text)
    assert CLIENT in flat
    assert report.summary.score_text in flat
    for criterion in audit[2].criteria:
        assert criterion.spec.title[lang] in flat
    assert ("Indice" if lang == "it" else "Contents") in flat  # the table of contents
    last = len(reader.pages)
    assert (
        f"{'Pagina' if lang == 'it' else 'Page'} {last} {'di' if lang == 'it' else 'of'} {last}"
        in flat
    )
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert fonts and all("LiberationSans" in f for f in fonts)  # the bundled font, embedded


def test_uploaded_text_in_the_pdf_is_text_not_markup(audit) -> None:
    report = _report(audit, "en", brand=Brand('#set page(fill: red) *bold* = "x" \\ $ #import'))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(to_pdf(report))).pages[:1])
    assert '#set page(fill: red) *bold* = "x"' in text


# --- the workbook --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def book(audit):
    _, _, scorecard, _ = audit
    gap = gap_list(scorecard)[0]
    payload = '=HYPERLINK("http://example.invalid","click")'
    evidence = dict(gap.metric.measure.evidence)
    evidence["external_authors"] = [
        {"author": payload, "posts": 3},
        {"author": "@agency", "posts": 1},
    ]
    changed = replace(
        scorecard,
        criteria=tuple(
            replace(
                c,
                metrics=tuple(
                    replace(m, measure=replace(m.measure, evidence=evidence))
                    if m is gap.metric
                    else m
                    for m in c.metrics
                ),
            )
            for c in scorecard.criteria
        ),
    )
    report = build_report(
        changed, "en", Brand("-client"), inputs=[{"file": "+posts.csv", "rows_loaded": 3}]
    )
    return changed, openpyxl.load_workbook(io.BytesIO(to_workbook(report))), payload


def test_the_workbook_has_its_sheets_frozen_headers_and_no_formulas(book) -> None:
    _, workbook, _ = book
    assert workbook.sheetnames == ["Overview", "Criteria", "Metrics", "Gaps", "Evidence", "Inputs"]
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_numbers_are_numbers_and_rates_are_percentages(book) -> None:
    scorecard, workbook, _ = book
    rows = list(workbook["Metrics"].iter_rows(min_row=2))
    metrics = [m for c in scorecard.criteria for m in c.metrics]
    assert len(rows) == len(metrics)
    for row, metric in zip(rows, metrics, strict=True):
        value, numerator, denominator, floor, target, weight, score = (c for c in row[2:9])
        assert target.value == pytest.approx(metric.target) and target.data_type == "n"
        assert weight.value == metric.weight and floor.value == metric.floor
        if metric.measured:
            assert value.value == pytest.approx(metric.value) and value.data_type == "n"
            assert score.value == pytest.approx(metric.score)
        if metric.measure.numerator is not None:
            assert numerator.value == metric.measure.numerator
            assert denominator.value == metric.measure.denominator
        assert ("%" in value.number_format) == (metric.spec.unit == "rate")
    gaps = list(workbook["Gaps"].iter_rows(min_row=2, values_only=True))
    assert [g[0] for g in gaps] == list(range(1, len(gap_list(scorecard)) + 1))
    assert all(isinstance(g[6], int | float) for g in gaps)  # the priority, as a number


def test_scores_are_red_amber_green_and_no_internal_ids(book) -> None:
    scorecard, workbook, _ = book
    for name, column in (("Criteria", "B"), ("Metrics", "I"), ("Gaps", "F")):
        ranges = [str(r.sqref) for r in workbook[name].conditional_formatting]
        assert any(r.startswith(column) for r in ranges), name
        rules = [rule for r in workbook[name].conditional_formatting for rule in r.rules]
        assert {rule.operator for rule in rules if rule.type == "cellIs"} == {
            "lessThan",
            "between",
            "greaterThanOrEqual",
        }
    ids = {c.id for c in scorecard.criteria} | {m.id for c in scorecard.criteria for m in c.metrics}
    cells = {
        str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row if c.value
    }
    assert not ids & cells


def test_uploaded_text_that_looks_like_a_formula_stays_inert(book) -> None:
    _, workbook, payload = book
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row]
    hostile = [
        c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))
    ]
    assert {payload, "@agency", "-client", "+posts.csv"} <= {c.value for c in hostile}
    for cell in hostile:
        assert cell.data_type == "s" and cell.quotePrefix, cell.value
    plain = workbook["Overview"]["A2"]
    assert not plain.quotePrefix  # only what needs it
