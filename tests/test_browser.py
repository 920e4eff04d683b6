"""The running app in headless Chromium: every page opens, in both languages, with no error.

Starts `streamlit run streamlit_app.py` on a free port of 127.0.0.1 (its audit store a
SQLite file in a temporary folder), opens each page with Playwright driving Debian's
Chromium (browsers are never downloaded), checks the overview shows the overall score,
that no page shows an error or exception, and that the browser asked nothing of any
host but the app (no remote fonts or trackers). The executive link of the sample
workspace is opened on a projector and on a phone, in both languages; a client's
executive link must redraw by itself when a scheduled job (holding the workspace's save
token) saves a newer audit into the same store. Names full of Markdown and HTML (a
workspace, an audit, an uploaded file) show literally, make the browser fetch nothing,
and tables offer no built-in CSV download. A screenshot of every page goes to
artifacts/screenshots/ (git-ignored).

Without /usr/bin/chromium the test skips locally, and fails when CI is set.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "artifacts" / "screenshots"
PAGES = ("overview", "criteria", "people", "gaps", "data", "settings", "audits", "executive")
LOCALES = {"en": "en-US", "it": "it-IT"}
OVERALL = {"en": "Overall index", "it": "Indice complessivo"}
ERROR_TEXTS = (
    "Traceback",
    "Exception",
    "Error:",
    "Errore imprevisto",
    "unexpected error",
    "Whoops",
)
# A 1080p projector, less the browser's own bars.
VIEWPORT = {"width": 1600, "height": 960}
PHONE = {"width": 390, "height": 844}
COMPANY = "Gruppo Aurora"  # the open sample workspace's name, as on the Overview
EDITOR, VIEWER = "rondine verde sul tetto", "lampada gialla in cantina"
# Names that would be markup: a link, a tracking pixel, a colour, HTML, bold, LaTeX.
HOSTILE = (
    "[x](http://evil.example) ![](http://evil.example/p.png) :red[boom] <img src=x> **b** $x$"
    " www.evil.example http://evil.example/bare me@evil.example"
)
REFRESH_WITHIN_MS = 60_000  # a 5 s poll, then one redraw: generous for a loaded CI box
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: the browser test cannot run"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this test must run)")
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"the app did not answer at {url} within {timeout} s")


@pytest.fixture(scope="module")
def store_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of the app under test and of anything that writes to its store."""
    folder = tmp_path_factory.mktemp("browser-store")
    return {
        **os.environ,
        "PRESENZA_DATA_DIR": str(folder),
        "PRESENZA_DATABASE_URL": f"sqlite:///{folder / 'presenza.db'}",
    }


@pytest.fixture(scope="module")
def server(store_env: dict[str, str]) -> Iterator[str]:
    _require_chromium()
    port = _free_port()
    log = SHOTS.parent / "streamlit-browser-test.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=store_env
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def browser(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _open(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    # The app root says when the script has finished its run.
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000
    )
    page.wait_for_selector('[data-testid="stHeading"]', timeout=60_000)
    page.wait_for_timeout(1500)  # Plotly and the data grids draw after the script ends


def _content_bottom(page) -> int:
    """Where the main column's content ends, in CSS pixels from the top of the page."""
    return page.evaluate(
        """() => Math.ceil(document.querySelector('[data-testid="stMainBlockContainer"]')
            .getBoundingClientRect().bottom)"""
    )


def _screenshot(page, path: Path, viewport: dict[str, int] = VIEWPORT) -> None:
    """The whole page: Streamlit scrolls inside its main column, so grow the viewport to fit."""
    height = _content_bottom(page) + 24
    if height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": height})
        page.wait_for_timeout(800)
    page.screenshot(path=str(path))
    page.set_viewport_size(viewport)


def _watch_hosts(context) -> list[str]:
    """Every request the browser makes to a host other than the app."""
    foreign: list[str] = []
    context.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlparse(request.url).hostname not in (None, "127.0.0.1", "localhost")
            and urlparse(request.url).scheme in ("http", "https", "ws", "wss")
            else None
        ),
    )
    return foreign


