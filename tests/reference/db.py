"""The reference's inputs in DuckDB: the canonical tables, and the shared definitions in SQL.

Each definition below quotes the formula text it comes from. The metric queries
(`reference.people`, `reference.page`) read only the tables and views made here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import polars as pl

from dashboard.ingest import Dataset

TABLES = ("roster", "company_posts", "employee_activity", "employee_summary")
DEFAULT_PLATFORMS = ("linkedin", "facebook", "instagram", "x", "youtube")

# "where it is absent, the title decides, in Italian and English, masculine, feminine and
# plural (Manager, Head, Director, Chief, CEO/CFO/…, Direttore/Direttrice/Direttori,
# Responsabile, Dirigente, Capo, Amministratore/Amministratrice delegato/a, Presidente)":
# whole words of the folded title (lower case, no accents, single spaces).
MANAGER_WORDS = (
    "manager|managers|head|heads|director|directors|chief|chiefs|"
    "ceo|cfo|cto|coo|cmo|cio|chro|cso|cdo|cpo|vp|vice president|vice presidents|"
    "president|presidents|presidente|presidenti|presidentessa|vicepresidente|"
    "direttore|direttrice|direttori|direttrici|vicedirettore|vicedirettrice|"
    "responsabile|responsabili|dirigente|dirigenti|"
    "capo|capi|caporeparto|capireparto|capoufficio|capiufficio|caposquadra|capisquadra|"
    "capoarea|capiarea|capoturno|capiturno|capoprogetto|capiprogetto|"
    "amministratore delegato|amministratrice delegata|amministratori delegati|"
    "amministratrici delegate|amministratore unico|amministratrice unica"
)


@dataclass(frozen=True)
class Ref:
    """A measured metric: value, and the numerator and denominator it came from (when a ratio)."""

    value: float
    numerator: float | None = None
    denominator: float | None = None


Query = Callable[["Db"], "Ref | None"]
METRICS: dict[str, Query] = {}


def metric(metric_id: str) -> Callable[[Query], Query]:
    """Register the reference query of one metric (None from it means not measured)."""

    def register(function: Query) -> Query:
        METRICS[metric_id] = function
        return function

    return register


SETUP = r"""
-- Names and titles are compared folded: lower case, accents removed, every run of other
-- characters one space ("case- and accent-insensitive").
CREATE MACRO fold(x) AS trim(regexp_replace(lower(strip_accents(x)), '[^a-z0-9]+', ' ', 'g'));
CREATE MACRO mail_or_name(id) AS regexp_matches(id, '[@\s]');
CREATE MACRO in_period(d) AS CAST(d AS DATE) BETWEEN DATE '{start}' AND DATE '{end}';
CREATE MACRO manager_title(t) AS
    coalesce(regexp_matches(fold(t), '(^| )({words})( |$)'), false);

-- "A manager is is_manager where the roster says; where it is absent, the title decides."
CREATE TABLE roster AS
SELECT employee_id, trim(department) AS department, name, email, title, manager_id,
       followers, trained, opted_in, hired_at, left_at, row AS roster_row,
       coalesce(is_manager, manager_title(title)) AS manager,
       is_manager IS NULL AND manager_title(title) AS inferred
FROM roster_raw;

-- "Employees counted are those in the roster employed at any time in the period
-- (hired_at empty or ≤ end) and (left_at empty or ≥ start)."
CREATE VIEW counted AS
SELECT * FROM roster
WHERE (hired_at IS NULL OR hired_at <= DATE '{end}')
  AND (left_at IS NULL OR left_at >= DATE '{start}');

-- "an employee_id (or target_employee_id) that is not a roster employee_id but has an @ or
-- a space names the employee whose email, else whose name, it is, else (with an @) the
-- employee whose employee_id is the part before the @ (case- and accent-insensitive)";
-- when two roster rows share a name, the first one.
CREATE TABLE id_keys AS
SELECT key, employee_id FROM (
    SELECT fold(email) AS key, employee_id, 0 AS kind, roster_row FROM roster
    WHERE email IS NOT NULL
    UNION ALL
    SELECT fold(name), employee_id, 1, roster_row FROM roster WHERE name IS NOT NULL
)
WHERE key <> ''
QUALIFY row_number() OVER (PARTITION BY key ORDER BY kind, roster_row) = 1;

