"""Where the dashboard runs and who can reach it: the start-up check of a shared deployment.

A server bound to a loopback address is one person's: only their own browser reaches
it. Bound to anything else (an interface, 0.0.0.0, or no address at all, which
Streamlit takes as every interface) it is shared, and then someone must sign in
before uploading — with Streamlit's login (`[auth]`) or the server passphrase
(`[presenza] server_passphrase`) in `.streamlit/secrets.toml` — unless the operator
says explicitly that the network is trusted (PRESENZA_ALLOW_ANONYMOUS=1). Nothing
here imports Streamlit: the app and `python -m dashboard serve` ask the same question.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from dashboard.messages import Msg, msg
from dashboard.store.access import check_strength
from dashboard.store.errors import WeakPassphrase

ALLOW_VARIABLE = "PRESENZA_ALLOW_ANONYMOUS"
PROXY_VARIABLE = "PRESENZA_BEHIND_PROXY"
# Where Streamlit reads secrets from by default (`secrets.files`): the user's, then the app's.
SECRETS_FILES = (Path.home() / ".streamlit" / "secrets.toml", Path(".streamlit/secrets.toml"))


def is_loopback(address: str | None) -> bool:
    """Whether a bind address reaches this machine only (127.0.0.0/8, ::1, localhost)."""
    if not address:
        return False  # Streamlit listens on every interface when no address is given
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it resolves to an interface others can reach


def allowed_anonymous(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(ALLOW_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def server_passphrase(secrets: Mapping[str, Any]) -> str | None:
    """The server passphrase from the secrets' `[presenza]` section, if one is set."""
    section = secrets.get("presenza") or {}
    value = section.get("server_passphrase") if isinstance(section, Mapping) else None
    return str(value) if value else None


def startup_problem(
    address: str | None,
    secrets: Mapping[str, Any],
    environ: Mapping[str, str] = os.environ,
) -> Msg | None:
    """None when the server may start; else why not, as a message.

    A weak server passphrase is refused wherever the server listens: it is the one
    thing between the network and the uploads.
    """
    passphrase = server_passphrase(secrets)
    if passphrase is not None:
        try:
            check_strength(passphrase, ("presenza", "server"))
        except WeakPassphrase:
            return msg("deploy.weak_server_passphrase")
    if is_loopback(address) or allowed_anonymous(environ):
        return None
    if "auth" in secrets or passphrase is not None:
        return None
    return msg("deploy.no_sign_in", address=address or "0.0.0.0", variable=ALLOW_VARIABLE)


def read_secrets(files: Iterable[Path] = SECRETS_FILES) -> dict[str, Any]:
    """The secrets Streamlit would read, merged in its order (later files win), for a check
    made before Streamlit starts; an unreadable file counts as absent."""
    merged: dict[str, Any] = {}
    for path in files:
        try:
            merged.update(tomllib.loads(Path(path).read_text("utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
    return merged


def forwarded_client(header: str | None) -> str | None:
    """The client address a reverse proxy appended to X-Forwarded-For (its last entry:
    the one our own proxy wrote; earlier entries are whatever the client claimed)."""
    if not header:
        return None
    last = header.split(",")[-1].strip()
    return last or None
