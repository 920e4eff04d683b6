"""Access under attack, in the app (AppTest): hostile names shown as text on every page that
shows them, guessing throttled with the same words for any workspace, a changed passphrase
ending an open executive view, the sample read-only, weak passphrases refused in the
reader's language, save tokens shown once, sign-in before uploading and creating on a
shared server, and a shared server with no sign-in refusing to serve.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from apptest import boot, button, engine, open_workspace, visit
from sqlalchemy import delete
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.i18n import t
from dashboard.settings import Settings
from dashboard.store import (
    authorize,
    create_workspace,
    job_access,
    list_audits,
    save_audit,
    set_passphrase,
    trusted_access,
)
from dashboard.store.db import writer
from dashboard.store.models import SignInFailure
from dashboard.store.throttle import RULES, Rule

EDITOR, VIEWER = "rondine verde sul tetto", "lampada gialla in cantina"
SERVER = "frase del server condiviso"
# Markdown and Streamlit markup someone could type as a name: a link, a tracking pixel,
# a colour directive, HTML, bold, LaTeX, bare web and mail addresses, an icon shortcode.
HOSTILE = (
    "[x](http://evil.example)",
    "![](http://evil.example/p.png)",
    ":red[boom]",
    "<img src=x>",
    "**b**",
    "$x$",
    "www.evil.example",
    "http://evil.example/bare",
    "me@evil.example",
    ":material/home:",
)
COMPANY = "Acme " + " ".join(HOSTILE)
AUDIT = "Q1 " + " ".join(HOSTILE)
TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "success", "info")
TEXT_KINDS += ("warning", "error", "exception", "toast")


def bodies(at: AppTest) -> list[str]:
    """Every Markdown text on the page, as sent to the browser."""
    return [str(e.value) for kind in TEXT_KINDS for e in at.get(kind)]


def assert_plain(at: AppTest) -> str:
    """No hostile name reaches Markdown as markup; returns the page's text as read."""
    for body in bodies(at):
        for markup in HOSTILE:
            assert markup not in body, (markup, body)
    # What the reader sees: no escapes, no word joiners (they keep bare addresses text).
    return " ".join(bodies(at)).replace("\\", "").replace("\u2060", "")


def sign_in_exec(at: AppTest, passphrase: str) -> AppTest:
    at.text_input(key="executive_passphrase_input").input(passphrase)
    button(at, "Open" if at.session_state["lang"] == "en" else "Apri").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def acme():
    store = engine()
    access = create_workspace(
        store, "acme-spa", COMPANY, editor_passphrase=EDITOR, viewer_passphrase=VIEWER
    )
    dataset = load_sample()
    card = Auditor(dataset).scorecard(Settings(), Auditor(dataset).period())
    save_audit(store, access, card, dataset, Settings(), saved_by=AUDIT, name=AUDIT)
    return access


@pytest.fixture
def shared_address() -> Iterator[None]:
    """The server listening on every interface, as a deployment behind a balancer does."""
    before = streamlit_config.get_option("server.address")
    streamlit_config.set_option("server.address", "0.0.0.0")
    try:
        yield
    finally:
        streamlit_config.set_option("server.address", before)


# --- names as plain text ------------------------------------------------------------------------


def test_hostile_names_show_as_text_on_the_saved_audits_page(acme) -> None:
    at = open_workspace(visit(boot("en"), "audits"), "acme-spa", EDITOR)
    assert f"Opened {COMPANY} (editor)." in assert_plain(at)
    listed = at.dataframe[0].value  # a table cell is text already
    assert list(listed["name"]) == [AUDIT] and list(listed["saved_by"]) == [AUDIT]
    name_key = next(w.key for w in at.text_input if w.key.startswith("audits_save_name_"))
    at.text_input(key=name_key).input(AUDIT + " bis")
    button(at, "Save the audit").click().run()
    assert f"in {COMPANY}." in assert_plain(at)
    newest, number = max((a.id, a.number) for a in list_audits(engine(), acme))
    at.text_input(key=f"audits_rename_{newest}").input("Renamed " + AUDIT)
    button(at, "Rename").click().run()
    assert f"renamed “Renamed {AUDIT}”" in assert_plain(at)
    button(at, "Delete…").click().run()
    assert f"Audit **Renamed {AUDIT}** (#{number})" in assert_plain(at)  # bold, not markup
    at.text_input(key="audits_delete_confirm").input(str(number))
    button(at, "Delete for good").click().run()
    assert f"“Renamed {AUDIT}” deleted" in assert_plain(at)
    labels = at.selectbox(key="audits_workspace").options  # options are plain text
    assert any(COMPANY in label for label in labels)


