"""The page family (in_house, consistency, conversation, ecosystem, presence), by hand-computed cases.

Every fixture goes through the real loader (`dataset_from`). Dates used below:
2026-01-01 is a Thursday, 2026-01-05 a Monday, 2026-01-07 a Wednesday,
2026-02-01 a Sunday, 2026-02-02 a Monday.
"""

from __future__ import annotations

import json
import textwrap
from datetime import date

import polars as pl
import pytest
from conftest import context_for, dataset_from

from dashboard.criteria import page, registry
from dashboard.criteria.base import Measure
from dashboard.criteria.context import Context
from dashboard.criteria.families import FAMILIES
from dashboard.i18n import english
from dashboard.ingest import Dataset
from dashboard.scoring import meets_target, ramp
from dashboard.settings import Settings

PAGE_CRITERIA = ("in_house", "consistency", "conversation", "ecosystem", "presence")
JAN = (date(2026, 1, 1), date(2026, 1, 31))
ROSTER = """
employee_id,department,name,email
e1,Marketing,Anna Rossi,anna@acme.it
e2,Sales,Bruno Verdi,bruno@acme.it
"""
LONG_ID = "7123456789012345678"  # 19 digits: a float would round it


def ctx_of(
    posts: str | None,
    start: date = JAN[0],
    end: date = JAN[1],
    *,
    roster: str | None = None,
    questionnaire: str | None = None,
    settings: Settings | None = None,
) -> Context:
    files = {}
    if posts is not None:
        files["company_posts_csv"] = textwrap.dedent(posts)
    if roster is not None:
        files["roster_csv"] = roster
    if questionnaire is not None:
        files["questionnaire_toml"] = questionnaire
    return context_for(dataset_from(**files), start, end, settings)


def measure(ctx: Context, metric_id: str) -> Measure:
    computed = FAMILIES[metric_id.split(".")[0]](ctx)
    return computed[metric_id]


def dates_csv(*days: str, platform: str = "linkedin") -> str:
    """A posts file with one post per date (YYYY-MM-DD) on one platform."""
    rows = [f"{platform},{i},{d} 10:00" for i, d in enumerate(days, 1)]
    return "\n".join(["platform,post_id,published_at", *rows])


# --- every family ---------------------------------------------------------------


@pytest.mark.parametrize("criterion", PAGE_CRITERIA)
def test_no_posts_file_is_not_measured_naming_company_posts(criterion):
    ctx = context_for(Dataset(), *JAN)
    computed = FAMILIES[criterion](ctx)
    assert set(computed) == {m.id for m in registry.criterion(criterion).metrics}
    for m in computed.values():
        assert m.value is None
        assert english(m.missing) == "company_posts"


@pytest.mark.parametrize("criterion", PAGE_CRITERIA)
def test_families_return_exactly_the_registry_metrics(criterion):
    ctx = ctx_of(
        "platform,post_id,published_at,author,comments,comments_replied\n"
        "linkedin,1,2026-01-05 10:00,Anna Rossi,2,1",
        roster=ROSTER,
    )
    computed = FAMILIES[criterion](ctx)
    assert set(computed) == {m.id for m in registry.criterion(criterion).metrics}
    json.dumps({k: v.evidence for k, v in computed.items()})  # evidence is JSON-friendly


def test_reach_and_impressions_do_not_change_page_measures():
    # Reach/impressions (and their fallback) belong to amplification: the page family ignores them.
    base = "platform,post_id,published_at,comments,comments_replied"
    rows = ["linkedin,1,2026-01-05 10:00,4,2", "facebook,2,2026-01-20 10:00,2,2"]
    plain = ctx_of("\n".join([base, *rows]))
    with_reach = ctx_of("\n".join([base + ",reach,impressions", *(r + ",100,300" for r in rows)]))
    for criterion in PAGE_CRITERIA:
        assert FAMILIES[criterion](plain) == FAMILIES[criterion](with_reach)


# --- in_house -------------------------------------------------------------------

AUTHORED = f"""
platform,post_id,published_at,author
linkedin,{LONG_ID},2026-01-05 09:00,Anna Rossi
linkedin,2,2026-01-06 09:00,bruno@acme.it
facebook,3,2026-01-07 09:00,ANNA ROSSI
facebook,4,2026-01-08 09:00,Agenzia X
instagram,5,2026-01-09 09:00,Freelance Y
instagram,6,2026-01-10 09:00,
linkedin,7,2025-12-20 09:00,Agenzia X
"""


