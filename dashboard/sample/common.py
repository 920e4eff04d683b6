"""The sample company's shared ground: its constants, the period it covers, and the numpy
helpers every table of it is drawn with."""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from datetime import date

import numpy as np
import polars as pl
import pyarrow as pa

DOMAIN = "gruppoaurora.it"
AGENCY = "Agenzia Vinum"
PAGE_PLATFORMS = ("linkedin", "facebook", "instagram", "x")
EXPECTED_PLATFORMS = (*PAGE_PLATFORMS, "youtube")  # youtube: a channel that never posts
SILENT_PLATFORM = "x"  # stops posting before the last 90 days of the period

# Activity rows per employee-month, constant across sizes: a few thousand rows for the
# 150-employee sample, ~10 million for 233,000 employees over 12 months.
ACTIONS_PER_EMPLOYEE_MONTH = 3.75
ACTIVE_SHARE = 0.13  # drawn as potentially active; ~10 % end up with company-related actions
MANAGER_SHARE = 0.11
HIRED_IN_PERIOD = 0.08
LEFT_IN_PERIOD = 0.04

DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S"
ACTIONS = ("post", "share", "comment", "reaction")
POST, SHARE, COMMENT, REACTION = range(4)
LINKEDIN, FACEBOOK, INSTAGRAM, X = range(4)


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
