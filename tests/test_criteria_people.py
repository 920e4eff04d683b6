"""People criteria: involvement, managers, voice, amplification, integration — values by hand."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import polars as pl
import pytest
from conftest import context_for, dataset_from

from dashboard.audit import Auditor
from dashboard.criteria.families import FAMILIES
from dashboard.criteria.managers import managers_vs_others
from dashboard.criteria.people import activity_concentration, participation_by_department
from dashboard.i18n import english
from dashboard.period import Period
from dashboard.scoring import ramp
from dashboard.settings import Settings

Q1 = (date(2026, 1, 1), date(2026, 3, 31))  # three calendar months → regular = active in ≥ 2

# 6 employees counted in 3 departments; `old` left before the period and `new` was hired
# after it, so neither is counted even though both acted in the period.
ROSTER = """
employee_id,name,department,title,manager_id,followers,hired_at,left_at
m1,Anna Rossi,Vendite,Direttore commerciale,,1000,,
e1,Bruno Bianchi,Vendite,Agente,m1,200,,
e2,Carla Verdi,Vendite,Agente,m1,300,,
m2,Dario Neri,Risorse Umane,Responsabile HR,,500,,
e3,Elena Galli,Risorse Umane,Analista,m2,100,,
e4,Fabio Conti,IT,Sviluppatore,,50,,
old,Gino Ex,IT,Sviluppatore,,9999,2020-01-01,2025-12-31
new,Ivo Nuovo,IT,Sviluppatore,,9999,2026-04-01,
"""
ACTIVITY = """
employee_id,occurred_at,action,with_commentary,target_employee_id,reach,impressions
m1,2026-01-10 09:00,post,,,500,800
m1,2026-02-10 09:00,comment,,e1,,
e1,2026-01-15 10:00,share,true,,200,300
e1,2026-01-20 10:00,share,false,,100,150
e1,2026-03-05 10:00,reaction,,m1,,
e3,2026-02-01 11:00,comment,,e4,,
old,2026-01-05 12:00,post,,,9999,9999
new,2026-02-05 12:00,post,,,9999,9999
m2,2025-12-31 23:00,post,,,9999,9999
"""
POSTS = """
platform,published_at,reach,impressions,labels
linkedin,2026-01-08,300,500,sales
facebook,2026-02-08,100,200,
linkedin,2025-12-01,9999,9999,
"""
SUMMARY = """
employee_id,period_start,period_end,posts,shares,shares_with_commentary,comments,reactions,clicks,network_size
m1,2026-01-01,2026-03-31,2,4,3,0,1,10,800
e1,2026-01-01,2026-03-31,0,0,0,0,0,0,150
e3,2026-01-01,2026-03-31,0,2,1,2,0,0,50
old,2026-01-01,2026-03-31,5,5,5,5,5,5,5000
"""
QUESTIONNAIRE = """
[followers]
linkedin = 400
facebook = 250
"""


def measures(ctx, *criteria):
    out = {}
    for cid in criteria:
        out.update(FAMILIES[cid](ctx))
    return out


ALL = ("involvement", "managers", "voice", "amplification", "integration")


@pytest.fixture(scope="module")
def base():
    ds = dataset_from(
        roster_csv=ROSTER,
        employee_activity_csv=ACTIVITY,
        company_posts_csv=POSTS,
        questionnaire_toml=QUESTIONNAIRE,
    )
    ctx = context_for(ds, *Q1)
    return ds, ctx, measures(ctx, *ALL)


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        # m1, e1, e3 active of 6 counted (old/new not counted, m2 acted before the period)
        ("involvement.participation_rate", 3 / 6),
        # m1 (Jan, Feb) and e1 (Jan, Mar) active in ≥ 2 of 3 months; e3 only in Feb
        ("involvement.regular_rate", 2 / 6),
        # company 0.5 → line 0.25: Vendite 2/3 and Risorse Umane 1/2 pass, IT 0/1 does not
        ("involvement.department_breadth", 2 / 3),
        # top ceil(0.6)=1 employee: e1's 3 of 6 actions
        ("involvement.top10_concentration", 3 / 6),
        # m1 active, m2 not
        ("managers.participation_rate", 1 / 2),
        # managers 1/2 ÷ non-managers (e1, e3 of e1..e4) 2/4
        ("managers.participation_ratio", 1.0),
        # m1 posted, m2 did not
        ("managers.original_post_share", 1 / 2),
        # m1 commented on e1 (a direct report); m2 never engaged with e3
        ("managers.team_interaction_share", 1 / 2),
        # e1's two shares, one with commentary
        ("voice.commentary_share", 1 / 2),
        # 1 post ÷ (1 post + 2 shares + 2 comments)
        ("voice.original_share", 1 / 5),
        # employees 500 + 200 + 100 = 800 ÷ page 300 + 100 = 400 (Dec post and old/new excluded)
        ("amplification.reach_multiplier", 2.0),
        # followers of m1, e1, e3: 1000 + 200 + 100 = 1300 ÷ 400 + 250
        ("amplification.audience_multiplier", 2.0),
        # Vendite and Risorse Umane have someone active, IT not
        ("integration.department_coverage", 2 / 3),
        # sales (Vendite) and hr (Risorse Umane) among active departments; care missing
        ("integration.function_coverage", 2 / 3),
    ],
)
def test_base_values(base, metric, expected):
    m = base[2][metric]
    assert m.measured, english(m.missing)
    assert m.value == pytest.approx(expected)


def test_every_declared_metric_is_returned(base):
    from dashboard.criteria import registry

    declared = {m.id for c in ALL for m in registry.criterion(c).metrics}
    assert set(base[2]) == declared


def test_numerators_and_denominators(base):
    m = base[2]
    assert (
        m["involvement.participation_rate"].numerator,
        m["involvement.participation_rate"].denominator,
    ) == (3, 6)
    assert (
        m["amplification.reach_multiplier"].numerator,
        m["amplification.reach_multiplier"].denominator,
    ) == (800, 400)
    assert (
        m["amplification.audience_multiplier"].numerator,
        m["amplification.audience_multiplier"].denominator,
    ) == (1300, 650)
    assert english(m["amplification.reach_multiplier"].note) == ""  # reach on both sides


def test_evidence(base):
    m = base[2]
    lowest = m["involvement.participation_rate"].evidence["lowest_departments"]
    assert [d["department"] for d in lowest] == ["IT", "Risorse Umane", "Vendite"]  # ascending
    assert lowest[0] == {"department": "IT", "employees": 1, "active": 0, "rate": 0.0}
    below = m["involvement.department_breadth"].evidence["departments_below"]
    assert [d["department"] for d in below] == ["IT"]
    top = m["involvement.top10_concentration"].evidence
    assert top["employees_doing_half"] == 1  # e1 alone does 3 of 6
    assert top["employees_doing_80pct"] == 2  # e1 + m1 = 5 ≥ 4.8
    inactive = m["managers.participation_rate"].evidence["inactive_managers"]
    assert inactive == [{"employee_id": "m2", "department": "Risorse Umane"}]
    silent = m["managers.team_interaction_share"].evidence["not_interacting_with_team"]
    assert silent == [{"employee_id": "m2", "department": "Risorse Umane"}]
    assert m["integration.function_coverage"].evidence["missing_functions"] == ["care"]
    assert m["integration.department_coverage"].evidence["departments_without_active"] == [
        {"department": "IT", "employees": 1}
    ]


def test_evidence_is_json_and_pseudonymous(base):
    text = json.dumps({k: v.evidence for k, v in base[2].items()})
    for name in ("Anna", "Bruno", "Carla", "Dario", "Elena", "Fabio", "Rossi"):
        assert name not in text


def test_participation_by_department(base):
    frame = participation_by_department(base[1])
    assert frame.columns == [
        "department",
        "employees",
        "active",
        "rate",
        "managers",
        "managers_active",
    ]
    assert frame.rows() == [
        ("IT", 1, 0, 0.0, 0, 0),
        ("Risorse Umane", 2, 1, 0.5, 1, 0),
        ("Vendite", 3, 2, 2 / 3, 1, 1),
    ]


def test_reach_at_target_scores_100(base):
    card = Auditor(base[0]).scorecard(Settings(), Period(*Q1))
    metric = card.metric("amplification.reach_multiplier")
    assert metric.value == 2.0 and metric.target == 2.0  # exactly at target
    assert metric.score == 100.0


def test_empty_period():
    """Nobody acted in the period: rates are 0 where employees exist, not measured where nothing divides."""
    ds = dataset_from(roster_csv=ROSTER, employee_activity_csv=ACTIVITY, company_posts_csv=POSTS)
    m = measures(context_for(ds, date(2026, 6, 1), date(2026, 6, 30)), *ALL)
    for metric in (
        "involvement.participation_rate",  # 0 of 6
        "involvement.regular_rate",  # 0 of 6
        "involvement.department_breadth",  # nobody active → no department is broad
        "managers.participation_rate",  # 0 of 2
        "managers.original_post_share",  # 0 of 2
        "managers.team_interaction_share",  # 0 of 2 managers with a team
        "integration.department_coverage",  # 0 of 3
        "integration.function_coverage",  # 0 of 3
    ):
        assert m[metric].value == 0.0, metric
    assert (
        english(m["involvement.top10_concentration"].missing) == "no employee actions in the period"
    )
    assert (
        english(m["managers.participation_ratio"].missing)
        == "no non-manager was active in the period"
    )
    assert not m["voice.commentary_share"].measured
    assert not m["voice.original_share"].measured
    assert (
        english(m["amplification.reach_multiplier"].missing)
        == "no reach of page posts in the period"
    )


@pytest.mark.parametrize(
    ("roster", "activity", "period", "expected"),
    [
        # 4 months → active in ≥ 2 needed: a active in Jan and Apr counts, b only in Feb does not
        (
            "employee_id,department\na,X\nb,X",
            "employee_id,occurred_at,action\na,2026-01-31,post\na,2026-04-01,post\nb,2026-02-01,post\nb,2026-02-20,post",
            (date(2026, 1, 15), date(2026, 4, 15)),
            1 / 2,
        ),
        # 1 month → 1 needed: both active
        (
            "employee_id,department\na,X\nb,X",
            "employee_id,occurred_at,action\na,2026-01-31,post\nb,2026-01-02,share",
            (date(2026, 1, 1), date(2026, 1, 31)),
            2 / 2,
        ),
    ],
)
def test_regular_rate_months(roster, activity, period, expected):
    ds = dataset_from(roster_csv=roster, employee_activity_csv=activity)
    m = FAMILIES["involvement"](context_for(ds, *period))
    assert m["involvement.regular_rate"].value == pytest.approx(expected)


def test_breadth_department_exactly_at_line_counts():
    # A 2 of 2 active, B 1 of 4: company 3/6 = 0.5, line 0.25, B at 0.25 → both count
    roster = "employee_id,department\na1,A\na2,A\nb1,B\nb2,B\nb3,B\nb4,B"
    activity = (
        "employee_id,occurred_at,action\na1,2026-01-02,post\na2,2026-01-02,post\nb1,2026-01-02,post"
    )
    ds = dataset_from(roster_csv=roster, employee_activity_csv=activity)
    m = FAMILIES["involvement"](context_for(ds, *Q1))
    assert m["involvement.department_breadth"].value == 1.0  # 2 of 2 departments
    assert m["involvement.participation_rate"].value == 0.5  # 3 of 6


def test_participation_at_target_scores_100():
    # 3 of 10 active = 0.3, the default target
    roster = "employee_id,department\n" + "\n".join(f"p{i},Ops" for i in range(10))
    activity = "employee_id,occurred_at,action\np0,2026-01-02,post\np1,2026-01-03,share\np2,2026-02-03,comment"
    ds = dataset_from(roster_csv=roster, employee_activity_csv=activity)
    card = Auditor(ds).scorecard(Settings(), Period(*Q1))
    metric = card.metric("involvement.participation_rate")
    assert metric.value == pytest.approx(0.3)
    assert metric.score == pytest.approx(100.0)
    # top ceil(10 × 0.1) = 1 employee does 1 of 3 actions
    assert card.metric("involvement.top10_concentration").value == pytest.approx(1 / 3)
    assert ramp(1 / 3, 0.9, 0.5) == 100.0  # lower is better: below target scores 100


def test_no_managers():
    roster = "employee_id,department,is_manager\na,X,no\nb,X,no"
    activity = "employee_id,occurred_at,action\na,2026-01-02,post"
    ds = dataset_from(roster_csv=roster, employee_activity_csv=activity)
    m = FAMILIES["managers"](context_for(ds, *Q1))
    for metric in ("participation_rate", "participation_ratio", "original_post_share"):
        assert english(m[f"managers.{metric}"].missing) == "no managers among the employees counted"
    # no target column and no manager_id either: the team metric names both
    assert (
        english(m["managers.team_interaction_share"].missing)
        == "employee_activity.target_employee_id and roster.manager_id"
    )


def test_only_managers_ratio_not_measured():
    roster = "employee_id,department,is_manager\na,X,sì\nb,X,sì"
    activity = "employee_id,occurred_at,action\na,2026-01-02,post"
    ds = dataset_from(roster_csv=roster, employee_activity_csv=activity)
    m = FAMILIES["managers"](context_for(ds, *Q1))
    assert m["managers.participation_rate"].value == 0.5  # 1 of 2
    assert (
        english(m["managers.participation_ratio"].missing)
        == "no non-managers among the employees counted"
    )


@pytest.mark.parametrize(
    ("files", "metric", "missing"),
    [
        # no roster: whatever divides by employees is not measured
        ({"employee_activity_csv": ACTIVITY}, "involvement.participation_rate", "roster"),
        ({"employee_activity_csv": ACTIVITY}, "managers.participation_rate", "roster"),
        ({"employee_activity_csv": ACTIVITY}, "integration.department_coverage", "roster"),
        # no log at all
        (
            {"roster_csv": ROSTER},
            "involvement.participation_rate",
            "employee_activity (or employee_summary)",
        ),
        ({"roster_csv": ROSTER}, "involvement.regular_rate", "employee_activity"),
        (
            {"employee_summary_csv": SUMMARY},
            "involvement.regular_rate",
            "employee_activity (the summary has no months) and roster",
        ),
        (
            {"roster_csv": ROSTER},
            "managers.participation_ratio",
            "employee_activity (or employee_summary)",
        ),
        ({"roster_csv": ROSTER}, "voice.original_share", "employee_activity (or employee_summary)"),
        (
            {"roster_csv": ROSTER},
            "integration.function_coverage",
            "employee_activity (or employee_summary), or company_posts.labels",
        ),
        (
            {},
            "involvement.top10_concentration",
            "employee_activity (or employee_summary) and roster",
        ),
        # roster with neither is_manager nor title
        (
            {
                "roster_csv": "employee_id,department,manager_id\nm1,X,\ne1,X,m1",
                "employee_activity_csv": ACTIVITY,
            },
            "managers.participation_rate",
            "roster.is_manager (or roster.title)",
        ),
        # no manager_id: the team cannot be known
        (
            {
                "roster_csv": "employee_id,department,title\nm1,X,CEO\ne1,X,Analyst",
                "employee_activity_csv": ACTIVITY,
            },
            "managers.team_interaction_share",
            "roster.manager_id",
        ),
        # log without target_employee_id
        (
            {
                "roster_csv": ROSTER,
                "employee_activity_csv": "employee_id,occurred_at,action\nm1,2026-01-02,post",
            },
            "managers.team_interaction_share",
            "employee_activity.target_employee_id",
        ),
        # log without with_commentary
        (
            {
                "roster_csv": ROSTER,
                "employee_activity_csv": "employee_id,occurred_at,action\ne1,2026-01-02,share",
            },
            "voice.commentary_share",
            "employee_activity.with_commentary",
        ),
        # reach and impressions on neither side
        (
            {
                "roster_csv": ROSTER,
                "employee_activity_csv": "employee_id,occurred_at,action\ne1,2026-01-02,share",
            },
            "amplification.reach_multiplier",
            "employee_activity.reach and company_posts.reach "
            "(or employee_activity.impressions and company_posts.impressions)",
        ),
        # followers: not in the roster, not in the questionnaire
        (
            {"roster_csv": "employee_id,department\ne1,X", "employee_activity_csv": ACTIVITY},
            "amplification.audience_multiplier",
            "roster.followers and questionnaire [followers]",
        ),
        (
            {"roster_csv": ROSTER, "employee_activity_csv": ACTIVITY},
            "amplification.audience_multiplier",
            "questionnaire [followers]",
        ),
    ],
)
def test_missing_inputs(files, metric, missing):
    ctx = context_for(dataset_from(**files), *Q1)
    m = FAMILIES[metric.split(".")[0]](ctx)[metric]
    assert m.value is None  # never 0 for missing inputs
    assert english(m.missing) == missing


def test_voice_and_reach_without_roster():
    """Voice and reach don't divide by employees: measured from every actor in the log."""
    ds = dataset_from(employee_activity_csv=ACTIVITY, company_posts_csv=POSTS)
    m = measures(context_for(ds, *Q1), "voice", "amplification")
    # e1's 2 shares, 1 with commentary
    assert m["voice.commentary_share"].value == 0.5
    # posts m1, old, new = 3 ÷ (3 posts + 2 shares + 2 comments)
    assert m["voice.original_share"].value == pytest.approx(3 / 7)
    # 500 + 300 + 9999 (old) + 9999 (new) ÷ 400: nobody to exclude without a roster
    assert m["amplification.reach_multiplier"].value == pytest.approx(20798 / 400)