def test_staff_post_share_with_roster_and_questionnaire_agency():
    ctx = ctx_of(AUTHORED, roster=ROSTER, questionnaire='agencies = ["Agenzia X"]')
    m = measure(ctx, "in_house.staff_post_share")
    # staff: Anna, bruno@ (e-mail), ANNA ROSSI (case folded) = 3; agency: Agenzia X = 1
    # (its December post is outside the period); Freelance Y and the blank author are
    # unknown and left out → 3 ÷ (3 + 1) = 0.75
    assert (m.value, m.numerator, m.denominator) == (0.75, 3, 4)
    assert m.evidence["unknown_author_posts"] == 2
    assert m.evidence["agency_posts"] == 1
    authors = {(a["author"], a["author_type"]): a["posts"] for a in m.evidence["external_authors"]}
    assert authors == {
        ("Agenzia X", "agency"): 1,
        ("Freelance Y", "unknown"): 1,
        ("(no author)", "unknown"): 1,
    }


def test_without_the_agency_list_the_agency_is_an_unknown_author():
    ctx = ctx_of(AUTHORED, roster=ROSTER)
    m = measure(ctx, "in_house.staff_post_share")
    # 3 staff, no agency known → 3 ÷ 3 = 1.0; the 3 others are unknown
    assert (m.value, m.numerator, m.denominator) == (1.0, 3, 3)
    assert m.evidence["unknown_author_posts"] == 3


def test_author_type_column_is_used_as_exported():
    ctx = ctx_of(
        """
        platform,post_id,published_at,author_type
        linkedin,1,2026-01-05 09:00,staff
        linkedin,2,2026-01-06 09:00,agenzia
        linkedin,3,2026-01-07 09:00,interno
        linkedin,4,2026-01-08 09:00,unknown
        linkedin,5,2026-01-09 09:00,staff
        """
    )
    m = measure(ctx, "in_house.staff_post_share")
    # staff 3 (staff, interno, staff), agency 1 → 3 ÷ 4 = 0.75; 1 unknown
    assert (m.value, m.evidence["unknown_author_posts"]) == (0.75, 1)


def test_staff_post_share_exactly_at_target_scores_100():
    rows = [f"linkedin,{i},2026-01-0{i} 09:00,Anna Rossi" for i in range(1, 5)]
    rows.append("linkedin,5,2026-01-05 10:00,Agenzia X")
    ctx = ctx_of(
        "\n".join(["platform,post_id,published_at,author", *rows]),
        roster=ROSTER,
        questionnaire='agencies = ["Agenzia X"]',
    )
    m = measure(ctx, "in_house.staff_post_share")
    target = Settings().target("in_house.staff_post_share")
    # 4 staff of 5 known → 0.8, the default target: full score, not a gap
    assert m.value == pytest.approx(0.8) == target
    assert ramp(m.value, Settings().floor("in_house.staff_post_share"), target) == 100
    assert meets_target(m.value, Settings().floor("in_house.staff_post_share"), target)


@pytest.mark.parametrize(
    "posts",
    [
        # no author column at all
        "platform,post_id,published_at\nlinkedin,1,2026-01-05 09:00",
        # an author column, blank for every post of the period (filled only in December)
        "platform,post_id,published_at,author\n"
        "linkedin,1,2026-01-05 09:00,\nlinkedin,2,2025-12-05 09:00,Anna Rossi",
        # authors, none of them in the roster or the agency list
        "platform,post_id,published_at,author\nlinkedin,1,2026-01-05 09:00,Someone Else",
    ],
)
def test_staff_post_share_without_a_known_author_is_not_measured(posts):
    m = measure(ctx_of(posts, roster=ROSTER), "in_house.staff_post_share")
    assert m.value is None
    assert (
        english(m.missing)
        == "company_posts.author (matched to the roster) or company_posts.author_type"
    )
    assert m.evidence["unknown_author_posts"] == 1