def test_hostile_names_show_as_text_in_the_executive_view(acme) -> None:
    at = sign_in_exec(boot("en", workspace="acme-spa"), VIEWER)
    seen = assert_plain(at)
    assert [x.value.replace("\\", "").replace("\u2060", "") for x in at.title] == [COMPANY]
    assert f"“{AUDIT}”" in seen  # English quotes in the English view
    gate = boot("en", workspace="[x](http://evil.example)")  # a hostile name in the link
    assert "The view of workspace **[x](http://evil.example)** is protected" in assert_plain(gate)


def test_hostile_file_and_employee_names_show_as_text_on_the_data_and_people_pages() -> None:
    from dashboard.ingest import load_file

    at = boot("en")
    roster = "employee_id,name,department,title\n" + "\n".join(
        f"E{n},{markup},{markup},Manager" for n, markup in enumerate(HOSTILE)
    )
    loaded = load_file("[x](http:evil.example) **b** $x$.csv", roster.encode())
    assert loaded.ok, [p.line() for p in loaded.problems]
    session = at.session_state["session"]
    session.dataset, session.sample = session.dataset.add(loaded), False
    session.loads, session.last_batch = [loaded, *session.loads], 1
    at = visit(at, "data")
    assert "[x](http:evil.example) **b** $x$.csv" in assert_plain(at)
    at.toggle(key="show_names").set_value(True).run()
    for page in ("people", "criteria", "overview", "gaps"):
        assert_plain(visit(at, page))


# --- guessing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "it"])
def test_guessing_in_the_app_is_throttled_with_the_same_words_for_any_name(
    acme, lang, monkeypatch
) -> None:
    # A lock at the third failure: the next answer does not depend on how fast AppTest runs.
    monkeypatch.setitem(RULES, "client", Rule(free=3, cap=60, lock_after=3, lock=900))
    said: dict[str, list[str]] = {}
    for slug in ("acme-spa", "nobody-here"):
        with writer(engine()).begin() as connection:
            connection.execute(delete(SignInFailure))
        at = boot(lang, workspace=slug)
        said[slug] = []
        for _ in range(RULES["client"].free + 1):
            sign_in_exec(at, "non è questa la frase")
            said[slug] += [e.value for e in at.error]
        assert not at.metric and COMPANY not in " ".join(bodies(at))
    assert said["acme-spa"] == said["nobody-here"]
    assert said["acme-spa"] == [t("store.error.denied", lang)] * RULES["client"].free + [
        t("store.error.throttled", lang, n=900)
    ]


def test_a_changed_passphrase_ends_an_open_executive_view(acme) -> None:
    at = sign_in_exec(boot("en", workspace="acme-spa"), VIEWER)
    assert at.metric
    store = engine()
    set_passphrase(store, authorize(store, "acme-spa", EDITOR), "viewer", "nuova frase di lettura")
    at.run()  # what the 5-second poll does
    assert not at.exception
    assert not at.metric and not at.get("plotly_chart")
    assert [w.value for w in at.warning] == [t("ui.exec.grant_ended", "en")]
    assert "acme-spa" not in at.session_state["store_access"]
    sign_in_exec(at, VIEWER)
    assert [e.value for e in at.error] == [t("store.error.denied", "en")]
    sign_in_exec(at, "nuova frase di lettura")
    assert at.metric


# --- workspaces -----------------------------------------------------------------------------------


def test_the_sample_is_read_only_on_the_saved_audits_page() -> None:
    at = visit(boot("en"), "audits")
    at.selectbox(key="audits_workspace").set_value("esempio").run()
    assert t("ui.audits.sample_read_only", "en") in [i.value for i in at.info]
    labels = [b.label for b in at.button]
    for editing in ("Save the audit", "Rename", "Delete…", "Make a token", "Set"):
        assert editing not in labels
    assert not [e for e in at.expander if e.label in ("Workspace passphrases", "Scheduled saves")]


def test_a_weak_passphrase_is_refused_in_italian_and_nothing_is_created() -> None:
    at = visit(boot("it"), "audits")
    at.text_input(key="audits_create_slug").input("acme-spa")
    at.text_input(key="audits_create_editor").input("12345678")
    button(at, "Crea il workspace").click().run()
    assert [e.value for e in at.error] == [t("store.error.weak_short", "it", n=10)]
    at.text_input(key="audits_create_editor").input("1234567890")
    button(at, "Crea il workspace").click().run()
    assert [e.value for e in at.error] == [t("store.error.weak_common", "it")]
    with pytest.raises(Exception, match="no workspace called"):
        trusted_access(engine(), "acme-spa")


