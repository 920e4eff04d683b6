"""The everyday path through the app (AppTest): the period the user chose survives uploads,
removals and mappings; any days may be chosen; data beyond the period is pointed out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.period import Period

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
SAMPLE = ROOT / "sample_data"
LOCALES = {"en": "en-US", "it": "it-IT"}
Q2 = Period(date(2026, 4, 1), date(2026, 6, 30))


def boot(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.context = {"locale": LOCALES[lang]}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def visit(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"dashboard/app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


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
