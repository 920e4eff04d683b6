"""The engine's English phrases (why a metric is not measured, how it was measured, what the
loader expected) shown in Italian on the Italian interface, while the engine keeps writing
English (the JSON contract and the CLI's English report read it as it is).

The first test reads every criteria module with `ast`: a new reason or note written
there without an Italian rendering fails the suite.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.i18n import ENGINE_IT, engine_text, has_italian
from dashboard.ingest import Dataset, Problem, load_file
from dashboard.ingest.problems import REASONS
from dashboard.period import Period
from dashboard.report.tables import criteria_table, evidence_text, metrics_table
from dashboard.scoring import Scorecard
from dashboard.sentences import criterion_line, metric_sentence
from dashboard.settings import Settings
from dashboard.ui.tables import problems_table

ROOT = Path(__file__).resolve().parent.parent
CRITERIA = sorted((ROOT / "dashboard" / "criteria").glob("*.py"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Where the criteria write reasons and notes: these calls' string arguments…
REASON_CALLS = {"not_measured", "_all_not_measured", "reason"}
# …these keyword arguments (and parameters' defaults), and assignments to these names.
REASON_KEYWORDS = {"missing", "note", "empty"}
REASON_NAMES = re.compile(r"^(missing|note|reason|source|\w+_missing)$")
# …and what these helpers return (the inputs a metric lacks).
REASON_HELPERS = re.compile(r"^(_missing|needs_\w+|reason)$")
PLACEHOLDER = "some_column"  # what an f-string's {value} stands for in the phrases found
IDENTIFIERS = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")


class _Phrases(ast.NodeVisitor):
    """Every string a criteria module writes as a reason or a note, with constants resolved."""

    def __init__(self, tree: ast.Module):
        self.constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        self.found: set[str] = set()
        self.visit(tree)

    def strings(self, node: ast.AST | None) -> Iterator[str]:
        """The texts an expression can take (every branch of an if, each reason joined)."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
        elif isinstance(node, ast.Name) and node.id in self.constants:
            yield self.constants[node.id]
        elif isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                if isinstance(value, ast.Constant):
                    parts.append(str(value.value))
                else:
                    inner = value.value
                    known = isinstance(inner, ast.Name) and inner.id in self.constants
                    parts.append(self.constants[inner.id] if known else PLACEHOLDER)
            yield "".join(parts)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            for left, right in itertools.product(
                list(self.strings(node.left)), list(self.strings(node.right))
            ):
                yield left + right
        elif isinstance(node, ast.IfExp):
            yield from self.strings(node.body)
            yield from self.strings(node.orelse)
        elif isinstance(node, ast.Tuple):
            for item in node.elts:
                yield from self.strings(item)
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "get":  # {...}.get(key, default)
                if isinstance(func.value, ast.Dict):
                    for value in func.value.values:
                        yield from self.strings(value)
                for arg in node.args[1:]:
                    yield from self.strings(arg)
            elif self._name(func) in REASON_CALLS:
                for arg in node.args:
                    yield from self.strings(arg)

    @staticmethod
    def _name(func: ast.AST) -> str | None:
        if isinstance(func, ast.Name):
            return func.id
        return func.attr if isinstance(func, ast.Attribute) else None

    def visit_Call(self, node: ast.Call) -> None:
        if self._name(node.func) in REASON_CALLS:
            for arg in node.args:
                self.found.update(self.strings(arg))
        for keyword in node.keywords:
            if keyword.arg in REASON_KEYWORDS:
                self.found.update(self.strings(keyword.value))
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if REASON_HELPERS.match(node.name):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return):
                    self.found.update(self.strings(inner.value))
        arguments = node.args.args[len(node.args.args) - len(node.args.defaults) :]
        for argument, default in zip(arguments, node.args.defaults, strict=True):
            if argument.arg in REASON_KEYWORDS:
                self.found.update(self.strings(default))
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            pairs = (
                zip(target.elts, node.value.elts, strict=False)
                if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple)
                else [(target, node.value)]
            )
            for name, value in pairs:
                if isinstance(name, ast.Name) and REASON_NAMES.match(name.id):
                    self.found.update(self.strings(value))
        self.generic_visit(node)


def criteria_phrases() -> dict[str, str]:
    """phrase → the module that writes it."""
    found = {}
    for path in CRITERIA:
        for phrase in _Phrases(ast.parse(path.read_text(), str(path))).found:
            found.setdefault(phrase, path.name)
    return found


