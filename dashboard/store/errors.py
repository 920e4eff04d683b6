"""Everything the store refuses, as one family: the UI and the CLI catch `StoreError` and say it.

Each message is a sentence meant for the user; none reveals whether another
workspace exists.
"""


class StoreError(Exception):
    """Base of every expected store failure."""


class StoreUnavailable(StoreError):
    """The database URL is wrong, or the database cannot be reached or migrated."""


class AccessDenied(StoreError, PermissionError):
    """Wrong passphrase, unknown workspace, or a viewer asking to write."""


class WeakPassphrase(StoreError, ValueError):
    """A passphrase too short to protect a workspace."""


class InvalidName(StoreError, ValueError):
    """A workspace slug or an audit name that cannot be used."""


class NotFound(StoreError, LookupError):
    """No such workspace, or no such audit in the workspace the caller may see."""


class ConfirmationRequired(StoreError, ValueError):
    """A delete whose confirmation does not repeat the audit's name or number."""


class SnapshotError(StoreError, ValueError):
    """A stored audit this version cannot rebuild (it names a metric no longer in the registry)."""
