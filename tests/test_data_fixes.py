"""The Data page's two fixes for a file the loader could not read on its own: mapping its
columns by hand (saved, then applied by itself to the next file with the same header),
and choosing whose a per-employee LinkedIn export is. Real bytes throughout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from dashboard.ingest import Dataset, load_file
from dashboard.ingest.mappings import header_signature
from dashboard.ingest.upload import Upload
from dashboard.store.db import DATA_DIR_VARIABLE, URL_VARIABLE, make_engine
from dashboard.store.models import ColumnMapping
from dashboard.ui import creators, mapping, uploads

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
CREATOR = EXPORTS / "AggregateAnalytics_Mario_Rossi_2026-01-01_2026-03-31.xlsx"
OTHER_CREATOR = EXPORTS / "Content_2026-01-01_2026-03-31_Giulia_Bianchi.xlsx"

# A scheduler's report no adapter knows: the user maps it once.
REPORT = (
    b"Network,Sent on,Message,Impr.,Eng.\n"
    b"LinkedIn,2026-03-02,Hello,120,7\n"
    b"Twitter,2026-03-03,Hi,80,2\n"
    b"LinkedIn,2026-03-09,Again,95,4\n"
)
# The next month's report: the same header, other rows, columns in another order.
NEXT = b"Message,Eng.,Impr.,Sent on,Network\nCiao,3,50,2026-04-01,LinkedIn\n"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saved mappings go to a fresh store per test, never to the checkout's ./data."""
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    uploads.held().keep_only(())
    return folder


def saved_rows(folder: Path) -> list[tuple[str, str, str, dict]]:
    """Every mapping row of the test's store: owner, signature, table, mapping."""
    engine = make_engine(f"sqlite:///{folder / 'presenza.db'}")
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(ColumnMapping)).all()
        return [(r.owner, r.signature, r.table_name, r.mapping) for r in rows]
    finally:
        engine.dispose()


# --- the helpers, with real bytes ----------------------------------------------------------


def test_an_unknown_layout_is_offered_for_mapping_with_guesses() -> None:
    _, loaded = uploads.handle_uploads([("sprout.csv", REPORT)], None, Dataset())
    assert not loaded[0].ok and loaded[0].problems[0].code in uploads.MAPPABLE
    assert loaded[0].digest in uploads.held()  # held while the form is open
    [offer] = mapping.offers(loaded)
    assert offer.header == ("Network", "Sent on", "Message", "Impr.", "Eng.")
    assert offer.table == "company_posts"
    guesses = mapping.guesses(offer, "company_posts")
    assert guesses == {"platform": 0, "text": 2}  # "Network", "Message": known names
    assert offer.column_label(mapping.NONE, "— none —") == "— none —"
    # Headers that mean nothing to the loader still get a form (every column at none).
    _, mystery = uploads.handle_uploads(
        [("mystery.csv", b"colour,flavour\nred,sweet\n")], None, Dataset()
    )
    assert mystery[0].problems[0].code == "unknown_layout"
    [offer] = mapping.offers(mystery)
    assert offer.header == ("colour", "flavour") and mapping.guesses(offer, offer.table) == {}


def test_loading_with_a_mapping_saves_it_and_lets_the_bytes_go(data_dir: Path) -> None:
    _, loaded = uploads.handle_uploads([("sprout.csv", REPORT)], None, Dataset())
    [offer] = mapping.offers(loaded)
    # The user confirms the guesses and picks what no guess found.
    chosen = {
        **mapping.guesses(offer, "company_posts"),
        "published_at": 1,
        "impressions": 3,
        "reactions": 4,
        "author": mapping.NONE,
    }
    assert mapping.problems("company_posts", chosen) == ([], [])
    assert mapping.problems("company_posts", {"platform": 0, "text": 0}) == (
        ["published_at"],
        ["platform", "text"],
    )
    result = mapping.load_mapped(offer, "company_posts", chosen)
    assert result.ok and (result.format, result.table) == ("mapped", "company_posts")
    assert result.frame.select("platform", "impressions", "reactions").rows()[:2] == [
        ("linkedin", 120, 7),
        ("x", 80, 2),
    ]
    assert offer.digest not in uploads.held()
    # Saved in the store, for the local user, by header names only: no cell of the file.
    mapped = {
        "platform": "Network",
        "published_at": "Sent on",
        "text": "Message",
        "impressions": "Impr.",
        "reactions": "Eng.",
    }
    rows = saved_rows(data_dir)
    assert rows == [("local", header_signature(offer.header), "company_posts", mapped)]
    assert "Hello" not in json.dumps(rows)
    # The next file with the same header loads by itself.
    _, again = uploads.handle_uploads([("sprout_april.csv", NEXT)], None, Dataset())
    assert again[0].ok and again[0].format == "mapped"
    assert again[0].frame.select("text", "reactions").rows() == [("Ciao", 3)]
    assert mapping.offers(again) == [] and len(uploads.held()) == 0