def test_reach_falls_back_to_impressions():
    posts = "platform,published_at,impressions\nlinkedin,2026-01-08,1000\nx,2026-02-01,600"
    ds = dataset_from(roster_csv=ROSTER, employee_activity_csv=ACTIVITY, company_posts_csv=posts)
    m = FAMILIES["amplification"](context_for(ds, *Q1))["amplification.reach_multiplier"]
    assert english(m.note) == "impressions used (reach missing)"
    # impressions of m1's post and e1's shares: 800 + 300 + 150 = 1250 ÷ 1600
    assert m.value == pytest.approx(1250 / 1600)
    assert m.evidence["measure"] == "impressions"


def test_summary_only():
    roster = "employee_id,department,title\nm1,Sales,Head of sales\ne1,Sales,Agent\ne3,HR,Analyst\ne4,IT,Dev"
    ds = dataset_from(
        roster_csv=roster, employee_summary_csv=SUMMARY, questionnaire_toml=QUESTIONNAIRE
    )
    m = measures(context_for(ds, *Q1), *ALL)
    assert m["involvement.participation_rate"].value == 0.5  # m1, e3 of 4 (old not in roster)
    assert (
        english(m["involvement.regular_rate"].missing)
        == "employee_activity (the summary has no months)"
    )
    assert m["involvement.top10_concentration"].value == pytest.approx(7 / 11)  # m1's 7 of 7 + 4
    assert m["managers.participation_rate"].value == 1.0  # m1 (Head of sales)
    assert m["managers.original_post_share"].value == 1.0  # m1 posted twice
    assert english(m["managers.team_interaction_share"].missing).startswith(
        "employee_activity.target_employee_id"
    )
    assert m["voice.commentary_share"].value == pytest.approx(4 / 6)  # (3 + 1) of (4 + 2) shares
    assert m["voice.original_share"].value == pytest.approx(2 / 10)  # 2 posts ÷ (2 + 6 + 2)
    assert not m["amplification.reach_multiplier"].measured
    audience = m["amplification.audience_multiplier"]
    assert audience.value == pytest.approx(850 / 650)  # network of m1 + e3 ÷ page followers
    assert english(audience.note) == "network size = potential reach, not impressions"
    assert m["integration.department_coverage"].value == pytest.approx(2 / 3)  # Sales, HR of 3
    assert m["integration.function_coverage"].value == pytest.approx(2 / 3)  # sales, hr


