"""The executive digest sent to a real SMTP server running in the test (aiosmtpd), and the action
plan's CLI: list, add and update, with the save token as `audit --save` needs it."""

from __future__ import annotations

import email
import email.policy
import json
import socket
from datetime import date, timedelta

import pytest
import stores
from aiosmtpd.controller import Controller
from sqlalchemy import Engine
from test_actions import BEFORE, card, save

from dashboard.period import Period
from dashboard.store import create_workspace, issue_save_token, trusted_access
from dashboard.store.actions import ActionChange, create_action, list_actions, update_action
from dashboard.store.peers import Profile, set_profile

store_url, engine, run_cli = stores.store_url, stores.engine, stores.run_cli
PARTICIPATION = "involvement.participation_rate"


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp():
    inbox = Inbox()
    with socket.socket() as probe:  # a free port (the controller checks it can connect)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _smtp_env(port: int) -> dict[str, str]:
    return {
        "PRESENZA_SMTP_HOST": "127.0.0.1",
        "PRESENZA_SMTP_PORT": str(port),
        "PRESENZA_SMTP_SECURITY": "none",
        "PRESENZA_SMTP_FROM": "audit@studio.example",
        "PRESENZA_PUBLIC_URL": "https://presenza.studio.example/",
    }


def test_the_digest_reaches_the_smtp_server_with_index_gaps_actions_and_link(
    engine: Engine, store_url: str, smtp
) -> None:
    inbox, port = smtp
    access = create_workspace(engine, "acme-spa", "Acme <b>S.p.A.</b>")
    first = save(engine, access, BEFORE)
    later = card(Period(date(2026, 2, 1), date(2026, 2, 28)),
                 involvement__participation_rate=0.2, presence__platform_coverage=0.5)  # fmt: skip
    save(engine, access, later)
    today = date.today()
    create_action(engine, access, first, PARTICIPATION, "Ambassador <programme>", "HR",
                  created_by="c", due=today - timedelta(days=3))  # fmt: skip
    done = create_action(engine, access, first, PARTICIPATION, "Already done", "HR",
                         created_by="c", due=today)  # fmt: skip
    update_action(engine, access, done, ActionChange(status="done"))
    create_action(engine, access, first, PARTICIPATION, "Far away", "HR", created_by="c",
                  due=today + timedelta(days=200))  # fmt: skip

    result = run_cli(store_url, "digest", "acme-spa", "--to", "ceo@acme.example",
                     "board@acme.example", **_smtp_env(port))  # fmt: skip
    assert result.returncode == 0, result.stderr
    [(sender, recipients, raw)] = inbox.messages
    assert sender == "audit@studio.example"
    assert recipients == ["ceo@acme.example", "board@acme.example"]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Content-Language"] == "it"  # the workspace's language
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    scorecard = later
    index = f"{scorecard.score:.0f}".replace(".", ",")
    assert f"Indice complessivo: {index}/100" in text
    assert "Variazione dall'audit precedente: +" in text
    assert "Partecipazione: 20%, obiettivo 30%" in text  # the top gaps, in Italian
    assert "Piattaforme presidiate: 50%" in text
    assert "IN RITARDO: Ambassador <programme> (HR)" in text
    assert "Already done" not in text and "Far away" not in text
    assert "https://presenza.studio.example/executive?workspace=acme-spa" in text
    assert 'href="https://presenza.studio.example/executive?workspace=acme-spa"' in html
    # What people typed is escaped in the HTML part.
    assert "Ambassador &lt;programme&gt;" in html and "<programme>" not in html
    assert "Acme &lt;b&gt;S.p.A.&lt;/b&gt;" in html

    set_profile(engine, access, Profile(lang="en"))
    assert run_cli(store_url, "digest", "acme-spa", "--to", "ceo@acme.example",
                   **_smtp_env(port)).returncode == 0  # fmt: skip
    english = email.message_from_bytes(inbox.messages[-1][2], policy=email.policy.default)
    body = english.get_body(("plain",)).get_content()
    assert "Overall index" in body and "LATE: Ambassador" in body
    assert "Participation: 20%, target 30%" in body


def test_the_digest_says_what_is_missing_and_sends_nothing(
    engine: Engine, store_url: str, smtp
) -> None:
    inbox, port = smtp
    access = create_workspace(engine, "acme")
    result = run_cli(store_url, "digest", "acme", "--to", "a@b.example", **_smtp_env(port))
    assert result.returncode == 2 and "no audits saved in acme" in result.stderr
    save(engine, access, BEFORE)
    env = {**_smtp_env(port), "PRESENZA_SMTP_HOST": ""}
    result = run_cli(store_url, "digest", "acme", "--to", "a@b.example", **env)
    assert result.returncode == 1 and "PRESENZA_SMTP_HOST" in result.stderr
    env = {**_smtp_env(port), "PRESENZA_SMTP_PORT": "1"}  # nobody listens there
    result = run_cli(store_url, "digest", "acme", "--to", "a@b.example", **env)
    assert result.returncode == 1 and "did not take the digest" in result.stderr
    assert "Traceback" not in result.stderr
    assert inbox.messages == []


def test_the_actions_cli_lists_for_anyone_and_changes_only_with_the_save_token(
    engine: Engine, store_url: str
) -> None:
    access = create_workspace(engine, "acme")
    save(engine, access, BEFORE)
    token = issue_save_token(engine, access)
    refused = run_cli(store_url, "actions", "add", "acme", "--metric", PARTICIPATION,
                      "--what", "Ambassadors", "--owner", "HR")  # fmt: skip
    assert refused.returncode == 2 and "PRESENZA_SAVE_TOKEN" in refused.stderr
    assert list_actions(engine, trusted_access(engine, "acme")) == []
    added = run_cli(store_url, "actions", "add", "acme", "--metric", PARTICIPATION,
                    "--what", "Ambassadors", "--owner", "HR", "--due", "2026-09-30",
                    PRESENZA_SAVE_TOKEN=token)  # fmt: skip
    assert added.returncode == 0, added.stderr
    [action] = list_actions(engine, trusted_access(engine, "acme"))
    assert (action.what, action.owner, action.due, action.before) == (
        "Ambassadors", "HR", date(2026, 9, 30), 0.15,
    )  # fmt: skip
    updated = run_cli(store_url, "actions", "update", "acme", str(action.id), "--status", "done",
                      "--no-due", PRESENZA_SAVE_TOKEN=token)  # fmt: skip
    assert updated.returncode == 0, updated.stderr
    wrong = run_cli(store_url, "actions", "update", "acme", str(action.id), "--owner", "X",
                    PRESENZA_SAVE_TOKEN="prz_wrong")  # fmt: skip
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    bad = run_cli(store_url, "actions", "add", "acme", "--metric", "voice.commentary_share",
                  "--what", "x", "--owner", "y", PRESENZA_SAVE_TOKEN=token)  # fmt: skip
    assert bad.returncode == 2 and "is not a gap" in bad.stderr
    listing = run_cli(store_url, "actions", "list", "acme", "--format", "json")
    [row] = json.loads(listing.stdout)
    assert (row["status"], row["due"], row["owner"], row["before"]) == ("done", None, "HR", 0.15)
    text = run_cli(store_url, "actions", "list", "acme", "--lang", "en")
    assert "[done] Ambassadors — HR" in text.stdout and "15%" in text.stdout
