"""Everything the store refuses, as one family: the UI and the CLI catch `StoreError` and say it.

Each message is a sentence meant for the user; none reveals whether another
workspace exists. `str(error)` is the English sentence the terminal prints; an error
that also has a `key` names its text in `dashboard.i18n` (filled with `values`), so
the dashboard can say it in Italian too.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base of every expected store failure."""

    key: str | None = None

    def __init__(self, message: str, *, key: str | None = None, **values: object) -> None:
        super().__init__(message)
        if key is not None:
            self.key = key
        self.values = values


class StoreUnavailable(StoreError):
    """The database URL is wrong, or the database cannot be reached or migrated."""


class AccessDenied(StoreError, PermissionError):
    """Wrong passphrase, unknown workspace, or a viewer asking to write."""


class GrantEnded(AccessDenied):
    """A workspace's passphrase changed after this session was let in: sign in again."""


class Throttled(AccessDenied):
    """Too many wrong passphrases from this address or for this workspace: wait, then retry."""

    def __init__(self, message: str, *, retry_after: int, **kwargs: object) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class WeakPassphrase(StoreError, ValueError):
    """A passphrase too short, or too common, to protect a workspace."""


class InvalidName(StoreError, ValueError):
    """A workspace slug or an audit name that cannot be used."""


class NotFound(StoreError, LookupError):
    """No such workspace, or no such audit in the workspace the caller may see."""


class ConfirmationRequired(StoreError, ValueError):
    """A delete whose confirmation does not repeat the audit's name or number."""


class SnapshotError(StoreError, ValueError):
    """A stored audit this version cannot rebuild (it names a metric no longer in the registry)."""