@pytest.mark.parametrize("lang", list(LOCALES))
def test_every_page_opens_without_errors(server: str, browser, lang: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale=LOCALES[lang], viewport=VIEWPORT, device_scale_factor=1)
    foreign = _watch_hosts(context)
    page = context.new_page()
    try:
        for name in PAGES:
            _open(page, f"{server}/{'' if name == 'overview' else name}")
            body = page.inner_text("body")
            assert not page.query_selector('[data-testid="stException"]'), name
            for text in ERROR_TEXTS:
                assert text not in body, f"{name} ({lang}) shows {text!r}"
            if name == "overview":
                assert OVERALL[lang] in body
                page.wait_for_selector(".js-plotly-plot .indicatorlayer")
                assert "/100" in page.inner_text(".js-plotly-plot")
                bottom = page.evaluate(
                    """() => Math.max(...[...document.querySelectorAll('.js-plotly-plot')]
                        .map(e => e.getBoundingClientRect().bottom))"""
                )
                page.screenshot(path=str(SHOTS / f"overview-{lang}-screen.png"))
                # The executive's first screen on a 1080p projector: the index and the
                # twelve criteria with no scrolling (the top gaps follow, whole).
                assert bottom <= VIEWPORT["height"], f"the charts end at {bottom} px"
            _screenshot(page, SHOTS / f"{name}-{lang}.png")
    finally:
        context.close()
    assert not foreign, f"the page fetched from other hosts: {foreign[:5]}"


def _no_errors(page, where: str) -> str:
    body = page.inner_text("body")
    assert not page.query_selector('[data-testid="stException"]'), where
    for text in (*ERROR_TEXTS, "Page not found"):
        assert text not in body, f"{where} shows {text!r}"
    return body


