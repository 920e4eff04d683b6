"""Capacity: what sessions share, and what they must never share.

The memos compute each value once however many threads ask together, and stay within
their bounds; a prepared audit is shared by the sessions that hold the same data in the
same scope (the bundled sample: everyone; uploads: the sessions of one workspace that
loaded the very same data) and never across workspaces, nor with a session that did not
load the data; charts are drawn once per prepared audit, period, settings and language.
The benchmark of the whole server is `benchmarks/bench_capacity.py`.
"""

from __future__ import annotations

import gc
import threading
import time
import weakref
from datetime import date

import pytest
from apptest import boot, engine, open_workspace, visit
from conftest import ROOT, dataset_from
from test_ingest_regressions import _holders, _marker

from dashboard import audit, charts
from dashboard.bundled import load_sample
from dashboard.criteria import registry as criteria
from dashboard.ingest import Dataset, load_file
from dashboard.memo import Memo, computed_once
from dashboard.period import Period
from dashboard.prepared import PUBLIC, PreparedAudits, fingerprint
from dashboard.settings import Settings
from dashboard.store import create_workspace

SAMPLE = ROOT / "sample_data"
WAIT = 5.0  # seconds a thread may take before a test calls it stuck


def together(n: int, call) -> list:
    """`call()` from `n` threads released at once; their results, in thread order."""
    start, results = threading.Barrier(n), [None] * n

    def run(i: int) -> None:
        start.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)
    assert not any(thread.is_alive() for thread in threads)
    return results


# --- the memos ----------------------------------------------------------------------------


def test_a_memo_computes_once_for_threads_that_ask_together() -> None:
    memo: Memo[object] = Memo(4)
    calls = []

    def compute() -> object:
        calls.append(1)
        time.sleep(0.05)  # long enough for every thread to be waiting
        return object()

    results = together(8, lambda: memo.get("period", compute))
    assert len(calls) == 1
    assert all(r is results[0] for r in results)


def test_a_memo_is_bounded_and_drops_the_least_recently_used() -> None:
    memo: Memo[str] = Memo(3)
    for key in "abc":
        memo.get(key, lambda k=key: k.upper())
    memo.get("a", lambda: "never computed again")  # a is used again: b is now the oldest
    memo.get("d", lambda: "D")
    assert len(memo) == 3
    assert "b" not in memo and all(k in memo for k in "acd")
    assert memo.get("a", lambda: "recomputed") == "A"
    assert memo.computed == 4


def test_a_memo_keeps_no_failure() -> None:
    memo: Memo[int] = Memo(2)

    def fail() -> int:
        raise ValueError("the store is down")

    with pytest.raises(ValueError):
        memo.get("k", fail)
    assert memo.get("k", lambda: 7) == 7


class Slow:
    """A value that takes as long as the test says."""

    def __init__(self, gate: threading.Event):
        self.gate, self.calls = gate, 0

    @computed_once
    def value(self) -> int:
        self.calls += 1
        assert self.gate.wait(WAIT)
        return 42


def test_a_computed_property_waits_only_for_its_own_instance() -> None:
    # Python 3.11's functools.cached_property takes one lock for all instances: one
    # session's slow period held every other session's period.
    held, free = Slow(threading.Event()), Slow(threading.Event())
    free.gate.set()
    busy = threading.Thread(target=lambda: held.value)
    busy.start()
    time.sleep(0.05)  # the first instance is computing
    answered = threading.Thread(target=lambda: free.value)
    answered.start()
    answered.join(1.0)
    stuck = answered.is_alive()
    held.gate.set()
    busy.join(WAIT)
    answered.join(WAIT)
    assert not stuck
    assert (held.value, free.value) == (42, 42)


def test_a_computed_property_is_computed_once_by_threads_asking_together() -> None:
    gate = threading.Event()
    slow = Slow(gate)
    threading.Timer(0.05, gate.set).start()
    assert together(6, lambda: slow.value) == [42] * 6
    assert slow.calls == 1


# --- scorecards of one prepared audit ------------------------------------------------------


def test_sessions_asking_for_a_new_period_together_score_it_once(monkeypatch) -> None:
    auditor = audit.Auditor(load_sample())
    measured = []
    real = audit.measure_criterion
    monkeypatch.setattr(
        audit, "measure_criterion", lambda spec, ctx: measured.append(spec.id) or real(spec, ctx)
    )
    period = Period(date(2026, 1, 5), date(2026, 6, 20))
    cards = together(6, lambda: auditor.scorecard(Settings(), period))
    assert sorted(measured) == sorted(c.id for c in criteria.criteria())  # each once
    assert all(card is cards[0] for card in cards)
    # Equal settings are the same key; other targets re-score without measuring again.
    assert auditor.scorecard(Settings(), period) is cards[0]
    other = Settings().with_metric("involvement.participation_rate", target=0.5)
    assert auditor.scorecard(other, period) is not cards[0]
    assert len(measured) == len(criteria.criteria())


