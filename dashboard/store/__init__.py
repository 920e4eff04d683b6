"""Saved audits: workspaces per client company, dated audit snapshots, access by passphrase.

SQLite in the data folder by default, PostgreSQL when PRESENZA_DATABASE_URL says so;
the schema migrates itself at start-up. Start with `open_store()`, then
`authorize()` (or `trusted_access()` from the terminal), then the repository
functions, which all take the `Access` they were granted. Nothing here imports
Streamlit.
"""

from dashboard.store.access import Access, Role
from dashboard.store.compare import compare
from dashboard.store.errors import (
    AccessDenied,
    ConfirmationRequired,
    InvalidName,
    NotFound,
    SnapshotError,
    StoreError,
    StoreUnavailable,
    WeakPassphrase,
)
from dashboard.store.repository import (
    SAMPLE_SLUG,
    AuditInfo,
    StoredAudit,
    WorkspaceInfo,
    authorize,
    create_workspace,
    current_audit,
    delete_audit,
    get_audit,
    latest_change_token,
    list_audits,
    load_dataset,
    load_scorecard_dict,
    open_store,
    previous_audit,
    rename_audit,
    save_audit,
    set_current,
    set_passphrase,
    trend,
    trusted_access,
    workspace_info,
    workspace_of_audit,
)

__all__ = [
    "SAMPLE_SLUG",
    "Access",
    "AccessDenied",
    "AuditInfo",
    "ConfirmationRequired",
    "InvalidName",
    "NotFound",
    "Role",
    "SnapshotError",
    "StoreError",
    "StoreUnavailable",
    "StoredAudit",
    "WeakPassphrase",
    "WorkspaceInfo",
    "authorize",
    "compare",
    "create_workspace",
    "current_audit",
    "delete_audit",
    "get_audit",
    "latest_change_token",
    "list_audits",
    "load_dataset",
    "load_scorecard_dict",
    "open_store",
    "previous_audit",
    "rename_audit",
    "save_audit",
    "set_current",
    "set_passphrase",
    "trend",
    "trusted_access",
    "workspace_info",
    "workspace_of_audit",
]
