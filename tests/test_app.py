"""The Streamlit app driven by AppTest: boot on the sample, every page in both languages,
uploads good and bad, the questionnaire, weights, period, names, downloads, errors."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import audit as audit_module
from dashboard.criteria import registry
from dashboard.criteria.advice import recommendation
from dashboard.gaps import gap_list
from dashboard.i18n import language_of, t
from dashboard.ingest import Dataset
from dashboard.period import Period
from dashboard.settings import Settings, dump_settings
from dashboard.ui import uploads
from dashboard.ui.tables import apply_metric_edits, metric_settings_frame

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
SAMPLE = ROOT / "sample_data"
PAGES = ("overview", "criteria", "people", "gaps", "data", "settings")
LOCALES = {"en": "en-US", "it": "it-IT"}
VIEW_FILES = [
    ROOT / "streamlit_app.py",
    ROOT / "dashboard" / "ui" / "app.py",
    *sorted((ROOT / "dashboard" / "charts").glob("*.py")),
    *sorted((ROOT / "dashboard" / "app_pages").glob("*.py")),
    *sorted((ROOT / "dashboard" / "ui").glob("*.py")),
    *sorted((ROOT / "dashboard" / "report").glob("*.py")),
]


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


def overall(at: AppTest) -> float:
    return session(at).auditor.scorecard(session(at).settings, session(at).period).score


@pytest.fixture(scope="module")
def app() -> AppTest:
    """One booted app shared by the read-only tests (each test that changes state boots its own)."""
    return boot("en")


# --- boot, pages, languages ------------------------------------------------------------


def test_boot_loads_the_sample_and_shows_the_overview(app: AppTest) -> None:
    s = session(app)
    assert s.sample and {f.table for f in s.dataset.files if f.table} == {
        "company_posts",
        "employee_activity",
        "roster",
    }
    assert [x.value for x in app.title] == ["Overview"]
    assert [x.value for x in app.subheader][:2] == ["Overall index", "Criteria"]
    measured = next(m for m in app.metric if m.label == "Criteria measured")
    assert measured.value == "12 of 12"
    assert any("Sample data" in c.value for c in app.caption)
    assert len(app.get("plotly_chart")) == 2
    # The top five gaps as lines, each recommendation whole (never cut to a table cell).
    lines = [m.value for m in app.markdown if m.value.startswith("**") and ". " in m.value]
    assert [line.split(".")[0] for line in lines] == ["**1", "**2", "**3", "**4", "**5"]
    card = s.auditor.scorecard(s.settings, s.auditor.period())
    first = gap_list(card)[0].metric
    whole = [c.value.replace("\\", "") for c in app.caption]  # Markdown escapes aside
    assert recommendation(first, "en") in whole


def test_italian_browser_opens_in_italian() -> None:
    at = boot("it")
    assert at.session_state["lang"] == "it"
    assert [x.value for x in at.title] == ["Panoramica"]
    assert any(m.label == "Criteri misurati" and m.value == "12 su 12" for m in at.metric)


@pytest.mark.parametrize("lang", list(LOCALES))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_errors(lang: str, page: str) -> None:
    at = visit(boot(lang), page)
    assert not at.error, [e.value for e in at.error]
    assert [x.value for x in at.title] == [t(f"ui.nav.{page}", lang)]


def test_language_switch_in_the_sidebar() -> None:
    at = boot("en")
    at.segmented_control(key="lang_sidebar").set_value("it").run()
    assert at.session_state["lang"] == "it"
    assert [x.value for x in at.title] == ["Panoramica"]
    visit(at, "settings")
    assert at.segmented_control(key="lang_settings").value == "it"
    at.segmented_control(key="lang_settings").set_value("en").run()
    assert [x.value for x in at.title] == ["Settings"]


@pytest.mark.parametrize("lang", list(LOCALES))
def test_criteria_page_has_a_section_per_criterion(lang: str) -> None:
    at = visit(boot(lang), "criteria")
    titles = [c.title[lang] for c in registry.criteria()]
    assert [h.value for h in at.header] == titles[:1]  # one clean section at a time
    at.button[1].click().run()  # next
    assert [h.value for h in at.header] == titles[1:2]
    at.selectbox(key="criterion_pick").set_value("__all__").run()
    assert not at.exception and not at.error
    assert [h.value for h in at.header] == titles
    sentences = " ".join(m.value for m in at.markdown)
    target = "obiettivo" if lang == "it" else "target"
    assert sentences.count(target) >= 30  # one sentence per metric, each with its target
    assert len(at.get("plotly_chart")) == 12
    # Each criterion's sources: the articles by title, the place in the reader's language,
    # never the seed file's number ("000 point 1").
    sources = [c.value for c in at.caption if c.value.startswith(t("audit.seed", lang))]
    assert len(sources) == 12
    assert not re.search(r"\b00\d\b", " ".join(sources)), sources
    place = "punto 1" if lang == "it" else "point 1"
    assert any("Social media strategy" in s and place in s for s in sources), sources


def test_criteria_sentences_carry_counts_and_target() -> None:
    at = visit(boot("en"), "criteria")
    at.selectbox(key="criterion_pick").set_value("involvement").run()
    text = " ".join(m.value for m in at.markdown)
    assert "Participation 9% (14 of 150 employees), target 30%" in text


# --- period and speed -------------------------------------------------------------------


# How fast a rerun is, is measured by benchmarks/bench_dashboard.py. Here: the work a rerun
# does. Preparing the data is the heavy step, and must never follow a period, language or
# weight change; a period is measured once per criterion, and nothing is measured again
# for a new language or a new weight.


class _Work:
    """Counts the preparations and the criterion measurements the app asks for."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.prepared = 0
        self.measured: list[str] = []
        real_prepare, real_measure = audit_module.prepare, audit_module.measure_criterion

        def prepare(*args, **kwargs):
            self.prepared += 1
            return real_prepare(*args, **kwargs)

        def measure(spec, context):
            self.measured.append(spec.id)
            return real_measure(spec, context)

        monkeypatch.setattr(audit_module, "prepare", prepare)
        monkeypatch.setattr(audit_module, "measure_criterion", measure)

    def reset(self) -> None:
        self.prepared, self.measured = 0, []


