"""A fictional Italian food and wine company, Gruppo Aurora, in the canonical tables.

The same generator writes the bundled sample (150 employees) and the load test of the
seed's enterprise (233,000 employees, ~10 million activity rows), so everything is built
column-wise with numpy from one seeded generator: the same seed gives the same bytes.
The data is shaped to exercise every criterion of AUDIT_FRAMEWORK.md, gaps included:
uneven participation, near-silent departments, an agency beside the staff, unanswered
comments, silent weeks, a platform that went quiet and one that was never used.
"""

from __future__ import annotations

import argparse
import itertools
import time
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import IO

import numpy as np
import polars as pl
import pyarrow as pa

from dashboard.schema import COMPANY_POSTS, EMPLOYEE_ACTIVITY, EMPLOYEE_SUMMARY, ROSTER

DOMAIN = "gruppoaurora.it"
AGENCY = "Agenzia Vinum"
PAGE_PLATFORMS = ("linkedin", "facebook", "instagram", "x")
EXPECTED_PLATFORMS = (*PAGE_PLATFORMS, "youtube")  # youtube: a channel that never posts
SILENT_PLATFORM = "x"  # stops posting before the last 90 days of the period

# Activity rows per employee-month, constant across sizes: a few thousand rows for the
# 150-employee sample, ~10 million for 233,000 employees over 12 months.
ACTIONS_PER_EMPLOYEE_MONTH = 3.75
ACTIVE_SHARE = 0.46  # drawn as potentially active; ~37 % end up with company-related actions
MANAGER_SHARE = 0.11
HIRED_IN_PERIOD = 0.08
LEFT_IN_PERIOD = 0.04

DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S"
ACTIONS = ("post", "share", "comment", "reaction")
POST, SHARE, COMMENT, REACTION = range(4)
LINKEDIN, FACEBOOK, INSTAGRAM, X = range(4)


def _g(male: str, female: str | None = None) -> tuple[str, str]:
    """A job title in its male and female form (the same when Italian has one form)."""
    return male, female or male


@dataclass(frozen=True)
class _Department:
    name: str
    weight: float  # share of headcount
    activity: float  # relative propensity to be active on social media
    head: tuple[str, str]
    managers: tuple[tuple[str, str], ...]
    staff: tuple[tuple[str, str], ...]


# Manager titles carry the words the loader infers is_manager from (Responsabile,
# Direttore, Head, Manager, CEO); staff titles never do.
# fmt: off
_SALES_STAFF = (
    _g("Commerciale"), _g("Key account"), _g("Agente di vendita"),
    _g("Addetto back office commerciale", "Addetta back office commerciale"),
)
_BASE_DEPARTMENTS = (
    _Department("Vendite", 0.20, 1.3, _g("Direttore commerciale", "Direttrice commerciale"),
                (_g("Responsabile vendite"), _g("Area manager")), _SALES_STAFF),
    _Department("Customer care", 0.15, 0.9, _g("Responsabile customer care"),
                (_g("Customer care manager"),),
                (_g("Operatore customer care", "Operatrice customer care"),
                 _g("Specialista assistenza clienti"))),
    _Department("Operations", 0.16, 0.45, _g("Direttore operations", "Direttrice operations"),
                (_g("Responsabile di stabilimento"), _g("Responsabile logistica")),
                (_g("Tecnico di produzione", "Tecnica di produzione"),
                 _g("Magazziniere", "Magazziniera"), _g("Pianificatore", "Pianificatrice"))),
    _Department("IT", 0.09, 0.8, _g("Head of IT"),
                (_g("IT manager"), _g("Responsabile infrastrutture")),
                (_g("Sviluppatore software", "Sviluppatrice software"), _g("Sistemista"),
                 _g("Data analyst"), _g("Tecnico help desk", "Tecnica help desk"))),
    _Department("Ricerca e sviluppo", 0.08, 0.7, _g("Head of R&D"),
                (_g("Responsabile laboratorio"),),
                (_g("Ricercatore", "Ricercatrice"), _g("Enologo", "Enologa"),
                 _g("Tecnologo alimentare", "Tecnologa alimentare"))),
    _Department("Amministrazione e finanza", 0.07, 0.3,
                _g("Direttore amministrativo e finanziario",
                   "Direttrice amministrativa e finanziaria"),
                (_g("Responsabile contabilità"), _g("Responsabile controllo di gestione")),
                (_g("Contabile"), _g("Controller"), _g("Addetto tesoreria", "Addetta tesoreria"))),
    _Department("Marketing", 0.06, 2.4, _g("Head of Marketing"),
                (_g("Responsabile comunicazione"), _g("Brand manager")),
                (_g("Social media specialist"), _g("Content creator"), _g("Graphic designer"),
                 _g("Specialista marketing digitale"))),
    _Department("Risorse umane", 0.05, 1.6,
                _g("Direttore risorse umane", "Direttrice risorse umane"),
                (_g("Responsabile selezione"), _g("HR manager")),
                (_g("HR business partner"), _g("Specialista selezione"),
                 _g("Addetto paghe", "Addetta paghe"), _g("Formatore", "Formatrice"))),
    _Department("Acquisti", 0.045, 0.4, _g("Responsabile acquisti"), (_g("Purchasing manager"),),
                (_g("Buyer"), _g("Addetto acquisti", "Addetta acquisti"))),
    _Department("Legale", 0.025, 0.15, _g("Responsabile affari legali"), (_g("Legal manager"),),
                (_g("Avvocato", "Avvocata"), _g("Paralegal"), _g("Compliance specialist"))),
)


def _sales_unit(region: str, weight: float) -> _Department:
    return _Department(f"Vendite {region}", weight, 1.1, _g(f"Responsabile vendite {region}"),
                       (_g("Area manager"),), _SALES_STAFF)