def test_summary_without_commentary_column():
    summary = "employee_id,shares,posts\na,3,1"
    ds = dataset_from(roster_csv="employee_id,department\na,X", employee_summary_csv=summary)
    m = FAMILIES["voice"](context_for(ds, *Q1))
    assert english(m["voice.commentary_share"].missing) == "employee_summary.shares_with_commentary"
    assert m["voice.original_share"].value == 0.25  # 1 post ÷ (1 + 3)


DEPARTMENTS = [
    # (department, function it belongs to, or None)
    ("Customer Care", "care"),
    ("Servizio Clienti", "care"),
    ("ASSISTÈNZA tecnica", "care"),
    ("IT Support", "care"),
    ("Direzione Commerciale", "sales"),
    ("Sales & Marketing", "sales"),
    ("Vendite", "sales"),
    ("Risorse umane", "hr"),
    ("HR", "hr"),
    ("People & Culture", "hr"),
    ("Ufficio Personale", "hr"),
    ("Human Resources", "hr"),
    ("Chrome Team", None),  # "hr" inside a word is not HR
    ("Marketing", None),
]


def test_function_matching():
    roster = "employee_id,department\n" + "\n".join(
        f"p{i},{name}" for i, (name, _) in enumerate(DEPARTMENTS)
    )
    activity = "employee_id,occurred_at,action\n" + "\n".join(
        f"p{i},2026-01-05,post" for i in range(len(DEPARTMENTS))
    )
    ds = dataset_from(roster_csv=roster, employee_activity_csv=activity)
    m = FAMILIES["integration"](context_for(ds, *Q1))["integration.function_coverage"]
    assert m.value == 1.0  # all three covered
    found = {row["function"]: set(row["departments"]) for row in m.evidence["functions"]}
    for function in ("care", "sales", "hr"):
        assert found[function] == {name for name, f in DEPARTMENTS if f == function}


