"""The everyday path through the app (AppTest): the period the user chose survives uploads,
removals and mappings; any days may be chosen; data beyond the period is pointed out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
from apptest import boot, visit
from streamlit.testing.v1 import AppTest

from dashboard.period import Period
from dashboard.ui.creators import search_employees

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
Q2 = Period(date(2026, 4, 1), date(2026, 6, 30))


def session(at: AppTest):
    return at.session_state["session"]


def metric(at: AppTest, metric_id: str):
    s = session(at)
    card = s.auditor.scorecard(s.settings, s.period or s.auditor.period())
    return next(m for c in card.criteria for m in c.metrics if m.id == metric_id)


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader[0].set_value([(name, data, "text/csv") for name, data in files]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_any_period_may_be_chosen_and_the_silence_runs_to_its_end() -> None:
    at = boot("en")
    last_day = session(at).auditor.period().end  # the sample's data ends on 31 October 2026
    beyond = Period(date(2026, 8, 1), date(2026, 12, 31))
    at.date_input(key="period_sidebar").set_value((beyond.start, beyond.end)).run()
    assert not at.exception
    assert session(at).period == beyond
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "The data covers" in captions and "silent" in captions
    # Days after the last post are silent: the silence reaches the end of the period.
    silence = metric(at, "consistency.longest_silence_days")
    assert silence.value >= (beyond.end - last_day).days


def test_the_chosen_period_survives_uploads_and_removals_and_new_data_is_pointed_out() -> None:
    at = visit(boot("en"), "data")
    upload(
        at,
        ("roster.csv", (SAMPLE / "roster.csv").read_bytes()),
        ("posts.csv", (SAMPLE / "company_posts.csv").read_bytes()),
    )
    assert not session(at).sample
    at.date_input(key="period_sidebar").set_value((Q2.start, Q2.end)).run()
    assert session(at).period == Q2
    # Another file, then a removal: the period stays what the user chose.
    upload(at, ("activity.csv", (SAMPLE / "employee_activity.csv").read_bytes()))
    assert session(at).period == Q2
    at.multiselect(key="remove_files").select("activity.csv").run()
    at.button(key="remove_button").click().run()
    assert [f.file for f in session(at).dataset.files] == ["roster.csv", "posts.csv"]
    assert session(at).period == Q2
    assert not any("now reaches beyond" in i.value for i in at.sidebar.info)
    # New data past the period's end: said, with a one-click change to the whole span.
    later = b"platform,post_id,published_at\nlinkedin,9001,2027-01-15 10:00\n"
    upload(at, ("january.csv", later))
    assert session(at).period == Q2
    assert any("now reaches beyond" in i.value for i in at.sidebar.info)
    at.sidebar.button(key="period_news_sidebar").click().run()
    assert session(at).period is None
    assert at.date_input(key="period_sidebar").value[1] == date(2027, 1, 15)
    assert not any("now reaches beyond" in i.value for i in at.sidebar.info)


def test_putting_the_sample_back_resets_the_period() -> None:
    at = visit(boot("it"), "data")
    at.date_input(key="period_sidebar").set_value((Q2.start, Q2.end)).run()
    at.button(key="clear_sample").click().run()
    at.button(key="load_sample").click().run()
    assert session(at).sample and session(at).period is None


# --- the Data page's feedback ---------------------------------------------------------------

ROSTER = b"""employee_id,department,name,email
E001,Vendite,Anna Neri,anna.neri@acme.it
E002,IT,Luca Bassi,luca.bassi@acme.it
"""


def roster(extra: str) -> bytes:
    """The roster with one more employee: each test uploads its own bytes."""
    return ROSTER + f"{extra},IT,,\n".encode()


def test_partial_loads_are_amber_and_say_how_many_rows_were_rejected() -> None:
    at = visit(boot("en"), "data")
    posts = (
        b"platform,post_id,published_at\n"
        b"linkedin,1,2026-01-05 10:00\nlinkedin,2,2026-01-06 10:00\n"
        b"linkedin,3,not a date\nlinkedin,4,9999-12-31\nlinkedin,5,yesterday\nlinkedin,6,\n"
    )
    upload(at, ("posts.csv", posts))
    loaded = session(at).loads[0]
    assert (loaded.rows_loaded, loaded.rows_rejected) == (2, 4)
    assert not any("posts.csv" in s.value for s in at.success)
    assert any("2 of 6 rows loaded" in w.value and "4 rejected" in w.value for w in at.warning)


def test_a_short_row_is_a_warning_with_its_row() -> None:
    at = visit(boot("it"), "data")
    upload(at, ("anagrafica.csv", ROSTER + b"E003,IT\n"))
    assert any("anagrafica.csv" in w.value and "1 avviso" in w.value for w in at.warning)
    assert not any("anagrafica.csv" in s.value for s in at.success)
    report = at.dataframe[1].value
    assert 4 in set(report["Riga"].dropna())  # E003 has two fields of four: row 4


def test_people_who_match_nobody_are_a_warning_and_their_metrics_are_not_measured() -> None:
    at = visit(boot("en"), "data")
    summary = (
        b"employee_id,posts,shares\nghost@acme.it,5,5\nMario Sconosciuto,1,0\nghost@acme.it,2,2\n"
    )
    upload(at, ("roster.csv", roster("E801")), ("advocacy.csv", summary))
    assert any("advocacy.csv" in w.value for w in at.warning)
    report = at.dataframe[1].value
    row = report[report["File"] == "advocacy.csv"].iloc[0]
    assert "3 of 3 rows" in row["Detail"]
    assert row["Value"].startswith("ghost@acme.it")  # the most frequent first
    card = session(at).auditor.scorecard(session(at).settings, session(at).auditor.period())
    participation = card.metric("involvement.participation_rate").measure
    assert participation.value is None  # not a measured 0 %


def test_a_removed_file_leaves_the_page() -> None:
    at = visit(boot("en"), "data")
    posts = b"platform,post_id,published_at\nlinkedin,1,2026-01-05 10:00\nlinkedin,2,soon\n"
    upload(at, ("roster.csv", roster("E802")), ("posts.csv", posts))
    assert any("posts.csv" in w.value for w in at.warning)
    at.multiselect(key="remove_files").select("posts.csv").run()
    at.button(key="remove_button").click().run()
    assert not any("posts.csv" in m.value for m in [*at.warning, *at.success, *at.error])
    assert at.multiselect(key="remove_files").value == []
    assert at.multiselect(key="remove_files").options == ["roster.csv"]
    report = at.dataframe[1].value if len(at.dataframe) > 1 else None
    assert report is None or "posts.csv" not in set(report["File"])


def test_the_creator_picker_finds_employees_by_name_and_offers_their_ids() -> None:
    people = pl.DataFrame(
        {
            "employee_id": ["E001", "E002", "E003"],
            "name": ["Nicolò D'Angelo", "Anna Neri", "Angela Neri"],
            "email": ["n.dangelo@acme.it", "anna.neri@acme.it", None],
        }
    )
    assert search_employees(people, "d'angelo") == ["E001"]
    assert search_employees(people, "NICOLO") == ["E001"]
    assert search_employees(people, "neri") == ["E002", "E003"]
    assert search_employees(people, "anna neri") == ["E002"]
    assert search_employees(people, "rossi") == []
    assert search_employees(people, "  ") is None  # nothing typed: the whole list
    assert search_employees(people, "neri", limit=1) == ["E002"]
