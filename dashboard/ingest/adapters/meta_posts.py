"""Meta Business Suite → Content → Export: one row per Facebook or Instagram post → company_posts.

UTF-8 with BOM, comma, captions with line breaks inside quotes. The column set
changes from month to month and Meta renamed metrics in 2025 (Impressions → Views),
so a subset of columns is required, never the full list. `Date` holds `Lifetime`
(the figures are lifetime totals as of the export), so the post's date is
`Publish time`, month-first with no time zone even in the Italian UI. Headers and
post-type values follow the UI language; the format is reported as `meta_posts_en`
or `meta_posts_it` accordingly. Blank figures stay unknown.
"""

from __future__ import annotations

import polars as pl

from dashboard.ingest.adapters.common import (
    Adapter,
    Aliases,
    Located,
    Out,
    cell,
    date_note,
    find_header,
    header_key,
    iso_dates,
    locate,
    located,
    longest,
    passthrough,
    post_format,
    project,
    register,
    sheet_grid,
    sheet_heads,
    slash_dates,
    values,
)
from dashboard.ingest.convert import Converted
from dashboard.ingest.reader import Grid
from dashboard.ingest.upload import Upload

# English and Italian. The Italian Post ID, Page and click headers were not seen in a
# real file (the doc lists the others); Post ID falls back to the first column, where
# both documented layouts put it.
COLUMNS: Aliases = {
    "post_id": ("Post ID", "ID del post", "ID post"),
    "published_at": ("Publish time", "Orario di pubblicazione"),
    "title": ("Title", "Titolo"),
    "description": ("Description", "Descrizione"),
    "permalink": ("Permalink",),
    "format": ("Post type", "Tipo di post"),
    "impressions": ("Impressions", "Views", "Impressioni", "Visualizzazioni"),
    "reach": ("Reach", "Copertura"),
    "reactions": ("Reactions", "Likes", "Reazioni", "Mi piace"),
    "comments": ("Comments", "Commenti"),
    "shares": ("Shares", "Condivisioni"),
    "clicks": ("Total clicks", "Clic totali"),
    "instagram_account": (
        "Account ID",
        "Account username",
        "ID dell'account",
        "Nome utente dell'account",
    ),
}
_ITALIAN = header_key("Orario di pubblicazione")


def _is_meta_header(found: Located, _cells: list[str]) -> bool:
    keys = found.keys()
    return {"published_at", "permalink"} <= keys and bool({"reach", "impressions"} & keys)


def _where(upload: Upload) -> tuple[str, int] | None:
    return find_header(sheet_heads(upload), COLUMNS, _is_meta_header)


def matches(upload: Upload) -> bool:
    return _where(upload) is not None


def name_for(upload: Upload) -> str:
    """`meta_posts_it` when the header is Italian, else `meta_posts_en`."""
    sheet, row = _where(upload) or ("", 0)
    header = sheet_heads(upload)[sheet][row]
    return "meta_posts_it" if _ITALIAN in map(header_key, header) else "meta_posts_en"


def _platform(found: Located) -> pl.Expr:
    """Instagram or Facebook per row: the permalink's site, else an IG post type, else the
    file's columns (an account, not a page, means Instagram)."""
    default = "instagram" if "instagram_account" in found else "facebook"
    link = cell(found["permalink"]).str.to_lowercase()
    kind = cell(found["format"]) if "format" in found else pl.lit(None, pl.String)
    return (
        pl.when(link.str.contains("instagram.com") | kind.str.contains(r"(?i)^ig\b|instagram"))
        .then(pl.lit("instagram"))
        .when(link.str.contains(r"facebook\.com|fb\.com|fb\.watch"))
        .then(pl.lit("facebook"))
        .otherwise(pl.lit(default))
    )


def _post_id(grid: Grid, found: Located) -> Out:
    """The Post ID column; else the first column when it holds numeric ids; else the permalink."""
    if "post_id" in found:
        index = found["post_id"]
    elif values(grid, 0).str.contains(r"^[\d_]{6,}$").all():
        index = 0
    else:
        index = found["permalink"]
    return Out(grid.header[index], cell(index))


def load(upload: Upload) -> Converted:
    file = upload.name
    grid = sheet_grid(upload, located(_where(upload), "meta_posts"))
    found = locate(grid.header, COLUMNS)
    date = found["published_at"]
    formats, note = slash_dates(values(grid, date), day_first=False)
    captions = [cell(found[n]) for n in ("description", "title") if n in found]
    outputs = {
        "platform": Out(grid.header[found["permalink"]], _platform(found)),
        "post_id": _post_id(grid, found),
        "published_at": Out(grid.header[date], iso_dates(cell(date), formats)),
        **passthrough(
            grid, found, "impressions", "reach", "reactions", "comments", "shares", "clicks"
        ),
    }
    if captions:
        label = "/".join(grid.header[found[n]] for n in ("title", "description") if n in found)
        outputs["text"] = Out(label, longest(*captions))
    if "format" in found:
        outputs["format"] = Out(grid.header[found["format"]], post_format(cell(found["format"])))
    return project(grid, "company_posts", file, outputs, date_note(file, grid.header[date], note))


ADAPTER = register(Adapter("meta_posts", "company_posts", matches, load, COLUMNS, name_for))
