"""AppTest helpers the saved-audits and access tests share: start the app in a language
(optionally on an executive link, with secrets), visit a page, press a button, and reach
the same store the app under test opens."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from dashboard.store import open_store
from dashboard.store.db import database_url

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
LOCALES = {"en": "en-US", "it": "it-IT"}


def boot(lang: str = "en", workspace: str | None = None, **secrets: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.context = {"locale": LOCALES[lang]}
    for section, values in secrets.items():
        at.secrets[section] = values
    if workspace is not None:
        at.query_params["workspace"] = workspace
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def visit(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"dashboard/app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def open_workspace(at: AppTest, slug: str, passphrase: str) -> AppTest:
    """Open a workspace on the Saved audits page (the page must be on screen)."""
    at.text_input(key="audits_open_slug").input(slug)
    at.text_input(key="audits_open_passphrase").input(passphrase)
    button(at, "Open" if at.session_state["lang"] == "en" else "Apri").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def engine() -> Engine:
    """The same store the app under test opens (the environment names it)."""
    return open_store(database_url().render_as_string(hide_password=False))
