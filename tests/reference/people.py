"""Reference queries for the metrics about employees: involvement, managers, collaboration,
voice, amplification, integration, and governance's roster flags.

Each query carries its formula from registry.toml as a comment. "Not measured" (None)
follows the framework's principle: the inputs the formula reads are missing, or its
denominator is 0.
"""

from __future__ import annotations

from reference.db import Db, Ref, metric

# --- involvement -------------------------------------------------------------------------


def _needs_log_and_roster(db: Db) -> bool:
    return db.log is not None and db.has("roster")


@metric("involvement.participation_rate")
def participation_rate(db: Db) -> Ref | None:
    if not _needs_log_and_roster(db):
        return None
    # employees with at least one company-related action in the period ÷ employees counted;
    # only employees counted enter the numerator.
    return db.ratio(
        """
        SELECT count(*) FILTER (WHERE employee_id IN (SELECT employee_id FROM active)),
               count(*)
        FROM counted
        """
    )


@metric("involvement.regular_rate")
def regular_rate(db: Db) -> Ref | None:
    if db.log != "employee_activity" or not db.has("roster"):
        return None
    # employees counted with ≥1 company-related action in at least ceil(M ÷ 2) of the M
    # calendar months that overlap the period ÷ employees counted.
    return db.ratio(
        f"""
        WITH months AS (
            SELECT count(*) AS m FROM range(
                date_trunc('month', DATE '{db.start}'),
                date_trunc('month', DATE '{db.end}') + INTERVAL 1 MONTH,
                INTERVAL 1 MONTH)
        ),
        monthly AS (
            SELECT employee_id, count(DISTINCT date_trunc('month', occurred_at)) AS months
            FROM actions GROUP BY employee_id
        )
        SELECT count(*) FILTER (WHERE coalesce(monthly.months, 0) >= (m + 1) // 2), count(*)
        FROM counted LEFT JOIN monthly USING (employee_id), months
        """
    )


@metric("involvement.department_breadth")
def department_breadth(db: Db) -> Ref | None:
    if not _needs_log_and_roster(db):
        return None
    # departments with ≥1 active employee whose participation rate ≥ 0.5 × the company
    # participation rate ÷ departments with ≥1 employee counted.
    # (rates compared as fractions: active_d / employees_d ≥ ½ · active / employees)
    return db.ratio(
        """
        WITH d AS (
            SELECT department, count(*) AS employees,
                   count(*) FILTER (WHERE employee_id IN (SELECT employee_id FROM active)) AS active
            FROM counted GROUP BY department
        ),
        c AS (SELECT sum(employees) AS employees, sum(active) AS active FROM d)
        SELECT count(*) FILTER (WHERE d.active > 0
                                  AND 2 * d.active * c.employees >= c.active * d.employees),
               count(*)
        FROM d, c
        """
    )


@metric("involvement.top10_concentration")
def top10_concentration(db: Db) -> Ref | None:
    if not _needs_log_and_roster(db):
        return None
    # company-related actions in the period by the top ceil(0.10 × employees counted)
    # employees counted, ranked by their company-related actions ÷ all company-related
    # actions in the period by employees counted.
    return db.ratio(
        """
        WITH n AS (
            SELECT counted.employee_id, coalesce(action_counts.n, 0) AS n
            FROM counted LEFT JOIN action_counts USING (employee_id)
        ),
        ranked AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS rank FROM n),
        top AS (SELECT (count(*) + 9) // 10 AS k FROM n)
        SELECT sum(n) FILTER (WHERE rank <= k), sum(n) FROM ranked, top
        """
    )


# --- managers ------------------------------------------------------------------------------


def _managers_known(db: Db) -> bool:
    return (
        db.log is not None
        and db.has("roster")
        and (db.has("roster", "is_manager") or db.has("roster", "title"))
    )


