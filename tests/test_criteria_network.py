"""Collaboration: who engaged with whom, across departments — values by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import context_for, dataset_from

from dashboard.criteria.families import FAMILIES
from dashboard.criteria.network import department_matrix
from dashboard.i18n import english
from dashboard.scoring import ramp
from dashboard.settings import Settings

Q1 = (date(2026, 1, 1), date(2026, 3, 31))

# Departments A, B, C, D counted; x1 left before the period, so nobody's interaction with
# x1 counts; D has an employee but nobody in D interacts with anyone.
ROSTER = """
employee_id,name,department,left_at
a1,Anna Rossi,A,
a2,Aldo Bassi,A,
b1,Bea Conti,B,
b2,Bob Galli,B,
c1,Ciro Neri,C,
d1,Dora Riva,D,
x1,Ex Dipendente,C,2025-12-31
"""
ACTIVITY = """
employee_id,occurred_at,action,target_employee_id
a1,2026-01-05,comment,a2
a2,2026-01-06,reaction,a1
a1,2026-01-07,share,b1
a1,2026-01-08,reaction,b1
b1,2026-01-09,comment,a1
b2,2026-02-01,reaction,c1
c1,2026-02-02,comment,x1
c1,2026-02-03,post,c1
c1,2026-02-04,comment,zz
a1,2025-12-01,comment,d1
a1,2026-02-05,post,
"""
# Counted: a1→a2, a2→a1, a1→b1 ×2, b1→a1, b2→c1 = 6 interactions. Left out: c1→x1 (x1
# not counted), c1→c1 (self), c1→zz (not in the roster), a1→d1 (before the period).


@pytest.fixture(scope="module")
def ctx():
    return context_for(dataset_from(roster_csv=ROSTER, employee_activity_csv=ACTIVITY), *Q1)


@pytest.fixture(scope="module")
def base(ctx):
    return FAMILIES["collaboration"](ctx)


@pytest.mark.parametrize(
    ("metric", "numerator", "denominator"),
    [
        # a1→b1 ×2, b1→a1, b2→c1 cross departments: 4 of 6
        ("collaboration.cross_department_share", 4, 6),
        # 4 departments → 6 pairs; A–B and B–C have interactions
        ("collaboration.department_pair_coverage", 2, 6),
        # pairs {a1,a2} and {a1,b1} both ways, {b2,c1} one way
        ("collaboration.reciprocity", 2, 3),
    ],
)
def test_base_values(base, metric, numerator, denominator):
    m = base[metric]
    assert (m.numerator, m.denominator) == (numerator, denominator)
    assert m.value == pytest.approx(numerator / denominator)


def test_department_matrix(ctx):
    matrix = department_matrix(ctx)
    assert matrix.columns == ["from_department", "to_department", "n"]
    assert matrix.rows() == [("A", "A", 2), ("A", "B", 2), ("B", "A", 1), ("B", "C", 1)]


def test_evidence(base):
    evidence = base["collaboration.cross_department_share"].evidence
    assert evidence["isolated_departments"] == ["D"]
    assert evidence["matrix"][:2] == [
        {"from": "A", "to": "A", "n": 2},
        {"from": "A", "to": "B", "n": 2},
    ]
    assert base["collaboration.reciprocity"].evidence["one_way_pairs"] == 1
    text = json.dumps({k: m.evidence for k, m in base.items()})
    assert "Rossi" not in text and "Anna" not in text  # ids only


def test_cross_share_at_target_scores_100():
    # 3 interactions inside A, 2 from A to B: 2 of 5 = 0.4, the default target
    roster = "employee_id,department\na1,A\na2,A\nb1,B"
    activity = "employee_id,occurred_at,action,target_employee_id\n" + "\n".join(
        [f"a1,2026-01-0{d},comment,a2" for d in (1, 2, 3)]
        + [f"a1,2026-01-0{d},reaction,b1" for d in (4, 5)]
    )
    ctx = context_for(dataset_from(roster_csv=roster, employee_activity_csv=activity), *Q1)
    m = FAMILIES["collaboration"](ctx)["collaboration.cross_department_share"]
    assert m.value == pytest.approx(0.4)
    target = Settings().target("collaboration.cross_department_share")
    assert ramp(m.value, Settings().floor("collaboration.cross_department_share"), target) == 100.0


def test_empty_period():
    """No interactions: shares of interactions are not measured, pair coverage is 0 of 6."""
    ds = dataset_from(roster_csv=ROSTER, employee_activity_csv=ACTIVITY)
    m = FAMILIES["collaboration"](context_for(ds, date(2026, 6, 1), date(2026, 6, 30)))
    assert english(m["collaboration.cross_department_share"].missing) == (
        "no interactions between colleagues in the period"
    )
    assert m["collaboration.department_pair_coverage"].value == 0.0  # 0 of 6 pairs
    assert not m["collaboration.reciprocity"].measured
    assert m["collaboration.department_pair_coverage"].evidence["isolated_departments"] == [
        "A",
        "B",
        "C",
        "D",
    ]


def test_single_department():
    roster = "employee_id,department\na1,A\na2,A"
    activity = "employee_id,occurred_at,action,target_employee_id\na1,2026-01-05,comment,a2"
    m = FAMILIES["collaboration"](
        context_for(dataset_from(roster_csv=roster, employee_activity_csv=activity), *Q1)
    )
    assert m["collaboration.cross_department_share"].value == 0.0  # 0 of 1
    assert english(m["collaboration.department_pair_coverage"].missing) == (
        "fewer than 2 departments among the employees counted"
    )
    assert m["collaboration.reciprocity"].value == 0.0  # 0 of 1 pair


SUMMARY = "employee_id,shares,posts\na1,3,1"


@pytest.mark.parametrize(
    ("files", "missing"),
    [
        (
            {
                "roster_csv": ROSTER,
                "employee_activity_csv": "employee_id,occurred_at,action\na1,2026-01-05,post",
            },
            "employee_activity.target_employee_id",
        ),
        (
            {"roster_csv": ROSTER, "employee_summary_csv": SUMMARY},
            "employee_activity.target_employee_id",
        ),
        ({"employee_activity_csv": ACTIVITY}, "roster"),
        (
            {"questionnaire_toml": "agencies = []"},
            "employee_activity.target_employee_id and roster",
        ),
    ],
)
def test_missing_inputs(files, missing):
    m = FAMILIES["collaboration"](context_for(dataset_from(**files), *Q1))
    for measure in m.values():
        assert measure.value is None
        assert english(measure.missing) == missing


def test_department_matrix_empty_without_log():
    ctx = context_for(dataset_from(roster_csv=ROSTER), *Q1)
    matrix = department_matrix(ctx)
    assert matrix.is_empty()
    assert matrix.columns == ["from_department", "to_department", "n"]
