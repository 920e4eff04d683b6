"""Small companies drawn by hypothesis, written as the CSV files a user would upload.

A `Company` holds its rows as dicts; `files()` writes them with Python's csv module and
`dataset()` loads them through the real loader, so every generated case travels the whole
path (reader, parser, dataset, prepare, criteria). The draws aim at the edges the
definitions speak of: hires and leavers inside the period, `is_manager` absent (titles
decide, Italian and English, feminine and plural), ids given as e-mails or names,
company_related true/false/empty, shares with, without and with unknown commentary,
departments where nobody is active, managers with no reports, posts by unknown authors
and by the agency, reach missing (impressions used).
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from dashboard.ingest import Dataset, load_file
from dashboard.schema import COMPANY_POSTS, EMPLOYEE_ACTIVITY, ROSTER

# The default suite is deterministic (the same examples every run, CI included) and
# modest; PRESENZA_SLOW=1 draws ten times as many fresh ones.
SLOW = bool(os.environ.get("PRESENZA_SLOW"))


def examples(n: int) -> settings:
    """Hypothesis settings for a property over generated companies: n examples by default."""
    return settings(
        max_examples=n * 10 if SLOW else n,
        derandomize=not SLOW,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


AGENCY = "Agenzia Vinum"
DEPARTMENTS = (
    "Vendite",
    "Customer care",
    "Risorse umane",
    "IT",
    "Amministrazione",
    "Qualità",
    "Sales & Marketing",
)
FIRST = ("Anna", "Niccolò", "Lucia", "Bruno", "Chiara", "José", "Dario", "Elena", "Fabio", "Zoë")
LAST = ("Rossi", "Bianchi", "De Santis", "Galli", "Conti", "Sanna", "Ferrà", "Neri", "Villa")
MANAGER_TITLES = (
    "Direttore commerciale",
    "Direttrice commerciale",
    "Direttori di stabilimento",
    "Direttrici di filiale",
    "Responsabile vendite",
    "Responsabili acquisti",
    "Dirigente",
    "Dirigenti amministrativi",
    "Capo reparto",
    "Capi turno",
    "Caporeparto",
    "Amministratore delegato",
    "Amministratrice delegata",
    "Presidente",
    "Head of Sales",
    "Heads of People",
    "Sales Manager",
    "Area managers",
    "Director, Customer Care",
    "Chief Marketing Officer",
    "CEO",
    "CFO",
    "Vice President Sales",
)
STAFF_TITLES = (
    "Agente di vendita",
    "Operatrice customer care",
    "Sviluppatore",
    "Analista",
    "Amministratore di sistema",
    "Magazziniera",
    "Headhunter",
    "Commerciale",
    "Capitano di ventura",
    None,
)
PLATFORMS = ("linkedin", "facebook", "instagram", "x", "youtube")
LABELS = ("event", "evento", "partner", "partners", "care", "sales", "hr", "product", "fiera")
TEXTS = (
    "Vi aspettiamo alla fiera di Verona",
    "Un nuovo prodotto in collaborazione con Caseificio Valle Verde",
    "Insieme a @CantinaAurora per il territorio",
    "Workshop per i clienti il 5 maggio",
    "Buone feste da tutti noi",
    "Our team at the conference in Milan",
    "Webinar: come leggere l'etichetta",
    "Grazie ai nostri partner",
    "Con @ValleVerde nasce Terra Nostra",
    "Eventi di primavera in cantina",
)


@dataclass(frozen=True)
class Company:
    """One generated company: its rows per file, the questionnaire, and the audit period."""

    start: date
    end: date
    roster: list[dict[str, Any]]
    activity: list[dict[str, Any]]
    posts: list[dict[str, Any]]
    questionnaire: str
    columns: dict[str, list[str]] = field(default_factory=dict)

    def csv(self, table: str, rows: list[dict[str, Any]] | None = None) -> str:
        rows = getattr(self, table) if rows is None else rows
        out = io.StringIO()
        writer = csv.DictWriter(
            out, self.columns[table], extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        return out.getvalue()

    def files(self) -> list[tuple[str, str]]:
        """(file name, text) for every file a user would upload, in upload order."""
        names = {"roster": "roster.csv", "posts": "posts.csv", "activity": "activity.csv"}
        files = [(names[t], self.csv(t)) for t in names if getattr(self, t)]
        if self.questionnaire:
            files.append(("questionnaire.toml", self.questionnaire))
        return files

    def with_rows(self, table: str, rows: list[dict[str, Any]]) -> Company:
        return replace(self, **{table: rows})


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def load(files: list[tuple[str, str]]) -> Dataset:
    """The dataset the files make, each loaded exactly as an upload (each must load)."""
    dataset = Dataset()
    for name, text in files:
        loaded = load_file(name, text.encode("utf-8"))
        assert loaded.ok, [p.line() for p in loaded.problems]
        dataset = dataset.add(loaded)
    return dataset


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _email(name: str) -> str:
    return _plain(name).lower().replace(" ", ".") + "@acme.it"


def _moment(draw: st.DrawFn, start: date, end: date) -> datetime:
    """A moment near the period: often on its first or last second, sometimes outside it."""
    edge = draw(st.sampled_from(["start", "end", "before", "after", "inside", "inside"]))
    if edge == "start":
        return datetime.combine(start, time(0, 0, 0))
    if edge == "end":
        return datetime.combine(end, time(23, 59, 59))
    if edge == "before":
        return datetime.combine(start - timedelta(days=draw(st.integers(1, 40))), time(12))
    if edge == "after":
        return datetime.combine(end + timedelta(days=draw(st.integers(1, 40))), time(9))
    day = start + timedelta(days=draw(st.integers(0, (end - start).days)))
    return datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.integers(0, 59))))


def _day_near(draw: st.DrawFn, start: date, end: date) -> date | None:
    """A hire or leave date: empty, long ago, just outside, on the edges, or inside."""
    kind = draw(st.sampled_from(["none", "none", "edge", "inside", "outside"]))
    if kind == "none":
        return None
    if kind == "edge":
        return draw(st.sampled_from([start, end, start - timedelta(days=1), end + timedelta(1)]))
    if kind == "inside":
        return start + timedelta(days=draw(st.integers(0, (end - start).days)))
    return draw(st.sampled_from([start - timedelta(days=400), end + timedelta(days=60)]))


def _roster(draw: st.DrawFn, start: date, end: date) -> list[dict[str, Any]]:
    size = draw(st.integers(1, 12))
    departments = draw(st.lists(st.sampled_from(DEPARTMENTS), min_size=1, max_size=4, unique=True))
    names = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join),
            min_size=size,
            max_size=size,
            unique_by=lambda n: _plain(n).lower(),
        )
    )
    rows = []
    for i, name in enumerate(names):
        title = draw(st.sampled_from(MANAGER_TITLES + STAFF_TITLES))
        hired, left = _day_near(draw, start, end), _day_near(draw, start, end)
        if hired and left and left < hired:
            hired, left = left, hired
        rows.append(
            {
                "employee_id": f"E{i + 1:02d}",
                "department": draw(st.sampled_from(departments)),
                # HR systems often drop accents: the export's author may still carry them.
                "name": draw(st.sampled_from([name, _plain(name)])),
                "email": _email(name),
                "title": title,
                "is_manager": draw(st.sampled_from([None, None, True, False])),
                "manager_id": None,
                "followers": draw(st.one_of(st.none(), st.integers(0, 5000))),
                "trained": draw(st.sampled_from([None, True, False])),
                "opted_in": draw(st.sampled_from([None, True, False])),
                "hired_at": hired,
                "left_at": left,
            }
        )
    for row in rows:
        boss = draw(st.one_of(st.none(), st.sampled_from(rows)))
        if boss is not None and boss is not row:
            row["manager_id"] = boss["employee_id"]
    return rows


def _someone(draw: st.DrawFn, roster: list[dict[str, Any]]) -> str:
    """An actor as an export names them: id, e-mail (any case), full name, or a stranger."""
    person = draw(st.sampled_from(roster))
    how = draw(st.sampled_from(["id", "id", "id", "email", "EMAIL", "name", "idmail", "stranger"]))
    if how == "idmail":  # an address whose local part is the employee id
        return person["employee_id"].lower() + "@acme.it"
    if how == "email":
        return person["email"]
    if how == "EMAIL":
        return person["email"].upper()
    if how == "name":
        return person["name"]
    if how == "stranger":
        return draw(st.sampled_from(["X99", "ghost@acme.it", "x99@acme.it", "Mario Sconosciuto"]))
    return person["employee_id"]


def _activity(draw: st.DrawFn, roster, start: date, end: date) -> list[dict[str, Any]]:
    rows = []
    for _ in range(draw(st.integers(0, 30))):
        action = draw(st.sampled_from(["post", "share", "share", "comment", "reaction"]))
        targeted = action != "post" or draw(st.booleans())
        rows.append(
            {
                "employee_id": _someone(draw, roster),
                "occurred_at": _moment(draw, start, end),
                "action": action,
                "with_commentary": (
                    draw(st.sampled_from([True, False, None])) if action == "share" else None
                ),
                "company_related": draw(st.sampled_from([True, True, None, False])),
                "target_employee_id": (
                    _someone(draw, roster) if targeted and draw(st.booleans()) else None
                ),
                "reach": draw(st.one_of(st.none(), st.integers(0, 900))),
                "impressions": draw(st.one_of(st.none(), st.integers(0, 2000))),
            }
        )
    return rows


def _author(draw: st.DrawFn, roster) -> str | None:
    person = draw(st.sampled_from(roster))
    return draw(
        st.sampled_from(
            [
                person["name"],
                _plain(person["name"]).upper(),
                unicodedata.normalize("NFC", person["name"]).replace("o", "ò", 1),
                person["email"],
                person["employee_id"],
                AGENCY,
                AGENCY.upper(),
                "Studio Esterno",
                None,
            ]
        )
    )


def _posts(draw: st.DrawFn, roster, start: date, end: date) -> list[dict[str, Any]]:
    rows = []
    count = lambda: draw(st.one_of(st.none(), st.integers(0, 60)))  # noqa: E731
    for i in range(draw(st.integers(0, 15))):
        # The page cannot answer more comments than it received, nor staff write more of the
        # answers than there are (the loader does not check this; the definitions assume it).
        comments = count()
        replied = None if comments is None else draw(st.one_of(st.none(), st.integers(0, comments)))
        rows.append(
            {
                "platform": draw(st.sampled_from(PLATFORMS)),
                "post_id": f"P{i:03d}",
                "published_at": _moment(draw, start, end),
                "author": _author(draw, roster),
                "author_type": draw(st.sampled_from([None, None, None, "staff", "agency"])),
                "impressions": count(),
                "reach": count(),
                "reactions": count(),
                "comments": comments,
                "shares": count(),
                "comments_replied": replied,
                "replies_by_staff": None if replied is None else draw(st.integers(0, replied)),
                "first_response_minutes": draw(st.one_of(st.none(), st.integers(0, 3000))),
                "labels": draw(
                    st.one_of(
                        st.none(), st.lists(st.sampled_from(LABELS), max_size=3).map(";".join)
                    )
                )
                or None,
                "text": draw(st.one_of(st.none(), st.sampled_from(TEXTS))),
            }
        )
    return rows


def _questionnaire(draw: st.DrawFn, end: date) -> str:
    lines = [f'agencies = ["{AGENCY}"]', "", "[governance]"]
    for key in ("policy_exists", "legal_involved", "access_unblocked", "internal_tool"):
        answer = draw(st.sampled_from([None, True, False]))
        if answer is not None:
            lines.append(f"{key} = {'true' if answer else 'false'}")
    updated = draw(st.sampled_from([None, -400, -366, -365, -364, -10, 0, 30]))
    if updated is not None:
        lines.append(f"policy_updated = {end + timedelta(days=updated)}")
    if draw(st.booleans()):
        expected = draw(st.lists(st.sampled_from(PLATFORMS), min_size=1, max_size=4, unique=True))
        lines += ["", "[platforms]", f"expected = {expected!r}".replace("'", '"')]
    if draw(st.booleans()):
        lines += ["", "[followers]"]
        for platform in draw(st.lists(st.sampled_from(PLATFORMS), max_size=3, unique=True)):
            lines.append(f"{platform} = {draw(st.integers(0, 9000))}")
    return "\n".join(lines) + "\n"


def _columns(draw: st.DrawFn) -> dict[str, list[str]]:
    """Which columns the files carry: every required one, each optional one 4 times in 5
    (an absent column is how an input goes missing)."""
    tables = {"roster": ROSTER, "activity": EMPLOYEE_ACTIVITY, "posts": COMPANY_POSTS}
    key = {"posts": ["post_id"]}  # posts keep their id: it is how two uploads dedupe
    return {
        name: [
            c.name
            for c in table.columns
            if c.required or c.name in key.get(name, []) or draw(st.integers(0, 4))
        ]
        for name, table in tables.items()
    }


@st.composite
def companies(draw: st.DrawFn) -> Company:
    """A small company over a period of 1 to 120 days starting on any day of 2026."""
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
    end = start + timedelta(days=draw(st.sampled_from([0, 1, 6, 13, 30, 45, 89, 120])))
    roster = _roster(draw, start, end)
    return Company(
        start=start,
        end=end,
        roster=roster,
        activity=_activity(draw, roster, start, end),
        posts=_posts(draw, roster, start, end),
        questionnaire=_questionnaire(draw, end),
        columns=_columns(draw),
    )
