"""A saved audit's deliverables carry its standing among peers and the workspace's action
plan: the percentile only from five peers and never for an opted-out workspace, no peer
named; the actions with owner, due date, status, metric before → after and the meeting's
flag. Read back as a reader's tool reads them (python-pptx, pypdf, openpyxl); on SQLite
and PostgreSQL."""

from __future__ import annotations

import io
import re
from datetime import date

import openpyxl
import pytest
import stores
from pptx import Presentation
from pypdf import PdfReader
from sqlalchemy import Engine
from test_actions import JAN, PARTICIPATION, PRESENCE, card
from test_deliverables import _texts, assert_fits

from dashboard.ingest import Dataset
from dashboard.period import Period
from dashboard.report.deliver import saved_report
from dashboard.report.pdf import to_pdf
from dashboard.report.slides import to_pptx
from dashboard.report.workbook import to_workbook
from dashboard.settings import Settings
from dashboard.store import create_workspace, save_audit
from dashboard.store.actions import ActionChange, create_action, update_action
from dashboard.store.peers import Profile, set_profile

store_url, engine = stores.store_url, stores.engine
FEB = Period(date(2026, 2, 1), date(2026, 2, 28))
TODAY = date(2026, 4, 15)
PEERS = {"p1": 0.10, "p2": 0.12, "p3": 0.20, "p4": 0.30}  # the client has 25%: it beats three
PEER_NAMES = ("Concorrente Alfa", "Concorrente Beta", "Concorrente Gamma", "Concorrente Delta")
LINE = {
    "en": "Participation: 25%, 60th percentile among 5 peers",
    "it": "Partecipazione: 25%, 60° percentile tra 5 aziende simili",
}


def _save(engine: Engine, access, period: Period, participation: float, presence=0.5) -> int:
    scorecard = card(
        period,
        involvement__participation_rate=participation,
        presence__platform_coverage=presence,
    )
    return save_audit(engine, access, scorecard, Dataset(), Settings(), saved_by="consultant")


def _peer(engine: Engine, slug: str, name: str, participation: float) -> None:
    access = create_workspace(engine, slug, name)
    set_profile(engine, access, Profile("retail", None))
    _save(engine, access, JAN, participation)


def _deck(report) -> tuple[Presentation, str]:
    """The deck, checked to fit, and all its text boxes' text."""
    prs = Presentation(io.BytesIO(to_pptx(report)))
    assert_fits(prs)
    return prs, "\n".join(_texts(slide) for slide in prs.slides)


def _deck_text(report) -> str:
    return _deck(report)[1]


def _pdf_text(report) -> str:
    pages = PdfReader(io.BytesIO(to_pdf(report))).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


def _sheets(report) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(io.BytesIO(to_workbook(report)))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def _table_rows(prs, only=None) -> list[list[str]]:
    """The cells of the action plan's tables (of one slide, if given), row by row."""
    slides = [only] if only else [s for s in prs.slides if "Piano d'azione" in _texts(s)]
    return [
        [cell.text for cell in row.cells]
        for slide in slides
        for shape in slide.shapes
        if shape.has_table
        for row in shape.table.rows
    ]


@pytest.fixture
def client(engine: Engine):
    """A retail client with a January and a February audit, and four retail peers."""
    access = create_workspace(engine, "client", "Cliente S.p.A.")
    set_profile(engine, access, Profile("retail", "50-249"))
    first = _save(engine, access, JAN, 0.15)
    second = _save(engine, access, FEB, 0.25)
    for (slug, value), name in zip(PEERS.items(), PEER_NAMES, strict=True):
        _peer(engine, slug, name, value)
    return access, first, second


def test_the_percentile_among_peers_is_in_the_deliverables_from_five_peers_only(
    engine: Engine, client
) -> None:
    access, _, feb = client
    four = saved_report(engine, access, feb, "en", today=TODAY)
    assert four.peers is None
    for text in (_deck_text(four), _pdf_text(four)):
        assert "percentile" not in text.lower() and "Among peers" not in text
    assert "Peers" not in _sheets(four)

    _peer(engine, "p5", "Concorrente Epsilon", 0.40)
    for lang in ("en", "it"):
        five = saved_report(engine, access, feb, lang, today=TODAY)
        prs, deck = _deck(five)
        for text in (deck, _pdf_text(five)):
            assert LINE[lang] in text
            assert ("5 other companies" if lang == "en" else "5 altre aziende") in text
            assert not any(name in text for name in (*PEER_NAMES, "Concorrente Epsilon"))
            assert not any(re.search(rf"\b{slug}\b", text) for slug in (*PEERS, "p5"))
        # The line sits on the criterion's own slide, the overall index on the summary.
        assert five.criteria[1].id == "involvement"
        assert LINE[lang] in _texts(prs.slides[3 + 1])  # cover, summary, criteria, then each
        assert "percentile" not in _texts(prs.slides[3 + 0])  # in-house: nobody measured it
        summary = _texts(prs.slides[1])
        assert five.peers.overall in summary and "percentile" in five.peers.overall
        assert "retail" not in five.peers.basis  # the sector in words, not its code

    sheet = _sheets(saved_report(engine, access, feb, "en", today=TODAY))["Peers"]
    rows = {row[1]: row for row in sheet[1:] if row[1]}
    assert rows["Participation"][2:5] == (0.25, 60, 5)
    assert rows["Participation"][6] == pytest.approx(0.2)  # the peers' median

    # The client opts out: no figure in any deliverable, though five peers exist.
    set_profile(engine, access, Profile("retail", "50-249", opted_out=True))
    away = saved_report(engine, access, feb, "en", today=TODAY)
    assert away.peers is None and "percentile" not in _deck_text(away).lower()