def test_a_period_change_rescores_without_preparing_again(monkeypatch) -> None:
    at = boot("en")
    before = overall(at)
    work = _Work(monkeypatch)
    at.date_input(key="period_sidebar").set_value((date(2026, 5, 1), date(2026, 10, 31))).run()
    assert session(at).period == Period(date(2026, 5, 1), date(2026, 10, 31))
    assert "2026-05-01" in " ".join(c.value for c in at.caption)
    assert overall(at) != before
    assert work.prepared == 0
    # Once per criterion at most (another test in this process may have measured it).
    assert len(work.measured) == len(set(work.measured)) <= len(registry.criteria())


def test_language_and_weight_changes_measure_nothing_again(monkeypatch) -> None:
    at = boot("en")
    work = _Work(monkeypatch)
    at.segmented_control(key="lang_sidebar").set_value("it").run()
    assert (work.prepared, work.measured) == (0, [])
    visit(at, "settings")
    work.reset()
    before = overall(at)
    at.select_slider(key="cw_involvement_0").set_value(3.0).run()
    assert overall(at) != before  # the new weight took effect
    assert (work.prepared, work.measured) == (0, [])


# --- uploads ------------------------------------------------------------------------------


def test_upload_handler_with_real_bytes() -> None:
    roster = (SAMPLE / "roster.csv").read_bytes()
    bad = b"colour,flavour\nred,sweet\n"
    dataset, loaded = uploads.handle_uploads(
        [("roster.csv", roster), ("mystery.csv", bad)], None, Dataset(), replace=True
    )
    assert [f.ok for f in loaded] == [True, False]
    assert [f.file for f in dataset.files] == ["roster.csv"]
    assert loaded[1].problems[0].code == "unknown_layout"
    # Saying what the file is forces the table.
    _, forced = uploads.handle_uploads([("people.csv", roster)], "roster", Dataset())
    assert forced[0].table == "roster"
    _, wrong = uploads.handle_uploads([("roster.csv", roster)], "questionnaire", Dataset())
    assert not wrong[0].ok and wrong[0].problems[0].code == "bad_questionnaire"