def test_staff_reply_share_over_posts_where_both_are_known():
    ctx = ctx_of(
        """
        platform,post_id,published_at,replies_by_staff,comments_replied
        linkedin,1,2026-01-05 09:00,2,4
        linkedin,2,2026-01-06 09:00,,10
        linkedin,3,2026-01-07 09:00,3,4
        linkedin,4,2026-01-08 09:00,5,
        """
    )
    m = measure(ctx, "in_house.staff_reply_share")
    # both known on posts 1 and 3: (2 + 3) ÷ (4 + 4) = 0.625
    assert (m.value, m.numerator, m.denominator) == (0.625, 5, 8)


@pytest.mark.parametrize(
    ("posts", "missing"),
    [
        (
            "platform,post_id,published_at,comments_replied\nlinkedin,1,2026-01-05 09:00,3",
            "company_posts.replies_by_staff",
        ),
        (
            "platform,post_id,published_at,replies_by_staff,comments_replied\n"
            "linkedin,1,2026-01-05 09:00,2,",
            "company_posts.comments_replied",
        ),
        (
            "platform,post_id,published_at,replies_by_staff,comments_replied\n"
            "linkedin,1,2026-01-05 09:00,2,\nlinkedin,2,2026-01-06 09:00,,4",
            "company_posts.replies_by_staff and company_posts.comments_replied on the same posts",
        ),
    ],
)
def test_staff_reply_share_missing_inputs(posts, missing):
    m = measure(ctx_of(posts), "in_house.staff_reply_share")
    assert (m.value, english(m.missing)) == (None, missing)


def test_posts_file_without_posts_in_the_period_is_not_measured_for_in_house():
    ctx = ctx_of(dates_csv("2025-12-01"))
    for m in FAMILIES["in_house"](ctx).values():
        assert m.value is None
        assert english(m.missing).startswith("company_posts in the period")


# --- consistency ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "start", "end", "active", "weeks"),
    [
        # Wed 7 Jan – Sun 1 Feb: ISO weeks of 5, 12, 19, 26 Jan (the first one partial);
        # posts in weeks 5 Jan (Wed 7) and 19 Jan (20, 21) → 2 of 4 = 0.5
        (("2026-01-07", "2026-01-20", "2026-01-21"), "2026-01-07", "2026-02-01", 2, 4),
        # Tue 6 Jan is before the period: week 5 Jan is silent though the post shares its week
        # → 1 of 4 = 0.25
        (("2026-01-06", "2026-01-20"), "2026-01-07", "2026-02-01", 1, 4),
        # ending on Mon 2 Feb adds the week of 2 Feb (one day in the period), where a post is
        # → weeks 5 Jan, 2 Feb active of 5 = 0.4
        (("2026-01-07", "2026-02-02"), "2026-01-07", "2026-02-02", 2, 5),
        # a post after the period is ignored → 1 of 4 = 0.25
        (("2026-01-12", "2026-02-02"), "2026-01-07", "2026-02-01", 1, 4),
        # Thu 1 Jan – Sat 31 Jan: weeks of 29 Dec, 5, 12, 19, 26 Jan; posts in every one
        # → 5 of 5 = 1.0
        (
            ("2026-01-01", "2026-01-05", "2026-01-18", "2026-01-19", "2026-01-31"),
            "2026-01-01",
            "2026-01-31",
            5,
            5,
        ),
        # the posts file has no post in the period → 0 of 5 = 0.0 (the page was silent)
        (("2025-11-03",), "2026-01-01", "2026-01-31", 0, 5),
    ],
)
def test_active_week_share(days, start, end, active, weeks):
    ctx = ctx_of(dates_csv(*days), date.fromisoformat(start), date.fromisoformat(end))
    m = measure(ctx, "consistency.active_week_share")
    assert (m.numerator, m.denominator) == (active, weeks)
    assert m.value == pytest.approx(active / weeks)
    assert m.evidence["silent_week_count"] == weeks - active


def test_active_week_share_evidence_lists_silent_weeks_and_stretches_by_platform():
    posts = """
    platform,post_id,published_at
    linkedin,1,2026-01-05 10:00
    linkedin,2,2026-01-26 10:00
    facebook,3,2026-01-06 10:00
    facebook,4,2026-01-08 10:00
    facebook,5,2026-01-13 10:00
    """
    ctx = ctx_of(posts, settings=Settings(expected_platforms=("linkedin", "facebook", "x")))
    m = measure(ctx, "consistency.active_week_share")
    # weeks 29 Dec, 5, 12, 19, 26 Jan; posts in 5, 12, 26 Jan → 3 of 5 = 0.6
    assert m.value == pytest.approx(0.6)
    assert m.evidence["silent_weeks"] == ["2025-12-29", "2026-01-19"]
    stretches = [
        (s["platform"], s["from"], s["to"], s["days"]) for s in m.evidence["silent_stretches"]
    ]
    # x never posted: 1–31 Jan, the period's 31 days; facebook 13 → 31 Jan = 18 days;
    # linkedin 5 → 26 Jan = 21 days; gaps of a week or less are not stretches
    assert stretches == [
        ("x", "2026-01-01", "2026-01-31", 31),
        ("linkedin", "2026-01-05", "2026-01-26", 21),
        ("facebook", "2026-01-13", "2026-01-31", 18),
    ]


