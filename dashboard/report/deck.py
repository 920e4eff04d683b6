"""The slides of a meeting, in order: what presentation mode shows of a saved audit.

Pure: a scorecard in, a list of slides out. The criteria come one per slide in the order
of their gaps' priority (the criterion with the most urgent gap first, as the gap list
ranks them), then the criteria with no gap in the framework's order, so a meeting
spends its time where the audit says it matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dashboard.gaps import gap_list
from dashboard.scoring import Scorecard

SlideKind = Literal["title", "overall", "criteria", "criterion", "actions"]


@dataclass(frozen=True)
class Slide:
    kind: SlideKind
    criterion: str | None = None  # the criterion of a "criterion" slide


def criteria_in_gap_order(card: Scorecard) -> list[str]:
    """Criterion ids: by their most urgent gap first, then those without a gap."""
    ordered: list[str] = []
    for gap in gap_list(card):
        if gap.criterion.id not in ordered:
            ordered.append(gap.criterion.id)
    return ordered + [c.id for c in card.criteria if c.id not in ordered]


def deck(card: Scorecard, *, actions: bool) -> list[Slide]:
    """Title, overall index, the twelve criteria, one slide per criterion, and the action
    plan when the workspace has actions."""
    slides = [Slide("title"), Slide("overall"), Slide("criteria")]
    slides += [Slide("criterion", cid) for cid in criteria_in_gap_order(card)]
    if actions:
        slides.append(Slide("actions"))
    return slides


def slide_number(requested: object, count: int) -> int:
    """The slide a URL asks for (1-based), within the deck; anything unreadable is slide 1."""
    try:
        number = int(str(requested))
    except ValueError:
        return 1
    return min(max(number, 1), count)