def test_upload_good_and_bad_files_through_the_page() -> None:
    at = visit(boot("en"), "data")
    assert any("SAMPLE DATA" in w.value for w in at.warning)
    roster = (SAMPLE / "roster.csv").read_bytes()
    posts = (SAMPLE / "company_posts.csv").read_bytes()
    at.file_uploader[0].set_value(
        [
            ("roster.csv", roster, "text/csv"),
            ("posts.csv", posts, "text/csv"),
            ("broken.xlsx", b"\x00\x01\x02 not a workbook", "application/octet-stream"),
        ]
    ).run()
    assert not at.exception
    s = session(at)
    assert not s.sample  # the user's files replaced the sample
    assert sorted(f.file for f in s.dataset.files) == ["posts.csv", "roster.csv"]
    assert [f.ok for f in s.loads[:3]] == [False, True, True]
    assert any("broken.xlsx" in e.value for e in at.error)
    assert sum("loaded as" in m.value for m in at.success) == 2
    assert any("replaced the sample" in i.value for i in at.info)
    files, report = at.dataframe[0].value, at.dataframe[1].value
    assert set(files["File"]) == {"roster.csv", "posts.csv", "broken.xlsx"}
    assert "not loaded" in set(files["Status"])
    assert "broken.xlsx" in set(report["File"])
    # The uploader was replaced by a fresh one: the bytes are gone from session state.
    assert s.upload_round == 1
    assert at.file_uploader[0].key.endswith("_1")
    assert "uploader_0" not in at.session_state
    assert not any(isinstance(v, bytes | bytearray) for v in vars(s).values())
    # Every page still renders on the user's own (partial) data.
    for page in PAGES:
        visit(at, page)
        errors = [e.value for e in at.error if "broken.xlsx" not in e.value]
        assert not errors, (page, errors)


def test_the_same_file_uploaded_twice_in_a_session_reads_from_the_cache() -> None:
    """A second upload of the same bytes is served from the session's cache, whose read
    reported progress into the first run's elements: nothing may replay them."""
    at = visit(boot("en"), "data")
    roster = (SAMPLE / "roster.csv").read_bytes()
    for _ in range(2):
        at.file_uploader[0].set_value([("roster.csv", roster, "text/csv")]).run()
        assert not at.exception, [e.value for e in at.exception]
        assert not any("failed" in e.value for e in at.error), [e.value for e in at.error]
        assert [f.file for f in session(at).dataset.files] == ["roster.csv"]
    assert session(at).upload_round == 2


def test_clear_sample_leaves_an_empty_audit() -> None:
    at = visit(boot("it"), "data")
    at.button(key="clear_sample").click().run()
    assert not session(at).dataset.files
    visit(at, "overview")
    assert any("Nessun dato" in i.value for i in at.info)
    visit(at, "data")
    at.button(key="load_sample").click().run()
    assert session(at).sample


# --- questionnaire, settings --------------------------------------------------------------


