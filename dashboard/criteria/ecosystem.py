"""Criterion `ecosystem`: the company present offline and with partners (seed 003), read
from the labels of the page posts of the period, or from their text when none has labels."""

from __future__ import annotations

import polars as pl

from dashboard.criteria.base import Measure, family, records
from dashboard.criteria.context import Context
from dashboard.criteria.page import (
    EVIDENCE_ROWS,
    POSTS,
    _all_not_measured,
    _blank,
    _missing,
    _platform,
)
from dashboard.messages import Msg, Ref, either, msg

# Labels are `;`-separated tags, compared case-insensitively as whole tags.
EVENT_LABELS = ("event", "events", "evento", "eventi", "fiera", "fiere")
PARTNER_LABELS = ("partner", "partners", "partnership", "partnerships")
# Without labels, the post text is searched for whole words (Italian and English).
EVENT_WORDS = (
    "evento",
    "eventi",
    "fiera",
    "fiere",
    "event",
    "events",
    "conference",
    "conferences",
    "conferenza",
    "conferenze",
    "workshop",
    "workshops",
    "convegno",
    "convegni",
    "meetup",
    "meet-up",
)
PARTNER_WORDS = (
    "con @",  # "con @Caseificio…": made with a partner mentioned by its handle
    "in collaborazione con",
    "insieme a",
    "collaborazione",
    "collaborazioni",
    "partnership",
    "partnerships",
    "partner",
    "partners",
)


@family("ecosystem")
def ecosystem(ctx: Context) -> dict[str, Measure]:
    if reason := _missing(ctx):
        return _all_not_measured("ecosystem", reason)
    return {
        "ecosystem.event_share": _tagged_share(ctx, EVENT_LABELS, EVENT_WORDS),
        "ecosystem.partner_share": _tagged_share(ctx, PARTNER_LABELS, PARTNER_WORDS),
    }


def _alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first (so phrases win over their words)."""
    escaped = sorted(
        (w.replace(" ", r"\s+").replace("-", r"-?") for w in words), key=len, reverse=True
    )
    return "|".join(escaped)


def _tagged_share(ctx: Context, labels: tuple[str, ...], words: tuple[str, ...]) -> Measure:
    """Share of page posts labelled with one of `labels`; from the text's words when no labels."""
    posts = ctx.posts
    note: Msg | None = None
    if not _blank(posts, "labels"):
        column = "labels"
        pattern = rf"(?i)(?:^|;)\s*({_alternatives(labels)})\s*(?:;|$)"
    elif not _blank(posts, "text"):
        column, note = "text", msg("measure.note.from_post_text")
        pattern = rf"(?i)\b({_alternatives(words)})\b"
    else:
        return Measure.not_measured(either(Ref(POSTS, "labels"), Ref(POSTS, "text")))
    matched = (
        posts.select(
            "post_id",
            _platform().alias("platform"),
            "published_at",
            matched=pl.col(column).str.extract(pattern, 1).str.to_lowercase(),
        )
        .filter(pl.col("matched").is_not_null())
        .sort("published_at")
    )
    evidence = {"source": column, "posts": records(matched, EVIDENCE_ROWS)}
    return Measure.ratio(matched.height, posts.height, evidence, note=note)