@pytest.mark.parametrize(
    ("days", "longest", "start", "end"),
    [
        # 1 Jan →5: 4, 5→10: 5, 10→25: 15, 25→31 Jan: 6 → 15 (10 → 25 Jan)
        (("2026-01-05", "2026-01-10", "2026-01-25"), 15, "2026-01-10", "2026-01-25"),
        # the period start counts: 1 → 20 Jan = 19, 20 → 31 Jan = 11 → 19
        (("2026-01-20",), 19, "2026-01-01", "2026-01-20"),
        # the period end counts: 1 → 3 = 2, 3 → 10 = 7, 10 → 31 = 21 → 21
        (("2026-01-03", "2026-01-10"), 21, "2026-01-10", "2026-01-31"),
        # two posts on one day, posts every 7 days from the 1st: every gap 7, then 29 → 31 = 2 → 7
        (
            ("2026-01-01", "2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22", "2026-01-29"),
            7,
            "2026-01-01",
            "2026-01-08",
        ),
        # no post in the period (only in December) → the period's length, 31 days
        (("2025-12-30",), 31, "2026-01-01", "2026-01-31"),
    ],
)
def test_longest_silence_days(days, longest, start, end):
    m = measure(ctx_of(dates_csv(*days)), "consistency.longest_silence_days")
    assert m.value == longest
    assert (m.evidence["longest"]["from"], m.evidence["longest"]["to"]) == (start, end)


def test_longest_silence_counts_whole_days_across_platforms():
    posts = """
    platform,post_id,published_at
    linkedin,1,2026-01-02 23:59
    facebook,2,2026-01-12 00:01
    instagram,3,2026-01-30 08:00
    """
    m = measure(ctx_of(posts), "consistency.longest_silence_days")
    # any platform: 1→2 Jan: 1, 2→12: 10, 12→30: 18, 30→31: 1 → 18 (times of day ignored)
    assert m.value == 18


@pytest.mark.parametrize(
    ("days", "cv"),
    [
        # weeks 5, 12, 19, 26 Jan: 2, 0, 1, 1 posts → mean 1, population variance
        # (1 + 1 + 0 + 0) ÷ 4 = 0.5 → std 0.7071 → cv 0.7071
        (("2026-01-05", "2026-01-06", "2026-01-20", "2026-01-30"), 0.5**0.5),
        # one post every week → std 0 → cv 0
        (("2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"), 0.0),
        # all 4 posts in one week: mean 1, variance (9 + 1 + 1 + 1) ÷ 4 = 3 → cv √3 = 1.7321
        (("2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"), 3**0.5),
    ],
)
def test_weekly_cv(days, cv):
    ctx = ctx_of(dates_csv(*days), date(2026, 1, 5), date(2026, 2, 1))
    m = measure(ctx, "consistency.weekly_cv")
    assert m.value == pytest.approx(cv)
    assert m.denominator == pytest.approx(1.0)  # mean posts per week


def test_weekly_cv_with_no_post_in_the_period_is_not_measured():
    m = measure(ctx_of(dates_csv("2025-12-01")), "consistency.weekly_cv")
    assert m.value is None
    assert "average 0" in english(m.missing)


# --- conversation ---------------------------------------------------------------

CONVERSATION = f"""
platform,post_id,published_at,comments,comments_replied,first_response_minutes,text
linkedin,{LONG_ID},2026-01-05 09:00,10,5,30,Secret launch text
linkedin,2,2026-01-06 09:00,4,4,90,
facebook,3,2026-01-07 09:00,6,,240,
facebook,4,2026-01-08 09:00,,3,,
facebook,5,2026-01-09 09:00,3,1,,
linkedin,6,2025-12-09 09:00,100,0,1,
"""


