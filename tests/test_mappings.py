"""Column-mapping memory: signatures, the stores (in the database per owner, or in memory),
guesses, and load_file reusing a mapping."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from dashboard.ingest import load_file
from dashboard.ingest.mappings import (
    Mappings,
    MemoryMappings,
    guess_mapping,
    header_signature,
    looks_like_data,
    resolve,
)
from dashboard.store import open_store
from dashboard.store.mappings import (
    LOCAL,
    StoredMappings,
    import_file,
    user_owner,
    workspace_owner,
)
from dashboard.store.models import ColumnMapping

# A scheduler's report no adapter knows (Sprout-like): the user maps it once.
REPORT = "Network,Sent on,Message,Impr.,Eng.\nLinkedIn,2026-03-02,Hello,120,7\nTwitter,2026-03-03,Hi,80,2\n"
REORDERED = "Message,Eng.,Impr.,Sent on,Network\nCiao,3,50,2026-04-01,LinkedIn\n"
HEADER = ["Network", "Sent on", "Message", "Impr.", "Eng."]
BY_NAME = {
    "platform": "Network",
    "published_at": "Sent on",
    "text": "Message",
    "impressions": "Impr.",
}


@pytest.fixture(params=["memory", "store"])
def store(request, tmp_path: Path) -> Mappings:
    """Each test runs on both: a session's memory, and an owner's rows in the store."""
    if request.param == "memory":
        return MemoryMappings()
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}", sample=False)
    request.addfinalizer(engine.dispose)
    return StoredMappings(engine, workspace_owner("acme"))


def test_signature_ignores_order_and_outer_spaces_only() -> None:
    assert header_signature(["Data", "Città", "Impressioni"]) == header_signature(
        [" Impressioni", "Città ", "Data"]
    )
    # A mapping is applied only on the exact header: case and accents count.
    assert header_signature(["Data", "Città"]) != header_signature(["data", "Citta"])
    assert header_signature(["Data", "Impressioni"]) != header_signature(["Data", "Copertura"])
    assert header_signature(["日付", "いいね"]) != header_signature(["日付", "返信"])


def test_a_row_of_values_is_not_a_header() -> None:
    assert looks_like_data(["E000045", "Mario Rossi", "Vendite"])
    assert looks_like_data(["Anna", "anna@azienda.it", "HR"])
    assert looks_like_data(["LinkedIn", "2026-03-02", "Hello", "120"])
    assert not looks_like_data(["Network", "Sent on", "Message", "Impr.", "Eng."])
    assert not looks_like_data(["Matricola", "Nome", "Ufficio interno", "Q1 2026"])


def test_store_round_trip(store: Mappings) -> None:
    assert store.find("abc") is None  # nothing saved yet
    before = store.revision()
    assert store.save("abc", "company_posts", BY_NAME)
    store.save("def", "roster", {"employee_id": 0, "department": 2})
    assert store.find("abc") == ("company_posts", BY_NAME)
    assert store.find("def") == ("roster", {"employee_id": 0, "department": 2})
    assert store.revision() != before
    store.save("abc", "employee_summary", {"employee_id": "Network"})  # confirmed again
    assert store.find("abc") == ("employee_summary", {"employee_id": "Network"})
    with pytest.raises(ValueError):
        store.save("x", "no_such_table", {})
    # A "header" that is a row of data is never kept, in any store.
    assert not store.save("row", "roster", {"employee_id": 0}, ["E000045", "Mario Rossi", "HR"])
    assert store.find("row") is None


def test_each_owner_has_its_own_mappings_and_every_instance_sees_them(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    first, second = open_store(url, sample=False), open_store(url, sample=False)
    try:
        StoredMappings(first, workspace_owner("acme")).save("abc", "company_posts", BY_NAME)
        # Another instance on the same database, the same owner: it loads by itself there too.
        assert StoredMappings(second, workspace_owner("acme")).find("abc") == (
            "company_posts",
            BY_NAME,
        )
        # Another workspace, a user, the local user: nobody else's mapping applies.
        for owner in (workspace_owner("beta"), user_owner("anna@acme.it"), LOCAL):
            assert StoredMappings(second, owner).find("abc") is None
        with first.connect() as connection:
            rows = connection.execute(select(ColumnMapping)).all()
        assert [(r.owner, r.signature) for r in rows] == [("workspace:acme", "abc")]
    finally:
        first.dispose(), second.dispose()


def test_a_mappings_file_from_before_is_imported_once_for_the_local_user(
    tmp_path, monkeypatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("PRESENZA_DATA_DIR", str(folder))
    legacy = {"abc": {"table": "company_posts", "mapping": BY_NAME}, "bad": {"table": "nope"}}
    (folder / "mappings.json").write_text(json.dumps(legacy), encoding="utf-8")
    engine = open_store(f"sqlite:///{folder / 'presenza.db'}", sample=False)
    try:
        assert import_file(engine, folder / "mappings.json") == 0  # start-up imported it already
    finally:
        engine.dispose()
    assert not (folder / "mappings.json").exists()
    assert (folder / "mappings.json.imported").exists()
    engine = open_store(f"sqlite:///{folder / 'presenza.db'}", sample=False)
    try:
        assert StoredMappings(engine, LOCAL).find("abc") == ("company_posts", BY_NAME)
        assert StoredMappings(engine, LOCAL).find("bad") is None
        (folder / "mappings.json").write_text("{not json", encoding="utf-8")
        assert import_file(engine, folder / "mappings.json") == 0  # damaged: nothing, no error
    finally:
        engine.dispose()


def test_resolve_names_and_indices_against_a_header() -> None:
    reordered = ["Message", "Eng.", "impr", "Sent on", "NETWORK"]
    assert resolve(reordered, BY_NAME) == {
        "platform": 4,
        "published_at": 3,
        "text": 0,
        "impressions": 2,
    }
    assert resolve(HEADER, {"platform": 0, "text": 9}) == {"platform": 0}


def test_guess_mapping_exact_export_and_fuzzy_names() -> None:
    header = ["Orario di pubblicazione", "Piattaforma", "Impresions", "Testo", "Colonna X"]
    assert guess_mapping(header, "company_posts") == {
        "published_at": 0,  # Meta's Italian header, known from the adapter
        "platform": 1,  # schema alias
        "impressions": 2,  # a typo, matched fuzzily
        "text": 3,
    }


def test_guess_mapping_uses_each_column_once() -> None:
    guesses = guess_mapping(["Date", "Data", "Email", "Shares"], "employee_summary")
    assert len(set(guesses.values())) == len(guesses)
    assert guesses["shares"] == 3


def test_load_file_applies_a_saved_mapping(store: Mappings) -> None:
    assert not load_file("sprout.csv", REPORT.encode()).ok  # not a layout it knows
    store.save(header_signature(HEADER), "company_posts", BY_NAME)
    mapped = load_file("sprout.csv", REPORT.encode(), mappings=store)
    assert mapped.ok and (mapped.format, mapped.table) == ("mapped", "company_posts")
    assert mapped.frame.select("platform", "published_at", "impressions").rows() == [
        ("linkedin", datetime(2026, 3, 2), 120),
        ("x", datetime(2026, 3, 3), 80),
    ]
    again = load_file("sprout_april.csv", REORDERED.encode(), mappings=store)
    assert again.frame.select("platform", "text", "impressions").rows() == [
        ("linkedin", "Ciao", 50)
    ]


def test_a_saved_mapping_never_overrides_a_recognised_file(store: Mappings) -> None:
    canonical = "platform,published_at\nlinkedin,2026-03-02\n"
    store.save(header_signature(["platform", "published_at"]), "roster", {"employee_id": 0})
    assert load_file("posts.csv", canonical.encode(), mappings=store).format == "canonical"
