"""One catalog per language (`dashboard/locales/<lang>.toml`): every code the product uses has
a text in every language, no text is left unused, plural forms and numbers follow CLDR.

Codes are collected two ways. By running: the loader over every fixture and hostile
file, the engine over the sample and its variants, bad questionnaires and settings,
the store's refusals, and every renderer in every language, with `i18n.recording()`
noting each code looked up. By reading: the literal codes in the source (a page's
`t("ui.nav.data", lang)`), and the families built from a list of ids (one `column.*`
text per canonical column), each enumerated here from the list it is built from.
"""

from __future__ import annotations

import ast
import re
import string
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from dashboard import i18n
from dashboard.actions import STATUSES
from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.charts import criteria_figure, metrics_figure, overall_figure
from dashboard.cli import render_text
from dashboard.criteria import registry
from dashboard.criteria.people import FUNCTIONS
from dashboard.ingest import Dataset, load_file
from dashboard.ingest.problems import REASON_CODES, Severity
from dashboard.messages import Msg, Ref
from dashboard.peers import SECTORS
from dashboard.period import Period, PeriodError
from dashboard.questionnaire import GOVERNANCE_KEYS, QuestionnaireError, parse_questionnaire
from dashboard.report.build import build_report
from dashboard.report.changes import CHANGES
from dashboard.report.citations import figures, seed_citations, seed_titles
from dashboard.report.pdf import _document as pdf_document
from dashboard.report.tables import evidence_text, gaps_table
from dashboard.report.xlsx import gaps_csv, to_xlsx
from dashboard.schema import AUTHOR_TYPES, TABLES
from dashboard.scoring import LEVELS
from dashboard.sentences import criterion_line, metric_sentence, overall_line
from dashboard.settings import Settings, SettingsError, parse_settings
from dashboard.store.access import ROLES
from dashboard.ui.tables import evidence_tables, files_table, most_active_table, problems_table

FIXTURES = ROOT / "tests" / "fixtures"
PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30))
CODE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\.?$")


def placeholders(entry: str | dict[str, str]) -> set[str]:
    texts = [entry] if isinstance(entry, str) else list(entry.values())
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_the_same_codes_forms_and_placeholders() -> None:
    english = i18n.catalog("en")
    assert len(english) > 800
    for lang in i18n.LANGS:
        texts = i18n.catalog(lang)
        assert set(texts) == set(english), lang
        for code, entry in texts.items():
            assert isinstance(entry, str) == isinstance(english[code], str), (lang, code)
            if isinstance(entry, dict):
                assert "other" in entry and all(entry.values()), (lang, code)
            if code.startswith("ref."):  # a reference names its table and column as it likes
                continue
            assert placeholders(entry) <= placeholders(english[code]), (lang, code)


def test_plural_forms_follow_the_language() -> None:
    said = {(lang, n): i18n.t("ui.files_badge", lang, n=n) for lang in ("it", "en") for n in (1, 2)}
    assert said == {
        ("it", 1): "1 file caricato",
        ("it", 2): "2 file caricati",
        ("en", 1): "1 file loaded",
        ("en", 2): "2 files loaded",
    }
    assert i18n.t("ui.audits.tally.same", "it", n=1) == "1 invariato"
    assert i18n.t("ui.audits.tally.same", "it", n=3) == "3 invariati"
    assert i18n.t("load.message.duplicate_rows", "it", n=1234).startswith("1.234 righe")
    assert i18n.format_value(1, "days", "en") == "1 day"
    assert i18n.format_value(1.0, "hours", "en") == "1.0 hours"  # CLDR: a shown decimal is plural


