"""The action plan's rules: an action's statuses, and whether its metric moved.

An action is made from a gap and names the metric it should move. Between the audit
it was made from and a later one, the metric *moved* when it improved, in the metric's
own direction, by at least one point of its 0–100 ramp; an action marked done whose
metric did not move (or was not measured again) is flagged for the next meeting.
"""

from __future__ import annotations

from datetime import date, timedelta

from dashboard.criteria import registry

STATUSES = ("planned", "in_progress", "done", "dropped")
OPEN = ("planned", "in_progress")
MIN_MOVE = 0.01  # of the ramp from floor to target: one point of the metric's score
DUE_SOON = timedelta(days=31)  # "due" in a monthly digest: by the next one


def moved(metric: str, before: float | None, after: float | None) -> bool | None:
    """Whether the metric improved from `before` to `after`; None when either is unknown."""
    if before is None or after is None:
        return None
    spec = registry.metrics()[metric]
    step = MIN_MOVE * abs(spec.target - spec.floor)
    gain = before - after if spec.lower_is_better else after - before
    return gain >= step


def is_late(status: str, due: date | None, today: date) -> bool:
    """Still open after its due date."""
    return status in OPEN and due is not None and due < today


def is_due(status: str, due: date | None, today: date) -> bool:
    """Open and due before the next monthly digest (late ones included)."""
    return status in OPEN and due is not None and due <= today + DUE_SOON
