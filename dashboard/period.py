"""The audit period: `[start, end]`, both days included, and the calendar units inside it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def start_dt(self) -> datetime:
        return datetime.combine(self.start, datetime.min.time())

    @property
    def end_exclusive(self) -> datetime:
        """Midnight after the last day: timestamps are in the period when < this."""
        return datetime.combine(self.end + timedelta(days=1), datetime.min.time())

    def iso_weeks(self) -> list[date]:
        """Mondays of the ISO weeks with at least one day in the period."""
        monday = self.start - timedelta(days=self.start.weekday())
        weeks = []
        while monday <= self.end:
            weeks.append(monday)
            monday += timedelta(days=7)
        return weeks

    def months(self) -> list[date]:
        """First days of the calendar months that overlap the period."""
        month = self.start.replace(day=1)
        months = []
        while month <= self.end:
            months.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        return months

    def label(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    def last_days(self, n: int) -> Period:
        """The last n days of the period (or the whole period when shorter)."""
        return Period(max(self.start, self.end - timedelta(days=n - 1)), self.end)