def test_numbers_percentages_and_dates_are_written_the_locales_way() -> None:
    assert (i18n.percent(0.79, "en"), i18n.percent(0.79, "it")) == ("79%", "79%")
    assert (i18n.number(1234.5, "en", 1), i18n.number(1234.5, "it", 1)) == ("1,234.5", "1.234,5")
    assert [i18n.decimal(x, "it") for x in (1, 0.5, 1.25, 1234.5)] == [
        "1",
        "0,5",
        "1,25",
        "1.234,5",
    ]
    day = date(2026, 10, 31)
    assert (i18n.date_text(day, "en"), i18n.date_text(day, "it")) == ("2026-10-31", "31/10/2026")
    assert (i18n.separators("en"), i18n.separators("it")) == (".,", ",.")
    assert (i18n.csv_dialect("en"), i18n.csv_dialect("it")) == ((",", "."), (";", ","))
    assert [i18n.language_of(x) for x in ("it-IT", "en-GB", "fr-FR", None)] == [
        "it",
        "en",
        "en",
        "en",
    ]
    # The catalogs' own figures ("69% of companies…") as the computed ones are written:
    # the same page showed "29%" beside "69 %".
    for lang in i18n.LANGS:
        for code, entry in i18n.catalog(lang).items():
            for text in [entry] if isinstance(entry, str) else entry.values():
                assert not re.search(r"\d %", text), (lang, code, text)


def test_a_reference_names_the_column_in_the_readers_words() -> None:
    replies = Ref("company_posts", "replies_by_staff")
    assert i18n.render(replies, "en") == "“staff replies” (company-page posts)"
    # The terminal and the JSON name it by its id, which scripts and support search for.
    assert i18n.english(replies) == "company_posts.replies_by_staff"
    assert i18n.render(replies, "it") == "«risposte dello staff» (post della pagina aziendale)"


# --- the codes the product uses -----------------------------------------------------------------


def _loads() -> list[Any]:
    """Every fixture and hostile file through the loader, and a file renamed beside another."""
    sys.path.insert(0, str(FIXTURES))
    import make_hostile

    paths = sorted((FIXTURES / "ingest").iterdir()) + sorted((FIXTURES / "exports").iterdir())
    loads = [load_file(p.name, p.read_bytes()) for p in paths if p.suffix != ".py"]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        loads += [load_file(n, p.read_bytes()) for n, p in make_hostile.build(Path(folder)).items()]
    first = load_file("roster.csv", b"employee_id,department\nE1,Vendite\n")
    second = load_file("roster.csv", b"employee_id,department\nE2,HR\nE3\n")
    loads += list(Dataset().add(first).add(second).files)
    late = b"employee_id,department\n" + b"E1,Vendite\n" * 8000 + "E2,Qualità\n".encode("cp1252")
    loads.append(load_file("late.csv", late))
    return loads


def _scorecards() -> list[Any]:
    """Scorecards that between them meet most reasons, notes and evidence words."""
    sample = load_sample()
    cards = [
        Auditor(Dataset()).scorecard(Settings(), PERIOD),
        Auditor(sample).scorecard(Settings(), PERIOD),
        Auditor(sample).scorecard(Settings(), Period(date(2019, 1, 1), date(2019, 1, 31))),
    ]
    for drop in ("roster.csv", "employee_activity.csv", "company_posts.csv"):
        cards.append(Auditor(sample.remove(drop)).scorecard(Settings(), PERIOD))
    summary = load_file(
        "everyonesocial_users.csv", (FIXTURES / "exports" / "everyonesocial_users.csv").read_bytes()
    )
    cards.append(Auditor(Dataset().add(summary)).scorecard(Settings(), PERIOD))
    activity = (
        "employee_id,occurred_at,action,company_related,impressions\nE1,2026-03-03,post,true,9\n"
    )
    for column, cell in (("labels", "care"), ("text", "Al convegno con @Partner")):
        posts = (
            f"platform,post_id,published_at,impressions,{column}\nlinkedin,1,2026-03-02,9,{cell}\n"
        )
        small = Dataset()
        for name, body in (("posts.csv", posts), ("activity.csv", activity)):
            small = small.add(load_file(name, body.encode()))
        cards.append(Auditor(small).scorecard(Settings(), PERIOD))
    # Managers inferred from titles: the sample's roster without its is_manager column.
    roster = sample.table("roster").drop("is_manager")
    by_title = sample.remove("roster.csv").add(load_file("roster.csv", roster.write_csv().encode()))
    cards.append(Auditor(by_title).scorecard(Settings(), PERIOD))
    return cards