def test_function_in_roster_but_inactive():
    roster = "employee_id,department\na,Vendite\nb,Assistenza Clienti\nc,Marketing"
    activity = "employee_id,occurred_at,action\na,2026-01-05,post\nc,2026-01-05,post"
    ds = dataset_from(roster_csv=roster, employee_activity_csv=activity)
    m = FAMILIES["integration"](context_for(ds, *Q1))
    coverage = m["integration.function_coverage"]
    assert coverage.value == pytest.approx(1 / 3)  # only sales active
    rows = {r["function"]: r for r in coverage.evidence["functions"]}
    assert rows["care"]["in_roster"] and not rows["care"]["covered"]
    assert not rows["hr"]["in_roster"]
    assert coverage.evidence["missing_functions"] == ["care", "hr"]
    assert m["integration.department_coverage"].value == pytest.approx(2 / 3)  # Vendite, Marketing


def test_function_coverage_from_labels_without_log():
    posts = (
        "platform,published_at,labels\nlinkedin,2026-01-03,hr;event\n"
        "linkedin,2026-01-04,Customer Care\nlinkedin,2026-01-05,"
    )
    ds = dataset_from(roster_csv=ROSTER, company_posts_csv=posts)
    m = FAMILIES["integration"](context_for(ds, *Q1))
    coverage = m["integration.function_coverage"]
    assert coverage.value == pytest.approx(2 / 3)  # hr and care labelled, sales not
    assert english(coverage.note) == "page post labels used (no employee activity)"
    assert coverage.evidence["missing_functions"] == ["sales"]
    assert (
        english(m["integration.department_coverage"].missing)
        == "employee_activity (or employee_summary)"
    )