def test_the_scan_finds_the_phrases_it_should() -> None:
    phrases = criteria_phrases()
    for expected in (
        "no employee actions in the period",  # Measure.not_measured("…")
        "impressions used (reach missing)",  # note from a tuple assignment
        "company_posts.author (matched to the roster) or company_posts.author_type",  # constant
        "nothing to count in the period",  # a parameter's default
        "page post labels used (no roster)",  # both branches of a concatenation
        "page post labels used (no employee activity)",
        "employee_activity (the summary has no months)",  # a dict's value inside reason()
        "no some_column of page posts in the period",  # an f-string
        "the company pages have 0 followers in questionnaire [followers]",  # empty=
        "company_posts in the period (no page post between its start and end)",  # returned
        "roster.is_manager (or roster.title)",  # returned by a needs_ helper
        "active departments",  # an evidence source, in words
    ):
        assert expected in phrases, expected
    assert len(phrases) > 40


@pytest.mark.parametrize("phrase", sorted(p for p in criteria_phrases() if p))
def test_every_criteria_phrase_has_italian(phrase: str) -> None:
    if IDENTIFIERS.match(phrase):  # column and table names stay as they are
        assert engine_text(phrase, "it") == phrase
        return
    assert has_italian(phrase), f"no Italian for {phrase!r} ({criteria_phrases()[phrase]})"
    italian = engine_text(phrase, "it")
    assert italian != phrase
    assert engine_text(phrase, "en") == phrase  # the English is shown as the engine wrote it


# --- what the engine writes on real data, end to end ----------------------------------------


def _scorecards() -> Iterator[Scorecard]:
    """Scorecards that between them hit most not-measured reasons and notes."""
    sample = load_sample()
    period = Period(date(2026, 1, 1), date(2026, 6, 30))
    yield Auditor(Dataset()).scorecard(Settings(), period)
    yield Auditor(sample).scorecard(Settings(), period)
    for drop in ("roster.csv", "employee_activity.csv", "company_posts.csv"):
        yield Auditor(sample.remove(drop)).scorecard(Settings(), period)
    empty = Period(date(2019, 1, 1), date(2019, 1, 31))
    yield Auditor(sample).scorecard(Settings(), empty)


def test_every_reason_and_note_the_engine_writes_reads_in_italian() -> None:
    seen = set()
    for scorecard in _scorecards():
        for criterion in scorecard.criteria:
            for metric in criterion.metrics:
                for text in (metric.measure.missing, metric.measure.note):
                    if text:
                        seen.add(text)
    assert len(seen) > 10
    for text in seen:
        assert has_italian(text), text
        if not IDENTIFIERS.match(text):
            assert engine_text(text, "it") != text, text


def test_sentences_and_tables_show_the_reasons_in_the_readers_language() -> None:
    scorecard = Auditor(load_sample().remove("roster.csv")).scorecard(Settings())
    involvement = scorecard.criterion("involvement")
    [metric] = [m for m in involvement.metrics if m.id == "involvement.participation_rate"]
    assert metric.measure.missing == "roster"  # the engine's words are unchanged…
    italian = criterion_line(involvement, "it")
    assert "manca: roster" in italian
    managers = scorecard.criterion("managers")
    assert managers.missing == ["roster"]
    # A composite reason: the glue and the phrases are Italian, the identifiers are not.
    empty = Auditor(Dataset()).scorecard(Settings(), Period(date(2026, 1, 1), date(2026, 3, 31)))
    line = criterion_line(empty.criterion("managers"), "it")
    assert "employee_activity (o employee_summary) e roster" in line
    assert " and " not in line and "(or " not in line
    assert "employee_activity (or employee_summary) and roster" in criterion_line(
        empty.criterion("managers"), "en"
    )
    table = criteria_table(empty, "it")
    assert not any(" and " in m for m in table["missing"])
    metrics = metrics_table(empty, "it")
    row = metrics[metrics["metric_id"] == "in_house.staff_post_share"].iloc[0]
    assert row["missing"] == "company_posts"
    assert (
        "(or "
        in metrics_table(empty, "en")
        .set_index("metric_id")
        .loc["managers.participation_rate", "missing"]
    )