def test_a_save_token_is_shown_once_and_opens_scheduled_saves(acme) -> None:
    at = open_workspace(visit(boot("en"), "audits"), "acme-spa", EDITOR)
    button(at, "Make a token").click().run()
    shown = [c.value for c in at.get("code") if "PRESENZA_SAVE_TOKEN=" in c.value]
    assert len(shown) == 1
    token = shown[0].split("=", 1)[1]
    assert job_access(engine(), "acme-spa", token).slug == "acme-spa"
    at.run()
    assert not [c for c in at.get("code") if "PRESENZA_SAVE_TOKEN=" in c.value]


# --- a shared server ------------------------------------------------------------------------------


def test_a_shared_server_without_sign_in_refuses_to_serve(shared_address, monkeypatch) -> None:
    monkeypatch.delenv("PRESENZA_ALLOW_ANONYMOUS", raising=False)
    at = boot("en")
    assert [e.value for e in at.error] == [
        t("deploy.no_sign_in", "en", address="0.0.0.0", variable="PRESENZA_ALLOW_ANONYMOUS")
    ]
    assert not at.title and not at.sidebar and not at.metric
    linked = boot("it", workspace="esempio")
    assert next(e.value for e in linked.error).startswith("Presenza non si avvia")
    assert not linked.metric


def test_a_weak_server_passphrase_refuses_to_serve_anywhere() -> None:
    at = boot("en", presenza={"server_passphrase": "password123"})
    assert [e.value for e in at.error] == [t("deploy.weak_server_passphrase", "en")]
    assert not at.title


def test_told_explicitly_a_shared_server_serves_but_creating_needs_sign_in(
    shared_address, monkeypatch
) -> None:
    monkeypatch.setenv("PRESENZA_ALLOW_ANONYMOUS", "1")
    at = visit(boot("en"), "audits")
    assert not at.error
    assert t("ui.audits.create_needs_sign_in", "en") in [c.value for c in at.caption]
    assert not any(w.key == "audits_create_slug" for w in at.text_input)


def test_the_server_passphrase_gates_uploads_and_creating(shared_address) -> None:
    at = visit(boot("en", presenza={"server_passphrase": SERVER}), "data")
    assert not at.get("file_uploader")
    assert t("ui.signin.before_upload", "en") in [c.value for c in at.caption]
    at.text_input(key="upload_signin_input").input("not the server's")
    button(at, "Sign in").click().run()
    assert [e.value for e in at.error] == [t("store.error.server_denied", "en")]
    assert not at.get("file_uploader")
    at.text_input(key="upload_signin_input").input(SERVER)
    button(at, "Sign in").click().run()
    assert not at.error and at.get("file_uploader")
    visit(at, "audits")
    assert any(w.key == "audits_create_slug" for w in at.text_input)  # signed in: may create


def test_plain_leaves_nothing_a_markdown_parser_would_turn_into_markup() -> None:
    """What GitHub-flavoured Markdown links after parsing (escapes resolved): bare http(s)
    and www addresses and mail addresses (mdast-util-gfm-autolink-literal's patterns)."""
    import re

    from dashboard.ui.views import plain

    autolinks = re.compile(r"(?i)https?://|\bwww\.|[-.\w+]@[-\w]+\.")
    for name in (*HOSTILE, COMPANY, "mail me@evil.example or see WWW.EVIL.EXAMPLE"):
        parsed = re.sub(r"\\(.)", r"\1", plain(name))  # what the parser keeps as text
        assert not autolinks.search(parsed), (name, parsed)
        assert parsed.replace("\u2060", "") == name  # and the reader sees the name as typed


# --- table downloads --------------------------------------------------------------------------


def test_the_products_csv_makes_formula_like_cells_text() -> None:
    import io

    import pandas as pd

    from dashboard.report.xlsx import frame_csv

    cells = ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    frame = pd.DataFrame({"=name": [*cells, "Rossi"], "actions": [1, 2, 3, 4, 5, 6, -7]})
    text = frame_csv(frame, "en").decode("utf-8-sig")
    read = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(read.columns) == ["'=name", "actions"]
    assert list(read["'=name"]) == [f"'{c}" for c in cells] + ["Rossi"]
    assert list(read["actions"]) == ["1", "2", "3", "4", "5", "6", "-7"]  # numbers stay numbers
    assert ";" in frame_csv(frame, "it").decode("utf-8-sig").splitlines()[0]


def test_tables_of_uploaded_text_offer_the_products_csv() -> None:
    at = visit(boot("en"), "people")
    downloads = [d for d in at.get("download_button") if d.proto.label == "Download CSV"]
    assert len(downloads) == 1
    criteria = visit(at, "criteria")
    for expander in criteria.expander:
        if expander.label == "Evidence":
            assert any(d.proto.label == "Download CSV" for d in criteria.get("download_button"))
            break