@metric("managers.participation_rate")
def manager_participation(db: Db) -> Ref | None:
    if not _managers_known(db):
        return None
    # managers with at least one company-related action in the period ÷ managers counted
    return db.ratio(
        """
        SELECT count(*) FILTER (WHERE employee_id IN (SELECT employee_id FROM active)), count(*)
        FROM counted WHERE manager
        """
    )


@metric("managers.participation_ratio")
def manager_ratio(db: Db) -> Ref | None:
    if not _managers_known(db):
        return None
    # managers.participation_rate ÷ participation rate of non-managers (employees counted
    # who are not managers, same definition of action)
    m_active, m, o_active, o = db.one(
        """
        SELECT count(*) FILTER (WHERE manager AND a),
               count(*) FILTER (WHERE manager),
               count(*) FILTER (WHERE NOT manager AND a),
               count(*) FILTER (WHERE NOT manager)
        FROM (SELECT manager, employee_id IN (SELECT employee_id FROM active) AS a FROM counted)
        """
    )
    if not m or not o or not o_active:
        return None
    managers_rate, others_rate = m_active / m, o_active / o
    return Ref(managers_rate / others_rate, managers_rate, others_rate)


@metric("managers.original_post_share")
def manager_posts(db: Db) -> Ref | None:
    if not _managers_known(db):
        return None
    # managers counted with ≥1 company-related post action in the period (employee_activity
    # action = post, or employee_summary posts > 0) ÷ managers counted
    return db.ratio(
        """
        SELECT count(*) FILTER (WHERE employee_id IN (SELECT employee_id FROM posters)), count(*)
        FROM counted WHERE manager
        """
    )


@metric("managers.team_interaction_share")
def manager_team(db: Db) -> Ref | None:
    if not (
        _managers_known(db)
        and db.log == "employee_activity"
        and db.has("employee_activity", "target_employee_id")
        and db.has("roster", "manager_id")
    ):
        return None
    # managers counted with ≥1 company-related employee_activity action in the period whose
    # target_employee_id is one of their direct reports ÷ managers counted who have ≥1
    # direct report; direct report = employee counted whose roster manager_id is the
    # manager's employee_id.
    return db.ratio(
        """
        WITH bosses AS (
            SELECT employee_id FROM counted
            WHERE manager AND employee_id IN (SELECT manager_id FROM counted)
        ),
        engaged AS (
            SELECT DISTINCT a.employee_id FROM actions a
            JOIN counted report ON report.employee_id = a.target_id
            WHERE report.manager_id = a.employee_id
        )
        SELECT count(*) FILTER (WHERE employee_id IN (SELECT employee_id FROM engaged)),
               count(*)
        FROM bosses
        """
    )


# --- collaboration -------------------------------------------------------------------------


def _interactions_known(db: Db) -> bool:
    return (
        db.log == "employee_activity"
        and db.has("employee_activity", "target_employee_id")
        and db.has("roster")
    )


# interaction = company-related employee_activity action in the period (company_related
# true or empty) by an employee counted whose target_employee_id is another employee counted
INTERACTIONS = """
    interactions AS (
        SELECT a.employee_id AS actor, a.target_id AS target,
               actor.department AS actor_department, target.department AS target_department
        FROM actions a
        JOIN counted actor ON actor.employee_id = a.employee_id
        JOIN counted target ON target.employee_id = a.target_id
        WHERE a.target_id <> a.employee_id
    )
"""


@metric("collaboration.cross_department_share")
def cross_department(db: Db) -> Ref | None:
    if not _interactions_known(db):
        return None
    # interactions whose actor and target are in different departments ÷ all interactions
    return db.ratio(
        f"""
        WITH {INTERACTIONS}
        SELECT count(*) FILTER (WHERE actor_department <> target_department), count(*)
        FROM interactions
        """
    )


