"""LinkedIn company page → Analytics → Content → Export: the `All posts` sheet as company_posts.

The workbook is a real BIFF `.xls` with a `Metrics` sheet (daily totals) and a posts
sheet (`All posts`, `Tutti i post`, `Todas as publicações`), each with a one-cell
description row above the header. Only the posts sheet describes posts. Headers are
translated into the admin's UI language and were renamed over the years (Reposts ↔
Shares, Posted by ↔ Published by, the old Update title/link), so every known name is
accepted. Dates are month-first text even in the Italian UI. The key is the activity
URN inside `Post link`: stable across exports, so overlapping exports dedupe on it.
"""

from __future__ import annotations

from dashboard.ingest.adapters.common import (
    LINKEDIN_POST,
    Adapter,
    Aliases,
    Located,
    Out,
    cell,
    column_where,
    const,
    date_note,
    find_header,
    iso_dates,
    locate,
    located,
    passthrough,
    post_format,
    post_urn,
    project,
    register,
    sheet_grid,
    sheet_heads,
    slash_dates,
    values,
)
from dashboard.ingest.convert import Converted
from dashboard.ingest.upload import Upload
from dashboard.messages import msg

# English (current and old), Italian, Portuguese. Italian names the doc could not find
# (the post link) are matched by content instead: the column holding LinkedIn URNs.
COLUMNS: Aliases = {
    "text": ("Post title", "Update title", "Titolo del post", "Título da publicação"),
    "link": ("Post link", "Update link", "Link del post", "Link da publicação", "Post URN"),
    "published_at": (
        "Created date",
        "Posted on",
        "Date",
        "Data di creazione",
        "Data",
        "Criação",
        "Data de criação",
    ),
    "author": ("Posted by", "Published by", "Pubblicato da", "Publicada por", "Publicado por"),
    "format": ("Content Type", "Tipo di contenuto", "Tipo de conteúdo"),
    "impressions": ("Impressions", "Impressioni", "Impressões"),
    "clicks": ("Clicks", "Clic", "Cliques"),
    "reactions": ("Likes", "Reactions", "Reazioni", "Mi piace", "Gostaram", "Reações"),
    "comments": ("Comments", "Commenti", "Comentários"),
    "shares": ("Reposts", "Shares", "Diffusioni post", "Condivisioni", "Compartilhamentos"),
}


def _is_posts_header(found: Located, _cells: list[str]) -> bool:
    """A posts table: a post title (or a post link with its author), the creation date,
    impressions and one interaction. X's export also has a "Post Link", but no author."""
    keys = found.keys()
    return bool(
        ("text" in keys or {"link", "author"} <= keys)
        and {"published_at", "impressions"} <= keys
        and {"clicks", "reactions", "comments", "shares"} & keys
    )


def _where(upload: Upload) -> tuple[str, int] | None:
    return find_header(sheet_heads(upload), COLUMNS, _is_posts_header)


def matches(upload: Upload) -> bool:
    return _where(upload) is not None


def load(upload: Upload) -> Converted:
    file = upload.name
    grid = sheet_grid(upload, located(_where(upload), "linkedin_page_content"))
    found = locate(grid.header, COLUMNS)
    link = found["link"] if "link" in found else column_where(grid, LINKEDIN_POST)
    date = found["published_at"]
    formats, note = slash_dates(values(grid, date), day_first=False)
    outputs = {
        "platform": const(msg("load.column.platform_linkedin_page"), "linkedin"),
        "published_at": Out(grid.header[date], iso_dates(cell(date), formats)),
        **passthrough(
            grid,
            found,
            "author",
            "text",
            "impressions",
            "clicks",
            "reactions",
            "comments",
            "shares",
        ),
    }
    if link is not None:
        outputs["post_id"] = Out(grid.header[link], post_urn(cell(link)))
    if "format" in found:
        outputs["format"] = Out(grid.header[found["format"]], post_format(cell(found["format"])))
    return project(grid, "company_posts", file, outputs, date_note(file, grid.header[date], note))


ADAPTER = register(Adapter("linkedin_page_content", "company_posts", matches, load, COLUMNS))
