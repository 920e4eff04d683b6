"""Where saved audits keep their canonical tables: one Parquet file per digest.

A saved audit's tables are files named by the SHA-256 of their bytes, in the data
folder (`data/tables/`) or, with PRESENZA_TABLES_URL=s3://bucket/prefix, in an
S3-compatible object store (the `s3` extra; endpoint and keys from the usual
AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID… variables). The database keeps only the
digests, so its backups stay small however big the logs; two audits of the same
data share one file, and a file is removed once no audit names it. Every read checks
the bytes against their digest.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from dashboard.messages import msg
from dashboard.store.db import data_dir
from dashboard.store.errors import SnapshotError, StoreUnavailable

TABLES_URL_VARIABLE = "PRESENZA_TABLES_URL"
SUFFIX = ".parquet"


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class TableFiles(ABC):
    """A content-addressed set of Parquet files."""

    @abstractmethod
    def put(self, digest: str, data: bytes) -> None:
        """Keep `data` under its digest (nothing to do when a file already holds it)."""

    @abstractmethod
    def _read(self, digest: str) -> bytes | None: ...

    @abstractmethod
    def delete(self, digest: str) -> None: ...

    @abstractmethod
    def digests(self) -> set[str]:
        """Every digest kept."""

    def find(self, key: str) -> bytes | None:
        """The bytes under a key that is not their digest (sums derived from tables), or None."""
        return self._read(key)

    def get(self, digest: str) -> bytes:
        """The bytes kept under `digest`, checked against it."""
        data = self._read(digest)
        if data is None:
            raise SnapshotError(
                msg("store.error.table_missing", digest=digest[:12], where=str(self))
            )
        if digest_of(data) != digest:
            raise SnapshotError(
                msg("store.error.table_damaged", digest=digest[:12], where=str(self))
            )
        return data


class FolderFiles(TableFiles):
    """Files in a folder, two levels deep (`ab/abcd….parquet`), readable by the owner only."""

    def __init__(self, root: Path):
        self.root = root

    def __str__(self) -> str:
        return str(self.root)

    def _path(self, digest: str) -> Path:
        return self.root / digest[:2] / f"{digest}{SUFFIX}"

    def put(self, digest: str, data: bytes) -> None:
        path = self._path(digest)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Written aside and renamed: a crash never leaves a half file under the digest.
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _read(self, digest: str) -> bytes | None:
        try:
            return self._path(digest).read_bytes()
        except FileNotFoundError:
            return None

    def delete(self, digest: str) -> None:
        self._path(digest).unlink(missing_ok=True)

    def digests(self) -> set[str]:
        if not self.root.exists():
            return set()
        return {p.name.removesuffix(SUFFIX) for p in self.root.glob(f"*/*{SUFFIX}")}


class BucketFiles(TableFiles):
    """Objects `prefix/<digest>.parquet` in an S3-compatible bucket (boto3, the `s3` extra)."""

    def __init__(self, bucket: str, prefix: str, client: Any = None):
        if client is None:
            try:
                import boto3
            except ImportError:
                raise StoreUnavailable(
                    msg("store.error.no_s3_driver", variable=TABLES_URL_VARIABLE)
                ) from None
            client = boto3.client("s3")
        self.client, self.bucket, self.prefix = client, bucket, prefix.strip("/")

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"

    def _key(self, digest: str) -> str:
        return f"{self.prefix}/{digest}{SUFFIX}" if self.prefix else f"{digest}{SUFFIX}"

    def put(self, digest: str, data: bytes) -> None:
        if self._read(digest, head=True) is None:
            self.client.put_object(Bucket=self.bucket, Key=self._key(digest), Body=data)

    def _read(self, digest: str, head: bool = False) -> bytes | None:
        from botocore.exceptions import ClientError

        try:
            if head:
                self.client.head_object(Bucket=self.bucket, Key=self._key(digest))
                return b""
            data: bytes = self.client.get_object(Bucket=self.bucket, Key=self._key(digest))[
                "Body"
            ].read()
            return data
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise

    def delete(self, digest: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(digest))

    def digests(self) -> set[str]:
        found = set()
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=f"{self.prefix}/" if self.prefix else ""
        )
        for page in pages:
            for item in page.get("Contents", []):
                name = item["Key"].rsplit("/", 1)[-1]
                if name.endswith(SUFFIX):
                    found.add(name.removesuffix(SUFFIX))
        return found


# Bumped when the engine's monthly sums change, so sums kept by an older version are not used.
SUMS_VERSION = "1"


def sums_keys(tables: dict[str, str]) -> dict[str, str]:
    """Where the monthly sums of an audit's log are kept: a key per frame, from the digests
    of the tables they are derived from (`tables`: name → digest) and SUMS_VERSION."""
    source = f"{tables.get('employee_activity')}:{tables.get('roster')}"
    return {
        part: digest_of(f"presenza-sums-{SUMS_VERSION}:{source}:{part}".encode())
        for part in ("employees", "pairs", "off_topic")
    }


def table_files(environ: Mapping[str, str] = os.environ) -> TableFiles:
    """The store's table files: PRESENZA_TABLES_URL (a folder, file:///path, or
    s3://bucket/prefix), else `tables/` in the data folder."""
    raw = environ.get(TABLES_URL_VARIABLE, "").strip()
    if not raw:
        return FolderFiles(data_dir(environ) / "tables")
    url = urlparse(raw)
    if url.scheme == "s3" and url.netloc:
        return BucketFiles(url.netloc, url.path)
    if url.scheme in ("", "file"):
        return FolderFiles(Path(url.path if url.scheme else raw))
    raise StoreUnavailable(msg("store.error.bad_tables_url", variable=TABLES_URL_VARIABLE))
