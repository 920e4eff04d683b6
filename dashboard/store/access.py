"""Who may do what in a workspace: passphrases, stored only as salted scrypt digests, and roles.

Editors upload, save and change settings; viewers only read. Every repository
function takes the `Access` it was granted, so a viewer link for one workspace has
no way to name another workspace's audits.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Literal

from dashboard.store.errors import AccessDenied, WeakPassphrase

Role = Literal["editor", "viewer"]
ROLES: tuple[Role, ...] = ("editor", "viewer")

# scrypt's interactive-login parameters (RFC 7914): ~16 MB and a few tens of ms a try.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
DIGEST_BYTES = 32
KDF = f"scrypt:n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}"
MIN_LENGTH = 8


@dataclass(frozen=True)
class Access:
    """A workspace and the role granted in it: what every repository call is scoped to."""

    workspace_id: int
    slug: str
    name: str
    role: Role

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"

    def require_editor(self) -> None:
        if not self.can_edit:
            raise AccessDenied(f"viewers of {self.slug} can only read")


def _normalise(passphrase: str) -> bytes:
    """NFC first, so the same word typed with a composed or decomposed accent matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _scrypt(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        _normalise(passphrase),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        dklen=DIGEST_BYTES,
    )


def hash_passphrase(passphrase: str) -> tuple[str, bytes, bytes]:
    """(kdf, salt, digest) for a new passphrase, with a fresh random salt."""
    if len(passphrase.strip()) < MIN_LENGTH:
        raise WeakPassphrase(f"a passphrase needs at least {MIN_LENGTH} characters")
    salt = secrets.token_bytes(SALT_BYTES)
    return KDF, salt, _scrypt(passphrase, salt)


def verify_passphrase(passphrase: str, kdf: str, salt: bytes, digest: bytes) -> bool:
    """Whether the passphrase makes this digest; compared in constant time."""
    if kdf != KDF:  # a digest from parameters this version does not know
        return False
    return hmac.compare_digest(_scrypt(passphrase, salt), digest)


def burn_time(passphrase: str) -> None:
    """Spend one scrypt, so an unknown workspace answers as slowly as a wrong passphrase."""
    _scrypt(passphrase, bytes(SALT_BYTES))
