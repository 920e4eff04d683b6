"""Reference queries for the metrics about the company's pages (in_house, consistency,
conversation, ecosystem, presence) and governance's questionnaire checklist.

page posts = company_posts on any platform with published_at in the period (the
`page_posts` view). A column "where known" is one with a value on the post.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from reference.db import Db, Ref, metric

# --- in_house ------------------------------------------------------------------------------


@metric("in_house.staff_post_share")
def staff_post_share(db: Db) -> Ref | None:
    # page posts whose author is staff ÷ page posts whose author is known. the author is
    # staff when author_type = staff, or author matches a roster name, email or employee_id
    # (case- and accent-insensitive) and is not an agency name from the questionnaire
    # (agencies); agency when author_type = agency or author matches a questionnaire agency
    # name; otherwise unknown (excluded from the denominator).
    agencies = [str(a) for a in db.questionnaire.get("agencies", [])]
    return db.ratio(
        """
        WITH agencies AS (SELECT fold(unnest(?::VARCHAR[])) AS key),
        staff AS (
            SELECT fold(employee_id) AS key FROM roster
            UNION SELECT fold(name) FROM roster WHERE name IS NOT NULL
            UNION SELECT fold(email) FROM roster WHERE email IS NOT NULL
        ),
        kinds AS (
            SELECT CASE
                WHEN author_type IS NOT NULL THEN author_type
                WHEN fold(author) IN (SELECT key FROM agencies) THEN 'agency'
                WHEN fold(author) IN (SELECT key FROM staff) THEN 'staff'
                ELSE 'unknown' END AS kind
            FROM page_posts
        )
        SELECT count(*) FILTER (WHERE kind = 'staff'),
               count(*) FILTER (WHERE kind IN ('staff', 'agency'))
        FROM kinds
        """,
        agencies,
    )


@metric("in_house.staff_reply_share")
def staff_reply_share(db: Db) -> Ref | None:
    # Σ replies_by_staff ÷ Σ comments_replied over page posts where both are known
    return db.ratio(
        """
        SELECT sum(replies_by_staff), sum(comments_replied) FROM page_posts
        WHERE replies_by_staff IS NOT NULL AND comments_replied IS NOT NULL
        """
    )


# --- consistency ---------------------------------------------------------------------------


def _weeks(db: Db) -> str:
    """ISO weeks (Monday–Sunday) of the period: a week counts when any of its days is in it."""
    return f"""
        weeks AS (
            SELECT CAST(unnest(generate_series(
                CAST(date_trunc('week', DATE '{db.start}') AS TIMESTAMP),
                CAST(DATE '{db.end}' AS TIMESTAMP), INTERVAL 7 DAY)) AS DATE) AS week
        ),
        weekly AS (
            SELECT week, (SELECT count(*) FROM page_posts
                          WHERE CAST(date_trunc('week', published_at) AS DATE) = week) AS n
            FROM weeks
        )
    """


@metric("consistency.active_week_share")
def active_week_share(db: Db) -> Ref | None:
    if not db.has("company_posts"):
        return None
    # ISO weeks (Monday–Sunday) of the period with at least one page post ÷ ISO weeks of
    # the period (a week counts when any of its days is in the period)
    return db.ratio(f"WITH {_weeks(db)} SELECT count(*) FILTER (WHERE n > 0), count(*) FROM weekly")


@metric("consistency.longest_silence_days")
def longest_silence(db: Db) -> Ref | None:
    if not db.has("company_posts"):
        return None
    # the longest gap in days between consecutive page posts (any platform), counting the
    # gap from the period start to the first post and from the last post to the period end
    # (0 for a one-day period with a post); with no page post in the period, the whole
    # period: end − start + 1 days
    (posts,) = db.one("SELECT count(*) FROM page_posts")
    if not posts:
        return Ref(float((db.end - db.start).days + 1))
    (days,) = db.one(
        f"""
        WITH points AS (
            SELECT DATE '{db.start}' AS day UNION SELECT DATE '{db.end}'
            UNION SELECT CAST(published_at AS DATE) FROM page_posts
        )
        SELECT max(gap) FROM (SELECT day - lag(day) OVER (ORDER BY day) AS gap FROM points)
        """
    )
    return Ref(float(days or 0))


@metric("consistency.weekly_cv")
def weekly_cv(db: Db) -> Ref | None:
    if not db.has("company_posts"):
        return None
    # standard deviation ÷ mean of page posts per ISO week over the ISO weeks of the period
    # (population standard deviation; weeks with 0 posts included)
    return db.ratio(f"WITH {_weeks(db)} SELECT stddev_pop(n), avg(n) FROM weekly")


# --- conversation --------------------------------------------------------------------------


@metric("conversation.reply_rate")
def reply_rate(db: Db) -> Ref | None:
    # Σ comments_replied ÷ Σ comments, over page posts where both are known
    return db.ratio(
        """
        SELECT sum(comments_replied), sum(comments) FROM page_posts
        WHERE comments IS NOT NULL AND comments_replied IS NOT NULL
        """
    )


@metric("conversation.median_response_hours")
def median_response(db: Db) -> Ref | None:
    # median of first_response_minutes ÷ 60 over page posts where it is known
    (hours,) = db.one("SELECT median(first_response_minutes) / 60 FROM page_posts")
    return None if hours is None else Ref(hours)


@metric("conversation.conversation_rate")
def conversation_rate(db: Db) -> Ref | None:
    # Σ (comments + shares) ÷ Σ reactions over page posts where reactions > 0 and comments
    # or shares are known
    return db.ratio(
        """
        SELECT sum(coalesce(comments, 0) + coalesce(shares, 0)), sum(reactions) FROM page_posts
        WHERE reactions > 0 AND (comments IS NOT NULL OR shares IS NOT NULL)
        """
    )


# --- ecosystem -----------------------------------------------------------------------------

# "page posts labelled event, events, evento, eventi, fiera or fiere …; when no page post
# of the period has labels, page posts whose text has one of the whole words
# (case-insensitive) evento, eventi, fiera, fiere, event, events, conference, conferences,
# conferenza, conferenze, workshop, workshops, convegno, convegni, meetup, meet-up"
EVENT_TAGS = ("event", "events", "evento", "eventi", "fiera", "fiere")
EVENT_WORDS = (
    r"evento|eventi|fiera|fiere|event|events|conference|conferences|conferenza|conferenze|"
    r"workshop|workshops|convegno|convegni|meetup|meet-up"
)
# "page posts labelled partner, partners, partnership or partnerships …; … text mentions
# partner, partners, partnership, partnerships, collaborazione, collaborazioni,
# "in collaborazione con", "insieme a", or "con @…" (con followed by a mention)"
PARTNER_TAGS = ("partner", "partners", "partnership", "partnerships")
PARTNER_WORDS = (
    r"partner|partners|partnership|partnerships|collaborazione|collaborazioni|"
    r"in collaborazione con|insieme a|con @\w+"
)


def _tagged(db: Db, tags: tuple[str, ...], words: str) -> Ref | None:
    (labelled, with_text) = db.one("SELECT count(labels), count(text) FROM page_posts")
    if labelled:
        # labels: `;`-separated tags, compared case-insensitively as whole tags
        return db.ratio(
            """
            SELECT count(*) FILTER (WHERE list_has_any(
                       list_transform(string_split(lower(coalesce(labels, '')), ';'),
                                      lambda t: trim(t)), ?::VARCHAR[])),
                   count(*)
            FROM page_posts
            """,
            list(tags),
        )
    if with_text:
        return db.ratio(
            f"""
            SELECT count(*) FILTER (WHERE regexp_matches(lower(coalesce(text, '')),
                                                         '\\b({words})\\b')),
                   count(*)
            FROM page_posts
            """
        )
    return None


@metric("ecosystem.event_share")
def event_share(db: Db) -> Ref | None:
    return _tagged(db, EVENT_TAGS, EVENT_WORDS)


@metric("ecosystem.partner_share")
def partner_share(db: Db) -> Ref | None:
    return _tagged(db, PARTNER_TAGS, PARTNER_WORDS)


# --- presence ------------------------------------------------------------------------------


@metric("presence.platform_coverage")
def platform_coverage(db: Db) -> Ref | None:
    if not db.has("company_posts"):
        return None
    # expected platforms with at least one page post in the last 90 days of the period
    # ÷ expected platforms
    window = max(db.start, db.end - timedelta(days=89))
    return db.ratio(
        f"""
        SELECT count(*) FILTER (WHERE platform IN (
                   SELECT platform FROM page_posts
                   WHERE CAST(published_at AS DATE) >= DATE '{window}')),
               count(*)
        FROM (SELECT unnest(?::VARCHAR[]) AS platform)
        """,
        db.expected_platforms,
    )


# --- governance checklist ------------------------------------------------------------------

YES_NO = (
    "policy_exists",
    "legal_involved",
    "access_unblocked",
    "training_programme",
    "internal_tool",
    "marketing_coordinates",
)


@metric("governance.checklist")
def checklist(db: Db) -> Ref | None:
    answers = db.questionnaire.get("governance") or {}
    given = [answers.get(k) if isinstance(answers.get(k), bool) else None for k in YES_NO]
    updated = answers.get("policy_updated")
    if isinstance(updated, datetime):
        updated = updated.date()
    updated_text = updated.isoformat() if isinstance(updated, date) else updated
    # questionnaire [governance] answers that are true ÷ questions answered, over:
    # policy_exists, policy updated recently (policy_updated on or after the same day one
    # year before the period end; a revision dated after the period end counts too),
    # legal_involved, access_unblocked, training_programme, internal_tool,
    # marketing_coordinates; unanswered questions are left out of both.
    return db.ratio(
        f"""
        WITH answers AS (
            SELECT unnest(?::BOOLEAN[]) AS answer
            UNION ALL
            SELECT TRY_CAST(?::VARCHAR AS DATE) >= DATE '{db.end}' - INTERVAL 1 YEAR
        )
        SELECT count(*) FILTER (WHERE answer), count(answer) FROM answers
        """,
        given,
        None if updated_text is None else str(updated_text),
    )