# Added in this order as the company grows, up to 20 departments.
_EXTRA_DEPARTMENTS = (
    _sales_unit("Nord-Ovest", 0.06), _sales_unit("Nord-Est", 0.05),
    _sales_unit("Centro", 0.05), _sales_unit("Sud e Isole", 0.04),
    _Department("Logistica", 0.08, 0.35, _g("Direttore logistica", "Direttrice logistica"),
                (_g("Responsabile magazzino"),),
                (_g("Magazziniere", "Magazziniera"), _g("Autista"),
                 _g("Addetto spedizioni", "Addetta spedizioni"))),
    _Department("Qualità", 0.03, 0.5, _g("Responsabile qualità"), (_g("Quality manager"),),
                (_g("Tecnico qualità", "Tecnica qualità"), _g("Auditor"))),
    _Department("Produzione", 0.25, 0.2,
                _g("Direttore di produzione", "Direttrice di produzione"),
                (_g("Responsabile di linea"), _g("Responsabile di turno")),
                (_g("Operaio", "Operaia"), _g("Cantiniere", "Cantiniera"),
                 _g("Conduttore di linea", "Conduttrice di linea"),
                 _g("Manutentore", "Manutentrice"))),
    _Department("Comunicazione", 0.015, 2.0, _g("Head of Communication"),
                (_g("Responsabile ufficio stampa"),),
                (_g("Addetto stampa", "Addetta stampa"), _g("Copywriter"))),
    _Department("Sostenibilità", 0.01, 1.4, _g("Responsabile sostenibilità"),
                (_g("Sustainability manager"),), (_g("Analista ESG"), _g("Specialista ambiente"))),
    _Department("Servizi generali", 0.03, 0.25, _g("Responsabile servizi generali"),
                (_g("Facility manager"),),
                (_g("Addetto reception", "Addetta reception"), _g("Manutentore", "Manutentrice"))),
)

_MALE_NAMES = (
    "Marco", "Luca", "Andrea", "Giuseppe", "Francesco", "Alessandro", "Matteo", "Lorenzo",
    "Davide", "Simone", "Federico", "Riccardo", "Stefano", "Paolo", "Roberto", "Giovanni",
    "Antonio", "Fabio", "Massimo", "Daniele", "Nicolò", "Tommaso", "Gabriele", "Filippo",
    "Emanuele", "Pietro", "Michele", "Alberto", "Enrico", "Claudio", "Giorgio", "Vincenzo",
    "Salvatore", "Mattia", "Edoardo", "Leonardo", "Cristian", "Diego", "Jacopo", "Raffaele"
)
_FEMALE_NAMES = (
    "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Alessia", "Federica",
    "Elena", "Silvia", "Laura", "Anna", "Paola", "Elisa", "Roberta", "Giorgia", "Ilaria",
    "Claudia", "Beatrice", "Alice", "Marta", "Camilla", "Serena", "Veronica", "Michela",
    "Sofia", "Aurora", "Noemi", "Lucia", "Cristina", "Daniela", "Monica", "Barbara", "Simona",
    "Eleonora", "Arianna", "Caterina", "Greta", "Irene", "Ludovica"
)
_SURNAMES = (
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
    "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso",
    "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale",
    "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa",
    "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini", "Messina",
    "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti",
    "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Dell'Acqua", "Pellegrino",
    "Carbone", "Giuliani", "Benedetti", "Barone", "Rossetti", "Caputo", "Montanari", "Guerra",
    "Palmieri", "Bernardi", "Martino", "Fiore", "Cantù", "Sartori", "Negri", "Orlando",
    "Cirillo", "Ruggiero", "Piras", "Lucchetti"
)

_LABELS = ("event", "partner", "hr", "care", "sales", "product", "csr")
_LABEL_P = (0.14, 0.10, 0.10, 0.08, 0.12, 0.35, 0.06)
HR, CARE, SALES = (_LABELS.index(label) for label in ("hr", "care", "sales"))
# Post texts by topic: one group per label (a post's topic is its first label), then a
# group for unlabelled posts. Placeholders come from _FILL. Commas, quotes, line breaks
# and an emoji on purpose, to exercise the CSV reader.
_TEMPLATES = (
    ("Vi aspettiamo a {evento}, {citta}!\nPadiglione 7, stand B12: degustazioni, incontri "
     "e tante novità.",
     "Che giornata a {evento}! Grazie a chi è passato a trovarci a {citta}, ci vediamo alla "
     "prossima edizione.",
     "Domani apriamo le porte della cantina di {citta}: visite guidate alle 10, alle 15 e "
     "alle 17.\nPrenotazione consigliata."),
    ('Insieme a {partner} lanciamo "{progetto}": filiera corta, materie prime locali e un '
     "impegno concreto per il territorio.",
     "Felici di annunciare la collaborazione con {partner}.\nDue aziende, una passione: la "
     "qualità fatta bene."),
    ("Cerchiamo nuovi colleghi per il team {reparto} a {citta}.\nCandidature aperte fino a "
     "fine mese: trovate tutto sul nostro sito.",
     "Buon primo giorno ai {n} nuovi colleghi che entrano oggi in Gruppo Aurora! #lavoraconnoi"),
    ("Domande su un ordine o una consegna? Il servizio clienti risponde anche qui, dal lunedì "
     "al sabato, 8-20.",
     "Abbiamo aggiornato le FAQ sulle spedizioni: tempi, costi e resi, tutto in una pagina."),
    ('Solo fino a domenica: -20% sulla linea "{prodotto}", nei negozi e online.',
     'I regali aziendali di quest\'anno? Le selezioni "{prodotto}", personalizzabili con il '
     "vostro logo."),
    ('Nuova annata, stessa passione: ecco "{prodotto}".\nProfumi di frutta rossa, spezie '
     "dolci e un finale lungo.",
     "Dietro ogni bottiglia di {prodotto} c'è il lavoro di chi la cura ogni giorno, in vigna "
     "e in cantina.",
     "{prodotto}, abbinamento del mese: risotto ai funghi, formaggi stagionati e una serata "
     "tra amici."),
    ("Abbiamo piantato {n} alberi a {citta} con le scuole del territorio. Piccoli gesti, "
     "radici profonde.",),
    ("Buongiorno da {citta}! ☀️ Oggi si vendemmia.",
     "Sessant'anni di storia e una famiglia di persone: grazie a tutti voi, dentro e fuori "
     "l'azienda."),
)
_FILL = {
    "evento": ("Vinitaly", "Cibus", "TuttoFood", "Salone del Gusto", "Merano WineFestival"),
    "citta": ("Verona", "Parma", "Milano", "Torino", "Merano", "Bologna", "Firenze", "Napoli"),
    "partner": ("Cooperativa Colli Euganei", "Slow Food Veneto", "Università di Padova",
                "Pastificio Fratelli Ricci", "Caseificio Valle Verde"),
    "progetto": ("Filiera Aperta", "Vigne Future", "Terra Nostra"),
    "prodotto": ("Rosso dei Colli", "Bianco Aurora", "Riserva 1962", "Prosecco Brut Aurora",
                 "Olio Colle Alto"),
    "reparto": ("vendite", "customer care", "IT", "marketing", "logistica", "produzione"),
}

