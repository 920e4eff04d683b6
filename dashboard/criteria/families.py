"""Import every criterion family module so each registers its computing function."""

from dashboard.criteria import governance, managers, network, page, people  # noqa: F401
from dashboard.criteria.base import FAMILIES

__all__ = ["FAMILIES"]
