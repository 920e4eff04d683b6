"""A fictional Italian food and wine company, Gruppo Aurora, in the canonical tables.

The same generator writes the bundled sample (150 employees) and the load test of the
seed's enterprise (233,000 employees, ~10 million activity rows), so everything is built
column-wise with numpy from one seeded generator: the same seed gives the same bytes.
The data is shaped to exercise every criterion of AUDIT_FRAMEWORK.md, and to look like
the mid-maturity company a first audit usually finds (Strutturata, in the 50s): steady
on the page (consistent presence, conversation, events and partners, departments that
post), weak where the seed articles put the weight — an agency writes most page posts
and its replies, a tenth of the staff take part and a few champions do nearly all of
it, few managers lead, the policy is over a year old with little training, and a
platform went quiet while another was never used.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import IO

import numpy as np
import polars as pl

from dashboard.sample.activity import _activity_month, _propensity, _Targets
from dashboard.sample.common import (
    AGENCY,
    DATETIME_FORMAT,
    EXPECTED_PLATFORMS,
    _activity_day_weights,
    _Period,
    _period,
)
from dashboard.sample.posts import _PAGE_FOLLOWERS, _company_posts, _follower_scale
from dashboard.sample.roster import _build_roster
from dashboard.schema import EMPLOYEE_SUMMARY


def _questionnaire(rng: np.random.Generator, period: _Period, employees: int) -> str:
    """The governance answers in the DATA_CONTRACT form: a policy written over a year ago
    and mostly no; YouTube is expected but the channel never posts."""
    answers = rng.permutation([True, False, False, False, False])
    keys = (
        "legal_involved",
        "access_unblocked",
        "training_programme",
        "internal_tool",
        "marketing_coordinates",
    )
    updated = period.end - timedelta(days=int(rng.integers(420, 800)))  # stale
    scale = _follower_scale(employees)
    lines = [
        f'agencies = ["{AGENCY}"]',
        "",
        "[governance]",
        "policy_exists = true",
        f"policy_updated = {updated.isoformat()}",
        *(f"{k} = {str(v).lower()}" for k, v in zip(keys, answers, strict=True)),
        "",
        "[platforms]",
        "expected = [" + ", ".join(f'"{p}"' for p in EXPECTED_PLATFORMS) + "]",
        "",
        "[followers]",
        *(f"{p} = {round(f * scale, -1):.0f}" for p, f in _PAGE_FOLLOWERS.items()),
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _Written:
    name: str
    path: Path
    rows: int
    seconds: float


def _write_csv(frame: pl.DataFrame, target: Path | IO[bytes], header: bool = True) -> None:
    frame.write_csv(
        target, include_header=header, datetime_format=DATETIME_FORMAT, date_format="%Y-%m-%d"
    )


def _generate(
    out_dir: Path, employees: int, months: int, seed: int, end: date, summary: bool
) -> list[_Written]:
    if employees < 10 or months < 1:
        raise ValueError("the sample needs at least 10 employees and 1 month")
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    period = _period(end, months)
    written: list[_Written] = []

    def done(name: str, path: Path, rows: int, since: float) -> None:
        written.append(_Written(name, path, rows, time.perf_counter() - since))

    clock = time.perf_counter()
    roster = _build_roster(rng, employees, period)
    _write_csv(roster.table, out_dir / "roster.csv")
    done("roster", out_dir / "roster.csv", employees, clock)

    clock = time.perf_counter()
    posts = _company_posts(rng, roster, period)
    _write_csv(posts.table, out_dir / "company_posts.csv")
    done("company_posts", out_dir / "company_posts.csv", len(posts.table), clock)

    # Month by month, so memory stays flat at 10 million rows.
    clock = time.perf_counter()
    propensity = _propensity(rng, roster)
    targets = _Targets(roster, propensity)
    day_cum = np.r_[0.0, np.cumsum(_activity_day_weights(period))]
    totals = np.zeros((employees, 6), dtype=np.int64)
    rows = 0
    path = out_dir / "employee_activity.csv"
    with path.open("wb") as handle:
        for i, month in enumerate(period.month_bounds()):
            frame, month_totals = _activity_month(
                rng, roster, propensity, targets, posts, day_cum, month, period
            )
            _write_csv(frame, handle, header=i == 0)
            rows += len(frame)
            totals += month_totals
    done("employee_activity", path, rows, clock)

    clock = time.perf_counter()
    path = out_dir / "questionnaire.toml"
    path.write_text(_questionnaire(rng, period, employees), encoding="utf-8")
    done("questionnaire", path, 1, clock)

    if summary:
        clock = time.perf_counter()
        counts = ("posts", "shares", "shares_with_commentary", "comments", "reactions", "clicks")
        table = pl.DataFrame(
            {
                "employee_id": roster.ids,
                "period_start": pl.repeat(period.start, employees, eager=True),
                "period_end": pl.repeat(period.end, employees, eager=True),
                **{name: totals[:, i] for i, name in enumerate(counts)},
                "network_size": roster.followers,
            }
        ).select(EMPLOYEE_SUMMARY.names)
        path = out_dir / "employee_summary.csv"
        _write_csv(table, path)
        done("employee_summary", path, employees, clock)
    return written


def generate(
    out_dir: Path,
    employees: int = 150,
    months: int = 12,
    seed: int = 7,
    end: date = date(2026, 10, 31),
    summary: bool = False,
) -> dict[str, Path]:
    """Write the canonical tables of a fictional company into out_dir; return name → path.

    The period is the `months` calendar months ending on `end`. Same arguments, same bytes.
    """
    return {w.name: w.path for w in _generate(out_dir, employees, months, seed, end, summary)}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `python -m dashboard sample`."""
    parser.add_argument("--employees", type=int, default=150, help="headcount (default 150)")
    parser.add_argument("--months", type=int, default=12, help="months in the period (12)")
    parser.add_argument("--seed", type=int, default=7, help="same seed, same files (7)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    parser.add_argument(
        "--end",
        type=date.fromisoformat,
        default=date(2026, 10, 31),
        help="last day of the period, YYYY-MM-DD (2026-10-31)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="also write employee_summary.csv, per-employee totals like an advocacy tool's",
    )


def run(args: argparse.Namespace) -> int:
    """Generate from parsed options and say what was written, how big and how fast."""
    for w in _generate(args.out, args.employees, args.months, args.seed, args.end, args.summary):
        print(f"{w.path}  {w.rows:,} rows  {w.seconds:.1f} s")
    return 0