def test_no_employees_in_period():
    roster = "employee_id,department,hired_at\na,X,2027-01-01"
    activity = "employee_id,occurred_at,action\na,2026-01-05,post"
    ds = dataset_from(roster_csv=roster, employee_activity_csv=activity)
    m = measures(context_for(ds, *Q1), "involvement", "integration")
    assert (
        english(m["involvement.participation_rate"].missing)
        == "no employee in the roster was employed in the period"
    )
    assert m["integration.department_coverage"].value is None
    assert participation_by_department(context_for(ds, *Q1)).is_empty()


def test_participation_by_department_schema_without_log():
    ds = dataset_from(roster_csv=ROSTER)
    frame = participation_by_department(context_for(ds, *Q1))
    assert frame["active"].to_list() == [0, 0, 0]
    assert frame.schema["rate"] == pl.Float64


def test_function_coverage_from_labels_without_roster():
    posts = "platform,published_at,labels\nlinkedin,2026-01-03,Sales"
    ds = dataset_from(employee_activity_csv=ACTIVITY, company_posts_csv=posts)
    coverage = FAMILIES["integration"](context_for(ds, *Q1))["integration.function_coverage"]
    assert coverage.value == pytest.approx(1 / 3)  # sales only
    assert english(coverage.note) == "page post labels used (no roster)"


