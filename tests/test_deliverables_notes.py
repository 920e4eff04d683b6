"""The consultant's notes in the deliverables of a saved audit: the three-line summary on the
executive summary, a comment per criterion and the meeting's verdict per gap in the speaker
notes and the PDF, and an edited recommendation in place of the default one. A live report
has no notes. Runs on SQLite, and on PostgreSQL too when PRESENZA_TEST_DATABASE_URL is set."""

from __future__ import annotations

import io
import re
from datetime import date

import openpyxl
import pytest
import stores
from pptx import Presentation
from pypdf import PdfReader

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria.advice import recommendation
from dashboard.gaps import gap_list
from dashboard.period import Period
from dashboard.report.build import build_report
from dashboard.report.deliver import saved_report
from dashboard.report.pdf import to_pdf
from dashboard.report.slides import to_pptx
from dashboard.report.workbook import to_workbook
from dashboard.settings import Settings
from dashboard.store import create_workspace, save_audit, trusted_access, write_note, write_summary

store_url, engine = stores.store_url, stores.engine  # fixtures: SQLite, and PostgreSQL

H1 = Period(date(2025, 11, 1), date(2026, 4, 30))
H2 = Period(date(2026, 5, 1), date(2026, 10, 31))
SUMMARY = ("Ambassadors first", "Governance by March", "Budget #pagebreak() *agreed*")
CRITERION_COMMENT = "The board asked for this one"
GAP_COMMENT = "HR will pick the pilot team"
REASON = "no budget before autumn"
EDITED = "Start with the sales team and ten volunteers"
SECOND_COMMENT = "Revisit with marketing"


def _squash(text: str) -> str:
    """PDF text without line breaks, spaces or hyphens, which typesetting moves about."""
    return re.sub(r"[\s\-‐]+", "", text)


def _texts(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


@pytest.fixture
def noted(engine):
    """One saved audit of the sample with notes on its summary, the top gap's criterion, the
    top gap (out of scope, edited recommendation) and the second gap (agreed)."""
    create_workspace(engine, "acme", "Acme S.p.A.")
    access = trusted_access(engine, "acme")
    dataset = load_sample()
    card = Auditor(dataset).scorecard(Settings(), H1)
    audit_id = save_audit(engine, access, card, dataset, Settings(), saved_by="test")
    top, second = gap_list(card)[:2]
    write_summary(engine, access, audit_id, "\n".join(SUMMARY), written_by="Ada")
    write_note(
        engine,
        access,
        audit_id,
        f"criterion:{top.criterion.id}",
        comment=CRITERION_COMMENT,
        written_by="Ada",
    )
    write_note(
        engine,
        access,
        audit_id,
        f"gap:{top.metric.id}",
        comment=GAP_COMMENT,
        recommendation=EDITED,
        status="out_of_scope",
        reason=REASON,
        written_by="Ada",
    )
    write_note(
        engine,
        access,
        audit_id,
        f"gap:{second.metric.id}",
        comment=SECOND_COMMENT,
        status="agreed",
        written_by="Ada",
    )
    return access, dataset, card, audit_id, top, second


def test_a_saved_audits_notes_reach_the_slides_and_their_speaker_notes(engine, noted) -> None:
    access, _, card, audit_id, top, second = noted
    report = saved_report(engine, access, audit_id, "en")
    slides = list(Presentation(io.BytesIO(to_pptx(report))).slides)
    summary = slides[1]
    for line in SUMMARY:
        assert line in _texts(summary) and line in _notes(summary)
    assert "Consultant's summary" in _texts(summary)

    order = [c.id for c in card.criteria]
    criterion = slides[3 + order.index(top.criterion.id)]
    said = _notes(criterion)
    assert CRITERION_COMMENT in said
    assert f"{top.metric.spec.title['en']}: Out of scope: {REASON}. {GAP_COMMENT}" in said
    assert EDITED in _texts(criterion)
    assert recommendation(top.metric, "en") not in _texts(criterion)
    others = [s for i, s in enumerate(slides[3:15]) if card.criteria[i].id != top.criterion.id]
    assert not any(CRITERION_COMMENT in _notes(s) for s in others)

    gaps = "\n".join(_notes(s) for s in slides[15:-2])
    assert f"1. {top.metric.spec.title['en']}: Out of scope: {REASON}. {GAP_COMMENT}" in gaps
    assert f"2. {second.metric.spec.title['en']}: Agreed. {SECOND_COMMENT}" in gaps
    assert "carried over" not in "\n".join(_notes(s) for s in slides)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_a_saved_audits_notes_reach_the_pdf(engine, noted, lang) -> None:
    access, _, _, audit_id, top, _ = noted
    report = saved_report(engine, access, audit_id, lang)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(to_pdf(report))).pages]
    text = _squash("\n".join(pages))
    summary_page = next(p for p in pages if _squash(report.summary.top_gaps[0]) in _squash(p))
    for line in SUMMARY:  # uploaded-looking text stays text
        assert _squash(line) in _squash(summary_page)
    verdict = "Fuori ambito" if lang == "it" else "Out of scope"
    for said in (CRITERION_COMMENT, GAP_COMMENT, f"{verdict}: {REASON}", SECOND_COMMENT, EDITED):
        assert _squash(said) in text, said
    assert _squash(recommendation(top.metric, lang)) not in text
    # each gap's note twice: under its criterion, and in the gap table
    assert text.count(_squash(GAP_COMMENT)) == text.count(_squash(SECOND_COMMENT)) == 2
    assert _squash("Note del consulente" if lang == "it" else "Consultant's notes") in text


