"""The sample company's employees at work on social media: who acts, how often, on whose
posts, month by month."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from dashboard.sample.common import (
    ACTIONS,
    ACTIONS_PER_EMPLOYEE_MONTH,
    ACTIVE_SHARE,
    COMMENT,
    LINKEDIN,
    PAGE_PLATFORMS,
    POST,
    REACTION,
    SHARE,
    X,
    _masked,
    _Period,
)
from dashboard.sample.posts import (
    _ACTION_MIX,
    _ACTIVITY_PLATFORM_P,
    _RESHARE_PLATFORM_P,
    _STAFF_HOURS,
    _Posts,
)
from dashboard.sample.roster import _Roster
from dashboard.schema import EMPLOYEE_ACTIVITY


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
    log-normal (σ 1.3), so the top tenth of employees make nearly all the actions.
    """
    n = len(roster.dept)
    factor = np.array([d.activity for d in roster.departments])[roster.dept]
    factor *= np.where(roster.is_manager, 1.2, 1.0) * np.where(roster.opted_in, 1.8, 1.0)
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
