"""Every metric, computed twice: by the engine and by the independent DuckDB reference
(tests/reference/), on the bundled sample, on seeded generated companies and on small
companies drawn by hypothesis. Numerator, denominator and value must agree, and a metric
one side leaves unmeasured must be unmeasured on the other.

Where the two ever disagreed, the side the formula text proved wrong was fixed; the
cases are kept in tests/test_definitions.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from reference.companies import Company, companies, examples, load
from reference.compare import disagreements, engine_measures

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.criteria import registry
from dashboard.ingest import Dataset, load_file
from dashboard.sample import generate


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load_sample()


def test_the_bundled_sample_agrees_over_its_whole_span(sample: Dataset) -> None:
    span = Auditor(sample).default_period()
    assert span is not None
    assert disagreements(sample, span.start, span.end) == {}


def test_the_bundled_sample_agrees_over_a_period_cut_mid_week_and_mid_month(
    sample: Dataset,
) -> None:
    start, end = date(2026, 1, 14), date(2026, 5, 20)  # Wednesdays, mid-month
    assert start.weekday() == end.weekday() == 2
    assert disagreements(sample, start, end) == {}


def _generated(
    folder: Path, employees: int, months: int, seed: int, summary_only: bool = False
) -> Dataset:
    """A generated company loaded like an upload (with the advocacy summary instead of the log)."""
    files = generate(folder, employees=employees, months=months, seed=seed, summary=summary_only)
    if summary_only:
        files.pop("employee_activity")
    dataset = Dataset()
    for path in files.values():
        dataset = dataset.add(load_file(path.name, path.read_bytes()))
    return dataset


GENERATED = [
    pytest.param(60, 6, 3, False, id="60-employees-6-months-seed-3"),
    pytest.param(150, 12, 5, False, id="150-employees-12-months-seed-5"),
    pytest.param(120, 4, 9, True, id="120-employees-summary-only-seed-9"),
    pytest.param(2000, 12, 17, False, id="2000-employees-seed-17", marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("employees", "months", "seed", "summary_only"), GENERATED)
def test_generated_companies_agree(
    tmp_path: Path, employees: int, months: int, seed: int, summary_only: bool
) -> None:
    dataset = _generated(tmp_path, employees, months, seed, summary_only)
    span = Auditor(dataset).default_period()
    assert span is not None
    assert disagreements(dataset, span.start, span.end) == {}
    # …and over the middle of it, cut mid-week
    middle = date.fromordinal((span.start.toordinal() * 2 + span.end.toordinal()) // 3)
    assert disagreements(dataset, middle, span.end) == {}


def _agree_and_stay_in_bounds(company: Company) -> None:
    dataset = load(company.files())
    assert disagreements(dataset, company.start, company.end) == {}
    specs = registry.metrics()
    for mid, measure in engine_measures(dataset, company.start, company.end).items():
        if measure.measured and specs[mid].unit == "rate":
            assert 0 <= measure.value <= 1, (mid, measure)
            assert 0 <= measure.numerator <= measure.denominator, (mid, measure)


@examples(40)
@given(companies())
def test_small_generated_companies_agree(company: Company) -> None:
    """Hires and leavers, titles without is_manager, ids as e-mails or names, off-topic and
    unknown rows, posts by the agency or nobody known, columns missing: the two agree, and
    every rate is within [0, 1] with its numerator ≤ its denominator."""
    _agree_and_stay_in_bounds(company)
