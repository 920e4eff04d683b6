"""The Auditor: a dataset prepared once; a new answer re-measures only what reads it."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria import families
from dashboard.document import to_document
from dashboard.ingest import Dataset


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load_sample()


def count_families(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Which criteria are measured from now on (each family wrapped to count its calls)."""
    counted: Counter[str] = Counter()
    for cid, function in list(families.FAMILIES.items()):

        def counting(ctx: Any, cid: str = cid, function: Any = function) -> Any:
            counted[cid] += 1
            return function(ctx)

        monkeypatch.setitem(families.FAMILIES, cid, counting)
    return counted


def variants(answers: dict[str, Any]) -> list[tuple[dict[str, Any], set[str]]]:
    """Answers that differ in one section, with the criteria that read that section."""
    governance = answers["governance"]
    return [
        *(
            (answers | {"governance": governance | {key: not governance[key]}}, {"governance"})
            for key in ("legal_involved", "training_programme")
        ),
        (answers | {"agencies": []}, {"in_house"}),
        (answers | {"followers": answers["followers"] | {"linkedin": 1}}, {"amplification"}),
    ]


def test_the_questionnaire_is_not_part_of_the_prepared_data(sample) -> None:
    """Answers are given to each scoring: the prepared tables do not hold them."""
    prepared = Auditor(sample).data
    assert not hasattr(prepared, "questionnaire")
    assert "author_type" in prepared.posts.columns  # the export's, unresolved
    assert {"author_key", "author_staff"} <= set(prepared.posts.columns)


def test_an_answer_re_measures_only_the_criteria_that_read_it(sample, monkeypatch) -> None:
    auditor = Auditor(sample)
    answers = sample.questionnaire
    auditor.scorecard(questionnaire=answers)
    counted = count_families(monkeypatch)
    auditor.scorecard(questionnaire=answers)
    assert counted == Counter()  # the same answers: every measure served again
    for changed, readers in variants(answers):
        counted.clear()
        auditor.scorecard(questionnaire=changed)
        assert set(counted) == readers, readers
    counted.clear()
    auditor.scorecard(questionnaire=answers | {"platforms": {"expected": ["linkedin"]}})
    assert "presence" in counted  # the platforms expected change the period's context


def test_a_re_scored_answer_scores_as_a_fresh_audit(sample) -> None:
    """Whatever was cached before, the scorecard of some answers is the one a freshly
    prepared audit gives them (a criterion reading an undeclared section would not be)."""
    auditor = Auditor(sample)
    answers = sample.questionnaire
    sequence = [answers, *(v for v, _ in variants(answers)), answers]
    documents = [to_document(auditor.scorecard(questionnaire=a)) for a in sequence]
    fresh = [to_document(Auditor(sample).scorecard(questionnaire=a)) for a in sequence]
    assert documents == fresh
    assert documents[0] == documents[-1]
    # Every variant changed some score: the comparison above could have failed.
    assert all(d != documents[0] for d in documents[1:-1])


def test_without_answers_the_files_answers_count(sample) -> None:
    auditor = Auditor(sample)
    assert to_document(auditor.scorecard()) == to_document(
        auditor.scorecard(questionnaire=sample.questionnaire)
    )
    empty = to_document(auditor.scorecard(questionnaire={}))
    governance = next(c for c in empty["criteria"] if c["id"] == "governance")
    checklist = next(m for m in governance["metrics"] if m["id"] == "governance.checklist")
    assert checklist["value"] is None  # no answers given: not measured, never zero
    assert checklist["missing_msg"]["code"] == "measure.missing.questionnaire"