_FORMATS = ("image", "video", "text", "link", "document", "carousel", "reel", "event")
_FORMAT_BOOST = np.array([1.0, 1.6, 0.7, 0.8, 1.3, 1.3, 1.7, 0.9])  # impressions
_PLATFORM_FORMATS = (  # probabilities over _FORMATS, per page platform
    (0.40, 0.12, 0.15, 0.13, 0.10, 0.05, 0.00, 0.05),
    (0.45, 0.15, 0.05, 0.20, 0.00, 0.05, 0.05, 0.05),
    (0.35, 0.05, 0.00, 0.00, 0.00, 0.25, 0.35, 0.00),
    (0.30, 0.10, 0.45, 0.15, 0.00, 0.00, 0.00, 0.00),
)
# Page followers at 150 employees, youtube included; they grow as headcount ** 0.7.
_PAGE_FOLLOWERS = {"linkedin": 4200, "facebook": 9800, "instagram": 6100, "x": 2300,
                   "youtube": 850}
_PAGE_WEEKLY_POSTS = np.array([3.0, 3.5, 2.5, 4.0])  # per page platform, at 150 employees
_AGENCY_P = np.array([0.15, 0.30, 0.45, 0.20])  # page posts the agency writes
_REACTION_RATE = np.array([0.025, 0.02, 0.04, 0.01])  # reactions per impression
_REPLY_RATE = np.array([0.6, 0.8, 0.7, 0.4])  # comments answered when the page answers
_PAGE_HOURS = np.array([0, 0, 0, 0, 0, 0, 0.1, 0.5, 2, 3, 3, 2.5, 2, 1.5, 2, 2.2, 2, 1.8,
                        1.5, 1, 0.6, 0.3, 0.1, 0])
_STAFF_HOURS = np.array([0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.4, 1.2, 2.5, 3, 2.6, 2.2, 2.4,
                         2.2, 1.8, 1.7, 1.7, 1.9, 2.3, 2.2, 1.8, 1.3, 0.8, 0.4])
_ACTION_MIX = np.array([0.12, 0.28, 0.20, 0.40])  # post, share, comment, reaction
_ACTIVITY_PLATFORM_P = (0.80, 0.07, 0.04, 0.09)
_RESHARE_PLATFORM_P = (0.82, 0.10, 0.0, 0.08)  # Instagram has no reshare of page posts
# fmt: on


@dataclass(frozen=True)
class _Period:
    """The audit period [start, end]: `months` calendar months, the last one ending on `end`."""

    start: date
    end: date
    months: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def epoch(self) -> int:
        """Unix seconds at the start of the first day."""
        return int(np.datetime64(self.start, "s").astype(np.int64))

    def dates(self) -> np.ndarray:
        return np.datetime64(self.start, "D") + np.arange(self.days)

    def month_bounds(self) -> list[tuple[int, int]]:
        """[first, last] day offsets of each calendar month of the period."""
        month = self.dates().astype("datetime64[M]")
        edges = np.flatnonzero(np.r_[True, month[1:] != month[:-1], True])
        return [(int(a), int(b) - 1) for a, b in itertools.pairwise(edges)]


