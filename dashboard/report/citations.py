"""Real citations for the deliverables: the seed articles and the public reference figures.

The registry refers to seeds as "000 point 1" and to figures by id; a client cannot
look those up. `citations.toml` holds each one's title, author or publisher, year and
link (a figure's statement and a described source's title are in the catalogs, one per
language), and here they become the sentences a report prints and the pages show: the
article's title with its point in the reader's language, a figure with its source and
year — never a bare number or a file number.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from dashboard.i18n import Lang, t

_PART = re.compile(r"^\s*(?P<article>\d{3})(?P<where>.*)$")
# Where in an article the registry points: "point 1", "second comment", "guidelines".
_WHERE = re.compile(
    r"point (?P<point>\d+)|(?P<comment>first|second) comment|(?P<guidelines>guidelines)"
)


@dataclass(frozen=True)
class Source:
    """A seed article or the publication behind a reference figure."""

    id: str
    title: str  # the publication's own title ("" when `described`)
    author: str
    publisher: str
    year: str
    link: str
    described: bool = False  # no title of its own: `citation.title.<id>` describes it

    def text(self, lang: Lang) -> str:
        """«Title» — author, publisher, year (n.d. when the year is unknown); a descriptive
        title, not the publication's own, is written without quotes."""
        who = ", ".join(p for p in (self.author, self.publisher) if p)
        year = self.year or t("citation.no_date", lang)
        return f"{self.title_text(lang)} — {who + ', ' if who else ''}{year}"

    def title_text(self, lang: Lang) -> str:
        """The title in the language's quotes; a supplied description ([…]) as it is."""
        if self.described:
            return t(f"citation.title.{self.id}", lang)
        if self.title.startswith("["):
            return self.title
        return t("citation.quoted", lang, title=self.title)


@dataclass(frozen=True)
class Figure:
    """A public figure a metric's target can be set beside, with where it comes from."""

    id: str
    source: Source

    def statement(self, lang: Lang) -> str:
        return t(f"citation.figure.{self.id}.statement", lang)

    def text(self, lang: Lang) -> str:
        """The figure with its source and year, never the number alone."""
        return f"{self.statement(lang)} ({self.source.text(lang)})"


@cache
def _data() -> dict:
    return tomllib.loads(
        files("dashboard.report").joinpath("citations.toml").read_text(encoding="utf-8")
    )


def _source(key: str, entry: dict) -> Source:
    return Source(
        key,
        entry.get("title", ""),
        entry.get("author", ""),
        entry.get("publisher", ""),
        str(entry.get("year", "")),
        entry.get("link", ""),
        bool(entry.get("described")),
    )


@cache
def seeds() -> dict[str, Source]:
    """The five seed articles by their number ("000" … "004")."""
    return {key: _source(key, entry) for key, entry in _data()["seeds"].items()}


@cache
def figures() -> dict[str, Figure]:
    """Every reference figure by id."""
    return {key: Figure(key, _source(key, entry)) for key, entry in _data()["figures"].items()}


def seed_parts(seed: str) -> list[tuple[Source, str]]:
    """A registry seed reference split into (article, where in it): "000 point 1; 004" →
    [(article 000, "point 1"), (article 004, "")]."""
    parts = []
    for part in seed.split(";"):
        match = _PART.match(part)
        if match is None:
            raise ValueError(
                f"seed reference {part.strip()!r} does not start with an article number"
            )
        parts.append((seeds()[match["article"]], match["where"].strip(" ,")))
    return parts


def where_text(where: str, lang: Lang) -> str:
    """Where in an article, in the reader's language: "point 1" → "punto 1"."""
    match = _WHERE.fullmatch(where)
    if match is None:
        raise ValueError(f"seed reference place {where!r} is none the registry uses")
    if match["point"]:
        return t("seed.point", lang, point=match["point"])
    if match["comment"] == "first":
        return t("seed.first_comment", lang)
    if match["comment"] == "second":
        return t("seed.second_comment", lang)
    return t("seed.guidelines", lang)


def _by_article(seed: str, lang: Lang) -> list[tuple[Source, str]]:
    """Each article once, in the order cited, with the places it is cited at, worded."""
    grouped: dict[str, tuple[Source, list[str]]] = {}
    for source, where in seed_parts(seed):
        grouped.setdefault(source.id, (source, []))[1].append(where)
    return [
        (source, ", ".join(where_text(w, lang) for w in places if w))
        for source, places in grouped.values()
    ]


def seed_citations(seed: str, lang: Lang) -> list[str]:
    """Each article a criterion rests on, once, with the points it cites:
    «Social media strategy» — Gianluigi Cogo, Pionero, 2012: punto 1, punto 3."""
    return [
        source.text(lang) + (f": {places}" if places else "")
        for source, places in _by_article(seed, lang)
    ]


def seed_titles(seed: str, lang: Lang) -> str:
    """The articles by title only, for a table's cell or a line of text:
    «Social media strategy»: punto 1, punto 3; «Social media marketing: …»: punto 1."""
    return t("seed.separator", lang).join(
        source.title_text(lang) + (f": {places}" if places else "")
        for source, places in _by_article(seed, lang)
    )


def figure_citations(ids: tuple[str, ...], lang: Lang) -> list[str]:
    """A metric's reference figures, each with its source and year."""
    return [figures()[i].text(lang) for i in ids]


def bibliography(lang: Lang) -> list[tuple[str, str]]:
    """Every source a report may cite, as (text, link) pairs: the seeds, then the figures."""
    entries = [(s.text(lang), s.link) for s in seeds().values()]
    seen = set()
    for figure in figures().values():
        text = figure.source.text(lang)
        if text not in seen:
            seen.add(text)
            entries.append((text, figure.source.link))
    return entries