def test_a_saved_audits_notes_reach_the_workbook(engine, noted) -> None:
    access, _, _, audit_id, top, second = noted
    book = openpyxl.load_workbook(
        io.BytesIO(to_workbook(saved_report(engine, access, audit_id, "en")))
    )
    overview = [tuple(r) for r in book["Overview"].iter_rows(min_row=2, values_only=True)]
    assert [d for item, d in overview if item == "Consultant's summary"] == list(SUMMARY)
    rows = list(book["Gaps"].iter_rows(values_only=True))
    header = rows[0]
    first, next_ = (dict(zip(header, row, strict=True)) for row in rows[1:3])
    assert first["Metric"] == top.metric.spec.title["en"]
    assert first["Recommendation"] == EDITED
    assert first["Verdict"] == f"Out of scope: {REASON}"
    assert first["Consultant's comment"] == GAP_COMMENT
    assert (next_["Verdict"], next_["Consultant's comment"]) == ("Agreed", SECOND_COMMENT)
    assert next_["Recommendation"] == recommendation(second.metric, "en")


def test_carried_over_notes_say_so_to_the_consultant_only(engine, noted) -> None:
    access, dataset, _, _, top, _ = noted
    later = Auditor(dataset).scorecard(Settings(), H2)
    audit_id = save_audit(engine, access, later, dataset, Settings(), saved_by="test")
    report = saved_report(engine, access, audit_id, "en")
    assert report.summary.consultant == SUMMARY
    mark = "(carried over from the previous audit)"
    assert f"Consultant's summary: {mark}" in report.summary.notes
    section = next(c for c in report.criteria if c.id == top.criterion.id)
    assert f"{CRITERION_COMMENT} {mark}" in section.notes
    assert section.comment == CRITERION_COMMENT  # the client's copy carries no mark
    pdf = _squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(to_pdf(report))).pages))
    assert _squash(CRITERION_COMMENT) in pdf and "carriedover" not in pdf


def test_a_live_report_has_no_notes() -> None:
    card = Auditor(load_sample()).scorecard(Settings(), H1)
    top = gap_list(card)[0]
    report = build_report(card, "en")
    assert report.summary.consultant == ()
    assert all(not c.comment and not c.gap_notes for c in report.criteria)
    assert all(g.note is None for g in report.gaps)
    assert report.gaps[0].recommendation == recommendation(top.metric, "en")  # the case's own
    assert "Consultant" not in report.summary.notes