def test_saved_form_uses_indices_for_blank_or_repeated_headers() -> None:
    header = ["Date", "", "Value", "value"]
    assert mapping.saved_form(header, {"published_at": 0, "platform": 1, "reach": 3}) == {
        "published_at": "Date",
        "platform": 1,
        "reach": 3,
    }


def test_held_bytes_are_bounded() -> None:
    def up(data: bytes) -> Upload:
        return Upload("f.csv", data)

    held = uploads.Held(files=2, size=10)
    held.put("a", up(b"1234"))
    held.put("b", up(b"1234"))
    held.put("c", up(b"1234"))  # three files: the oldest goes
    assert "a" not in held and len(held) == 2
    held.put("d", up(b"123456"))  # over 10 bytes in all: the oldest go until it fits
    assert "b" not in held and "c" in held and held.total == 10
    assert held.get("c").data == b"1234"  # used: now the newest
    held.put("e", up(b"12345"))
    assert "d" not in held and "c" in held
    assert not held.put("e", up(b"x" * 11))  # alone over the limit: not held


def test_a_missing_column_is_mappable_and_the_best_table_is_preselected() -> None:
    roster = b"Matricola,Nome,Ufficio interno\nE1,Anna,Vendite\nE2,Luca,HR\n"
    _, loaded = uploads.handle_uploads([("people.csv", roster)], None, Dataset())
    assert not loaded[0].ok
    assert {p.code for p in loaded[0].problems} & uploads.MAPPABLE
    [offer] = mapping.offers(loaded)
    assert offer.table == "roster"
    guesses = mapping.guesses(offer, "roster")
    assert guesses["employee_id"] == 0 and guesses["name"] == 1
    result = mapping.load_mapped(offer, "roster", {**guesses, "department": 2})
    assert result.ok and result.frame["department"].to_list() == ["Vendite", "HR"]


def test_creator_employee_from_the_roster_or_chosen() -> None:
    roster = load_file("roster.csv", (EXPORTS / "roster.csv").read_bytes())
    dataset, _ = uploads.handle_uploads(
        [(CREATOR.name, CREATOR.read_bytes())], None, Dataset().add(roster)
    )
    [item] = creators.creator_files(dataset)
    assert item.held and item.matched and item.employee == "E001"  # Mario Rossi, by name
    renamed = "AggregateAnalytics_Marco_Gialli_2026-01-01_2026-03-31.xlsx"
    dataset, _ = uploads.handle_uploads(
        [(renamed, CREATOR.read_bytes())], None, Dataset().add(roster)
    )
    [item] = creators.creator_files(dataset)
    assert not item.matched and creators.file_employee(item.loaded) == "Marco Gialli"
    options = creators.employee_options(dataset.table("roster"))
    assert options[:3] == ["E001", "E002", "E003"]
    assert creators.option_label("E003", None) == "E003"  # pseudonymous unless names are on
    assert creators.option_label("E003", {"E003": "Luca Verdi"}) == "E003 — Luca Verdi"
    again = creators.reload_as(item.loaded, "E003")
    assert again.ok and again.format == "linkedin_creator"
    assert set(again.frame["employee_id"]) == {"E003"}
    assert creators.creator_files(dataset.add(again))[0].employee == "E003"
    assert creators.employee_options(dataset.table("roster"), limit=3) is None


def test_a_creator_file_that_names_no_one_waits_for_the_employee() -> None:
    roster = load_file("roster.csv", (EXPORTS / "roster.csv").read_bytes())
    dataset, loaded = uploads.handle_uploads(
        [("export.xlsx", CREATOR.read_bytes())], None, Dataset().add(roster)
    )
    assert not loaded[0].ok and loaded[0].format == "linkedin_creator"
    assert mapping.offers(loaded) == []  # no columns to map: an employee to choose
    [item] = creators.creator_files(dataset, loaded)
    assert item.failed and not item.matched and item.held
    again = creators.reload_as(item.loaded, "E002")
    assert again.ok and set(again.frame["employee_id"]) == {"E002"}


# --- the page ------------------------------------------------------------------------------


