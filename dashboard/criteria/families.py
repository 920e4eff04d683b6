"""Import every criterion family module so each registers its computing function."""

from dashboard.criteria import (  # noqa: F401
    ecosystem,
    governance,
    managers,
    network,
    page,
    people,
)
from dashboard.criteria.base import ANSWERS, FAMILIES

__all__ = ["ANSWERS", "FAMILIES"]