def _period(end: date, months: int) -> _Period:
    first = end.year * 12 + end.month - 1 - (months - 1)
    return _Period(date(first // 12, first % 12 + 1, 1), end, months)


@dataclass(frozen=True)
class _Roster:
    """The roster as arrays indexed by employee, for the posts and the activity."""

    table: pl.DataFrame
    departments: tuple[_Department, ...]
    dept: np.ndarray
    dept_sizes: np.ndarray
    is_manager: np.ndarray
    manager: np.ndarray  # index of the line manager, -1 for the CEO
    followers: np.ndarray
    trained: np.ndarray
    opted_in: np.ndarray
    hired_day: np.ndarray  # day offset from the period start, negative before it
    left_day: np.ndarray  # day offset of the last day employed; `days` if still employed

    @property
    def ids(self) -> pl.Series:
        return self.table["employee_id"]

    def in_departments(self, *names: str) -> np.ndarray:
        return np.isin(self.dept, [i for i, d in enumerate(self.departments) if d.name in names])


def _masked(values: np.ndarray, valid: np.ndarray) -> pl.Series:
    """A column with blanks where the value is unknown: blank means unknown, never 0."""
    return pl.Series(pa.array(values, mask=~valid))


def _fold(text: str) -> str:
    """ASCII lower case for e-mail addresses: 'Nicolò' → 'nicolo', "D'Angelo" → 'dangelo'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_text.lower() if ch.isalnum())


def _sizes(weights: np.ndarray, total: int) -> np.ndarray:
    """Split headcount by weight (largest remainder), at least one person per department."""
    quota = weights / weights.sum() * (total - len(weights))
    sizes = np.floor(quota).astype(np.int64) + 1
    sizes[np.argsort(quota - np.floor(quota), kind="stable")[::-1][: total - sizes.sum()]] += 1
    return sizes


def _build_roster(rng: np.random.Generator, employees: int, period: _Period) -> _Roster:
    """Departments of very different sizes, ~11 % managers in a CEO-rooted hierarchy.

    In each department a head reports to the CEO, a few senior managers report to the
    head, the other managers to a senior, and everybody else to one of those managers.
    """
    extra = 0 if employees < 400 else 4 if employees < 2000 else 7 if employees < 20_000 else 10
    departments = _BASE_DEPARTMENTS + _EXTRA_DEPARTMENTS[:extra]
    sizes = _sizes(np.array([d.weight for d in departments]), employees)
    dept = rng.permutation(np.repeat(np.arange(len(departments)), sizes))
    female = rng.random(employees) < 0.5

    titles: list[tuple[str, str]] = [_g("CEO")]  # each employee gets an index into it
    title = np.zeros(employees, dtype=np.int64)
    is_manager = np.zeros(employees, dtype=bool)
    manager = np.full(employees, -1, dtype=np.int64)
    heads = np.zeros(len(departments), dtype=np.int64)
    admin = [d.name for d in departments].index("Amministrazione e finanza")
    ceo = -1
    members_of = np.split(np.argsort(dept, kind="stable"), np.cumsum(sizes)[:-1])
    for d, (spec, members) in enumerate(zip(departments, members_of, strict=True)):
        members = rng.permutation(members)
        k = max(1, int(len(members) * MANAGER_SHARE + 0.5))
        if d == admin:  # the CEO sits in administration, beside its head
            k = min(max(k, 2), len(members))
            ceo = members[k - 1]
        is_manager[members[:k]] = True
        mgrs = members[: k - 1] if d == admin and k > 1 else members[:k]
        heads[d], sub, staff = mgrs[0], mgrs[1:], members[k:]
        seniors = sub[: max(1, int(np.sqrt(len(sub))))]
        manager[seniors] = heads[d]
        manager[sub[len(seniors) :]] = rng.choice(seniors, len(sub) - len(seniors))
        manager[staff] = rng.choice(sub if len(sub) else mgrs, len(staff))
        title[heads[d]] = len(titles)
        title[sub] = len(titles) + 1 + rng.integers(0, len(spec.managers), len(sub))
        title[staff] = (
            len(titles) + 1 + len(spec.managers) + rng.integers(0, len(spec.staff), len(staff))
        )
        titles.extend((spec.head, *spec.managers, *spec.staff))
    manager[heads] = ceo
    manager[ceo] = -1
    title[ceo] = 0

    first = rng.integers(0, len(_MALE_NAMES), employees) + female * len(_MALE_NAMES)
    last = rng.integers(0, len(_SURNAMES), employees)
    first_names = pl.Series([*_MALE_NAMES, *_FEMALE_NAMES])
    folded = pl.Series([_fold(n) for n in first_names]).gather(first) + "."
    folded += pl.Series([_fold(n) for n in _SURNAMES]).gather(last)

    # Personal networks: most 100-800, managers larger, 2 % with thousands.
    followers = rng.lognormal(np.log(330), 0.75, employees) * np.where(is_manager, 1.6, 1.0)
    followers *= np.where(rng.random(employees) < 0.02, rng.uniform(5, 30, employees), 1.0)
    followers = np.maximum(followers, 20).astype(np.int64)
    social = np.isin(
        dept,
        [i for i, d in enumerate(departments) if d.name in ("Marketing", "Risorse umane")],
    )
    trained = rng.random(employees) < np.where(social, 0.7, 0.25) + 0.2 * is_manager
    opted_in = rng.random(employees) < 0.1 + 0.45 * trained

    # Tenure: most hired years ago, some during the period, a few left during it.
    days = period.days
    hired_day = -np.clip(rng.exponential(6 * 365, employees), 30, 35 * 365).astype(np.int64)
    new = ~is_manager & (rng.random(employees) < HIRED_IN_PERIOD)
    hired_day[new] = rng.integers(0, days, new.sum())
    leaver = ~is_manager & ~new & (rng.random(employees) < LEFT_IN_PERIOD)
    left_day = np.full(employees, days, dtype=np.int64)
    left_day[leaver] = rng.integers(0, days, leaver.sum())

    width = max(5, len(str(employees)))
    ids = "E" + pl.Series(np.arange(1, employees + 1)).cast(pl.String).str.zfill(width)
    start = np.datetime64(period.start, "D")
    duplicate = pl.int_range(pl.len()).over("_mail")
    table = (
        pl.DataFrame(
            {
                "employee_id": ids,
                "department": pl.Series([d.name for d in departments]).gather(dept),
                "name": first_names.gather(first) + " " + pl.Series(_SURNAMES).gather(last),
                "_mail": folded,
                "title": pl.Series([t[0] for t in titles] + [t[1] for t in titles]).gather(
                    title + female * len(titles)
                ),
                "is_manager": is_manager,
                "manager_id": ids.gather(_masked(manager, manager >= 0)),
                "followers": followers,
                "trained": trained,
                "opted_in": opted_in,
                "hired_at": start + hired_day,
                "left_at": _masked(start + np.minimum(left_day, days - 1), leaver),
            }
        )
        .with_columns(
            email=pl.col("_mail")
            + pl.when(duplicate > 0).then((duplicate + 1).cast(pl.String)).otherwise(pl.lit(""))
            + f"@{DOMAIN}"
        )
        .select(ROSTER.names)
    )
    return _Roster(
        table=table,
        departments=departments,
        dept=dept,
        dept_sizes=sizes,
        is_manager=is_manager,
        manager=manager,
        followers=followers,
        trained=trained,
        opted_in=opted_in,
        hired_day=hired_day,
        left_day=left_day,
    )


def _month_day(dates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Month (1-12) and day of the month of datetime64[D] values."""
    month_start = dates.astype("datetime64[M]")
    day = (dates - month_start.astype("datetime64[D]")).astype(np.int64) + 1
    return month_start.astype(np.int64) % 12 + 1, day


def _weekdays(period: _Period) -> tuple[np.ndarray, np.ndarray]:
    """Weekday (Monday 0) of each day of the period, and the Monday of its ISO week."""
    weekday = (np.arange(period.days) + period.start.weekday()) % 7
    return weekday, period.dates() - weekday


def _page_day_weights(rng: np.random.Generator, period: _Period) -> np.ndarray:
    """How likely the page posts on each day.

    The ISO weeks starting in the first half of August and two random full weeks get
    no post at all, so the consistency criterion has silent stretches to find.
    """
    weekday, monday = _weekdays(period)
    month, day = _month_day(period.dates())
    monday_month, monday_day = _month_day(monday)
    weights = np.array([1, 1, 1, 1, 1, 0.35, 0.2])[weekday]
    weights[(monday_month == 8) & (monday_day <= 17)] = 0.0
    weights[((month == 12) & (day >= 24)) | ((month == 1) & (day <= 6))] *= 0.3
    week = (np.arange(period.days) + period.start.weekday()) // 7
    full = np.flatnonzero(np.bincount(week) == 7)
    candidates = full[weights[np.isin(week, full)].reshape(-1, 7).sum(axis=1) > 0]
    weights[np.isin(week, rng.choice(candidates, min(2, len(candidates)), replace=False))] = 0.0
    return weights


def _activity_day_weights(period: _Period) -> np.ndarray:
    """How active employees are on each day: weekends and August quieter, Ferragosto off."""
    weekday, monday = _weekdays(period)
    month, day = _month_day(period.dates())
    weights = np.array([1, 1, 1, 1, 1, 0.45, 0.35])[weekday]
    weights[month == 8] *= 0.35
    weights[np.isin(monday, monday[(month == 8) & (day == 15)])] = 0.0
    weights[((month == 12) & (day >= 24)) | ((month == 1) & (day == 1))] *= 0.3
    return weights


def _post_ids(rng: np.random.Generator, platform: int, ts: np.ndarray) -> pl.Series:
    """Ids shaped like each platform's: 19-digit time-based ids on LinkedIn and X (which
    overflow a float), `page_post` on Facebook, 17 digits on Instagram; all unique."""
    n = len(ts)
    ms = ts * 1000 + rng.integers(0, 1000, n)
    if platform in (LINKEDIN, X):
        epoch = 0 if platform == LINKEDIN else 1_288_834_974_657  # X's snowflake epoch
        ids = ((ms - epoch) << 22) | (rng.integers(0, 1024, n) << 12) | (np.arange(n) & 0xFFF)
        return pl.Series(ids).cast(pl.String)
    serial = np.cumsum(rng.integers(1_000_000, 90_000_000, n, dtype=np.int64))
    if platform == FACEBOOK:
        return "104857362915448_" + pl.Series(1_220_000_000_000_000 + serial).cast(pl.String)
    return pl.Series(17_900_000_000_000_000 + serial).cast(pl.String)


def _follower_scale(employees: int) -> float:
    """Page audiences grow slower than headcount, so employees matter more in big firms."""
    return float((employees / 150) ** 0.7)


@dataclass(frozen=True)
class _Posts:
    table: pl.DataFrame
    ts: np.ndarray  # unix seconds, sorted
    platform: np.ndarray


def _company_posts(rng: np.random.Generator, roster: _Roster, period: _Period) -> _Posts:
    """The page on four platforms, written by staff (mostly marketing), the agency or nobody
    recorded; x stops before the last 90 days; a quarter of posts get no answers."""
    employees = len(roster.dept)
    weights = _page_day_weights(rng, period)
    week_weight = 5.55  # an ordinary week's day weights: five weekdays and a weekend
    per_day = _PAGE_WEEKLY_POSTS * max(0.6, 1 + 0.5 * np.log10(employees / 150)) / week_weight
    silent_from = max(period.days - 90 - int(rng.integers(15, 60)), period.days // 4)
    parts = []
    for p, name in enumerate(PAGE_PLATFORMS):
        w = weights.copy()
        if name == SILENT_PLATFORM:
            w[silent_from:] = 0.0
        day = np.repeat(np.arange(period.days), rng.poisson(per_day[p] * w))
        hour = rng.choice(24, len(day), p=_PAGE_HOURS / _PAGE_HOURS.sum())
        ts = np.sort(period.epoch + day * 86400 + hour * 3600 + rng.integers(0, 3600, len(day)))
        parts.append((ts, np.full(len(ts), p), _post_ids(rng, p, ts)))
    order = np.argsort(np.concatenate([t for t, _, _ in parts]), kind="stable")
    ts = np.concatenate([t for t, _, _ in parts])[order]
    platform = np.concatenate([p for _, p, _ in parts])[order]
    post_id = pl.concat([i for _, _, i in parts]).gather(order)
    n = len(ts)

    fmt = np.zeros(n, dtype=np.int64)
    for p, probs in enumerate(_PLATFORM_FORMATS):
        fmt[platform == p] = rng.choice(len(_FORMATS), (platform == p).sum(), p=probs)
    flags = rng.random((n, len(_LABELS))) < np.array(_LABEL_P)
    topic = np.where(flags.any(axis=1), flags.argmax(axis=1), len(_LABELS))

    r = rng.random(n)
    agency = r < _AGENCY_P[platform]
    unknown = ~agency & (r < _AGENCY_P[platform] + 0.07)
    steady = (roster.hired_day < 0) & (roster.left_day >= period.days)

    def writers(department: str, count: int) -> np.ndarray:
        found = np.flatnonzero(steady & roster.in_departments(department))[:count]
        return found if len(found) else np.flatnonzero(steady)[:1]

    u = rng.random(n)
    author = rng.choice(writers("Marketing", 3), n)
    for label, department, share in (
        (HR, "Risorse umane", 0.6),
        (CARE, "Customer care", 0.7),
        (SALES, "Vendite", 0.4),
    ):
        chosen = flags[:, label] & (u < share)
        author = np.where(chosen, rng.choice(writers(department, 1), n), author)
    author_name = roster.table["name"].gather(author).to_numpy().astype(object)
    author_name[agency] = AGENCY

    followers = np.array([_PAGE_FOLLOWERS[p] for p in PAGE_PLATFORMS]) * _follower_scale(employees)
    impressions = rng.poisson(
        followers[platform] * rng.lognormal(np.log(0.09), 0.6, n) * _FORMAT_BOOST[fmt]
    )
    reach = (impressions * rng.uniform(0.55, 0.85, n)).astype(np.int64)
    reach_known = (platform != X) & ~((platform == FACEBOOK) & (rng.random(n) < 0.05))
    reactions = rng.poisson(impressions * _REACTION_RATE[platform])
    comments = rng.poisson(reactions * np.where(flags[:, CARE], 0.3, 0.1) + 0.2)
    answered = rng.random(n) >= 0.25
    replied = rng.binomial(comments, _REPLY_RATE[platform] * answered)
    by_staff = rng.binomial(replied, np.where(agency, 0.3, np.where(unknown, 0.6, 0.95)))
    weekend = (ts // 86400 + 3) % 7 >= 5  # 1970-01-01 was a Thursday
    minutes = rng.lognormal(np.log(150), 1.1, n) * np.where(agency, 1.5, 1.0)
    minutes *= np.where(weekend, 2.0, 1.0)

    counts = np.array([len(group) for group in _TEMPLATES])
    template = np.cumsum(counts)[topic] - counts[topic]
    template += (rng.random(n) * counts[topic]).astype(np.int64)
    text = pl.Series([t for group in _TEMPLATES for t in group]).gather(template)
    for key, values in (*_FILL.items(), ("n", tuple(str(i) for i in range(5, 120)))):
        fill = pl.Series(values).gather(rng.integers(0, len(values), n))
        text = pl.select(text.str.replace_all(f"{{{key}}}", fill, literal=True)).to_series()
    text = pl.select(
        pl.when(pl.lit(pl.Series(agency)))
        .then(text + "\n\n#GruppoAurora #MadeInItaly")
        .otherwise(text)
    ).to_series()
    joined = pl.concat_str(
        [pl.when(pl.col(label)).then(pl.lit(label)) for label in _LABELS],
        separator=";",
        ignore_nulls=True,
    )
    labels = pl.DataFrame(flags, schema=list(_LABELS)).select(pl.when(joined != "").then(joined))

    table = pl.DataFrame(
        {
            "platform": pl.Series(PAGE_PLATFORMS).gather(platform),
            "post_id": post_id,
            "published_at": pl.from_epoch(pl.Series(ts), time_unit="s"),
            "author": _masked(author_name.astype(str), ~unknown),
            "author_type": pl.Series([None] * n, dtype=pl.String),  # derived by the app
            "format": pl.Series(_FORMATS).gather(fmt),
            "impressions": impressions,
            "reach": _masked(reach, reach_known),
            "reactions": reactions,
            "comments": comments,
            "shares": rng.poisson(reactions * 0.06),
            "clicks": _masked(rng.poisson(impressions * 0.01), platform != INSTAGRAM),
            "comments_replied": replied,
            "replies_by_staff": by_staff,
            "first_response_minutes": _masked(minutes.astype(np.int64) + 1, replied > 0),
            "labels": labels.to_series(),
            "text": text,
        }
    ).select(COMPANY_POSTS.names)
    return _Posts(table, ts, platform)


@dataclass(frozen=True)
class _Propensity:
    """Who acts how much, drawn once for the period."""

    monthly: np.ndarray  # expected actions in an ordinary month when active that month
    on_prob: np.ndarray  # chance of being active in a given month
    action_cum: np.ndarray  # (n, 3) cumulative probabilities of post, share, comment
    commentary: np.ndarray  # chance that a share adds the employee's own words


def _propensity(rng: np.random.Generator, roster: _Roster) -> _Propensity:
    """Uneven participation: most never act, a few champions do most of the work.

    Being active depends on the department (legal and administration almost silent,
    marketing and HR keen), on being a manager, trained or opted in; how much is
    log-normal (σ 1.3), so the top tenth of employees make ~80 % of the actions.
    """
    n = len(roster.dept)
    factor = np.array([d.activity for d in roster.departments])[roster.dept]
    factor *= np.where(roster.is_manager, 1.5, 1.0) * np.where(roster.opted_in, 1.8, 1.0)
    factor *= np.where(roster.trained, 1.2, 1.0)
    active = rng.random(n) < np.clip(ACTIVE_SHARE * factor / factor.mean(), 0, 0.95)
    active[np.argmax(factor)] = True
    monthly = np.minimum(rng.lognormal(0.0, 1.3, n), 40.0)
    monthly *= np.where(roster.is_manager, 1.3, 1.0) * np.where(roster.opted_in, 1.4, 1.0)
    monthly[~active] = 0.0
    regular = rng.random(n) < 0.7
    on_prob = np.where(regular, rng.beta(4, 1.5, n), rng.beta(1, 4, n))
    monthly *= ACTIONS_PER_EMPLOYEE_MONTH * n / (monthly * on_prob).sum()
    alpha = np.tile(_ACTION_MIX * 6, (n, 1))
    alpha[roster.is_manager, POST] *= 2.2  # managers write more of their own
    mix = rng.gamma(alpha)
    cum = np.cumsum(mix / mix.sum(axis=1, keepdims=True), axis=1)[:, :3]
    return _Propensity(monthly, on_prob, cum.astype(np.float32), rng.beta(2, 3, n))


class _Targets:
    """Picks the colleague an action is aimed at: a manager's own team, one's manager,
    teammates, the department, or anyone.

    Within each group, people who post more attract more interactions, so active
    colleagues answer each other and reciprocity emerges without being forced.
    """

    def __init__(self, roster: _Roster, propensity: _Propensity) -> None:
        self.roster = roster
        n = len(roster.dept)
        attraction = 0.05 + propensity.monthly * propensity.action_cum[:, POST]
        self.everyone = (np.r_[0.0, np.cumsum(attraction)], np.arange(n))
        order = np.argsort(roster.dept, kind="stable")
        self.by_dept = (np.r_[0.0, np.cumsum(attraction[order])], order)
        self.dept_start = np.cumsum(roster.dept_sizes) - roster.dept_sizes
        reports = np.flatnonzero(roster.manager >= 0)
        order = reports[np.argsort(roster.manager[reports], kind="stable")]
        self.by_team = (np.r_[0.0, np.cumsum(attraction[order])], order)
        self.team_size = np.bincount(roster.manager[reports], minlength=n)
        self.team_start = np.cumsum(self.team_size) - self.team_size
        heads = np.flatnonzero(roster.is_manager & (roster.manager >= 0))
        self.fallback = np.where(roster.manager >= 0, roster.manager, heads[0])

    @staticmethod
    def _weighted(
        group: tuple[np.ndarray, np.ndarray], start: np.ndarray, size: np.ndarray, u: np.ndarray
    ) -> np.ndarray:
        """One member of each segment [start, start + size) of a group, by attraction."""
        cum, order = group
        lo, hi = cum[start], cum[start + size]
        position = np.searchsorted(cum, lo + u * (hi - lo), side="right") - 1
        return order[np.clip(position, 0, len(order) - 1)]

    def pick(self, rng: np.random.Generator, actor: np.ndarray, day: np.ndarray) -> np.ndarray:
        roster, n = self.roster, len(actor)
        boss = roster.manager[actor]
        has_boss = boss >= 0
        own_team = np.where(self.team_size[actor] > 0, 0.3, 0.0)
        to_boss = own_team + np.where(has_boss, 0.12, 0.0)
        to_peer = to_boss + np.where(has_boss, 0.3, 0.0)
        to_dept = to_peer + 0.2
        mode, u = rng.random(n), rng.random(n)
        boss = np.maximum(boss, 0)
        d = roster.dept[actor]
        everyone = len(roster.dept)
        anyone = self._weighted(self.everyone, np.zeros(n, np.int64), np.full(n, everyone), u)
        target = np.select(
            [mode < own_team, mode < to_boss, mode < to_peer, mode < to_dept],
            [
                self._weighted(self.by_team, self.team_start[actor], self.team_size[actor], u),
                boss,
                self._weighted(self.by_team, self.team_start[boss], self.team_size[boss], u),
                self._weighted(self.by_dept, self.dept_start[d], roster.dept_sizes[d], u),
            ],
            anyone,
        )
        absent = (
            (target == actor) | (roster.hired_day[target] > day) | (roster.left_day[target] < day)
        )
        return np.where(absent, self.fallback[actor], target)


def _activity_month(
    rng: np.random.Generator,
    roster: _Roster,
    propensity: _Propensity,
    targets: _Targets,
    posts: _Posts,
    day_cum: np.ndarray,
    month: tuple[int, int],
    period: _Period,
) -> tuple[pl.DataFrame, np.ndarray]:
    """One calendar month of employee actions, sorted by time, and per-employee totals
    (posts, shares, shares with commentary, comments, reactions, clicks)."""
    n = len(roster.dept)
    # Days each employee could act this month, weighted by the activity calendar.
    lo = np.maximum(month[0], roster.hired_day)
    hi = np.minimum(month[1], roster.left_day)
    mass = np.where(hi >= lo, day_cum[np.maximum(hi, lo) + 1] - day_cum[lo], 0.0)
    on = rng.random(n) < propensity.on_prob
    counts = rng.poisson(propensity.monthly * on * mass * period.months / day_cum[-1])
    actor = np.repeat(np.arange(n), counts)
    rows = len(actor)
    a, b = day_cum[lo[actor]], day_cum[hi[actor] + 1]
    day = np.searchsorted(day_cum, a + rng.random(rows) * (b - a), side="right") - 1
    hour = rng.choice(24, rows, p=_STAFF_HOURS / _STAFF_HOURS.sum())
    ts = period.epoch + day * 86400 + hour * 3600 + rng.integers(0, 3600, rows)
    order = np.argsort(ts, kind="stable")
    actor, day, ts = actor[order], day[order], ts[order]

    u = rng.random(rows).astype(np.float32)
    cum = propensity.action_cum
    action = (u > cum[actor, 0]).astype(np.int64) + (u > cum[actor, 1]) + (u > cum[actor, 2])
    share = action == SHARE
    content = (action == POST) | share
    commentary = share & (rng.random(rows) < propensity.commentary[actor])

    # What an action is aimed at: a page post (reshares), a colleague, or neither.
    kind = rng.random(rows)
    reshare = share & (kind < 0.72)
    colleague = np.where(
        share, (kind >= 0.72) & (kind < 0.9), kind < np.where(action == POST, 0.08, 0.55)
    )
    platform = np.where(
        reshare,
        rng.choice(4, rows, p=_RESHARE_PLATFORM_P),
        rng.choice(4, rows, p=_ACTIVITY_PLATFORM_P),
    )
    source = np.full(rows, -1, dtype=np.int64)
    for p in range(len(PAGE_PLATFORMS)):
        page = np.flatnonzero(posts.platform == p)
        mine = np.flatnonzero(reshare & (platform == p))
        if len(page) == 0:
            continue
        latest = np.searchsorted(posts.ts[page], ts[mine], side="right") - 1
        recent = np.clip(latest - rng.geometric(0.4, len(mine)) + 1, 0, len(page) - 1)
        source[mine] = np.where(latest >= 0, page[recent], -1)
    reshare &= source >= 0
    target = np.full(rows, -1, dtype=np.int64)
    wanted = np.flatnonzero(colleague)
    target[wanted] = targets.pick(rng, actor[wanted], day[wanted])
    related = reshare | (
        rng.random(rows)
        < np.where(colleague, 0.88, np.where(action == POST, 0.6, np.where(share, 0.35, 0.55)))
    )

    # Reach of employees' own posts and shares; LinkedIn gives reach, X only impressions.
    impressions = rng.poisson(
        roster.followers[actor]
        * rng.lognormal(np.log(0.25), 0.8, rows)
        * np.where(share, np.where(commentary, 1.0, 0.5), 1.3)
    )
    reactions = rng.poisson(impressions * 0.025)
    clicks = rng.poisson(impressions * 0.01)
    analytics = content & ((platform == LINKEDIN) | (platform == X))
    frame = pl.DataFrame(
        {
            "employee_id": roster.ids.gather(actor),
            "occurred_at": pl.from_epoch(pl.Series(ts), time_unit="s"),
            "action": pl.Series(ACTIONS).gather(action),
            "platform": pl.Series(PAGE_PLATFORMS).gather(platform),
            "with_commentary": _masked(commentary, share),
            "company_related": related,
            "target_employee_id": roster.ids.gather(_masked(target, target >= 0)),
            "source_post_id": posts.table["post_id"].gather(_masked(source, source >= 0)),
            "impressions": _masked(impressions, analytics),
            "reach": _masked(
                (impressions * rng.uniform(0.55, 0.8, rows)).astype(np.int64),
                content & (platform == LINKEDIN),
            ),
            "reactions": _masked(reactions, content),
            "comments": _masked(rng.poisson(reactions * 0.15), content),
            "shares": _masked(rng.poisson(reactions * 0.05), content),
            "clicks": _masked(clicks, analytics),
        }
    ).select(EMPLOYEE_ACTIVITY.names)
    by_action = np.bincount(actor * 4 + action, minlength=n * 4).reshape(n, 4)
    totals = np.column_stack(
        [
            by_action[:, POST],
            by_action[:, SHARE],
            np.bincount(actor[commentary], minlength=n),
            by_action[:, COMMENT],
            by_action[:, REACTION],
            np.bincount(actor[analytics], weights=clicks[analytics], minlength=n).astype(np.int64),
        ]
    )
    return frame, totals


def _questionnaire(rng: np.random.Generator, period: _Period, employees: int) -> str:
    """The governance answers in the DATA_CONTRACT form: a policy, maybe stale, and a
    mix of yes and no; YouTube is expected but the channel never posts."""
    answers = rng.permutation([True, True, True, False, False])
    keys = (
        "legal_involved",
        "access_unblocked",
        "training_programme",
        "internal_tool",
        "marketing_coordinates",
    )
    updated = period.end - timedelta(days=int(rng.integers(200, 800)))
    scale = _follower_scale(employees)
    lines = [
        f'agencies = ["{AGENCY}"]',
        "",
        "[governance]",
        "policy_exists = true",
        f"policy_updated = {updated.isoformat()}",
        *(f"{k} = {str(v).lower()}" for k, v in zip(keys, answers, strict=True)),
        "",
        "[platforms]",
        "expected = [" + ", ".join(f'"{p}"' for p in EXPECTED_PLATFORMS) + "]",
        "",
        "[followers]",
        *(f"{p} = {round(f * scale, -1):.0f}" for p, f in _PAGE_FOLLOWERS.items()),
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Written:
    name: str
    path: Path
    rows: int
    seconds: float


def _write_csv(frame: pl.DataFrame, target: Path | IO[bytes], header: bool = True) -> None:
    frame.write_csv(
        target, include_header=header, datetime_format=DATETIME_FORMAT, date_format="%Y-%m-%d"
    )


def _generate(
    out_dir: Path, employees: int, months: int, seed: int, end: date, summary: bool
) -> list[_Written]:
    if employees < 10 or months < 1:
        raise ValueError("the sample needs at least 10 employees and 1 month")
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    period = _period(end, months)
    written: list[_Written] = []

    def done(name: str, path: Path, rows: int, since: float) -> None:
        written.append(_Written(name, path, rows, time.perf_counter() - since))

    clock = time.perf_counter()
    roster = _build_roster(rng, employees, period)
    _write_csv(roster.table, out_dir / "roster.csv")
    done("roster", out_dir / "roster.csv", employees, clock)

    clock = time.perf_counter()
    posts = _company_posts(rng, roster, period)
    _write_csv(posts.table, out_dir / "company_posts.csv")
    done("company_posts", out_dir / "company_posts.csv", len(posts.table), clock)

    # Month by month, so memory stays flat at 10 million rows.
    clock = time.perf_counter()
    propensity = _propensity(rng, roster)
    targets = _Targets(roster, propensity)
    day_cum = np.r_[0.0, np.cumsum(_activity_day_weights(period))]
    totals = np.zeros((employees, 6), dtype=np.int64)
    rows = 0
    path = out_dir / "employee_activity.csv"
    with path.open("wb") as handle:
        for i, month in enumerate(period.month_bounds()):
            frame, month_totals = _activity_month(
                rng, roster, propensity, targets, posts, day_cum, month, period
            )
            _write_csv(frame, handle, header=i == 0)
            rows += len(frame)
            totals += month_totals
    done("employee_activity", path, rows, clock)

    clock = time.perf_counter()
    path = out_dir / "questionnaire.toml"
    path.write_text(_questionnaire(rng, period, employees), encoding="utf-8")
    done("questionnaire", path, 1, clock)

    if summary:
        clock = time.perf_counter()
        counts = ("posts", "shares", "shares_with_commentary", "comments", "reactions", "clicks")
        table = pl.DataFrame(
            {
                "employee_id": roster.ids,
                "period_start": pl.repeat(period.start, employees, eager=True),
                "period_end": pl.repeat(period.end, employees, eager=True),
                **{name: totals[:, i] for i, name in enumerate(counts)},
                "network_size": roster.followers,
            }
        ).select(EMPLOYEE_SUMMARY.names)
        path = out_dir / "employee_summary.csv"
        _write_csv(table, path)
        done("employee_summary", path, employees, clock)
    return written


def generate(
    out_dir: Path,
    employees: int = 150,
    months: int = 12,
    seed: int = 7,
    end: date = date(2026, 10, 31),
    summary: bool = False,
) -> dict[str, Path]:
    """Write the canonical tables of a fictional company into out_dir; return name → path.

    The period is the `months` calendar months ending on `end`. Same arguments, same bytes.
    """
    return {w.name: w.path for w in _generate(out_dir, employees, months, seed, end, summary)}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `python -m dashboard sample`."""
    parser.add_argument("--employees", type=int, default=150, help="headcount (default 150)")
    parser.add_argument("--months", type=int, default=12, help="months in the period (12)")
    parser.add_argument("--seed", type=int, default=7, help="same seed, same files (7)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    parser.add_argument(
        "--end",
        type=date.fromisoformat,
        default=date(2026, 10, 31),
        help="last day of the period, YYYY-MM-DD (2026-10-31)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="also write employee_summary.csv, per-employee totals like an advocacy tool's",
    )


def run(args: argparse.Namespace) -> int:
    """Generate from parsed options and say what was written, how big and how fast."""
    for w in _generate(args.out, args.employees, args.months, args.seed, args.end, args.summary):
        print(f"{w.path}  {w.rows:,} rows  {w.seconds:.1f} s")
    return 0
