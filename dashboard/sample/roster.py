"""The sample company's people: names, departments, managers, who was hired and who left."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from dashboard.sample.common import (
    DOMAIN,
    HIRED_IN_PERIOD,
    LEFT_IN_PERIOD,
    MANAGER_SHARE,
    _fold,
    _masked,
    _Period,
    _sizes,
)
from dashboard.schema import ROSTER


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
    trained = rng.random(employees) < np.where(social, 0.45, 0.08) + 0.15 * is_manager
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
