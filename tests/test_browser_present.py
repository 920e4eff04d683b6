"""Presentation mode in headless Chromium: a client's saved audit with the consultant's notes,
behind its passphrase, walked with the → key from slide 1 to the last, in Italian and in
English, on a 1280×720 and a 1024×768 projector: every slide fits without scrolling.
Screenshots (also at 1600×960 and on a phone) go to artifacts/screenshots/, as do the
executive view with the notes and the Saved audits page's notes.

Uses the app server and browser of `test_browser` (one more server for this module).
"""

from __future__ import annotations

from datetime import date

import pytest
import test_browser
from test_browser import (
    LOCALES,
    SHOTS,
    _content_bottom,
    _no_errors,
    _screenshot,
    _watch_hosts,
)

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.period import Period
from dashboard.report.tables import gaps_table
from dashboard.settings import Settings
from dashboard.store import create_workspace, open_store, save_audit, write_note, write_summary

pytestmark = pytest.mark.browser
store_env, server, browser = test_browser.store_env, test_browser.server, test_browser.browser

PASSPHRASE = "ombrello blu nel giardino"
PROJECTORS = ({"width": 1280, "height": 720}, {"width": 1024, "height": 768})
OTHERS = ({"width": 1600, "height": 960}, {"width": 390, "height": 844})
SLIDES = 15  # title, overall, the twelve criteria at a glance, twelve criteria


@pytest.fixture(scope="module")
def client(store_env: dict[str, str]) -> str:
    """A closed workspace with two audits of the sample and notes on the current one."""
    engine = open_store(store_env["PRESENZA_DATABASE_URL"])
    access = create_workspace(engine, "rossi-srl", "Rossi S.r.l.", editor_passphrase=PASSPHRASE)
    dataset = load_sample()
    auditor = Auditor(dataset)
    card = None
    halves = (
        (date(2025, 11, 1), date(2026, 4, 30), "H1"),
        (date(2026, 5, 1), date(2026, 10, 31), "H2"),
    )
    for start, end, name in halves:
        card = auditor.scorecard(Settings(), Period(start, end))
        audit = save_audit(engine, access, card, dataset, Settings(), saved_by="Ada", name=name)
    write_summary(
        engine,
        access,
        audit,
        "Employees take part, managers do not yet\nReplies are slow\nStart with sales",
        written_by="Ada Consulente",
    )
    top = gaps_table(card, "en").iloc[0]
    write_note(
        engine,
        access,
        audit,
        f"gap:{top['metric_id']}",
        comment="HR sponsors it from March",
        recommendation="Start with the 20 sales people: one post a month each, coached by HR.",
        status="agreed",
        written_by="Ada Consulente",
    )
    write_note(
        engine,
        access,
        audit,
        f"criterion:{top['criterion_id']}",
        comment="The sales team is ready; marketing will prepare the content.",
        written_by="Ada Consulente",
    )
    engine.dispose()
    return "rossi-srl"


def _slide(page) -> int:
    return int(page.url.split("slide=")[1].split("&")[0])


def _sign_in(page, slide: bool = True) -> None:
    page.wait_for_selector('input[type="password"]', timeout=60_000)
    page.fill('input[type="password"]', PASSPHRASE)
    page.keyboard.press("Enter")
    if slide:
        page.wait_for_function("() => location.search.includes('slide=1')", timeout=60_000)
    page.wait_for_selector("h1:has-text('Rossi S.r.l.')", timeout=60_000)
    page.wait_for_timeout(1500)


def _go(page, key: str, number: int) -> None:
    """Press ← or → and wait for slide `number` to be drawn."""
    page.keyboard.press(key)
    page.wait_for_function(f"() => location.search.includes('slide={number}')", timeout=30_000)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000
    )
    page.wait_for_timeout(700)


@pytest.mark.parametrize("lang", list(LOCALES))
def test_every_slide_fits_a_projector_and_the_keys_walk_the_deck(
    server: str, browser, client: str, lang: str
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for viewport in PROJECTORS:
        size = f"{viewport['width']}x{viewport['height']}"
        context = browser.new_context(
            locale=LOCALES[lang], viewport=viewport, device_scale_factor=1
        )
        foreign = _watch_hosts(context)
        page = context.new_page()
        try:
            page.goto(f"{server}/present?workspace={client}", wait_until="domcontentloaded")
            _sign_in(page)
            assert not page.query_selector('[data-testid="stSidebarContent"]')
            assert not page.query_selector('[data-testid="stFileUploader"]')
            for number in range(1, SLIDES + 1):
                assert _slide(page) == number
                _no_errors(page, f"slide {number} {lang} {size}")
                bottom = _content_bottom(page)
                assert bottom <= viewport["height"], (
                    f"slide {number} ({lang}, {size}) is {bottom} px"
                )
                if number <= 5:
                    page.screenshot(path=str(SHOTS / f"present-{lang}-{size}-slide{number}.png"))
                if number < SLIDES:
                    _go(page, "ArrowRight", number + 1)
            _go(page, "ArrowLeft", SLIDES - 1)
        finally:
            context.close()
        assert not foreign, f"the page fetched from other hosts: {foreign[:5]}"


def test_screenshots_on_a_wide_projector_a_phone_and_the_notes_elsewhere(
    server: str, browser, client: str
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for viewport in OTHERS:
        size = f"{viewport['width']}x{viewport['height']}"
        context = browser.new_context(locale="en-US", viewport=viewport, device_scale_factor=1)
        page = context.new_page()
        try:
            page.goto(f"{server}/present?workspace={client}", wait_until="domcontentloaded")
            _sign_in(page)
            for number in range(2, 5):
                _go(page, "ArrowRight", number)
                _no_errors(page, f"slide {number} {size}")
                _screenshot(page, SHOTS / f"present-en-{size}-slide{number}.png", viewport)
            # The executive view shows the notes.
            page.goto(f"{server}/executive?workspace={client}", wait_until="domcontentloaded")
            _sign_in(page, slide=False)
            page.wait_for_selector("text=HR sponsors it from March", timeout=60_000)
            body = _no_errors(page, f"executive {size}")
            assert "Start with sales" in body and "HR sponsors it from March" in body
            _screenshot(page, SHOTS / f"executive-notes-en-{size}.png", viewport)
        finally:
            context.close()