def boot(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.context = {"locale": {"en": "en-US", "it": "it-IT"}[lang]}
    at.run()
    at.switch_page("dashboard/app_pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def session(at: AppTest):
    return at.session_state["session"]


def test_the_data_page_maps_a_file_then_loads_the_next_one_by_itself(data_dir: Path) -> None:
    at = boot("en")
    at.file_uploader[0].set_value([("sprout.csv", REPORT, "text/csv")]).run()
    assert not at.exception
    [offer] = session(at).offers
    assert any("Map its columns below" in w.value for w in at.warning)
    assert at.selectbox(key=f"map_table_{offer.digest}").value == "company_posts"
    pick = {c: at.selectbox(key=f"map_{offer.digest}_company_posts_{c}") for c in ("platform",)}
    assert pick["platform"].value == 0  # guessed: "Network"
    assert at.selectbox(key=f"map_{offer.digest}_company_posts_text").value == 2
    assert at.selectbox(key=f"map_{offer.digest}_company_posts_author").value == mapping.NONE
    assert "platform \\*" in at.selectbox(key=f"map_{offer.digest}_company_posts_platform").label
    # No upload bytes in session state while the form is open.
    assert not any(isinstance(v, bytes | bytearray) for v in vars(session(at)).values())
    load = next(b for b in at.button if b.label == "Load with this mapping")
    load.click().run()  # a required column left at none: nothing is loaded
    assert any("published\\_at" in e.value for e in at.error) and session(at).offers
    for column, index in (("published_at", 1), ("impressions", 3), ("reactions", 4)):
        at.selectbox(key=f"map_{offer.digest}_company_posts_{column}").set_value(index)
    next(b for b in at.button if b.label == "Load with this mapping").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    s = session(at)
    assert not s.offers and not s.sample
    [loaded] = s.dataset.files
    assert (loaded.file, loaded.format, loaded.rows_loaded) == ("sprout.csv", "mapped", 3)
    assert any("mapping is saved" in m.value for m in at.success)
    assert "columns mapped by hand" in set(at.dataframe[0].value["Format"])
    assert [row[0] for row in saved_rows(data_dir)] == ["local"]

    at.file_uploader[0].set_value([("sprout_april.csv", NEXT, "text/csv")]).run()
    assert not at.exception and not at.error
    s = session(at)
    assert not s.offers  # no form: the saved mapping applied by itself
    assert {f.file: f.format for f in s.dataset.files} == {
        "sprout.csv": "mapped",
        "sprout_april.csv": "mapped",
    }
    assert not [b for b in at.selectbox if (b.key or "").startswith("map_table_")]
    assert any(
        "sprout\\_april.csv: loaded as company-page posts with the column mapping saved" in m.value
        for m in at.success
    )


def test_the_data_page_lets_the_user_choose_a_creator_files_employee() -> None:
    at = boot("it")
    roster = (EXPORTS / "roster.csv").read_bytes()
    renamed = "AggregateAnalytics_Marco_Gialli_2026-01-01_2026-03-31.xlsx"
    at.file_uploader[0].set_value(
        [
            ("roster.csv", roster, "text/csv"),
            (renamed, CREATOR.read_bytes(), "application/vnd.ms-excel"),
            ("export.xlsx", OTHER_CREATOR.read_bytes(), "application/vnd.ms-excel"),
        ]
    ).run()
    assert not at.exception
    assert any("non corrisponde a nessun dipendente" in w.value for w in at.warning)
    assert any("export.xlsx: non caricato, perché il nome del file" in w.value for w in at.warning)
    assert not session(at).offers and not any("Abbinare" in s.value for s in at.subheader)
    [loaded] = [f for f in session(at).dataset.files if f.format == "linkedin_creator"]
    box = at.selectbox(key=f"creator_{loaded.digest}")
    assert box.value is None and box.options[:2] == ["E001", "E002"]  # ids, no names
    box.set_value("E004").run()
    at.button(key=f"creator_reload_{loaded.digest}").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    [loaded] = [f for f in session(at).dataset.files if f.file == renamed]
    assert set(loaded.frame["employee_id"]) == {"E004"}
    assert any("ricaricato per il dipendente E004" in m.value for m in at.success)
    assert not any("non corrisponde" in w.value for w in at.warning)
    # The export whose file name names no one loads once its employee is chosen.
    [failed] = [f for f in session(at).loads if f.file == "export.xlsx"]
    at.selectbox(key=f"creator_{failed.digest}").set_value("E002").run()
    at.button(key=f"creator_reload_{failed.digest}").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    files = {f.file: f for f in session(at).dataset.files}
    assert set(files["export.xlsx"].frame["employee_id"]) == {"E002"}
    assert not any("export.xlsx" in w.value for w in at.warning)
    # Names appear beside the ids only when the user turns them on.
    at.toggle(key="show_names").set_value(True).run()
    box = at.selectbox(key=f"creator_{loaded.digest}_names")
    assert "E004 — Sara Neri" in box.options and box.value == "E004"


def test_a_session_working_in_a_workspace_keeps_its_mappings_there(data_dir: Path) -> None:
    """Mappings belong to the workspace the session edits (else its user), not the server:
    another workspace's files are never read with them."""
    from dashboard.store import create_workspace, open_store

    store = open_store()
    try:
        access = create_workspace(store, "acme", editor_passphrase="rondine verde sul tetto")
    finally:
        store.dispose()
    at = boot("en")
    at.session_state["store_access"] = {"acme": access}
    at.session_state["store_workspace"] = "acme"
    at.file_uploader[0].set_value([("sprout.csv", REPORT, "text/csv")]).run()
    [offer] = session(at).offers
    for column, index in (("published_at", 1), ("impressions", 3), ("reactions", 4)):
        at.selectbox(key=f"map_{offer.digest}_company_posts_{column}").set_value(index)
    next(b for b in at.button if b.label == "Load with this mapping").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [(row[0], row[2]) for row in saved_rows(data_dir)] == [
        ("workspace:acme", "company_posts")
    ]
    # Outside that workspace (the local user), the same header is not recognised.
    _, again = uploads.handle_uploads([("sprout_april.csv", NEXT)], None, Dataset())
    assert not again[0].ok and mapping.offers(again)
