"""Meetings, driven by AppTest: presentation mode on a saved audit, a saved audit reopened in
the dashboard, and the consultant's notes written on the pages and read in the executive
view and on the slides. Every test gets its own SQLite store (conftest), seeded with the
open sample workspace."""

from __future__ import annotations

from datetime import date

import pytest
from apptest import APP, LOCALES, boot, button, engine, visit
from streamlit.testing.v1 import AppTest

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria import cube as cube_module
from dashboard.document import to_document
from dashboard.period import Period
from dashboard.report.deck import criteria_in_gap_order, deck, slide_number
from dashboard.settings import Settings, parse_settings
from dashboard.store import (
    audit_notes,
    create_workspace,
    get_audit,
    list_audits,
    save_audit,
    write_note,
    write_summary,
)
from dashboard.store.snapshot import settings_toml
from dashboard.ui.tables import gaps_table

H1 = Period(date(2025, 11, 1), date(2026, 4, 30))
H2 = Period(date(2026, 5, 1), date(2026, 10, 31))
EDITOR, VIEWER = "editor-secret-1", "viewer-secret-1"
# Not the defaults, so a reopened audit that kept the session's settings would differ.
GAP = "involvement.participation_rate"
TUNED = parse_settings('[metrics."involvement.participation_rate"]\ntarget = 0.5\n')


def texts(at: AppTest) -> str:
    kinds = ("title", "header", "markdown", "caption", "info", "error", "success", "subheader")
    return " ".join(str(e.value) for kind in kinds for e in at.get(kind))


@pytest.fixture
def acme():
    """A closed workspace with two audits of the sample: H1 with tuned settings, then H2."""
    store = engine()
    access = create_workspace(
        store, "acme-spa", "Acme S.p.A.", editor_passphrase=EDITOR, viewer_passphrase=VIEWER
    )
    dataset = load_sample()
    auditor = Auditor(dataset)
    for period, name, settings in ((H1, "First half", TUNED), (H2, "Second half", Settings())):
        card = auditor.scorecard(settings, period)
        sums = auditor.data.cube.sums  # kept beside the tables, as the app and the CLI do
        save_audit(store, access, card, dataset, settings, saved_by="test", name=name, sums=sums)
    return access


