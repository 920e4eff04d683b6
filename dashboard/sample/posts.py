"""The sample company's pages: what they post, when, on which platform, who writes it, and
how the public and the page answer."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from dashboard.sample.common import (
    AGENCY,
    FACEBOOK,
    INSTAGRAM,
    LINKEDIN,
    PAGE_PLATFORMS,
    SILENT_PLATFORM,
    X,
    _masked,
    _page_day_weights,
    _Period,
)
from dashboard.sample.roster import _Roster
from dashboard.schema import COMPANY_POSTS

_LABELS = ("event", "partner", "hr", "care", "sales", "product", "csr")
_LABEL_P = (0.14, 0.10, 0.10, 0.08, 0.12, 0.35, 0.06)
HR, CARE, SALES = (_LABELS.index(label) for label in ("hr", "care", "sales"))
# Post texts by topic: one group per label (a post's topic is its first label), then a
# group for unlabelled posts. Placeholders come from _FILL. Commas, quotes, line breaks
# and an emoji on purpose, to exercise the CSV reader.
_TEMPLATES = (
    (
        "Vi aspettiamo a {evento}, {citta}!\nPadiglione 7, stand B12: degustazioni, incontri "
        "e tante novità.",
        "Che giornata a {evento}! Grazie a chi è passato a trovarci a {citta}, ci vediamo alla "
        "prossima edizione.",
        "Domani apriamo le porte della cantina di {citta}: visite guidate alle 10, alle 15 e "
        "alle 17.\nPrenotazione consigliata.",
    ),
    (
        'Insieme a {partner} lanciamo "{progetto}": filiera corta, materie prime locali e un '
        "impegno concreto per il territorio.",
        "Felici di annunciare la collaborazione con {partner}.\nDue aziende, una passione: la "
        "qualità fatta bene.",
    ),
    (
        "Cerchiamo nuovi colleghi per il team {reparto} a {citta}.\nCandidature aperte fino a "
        "fine mese: trovate tutto sul nostro sito.",
        "Buon primo giorno ai {n} nuovi colleghi che entrano oggi in Gruppo Aurora! #lavoraconnoi",
    ),
    (
        "Domande su un ordine o una consegna? Il servizio clienti risponde anche qui, dal lunedì "
        "al sabato, 8-20.",
        "Abbiamo aggiornato le FAQ sulle spedizioni: tempi, costi e resi, tutto in una pagina.",
    ),
    (
        'Solo fino a domenica: -20% sulla linea "{prodotto}", nei negozi e online.',
        'I regali aziendali di quest\'anno? Le selezioni "{prodotto}", personalizzabili con il '
        "vostro logo.",
    ),
    (
        'Nuova annata, stessa passione: ecco "{prodotto}".\nProfumi di frutta rossa, spezie '
        "dolci e un finale lungo.",
        "Dietro ogni bottiglia di {prodotto} c'è il lavoro di chi la cura ogni giorno, in vigna "
        "e in cantina.",
        "{prodotto}, abbinamento del mese: risotto ai funghi, formaggi stagionati e una serata "
        "tra amici.",
    ),
    (
        "Abbiamo piantato {n} alberi a {citta} con le scuole del territorio. Piccoli gesti, "
        "radici profonde.",
    ),
    (
        "Buongiorno da {citta}! ☀️ Oggi si vendemmia.",
        "Sessant'anni di storia e una famiglia di persone: grazie a tutti voi, dentro e fuori "
        "l'azienda.",
    ),
)
_FILL = {
    "evento": ("Vinitaly", "Cibus", "TuttoFood", "Salone del Gusto", "Merano WineFestival"),
    "citta": ("Verona", "Parma", "Milano", "Torino", "Merano", "Bologna", "Firenze", "Napoli"),
    "partner": (
        "Cooperativa Colli Euganei",
        "Slow Food Veneto",
        "Università di Padova",
        "Pastificio Fratelli Ricci",
        "Caseificio Valle Verde",
    ),
    "progetto": ("Filiera Aperta", "Vigne Future", "Terra Nostra"),
    "prodotto": (
        "Rosso dei Colli",
        "Bianco Aurora",
        "Riserva 1962",
        "Prosecco Brut Aurora",
        "Olio Colle Alto",
    ),
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
_PAGE_FOLLOWERS = {"linkedin": 4200, "facebook": 9800, "instagram": 6100, "x": 2300, "youtube": 850}
_PAGE_WEEKLY_POSTS = np.array([3.0, 3.5, 2.5, 4.0])  # per page platform, at 150 employees
_AGENCY_P = np.array([0.60, 0.70, 0.80, 0.65])  # page posts the agency writes
_REACTION_RATE = np.array([0.025, 0.02, 0.04, 0.01])  # reactions per impression
_REPLY_RATE = np.array([0.6, 0.8, 0.7, 0.4])  # comments answered when the page answers
_PAGE_HOURS = np.array(
    [0, 0, 0, 0, 0, 0, 0.1, 0.5, 2, 3, 3, 2.5, 2, 1.5, 2, 2.2, 2, 1.8, 1.5, 1, 0.6, 0.3, 0.1, 0]
)
_STAFF_HOURS = np.array(
    [
        0.2,
        0.1,
        0.05,
        0.05,
        0.05,
        0.1,
        0.4,
        1.2,
        2.5,
        3,
        2.6,
        2.2,
        2.4,
        2.2,
        1.8,
        1.7,
        1.7,
        1.9,
        2.3,
        2.2,
        1.8,
        1.3,
        0.8,
        0.4,
    ]
)

_ACTION_MIX = np.array([0.12, 0.28, 0.20, 0.40])  # post, share, comment, reaction
_ACTIVITY_PLATFORM_P = (0.80, 0.07, 0.04, 0.09)
_RESHARE_PLATFORM_P = (0.82, 0.10, 0.0, 0.08)  # Instagram has no reshare of page posts
# fmt: on


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
    by_staff = rng.binomial(replied, np.where(agency, 0.15, np.where(unknown, 0.6, 0.95)))
    weekend = (ts // 86400 + 3) % 7 >= 5  # 1970-01-01 was a Thursday
    minutes = rng.lognormal(np.log(150), 1.1, n) * np.where(agency, 1.5, 1.0)
    minutes *= np.where(weekend, 2.0, 1.0)

    counts = np.array([len(group) for group in _TEMPLATES])
    template = np.cumsum(counts)[topic] - counts[topic]
    template += (rng.random(n) * counts[topic]).astype(np.int64)
    text = pl.Series([t for group in _TEMPLATES for t in group]).gather(template)
    for key, values in (*_FILL.items(), ("n", tuple(str(i) for i in range(5, 120)))):
        fill = pl.Series(values).gather(rng.integers(0, len(values), n))
        filled = pl.lit(text).str.replace_all(f"{{{key}}}", pl.lit(fill), literal=True)
        text = pl.select(filled).to_series()
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