def test_the_scorecards_of_a_prepared_audit_are_bounded(monkeypatch) -> None:
    monkeypatch.setattr(audit.Auditor, "SCORECARDS", 2)
    auditor = audit.Auditor(load_sample())
    periods = [Period(date(2026, 1, day), date(2026, 6, 30)) for day in (1, 2, 3)]
    first = auditor.scorecard(Settings(), periods[0])
    assert auditor.scorecard(Settings(), periods[0]) is first
    for period in periods[1:]:
        auditor.scorecard(Settings(), period)
    again = auditor.scorecard(Settings(), periods[0])  # dropped: scored anew
    assert again is not first and again.score == first.score


# --- what a prepared audit is keyed by ------------------------------------------------------

ROSTER = """employee_id,department,name,title,is_manager
E1,Vendite,Anna Rossi,Sales,false
E2,HR,Luca Bianchi,Head of HR,true
"""


def test_the_same_data_loaded_twice_has_one_fingerprint_and_any_change_another() -> None:
    one, two = dataset_from(roster_csv=ROSTER), dataset_from(roster_csv=ROSTER)
    assert one.files[0] is not two.files[0]
    assert fingerprint(one) == fingerprint(two)
    changed = dataset_from(roster_csv=ROSTER.replace("Anna Rossi", "Anna Russo"))
    assert fingerprint(changed) != fingerprint(one)
    # The same file under another name is the same data.
    renamed = Dataset().add(load_file("people.csv", ROSTER.encode()))
    assert fingerprint(renamed) == fingerprint(one)


def test_the_same_bytes_read_another_way_are_other_data() -> None:
    # A file's digest names its bytes, not what was read from them: a column mapping
    # (or the employee a creator export is for) makes other tables of the same bytes.
    data = b"id,unit,role\nE1,Vendite,Sales\nE2,HR,Head of HR\n"
    as_chosen = load_file("people.csv", data, table="roster", mapping={"employee_id": 0, "department": 1, "title": 2})  # fmt: skip
    swapped = load_file("people.csv", data, table="roster", mapping={"employee_id": 0, "department": 2, "title": 1})  # fmt: skip
    assert as_chosen.ok and swapped.ok and as_chosen.digest == swapped.digest
    assert fingerprint(Dataset().add(as_chosen)) != fingerprint(Dataset().add(swapped))


QUESTIONNAIRE = """
[governance]
policy_exists = true
"""


def test_the_questionnaire_files_answers_are_part_of_the_data() -> None:
    base = dataset_from(roster_csv=ROSTER)
    yes = dataset_from(roster_csv=ROSTER, questionnaire_toml=QUESTIONNAIRE)
    no = dataset_from(roster_csv=ROSTER, questionnaire_toml=QUESTIONNAIRE.replace("true", "false"))  # fmt: skip
    assert len({fingerprint(base), fingerprint(yes), fingerprint(no)}) == 3


def test_sessions_sharing_an_audit_never_score_with_each_others_answers() -> None:
    # Answers given in the app are each session's own: not part of the prepared audit, so
    # sessions with other answers share it and its period's aggregates, never the answers.
    auditor = audit.Auditor(load_sample())
    period = auditor.period()
    files = auditor.answers
    answers = [
        {**files, "governance": {**files.get("governance", {}), "policy_exists": i % 2 == 0}}
        for i in range(8)
    ]
    turns = iter(range(8))

    def checklist() -> tuple[int, float]:
        i = next(turns)
        card = auditor.scorecard(Settings(), period, answers[i])
        return i % 2, card.metric("governance.checklist").value

    seen = together(8, checklist)
    yes = {value for even, value in seen if even == 0}
    no = {value for even, value in seen if even == 1}
    assert len(yes) == 1 and len(no) == 1 and yes.pop() > no.pop()  # one more true answer
    contexts = [auditor.context(Settings(), period, a) for a in answers[:2]]
    assert [c.questionnaire for c in contexts] == answers[:2]
    assert contexts[0].per_employee is contexts[1].per_employee  # aggregates computed once


# --- the registry ---------------------------------------------------------------------------


def test_a_scope_shares_equal_data_and_nothing_else() -> None:
    audits = PreparedAudits()
    mine = audits.auditor(dataset_from(roster_csv=ROSTER), "workspace:1")
    same = audits.auditor(dataset_from(roster_csv=ROSTER), "workspace:1")
    other_scope = audits.auditor(dataset_from(roster_csv=ROSTER), "workspace:2")
    other_data = audits.auditor(dataset_from(roster_csv=ROSTER + "E3,HR,Ugo,Clerk,false\n"), "workspace:1")  # fmt: skip
    alone = audits.auditor(dataset_from(roster_csv=ROSTER), None)
    assert same is mine
    assert other_scope is not mine and other_data is not mine and alone is not mine
    assert audits.computed == 3  # workspace 1 twice, workspace 2; the unshared one is apart
    assert audits.auditor(dataset_from(roster_csv=ROSTER), None) is not alone


