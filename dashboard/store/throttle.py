"""Throttling passphrase guesses: an exponential wait, then a temporary lock, kept in the store.

Failures are counted per subject — a workspace name, a client address, the server's
own passphrase — whether or not the workspace exists, so the throttle answers the
same for a name that was never created. The counts live in the database every
instance shares, so a load balancer spreading the guesses over instances gains the
attacker nothing. Subjects are stored as SHA-256 keys: no address is written down.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dashboard.messages import msg
from dashboard.store.db import writer
from dashboard.store.errors import Throttled
from dashboard.store.models import SignInFailure, utcnow

Subject = tuple[str, str]  # (scope, value): ("workspace", "acme-spa"), ("client", "203.0.113.9")
KEEP = timedelta(days=1)  # rows older than this are deleted as new failures arrive


@dataclass(frozen=True)
class Rule:
    """How one scope slows guessing down.

    The first `free` failures in a row cost nothing (people mistype); each further one
    doubles the wait before the next try, up to `cap` seconds; at `lock_after` failures
    the subject is locked for `lock` seconds, after which its failures are forgotten.
    """

    free: int
    cap: int
    lock_after: int
    lock: int

    def wait(self, failures: int) -> int:
        """Seconds to wait after the last of `failures` failures in a row."""
        if failures >= self.lock_after:
            return self.lock
        if failures < self.free:
            return 0
        return min(1 << (failures - self.free), self.cap)  # 1, 2, 4… s


# A client gets 3 free tries, then waits 1, 2, 4… s, and is locked for 15 minutes at 10
# failures; a workspace name (guessed from many addresses) is locked at 20.
RULES: dict[str, Rule] = {
    "client": Rule(free=3, cap=60, lock_after=10, lock=15 * 60),
    "workspace": Rule(free=5, cap=60, lock_after=20, lock=15 * 60),
    "server": Rule(free=5, cap=60, lock_after=20, lock=15 * 60),
}


def subject_key(subject: Subject) -> str:
    scope, value = subject
    return hashlib.sha256(f"{scope}\0{value}".encode()).hexdigest()


def check(engine: Engine, subjects: list[Subject], now: datetime | None = None) -> None:
    """Raise `Throttled` (with the seconds to wait) when any subject must still wait."""
    now = now or utcnow()
    keys = {subject_key(s): s[0] for s in subjects}
    with Session(engine) as session:
        rows = session.scalars(select(SignInFailure).where(SignInFailure.key.in_(keys))).all()
    waits = [
        (row.last_failure_at + timedelta(seconds=RULES[row.scope].wait(row.failures)) - now)
        for row in rows
        if _live(row, now)
    ]
    seconds = max((w.total_seconds() for w in waits), default=0)
    if seconds > 0:
        retry = ceil(seconds)
        raise Throttled(msg("store.error.throttled", n=retry), retry_after=retry)


def record_failure(engine: Engine, subjects: list[Subject], now: datetime | None = None) -> int:
    """Count one more failure for every subject; the largest count in a row is returned.

    Two instances recording at once both count: the row is locked (PostgreSQL) or the
    database is (SQLite), and an insert that lost a race is retried as an update.
    """
    now = now or utcnow()
    for attempt in range(2):
        try:
            with Session(writer(engine)) as session, session.begin():
                counts = [_count_one(session, subject, now) for subject in subjects]
                session.execute(
                    delete(SignInFailure).where(SignInFailure.last_failure_at < now - KEEP)
                )
                return max(counts, default=0)
        except IntegrityError:
            if attempt:
                raise
    return 0  # pragma: no cover - the loop returns or raises


def clear(engine: Engine, subjects: list[Subject]) -> None:
    """Forget the failures of these subjects (after a correct passphrase)."""
    keys = [subject_key(s) for s in subjects]
    with Session(writer(engine)) as session, session.begin():
        session.execute(delete(SignInFailure).where(SignInFailure.key.in_(keys)))


def _live(row: SignInFailure, now: datetime) -> bool:
    """Whether a row's failures still count: forgotten once a lock's length has passed."""
    return now - row.last_failure_at < timedelta(seconds=RULES[row.scope].lock)


def _count_one(session: Session, subject: Subject, now: datetime) -> int:
    key = subject_key(subject)
    row = session.scalar(select(SignInFailure).where(SignInFailure.key == key).with_for_update())
    if row is None:
        session.add(SignInFailure(key=key, scope=subject[0], failures=1, last_failure_at=now))
        session.flush()
        return 1
    row.failures = row.failures + 1 if _live(row, now) else 1
    row.last_failure_at = now
    return row.failures