BAD_QUESTIONNAIRES = [
    "governance = [",
    '{"agencies": 3}',
    "[governance]\npolicy_exists = 2",
    "[governance]\npolicy_updated = 'ieri'",
    "[governance]\npolicy_updated = 1900-01-01",
    "[governance]\npolicy_exist = true",
    "[platforms]\nexpected = 3",
    "[followers]\nlinkedin = -1",
    "governance = 3",
]
BAD_SETTINGS = [
    "[audit",
    "[audits]",
    "[audit]\nweakest = true",
    "[audit]\nweakest_link = 3",
    "[audit]\nexpected_platforms = 3",
    "[metrics]\nfoo = 1",
    '[metrics."involvement.participation_rate"]\nfloor = "x"',
    '[metrics."involvement.participation_rate"]\nfloor = nan',
    '[metrics."involvement.participation_rate"]\nfloor = 1e9',
    '[metrics."involvement.participation_rate"]\nweight = -1',
    '[metrics."involvement.participation_rate"]\nlimit = 1',
    "[criteria]\ninvolvement = 2",
    "[criteria.involvement]\nweight = true",
    "[criteria.nope]\nweight = 1",
    '[metrics."involvement.participation"]\nfloor = 0',
    "audit = 3",
]


def _refusals(tmp_path: Path) -> list[Msg]:
    """What the store refuses, through its public functions on a throwaway SQLite file."""
    from dashboard.store import (
        AccessDenied,
        StoreError,
        audit_numbered,
        authorize,
        authorize_server,
        create_workspace,
        delete_audit,
        get_audit,
        job_access,
        open_store,
        rename_audit,
        save_audit,
        set_passphrase,
        trusted_access,
    )
    from dashboard.store.db import database_url

    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}", sample=False)
    said: list[Msg] = []

    def attempt(call, *args, **kwargs) -> Any:
        try:
            return call(*args, **kwargs)
        except StoreError as error:
            said.append(error.msg)
            return None

    access = create_workspace(engine, "acme", editor_passphrase="rondine verde sul tetto")
    viewer = set_passphrase(engine, access, "viewer", "gabbiano blu sul molo")
    attempt(create_workspace, engine, "acme")
    attempt(create_workspace, engine, "beta", "   ")
    attempt(rename_audit, engine, access, 1, " ")
    attempt(create_workspace, engine, "Not a slug!")
    attempt(set_passphrase, engine, access, "viewer", "corta")
    attempt(set_passphrase, engine, viewer, "viewer", "x" * 2000)
    attempt(set_passphrase, engine, viewer, "viewer", "password1234")
    attempt(set_passphrase, engine, viewer, "nobody", None)
    attempt(authorize, engine, "acme", "rondine verde sul tetto")  # the grant moved on
    for _ in range(30):
        attempt(authorize, engine, "acme", "no", client="192.0.2.1")
    attempt(authorize_server, engine, "frase del server lunga", "no")
    attempt(trusted_access, engine, "nobody")
    attempt(audit_numbered, engine, trusted_access(engine, "acme"), 99)
    attempt(job_access, engine, "nobody", None)
    attempt(job_access, engine, "acme", None)
    attempt(job_access, engine, "acme", "prz_wrong")
    attempt(save_audit, engine, access, Auditor(Dataset()).scorecard(), Dataset(), Settings(),
            saved_by="")  # fmt: skip
    attempt(get_audit, engine, trusted_access(engine, "acme"), 99)
    from dashboard.store.actions import ActionChange, create_action, update_action
    from dashboard.store.peers import Profile, set_profile

    audit = save_audit(engine, trusted_access(engine, "acme"), Auditor(load_sample()).scorecard(),
                       Dataset(), Settings(), saved_by="t")  # fmt: skip
    editor = trusted_access(engine, "acme")
    metric = "involvement.participation_rate"
    attempt(create_action, engine, editor, audit, metric, "x", " ", created_by="c")
    attempt(create_action, engine, editor, audit, metric, " ", "x", created_by="c")
    attempt(create_action, engine, editor, audit, "presence.nope", "x", "y", created_by="c")
    attempt(create_action, engine, editor, audit, metric, "x", "y", created_by="c", status="z")
    attempt(create_action, engine, editor, audit, metric, "x", "y", created_by="c",
            due=date(1800, 1, 1))  # fmt: skip
    attempt(update_action, engine, editor, 99, ActionChange(status="done"))
    attempt(set_profile, engine, editor, Profile(sector="mining"))
    attempt(delete_audit, engine, trusted_access(engine, "acme"), 99, "x")
    try:
        database_url({"PRESENZA_DATABASE_URL": "mysql://x"})
    except StoreError as error:
        said.append(error.msg)
    assert any(isinstance(m, Msg) for m in said)
    assert AccessDenied  # every refusal above is a StoreError with a message
    engine.dispose()
    return said


