"""The definitions that must not drift (AUDIT_FRAMEWORK.md), by hand, and every case where the
engine and the independent reference (tests/reference/) once disagreed, kept as a regression.

Each case is small enough to count on paper; each also asserts that the reference agrees,
so a later change to either side that breaks the definition fails here first.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import polars as pl
import pytest
from conftest import context_for, dataset_from
from reference.compare import disagreements, engine_measures

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.cli import render_text
from dashboard.criteria import registry
from dashboard.criteria.context import Context, prepare
from dashboard.document import to_document
from dashboard.i18n import english
from dashboard.period import Period
from dashboard.scoring import measure_all
from dashboard.settings import Settings

Q1 = (date(2026, 1, 1), date(2026, 3, 31))

# a1 manages b1 (her title says so: is_manager is absent). b1's only action is off-topic,
# a1's only action (on b1's post) is off-topic, and so is c1's comment to a1.
ROSTER = """
employee_id,department,title,manager_id,followers
a1,Vendite,Direttrice commerciale,,1000
b1,Vendite,Agente,a1,200
c1,IT,Sviluppatore,,50
d1,IT,Analista,,10
"""
ACTIVITY = """
employee_id,occurred_at,action,with_commentary,company_related,target_employee_id,reach
c1,2026-01-10 09:00,post,,true,,100
c1,2026-02-10 09:00,share,true,,,50
d1,2026-01-12 09:00,comment,,true,c1,
b1,2026-01-15 10:00,share,false,false,,500
a1,2026-01-20 10:00,comment,,false,b1,
c1,2026-03-01 10:00,comment,,false,a1,
"""
POSTS = """
platform,post_id,published_at,reach
linkedin,1,2026-01-08 10:00,100
"""
QUESTIONNAIRE = """
[followers]
linkedin = 100
"""


def _company(activity: str = ACTIVITY):
    return dataset_from(
        roster_csv=ROSTER,
        employee_activity_csv=activity,
        company_posts_csv=POSTS,
        questionnaire_toml=QUESTIONNAIRE,
    )


# metric → (numerator, denominator) with the rule, and without it (every row counted)
OFF_TOPIC_CASES = {
    # c1 and d1 of 4; b1 and a1 only acted off-topic
    "involvement.participation_rate": ((2, 4), (4, 4)),
    # top ceil(0.4) = 1: c1's 2 of 3 company-related actions (3 of 6 counting everything)
    "involvement.top10_concentration": ((2, 3), (3, 6)),
    # a1, the one manager, did nothing company-related
    "managers.participation_rate": ((0, 1), (1, 1)),
    "managers.original_post_share": ((0, 1), (0, 1)),
    # a1's comment on her report b1 was off-topic
    "managers.team_interaction_share": ((0, 1), (1, 1)),
    # d1 → c1 only (within IT); counting everything adds a1 → b1 and c1 → a1 (IT → Vendite)
    "collaboration.cross_department_share": ((0, 1), (1, 3)),
    "collaboration.department_pair_coverage": ((0, 1), (1, 1)),
    # c1's share has commentary; b1's off-topic share without it is left out
    "voice.commentary_share": ((1, 1), (1, 2)),
    # 1 post ÷ (1 post + 1 share + 1 comment); everything: 1 ÷ (1 + 2 + 3)
    "voice.original_share": ((1, 3), (1, 6)),
    # c1's post and share 100 + 50 ÷ the page's 100; b1's off-topic 500 left out
    "amplification.reach_multiplier": ((150, 100), (650, 100)),
    # followers of c1 and d1 ÷ the page's 100
    "amplification.audience_multiplier": ((60, 100), (1260, 100)),
    # IT only; everything: both departments
    "integration.department_coverage": ((1, 2), (2, 2)),
}


def _counts(measures, metric: str) -> tuple[float, float]:
    return (measures[metric].numerator, measures[metric].denominator)


def test_off_topic_actions_enter_no_metric_and_are_counted_as_left_out() -> None:
    measures = measure_all(context_for(_company(), *Q1))
    # The same log without its company_related column: every row counts.
    rows = [line.split(",") for line in ACTIVITY.strip().splitlines()]
    column = rows[0].index("company_related")
    unmarked = "\n".join(",".join(r[:column] + r[column + 1 :]) for r in rows)
    everything = measure_all(context_for(_company(unmarked), *Q1))
    for metric, (with_rule, without) in OFF_TOPIC_CASES.items():
        assert _counts(measures, metric) == with_rule, metric
        assert _counts(everything, metric) == without, metric
        assert measures[metric].evidence["off_topic_left_out"] == 3, metric
    assert disagreements(_company(), *Q1) == {}


def test_off_topic_rows_are_not_proof_that_a_column_is_filled_in() -> None:
    """Only off-topic rows name a colleague or carry reach: collaboration stays not measured
    and the reach multiplier reads impressions, as if those rows were not there."""
    activity = """
    employee_id,occurred_at,action,company_related,target_employee_id,reach,impressions
    c1,2026-01-10 09:00,post,true,,,300
    d1,2026-01-12 09:00,comment,false,c1,900,
    """
    posts = "platform,post_id,published_at,reach,impressions\nlinkedin,1,2026-01-08,100,200"
    dataset = dataset_from(
        roster_csv=ROSTER, employee_activity_csv=activity, company_posts_csv=posts
    )
    measures = measure_all(context_for(dataset, *Q1))
    cross = measures["collaboration.cross_department_share"]
    assert english(cross.missing) == "employee_activity.target_employee_id"
    reach = measures["amplification.reach_multiplier"]
    assert (reach.value, english(reach.note)) == (1.5, "impressions used (reach missing)")
    assert disagreements(dataset, *Q1) == {}


@pytest.mark.parametrize(
    ("title", "manager"),
    [
        ("Direttore commerciale", True),
        ("Direttrice commerciale", True),
        ("Direttori di stabilimento", True),
        ("Direttrici di filiale", True),
        ("Responsabile vendite", True),
        ("Responsabili acquisti", True),
        ("Dirigente", True),
        ("Dirigenti amministrativi", True),
        ("Capo reparto", True),
        ("Capi turno", True),
        ("Caporeparto", True),
        ("Amministratore delegato", True),
        ("Amministratrice delegata", True),
        ("Amministratori delegati", True),
        ("Presidente", True),
        ("Vicedirettrice", True),
        ("Head of Sales", True),
        ("Heads of People", True),
        ("Area managers", True),
        ("Directors' office", True),
        ("Chief People Officer", True),
        ("CFO", True),
        ("Amministratore di sistema", False),
        ("Headhunter", False),
        ("Capitano di ventura", False),
        ("Responsabilità sociale", False),
        ("Agente di vendita", False),
        ("", False),
    ],
)
def test_titles_decide_who_is_a_manager_where_is_manager_is_absent(
    title: str, manager: bool
) -> None:
    dataset = dataset_from(roster_csv=f'employee_id,department,title\nx1,Vendite,"{title}"')
    roster = prepare(dataset).roster
    assert roster["is_manager"].to_list() == [manager]
    assert roster["manager_inferred"].to_list() == [True]


def test_the_roster_says_who_is_a_manager_where_it_says_so() -> None:
    """is_manager wins over the title; having direct reports does not make a manager."""
    dataset = dataset_from(
        roster_csv="""
        employee_id,department,title,is_manager,manager_id
        x1,Vendite,Direttore,false,
        x2,Vendite,Agente,true,
        x3,Vendite,Coordinatore,,
        x4,Vendite,Agente,,x3
        """
    )
    roster = prepare(dataset).roster
    assert roster["is_manager"].to_list() == [False, True, False, False]
    assert roster["manager_inferred"].to_list() == [False, False, True, True]


def test_the_output_says_how_many_managers_were_inferred_from_titles() -> None:
    auditor = Auditor(_company())
    scorecard = auditor.scorecard(Settings(), Period(*Q1))
    for metric in ("managers.participation_rate", "managers.team_interaction_share"):
        evidence = scorecard.metric(metric).measure.evidence
        assert evidence["managers_inferred_from_titles"] == 1
    metrics = {m["id"]: m for c in to_document(scorecard)["criteria"] for m in c["metrics"]}
    assert metrics["managers.participation_rate"]["note"] == "managers inferred from titles: 1"
    assert "[managers inferred from titles: 1]" in render_text(scorecard, "en")
    assert "[manager dedotti dal ruolo: 1]" in render_text(scorecard, "it")


def test_nothing_is_said_about_inference_when_the_roster_says_who_manages() -> None:
    roster = """
    employee_id,department,title,is_manager,manager_id
    a1,Vendite,Direttrice commerciale,true,
    b1,Vendite,Agente,false,a1
    c1,IT,Sviluppatore,false,
    """
    dataset = dataset_from(roster_csv=roster, employee_activity_csv=ACTIVITY)
    scorecard = Auditor(dataset).scorecard(Settings(), Period(*Q1))
    measure = scorecard.metric("managers.participation_rate").measure
    assert (measure.denominator, english(measure.note)) == (1, "")
    assert "managers_inferred_from_titles" not in measure.evidence
    assert "inferred" not in render_text(scorecard, "en")


def test_a_post_author_matches_the_roster_whatever_the_accents_or_case() -> None:
    """The roster writes "Niccolo Bruno" without accents, the export "Niccolò BRUNO": staff."""
    roster = "employee_id,department,name\nn1,Vendite,Niccolo Bruno\nm1,IT,Zoë Conti"
    posts = """
    platform,post_id,published_at,author
    linkedin,1,2026-01-05,Niccolò BRUNO
    linkedin,2,2026-01-06,zoe conti
    linkedin,3,2026-01-07,Niccolò-Bruno
    linkedin,4,2026-01-08,Agenzia Vinum
    """
    dataset = dataset_from(
        roster_csv=roster,
        company_posts_csv=posts,
        questionnaire_toml='agencies = ["Agenzia Vinum"]',
    )
    measure = engine_measures(dataset, *Q1)["in_house.staff_post_share"]
    assert (measure.numerator, measure.denominator) == (3, 4)
    assert disagreements(dataset, *Q1) == {}


def test_a_post_made_with_a_partner_mentioned_by_handle_is_a_partner_post() -> None:
    posts = """
    platform,post_id,published_at,text
    linkedin,1,2026-01-05,Con @ValleVerde nasce Terra Nostra
    linkedin,2,2026-01-06,Grazie con affetto
    linkedin,3,2026-01-07,con @ e basta
    """
    dataset = dataset_from(company_posts_csv=posts)
    measure = engine_measures(dataset, *Q1)["ecosystem.partner_share"]
    assert (measure.numerator, measure.denominator) == (1, 3)
    assert disagreements(dataset, *Q1) == {}


def test_summary_shares_with_unknown_commentary_are_left_out_of_both_sides() -> None:
    summary = """
    employee_id,period_start,period_end,posts,shares,shares_with_commentary
    a1,2026-01-01,2026-03-31,1,4,3
    b1,2026-01-01,2026-03-31,0,6,
    """
    dataset = dataset_from(roster_csv=ROSTER, employee_summary_csv=summary)
    measure = engine_measures(dataset, *Q1)["voice.commentary_share"]
    assert (measure.numerator, measure.denominator) == (3, 4)
    assert disagreements(dataset, *Q1) == {}


def test_the_conversation_rate_is_a_ratio_that_may_exceed_one() -> None:
    posts = "platform,post_id,published_at,reactions,comments,shares\nlinkedin,1,2026-01-05,2,3,1"
    dataset = dataset_from(company_posts_csv=posts)
    scorecard = Auditor(dataset).scorecard(Settings(), Period(*Q1))
    result = scorecard.metric("conversation.conversation_rate")
    assert (result.value, result.spec.unit) == (2.0, "ratio")


# --- the period -----------------------------------------------------------------------------


def test_the_period_includes_its_first_and_last_moments_and_nothing_beyond() -> None:
    activity = """
    employee_id,occurred_at,action
    a1,2025-12-31 23:59:59,post
    b1,2026-01-01 00:00:00,post
    c1,2026-03-31 23:59:59,post
    d1,2026-04-01 00:00:00,post
    """
    posts = """
    platform,post_id,published_at
    linkedin,1,2025-12-31 23:59:59
    linkedin,2,2026-01-01 00:00:00
    linkedin,3,2026-03-31 23:59:59
    linkedin,4,2026-04-01 00:00:00
    """
    dataset = dataset_from(
        roster_csv=ROSTER, employee_activity_csv=activity, company_posts_csv=posts
    )
    ctx = context_for(dataset, *Q1)
    assert ctx.posts["post_id"].to_list() == ["2", "3"]
    assert sorted(ctx.per_employee.filter(pl.col("active"))["employee_id"]) == ["b1", "c1"]
    assert disagreements(dataset, *Q1) == {}


def test_employees_counted_are_those_employed_at_any_time_in_the_period() -> None:
    roster = """
    employee_id,department,hired_at,left_at
    gone,Vendite,,2025-12-31
    last_day,Vendite,,2026-01-01
    first_day,Vendite,2026-03-31,
    later,Vendite,2026-04-01,
    always,Vendite,,
    """
    activity = "employee_id,occurred_at,action\n" + "\n".join(
        f"{who},2026-02-01 10:00,post" for who in ("gone", "last_day", "first_day", "later")
    )
    dataset = dataset_from(roster_csv=roster, employee_activity_csv=activity)
    measure = engine_measures(dataset, *Q1)["involvement.participation_rate"]
    # counted: last_day, first_day, always; active among them: last_day, first_day
    assert (measure.numerator, measure.denominator) == (2, 3)
    assert disagreements(dataset, *Q1) == {}


@pytest.fixture(scope="module")
def sample_auditor() -> Auditor:
    return Auditor(load_sample())


@pytest.mark.parametrize("quarter", range(4))
def test_every_single_day_of_the_sample_is_a_period_that_works(
    sample_auditor: Auditor, quarter: int
) -> None:
    """A one-day period used to raise IndexError (longest silence) on 233 of 365 days.
    (In four quarters, so parallel workers share the 365 audits.)"""
    span = sample_auditor.default_period()
    assert span is not None and span.days == 365
    silences = set()
    for offset in range(quarter, span.days, 4):
        day = span.start + timedelta(days=offset)
        measures = measure_all(Context(sample_auditor.data, Period(day, day), Settings()))
        assert len(measures) == len(registry.metrics())
        silences.add(measures["consistency.longest_silence_days"].value)
    assert silences == {0.0, 1.0}  # a day with a post: 0; without: the whole day


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 1, 1), date.max),
        (date.min, date.max),
        (date.max, date.max),
        (date.min, date.min),
        (date(9999, 12, 1), date(9999, 12, 31)),
    ],
)
def test_a_period_may_reach_the_last_day_a_date_can_hold(start: date, end: date) -> None:
    """9999-12-31 has no next day: the period, its weeks and months never step there."""
    period = Period(start, end)
    weeks, months = period.iso_weeks(), period.months()
    assert weeks[0] <= start and 0 <= (end - weeks[-1]).days < 7
    assert weeks[0].weekday() == 0 and len(weeks) == (end - weeks[0]).days // 7 + 1
    assert months[0] == start.replace(day=1) and months[-1] == end.replace(day=1)
    assert period.end_dt == datetime(end.year, end.month, end.day, 23, 59, 59, 999999)
    first = date.fromordinal(max(start.toordinal(), end.toordinal() - 89))
    assert period.last_days(90) == Period(first, end)


def test_an_audit_may_end_on_the_last_day_a_date_can_hold() -> None:
    dataset = dataset_from(
        roster_csv=ROSTER, employee_activity_csv=ACTIVITY, company_posts_csv=POSTS
    )
    period = Period(date(2026, 1, 1), date.max)
    scorecard = Auditor(dataset).scorecard(Settings(), period)
    assert scorecard.metric("involvement.participation_rate").measure.numerator == 2
    assert (
        scorecard.metric("consistency.longest_silence_days").value
        == (date.max - date(2026, 1, 8)).days
    )


# --- who a log's rows name --------------------------------------------------------------

MATCH_ROSTER = """
employee_id,department,name,email
E001,Vendite,Anna Neri,anna.neri@acme.it
E002,IT,Luca Bassi,luca.bassi@acme.it
E003,IT,Sara Conti,sara.conti@acme.it
"""


def test_an_address_whose_local_part_is_an_employee_id_names_that_employee() -> None:
    summary = """
