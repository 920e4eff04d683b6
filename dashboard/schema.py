"""The canonical tables of DATA_CONTRACT.md: every loader maps onto these, the engine reads only these.

A table is a list of `Column`s. Each column has a kind that says how text is parsed
(`dashboard.ingest.parse`), whether it is required, and the header aliases accepted
beside its English name (header matching folds case, accents, spaces and punctuation).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "id", "datetime", "date", "count", "number", "bool", "choice"]

PLATFORMS = ("linkedin", "facebook", "instagram", "x", "youtube", "tiktok", "other")
ACTIONS = ("post", "share", "comment", "reaction")
AUTHOR_TYPES = ("staff", "agency", "unknown")

# Values accepted for choice columns, beyond the canonical ones themselves.
PLATFORM_ALIASES = {
    "twitter": "x",
    "x twitter": "x",
    "li": "linkedin",
    "fb": "facebook",
    "meta": "facebook",
    "ig": "instagram",
    "insta": "instagram",
    "yt": "youtube",
    "tik tok": "tiktok",
    "threads": "other",
    "altro": "other",
}
ACTION_ALIASES = {
    "condivisione": "share",
    "reshare": "share",
    "repost": "share",
    "retweet": "share",
    "commento": "comment",
    "reply": "comment",
    "risposta": "comment",
    "reazione": "reaction",
    "like": "reaction",
    "mi piace": "reaction",
    "react": "reaction",
    "pubblicazione": "post",
    "articolo": "post",
    "article": "post",
    "tweet": "post",
}
AUTHOR_TYPE_ALIASES = {
    "interno": "staff",
    "personale": "staff",
    "dipendente": "staff",
    "employee": "staff",
    "agenzia": "agency",
    "esterno": "agency",
    "external": "agency",
    "sconosciuto": "unknown",
}


@dataclass(frozen=True)
class Column:
    """One canonical column: its name, how to parse it, and what headers mean it."""

    name: str
    kind: Kind
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    choice_aliases: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    """A canonical table: its columns in order, and a key that identifies duplicate rows."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


def _counts(*pairs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(en, "count", aliases=(it,)) for en, it in pairs)


_ENGAGEMENT = _counts(
    ("impressions", "impressioni"),
    ("reach", "copertura"),
    ("reactions", "reazioni"),
    ("comments", "commenti"),
    ("shares", "condivisioni"),
    ("clicks", "clic"),
)

COMPANY_POSTS = Table(
    "company_posts",
    (
        Column(
            "platform",
            "choice",
            required=True,
            aliases=("piattaforma", "network", "social", "canale"),
            choices=PLATFORMS,
            choice_aliases=PLATFORM_ALIASES,
        ),
        Column("post_id", "id", aliases=("id_post", "id")),
        Column(
            "published_at",
            "datetime",
            required=True,
            aliases=("data_pubblicazione", "data", "date", "published"),
        ),
        Column("author", "text", aliases=("autore", "posted_by", "pubblicato_da")),
        Column(
            "author_type",
            "choice",
            aliases=("tipo_autore",),
            choices=AUTHOR_TYPES,
            choice_aliases=AUTHOR_TYPE_ALIASES,
        ),
        Column("format", "text", aliases=("formato", "post_type", "tipo")),
        *_ENGAGEMENT,
        Column("comments_replied", "count", aliases=("commenti_risposti",)),
        Column("replies_by_staff", "count", aliases=("risposte_staff",)),
        Column("first_response_minutes", "number", aliases=("minuti_prima_risposta",)),
        Column("labels", "text", aliases=("etichette", "tags")),
        Column("text", "text", aliases=("testo", "caption", "message")),
    ),
    key=("platform", "post_id"),
)

EMPLOYEE_ACTIVITY = Table(
    "employee_activity",
    (
        Column("employee_id", "id", required=True, aliases=("id_dipendente", "dipendente")),
        Column("occurred_at", "datetime", required=True, aliases=("data", "date", "timestamp")),
        Column(
            "action",
            "choice",
            required=True,
            aliases=("azione",),
            choices=ACTIONS,
            choice_aliases=ACTION_ALIASES,
        ),
        Column(
            "platform",
            "choice",
            aliases=("piattaforma",),
            choices=PLATFORMS,
            choice_aliases=PLATFORM_ALIASES,
        ),
        Column("with_commentary", "bool", aliases=("con_commento",)),
        Column("company_related", "bool", aliases=("relativo_azienda",)),
        Column("target_employee_id", "id", aliases=("id_collega",)),
        Column("source_post_id", "id", aliases=("id_post_origine",)),
        *_ENGAGEMENT,
    ),
)

EMPLOYEE_SUMMARY = Table(
    "employee_summary",
    (
        Column("employee_id", "id", required=True, aliases=("id_dipendente", "dipendente")),
        Column("period_start", "date", aliases=("inizio_periodo",)),
        Column("period_end", "date", aliases=("fine_periodo",)),
        *_counts(
            ("posts", "post"),
            ("shares", "condivisioni"),
            ("shares_with_commentary", "condivisioni_con_commento"),
            ("comments", "commenti"),
            ("reactions", "reazioni"),
            ("clicks", "clic"),
            ("network_size", "rete"),
        ),
    ),
    key=("employee_id", "period_start", "period_end"),
)

ROSTER = Table(
    "roster",
    (
        Column("employee_id", "id", required=True, aliases=("id_dipendente", "matricola")),
        Column("department", "text", required=True, aliases=("reparto", "funzione", "ufficio")),
        Column("name", "text", aliases=("nome", "nome_cognome", "full_name")),
        Column("email", "text", aliases=("e_mail", "mail", "posta_elettronica")),
        Column("title", "text", aliases=("ruolo", "job_title", "qualifica")),
        Column("is_manager", "bool", aliases=("manager", "responsabile")),
        Column("manager_id", "id", aliases=("id_responsabile",)),
        Column("followers", "count", aliases=("follower", "connections", "collegamenti")),
        Column("trained", "bool", aliases=("formazione", "formato")),
        Column("opted_in", "bool", aliases=("aderente", "advocate")),
        Column("hired_at", "date", aliases=("data_assunzione",)),
        Column("left_at", "date", aliases=("data_cessazione",)),
    ),
    key=("employee_id",),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (COMPANY_POSTS, EMPLOYEE_ACTIVITY, EMPLOYEE_SUMMARY, ROSTER)
}


def normalise_header(text: str) -> str:
    """Fold a header to compare it: lower case, no accents, words joined by '_'.

    'Data Pubblicazione', 'data_pubblicazione' and 'DATA-PUBBLICAZIONE ' all become
    'data_pubblicazione'. U+2019 and other punctuation count as separators.
    """
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", folded.lower()).strip("_")


def header_lookup(table: Table) -> dict[str, str]:
    """Map every accepted (normalised) header of a table to its canonical column name."""
    lookup: dict[str, str] = {}
    for column in table.columns:
        for alias in (column.name, *column.aliases):
            lookup.setdefault(normalise_header(alias), column.name)
    return lookup
