"""X (x.com) → Analytics → Content → Export (`account_analytics_content_<from>_<to>.csv`) → company_posts.

UTF-8, comma, 17 columns in a fixed order, one row per post (replies included),
not reliably sorted. `Date` is date-only text like "Sun, Aug 30, 2026". Headers
follow the UI language: English and the Japanese labels seen are matched by name,
and a file in another language is recognised by its 17 columns with X status links
in the fourth, then read by position.
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
    register,
    sheet_grid,
    sheet_heads,
    x_posts,
)
from dashboard.ingest.convert import Converted
from dashboard.ingest.upload import Upload

LAYOUT = (
    "Post id",
    "Date",
    "Post text",
    "Post Link",
    "Impressions",
    "Likes",
    "Engagements",
    "Bookmarks",
    "Shares",
    "New follows",
    "Replies",
    "Reposts",
    "Profile visits",
    "Detail Expands",
    "URL Clicks",
    "Hashtag Clicks",
    "Permalink Clicks",
)
# English first (its position in LAYOUT is the fallback), then Japanese (seen), then
# the Italian labels the doc expects (unverified).
COLUMNS: Aliases = {
    "post_id": ("Post id", "ポストID"),
    "published_at": ("Date", "日付"),
    "text": ("Post text", "ポスト本文"),
    "link": ("Post Link",),
    "impressions": ("Impressions", "インプレッション数", "Impressioni"),
    "reactions": ("Likes", "いいね", "Mi piace"),
    "comments": ("Replies", "返信", "Risposte"),
    "shares": ("Reposts", "リポスト", "Repost"),
    "clicks": ("URL Clicks",),
    "bookmarks": ("Bookmarks", "ブックマーク", "Segnalibri"),
}
DATE_FORMATS = ("%a, %b %d, %Y",)


def _is_x_header(found: Located, _cells: list[str]) -> bool:
    return {"post_id", "published_at", "impressions", "bookmarks"} <= found.keys()


def _where(upload: Upload) -> tuple[str, int] | None:
    heads = sheet_heads(upload)
    return find_header(heads, COLUMNS, _is_x_header) or find_by_layout(
        heads, LAYOUT, LAYOUT.index("Post Link"), X_STATUS
    )


def matches(upload: Upload) -> bool:
    return _where(upload) is not None


def load(upload: Upload) -> Converted:
    file = upload.name
    grid = sheet_grid(upload, located(_where(upload), "x_content"))
    found = locate(grid.header, COLUMNS, LAYOUT)
    return x_posts(grid, found, file, date_formats=DATE_FORMATS)


ADAPTER = register(Adapter("x_content", "company_posts", matches, load, COLUMNS))