@metric("collaboration.department_pair_coverage")
def department_pairs(db: Db) -> Ref | None:
    if not _interactions_known(db):
        return None
    # unordered pairs of distinct departments with ≥1 interaction in either direction
    # ÷ all unordered pairs of departments with ≥1 employee counted (n·(n−1)/2)
    (n,) = db.one("SELECT count(DISTINCT department) FROM counted")
    if n < 2:
        return None
    (linked,) = db.one(
        f"""
        WITH {INTERACTIONS}
        SELECT count(*) FROM (
            SELECT DISTINCT least(actor_department, target_department) AS low,
                            greatest(actor_department, target_department) AS high
            FROM interactions WHERE actor_department <> target_department
        )
        """
    )
    pairs = n * (n - 1) // 2
    return Ref(linked / pairs, linked, pairs)


@metric("collaboration.reciprocity")
def reciprocity(db: Db) -> Ref | None:
    if not _interactions_known(db):
        return None
    # unordered pairs of employees who interacted in both directions (A→B and B→A)
    # ÷ unordered pairs of employees with ≥1 interaction
    return db.ratio(
        f"""
        WITH {INTERACTIONS},
        directed AS (SELECT DISTINCT actor, target FROM interactions)
        SELECT count(*) FILTER (WHERE directions = 2), count(*) FROM (
            SELECT least(actor, target) AS low, greatest(actor, target) AS high,
                   count(*) AS directions
            FROM directed GROUP BY 1, 2
        )
        """
    )


# --- voice ---------------------------------------------------------------------------------


@metric("voice.commentary_share")
def commentary_share(db: Db) -> Ref | None:
    # company-related shares with commentary ÷ company-related shares whose commentary is
    # known; in the period, by employees counted (every actor when there is no roster):
    # employee_activity action = share with with_commentary true ÷ action = share with
    # with_commentary true or false, or Σ employee_summary shares_with_commentary ÷ Σ shares
    # over the rows where both are known.
    if db.log == "employee_activity" and db.has("employee_activity", "with_commentary"):
        return db.ratio(
            """
            SELECT count(*) FILTER (WHERE with_commentary), count(with_commentary)
            FROM actions
            WHERE action = 'share' AND employee_id IN (SELECT employee_id FROM people)
            """
        )
    if db.log == "employee_summary" and db.has("employee_summary", "shares_with_commentary"):
        return db.ratio(
            """
            SELECT sum(shares_with_commentary), sum(shares) FROM summary
            WHERE employee_id IN (SELECT employee_id FROM people)
              AND shares_with_commentary IS NOT NULL AND shares IS NOT NULL
            """
        )
    return None


@metric("voice.original_share")
def original_share(db: Db) -> Ref | None:
    # company-related post actions ÷ company-related post + share + comment actions, in
    # the period, by employees counted (employee_activity, or employee_summary posts ÷
    # (posts + shares + comments)); reactions excluded.
    if db.log == "employee_activity":
        return db.ratio(
            """
            SELECT count(*) FILTER (WHERE action = 'post'),
                   count(*) FILTER (WHERE action IN ('post', 'share', 'comment'))
            FROM actions WHERE employee_id IN (SELECT employee_id FROM people)
            """
        )
    if db.log == "employee_summary":
        return db.ratio(
            """
            SELECT coalesce(sum(posts), 0),
                   coalesce(sum(posts), 0) + coalesce(sum(shares), 0) + coalesce(sum(comments), 0)
            FROM summary WHERE employee_id IN (SELECT employee_id FROM people)
            """
        )
    return None


# --- amplification -------------------------------------------------------------------------


@metric("amplification.reach_multiplier")
def reach_multiplier(db: Db) -> Ref | None:
    # Σ reach of employees' company-related posts and shares ÷ Σ reach of the page's
    # posts, same period; where reach is missing, impressions on both sides
    # (employee_activity.reach|impressions over action = post or share, company_related
    # true or empty; company_posts.reach|impressions).
    sides = ("employee_activity", "company_posts")
    if db.has("employee_activity") and db.log is None:  # its rows name nobody in the roster
        return None
    if all(db.has(t, "reach") for t in sides):
        column = "reach"
    elif all(db.has(t, "impressions") for t in sides):
        column = "impressions"
    else:
        return None
    return db.ratio(
        f"""
        SELECT (SELECT coalesce(sum({column}), 0) FROM actions
                WHERE action IN ('post', 'share')
                  AND employee_id IN (SELECT employee_id FROM people)),
               (SELECT coalesce(sum({column}), 0) FROM page_posts)
        """
    )


