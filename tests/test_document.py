"""The audit document: a scorecard to plain JSON and back, the one definition the CLI's JSON,
saved audits and every view of a saved audit share."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.document import DocumentError, from_document, to_document
from dashboard.i18n import render
from dashboard.ingest import Dataset
from dashboard.messages import Msg, Ref
from dashboard.period import Period
from dashboard.report.build import build_report
from dashboard.report.tables import gaps_table
from dashboard.sentences import criterion_line, metric_sentence
from dashboard.settings import Settings

PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30))


@pytest.fixture(scope="module")
def cards():
    sample = load_sample()
    return [
        Auditor(sample).scorecard(Settings(weakest_link=True), PERIOD),
        Auditor(sample.remove("roster.csv")).scorecard(Settings(), PERIOD),
        Auditor(Dataset()).scorecard(Settings(), PERIOD),
    ]


def test_a_scorecard_round_trips_through_its_document(cards) -> None:
    for card in cards:
        document = to_document(card)
        assert json.loads(json.dumps(document)) == document  # plain JSON, nothing else
        rebuilt = from_document(document)
        again = to_document(rebuilt)
        assert {k: v for k, v in again.items() if k != "gaps"} == {
            k: v for k, v in document.items() if k != "gaps"
        }
        # Gaps are ranked again from the two-decimal scores: the same gaps, the same order.
        assert [(g["metric"], g["priority"]) for g in again["gaps"]] == [
            (g["metric"], pytest.approx(g["priority"], abs=0.1)) for g in document["gaps"]
        ]
        assert (rebuilt.period, rebuilt.level, rebuilt.weakest_link) == (
            card.period,
            card.level,
            card.weakest_link,
        )
        for lang in ("it", "en"):  # a saved audit reads as the one just computed
            today = date(2026, 7, 1)
            saved, live = (
                build_report(rebuilt, lang, today=today),
                build_report(card, lang, today=today),
            )
            assert [c.status_text for c in saved.criteria] == [c.status_text for c in live.criteria]
            assert [[m.missing for m in c.metrics] for c in saved.criteria] == [
                [m.missing for m in c.metrics] for c in live.criteria
            ]
            assert [c.score_text for c in saved.criteria] == [c.score_text for c in live.criteria]
            assert list(gaps_table(rebuilt, lang)["metric"]) == list(
                gaps_table(card, lang)["metric"]
            )


def test_reasons_keep_their_sentence_and_their_code(cards) -> None:
    document = to_document(cards[1])  # no roster
    involvement = next(c for c in document["criteria"] if c["id"] == "involvement")
    participation = involvement["metrics"][0]
    assert participation["missing"] == "roster"
    assert participation["missing_msg"] == {"ref": "roster"}
    assert involvement["missing"] == ["roster"]
    rebuilt = from_document(document).metric("involvement.participation_rate")
    assert rebuilt.measure.missing == Ref("roster")
    assert render(rebuilt.measure.missing, "it") == "anagrafica dei dipendenti"
    empty = to_document(cards[2])
    managers = next(c for c in empty["criteria"] if c["id"] == "managers")
    assert managers["missing"] == ["employee_activity (or employee_summary) and roster"]
    [coded] = managers["missing_msg"]
    assert coded["code"] == "join.and"
    said = from_document(empty).criterion("managers").missing
    assert isinstance(said[0], Msg)
    assert "anagrafica dei dipendenti" in criterion_line(from_document(empty).criteria[2], "it")


def test_a_document_saved_before_codes_reads_its_sentences_as_written(cards) -> None:
    document = to_document(cards[1])
    for criterion in document["criteria"]:
        criterion.pop("missing_msg")
        for metric in criterion["metrics"]:
            metric.pop("missing_msg"), metric.pop("note_msg")
    rebuilt = from_document(document)
    metric = rebuilt.metric("involvement.participation_rate")
    assert metric.measure.missing == "roster"
    assert metric_sentence(metric, "it").endswith("(manca: roster)")


def test_a_document_naming_a_metric_this_version_lacks_is_refused(cards) -> None:
    document = to_document(cards[0])
    document["criteria"][0]["metrics"][0]["id"] = "in_house.gone"
    with pytest.raises(DocumentError) as refused:
        from_document(document)
    assert "in_house.gone" in str(refused.value)
