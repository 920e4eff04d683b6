"""Saved audits: workspaces per client company, dated audit snapshots, access by passphrase.

SQLite in the data folder by default, PostgreSQL when PRESENZA_DATABASE_URL says so;
the schema migrates itself at start-up. Start with `open_store()` (`seed`), then
`authorize()` (or `trusted_access()` from the terminal, `job_access()` for a scheduled
save with its token: `workspaces`), then the functions of `audits`, which all take the
`Access` they were granted and hand back frozen records (`records`); the consultant's
notes on an audit are in `notes`. Nothing here
imports Streamlit.
"""

from dashboard.store.access import Access, Role
from dashboard.store.audits import (
    audit_info,
    audit_numbered,
    current_audit,
    delete_audit,
    get_audit,
    history,
    list_audits,
    load_dataset,
    load_scorecard,
    load_sums,
    previous_audit,
    rename_audit,
    save_audit,
    set_current,
)
from dashboard.store.errors import (
    AccessDenied,
    ConfirmationRequired,
    GrantEnded,
    InvalidName,
    InvalidNote,
    NotFound,
    SnapshotError,
    StoreError,
    StoreUnavailable,
    Throttled,
    WeakPassphrase,
)
from dashboard.store.notes import audit_notes, write_note, write_summary
from dashboard.store.records import (
    GAP_STATUSES,
    AuditInfo,
    AuditNotes,
    Note,
    StoredAudit,
    WorkspaceInfo,
)
from dashboard.store.seed import open_store
from dashboard.store.workspaces import (
    SAMPLE_SLUG,
    authorize,
    authorize_server,
    check_slug,
    create_workspace,
    issue_save_token,
    job_access,
    latest_change_token,
    revoke_save_token,
    set_passphrase,
    trusted_access,
    workspace_info,
)

__all__ = [
    "GAP_STATUSES",
    "SAMPLE_SLUG",
    "Access",
    "AccessDenied",
    "AuditInfo",
    "AuditNotes",
    "ConfirmationRequired",
    "GrantEnded",
    "InvalidName",
    "InvalidNote",
    "NotFound",
    "Note",
    "Role",
    "SnapshotError",
    "StoreError",
    "StoreUnavailable",
    "StoredAudit",
    "Throttled",
    "WeakPassphrase",
    "WorkspaceInfo",
    "audit_info",
    "audit_notes",
    "audit_numbered",
    "authorize",
    "authorize_server",
    "check_slug",
    "create_workspace",
    "current_audit",
    "delete_audit",
    "get_audit",
    "history",
    "issue_save_token",
    "job_access",
    "latest_change_token",
    "list_audits",
    "load_dataset",
    "load_scorecard",
    "load_sums",
    "open_store",
    "previous_audit",
    "rename_audit",
    "revoke_save_token",
    "save_audit",
    "set_current",
    "set_passphrase",
    "trusted_access",
    "workspace_info",
    "write_note",
    "write_summary",
]
