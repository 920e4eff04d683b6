"""What every export adapter shares: reading sheets, finding columns in any language,
cleaning cells with polars, and handing the result to `convert` with an explicit mapping.

Adapters differ only in knowledge of their format (which header names, which quirks);
the mechanics live here once. The end of every adapter is `project`, which builds a
grid of text cells, one per canonical column, and lets `convert` do the typing, so
number, date and choice parsing and the row-by-row load report are the same as for a
canonical file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import polars as pl

from dashboard.ingest.convert import Converted, convert
from dashboard.ingest.parse import reading
from dashboard.ingest.problems import Problem, Text
from dashboard.ingest.reader import PREVIEW_ROWS, Grid, ReadError, grid_from_rows
from dashboard.ingest.upload import Upload
from dashboard.messages import Msg, msg
from dashboard.schema import TABLES

Rows = list[list[str | None]]
Aliases = dict[str, tuple[str, ...]]  # field → its header in every language seen, best first
Located = dict[str, int]  # field → column index


@dataclass(frozen=True)
class Adapter:
    """One export format: how to recognise it and how to load it into a canonical table."""

    format: str
    table: str
    matches: Callable[[Upload], bool]
    load: Callable[[Upload], Converted]
    aliases: Aliases = field(default_factory=dict)
    # For formats whose reported name depends on the file (the header's language).
    name_for: Callable[[Upload], str] | None = None

    def format_of(self, upload: Upload) -> str:
        return self.name_for(upload) if self.name_for else self.format


ADAPTERS: list[Adapter] = []


def register(adapter: Adapter) -> Adapter:
    """Add an adapter to the ones `try_adapters` asks (in import order)."""
    ADAPTERS.append(adapter)
    return adapter


# --- headers ----------------------------------------------------------------


def header_key(text: str | None) -> str:
    """A header folded for comparison in any script.

    Like `schema.normalise_header` (case, accents, punctuation and U+2019 folded, words
    joined by '_'), but letters outside ASCII are kept: X's Japanese headers
    ('ポストID', '日付') would otherwise all fold to 'id' or to nothing.
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "_", plain.casefold()).strip("_")


def locate(header: Sequence[str | None], aliases: Aliases, layout: Sequence[str] = ()) -> Located:
    """Field → index of the first column any of its names matches.

    `layout` is the documented English column order: when the header has exactly that
    many columns, a field whose name is not recognised (a UI language nobody has seen
    yet) is taken from its documented position.
    """
    keys = [header_key(h) for h in header]
    found: Located = {}
    for name, names in aliases.items():
        index = next((keys.index(k) for k in map(header_key, names) if k in keys), None)
        if index is None and layout and len(keys) == len(layout) and names[0] in layout:
            index = list(layout).index(names[0])
        if index is not None:
            found[name] = index
    return found


# --- reading ----------------------------------------------------------------


def sheet_heads(upload: Upload) -> dict[str, Rows]:
    """The first rows of every sheet; a text file is one sheet named ''. Every adapter's
    `matches` asks for these: the upload reads them once and keeps them (with the file)."""
    return upload.heads


def find_header(
    heads: dict[str, Rows], aliases: Aliases, accept: Callable[[Located, list[str]], bool]
) -> tuple[str, int] | None:
    """The first sheet and row whose cells, read as a header, `accept` says are this format."""
    for sheet, rows in heads.items():
        for index, row in enumerate(rows):
            cells = [c or "" for c in row]
            if accept(locate(cells, aliases), cells):
                return sheet, index
    return None


def sheet_grid(upload: Upload, where: tuple[str, int]) -> Grid:
    """The grid of a sheet (or of the text file) whose header row is known."""
    sheet, index = where
    if upload.workbook:
        return grid_from_rows(upload.sheets[sheet], sheet, index)
    return upload.grid(header_index=index)


def find_by_layout(
    heads: dict[str, Rows], layout: Sequence[str], probe: int, pattern: str
) -> tuple[str, int] | None:
    """A sheet with the documented number of columns whose `probe` column holds what the
    format puts there: recognises an export whatever language its header is in."""
    for sheet, rows in heads.items():
        body = [r for r in rows[1:] if any(r)]
        wide = bool(rows) and len(rows[0]) == len(layout)
        if wide and body and all(_fits(r, probe, pattern) for r in body):
            return sheet, 0
    return None