def test_questionnaire_changes_the_governance_score() -> None:
    at = visit(boot("en"), "data")

    def governance() -> float:
        s = session(at)
        return s.auditor.scorecard(questionnaire=s.answers).criterion("governance").score

    before = governance()
    prepared, dataset = session(at).auditor, session(at).dataset
    for radio in at.radio:
        radio.set_value("yes")
    next(b for b in at.button if b.label == "Save the answers").click().run()
    assert not at.exception and not at.error
    answers = session(at).answers["governance"]
    assert all(answers[k] is True for k in answers if k != "policy_updated")
    after = governance()
    assert after > before
    # The answers are not data: the dataset and its prepared audit are the very same.
    assert session(at).dataset is dataset and session(at).auditor is prepared
    # "Don't know" leaves a question out rather than counting it as no.
    for radio in at.radio:
        radio.set_value("unknown")
    next(b for b in at.button if b.label == "Save the answers").click().run()
    assert session(at).answers["governance"].keys() <= {"policy_updated"}


def test_criterion_weights_are_written_the_readers_way() -> None:
    """A weight slider's values in the page's language ("1,25" in Italian), not printf's
    "1.25" of a number box; a weight a settings file gives off the quarter grid is offered."""
    at = visit(boot("it"), "settings")
    managers = at.select_slider(key="cw_managers_0")
    assert managers.value == 1.25 and "1,25" in managers.options
    assert not [o for o in managers.options if "." in o]
    assert at.select_slider(key="cw_ecosystem_0").value == 0.5
    good = dump_settings(Settings().with_criterion_weight("presence", 1.3)).encode()
    uploader = next(u for u in at.file_uploader if u.key.startswith("settings_upload"))
    uploader.set_value(("mine.toml", good, "application/toml")).run()
    assert at.select_slider(key="cw_presence_1").value == 1.3
    assert "1,3" in at.select_slider(key="cw_presence_1").options


def test_a_criterion_weight_changes_the_overall_score() -> None:
    at = visit(boot("en"), "settings")
    before = overall(at)
    at.select_slider(key="cw_amplification_0").set_value(0.0).run()
    assert session(at).settings.criterion_weight("amplification") == 0.0
    assert overall(at) != before
    assert any("overall index" in i.value for i in at.info)
    at.button(key="reset_settings").click().run()
    assert session(at).settings == Settings()
    assert overall(at) == pytest.approx(before)


def test_metric_edits_apply_in_the_units_shown() -> None:
    frame = metric_settings_frame(Settings(), "en")
    assert len(frame) == len(registry.metrics())
    row = list(frame["metric_id"]).index("involvement.participation_rate")
    assert frame.loc[row, "target"] == pytest.approx(30.0)  # rates edited in percent
    settings = apply_metric_edits(Settings(), {row: {"target": 50.0, "weight": 3}})
    assert settings.target("involvement.participation_rate") == pytest.approx(0.5)
    assert settings.weight("involvement.participation_rate") == 3.0
    ratio = list(frame["metric_id"]).index("managers.participation_ratio")
    assert apply_metric_edits(Settings(), {ratio: {"target": 1.5}}).target(
        "managers.participation_ratio"
    ) == pytest.approx(1.5)


def test_settings_file_upload_good_and_bad() -> None:
    at = visit(boot("en"), "settings")
    uploader = next(u for u in at.file_uploader if u.key.startswith("settings_upload"))
    uploader.set_value(("bad.toml", b"[metrics.nope]\ntarget = 1\n", "application/toml")).run()
    assert any("Settings not applied" in e.value for e in at.error)
    assert session(at).settings == Settings()
    good = dump_settings(Settings().with_criterion_weight("presence", 4.0)).encode()
    uploader = next(u for u in at.file_uploader if u.key.startswith("settings_upload"))
    uploader.set_value(("mine.toml", good, "application/toml")).run()
    assert session(at).settings.criterion_weight("presence") == 4.0
    assert any("mine.toml" in s.value for s in at.success)
    assert at.select_slider(key="cw_presence_1").value == 4.0


# --- privacy, downloads, errors -----------------------------------------------------------