@pytest.fixture(scope="module")
def used(tmp_path_factory) -> set[str]:
    """Every code the product looks up while it loads, scores, refuses and renders."""
    with i18n.recording() as codes:
        said: list[Any] = []
        loads = _loads()
        for loaded in loads:
            for p in loaded.problems:
                said += [p.message, p.expected, p.column, p.value]
        for text in BAD_QUESTIONNAIRES:
            with pytest.raises(QuestionnaireError) as refused:
                parse_questionnaire(text)
            said.append(refused.value.msg)
        for text in BAD_SETTINGS:
            with pytest.raises(SettingsError) as refused:
                parse_settings(text)
            said.append(refused.value.msg)
        with pytest.raises(PeriodError) as refused:
            Period(date(2026, 2, 1), date(2026, 1, 1))
        said.append(refused.value.msg)
        said += _refusals(tmp_path_factory.mktemp("store"))
        cards = _scorecards()
        for card in cards:
            for criterion in card.criteria:
                said += criterion.missing
                said += [m.measure.note for m in criterion.metrics]
        for lang in i18n.LANGS:
            for message in said:
                if isinstance(message, Msg | Ref):
                    i18n.render(message, lang)
            problems_table(loads, lang)
            files_table(Dataset(), loads, lang)
            names = {"E001": "Anna"}
            for card in cards:
                for metric in (m for c in card.criteria for m in c.metrics):
                    evidence_tables(metric.measure.evidence, lang, names)
                    evidence_text(metric.measure.evidence, lang)
            sample = Auditor(load_sample())
            most_active_table(sample.context(Settings(), PERIOD).per_employee, lang, names, 15)
            for card in cards:
                overall_line(card, lang)
                render_text(card, lang)
                for criterion in card.criteria:
                    criterion_line(criterion, lang)
                    metrics_figure(criterion, lang)
                    (
                        seed_titles(criterion.spec.seed, lang),
                        seed_citations(criterion.spec.seed, lang),
                    )
                    for metric in criterion.metrics:
                        metric_sentence(metric, lang)
                gaps_table(card, lang)
                overall_figure(card, lang), criteria_figure(card, lang)
            to_xlsx(cards[1], lang), gaps_csv(cards[1], lang)
            _deliverables(cards, sample, lang)
    return codes


def _deliverables(cards: list[Any], sample: Auditor, lang: str) -> None:
    """The deliverables' documents (the words the PPTX and workbook print are literal
    codes in their source; the PDF's are the template's `texts.<key>`)."""
    context = sample.context(Settings(), PERIOD)
    inputs = [f.summary() for f in load_sample().files]
    for card in cards:
        report = build_report(
            card, lang, context=context, inputs=inputs, previous=cards[1], names={"E001": "Anna"}
        )
        pdf_document(report)
    build_report(cards[1], lang)  # no context, no previous, no names