employee_id,posts,shares
e002@acme.it,3,1
Anna.Neri@ACME.it,1,0
ghost@acme.it,5,5
"""
    dataset = dataset_from(roster_csv=MATCH_ROSTER, employee_summary_csv=summary)
    measures = measure_all(context_for(dataset, *Q1))
    # E002 by the local part of the address, E001 by her e-mail; the ghost is nobody.
    assert _counts(measures, "involvement.participation_rate") == (2, 3)
    found = prepare(dataset).strangers["employee_summary"]
    assert (found.rows, found.total, found.examples) == (1, 3, ("ghost@acme.it",))


def test_a_log_that_names_nobody_in_the_roster_measures_nothing_and_says_why() -> None:
    summary = """
employee_id,posts,shares
ghost@acme.it,5,5
Mario Sconosciuto,1,0
"""
    dataset = dataset_from(roster_csv=MATCH_ROSTER, employee_summary_csv=summary)
    measures = measure_all(context_for(dataset, *Q1))
    participation = measures["involvement.participation_rate"]
    assert participation.value is None  # not a measured 0 %
    assert "matches an employee of the roster" in english(participation.missing)
    # The same people named by the roster's ids: measured.
    named = summary.replace("ghost@acme.it", "E001").replace("Mario Sconosciuto", "E002")
    dataset = dataset_from(roster_csv=MATCH_ROSTER, employee_summary_csv=named)
    assert _counts(measure_all(context_for(dataset, *Q1)), "involvement.participation_rate") == (
        2,
        3,
    )
