"""Answering one governance question: what it costs to see the new score.

Before the questionnaire was kept out of the dataset, an answer given in the app made a
new `Dataset`, which the dashboard prepared again (roster, authors, ids matched) and
scored in full, every criterion. Now the answers are given to the scoring: the prepared
data stay, and only the criterion that reads the answer (governance) is measured again.
Both are timed here on the bundled sample and, when it was generated (`make bench`), on
the enterprise company; each the best of a few rounds.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from itertools import count
from pathlib import Path

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.ingest import Dataset
from dashboard.settings import Settings

ROUNDS = 5


def best(step: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(name: str, dataset: Dataset, rounds: int = ROUNDS) -> None:
    auditor = Auditor(dataset)
    period, settings = auditor.period(), Settings()
    answers = dict(dataset.questionnaire)
    auditor.scorecard(settings, period, answers)  # the page as it was before the answer
    rounds_done = count(1)

    def answered() -> dict:
        # A different answer every round (the policy revised another day): nothing is
        # served from the measures cached for an earlier answer.
        revised = date(2020, 1, 1) + timedelta(days=next(rounds_done))
        return answers | {"governance": answers["governance"] | {"policy_updated": revised}}

    def before() -> None:  # a new dataset with the answer, prepared and scored in full
        Auditor(dataset).scorecard(settings, period, answered())

    def after() -> None:  # the same prepared data, the answer given to the scoring
        auditor.scorecard(settings, period, answered())

    old, new = best(before, rounds), best(after, rounds)
    print(f"{name}: answer a governance question — before {old * 1000:,.0f} ms, "
          f"after {new * 1000:,.1f} ms ({old / new:,.0f}× faster)")  # fmt: skip


def main() -> None:
    measure("sample (150 employees, 12 months)", load_sample())
    if len(sys.argv) > 1:  # a folder of canonical CSVs, e.g. bench_data/enterprise_233000
        from dashboard.ingest import load_file

        folder, dataset = Path(sys.argv[1]), Dataset()
        for path in sorted(folder.glob("*.csv")) + sorted(folder.glob("*.toml")):
            dataset = dataset.add(load_file(path.name, path.read_bytes()))
        measure(folder.name, dataset, rounds=2)


if __name__ == "__main__":
    main()