def _literal_codes() -> tuple[set[str], set[str]]:
    """Codes written in the source: whole ones ("ui.nav.data") and the literal start of
    built ones (f"ui.store.role.{role}" → "ui.store.role.")."""
    areas = {code.split(".")[0] for code in i18n.catalog("en")}

    def code_like(text: str) -> bool:
        return (
            bool(CODE.match(text))
            and text.split(".")[0] in areas
            and "." + text.split(".")[-1] not in (".py", ".toml", ".typ", ".json", ".png", ".svg")
        )

    whole, prefixes = set(), set()
    for path in (ROOT / "dashboard").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        parts = {
            id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and code_like(first.value):
                    prefixes.add(first.value)
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in parts
                and code_like(node.value)
            ):
                whole.add(node.value)
    return whole, prefixes


def _families() -> set[str]:
    """The codes built from a list of ids, enumerated from that list."""
    from dashboard.ingest.adapters import ADAPTERS
    from dashboard.ui import nav, uploads

    codes = {f"ui.nav.{name}" for name in nav.PAGES}
    codes |= {f"kind.{kind}" for kind in uploads.KINDS}
    codes |= {f"table.{name}" for name in TABLES}
    codes |= {f"column.{t.name}.{c.name}" for t in TABLES.values() for c in t.columns}
    codes |= {f"load.reason.{code}" for code in REASON_CODES}
    codes |= {f"severity.{s}" for s in Severity.__args__}
    codes |= {f"unit.{u}" for u in registry.Unit.__args__}
    codes |= {f"level.{i}" for i in range(len(LEVELS))}
    codes |= {f"ui.store.role.{role}" for role in ROLES}
    codes |= {f"compare.change.{c.replace(' ', '_')}" for c in CHANGES}
    codes |= {f"function.{name}" for name in FUNCTIONS}
    codes |= {f"author_type.{name}" for name in AUTHOR_TYPES}
    items = (*GOVERNANCE_KEYS, "policy_updated_12_months")
    codes |= {f"questionnaire.question.{key}" for key in items}
    codes |= {f"advice.item.{key}" for key in items if key != "policy_updated"}  # checklist items
    codes |= {f"questionnaire.answer.{a}" for a in ("yes", "no", "unknown")}
    codes |= {f"ui.audits.tally.{v}" for v in ("better", "worse", "same")}
    codes |= {f"ui.actions.status.{s}" for s in STATUSES}
    codes |= {f"sector.{s}" for s in SECTORS}
    formats = {a.format.removesuffix("_en") for a in ADAPTERS}
    codes |= {f"format.{name}" for name in (*formats, "canonical", "questionnaire", "unknown")}
    codes |= {"format.mapped"}
    codes |= {f"citation.figure.{key}.statement" for key in figures()}
    codes |= {f"citation.title.{key}" for key, f in figures().items() if f.source.described}
    for c in registry.criteria():
        codes |= {f"criterion.{c.id}.title", f"criterion.{c.id}.argument"}
        for m in c.metrics:
            fields = ("title", "description", "of", "recommendation", "reference")
            codes |= {f"metric.{m.id}.{field}" for field in fields}
            codes |= {f"metric.{m.id}.variant.{v.id}" for v in m.variants}
    return codes


def test_every_code_used_has_a_text_in_every_language(used: set[str]) -> None:
    english = i18n.catalog("en")
    whole, prefixes = _literal_codes()
    assert len(used) > 300 and len(whole) > 300
    assert used <= set(english)
    assert whole - set(english) == set(), "a code in the source has no text"
    for prefix in prefixes:
        assert any(code.startswith(prefix) for code in english), prefix
    families = _families()
    optional = {
        c for c in families if c.startswith("metric.") and c.endswith((".reference", ".of"))
    }
    assert families - optional <= set(english), "a family member has no text"


def test_no_catalog_text_is_unused(used: set[str]) -> None:
    whole, _ = _literal_codes()
    unused = set(i18n.catalog("en")) - used - whole - _families()
    assert unused == set(), " ".join(sorted(unused))