def _fits(row: list[str | None], index: int, pattern: str) -> bool:
    return len(row) > index and re.match(pattern, (row[index] or "").strip()) is not None


def located(where: tuple[str, int] | None, format_name: str) -> tuple[str, int]:
    """The header position `matches` found; a file that never matched is not this format."""
    if where is None:
        raise ReadError("unknown_layout", msg("load.message.not_an_export", format=format_name))
    return where


# --- cells ------------------------------------------------------------------


def cell(index: int) -> pl.Expr:
    """The text of one grid column."""
    return pl.col(f"c{index}")


def values(grid: Grid, index: int) -> pl.Series:
    """A column's non-blank cells from the grid's preview (to choose how to read it)."""
    return grid.preview[f"c{index}"].str.strip_chars().replace("", None).drop_nulls()


def column_where(grid: Grid, pattern: str) -> int | None:
    """The first column whose non-blank cells all match `pattern` (found by content, any language)."""
    for index in range(len(grid.header)):
        cells = values(grid, index)
        if len(cells) and cells.str.contains(pattern).all():
            return index
    return None


def no_dashes(expr: pl.Expr) -> pl.Expr:
    """X's legacy export writes '-' where a figure does not apply: that is unknown, not text."""
    return pl.when(expr.str.strip_chars() == "-").then(None).otherwise(expr)


def longest(*exprs: pl.Expr) -> pl.Expr:
    """The longest of several texts (Meta puts a caption in Title or Description by post type)."""
    best = exprs[0]
    for expr in exprs[1:]:
        best = (
            pl.when(expr.str.len_chars().fill_null(0) > best.str.len_chars().fill_null(0))
            .then(expr)
            .otherwise(best)
        )
    return best


def slash_dates(sample: pl.Series, day_first: bool) -> tuple[list[str], Msg | None]:
    """strptime formats for `a/b/YYYY` dates, and a note when the order was assumed.

    A part above 12 settles the order; when every date fits both readings the
    export's known convention (`day_first`) is taken and the note says so.
    """
    parts = sample.str.extract_groups(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}").struct.unnest()
    first = parts["1"].cast(pl.Int32, strict=False)
    second = parts["2"].cast(pl.Int32, strict=False)
    note = None
    if (first > 12).any():
        day_first = True
    elif (second > 12).any():
        day_first = False
    elif first.drop_nulls().len():
        note = msg("load.message.date_convention", reading=reading(day_first))
    order = "%d/%m/%Y" if day_first else "%m/%d/%Y"
    return [f"{order} %H:%M:%S", f"{order} %H:%M", order], note


def iso_dates(expr: pl.Expr, formats: Sequence[str]) -> pl.Expr:
    """Dates in the export's own format rewritten as ISO text; other cells left as they are,
    so `convert` still reads dates a re-save changed and reports the ones it cannot."""
    parsed = pl.coalesce([expr.str.strptime(pl.Datetime("us"), f, strict=False) for f in formats])
    return (
        pl.when(parsed.is_not_null()).then(parsed.dt.strftime("%Y-%m-%d %H:%M:%S")).otherwise(expr)
    )


def date_note(file: str, column: Text, note: Msg | None) -> list[Problem]:
    """The load-report line for a date order taken by convention (none when there is no note)."""
    if not note:
        return []
    return [Problem(file, "date_order", "info", column=column, message=note)]


# Format words in the languages the exports use, checked in this order (a "Reel di
# Instagram" is a reel, an "IG carousel" a carousel, a LinkedIn "Video" a video).
_FORMAT_WORDS = (
    ("reel", "reel"),
    ("carousel|carosello|carrossel|album", "carousel"),
    ("video", "video"),
    ("photo|foto|image|immagine|imagem", "image"),
    ("link", "link"),
    ("article|articolo|artigo", "article"),
    ("document|documento", "document"),
    ("poll|sondaggio|enquete", "poll"),
    ("event|evento", "event"),
    ("text|testo|texto|status", "text"),
)


def post_format(expr: pl.Expr) -> pl.Expr:
    """A post type as the canonical format word; unknown types are kept, folded."""
    folded = expr.str.normalize("NFKD").str.replace_all(r"\p{M}", "").str.to_lowercase()
    result = folded.str.strip_chars()
    for pattern, word in reversed(_FORMAT_WORDS):
        result = (
            pl.when(folded.str.contains(rf"\b(?:{pattern})s?\b"))
            .then(pl.lit(word))
            .otherwise(result)
        )
    return result