def test_reply_rate_over_posts_where_both_are_known():
    m = measure(ctx_of(CONVERSATION), "conversation.reply_rate")
    # posts 1, 2, 5 (3 and 4 lack one side; 6 is in December): (5 + 4 + 1) ÷ (10 + 4 + 3)
    # = 10 ÷ 17 = 0.5882
    assert (m.numerator, m.denominator) == (10, 17)
    assert m.value == pytest.approx(10 / 17)
    top = m.evidence["most_unanswered"]
    # unanswered: post 1: 5, post 5: 2, post 2: 0 (not listed)
    assert [(p["post_id"], p["unanswered"]) for p in top] == [(LONG_ID, 5), ("5", 2)]
    assert set(top[0]) == {
        "post_id",
        "platform",
        "published_at",
        "comments",
        "comments_replied",
        "unanswered",
    }
    assert "Secret launch text" not in json.dumps(m.evidence)


def test_nineteen_digit_post_ids_stay_text():
    ctx = ctx_of(CONVERSATION)
    assert ctx.posts.schema["post_id"] == pl.String
    assert LONG_ID in ctx.posts["post_id"].to_list()


@pytest.mark.parametrize(
    ("posts", "missing"),
    [
        (
            "platform,post_id,published_at,comments_replied\nlinkedin,1,2026-01-05 09:00,2",
            "company_posts.comments",
        ),
        (
            "platform,post_id,published_at,comments,comments_replied\n"
            "linkedin,1,2026-01-05 09:00,4,\nlinkedin,2,2025-12-05 09:00,4,4",
            "company_posts.comments_replied",
        ),
        (
            "platform,post_id,published_at,comments,comments_replied\n"
            "linkedin,1,2026-01-05 09:00,4,\nlinkedin,2,2026-01-06 09:00,,4",
            "company_posts.comments and company_posts.comments_replied on the same posts",
        ),
    ],
)
def test_reply_rate_missing_inputs(posts, missing):
    m = measure(ctx_of(posts), "conversation.reply_rate")
    assert (m.value, english(m.missing)) == (None, missing)


def test_reply_rate_with_no_comments_is_not_measured_rather_than_zero():
    posts = (
        "platform,post_id,published_at,comments,comments_replied\nlinkedin,1,2026-01-05 09:00,0,0"
    )
    m = measure(ctx_of(posts), "conversation.reply_rate")
    # 0 ÷ 0: nothing to answer
    assert m.value is None
    assert english(m.missing)


def test_median_response_hours():
    m = measure(ctx_of(CONVERSATION), "conversation.median_response_hours")
    # known minutes in the period: 30, 90, 240 → median 90 min → 1.5 h
    assert m.value == pytest.approx(1.5)
    assert m.evidence["posts"] == 3
    by_platform = {p["platform"]: p["median_response_hours"] for p in m.evidence["by_platform"]}
    # linkedin: median(30, 90) = 60 min = 1 h; facebook: 240 min = 4 h
    assert by_platform == {"linkedin": 1.0, "facebook": 4.0}


def test_median_response_hours_blank_in_the_period_is_not_measured():
    posts = (
        "platform,post_id,published_at,first_response_minutes\n"
        "linkedin,1,2026-01-05 09:00,\nlinkedin,2,2025-12-05 09:00,60"
    )
    m = measure(ctx_of(posts), "conversation.median_response_hours")
    assert (m.value, english(m.missing)) == (None, "company_posts.first_response_minutes")


def test_conversation_rate():
    posts = """
    platform,post_id,published_at,reactions,comments,shares
    linkedin,1,2026-01-05 09:00,100,10,5
    linkedin,2,2026-01-06 09:00,50,,5
    linkedin,3,2026-01-07 09:00,20,,
    linkedin,4,2026-01-08 09:00,0,3,3
    linkedin,5,2026-01-09 09:00,,8,8
    """
    m = measure(ctx_of(posts), "conversation.conversation_rate")
    # kept: 1 and 2 (reactions > 0, comments or shares known); 3 has neither, 4 no reactions,
    # 5 unknown reactions → (10 + 5 + 0 + 5) ÷ (100 + 50) = 20 ÷ 150 = 0.1333
    assert (m.numerator, m.denominator) == (20, 150)
    assert m.value == pytest.approx(20 / 150)