-- "else (with an @) the employee whose employee_id is the part before the @"
CREATE MACRO local_part(id) AS fold(regexp_replace(id, '@[^@]*$', ''));
CREATE TABLE id_locals AS
SELECT fold(employee_id) AS key, employee_id FROM roster
WHERE fold(employee_id) <> ''
QUALIFY row_number() OVER (PARTITION BY fold(employee_id) ORDER BY roster_row) = 1;

CREATE TABLE activity AS
SELECT coalesce(r.employee_id, k.employee_id, l.employee_id, a.employee_id) AS employee_id,
       coalesce(rt.employee_id, kt.employee_id, lt.employee_id, a.target_employee_id)
           AS target_id,
       a.occurred_at, CAST(a.action AS VARCHAR) AS action, a.with_commentary,
       a.company_related, a.reach, a.impressions
FROM activity_raw a
LEFT JOIN roster r ON r.employee_id = a.employee_id
LEFT JOIN id_keys k ON r.employee_id IS NULL AND mail_or_name(a.employee_id)
    AND k.key = fold(a.employee_id)
LEFT JOIN id_locals l ON r.employee_id IS NULL AND k.employee_id IS NULL
    AND contains(a.employee_id, '@') AND l.key = local_part(a.employee_id)
LEFT JOIN roster rt ON rt.employee_id = a.target_employee_id
LEFT JOIN id_keys kt ON rt.employee_id IS NULL AND mail_or_name(a.target_employee_id)
    AND kt.key = fold(a.target_employee_id)
LEFT JOIN id_locals lt ON rt.employee_id IS NULL AND kt.employee_id IS NULL
    AND contains(a.target_employee_id, '@') AND lt.key = local_part(a.target_employee_id);

-- "An employee action counts only when company_related is true or empty": the actions
-- every employee metric reads are the company-related rows with occurred_at in the period.
CREATE VIEW actions AS
SELECT * FROM activity
WHERE in_period(occurred_at) AND coalesce(company_related, true);

CREATE TABLE summary_all AS
SELECT coalesce(r.employee_id, k.employee_id, l.employee_id, s.employee_id) AS employee_id,
       s.posts, s.shares, s.shares_with_commentary, s.comments, s.reactions, s.network_size,
       s.period_start, s.period_end
FROM summary_raw s
LEFT JOIN roster r ON r.employee_id = s.employee_id
LEFT JOIN id_keys k ON r.employee_id IS NULL AND mail_or_name(s.employee_id)
    AND k.key = fold(s.employee_id)
LEFT JOIN id_locals l ON r.employee_id IS NULL AND k.employee_id IS NULL
    AND contains(s.employee_id, '@') AND l.key = local_part(s.employee_id)
;

-- "an employee_summary row whose period overlaps the audit period"
CREATE VIEW summary AS
SELECT employee_id, posts, shares, shares_with_commentary, comments, reactions, network_size
FROM summary_all
WHERE (period_start IS NULL OR period_start <= DATE '{end}')
  AND (period_end IS NULL OR period_end >= DATE '{start}');

