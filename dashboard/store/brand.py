"""The brand a workspace's reports carry: the client's name, primary colour and logo.

Editors set it on the Saved audits page; reports from the workspace (app and
`python -m dashboard report --workspace`) print it. The logo arrives here already
checked and re-encoded as PNG (`dashboard.report.logo`); the store checks the size and
the PNG signature again, so nothing else is ever kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dashboard.messages import msg
from dashboard.store.access import Access
from dashboard.store.errors import InvalidName
from dashboard.store.workspaces import NAME_LENGTH, granted, lock_workspace, writing

COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
LOGO_MAX_BYTES = 512 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class WorkspaceBrand:
    client: str | None
    color: str | None
    logo_png: bytes | None


def get_brand(engine: Engine, access: Access) -> WorkspaceBrand:
    """The workspace's brand (every field None until an editor sets it)."""
    with Session(engine) as session:
        workspace = granted(session, access)
        session.refresh(workspace, ["brand_logo"])
        return WorkspaceBrand(workspace.brand_client, workspace.brand_color, workspace.brand_logo)


def set_brand(
    engine: Engine, access: Access, client: str | None, color: str | None, logo_png: bytes | None
) -> None:
    """Replace the workspace's brand; editors only, never the sample."""
    access.require_editor()
    client = (client or "").strip() or None
    if client is not None and len(client) > NAME_LENGTH:
        raise InvalidName(msg("store.error.brand_client", n=NAME_LENGTH))
    if color is not None and not COLOR.fullmatch(color):
        raise InvalidName(msg("store.error.brand_color"))
    if logo_png is not None and (
        len(logo_png) > LOGO_MAX_BYTES or not logo_png.startswith(PNG_SIGNATURE)
    ):
        raise InvalidName(msg("store.error.brand_logo", kb=LOGO_MAX_BYTES // 1024))
    with writing(engine) as session:
        workspace = lock_workspace(session, access)
        workspace.brand_client, workspace.brand_color = client, color
        workspace.brand_logo = logo_png


__all__ = ["LOGO_MAX_BYTES", "WorkspaceBrand", "get_brand", "set_brand"]