def test_a_prepared_upload_goes_when_its_last_session_lets_go() -> None:
    audits = PreparedAudits()
    marker = _marker()
    roster = ROSTER.replace("Anna Rossi", marker)
    held = audits.auditor(dataset_from(roster_csv=roster), "workspace:1")
    assert audits.auditor(dataset_from(roster_csv=roster), "workspace:1") is held
    gone = weakref.ref(held)
    del held
    gc.collect()
    assert gone() is None and len(audits) == 0
    assert _holders(marker) == []


def test_the_public_sample_stays_prepared_without_a_session() -> None:
    audits = PreparedAudits()
    first = weakref.ref(audits.auditor(load_sample(), PUBLIC, pin=True))
    gc.collect()
    assert first() is not None
    assert audits.auditor(load_sample(), PUBLIC, pin=True) is first()
    assert audits.computed == 1


# --- sessions ---------------------------------------------------------------------------------


@pytest.fixture
def registry(monkeypatch) -> tuple[PreparedAudits, list[int]]:
    """A fresh registry for the app under test, and a count of datasets prepared."""
    audits, prepared = PreparedAudits(), []
    real = audit.prepare
    monkeypatch.setattr("dashboard.prepared.AUDITS", audits)
    monkeypatch.setattr(audit, "prepare", lambda *a, **k: prepared.append(1) or real(*a, **k))
    return audits, prepared


def auditor_of(at) -> audit.Auditor:
    auditor = at.session_state["session"].auditor
    assert auditor is not None
    return auditor


def test_sessions_on_the_sample_prepare_it_once(registry) -> None:
    _, prepared = registry
    sessions = [boot("en"), boot("it"), visit(boot("en"), "people")]
    assert len(prepared) == 1
    assert all(auditor_of(at) is auditor_of(sessions[0]) for at in sessions)


def test_charts_are_drawn_once_per_audit_period_and_language(registry, monkeypatch) -> None:
    drawn = []
    real = charts.criteria_figure
    monkeypatch.setattr(charts, "criteria_figure", lambda *a, **k: drawn.append(1) or real(*a, **k))
    first = boot("en")
    boot("en")
    visit(visit(first, "gaps"), "overview")
    assert len(drawn) == 1  # a second session and a page switch draw nothing
    boot("it")
    assert len(drawn) == 2  # the language is part of the chart
    first.date_input(key="period_sidebar").set_value((date(2025, 12, 1), date(2026, 3, 31))).run()
    assert not first.exception
    assert len(drawn) == 3  # so is the period


PASSPHRASES = {
    "acme-spa": "copper kettle under the bridge",
    "beta-srl": "seven quiet lanterns at dawn",
}


def upload(at, who: str, files: dict[str, bytes]):
    """Upload these files on the Data page (they replace the sample), named as `who` would.

    (AppTest gives every session one id, so the uploads' session cache would serve one
    test session's upload to the next; under its own file names each reads its own.)"""
    at = visit(at, "data")
    named = [(f"{who}-{name}", data, "text/csv") for name, data in files.items()]
    at.file_uploader[0].set_value(named).run()
    assert not at.exception, [e.value for e in at.exception]
    assert all(f.file.startswith(who) for f in at.session_state["session"].dataset.files)
    return at  # its sidebar has prepared the new data already


def in_workspace(slug: str | None):
    at = visit(boot("en"), "audits")
    return at if slug is None else open_workspace(at, slug, PASSPHRASES[slug])


def test_uploads_are_shared_within_a_workspace_only_and_only_with_the_same_data(registry) -> None:
    _, prepared = registry
    for slug, secret in PASSPHRASES.items():
        create_workspace(engine(), slug, slug, editor_passphrase=secret)
    prepared.clear()  # opening the store prepared the sample to seed its workspace
    files = {n: (SAMPLE / n).read_bytes() for n in ("roster.csv", "company_posts.csv")}
    files["roster.csv"] += b"E999,Zoe Verdi,,Vendite,Analyst,false,,0,false,false,,\n"
    more = files["roster.csv"] + b"E998,Ada Neri,,HR,Clerk,false,,0,false,false,,\n"
    mine = upload(in_workspace("acme-spa"), "mine", files)
    colleague = upload(in_workspace("acme-spa"), "colleague", files)
    other_workspace = upload(in_workspace("beta-srl"), "beta", files)
    no_workspace = upload(in_workspace(None), "anyone", files)
    stranger = upload(in_workspace(None), "stranger", files)
    changed = upload(in_workspace("acme-spa"), "changed", {**files, "roster.csv": more})
    uploaded_nothing = in_workspace("acme-spa")
    shared_audit = auditor_of(mine)
    assert auditor_of(colleague) is shared_audit  # the same data in the same workspace
    for at in (other_workspace, no_workspace, changed, uploaded_nothing):
        assert auditor_of(at) is not shared_audit
    assert auditor_of(stranger) is not auditor_of(no_workspace)  # no workspace: nothing shared
    # The one who uploaded nothing sees the sample, not the workspace's upload.
    assert at.session_state["session"].dataset is load_sample()
    assert len(prepared) == 6  # mine (and the colleague's), beta, two strangers, changed, sample
