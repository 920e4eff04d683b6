"""Governance: the questionnaire checklist and the roster's trained / opted-in flags."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from conftest import context_for, dataset_from

from dashboard.criteria.families import FAMILIES
from dashboard.criteria.governance import checklist, year_before
from dashboard.i18n import english
from dashboard.scoring import ramp
from dashboard.settings import Settings

Q1 = (date(2026, 1, 1), date(2026, 3, 31))
END = Q1[1]
ALL_TRUE = {
    "policy_exists": True,
    "policy_updated": date(2026, 3, 1),
    "legal_involved": True,
    "access_unblocked": True,
    "training_programme": True,
    "internal_tool": True,
    "marketing_coordinates": True,
}


@pytest.mark.parametrize(
    ("answers", "end", "value"),
    [
        (ALL_TRUE, END, 1.0),  # 7 of 7
        ({**ALL_TRUE, "access_unblocked": False, "internal_tool": False}, END, 5 / 7),
        ({"policy_exists": True, "legal_involved": False}, END, 1 / 2),  # 2 answered
        ({"policy_updated": date(2025, 3, 31)}, END, 1.0),  # exactly 12 months before the end
        ({"policy_updated": date(2025, 3, 30)}, END, 0.0),  # one day older
        ({"policy_updated": date(2026, 5, 1)}, END, 1.0),  # revised after the period: recent
        ({"policy_updated": date(2027, 2, 28)}, date(2028, 2, 29), 1.0),  # leap day end
        ({"policy_updated": date(2027, 2, 27)}, date(2028, 2, 29), 0.0),
        ({"policy_exists": False}, END, 0.0),  # answered false is 0, not unmeasured
        ({"policy_updated": datetime(2026, 1, 5, 9, 30)}, END, 1.0),  # a datetime from the app
        ({"policy_updated": "2024-12-31"}, END, 0.0),  # ISO text
    ],
)
def test_checklist(answers, end, value):
    m = checklist(answers, end)
    assert m.value == pytest.approx(value)
    assert m.denominator == sum(v is not None for v in answers.values())


def test_checklist_evidence():
    m = checklist({"policy_exists": True, "legal_involved": False, "internal_tool": False}, END)
    assert m.evidence["false"] == ["legal_involved", "internal_tool"]
    assert m.evidence["not_answered"] == [
        "policy_updated_12_months",
        "access_unblocked",
        "training_programme",
        "marketing_coordinates",
    ]


@pytest.mark.parametrize("answers", [{}, {"policy_updated": None}])
def test_checklist_nothing_answered(answers):
    m = checklist(answers, END)
    assert m.value is None
    assert english(m.missing) == "questionnaire [governance]"


def test_year_before():
    assert year_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert year_before(date(2026, 3, 31)) == date(2025, 3, 31)


# a, b, c counted; d left and e was hired outside the period (their flags don't count).
ROSTER = """
employee_id,department,trained,opted_in,hired_at,left_at
a,Sales,yes,sì,,
b,Sales,no,sì,,
c,HR,,no,,
d,HR,yes,yes,2020-01-01,2025-06-30
e,HR,yes,yes,2026-06-01,
"""
QUESTIONNAIRE = """
[governance]
policy_exists = true
policy_updated = 2024-01-10
legal_involved = false
"""


@pytest.fixture(scope="module")
def base():
    ds = dataset_from(roster_csv=ROSTER, questionnaire_toml=QUESTIONNAIRE)
    return FAMILIES["governance"](context_for(ds, *Q1))


def test_family_from_files(base):
    # policy_exists true; policy_updated 2024-01-10 is older than 2025-03-31; legal false → 1 of 3
    assert base["governance.checklist"].value == pytest.approx(1 / 3)
    assert base["governance.checklist"].evidence["false"] == [
        "policy_updated_12_months",
        "legal_involved",
    ]
    # trained known for a (yes) and b (no); c blank → 1 of 2
    trained = base["governance.trained_share"]
    assert (trained.numerator, trained.denominator) == (1, 2)
    assert trained.evidence["employees"] == 3
    # opted in: a, b of a, b, c → 2 of 3
    opted = base["governance.opted_in_share"]
    assert (opted.numerator, opted.denominator) == (2, 3)
    assert opted.evidence["lowest_departments"][0]["department"] == "HR"  # 0 of 1


def test_trained_share_at_target_scores_100(base):
    metric = "governance.trained_share"
    value = base[metric].value  # 0.5, the default target
    assert value == 0.5
    assert ramp(value, Settings().floor(metric), Settings().target(metric)) == 100.0


@pytest.mark.parametrize(
    ("files", "metric", "missing"),
    [
        (
            {"roster_csv": "employee_id,department\na,X"},
            "governance.trained_share",
            "roster.trained",
        ),
        (
            {"roster_csv": "employee_id,department\na,X"},
            "governance.opted_in_share",
            "roster.opted_in",
        ),
        ({"questionnaire_toml": QUESTIONNAIRE}, "governance.trained_share", "roster"),
        ({"questionnaire_toml": QUESTIONNAIRE}, "governance.opted_in_share", "roster"),
        ({"roster_csv": ROSTER}, "governance.checklist", "questionnaire [governance]"),
        # only someone who left has the flag: nobody counted has it known
        (
            {"roster_csv": "employee_id,department,trained,left_at\na,X,,\nb,X,yes,2025-01-01"},
            "governance.trained_share",
            "no employee counted has roster.trained filled in",
        ),
    ],
)
def test_missing_inputs(files, metric, missing):
    m = FAMILIES["governance"](context_for(dataset_from(**files), *Q1))[metric]
    assert m.value is None
    assert english(m.missing) == missing