def present(lang: str, workspace: str, passphrase: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.context = {"locale": LOCALES[lang]}
    at.query_params["workspace"] = workspace
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page("dashboard/app_pages/present.py").run()
    assert not at.exception, [e.value for e in at.exception]
    if passphrase is not None:
        at.text_input(key="present_passphrase_input").input(passphrase)
        button(at, "Open" if lang == "en" else "Apri").click().run()
        assert not at.exception, [e.value for e in at.exception]
    return at


# --- presentation mode -----------------------------------------------------------------------


def test_the_deck_puts_criteria_in_gap_priority_order() -> None:
    card = Auditor(load_sample()).scorecard(Settings(), H2)
    order = criteria_in_gap_order(card)
    assert sorted(order) == sorted(c.id for c in card.criteria)
    ranked = gaps_table(card, "en")
    first_seen = list(dict.fromkeys(ranked["criterion_id"]))
    assert order[: len(first_seen)] == first_seen
    slides = deck(card, actions=False)
    assert [s.kind for s in slides[:3]] == ["title", "overall", "criteria"]
    assert len(slides) == 3 + 12 and deck(card, actions=True)[-1].kind == "actions"
    assert [slide_number(v, 15) for v in ("0", "4", "99", "x", None)] == [1, 4, 15, 1, 1]


def test_presentation_asks_for_the_passphrase_then_walks_every_criterion(acme) -> None:
    at = present("en", "acme-spa")
    assert len(at.sidebar) == 0 and not at.file_uploader
    assert [x.value for x in at.title] == ["Presentation"]
    assert "Acme S.p.A." not in texts(at)
    at.text_input(key="present_passphrase_input").input(VIEWER)
    button(at, "Open").click().run()
    assert [x.value for x in at.title] == ["Acme S.p.A."]
    assert at.query_params["slide"] == "1"
    assert "Second half" in texts(at)  # the current audit
    card = get_audit(engine(), acme, max(a.id for a in list_audits(engine(), acme))).to_scorecard()
    titles = {c.spec.title["en"]: c.id for c in card.criteria}
    shown = []
    for number in range(2, 16):
        at.button(key="present_forward").click().run()
        assert not at.exception
        assert at.query_params["slide"] == str(number)
        shown += [titles[h.value] for h in at.header if h.value in titles]
        if number == 3:  # the twelve criteria at a glance
            assert len(at.metric) == 12
    assert shown == criteria_in_gap_order(card)
    assert at.button(key="present_forward").disabled
    assert not at.button(key="present_back").disabled
    at.button(key="present_back").click().run()
    assert at.query_params["slide"] == "14"


def test_a_link_opens_the_same_slide_of_the_named_audit_in_italian(acme) -> None:
    first = min(a.number for a in list_audits(engine(), acme))  # the link names the number
    at = present("it", "acme-spa", VIEWER, audit=str(first), slide="3")
    assert at.query_params["slide"] == "3"
    assert [h.value for h in at.subheader] == ["I dodici criteri"]
    assert "First half" in texts(at) and "diapositiva 3 di 15" in texts(at)
    at.segmented_control(key="lang_present").set_value("en").run()
    assert [h.value for h in at.subheader] == ["The twelve criteria"]


def test_the_open_sample_presents_without_a_passphrase() -> None:
    at = present("it", "esempio")
    assert [x.value for x in at.title] == ["Gruppo Aurora"]
    assert not at.text_input


def test_no_action_plan_slide_without_actions(acme) -> None:
    at = present("en", "acme-spa", VIEWER, slide="99")
    assert at.query_params["slide"] == "15"  # the last criterion: no action plan slide
    assert "Action plan" not in texts(at)


def test_the_action_plan_slide_shows_the_stores_actions(acme) -> None:
    from dashboard.store.actions import create_action

    first = min(a.id for a in list_audits(engine(), acme))
    create_action(
        engine(),
        acme,
        first,
        GAP,
        "Ambassador programme",
        "HR",
        created_by="test",
        due=date(2026, 12, 1),
    )
    at = present("en", "acme-spa", VIEWER, slide="99")
    assert at.query_params["slide"] == "16"  # after the last criterion
    assert [h.value for h in at.header] == ["Action plan"]
    shown = at.dataframe[0].value.to_string()
    assert "Ambassador programme" in shown and "HR" in shown


# --- reopening a saved audit ---------------------------------------------------------------------


def editor_on_audits(lang: str = "en") -> AppTest:
    at = visit(boot(lang), "audits")
    at.text_input(key="audits_open_slug").input("acme-spa")
    at.text_input(key="audits_open_passphrase").input(EDITOR)
    button(at, "Open").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at


def test_open_in_the_dashboard_gives_the_same_overview_as_the_audit_had(acme, monkeypatch) -> None:
    """And it is prepared with the log's monthly sums kept with the audit: the log is not
    summed again (at enterprise scale, the longest step of preparing)."""
    first = min(a.id for a in list_audits(engine(), acme))
    stored = get_audit(engine(), acme, first)
    at = editor_on_audits()
    at.selectbox(key="audits_selected").set_value(first).run()
    summed = []
    real = cube_module.monthly_sums
    monkeypatch.setattr(cube_module, "monthly_sums", lambda *a: summed.append(1) or real(*a))
    button(at, "Open in the dashboard").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert summed == []
    assert [x.value for x in at.title] == ["Overview"]
    banner = " ".join(i.value for i in at.info)
    assert "First half" in banner and "Acme S.p.A." in banner
    session = at.session_state["session"]
    assert not session.sample and session.period == H1
    assert settings_toml(session.settings) == settings_toml(TUNED)
    again = Auditor(session.dataset).scorecard(session.settings, session.period, session.answers)
    assert to_document(again) == stored.scorecard
    expected = gaps_table(stored.to_scorecard(), "en").head(5)
    page = texts(at)  # the Overview's top five gaps, as wrapped lines
    assert all(metric in page for metric in expected["metric"])
    # Every page works on it, under the banner.
    for page in ("criteria", "gaps", "people", "data", "settings"):
        visit(at, page)
        assert not at.exception and "First half" in " ".join(i.value for i in at.info), page


def test_notes_written_on_the_pages_reach_the_executive_view(acme) -> None:
    store = engine()
    current = max(a.id for a in list_audits(store, acme))
    at = editor_on_audits()
    at.selectbox(key="audits_selected").set_value(current).run()
    # The summary, in the Saved audits page's notes.
    summary = next(a for a in at.text_area if a.key.startswith(f"notes_summary_{current}"))
    summary.input("Ambassadors first\nManagers lead\nReply faster")
    button(at, "Save the notes").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert audit_notes(store, acme, current).summary() == [
        "Ambassadors first",
        "Managers lead",
        "Reply faster",
    ]
    # A comment on a criterion, on the Criteria page of the reopened audit.
    button(at, "Open in the dashboard").click().run()
    visit(at, "criteria")
    box = next(a for a in at.text_area if a.key.startswith(f"notes_criterion_{current}_"))
    # notes_criterion_<audit>_<criterion>_<round>_text
    criterion = box.key.removeprefix(f"notes_criterion_{current}_").rsplit("_", 2)[0]
    box.input("Only marketing posts")
    button(at, "Save the notes").click().run()
    assert audit_notes(store, acme, current).criterion(criterion).comment == "Only marketing posts"
    # A gap's verdict (its table is a data editor: written through the store here).
    card = get_audit(store, acme, current).to_scorecard()
    top = gaps_table(card, "en").iloc[0]
    write_note(
        store,
        acme,
        current,
        f"gap:{top['metric_id']}",
        comment="HR will sponsor it",
        status="agreed",
        written_by="Consultant",
    )
    viewer = boot("en", workspace="acme-spa")
    viewer.text_input(key="executive_passphrase_input").input(VIEWER)
    button(viewer, "Open").click().run()
    said = texts(viewer)
    assert "Ambassadors first" in said and "Reply faster" in said
    assert "HR will sponsor it" in said and "Agreed" in said
    # And on the slides: the summary on the overall slide, the verdict on the criterion's.
    at = present("en", "acme-spa", VIEWER, slide="2")
    assert "Managers lead" in texts(at)
    at = present("en", "acme-spa", VIEWER, slide="4")  # the criterion of the top gap
    assert "HR will sponsor it" in texts(at) and "Agreed" in texts(at)


def test_a_viewer_reads_notes_but_gets_no_editor(acme) -> None:
    store = engine()
    current = max(a.id for a in list_audits(store, acme))
    write_summary(store, acme, current, "Kept for the board", written_by="Consultant")
    at = visit(boot("en"), "audits")
    at.text_input(key="audits_open_slug").input("acme-spa")
    at.text_input(key="audits_open_passphrase").input(VIEWER)
    button(at, "Open").click().run()
    assert not any(a.key and a.key.startswith("notes_") for a in at.text_area)
    assert "Open in the dashboard" not in [b.label for b in at.button]