# --- output -----------------------------------------------------------------


@dataclass(frozen=True)
class Out:
    """One canonical column of an adapter's output: the header shown in the load report
    (the export's own column, so the user can find the cell) and its text."""

    label: Text
    expr: pl.Expr


def passthrough(grid: Grid, found: Located, *names: str) -> dict[str, Out]:
    """Columns taken as they are: field name = canonical name."""
    return {n: Out(grid.header[found[n]], cell(found[n])) for n in names if n in found}


def const(label: Msg, value: str) -> Out:
    """A value the format implies (platform, action) rather than a column holds."""
    return Out(label, pl.lit(value))


def project(
    grid: Grid, table: str, file: str, outputs: dict[str, Out], notes: Sequence[Problem] = ()
) -> Converted:
    """The canonical table from a grid: one text column per output, typed by `convert`."""
    frame = pl.concat(list(grid.chunks()))
    names = list(outputs)
    projected = frame.select(
        outputs[n].expr.cast(pl.String).alias(f"c{i}") for i, n in enumerate(names)
    )
    built = Grid(
        names,
        grid.first_row,
        lambda: iter([projected]),
        projected.head(PREVIEW_ROWS),
        sheet=grid.sheet,
        delimiter=grid.delimiter,
    )
    converted = convert(
        built,
        TABLES[table],
        file,
        mapping={n: i for i, n in enumerate(names)},
        semicolon_file=grid.delimiter == ";",
        labels=[outputs[n].label for n in names],
    )
    converted.problems[:0] = notes
    return converted


# --- platform keys and shared layouts -------------------------------------

LINKEDIN_POST = r"urn(?::|%3A)li(?::|%3A)|linkedin\.com/(?:feed|posts)/"


def post_urn(link: pl.Expr) -> pl.Expr:
    """`urn:li:activity:<id>` from a LinkedIn post link, a bare URN, or a /posts/…-activity-<id>- URL.

    The URN is the post's key: the same in every export, so overlapping exports dedupe on it.
    """
    decoded = link.str.replace_all("(?i)%3A", ":")
    urn = decoded.str.extract(r"(urn:li:(?:activity|share|ugcPost):\d+)")
    slug = decoded.str.extract(r"activity-(\d{15,})")
    return pl.coalesce(urn, pl.lit("urn:li:activity:") + slug)


X_STATUS = r"https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/\w+/status(?:es)?/\d+"


def status_id(link: pl.Expr, id_cell: pl.Expr) -> pl.Expr:
    """An X post's id: the digits of its /status/ link, else the id column (minus a float's '.0').

    The link is preferred because a file re-saved in Excel turns the 19-digit id
    column into '2.09625E+18', while the link keeps every digit.
    """
    from_link = link.str.extract(r"/status(?:es)?/(\d+)")
    return pl.coalesce(from_link, id_cell.str.strip_chars().str.replace(r"^(\d+)\.0$", "${1}"))


def x_posts(
    grid: Grid,
    found: Located,
    file: str,
    clean: Callable[[pl.Expr], pl.Expr] = lambda e: e,
    date_formats: Sequence[str] = (),
) -> Converted:
    """company_posts from either X export, once its columns are located.

    Both carry the same facts under different names: id and link, date, text,
    impressions, likes (reactions), replies (comments), reposts/retweets (shares) and
    URL clicks (clicks: the closest to other platforms' link clicks).
    """
    link = clean(cell(found["link"])) if "link" in found else pl.lit(None, pl.String)
    date = clean(cell(found["published_at"]))
    if date_formats:
        date = iso_dates(date, date_formats)
    names = ("text", "impressions", "reactions", "comments", "shares", "clicks")
    outputs = {
        "platform": const(msg("load.column.platform_x"), "x"),
        "post_id": Out(
            grid.header[found["post_id"]], status_id(link, clean(cell(found["post_id"])))
        ),
        "published_at": Out(grid.header[found["published_at"]], date),
        **{n: Out(grid.header[found[n]], clean(cell(found[n]))) for n in names if n in found},
    }
    return project(grid, "company_posts", file, outputs)