@pytest.mark.parametrize("lang", list(LOCALES))
def test_executive_link_on_a_projector_and_a_phone(server: str, browser, lang: str) -> None:
    """The link shows the sample's current audit and nothing else: no navigation to the
    editing pages, no sidebar; on a phone the columns stack and nothing overflows."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for device, viewport in (("desktop", VIEWPORT), ("phone", PHONE)):
        context = browser.new_context(
            locale=LOCALES[lang], viewport=viewport, device_scale_factor=1
        )
        foreign = _watch_hosts(context)
        page = context.new_page()
        try:
            _open(page, f"{server}/executive?workspace=esempio")
            page.wait_for_selector(".js-plotly-plot .scatterlayer", timeout=30_000)
            body = _no_errors(page, f"executive {lang} {device}")
            assert COMPANY in body and OVERALL[lang] in body
            assert not page.query_selector('[data-testid="stSidebarNav"]')
            assert not page.query_selector('[data-testid="stSidebarContent"]')
            assert len(page.query_selector_all('[data-testid="stMetric"]')) == 1 + 12
            # The twelve criterion tiles two a row on a phone (one a row was six screens).
            rows = page.evaluate(
                """() => new Set([...document.querySelectorAll('[data-testid="stMetric"]')]
                    .slice(1).map(m => Math.round(m.closest('[data-testid="stVerticalBlock"]')
                    .getBoundingClientRect().top))).size"""
            )
            assert rows <= 6, f"the {device} view lays the twelve tiles in {rows} rows"
            overflow = page.evaluate(
                """() => document.querySelector('[data-testid="stMainBlockContainer"]')
                    .scrollWidth - window.innerWidth"""
            )
            assert overflow <= 0, f"the {device} view is {overflow} px too wide"
            page.screenshot(path=str(SHOTS / f"executive-{lang}-{device}-screen.png"))
            _screenshot(page, SHOTS / f"executive-{lang}-{device}.png", viewport)
        finally:
            context.close()
        assert not foreign, f"the page fetched from other hosts: {foreign[:5]}"


def test_executive_link_to_another_workspace_reveals_nothing(server: str, browser) -> None:
    context = browser.new_context(locale="en-US", viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    try:
        _open(page, f"{server}/executive?workspace=someone-else")
        body = _no_errors(page, "executive of an unknown workspace")
        assert page.query_selector('input[type="password"]')
        assert COMPANY not in body and not page.query_selector(".js-plotly-plot")
    finally:
        context.close()


def _workspace(store_env: dict[str, str], slug: str, name: str, audit: str) -> str:
    """A client's workspace in the app's store, with one audit; its save token is returned."""
    from dashboard.audit import run_audit
    from dashboard.bundled import load_sample
    from dashboard.settings import Settings
    from dashboard.store import create_workspace, issue_save_token, open_store, save_audit

    store = open_store(store_env["PRESENZA_DATABASE_URL"])
    try:
        access = create_workspace(
            store, slug, name, editor_passphrase=EDITOR, viewer_passphrase=VIEWER
        )
        dataset = load_sample()
        card = run_audit(dataset)
        save_audit(store, access, card, dataset, Settings(), saved_by=audit, name=audit)
        return issue_save_token(store, access)
    finally:
        store.dispose()


def _settle(page) -> None:
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000
    )
    page.wait_for_timeout(1500)


def _enter(page, passphrase: str, expect: str, button: str = "Open") -> None:
    """Sign in and wait until the page shows `expect`. Waiting for the script to be idle is
    not enough: on a loaded machine the rerun the click asks for may not have started yet,
    and the idle page is still the form."""
    page.fill('input[type="password"]', passphrase)
    page.locator('[data-testid^="stBaseButton-"][data-testid$="FormSubmit"]').filter(
        has_text=button
    ).first.click()
    page.wait_for_function(
        "text => document.body.innerText.replaceAll('\\u2060', '').includes(text)",
        arg=expect,
        timeout=60_000,
    )
    _settle(page)


def test_executive_view_refreshes_itself_when_another_process_saves(
    server: str, browser, store_env: dict[str, str]
) -> None:
    """A monthly job saves a newer audit from a terminal, with the workspace's save token;
    the open page shows it within a bounded wait, with no reload (a marker set in the page
    survives)."""
    slug = f"live-{uuid.uuid4().hex[:8]}"
    token = _workspace(store_env, slug, "Live S.r.l.", "First")
    context = browser.new_context(locale="en-US", viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    name = f"Live check {uuid.uuid4().hex[:8]}"
    try:
        _open(page, f"{server}/executive?workspace={slug}")
        _enter(page, VIEWER, "Live S.r.l.")
        assert name not in page.inner_text("body")
        page.evaluate("() => { window.__presenza_marker = 'still here'; }")
        saved = subprocess.run(
            [sys.executable, "-m", "dashboard", "audit", "--save", slug, "--name", name],
            cwd=ROOT,
            env={**store_env, "PRESENZA_SAVE_TOKEN": token},
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert saved.returncode == 0, saved.stderr
        started = time.monotonic()
        page.wait_for_function(
            "name => document.body.innerText.includes(name)", arg=name, timeout=REFRESH_WITHIN_MS
        )
        waited = time.monotonic() - started
        assert page.evaluate("() => window.__presenza_marker") == "still here", "page reloaded"
        page.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000
        )
        page.wait_for_timeout(1500)
        _no_errors(page, "executive after the refresh")
        _screenshot(page, SHOTS / "executive-en-after-refresh.png")
        print(f"the executive view showed the new audit {waited:.1f} s after it was saved")
    finally:
        context.close()


def test_hostile_names_show_literally_and_fetch_nothing(
    server: str, browser, store_env: dict[str, str]
) -> None:
    """A workspace, an audit and an uploaded file named with Markdown and HTML: every page
    shows the names as typed, no link or image is made of them, and the browser asks no
    other host for anything (a tracking pixel would)."""
    slug = f"hostile-{uuid.uuid4().hex[:8]}"
    _workspace(store_env, slug, "Acme " + HOSTILE, "Q1 " + HOSTILE)
    context = browser.new_context(locale="en-US", viewport=VIEWPORT, device_scale_factor=1)
    foreign = _watch_hosts(context)
    page = context.new_page()

    def literal(where: str) -> str:
        body = _no_errors(page, where)
        assert not page.query_selector('img[src*="evil"], a[href*="evil"]'), where
        assert not page.query_selector('[data-testid="stMarkdown"] img, .katex'), where
        return body.replace("\u2060", "")  # the word joiners that keep addresses text

    try:
        _open(page, f"{server}/executive?workspace={slug}")
        _enter(page, VIEWER, "“Q1 " + HOSTILE + "”")  # the English view quotes it so
        body = literal("executive view")
        assert "Acme " + HOSTILE in body and "“Q1 " + HOSTILE + "”" in body

        _open(page, f"{server}/audits")
        page.get_by_text("Open a workspace").click()
        page.get_by_label("Workspace (short name)").first.fill(slug)
        _enter(page, EDITOR, f"Opened Acme {HOSTILE} (editor).")
        literal("saved audits")
        _screenshot(page, SHOTS / "audits-hostile-names.png")

        _open(page, f"{server}/data")
        file_name = "[x](https:evil.example) ![](https:evil.example) **b** $x$ <img src=x>.csv"
        roster = "employee_id,name,department\nE1,[y](http://evil.example),<b>Sales</b>\n"
        page.set_input_files(
            'input[type="file"]',
            files=[{"name": file_name, "mimeType": "text/csv", "buffer": roster.encode()}],
        )
        page.wait_for_timeout(1000)
        _settle(page)
        assert file_name in literal("data page after the upload")
        _open(page, f"{server}/people")
        literal("people")
    finally:
        context.close()
    assert not foreign, f"the page fetched from other hosts: {foreign[:5]}"


def test_tables_offer_no_built_in_csv_download(server: str, browser) -> None:
    """Tables show uploaded text: Streamlit's own "Download as CSV" would export it raw, so
    it is off (the toolbar still opens, with search), and the product's CSV is offered."""
    context = browser.new_context(locale="en-US", viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    try:
        _open(page, f"{server}/people")
        grid = page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)
        grid.scroll_into_view_if_needed()
        grid.hover()
        page.wait_for_selector('[data-testid="stElementToolbar"] button', timeout=10_000)
        labels = [
            b.get_attribute("aria-label") or b.inner_text()
            for b in page.query_selector_all('[data-testid="stElementToolbar"] button')
        ]
        assert labels and "Download as CSV" not in labels, labels
        assert page.get_by_role("button", name="Download CSV").count() >= 1
    finally:
        context.close()