def test_the_action_plan_is_in_the_deliverables_when_the_workspace_has_actions(
    engine: Engine, client
) -> None:
    access, jan, feb = client
    none = saved_report(engine, access, feb, "en", today=TODAY)
    assert none.plan is None and "Action plan" not in _deck_text(none)
    moving = create_action(
        engine, access, jan, PARTICIPATION, "Ambassador programme for sales", "Marta Rossi",
        created_by="consultant", due=date(2026, 3, 31),
    )  # fmt: skip
    stuck = create_action(
        engine, access, jan, PRESENCE, "Open an Instagram account", "Marketing",
        created_by="consultant", due=date(2026, 6, 30),
    )  # fmt: skip
    create_action(
        engine, access, jan, PARTICIPATION, "Train managers", "HR",
        created_by="consultant", due=date(2026, 4, 1),
    )  # fmt: skip
    update_action(engine, access, moving, ActionChange(status="done"))
    update_action(engine, access, stuck, ActionChange(status="done"))

    report = saved_report(engine, access, feb, "en", today=TODAY)
    prs, _ = _deck(report)
    [slide] = [s for s in prs.slides if "Action plan" in _texts(s)]
    deck = _texts(slide)
    rows = _table_rows(prs, slide)
    assert rows[0] == [
        "Action", "Owner", "Due", "Status", "Metric", "Metric before → after", "For the meeting",
    ]  # fmt: skip
    assert rows[1][:6] == [
        "Ambassador programme for sales", "Marta Rossi", "2026-03-31", "done",
        "Participation", "15% → 25%",
    ]  # fmt: skip
    assert rows[1][6] == "moved"
    assert rows[2][3:] == ["done", "Platform coverage", "50% → 50%", "done, metric unmoved"]
    assert rows[3][2:4] == ["2026-04-01", "planned"] and "late" in rows[3][6]
    assert "1 action is done but its metric did not move" in deck
    notes = slide.notes_slide.notes_text_frame.text
    assert notes.startswith("The action plan") and "did not move" in notes

    pdf = _pdf_text(report)
    for text in ("Action plan", "Ambassador programme for sales", "Marta Rossi", "15% → 25%",
                 "done, metric unmoved"):  # fmt: skip
        assert text in pdf, text

    plan = _sheets(report)["Action plan"]
    assert plan[1][:2] == ("Ambassador programme for sales", "Marta Rossi")
    assert plan[1][6:8] == (0.15, 0.25)  # numbers, formatted by the cell

    italian = saved_report(engine, access, feb, "it", today=TODAY)
    prs, deck = _deck(italian)
    cells = _table_rows(prs)
    assert "Piano d'azione" in deck
    assert cells[1][2:4] == ["31/03/2026", "fatta"] and cells[2][6] == "fatta, metrica ferma"


def test_a_long_plan_goes_on_as_many_slides_as_it_needs_and_every_one_fits(
    engine: Engine, client
) -> None:
    access, jan, feb = client
    long = "Write the social media policy with legal, HR and the works council; " * 14
    for i in range(12):
        create_action(
            engine, access, jan, PARTICIPATION, f"{i:02d} {long}"[:1000], f"Owner {i}",
            created_by="consultant",
        )  # fmt: skip
    report = saved_report(engine, access, feb, "en", today=TODAY)
    prs, _ = _deck(report)  # every table ends on its slide
    plan = [s for s in prs.slides if "Action plan" in _texts(s)]
    assert len(plan) > 2
    shown = [
        row.cells[0].text[:2]
        for s in plan
        for shape in s.shapes
        if shape.has_table
        for row in list(shape.table.rows)[1:]
    ]
    assert shown == [f"{i:02d}" for i in range(12)]  # every action, once, in order