def test_a_note_reads_in_italian_in_the_sentence() -> None:
    posts = "platform,post_id,published_at,impressions\nlinkedin,1,2026-03-02,100\n"
    activity = (
        "employee_id,occurred_at,action,company_related,impressions\nE1,2026-03-03,post,true,250\n"
    )
    dataset = Dataset()
    for name, body in (("posts.csv", posts), ("activity.csv", activity)):
        dataset = dataset.add(load_file(name, body.encode()))
    scorecard = Auditor(dataset).scorecard(Settings())
    metric = scorecard.metric("amplification.reach_multiplier")
    assert metric.measure.note == "impressions used (reach missing)"
    assert "[usate le impressioni (manca la copertura)]" in metric_sentence(metric, "it")
    assert "[impressions used (reach missing)]" in metric_sentence(metric, "en")


def test_evidence_words_read_in_italian() -> None:
    evidence = {"source": "active departments", "functions": []}
    assert evidence_text(evidence, "it") == "Fonte dei dati: reparti attivi"
    assert evidence_text(evidence, "en") == "Data source: active departments"
    authors = {
        "external_authors": [{"author": "(no author)", "author_type": "unknown", "posts": 3}]
    }
    assert "(nessun autore)" in evidence_text(authors, "it")


# --- the load report ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "italian"),
    [
        ("a whole number ≥ 0", "un numero intero ≥ 0"),
        ("a number ≥ 0 with decimal comma", "un numero ≥ 0 con la virgola decimale"),
        ("a date like 31/03/2026 14:30", "una data come 31/03/2026 14:30"),
        ("one of staff, agency, unknown", "uno tra staff, agency, unknown"),
        (
            "1,234 rows were exact copies of an earlier row and were counted once",
            "1.234 righe erano copie esatte di una riga precedente e sono state contate una volta",
        ),
        (
            "dates could be day-first or month-first; read as day-first (DD/MM/YYYY)",
            "le date si leggono giorno-mese o mese-giorno; lette come giorno-mese (GG/MM/AAAA)",
        ),
        (
            "every date reads both ways; read as month-first (MM/DD/YYYY), as this export "
            "writes them",
            "ogni data si legge nei due modi; lette come mese-giorno (MM/GG/AAAA), come le "
            "scrive questa esportazione",
        ),
        (
            "250 more rows with bad_date in Data are not listed",
            "altre 250 righe con bad_date in Data non sono elencate",
        ),
        ("a column named platform, piattaforma", "una colonna chiamata platform, piattaforma"),
        ("the file could not be read: boom", "il file non è leggibile: boom"),
        (
            "columns of a known table; closest is roster, which needs department (or reparto)",
            "le colonne di una tabella nota; la più vicina è roster, che richiede "
            "department (o reparto)",
        ),
        ("The file is empty: export it again.", "Il file è vuoto: esportatelo di nuovo."),
    ],
)
def test_load_report_phrases(english: str, italian: str) -> None:
    assert engine_text(english, "it") == italian
    assert engine_text(english, "en") == english


def test_every_reason_code_has_italian() -> None:
    for text in REASONS.values():
        assert engine_text(text, "it") != text


def test_the_load_report_table_is_italian_but_keeps_the_files_own_words() -> None:
    loads = [
        load_file(p.name, p.read_bytes())
        for p in sorted((FIXTURES / "ingest").glob("*.csv"))
        if p.name != "empty.csv"
    ]
    creator = FIXTURES / "exports" / "Content_2026-01-01_2026-03-31_Giulia_Bianchi.xlsx"
    loads.append(load_file(creator.name, creator.read_bytes()))
    frame = problems_table(loads, "it")
    english = problems_table(loads, "en")
    assert len(frame) == len(english) > 10
    for english_text, italian in zip(english["Expected"], frame["Atteso"], strict=True):
        if english_text and not IDENTIFIERS.match(english_text):
            assert italian != english_text, english_text
    for english_text, italian in zip(english["Detail"], frame["Dettaglio"], strict=True):
        if english_text:
            assert italian != english_text, english_text
    # The file's own headers are data: never translated.
    assert set(frame["Colonna"]) - set(english["Column"]) <= set(ENGINE_IT.values())


def test_adapter_labels_in_the_column_cell() -> None:
    problem = Problem(
        "x.xlsx", "bad_date", "rejected", "a date", column="action (a published post)"
    )
    row = problems_table([_with(problem)], "it").iloc[0]
    assert row["Colonna"] == "azione (un post pubblicato)" and row["Atteso"] == "una data"


def _with(problem: Problem):
    from dashboard.ingest import Loaded

    return Loaded(problem.file, "d", problems=[problem])