def test_names_appear_only_when_asked() -> None:
    at = visit(boot("en"), "people")
    people = at.dataframe[-1].value
    assert "Employee id" in people.columns and "Name" not in people.columns
    at.toggle(key="show_names").set_value(True).run()
    people = at.dataframe[-1].value
    assert "Name" in people.columns and people["Name"].notna().all()


def test_downloads_are_offered() -> None:
    at = visit(boot("en"), "gaps")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download XLSX"]
    visit(at, "data")
    assert "Download the questionnaire (TOML)" in [b.label for b in at.get("download_button")]
    visit(at, "settings")
    assert "Download settings" in [b.label for b in at.get("download_button")]


def test_gap_filters() -> None:
    at = visit(boot("en"), "gaps")
    table = at.dataframe[0].value
    assert list(table["priority"]) == sorted(table["priority"], reverse=True)
    at.multiselect(key="gaps_criteria").set_value(["governance"]).run()
    filtered = at.dataframe[0].value
    assert 0 < len(filtered) < len(table)
    assert set(filtered["criterion"]) == {"Governance, policy and training"}


def test_a_failing_page_shows_a_sentence_not_a_traceback() -> None:
    def page() -> None:
        from dashboard.ui.views import run_page

        def render() -> None:
            raise ValueError("boom")

        run_page(render)

    at = AppTest.from_function(page)
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("ui.error", "en")]
    assert "boom" not in at.error[0].value


def test_config_hides_tracebacks_and_table_exports_and_bounds_uploads() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "minimal"
    # Tables show uploaded text: no built-in "Download as CSV" that would export it raw.
    assert config["client"]["disableDataExport"] is True
    # Room for a ~1 GB enterprise export, well short of the 2 GB that let anyone stall it.
    assert 1024 <= config["server"]["maxUploadSize"] <= 1200
    assert config["server"]["address"] == "127.0.0.1"  # this machine, unless told otherwise
    assert config["browser"]["gatherUsageStats"] is False
    theme = config["theme"]
    assert "fontFaces" not in theme
    assert not any("http" in str(v) for v in theme.values())


def test_no_view_renders_html() -> None:
    for path in VIEW_FILES:
        assert "unsafe_allow_html" not in path.read_text(), path


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("it-IT", "it"),
        ("it", "it"),
        ("IT_ch", "it"),
        ("en-GB", "en"),
        ("de-DE", "en"),
        (None, "en"),
    ],
)
def test_language_follows_the_browser(locale, lang) -> None:
    assert language_of(locale) == lang


def test_uploaded_text_is_never_markup() -> None:
    """Names and departments from an upload reach tables and charts as text, never as markup."""
    hostile = "<img src=x onerror=alert(1)> **Vendite** :red[x]"
    roster = (SAMPLE / "roster.csv").read_text().replace(",Vendite,", f',"{hostile}",')
    at = visit(boot("en"), "data")
    at.file_uploader[0].set_value(
        [
            ("roster.csv", roster.encode(), "text/csv"),
            ("<b>activity</b>.csv", (SAMPLE / "employee_activity.csv").read_bytes(), "text/csv"),
        ]
    ).run()
    assert hostile in set(session(at).auditor.data.roster["department"].to_list())
    for page in ("data", "people", "criteria", "gaps"):
        visit(at, page)
        if page == "criteria":
            at.selectbox(key="criterion_pick").set_value("__all__").run()
        texts = [
            e.value for kind in ("markdown", "caption", "success", "error") for e in at.get(kind)
        ]
        for text in texts:
            # Markdown sources may carry the upload's text only escaped (\<, \:, \*).
            assert not re.search(r"(?<!\\)<(img|b)", text), (page, text)
            assert not re.search(r"(?<!\\):red\[", text), (page, text)
        assert any("activity\\</b\\>" in t_ for t_ in texts) or page != "data"
        for chart in at.get("plotly_chart"):
            assert "<img" not in chart.proto.spec, page
