"""The audit period: `[start, end]`, both days included, and the calendar units inside it.

Any period from one day up works, up to the last day a date can hold (9999-12-31):
nothing here steps past `end` to the next day, week or month, which would not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dashboard.i18n import MessageError
from dashboard.messages import msg

# The days an audit may cover: the same range as dates in the data (the loader leaves out
# anything outside it), so any period a user picks can be scored.
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


class PeriodError(MessageError, ValueError):
    """A period that ends before it starts."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(
                msg("period.error.order", start=self.start.isoformat(), end=self.end.isoformat())
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def start_dt(self) -> datetime:
        return datetime.combine(self.start, time.min)

    @property
    def end_dt(self) -> datetime:
        """The last moment of the last day: timestamps are in the period when ≤ this.

        Timestamps are kept to the microsecond, so this is exact; and unlike the next
        midnight it exists for a period ending on 9999-12-31.
        """
        return datetime.combine(self.end, time.max)

    def iso_weeks(self) -> list[date]:
        """Mondays of the ISO weeks with at least one day in the period."""
        first = self.start - timedelta(days=self.start.weekday())
        return [first + timedelta(weeks=i) for i in range((self.end - first).days // 7 + 1)]

    def months(self) -> list[date]:
        """First days of the calendar months that overlap the period."""
        first = self.start.year * 12 + self.start.month - 1
        last = self.end.year * 12 + self.end.month - 1
        return [date(m // 12, m % 12 + 1, 1) for m in range(first, last + 1)]

    def label(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    def covers(self, other: Period) -> bool:
        """Every day of `other` is in this period."""
        return self.start <= other.start and other.end <= self.end

    def last_days(self, n: int) -> Period:
        """The last n days of the period (or the whole period when shorter)."""
        back = min(n - 1, (self.end - self.start).days)
        return Period(self.end - timedelta(days=back), self.end)
