"""LinkedIn personal (creator) analytics → Me → Analytics → Export `.xlsx` → employee_activity.

The only way an employer gets an employee's own LinkedIn numbers is the employee's
export, one workbook per person. Its `TOP POSTS` sheet (`POST PRINCIPALI` in Italian)
lists the employee's best posts in two tables side by side below a banner: A–C by
engagements, E–G by impressions, header on row 3. A post in both tables is one post.
Each post becomes one `post` action on LinkedIn, company related, with its date and,
from the right-hand table, its impressions (engagements have no canonical column).
Numbers are text; dates are text M/D/YYYY, day-first in the Italian UI.

The workbook never names its owner: the file name does (`Content_<from>_<to>_<Name>`,
`AggregateAnalytics_<Name>_<from>_<to>`), and `match_employee_ids` maps that name to
the roster. The dashboard can pass the employee the user picked instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

import polars as pl

from dashboard.ingest.adapters.common import (
    LINKEDIN_POST,
    Adapter,
    Out,
    Rows,
    cell,
    const,
    date_note,
    header_key,
    iso_dates,
    post_urn,
    project,
    register,
    sheet_heads,
    slash_dates,
)
from dashboard.ingest.convert import Converted
from dashboard.ingest.problems import Problem
from dashboard.ingest.reader import grid_from_rows
from dashboard.ingest.upload import Upload
from dashboard.messages import msg
from dashboard.schema import EMPLOYEE_ACTIVITY

TOP_POSTS = ("TOP POSTS", "POST PRINCIPALI")
DAY_FIRST_SHEETS = {header_key("POST PRINCIPALI")}
# File-name words that are not part of the person's name.
_NOT_NAME = {"content", "contenuti", "aggregateanalytics", "analytics", "linkedin", "export"}


def employee_from_file_name(file: str) -> str | None:
    """The person a creator export belongs to, from its file name ('Mario_Rossi_Content_2026…'
    → 'Mario Rossi'): every word that is neither a date, a number nor an export word."""
    words = re.split(r"[_\s]+", PurePath(file).stem)
    name = [w for w in words if w and not re.search(r"\d", w) and w.casefold() not in _NOT_NAME]
    return " ".join(name) or None


def _top_sheet(heads: dict[str, Rows]) -> str | None:
    names = {header_key(name): name for name in heads}
    return next((names[k] for k in map(header_key, TOP_POSTS) if k in names), None)


def matches(upload: Upload) -> bool:
    return upload.workbook and _top_sheet(sheet_heads(upload)) is not None


def _is_post(value: str | None) -> bool:
    return bool(value and re.search(LINKEDIN_POST, value))


@dataclass(frozen=True)
class _TopPosts:
    """The top-posts sheet as found: its rows, the header row, the columns holding post
    URLs (one per side-by-side table), how its dates read, and whose posts they are."""

    file: str
    sheet: str
    rows: Rows
    header: int
    urls: list[int]
    formats: list[str]
    employee: Out

    def label(self, column: int, default: str) -> str:
        row = self.rows[self.header]
        return (row[column] if len(row) > column else None) or default

    def table(self, url: int) -> Converted:
        """One table (URL, date, metric) as actions; the post URN rides in source_post_id
        until the tables are merged."""
        end = max(i for i, row in enumerate(self.rows) if len(row) > url and _is_post(row[url]))
        grid = grid_from_rows(self.rows[: end + 1], self.sheet, self.header)
        outputs = {
            "employee_id": self.employee,
            "occurred_at": Out(
                self.label(url + 1, "Post publish date"), iso_dates(cell(url + 1), self.formats)
            ),
            "action": const(msg("load.column.published_post"), "post"),
            "platform": const(msg("load.column.platform_linkedin"), "linkedin"),
            "company_related": const(msg("load.column.company_related_assumed"), "true"),
            "source_post_id": Out(
                self.label(url, "Post URL"), pl.coalesce(post_urn(cell(url)), cell(url))
            ),
        }
        if self._ranks_impressions(url) and len(grid.header) > url + 2:
            outputs["impressions"] = Out(self.label(url + 2, "Impressions"), cell(url + 2))
        return project(grid, "employee_activity", self.file, outputs)

    def _ranks_impressions(self, url: int) -> bool:
        """The metric beside the URL is impressions: its header says so in any language
        seen, or, unnamed, it is the right-hand of the two tables (as documented)."""
        metric = header_key(self.label(url + 2, ""))
        if "impress" in metric or re.search("engag|interaz", metric):
            return "impress" in metric
        return len(self.urls) > 1 and url == self.urls[-1]


def load(upload: Upload, *, employee_id: str | None = None) -> Converted:
    """The employee's top posts as actions; `employee_id` overrides the name in the file name."""
    file = upload.name
    employee = employee_id or employee_from_file_name(file)
    if not employee:
        return Converted(None, [_no_employee(file)])
    sheet = _top_sheet(sheet_heads(upload)) or ""
    rows = upload.sheets[sheet]
    starts = [i for i, row in enumerate(rows) if any(map(_is_post, row))]
    if not starts:
        message = msg("load.message.sheet_without_posts", sheet=repr(sheet))
        return Converted(None, [Problem(file, "header_only", "error", message=message)])
    body = rows[starts[0] :]
    urls = sorted({j for row in body for j, c in enumerate(row) if _is_post(c)})
    dates = [r[u + 1] for r in body for u in urls if len(r) > u + 1 and r[u + 1]]
    day_first = header_key(sheet) in DAY_FIRST_SHEETS
    formats, note = slash_dates(pl.Series(dates, dtype=pl.String), day_first)
    label = msg(
        "load.column.employee_chosen" if employee_id else "load.column.employee_from_file_name"
    )
    top = _TopPosts(file, sheet, rows, max(starts[0] - 1, 0), urls, formats, const(label, employee))
    converted = _merge([top.table(url) for url in urls])
    converted.problems[:0] = date_note(file, top.label(urls[0] + 1, "Post publish date"), note)
    return converted


def _merge(parts: list[Converted]) -> Converted:
    """The tables as one list of posts: a post in both keeps its date and its impressions."""
    frames = [p.frame for p in parts if p.frame is not None]
    problems = [problem for p in parts for problem in p.problems]
    read, rejected = sum(p.rows_read for p in parts), sum(p.rows_rejected for p in parts)
    if not frames:
        return Converted(None, problems, read, rejected)
    merged = (
        pl.concat(frames)
        .group_by("source_post_id", maintain_order=True)
        .agg(pl.exclude("impressions").drop_nulls().first(), pl.col("impressions").max())
        .select(EMPLOYEE_ACTIVITY.names)
        .with_columns(source_post_id=pl.lit(None, pl.String))
    )
    found = list(dict.fromkeys(c for p in parts for c in p.columns_found))
    return Converted(merged, problems, read, rejected, found)


def _no_employee(file: str) -> Problem:
    return Problem(
        file,
        "missing_value",
        "error",
        msg("load.expected.employee"),
        column="employee_id",
        message=msg("load.message.no_employee"),
    )


ADAPTER = register(Adapter("linkedin_creator", "employee_activity", matches, load))