@pytest.mark.parametrize(
    ("posts", "missing"),
    [
        (
            "platform,post_id,published_at,comments\nlinkedin,1,2026-01-05 09:00,3",
            "company_posts.reactions",
        ),
        (
            "platform,post_id,published_at,reactions,comments,shares\n"
            "linkedin,1,2026-01-05 09:00,10,,",
            "company_posts.comments or company_posts.shares",
        ),
    ],
)
def test_conversation_rate_missing_inputs(posts, missing):
    m = measure(ctx_of(posts), "conversation.conversation_rate")
    assert (m.value, english(m.missing)) == (None, missing)


# --- ecosystem ------------------------------------------------------------------

LABELLED = """
platform,post_id,published_at,labels,text
linkedin,1,2026-01-05 09:00,event;hr,nothing here
linkedin,2,2026-01-06 09:00,Evento,
linkedin,3,2026-01-07 09:00,sales; FIERA ,
linkedin,4,2026-01-08 09:00,Partnership,
linkedin,5,2026-01-09 09:00,prevention;partnerfinder,webinar with our partner
linkedin,6,2026-01-10 09:00,,
linkedin,7,2025-12-10 09:00,event,
"""


@pytest.mark.parametrize(
    ("metric", "hits", "matched"),
    [
        # event, Evento, FIERA (tags, any case) → 3 of 6 = 0.5; 'prevention' is not a tag match
        ("ecosystem.event_share", 3, ["event", "evento", "fiera"]),
        # Partnership → 1 of 6; 'partnerfinder' is another tag; the text is not read
        ("ecosystem.partner_share", 1, ["partnership"]),
    ],
)
def test_shares_from_labels(metric, hits, matched):
    m = measure(ctx_of(LABELLED), metric)
    assert (m.numerator, m.denominator) == (hits, 6)
    assert m.value == pytest.approx(hits / 6)
    assert english(m.note) == ""
    assert [p["matched"] for p in m.evidence["posts"]] == matched


TEXTS = """
platform,post_id,published_at,labels,text
linkedin,1,2026-01-05 09:00,,Vieni al nostro Evento a Verona!
linkedin,2,2026-01-06 09:00,,Workshop gratuito giovedì in sede
linkedin,3,2026-01-07 09:00,,Un vino nato in collaborazione con Cantina Sud
linkedin,4,2026-01-08 09:00,,Prevention first: new product
linkedin,5,2026-01-09 09:00,,
linkedin,6,2025-12-09 09:00,event;partner,Evento
"""


@pytest.mark.parametrize(
    ("metric", "hits"),
    [
        # 'Evento', 'Workshop' → 2 of 5 = 0.4 ('Prevention' is not the word 'event')
        ("ecosystem.event_share", 2),
        # 'in collaborazione con' → 1 of 5 = 0.2
        ("ecosystem.partner_share", 1),
    ],
)
def test_shares_fall_back_to_text_when_no_post_of_the_period_has_labels(metric, hits):
    m = measure(ctx_of(TEXTS), metric)
    assert (m.numerator, m.denominator) == (hits, 5)
    assert english(m.note) == "from post text (no labels)"
    assert m.evidence["source"] == "text"
    assert "Verona" not in json.dumps(m.evidence)


def test_ecosystem_without_labels_or_text_is_not_measured():
    posts = (
        "platform,post_id,published_at,labels\n"
        "linkedin,1,2026-01-05 09:00,\nlinkedin,2,2025-12-05 09:00,event"
    )
    for m in FAMILIES["ecosystem"](ctx_of(posts)).values():
        assert (m.value, english(m.missing)) == (None, "company_posts.labels or company_posts.text")


# --- presence -------------------------------------------------------------------

PLATFORMS = """
platform,post_id,published_at
linkedin,1,2026-05-01 09:00
facebook,2,2026-02-01 09:00
instagram,3,2026-06-30 23:00
x,4,2026-04-02 00:30
youtube,5,2026-04-01 18:00
youtube,6,2026-07-01 09:00
"""
H1 = (date(2026, 1, 1), date(2026, 6, 30))  # last 90 days: 2 Apr – 30 Jun


