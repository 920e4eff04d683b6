"""Real citations for the deliverables: the seed articles and the public reference figures.

The registry refers to seeds as "000 point 1" and to figures by id; a client cannot
look those up. `citations.toml` holds each one's title, author or publisher, year and
link, and here they become the sentences a report prints: the article's title with its
point, a figure with its source and year — never a bare number or a file number.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from dashboard.i18n import Lang
from dashboard.report.tables import seed_text

_PART = re.compile(r"^\s*(?P<article>\d{3})(?P<where>.*)$")


@dataclass(frozen=True)
class Source:
    """A seed article or the publication behind a reference figure."""

    id: str
    title: str
    author: str
    publisher: str
    year: str
    link: str
    title_it: str = ""  # a descriptive title (not the publication's own) in Italian

    def text(self, lang: Lang) -> str:
        """«Title» — author, publisher, year (n.d. when the year is unknown); a descriptive
        title, not the publication's own, is written without quotes."""
        who = ", ".join(p for p in (self.author, self.publisher) if p)
        year = self.year or ("s.d." if lang == "it" else "n.d.")
        if self.title_it:
            title = self.title_it if lang == "it" else self.title
        else:
            title = self.title if self.title.startswith("[") else f"«{self.title}»"
        return f"{title} — {who + ', ' if who else ''}{year}"


@dataclass(frozen=True)
class Figure:
    """A public figure a metric's target can be set beside, with where it comes from."""

    id: str
    statement: dict[str, str]
    source: Source

    def text(self, lang: Lang) -> str:
        """The figure with its source and year, never the number alone."""
        return f"{self.statement[lang]} ({self.source.text(lang)})"


@cache
def _data() -> dict:
    return tomllib.loads(
        files("dashboard.report").joinpath("citations.toml").read_text(encoding="utf-8")
    )


def _source(key: str, entry: dict) -> Source:
    return Source(
        key,
        entry["title"],
        entry.get("author", ""),
        entry.get("publisher", ""),
        str(entry.get("year", "")),
        entry.get("link", ""),
        entry.get("title_it", ""),
    )


@cache
def seeds() -> dict[str, Source]:
    """The five seed articles by their number ("000" … "004")."""
    return {key: _source(key, entry) for key, entry in _data()["seeds"].items()}


@cache
def figures() -> dict[str, Figure]:
    """Every reference figure by id."""
    return {
        key: Figure(
            key, {"it": entry["statement_it"], "en": entry["statement_en"]}, _source(key, entry)
        )
        for key, entry in _data()["figures"].items()
    }


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


def seed_citations(seed: str, lang: Lang) -> list[str]:
    """Each article a criterion rests on, once, with the points it cites:
    «Social media strategy» — Gianluigi Cogo, Pionero, 2012: punto 1, punto 3."""
    grouped: dict[str, tuple[Source, list[str]]] = {}
    for source, where in seed_parts(seed):
        grouped.setdefault(source.id, (source, []))[1].append(where)
    lines = []
    for source, places in grouped.values():
        named = [seed_text(w, lang) for w in places if w]
        lines.append(source.text(lang) + (f": {', '.join(named)}" if named else ""))
    return lines


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
