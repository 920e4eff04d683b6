"""Who may do what in a workspace: passphrases (strong enough, stored only as salted scrypt
digests), roles, and the tokens scheduled jobs save with.

Editors upload, save and change settings; viewers only read. Every repository
function takes the `Access` it was granted, so a viewer link for one workspace has
no way to name another workspace's audits; the access also carries the workspace's
grant epoch at the time, so a passphrase changed since then ends it.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from zxcvbn import zxcvbn

from dashboard.messages import msg
from dashboard.store.errors import AccessDenied, WeakPassphrase

Role = Literal["editor", "viewer"]
ROLES: tuple[Role, ...] = ("editor", "viewer")

SALT_BYTES = 16
DIGEST_BYTES = 32
MIN_LENGTH = 10
MAX_LENGTH = 1024
# zxcvbn's score 3: "safely unguessable", beyond ~10^8 guesses; with scrypt and the
# throttle in front, an online attacker gets a few thousand tries a day at most.
MIN_SCORE = 3
# zxcvbn refuses longer inputs (its matching is quadratic); a longer passphrase is only
# stronger, so its first 72 characters are what is judged.
ZXCVBN_LENGTH = 72
# Words anyone would try first against this product, besides the workspace's own names.
PRODUCT_WORDS = ("presenza", "esempio", "passphrase", "password", "segreto", "workspace")
TOKEN_PREFIX = "prz_"


@dataclass(frozen=True)
class Access:
    """A workspace and the role granted in it: what every repository call is scoped to.

    `epoch` is the workspace's grant epoch when this was granted; the repository
    refuses an access whose epoch is no longer the workspace's.
    """

    workspace_id: int
    slug: str
    name: str
    role: Role
    epoch: int = 0

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"

    def require_editor(self) -> None:
        if not self.can_edit:
            raise AccessDenied(msg("store.error.read_only", slug=self.slug))


# --- passphrases -----------------------------------------------------------------------


def check_strength(passphrase: str, context: Iterable[str] = ()) -> None:
    """Refuse a passphrase that is short, or that zxcvbn (with its lists of common
    passwords, words and names, plus the workspace's own names) finds easy to guess."""
    length = len(passphrase.strip())
    if length < MIN_LENGTH:
        raise WeakPassphrase(msg("store.error.weak_short", n=MIN_LENGTH))
    if length > MAX_LENGTH:
        raise WeakPassphrase(msg("store.error.weak_long", n=MAX_LENGTH))
    words = [w for w in (*context, *PRODUCT_WORDS) if w]
    if zxcvbn(passphrase[:ZXCVBN_LENGTH], user_inputs=words)["score"] < MIN_SCORE:
        raise WeakPassphrase(msg("store.error.weak_common"))


def _normalise(passphrase: str) -> bytes:
    """NFC first, so the same word typed with a composed or decomposed accent matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


@dataclass(frozen=True)
class Scrypt:
    """scrypt's cost parameters (RFC 7914), written beside every digest they made
    ("scrypt:n=16384,r=8,p=1"), so a digest is checked with its own and a change of the
    current ones rehashes each passphrase at its next sign-in."""

    n: int
    r: int
    p: int

    @property
    def kdf(self) -> str:
        return f"scrypt:n={self.n},r={self.r},p={self.p}"

    @classmethod
    def parse(cls, kdf: str) -> Scrypt | None:
        """The parameters a stored digest names; None for another function, or for costs
        beyond any this product sets (a tampered row must not exhaust the server)."""
        match = _KDF.fullmatch(kdf or "")
        if match is None:
            return None
        params = cls(*(int(x) for x in match.groups()))
        bounded = params.n <= MAX_SCRYPT.n and params.r <= MAX_SCRYPT.r and params.p <= MAX_SCRYPT.p
        return params if bounded and params.n > 1 and params.n & (params.n - 1) == 0 else None

    def digest(self, passphrase: str, salt: bytes) -> bytes:
        return hashlib.scrypt(
            _normalise(passphrase[:MAX_LENGTH]),
            salt=salt,
            n=self.n,
            r=self.r,
            p=self.p,
            dklen=DIGEST_BYTES,
            maxmem=256 * self.n * self.r + (1 << 20),
        )


# Today's cost, interactive login's (RFC 7914): ~16 MB and a few tens of ms a try.
SCRYPT = Scrypt(n=2**14, r=8, p=1)
MAX_SCRYPT = Scrypt(n=2**17, r=16, p=4)  # ~256 MB at most, whatever a row claims
_KDF = re.compile(r"scrypt:n=(\d{1,8}),r=(\d{1,3}),p=(\d{1,2})")


def hash_passphrase(passphrase: str, context: Iterable[str] = ()) -> tuple[str, bytes, bytes]:
    """(kdf, salt, digest) for a new passphrase that passed `check_strength`, fresh salt."""
    check_strength(passphrase, context)
    return rehash(passphrase)


def rehash(passphrase: str) -> tuple[str, bytes, bytes]:
    """(kdf, salt, digest) of an accepted passphrase at today's cost, with a fresh salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    return SCRYPT.kdf, salt, SCRYPT.digest(passphrase, salt)


class StoredDigest(Protocol):
    kdf: str
    salt: bytes
    digest: bytes


def matching_role(passphrase: str, stored: Mapping[str, StoredDigest]) -> Role | None:
    """The role whose passphrase this is, or None.

    Always one scrypt per role, whether the role (or the whole workspace) has a
    passphrase or not, and every digest compared in constant time: the answer takes
    the same time for a workspace that does not exist, so the time says nothing. Each
    digest is checked with the parameters stored beside it.
    """
    found: Role | None = None
    for role in ROLES:
        row = stored.get(role)
        params = None if row is None else Scrypt.parse(row.kdf)
        usable = row is not None and params is not None
        salt = row.salt if row is not None and usable else bytes(SALT_BYTES)
        digest = (params or SCRYPT).digest(passphrase, salt)
        expected = row.digest if row is not None and usable else secrets.token_bytes(DIGEST_BYTES)
        if hmac.compare_digest(digest, expected) and usable and found is None:
            found = role
    return found


def outdated(row: StoredDigest) -> bool:
    """A digest made with other parameters than today's: rehash it at this sign-in."""
    return row.kdf != SCRYPT.kdf


# --- save tokens ---------------------------------------------------------------------------


def new_save_token() -> tuple[str, str]:
    """(token, its SHA-256): the token is shown once; only the digest is stored.

    256 random bits need no slow hash: nobody can guess them, so a plain SHA-256
    keeps a stolen database from giving the token away, and that is all it must do.
    """
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return token, token_digest(token)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.strip().encode("utf-8")).hexdigest()


def token_matches(token: str | None, stored: str | None) -> bool:
    if not token or not stored:
        return False
    return hmac.compare_digest(token_digest(token), stored)