# --- the aggregates the People page draws ----------------------------------------------------


def test_managers_vs_others_counts_each_group() -> None:
    people = pl.DataFrame(
        {
            "is_manager": [True, True, False, False, False, None],
            "active": [True, False, True, False, False, True],
        }
    )
    assert managers_vs_others(people).to_dicts() == [
        {"group": "managers", "employees": 2, "active": 1, "rate": 0.5},
        {"group": "others", "employees": 4, "active": 2, "rate": 0.5},
    ]
    nobody_leads = people.filter(pl.col("is_manager").not_().fill_null(True))
    assert managers_vs_others(nobody_leads)["group"].to_list() == ["others"]


@pytest.mark.parametrize(
    ("actions", "top10"),
    [
        ([10] + [0] * 9, 1.0),  # one of ten does everything
        ([1] * 10, 0.1),  # everyone the same
        ([0, 0, 0], 0.0),  # nobody active
    ],
)
def test_activity_concentration_curve(actions, top10) -> None:
    curve = activity_concentration(pl.Series(actions))
    assert curve["employees_share"][0] == 0 and curve["employees_share"][-1] == 1
    at_ten = np.interp(0.1, curve["employees_share"], curve["actions_share"])
    assert at_ten == pytest.approx(top10)


def test_activity_concentration_is_bounded_for_big_companies() -> None:
    curve = activity_concentration(pl.Series(range(233_000)))
    assert curve.height == 101
    assert curve["actions_share"].is_sorted()