-- page posts = company_posts on any platform with published_at in the period
CREATE VIEW page_posts AS
SELECT p.* REPLACE (CAST(platform AS VARCHAR) AS platform, CAST(author_type AS VARCHAR) AS author_type)
FROM posts_raw p
WHERE in_period(published_at);
"""


class Db:
    """One dataset over one period, loaded into a fresh in-memory DuckDB."""

    def __init__(
        self,
        dataset: Dataset,
        start: date,
        end: date,
        expected_platforms: tuple[str, ...] | None = None,
    ):
        self.start, self.end = start, end
        self.questionnaire: dict[str, Any] = dataset.questionnaire
        self.expected_override = expected_platforms
        self.con = duckdb.connect(config={"threads": 1})
        self.frames = {name: dataset.table(name) for name in TABLES}
        names = {
            "roster": "roster_raw",
            "company_posts": "posts_raw",
            "employee_activity": "activity_raw",
            "employee_summary": "summary_raw",
        }
        for name, frame in self.frames.items():
            self.con.register(names[name], frame.with_row_index("row").to_arrow())
        self.con.execute(SETUP.format(start=start, end=end, words=MANAGER_WORDS))
        if self.has("employee_activity"):
            self.log = "employee_activity"
        elif self.has("employee_summary"):
            self.log = "employee_summary"
        else:
            self.log = None
        # "a log whose (company-related) rows name nobody in the roster is no source: the
        # metrics that read it are not measured".
        if self.log is not None and self.has("roster"):
            rows = {
                "employee_activity": "activity WHERE coalesce(company_related, true)",
                "employee_summary": "summary_all WHERE true",
            }[self.log]
            (matched,) = self.one(
                f"SELECT count(*) FROM {rows} AND employee_id IN (SELECT employee_id FROM roster)"
            )
            if not matched:
                self.log = None
        self._views()

    def _views(self) -> None:
        """`people`, `active`, `action_counts`, `posters`: read from the log there is."""
        # The people a metric speaks of: the employees counted, or every actor with no roster.
        if self.has("roster"):
            self.con.execute("CREATE VIEW people AS SELECT employee_id FROM counted")
        elif self.log == "employee_summary":
            self.con.execute("CREATE VIEW people AS SELECT DISTINCT employee_id FROM summary")
        else:
            self.con.execute("CREATE VIEW people AS SELECT DISTINCT employee_id FROM actions")
        if self.log == "employee_summary":
            # "an employee_summary row … with posts, shares, comments or reactions > 0"
            self.con.execute(
                """
                CREATE VIEW action_counts AS
                SELECT employee_id, sum(coalesce(posts, 0) + coalesce(shares, 0)
                       + coalesce(comments, 0) + coalesce(reactions, 0)) AS n
                FROM summary GROUP BY employee_id;
                CREATE VIEW posters AS
                SELECT DISTINCT employee_id FROM summary WHERE posts > 0;
                """
            )
        else:
            self.con.execute(
                """
                CREATE VIEW action_counts AS
                SELECT employee_id, count(*) AS n FROM actions GROUP BY employee_id;
                CREATE VIEW posters AS
                SELECT DISTINCT employee_id FROM actions WHERE action = 'post';
                """
            )
        self.con.execute("CREATE VIEW active AS SELECT employee_id FROM action_counts WHERE n > 0")

    # --- helpers ----------------------------------------------------------------------
    def one(self, sql: str, *params: Any) -> tuple:
        return self.con.execute(sql, list(params)).fetchone()

    def has(self, table: str, column: str | None = None) -> bool:
        """The table has a row (and, with a column, a value in it somewhere).

        Off-topic actions "enter no metric at all": they do not make the log, or one of
        its columns, present either.
        """
        frame = self.frames[table]
        if table == "employee_activity":
            frame = frame.filter(pl.col("company_related").fill_null(True))
        if column is None:
            return frame.height > 0
        return frame.height > 0 and frame[column].null_count() < frame.height

    def ratio(self, sql: str, *params: Any) -> Ref | None:
        """A query returning (numerator, denominator): not measured when the denominator is 0."""
        numerator, denominator = self.one(sql, *params)
        if not denominator:
            return None
        return Ref(numerator / denominator, numerator, denominator)

    @property
    def expected_platforms(self) -> list[str]:
        """Settings first, then the questionnaire's [platforms] expected, then the default five."""
        if self.expected_override is not None:
            chosen = self.expected_override
        else:
            chosen = self.questionnaire.get("platforms", {}).get("expected") or DEFAULT_PLATFORMS
        return list(dict.fromkeys(p.lower() for p in chosen))


def reference_measures(
    dataset: Dataset,
    start: date,
    end: date,
    expected_platforms: tuple[str, ...] | None = None,
) -> dict[str, Ref | None]:
    """Every metric by the reference: a `Ref`, or None when not measured."""
    from reference import page, people  # noqa: F401  (registers the queries)

    db = Db(dataset, start, end, expected_platforms)
    try:
        return {mid: query(db) for mid, query in METRICS.items()}
    finally:
        db.con.close()