# The sizes a page must read at: a 1080p projector, an older 720p one, a 4:3 projector, a phone.
SIZES = {
    "1600x960": VIEWPORT,
    "1280x720": {"width": 1280, "height": 720},
    "1024x768": {"width": 1024, "height": 768},
    "390x844": PHONE,
}
# Words of the English interface (Streamlit's own included) that must never reach the
# Italian one, and raw values that must never reach anyone.
ENGLISH_UI = (
    "Drag and drop",
    "Browse files",
    "per file",
    "Select all",
    "No results",
    "Choose an option",
    "Overall index",
    "Not measured",
    "not measured",
    "Recommendation",
    "Show names",
    "Period",
    "Download",
    "Target",
    "target",
    "Today",
    # Streamlit's own, in its dropdowns, date fields and text fields.
    "Select",
    "Choose options",
    "No options",
    "Add options",
    "Date range",
    "Past Week",
    "Past Month",
    "dd",
    "yyyy",
    "Press Enter",
    "Press Ctrl",
    "submit form",
)
RAW_VALUES = re.compile(r"\b(nan|None|NaT|NaN|null)\b")
# The labels of the main column's buttons, links and metrics and the chosen values of its
# select boxes that the browser cuts with an ellipsis ("Rep…" for "Client report").
CUT_LABELS = """() => [...document.querySelectorAll(
        '[data-testid="stMain"] :is(button, [data-testid="stPageLink"] a,'
        + ' input[role="combobox"], [data-testid="stMetric"])')]
    .filter(e => e.checkVisibility())
    .flatMap(e => [e, ...e.querySelectorAll("*")])
    .filter(e => e.scrollWidth > e.clientWidth + 1
        && (e.tagName === "INPUT" || getComputedStyle(e).textOverflow === "ellipsis"))
    .map(e => e.value || e.innerText)
    .filter(text => text && text.trim())"""
