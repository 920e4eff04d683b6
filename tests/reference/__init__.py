"""A second, independent implementation of every metric, in DuckDB SQL, for the tests only.

Written from the formula texts in `dashboard/criteria/registry.toml` and the definitions of
`../shared/AUDIT_FRAMEWORK.md` ("Definitions that must not drift"), never from the engine:
nothing here imports `dashboard.criteria`. It starts from the canonical tables the loader
produced (`Dataset.table`) and re-derives in SQL everything `prepare()` does on top of them:
which roster rows are counted, who is a manager, which ids name which employee, which
post authors are staff. The differential tests (tests/test_reference.py) run both and
require the same numerator, denominator and value for every metric.
"""

from reference.db import Ref, reference_measures

__all__ = ["Ref", "reference_measures"]