@metric("amplification.audience_multiplier")
def audience_multiplier(db: Db) -> Ref | None:
    # Σ followers (roster.followers, or employee_summary.network_size where followers is
    # absent) of participating employees (employees counted with ≥1 company-related
    # action in the period) ÷ Σ company page followers over the platforms in the
    # questionnaire [followers].
    page = sum((db.questionnaire.get("followers") or {}).values())
    if db.log is None or not (db.questionnaire.get("followers") or {}):
        return None
    if db.has("roster", "followers"):
        sql = """
            SELECT coalesce(sum(followers), 0) FROM counted
            WHERE employee_id IN (SELECT employee_id FROM active)
        """
    elif db.log == "employee_summary" and db.has("employee_summary", "network_size"):
        sql = """
            SELECT coalesce(sum(size), 0) FROM (
                SELECT employee_id, max(network_size) AS size FROM summary GROUP BY employee_id
            )
            WHERE employee_id IN (SELECT employee_id FROM active)
              AND employee_id IN (SELECT employee_id FROM people)
        """
    else:
        return None
    (personal,) = db.one(sql)
    return Ref(personal / page, personal, page) if page else None


# --- integration ---------------------------------------------------------------------------

# "department names matched in Italian or English" (whole words of the folded name)
FUNCTION_WORDS = {
    "care": "customer care|assistenza|servizio clienti|customer service|support",
    "sales": "vendite|commerciale|sales",
    "hr": "risorse umane|hr|human resources|personale|people",
}


@metric("integration.department_coverage")
def department_coverage(db: Db) -> Ref | None:
    if not _needs_log_and_roster(db):
        return None
    # departments with ≥1 active employee (employee counted with ≥1 company-related
    # action in the period) ÷ departments with ≥1 employee counted.
    return db.ratio(
        """
        SELECT count(DISTINCT department) FILTER (
                   WHERE employee_id IN (SELECT employee_id FROM active)),
               count(DISTINCT department)
        FROM counted
        """
    )


@metric("integration.function_coverage")
def function_coverage(db: Db) -> Ref | None:
    # functions among customer care, sales and HR present among active departments
    # (departments with ≥1 employee counted with ≥1 company-related action in the period)
    # (or among the labels of page posts: care, sales, hr) ÷ 3.
    if _needs_log_and_roster(db):
        found = 0
        for words in FUNCTION_WORDS.values():
            (hit,) = db.one(
                f"""
                SELECT count(*) > 0 FROM counted
                WHERE employee_id IN (SELECT employee_id FROM active)
                  AND regexp_matches(fold(department), '(^| )({words})( |$)')
                """
            )
            found += hit
        return Ref(found / 3, found, 3)
    if db.has("company_posts", "labels"):
        (labelled,) = db.one("SELECT count(labels) FROM page_posts")
        if not labelled:
            return None
        found = 0
        for tag, words in FUNCTION_WORDS.items():
            (hit,) = db.one(
                f"""
                SELECT count(*) > 0 FROM page_posts
                WHERE regexp_matches(fold(labels), '(^| )({words}|{tag})( |$)')
                """
            )
            found += hit
        return Ref(found / 3, found, 3)
    return None


# --- governance (roster flags) -------------------------------------------------------------


def _flag_share(db: Db, column: str) -> Ref | None:
    if not db.has("roster", column):
        return None
    # employees counted with <flag> = true ÷ employees counted with <flag> known.
    return db.ratio(f"SELECT count(*) FILTER (WHERE {column}), count({column}) FROM counted")


@metric("governance.trained_share")
def trained_share(db: Db) -> Ref | None:
    return _flag_share(db, "trained")


@metric("governance.opted_in_share")
def opted_in_share(db: Db) -> Ref | None:
    return _flag_share(db, "opted_in")