def test_platform_coverage_over_the_last_90_days():
    m = measure(ctx_of(PLATFORMS, *H1), "presence.platform_coverage")
    # default linkedin, facebook, instagram, x, youtube; posted 2 Apr – 30 Jun: linkedin,
    # instagram (last day), x (first day) → 3 of 5 = 0.6
    assert (m.numerator, m.denominator) == (3, 5)
    assert m.value == pytest.approx(0.6)
    assert m.evidence["window"] == {"from": "2026-04-02", "to": "2026-06-30"}
    # youtube's July post is after the period: its last post is 1 Apr, a day too early
    assert m.evidence["silent_platforms"] == [
        {"platform": "facebook", "last_post": "2026-02-01"},
        {"platform": "youtube", "last_post": "2026-04-01"},
    ]


@pytest.mark.parametrize(
    ("questionnaire", "settings", "covered", "expected"),
    [
        # the questionnaire's list: linkedin, instagram both posted → 2 of 2 = 1.0 (the target)
        ('[platforms]\nexpected = ["LinkedIn", "instagram"]', None, 2, 2),
        # settings win over the questionnaire: facebook, tiktok silent, linkedin posted → 1 of 3
        (
            '[platforms]\nexpected = ["linkedin"]',
            Settings(expected_platforms=("linkedin", "facebook", "tiktok")),
            1,
            3,
        ),
    ],
)
def test_platform_coverage_expected_platforms(questionnaire, settings, covered, expected):
    ctx = ctx_of(PLATFORMS, *H1, questionnaire=questionnaire, settings=settings)
    m = measure(ctx, "presence.platform_coverage")
    assert (m.numerator, m.denominator) == (covered, expected)


def test_platform_coverage_with_no_post_in_the_period_is_zero_with_last_posts():
    m = measure(ctx_of(dates_csv("2025-06-01"), *H1), "presence.platform_coverage")
    # the page has a file but posted nowhere in the window → 0 of 5
    assert (m.value, m.numerator, m.denominator) == (0.0, 0, 5)
    assert m.evidence["silent_platforms"][0] == {"platform": "linkedin", "last_post": "2025-06-01"}


# --- chart helpers --------------------------------------------------------------


def test_weekly_posts_has_every_week_and_platform_with_zeros():
    ctx = ctx_of(
        dates_csv("2026-01-07", "2026-01-08", "2026-01-21"),
        date(2026, 1, 7),
        date(2026, 1, 21),
        settings=Settings(expected_platforms=("linkedin", "x")),
    )
    weekly = page.weekly_posts(ctx)
    assert weekly.columns == ["week", "platform", "posts"]
    # 3 weeks (5, 12, 19 Jan) × 2 platforms
    assert weekly.rows() == [
        (date(2026, 1, 5), "linkedin", 2),
        (date(2026, 1, 5), "x", 0),
        (date(2026, 1, 12), "linkedin", 0),
        (date(2026, 1, 12), "x", 0),
        (date(2026, 1, 19), "linkedin", 1),
        (date(2026, 1, 19), "x", 0),
    ]


def test_monthly_posts_has_every_month_with_zeros():
    ctx = ctx_of(
        dates_csv("2026-01-20", "2026-01-21", "2026-03-01", "2026-03-11"),
        date(2026, 1, 15),
        date(2026, 3, 10),
    )
    # 11 Mar is after the period
    assert page.monthly_posts(ctx).rows() == [
        (date(2026, 1, 1), 2),
        (date(2026, 2, 1), 0),
        (date(2026, 3, 1), 1),
    ]


def test_platform_conversation():
    table = page.platform_conversation(ctx_of(CONVERSATION))
    assert table.columns == [
        "platform",
        "posts",
        "comments",
        "comments_replied",
        "reply_rate",
        "median_response_hours",
    ]
    rows = {r["platform"]: r for r in table.to_dicts()}
    # facebook: 3 posts; both known only on post 5: 1 of 3; minutes 240 → 4 h
    assert rows["facebook"]["posts"] == 3
    assert (rows["facebook"]["comments"], rows["facebook"]["comments_replied"]) == (3, 1)
    assert rows["facebook"]["reply_rate"] == pytest.approx(1 / 3)
    assert rows["facebook"]["median_response_hours"] == pytest.approx(4.0)
    # linkedin: posts 1, 2: (5 + 4) ÷ (10 + 4) = 9/14; minutes 30, 90 → 1 h
    assert rows["linkedin"]["reply_rate"] == pytest.approx(9 / 14)
    assert rows["linkedin"]["median_response_hours"] == pytest.approx(1.0)
