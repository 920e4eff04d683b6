"""Legacy analytics.twitter.com export (`tweet_activity_metrics_<handle>_<from>_<to>_<lang>.csv`)
→ company_posts.

UTF-8, every field quoted, 40 columns unchanged from 2016 to 2021: organic figures
then `promoted *` ones. Counts are floats as text ("1777.0"), "-" means the figure
does not apply (unknown, not text), `time` is `YYYY-MM-DD HH:MM +0000` (UTC). The
file name's language code says the header may be localized: a header in another
language is recognised by its 40 columns with status links in the second.
"""

from __future__ import annotations

from dashboard.ingest.adapters.common import (
    X_STATUS,
    Adapter,
    Aliases,
    Located,
    find_by_layout,
    find_header,
    locate,
    located,
    no_dashes,
    register,
    sheet_grid,
    sheet_heads,
    x_posts,
)
from dashboard.ingest.convert import Converted
from dashboard.ingest.upload import Upload

_METRICS = (
    "retweets",
    "replies",
    "likes",
    "user profile clicks",
    "url clicks",
    "hashtag clicks",
    "detail expands",
    "permalink clicks",
    "app opens",
    "app installs",
    "follows",
    "email tweet",
    "dial phone",
    "media views",
    "media engagements",
)
LAYOUT = (
    "Tweet id",
    "Tweet permalink",
    "Tweet text",
    "time",
    "impressions",
    "engagements",
    "engagement rate",
    *_METRICS,
    "promoted impressions",
    "promoted engagements",
    "promoted engagement rate",
    *(f"promoted {m}" for m in _METRICS),
)
COLUMNS: Aliases = {
    "post_id": ("Tweet id",),
    "link": ("Tweet permalink",),
    "text": ("Tweet text",),
    "published_at": ("time",),
    "impressions": ("impressions",),
    "reactions": ("likes",),
    "comments": ("replies",),
    "shares": ("retweets",),
    "clicks": ("url clicks",),
    "promoted": ("promoted impressions",),
}


def _is_legacy_header(found: Located, _cells: list[str]) -> bool:
    return {"post_id", "published_at", "impressions"} <= found.keys() and bool(
        {"link", "promoted"} & found.keys()
    )


def _where(upload: Upload) -> tuple[str, int] | None:
    heads = sheet_heads(upload)
    return find_header(heads, COLUMNS, _is_legacy_header) or find_by_layout(
        heads, LAYOUT, LAYOUT.index("Tweet permalink"), X_STATUS
    )


def matches(upload: Upload) -> bool:
    return _where(upload) is not None


def load(upload: Upload) -> Converted:
    file = upload.name
    grid = sheet_grid(upload, located(_where(upload), "x_tweet_activity"))
    return x_posts(grid, locate(grid.header, COLUMNS, LAYOUT), file, clean=no_dashes)


ADAPTER = register(Adapter("x_tweet_activity", "company_posts", matches, load, COLUMNS))
