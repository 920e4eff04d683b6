"""Saved audits in the app, driven by AppTest: save from the session, the executive link as a
viewer (and with a wrong passphrase), rename / make current / delete, compare, store errors;
and the pure pieces (the comparison table, the audit list, the sign-in roles) without Streamlit.

Every test gets its own SQLite store in a temporary folder (conftest sets PRESENZA_DATA_DIR),
seeded with the open sample workspace `esempio` and its two audits.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from apptest import APP, ROOT, boot, button, engine, open_workspace, visit
from streamlit.testing.v1 import AppTest

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.document import from_document
from dashboard.i18n import date_text, t
from dashboard.period import Period
from dashboard.report.changes import (
    audit_label,
    audits_frame,
    compare_table,
    signed,
    value_change_text,
)
from dashboard.report.compare import compare, tally
from dashboard.settings import Settings
from dashboard.store import (
    SAMPLE_SLUG,
    authorize,
    create_workspace,
    current_audit,
    list_audits,
    previous_audit,
    save_audit,
    trusted_access,
)
from dashboard.store.db import database_url
from dashboard.ui.saved import oidc_role

H1 = Period(date(2025, 11, 1), date(2026, 4, 30))
H2 = Period(date(2026, 5, 1), date(2026, 10, 31))
EDITOR, VIEWER = "editor-secret-1", "viewer-secret-1"


def texts(at: AppTest) -> str:
    kinds = ("title", "markdown", "caption", "info", "error", "success", "subheader")
    return " ".join(str(e.value) for kind in kinds for e in at.get(kind))


@pytest.fixture
def acme():
    """A closed workspace with an editor and a viewer passphrase and two audits (H1, then
    H2, which is current), saved straight into the store."""
    store = engine()
    access = create_workspace(
        store, "acme-spa", "Acme S.p.A.", editor_passphrase=EDITOR, viewer_passphrase=VIEWER
    )
    dataset = load_sample()
    auditor = Auditor(dataset)
    for period, name in ((H1, "First half"), (H2, "Second half")):
        card = auditor.scorecard(Settings(), period)
        save_audit(store, access, card, dataset, Settings(), saved_by="test", name=name)
    return access


# --- saving from the session ------------------------------------------------------------


def test_the_page_never_preselects_the_open_sample_workspace() -> None:
    at = visit(boot("it"), "audits")
    assert not at.error, [e.value for e in at.error]
    assert [x.value for x in at.title] == ["Audit salvati"]
    picker = at.selectbox(key="audits_workspace")
    assert picker.value is None and any(f"({SAMPLE_SLUG})" in o for o in picker.options)
    assert any("non si può salvare" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "audits_save_button"]
    # Chosen, the sample shows its audits, read-only.
    picker.set_value(SAMPLE_SLUG).run()
    assert any("sola lettura" in i.value for i in at.info)
    listed = at.dataframe[0].value
    assert list(listed["number"]) == [2, 1] and list(listed["current"]) == ["★", ""]
    assert "executive?workspace=esempio" in at.get("code")[0].value
    assert [s.value for s in at.subheader] == [
        "Salva l'audit attuale",
        "Link per la direzione",
        "Audit del workspace",
        "Piano d'azione",
        "Confronta due audit",
        "Confronto con aziende simili",
    ]


def test_save_the_sessions_audit_then_open_the_link_as_a_viewer_and_see_the_delta() -> None:
    at = visit(boot("en"), "audits")
    # A workspace for the client, with both passphrases.
    at.text_input(key="audits_create_slug").input("acme-spa")
    at.text_input(key="audits_create_name").input("Acme S.p.A.")
    at.text_input(key="audits_create_editor").input(EDITOR)
    at.text_input(key="audits_create_viewer").input(VIEWER)
    button(at, "Create the workspace").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.selectbox(key="audits_workspace").value == "acme-spa"
    assert any("Created workspace Acme S.p.A." in s.value for s in at.success)
    assert any("No audit saved" in i.value for i in at.info)
    # Two audits of the session's data: the first half, then the second.
    for period, name in ((H1, "First half"), (H2, "Second half")):
        at.date_input(key="period_sidebar").set_value((period.start, period.end)).run()
        at.text_input(key=next(k for k in _keys(at) if k.startswith("audits_save_name_"))).input(
            name
        )
        at.text_input(key="audits_saved_by").input("Consultant")
        button(at, "Save the audit").click().run()
        assert not at.exception and not at.error, [e.value for e in at.error]
    # Numbered in the workspace: its second audit, though the sample's two came first.
    assert any("Saved as audit #2 in Acme S.p.A." in s.value for s in at.success)
    listed = at.dataframe[0].value
    assert list(listed["name"]) == ["Second half", "First half"]
    assert list(listed["current"]) == ["★", ""]
    assert set(listed["saved_by"]) == {"Consultant"}

    store = engine()
    viewer_access = authorize(store, "acme-spa", VIEWER)
    now, before = current_audit(store, viewer_access), None
    before = previous_audit(store, viewer_access, now.info.id)
    assert (now.info.name, before.info.name) == ("Second half", "First half")
    delta = signed(now.info.overall_score - before.info.overall_score, "en")

    # The executive opens the link: nothing until the viewer passphrase is given.
    viewer = boot("en", workspace="acme-spa")
    assert not viewer.metric and not viewer.get("plotly_chart")
    assert "Acme" not in texts(viewer)
    viewer.text_input(key="executive_passphrase_input").input(VIEWER)
    button(viewer, "Open").click().run()
    assert not viewer.exception and not viewer.error, [e.value for e in viewer.error]
    assert [x.value for x in viewer.title] == ["Acme S.p.A."]
    today = next(m for m in viewer.metric if m.label.startswith("Index "))
    # The index is labelled with the audit's period and the day it was saved, not "today".
    assert today.label == "Index 2026-05–2026-10"
    saved_on = date_text(now.info.saved_at.astimezone(), "en")
    assert f"saved on {saved_on}" in [c.value for c in viewer.caption]
    assert today.value == f"{round(now.info.overall_score)}/100"
    assert today.proto.delta == delta
    assert "since 2025-11–2026-04" in today.proto.delta_description  # months, like the label
    tiles = {m.label: m for m in viewer.metric if m is not today}
    assert len(tiles) == 12
    # Weakest first, each with its level's badge; the weakest are named under the index.
    scores = [float(m.value) for m in tiles.values()]
    assert scores == sorted(scores)
    weakest = next(iter(tiles))
    assert any(f"To fix first: {weakest}" in m.value for m in viewer.markdown)
    assert any(":red-badge[" in m.value or ":orange-badge[" in m.value for m in viewer.markdown)
    presence_before = next(c for c in before.scorecard["criteria"] if c["id"] == "presence")
    presence_now = next(c for c in now.scorecard["criteria"] if c["id"] == "presence")
    assert tiles["Platform presence"].proto.delta == signed(
        presence_now["score"] - presence_before["score"], "en"
    )
    assert viewer.session_state["store_access"]["acme-spa"].role == "viewer"
    assert len(viewer.get("plotly_chart")) == 2  # the gauge and the trend
    assert [s.value for s in viewer.subheader] == [
        "Overall index",
        "The twelve criteria",
        "Top 5 gaps",
        "Trend across audits",
    ]


def _keys(at: AppTest) -> list[str]:
    return [w.key for w in at.text_input if w.key]


def test_a_viewer_reads_but_cannot_save(acme) -> None:
    at = visit(boot("en"), "audits")
    at.text_input(key="audits_open_slug").input("acme-spa")
    at.text_input(key="audits_open_passphrase").input(VIEWER)
    button(at, "Open").click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.selectbox(key="audits_workspace").value == "acme-spa"
    assert any("read-only access" in i.value for i in at.info)
    labels = [b.label for b in at.button]
    for editing in ("Save the audit", "Rename", "Make current", "Delete…"):
        assert editing not in labels
    assert list(at.dataframe[0].value["name"]) == ["Second half", "First half"]


# --- the executive link ------------------------------------------------------------------


@pytest.mark.parametrize("workspace", ["acme-spa", "no-such-company"])
def test_a_wrong_passphrase_shows_no_data_only_a_sentence(acme, workspace: str) -> None:
    at = boot("en", workspace=workspace)
    at.text_input(key="executive_passphrase_input").input("not-the-passphrase")
    button(at, "Open").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("store.error.denied", "en")]
    assert not at.metric and not at.get("plotly_chart") and not at.dataframe
    assert [x.value for x in at.title] == ["Executive view"]
    assert "Acme" not in texts(at) and "Second half" not in texts(at)
    assert not at.session_state["store_access"]


def test_a_link_shows_only_the_executive_view(acme) -> None:
    at = boot("it", workspace="acme-spa")
    assert len(at.sidebar) == 0
    at.text_input(key="executive_passphrase_input").input(EDITOR)
    button(at, "Apri").click().run()
    assert [x.value for x in at.title] == ["Acme S.p.A."]
    # Even an editor's passphrase gives no way to the editing pages from a link: they are
    # not registered at all, so no URL reaches them.
    with pytest.raises(ValueError, match=r"Known pages") as refused:
        at.switch_page("dashboard/app_pages/data.py")
    known = str(refused.value).split("Known pages: ")[1]
    assert known.count("executive.py") == 2 and known.count("present.py") == 1
    assert known.count(".py") == 3
    assert not at.file_uploader
    assert not any("Salva" in b.label for b in at.button)


def test_the_open_sample_needs_no_passphrase_and_reads_in_italian() -> None:
    at = boot("it", workspace=SAMPLE_SLUG)
    assert not at.error
    assert [x.value for x in at.title] == ["Gruppo Aurora"]
    today = next(m for m in at.metric if m.label.startswith("Indice "))
    assert "," in today.proto.delta  # decimal comma
    assert any("Si aggiorna da sé" in c.value for c in at.caption)


def test_the_view_follows_a_newer_audit(acme) -> None:
    at = boot("en", workspace="acme-spa")
    at.text_input(key="executive_passphrase_input").input(VIEWER)
    button(at, "Open").click().run()
    assert "Second half" in texts(at)
    store = engine()
    dataset = load_sample()
    card = Auditor(dataset).scorecard(Settings(), Period(H1.start, H2.end))
    save_audit(
        store,
        trusted_access(store, "acme-spa"),
        card,
        dataset,
        Settings(),
        saved_by="job",
        name="Whole year",
    )
    at.run()  # what the fragment's poll triggers when the change token moves
    assert "Whole year" in texts(at)
    today = next(m for m in at.metric if m.label.startswith("Index "))
    assert today.value == f"{round(card.score)}/100"


def test_with_login_configured_a_link_asks_to_sign_in_not_for_a_passphrase(acme) -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "a-long-random-cookie-secret-for-tests",
        "client_id": "presenza",
        "client_secret": "not-a-secret",
        "server_metadata_url": "https://login.example.com/.well-known/openid-configuration",
    }
    at.query_params["workspace"] = "acme-spa"
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Sign in"]
    assert not at.text_input and not at.metric
    assert "Acme" not in texts(at)
    # The open sample stays open for a first look.
    at.query_params["workspace"] = SAMPLE_SLUG
    at.run()
    assert [x.value for x in at.title] == ["Gruppo Aurora"]


# --- changing audits ----------------------------------------------------------------------


def test_rename_make_current_and_delete_after_confirming(acme) -> None:
    at = open_workspace(visit(boot("en"), "audits"), "acme-spa", EDITOR)
    first, second = sorted(a.id for a in list_audits(engine(), acme))
    number = {a.id: a.number for a in list_audits(engine(), acme)}
    at.selectbox(key="audits_selected").set_value(first).run()
    at.text_input(key=f"audits_rename_{first}").input("First semester")
    button(at, "Rename").click().run()
    assert any("renamed" in s.value for s in at.success)
    button(at, "Make current").click().run()
    listed = at.dataframe[0].value
    assert listed.set_index("number").loc[number[first], "name"] == "First semester"
    assert listed.set_index("number").loc[number[first], "current"] == "★"

    at.selectbox(key="audits_selected").set_value(second).run()
    button(at, "Delete…").click().run()
    assert any("will be deleted for good" in m.value for m in at.markdown)
    at.text_input(key="audits_delete_confirm").input("wrong")
    button(at, "Delete for good").click().run()
    assert any("confirm with its name" in e.value for e in at.error)
    assert len(list_audits(engine(), acme)) == 2
    at.text_input(key="audits_delete_confirm").input(str(second + 100))  # not its number
    button(at, "Delete for good").click().run()
    assert any("confirm with its name" in e.value for e in at.error)
    at.text_input(key="audits_delete_confirm").input(str(number[second]))
    button(at, "Delete for good").click().run()
    assert not at.exception
    assert any("deleted" in s.value for s in at.success)
    assert [a.id for a in list_audits(engine(), acme)] == [first]


def test_compare_two_audits_criterion_by_criterion_and_metric_by_metric() -> None:
    at = visit(boot("it"), "audits")
    at.selectbox(key="audits_workspace").set_value(SAMPLE_SLUG).run()
    table = at.dataframe[1].value
    assert table.iloc[0]["item"] == "Indice complessivo"
    assert len(table) == 1 + 12 + 31
    row = table[table["item"] == "· Risposte dello staff"]
    assert row.iloc[0]["value_change"].endswith("p.p.") and "," in row.iloc[0]["value_change"]
    assert set(table["change"]) <= {"migliora", "peggiora", "invariato"}
    assert any("criteri:" in m.value for m in at.markdown)
    at.toggle(key="compare_metrics").set_value(False).run()
    assert len(at.dataframe[1].value) == 13
    at.selectbox(key="compare_before").set_value(2).run()
    assert any("due audit diversi" in i.value for i in at.info)


# --- store errors -------------------------------------------------------------------------


def test_an_unreachable_store_is_a_sentence_not_a_traceback(monkeypatch) -> None:
    monkeypatch.setenv("PRESENZA_DATABASE_URL", "mysql://nobody@nowhere/presenza")
    at = visit(boot("en"), "audits")
    assert not at.exception
    said = [e.value.replace("\\", "") for e in at.error]  # Markdown escapes, as shown
    assert any("PRESENZA_DATABASE_URL must be sqlite:///" in e for e in said), said
    linked = boot("en", workspace="acme-spa")
    said = [e.value.replace("\\", "") for e in linked.error]
    assert any("PRESENZA_DATABASE_URL must be" in e for e in said), said
    assert not linked.metric


def test_tests_never_write_to_the_checkout() -> None:
    url = database_url()
    assert url.database and not Path(url.database).resolve().is_relative_to(ROOT)
    assert not Path(os.environ["PRESENZA_DATA_DIR"]).resolve().is_relative_to(ROOT)


# --- the pure pieces ------------------------------------------------------------------------


def test_signed_changes_read_in_each_language() -> None:
    assert signed(4.56, "en") == "+4.6"
    assert signed(-2.84, "it") == "-2,8"
    assert signed(0.01, "en") == "0"
    assert signed(None, "en") == "—"
    assert value_change_text(0.0946, "rate", "en") == "+9.5 pp"
    assert value_change_text(-0.3, "ratio", "it") == "-0,3×"
    assert value_change_text(-3, "days", "en") == "-3 days"
    assert value_change_text(None, "rate", "en") == ""


def test_compare_table_names_formats_and_notes_moved_targets() -> None:
    store = engine()
    access = authorize(store, SAMPLE_SLUG, None)
    now = current_audit(store, access)
    before = previous_audit(store, access, now.info.id)
    changes = compare(before.to_scorecard(), now.to_scorecard())
    table = compare_table(changes, "en")
    assert list(table["level"][:2]) == ["overall", "criterion"]
    assert table.iloc[1]["item"] == "In-house management"
    assert table.iloc[2]["item"].startswith("· ")
    assert table.iloc[0]["score_change"] == signed(changes[0].delta, "en")
    assert compare_table(changes, "en", metrics=False)["level"].ne("metric").all()
    assert sum(tally(changes).values()) == 12
    # A target that moved between the audits is said, because the score moved for it.
    moved = now.scorecard | {
        "criteria": [
            c
            | {
                "metrics": [
                    m | {"target": 0.35} if m["id"] == "involvement.participation_rate" else m
                    for m in c["metrics"]
                ]
            }
            for c in now.scorecard["criteria"]
        ]
    }
    noted = compare_table(compare(before.to_scorecard(), from_document(moved)), "en")
    assert "target moved: 30% → 35%" in set(noted["note"])


def test_audit_list_and_labels() -> None:
    store = engine()
    audits = list_audits(store, authorize(store, SAMPLE_SLUG, None))
    frame = audits_frame(audits, "it")
    assert list(frame.columns) == [
        "number",
        "name",
        "period",
        "score",
        "level",
        "current",
        "saved_by",
        "saved_at",
    ]
    assert frame.iloc[0]["period"] == "01/05/2026 – 31/10/2026"
    assert "," in frame.iloc[0]["score"]
    assert audit_label(audits[0], "en") == "#2 · 2026-05-01 – 2026-10-31 ★"


@pytest.mark.parametrize(
    ("email", "slug", "role"),
    [
        ("boss@acme.it", "acme-spa", "editor"),
        ("Boss@Acme.it", "acme-spa", "editor"),
        ("ceo@acme.it", "acme-spa", "viewer"),
        ("anyone@acme.it", "acme-spa", "viewer"),
        ("anyone@acme.it", "other", None),
        ("partner@consult.it", "other", "editor"),
        ("stranger@example.com", "acme-spa", None),
        (None, "acme-spa", None),
    ],
)
def test_signed_in_roles_come_from_the_secrets(email, slug, role) -> None:
    config = {
        "editors": ["partner@consult.it"],
        "workspaces": {"acme-spa": {"editors": ["boss@acme.it"], "viewers": ["@acme.it"]}},
    }
    assert oidc_role(config, slug, email) == role
