"""Advocacy platforms' per-user reports (EveryoneSocial Users, Sociuu user stats, Influitive,
Dynamic Signal, Oktopost…) → employee_summary, one row per employee.

No raw export of any platform was found, only the vendors' column lists, so the
format is recognised by meaning: a person (e-mail or name) and per-person counts of
shares plus clicks, posts or network size. The e-mail is the id when there is one
(unique, and on the roster), else the name; `match_employee_ids` maps either to the
roster. `network_size` is connections or audience size ("Reach" in EveryoneSocial is
the person's total connections); never impressions, which these tools estimate as
connections × shares. Influitive's "Potential Reach" is also connections × shares,
so it is the last resort.
"""

from __future__ import annotations

import polars as pl

from dashboard.ingest.adapters.common import (
    Adapter,
    Aliases,
    Located,
    Out,
    cell,
    find_header,
    header_key,
    locate,
    located,
    passthrough,
    project,
    register,
    sheet_grid,
    sheet_heads,
)
from dashboard.ingest.convert import Converted
from dashboard.ingest.upload import Upload
from dashboard.schema import EMPLOYEE_SUMMARY

COLUMNS: Aliases = {
    "email": ("Email", "E-mail", "Email address", "User email", "Indirizzo email", "Mail"),
    "name": ("Name", "Full name", "User name", "User", "Person", "Member", "Advocate", "Nome"),
    "first_name": ("First name", "FirstName", "Nome"),
    "last_name": ("Last name", "LastName", "Cognome"),
    "period_start": ("Period start", "Start date", "Inizio periodo", "Data inizio"),
    "period_end": ("Period end", "End date", "Fine periodo", "Data fine"),
    "posts": ("Posts", "Content Published", "Post pubblicati"),
    "shares": ("Shares", "Total shares", "Shares/Retweets", "Condivisioni"),
    "comments": ("Comments", "LinkedIn Comments", "Commenti"),
    "reactions": (
        "Reactions",
        "Total Reactions",
        "Likes",
        "LinkedIn Reactions",
        "Likes/Favourites",
        "Reazioni",
    ),
    "clicks": ("Clicks", "Clickthroughs", "Clic"),
    "network_size": (
        "Network size",
        "Connections",
        "Audience size",
        "LinkedIn Audience Size",
        "Reach",
        "Dimensione della rete",
        "Collegamenti",
        "Potential reach",
    ),
}
# Taken as they are; the person's id is built from the e-mail or name columns.
AS_IS = (
    "period_start",
    "period_end",
    "posts",
    "shares",
    "comments",
    "reactions",
    "clicks",
    "network_size",
)
# A file with a canonical employee id column is a canonical summary, not a vendor report.
_ID = EMPLOYEE_SUMMARY.column("employee_id")
_CANONICAL_IDS = {header_key(a) for a in (_ID.name, *_ID.aliases)}


def _is_user_report(found: Located, cells: list[str]) -> bool:
    keys = found.keys()
    person = bool({"email", "name"} & keys or {"first_name", "last_name"} <= keys)
    counts = {"clicks", "posts", "network_size"} & keys
    canonical = _CANONICAL_IDS & {header_key(c) for c in cells}
    return person and "shares" in keys and bool(counts) and not canonical


def _where(upload: Upload) -> tuple[str, int] | None:
    return find_header(sheet_heads(upload), COLUMNS, _is_user_report)


def matches(upload: Upload) -> bool:
    return _where(upload) is not None


def load(upload: Upload) -> Converted:
    file = upload.name
    grid = sheet_grid(upload, located(_where(upload), "advocacy_users"))
    found = locate(grid.header, COLUMNS)
    # Best id first: the e-mail, then first + last name ('Nome' + 'Cognome'), then the name.
    people = [cell(found["email"])] if "email" in found else []
    if {"first_name", "last_name"} <= found.keys():
        first, last = cell(found["first_name"]), cell(found["last_name"])
        people.append(pl.concat_str(first, last, separator=" "))
    people += [cell(found["name"])] if "name" in found else []
    blank_as_null = [pl.when(p.str.strip_chars() != "").then(p) for p in people]
    label = "/".join(grid.header[found[n]] for n in ("email", "name", "first_name") if n in found)
    outputs = {
        "employee_id": Out(label, pl.coalesce(blank_as_null)),
        **passthrough(grid, found, *AS_IS),
    }
    return project(grid, "employee_summary", file, outputs)


ADAPTER = register(Adapter("advocacy_users", "employee_summary", matches, load, COLUMNS))