# Chart legends drawn over the x axis's tick labels or title (a legend placed in the
# plot's units sat on the second line of two-line month labels).
LEGEND_OVERLAPS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
    const legend = plot.querySelector('.legend');
    if (!legend) return [];
    const l = legend.getBoundingClientRect();
    return [...plot.querySelectorAll('.xtick text, .g-xtitle text')]
        .filter(e => { const r = e.getBoundingClientRect();
            return r.width && r.left < l.right && r.right > l.left
                && r.top < l.bottom && r.bottom > l.top; })
        .map(e => e.textContent);
})"""
# The overall index's gauge (arc and its scale) at least this wide at every size: at
# 1024×768 beside the criteria chart it was a thumbnail.
GAUGE_WIDTH = 220


def _english(text: str) -> list[str]:
    return [w for w in ENGLISH_UI if re.search(rf"\b{re.escape(w)}\b", text)]


# The text a reader sees: text nodes that are drawn (not hidden, not transparent, not in
# a screen reader's 1-pixel box), and the texts style sheets draw before and after elements.
VISIBLE_TEXT = """() => {
    const clear = c => c === "transparent" || /rgba\\(.*,\\s*0\\)$/.test(c);
    const boxes = new Map();
    const clipped = el => {
        if (!el) return false;
        if (!boxes.has(el)) {
            const r = el.getBoundingClientRect(), s = getComputedStyle(el);
            const tiny = r.width <= 1 && r.height <= 1 && s.display !== "contents";
            boxes.set(el, (tiny && s.overflow !== "visible") || clipped(el.parentElement));
        }
        return boxes.get(el);
    };
    const shown = (el, s) => el.checkVisibility({opacityProperty: true, visibilityProperty: true})
        && parseFloat(s.fontSize) > 0 && !clear(s.color) && !clear(s.webkitTextFillColor)
        && !clipped(el);
    const seen = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
        const el = node.parentElement;
        if (el && node.textContent.trim() && shown(el, getComputedStyle(el)))
            seen.push(node.textContent.trim());
    }
    for (const el of document.body.querySelectorAll("*")) {
        for (const where of ["::before", "::after"]) {
            const s = getComputedStyle(el, where);
            if (s.content.startsWith('"') && el.checkVisibility() && s.display !== "none"
                && !clear(s.webkitTextFillColor) && !clipped(el))
                seen.push(s.content);
        }
    }
    return seen.join("\\n");
}"""


def _open_each_widget(page) -> list[tuple[str, str]]:
    """Opens what shows Streamlit's own words only once touched, and returns what the
    reader sees each time: every dropdown open, then filtered to nothing; every date
    picker's calendar, then its field emptied; a text field being typed in. The page is
    left changed: open it again before looking at anything else."""
    seen = []

    def look(what: str, expect: str | None = None) -> None:
        page.wait_for_timeout(600)
        text = page.evaluate(VISIBLE_TEXT)
        if expect is not None:  # what replaced Streamlit's English is drawn in its place
            assert expect in text, f"{what}: {expect!r} is not shown"
        seen.append((what, text))

    for n, box in enumerate(
        page.query_selector_all('[data-testid="stMultiSelect"], [data-testid="stSelectbox"]')
    ):
        field = box.query_selector('input[role="combobox"]')
        if field is None or not field.is_visible() or not field.is_enabled():
            continue
        field.click()
        look(f"dropdown {n}")
        if field.is_editable():
            page.keyboard.type("zzzz")
            look(f"dropdown {n} filtered to nothing", "Nessun risultato")
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    for n, box in enumerate(page.query_selector_all('[data-testid="stDateInput"]')):
        button = box.query_selector('[data-testid="stDateInputCalendarButton"]')
        if button is None or not button.is_visible():
            continue
        button.click()
        look(f"calendar {n}")
        page.keyboard.press("Escape")
        for part in ("day", "year"):
            box.query_selector(f'[data-type="{part}"]').click()
            for _ in range(5):
                page.keyboard.press("Backspace")
        page.keyboard.press("Tab")
        look(f"date field {n} emptied", "aaaa")
    for field in page.query_selector_all('[data-testid="stTextInput"] input[type="text"]'):
        if field.is_visible() and field.is_editable():
            field.click()
            page.keyboard.type("x")
            look("a text field being typed in", "Premete Invio")
            page.keyboard.press("Backspace")
            break
    return seen


@pytest.mark.parametrize("lang", list(LOCALES))
def test_every_page_at_every_size_speaks_the_readers_language(
    server: str, browser, lang: str
) -> None:
    """Every page at the four sizes (a screenshot of each in artifacts/screenshots/, to
    look at): no raw value anywhere; in Italian, no English interface word, also in the
    dropdowns, calendars and fields Streamlit writes its own words into; the page is never
    wider than the screen, no button's label or chosen value is cut, and the Overview's
    gauge keeps its size. The layout answers the window's width in the browser alone (no
    page asks the server for it), so each page is opened once and the window resized."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale=LOCALES[lang], viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    try:
        for name in PAGES:
            page.set_viewport_size(VIEWPORT)
            _open(page, f"{server}/{'' if name == 'overview' else name}")
            if name == "executive":
                page.wait_for_timeout(2500)  # its charts draw after the first poll
            for size, viewport in SIZES.items():
                page.set_viewport_size(viewport)
                page.wait_for_timeout(600)  # Plotly and the grids redraw to the new width
                body = _no_errors(page, f"{name} {lang} {size}")
                raw = RAW_VALUES.findall(body)
                assert not raw, f"{name} ({lang}, {size}) shows {raw[:5]}"
                if lang == "it":
                    english = _english(body)
                    assert not english, f"{name} (it, {size}) shows English: {english}"
                overflow = page.evaluate(
                    """() => document.querySelector('[data-testid="stMainBlockContainer"]')
                        .scrollWidth - window.innerWidth"""
                )
                assert overflow <= 0, f"{name} ({lang}, {size}) is {overflow} px too wide"
                cut = page.evaluate(CUT_LABELS)
                assert not cut, f"{name} ({lang}, {size}) cuts {cut}"
                covered = page.evaluate(LEGEND_OVERLAPS)
                assert not covered, f"{name} ({lang}, {size}): a legend covers {covered}"
                if name == "overview":
                    arc = page.wait_for_selector(".js-plotly-plot .indicatorlayer").bounding_box()
                    assert arc["width"] >= GAUGE_WIDTH, f"the gauge is {arc['width']:.0f} px wide"
                page.screenshot(path=str(SHOTS / f"{name}-{lang}-{size}-screen.png"))
            if lang == "it":  # last: opening the widgets changes what the page shows
                page.set_viewport_size(VIEWPORT)
                for what, seen in _open_each_widget(page):
                    english = _english(seen)
                    assert not english, f"{name} (it): {what} shows English: {english}"
    finally:
        context.close()
