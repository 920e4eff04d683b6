"""Everything the store refuses, as one family: the UI and the CLI catch `StoreError` and say it.

Each error carries a `Msg` meant for the user (`error.msg`: the dashboard says it in
the reader's language, `str(error)` is its English for the terminal); none reveals
whether another workspace exists.
"""

from __future__ import annotations

from dashboard.i18n import MessageError
from dashboard.messages import Msg


class StoreError(MessageError):
    """Base of every expected store failure."""


class StoreUnavailable(StoreError):
    """The database URL is wrong, or the database cannot be reached or migrated."""


class AccessDenied(StoreError, PermissionError):
    """Wrong passphrase, unknown workspace, or a viewer asking to write."""


class GrantEnded(AccessDenied):
    """A workspace's passphrase changed after this session was let in: sign in again."""


class Throttled(AccessDenied):
    """Too many wrong passphrases from this address or for this workspace: wait, then retry."""

    def __init__(self, message: Msg, *, retry_after: int) -> None:
        super().__init__(message)
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


class InvalidNote(StoreError, ValueError):
    """A note that cannot be kept: too long, an unknown subject or verdict, a missing reason."""
