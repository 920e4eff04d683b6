"""Saved tables in an S3-compatible object store (PRESENZA_TABLES_URL=s3://bucket/prefix):
the same content-addressed files as in the data folder, against a local S3 server (moto's,
on 127.0.0.1) reached through boto3, the `s3` extra."""

from __future__ import annotations

import hashlib

import pytest

from dashboard.audit import run_audit
from dashboard.bundled import load_sample
from dashboard.settings import Settings
from dashboard.store import (
    create_workspace,
    delete_audit,
    get_audit,
    load_dataset,
    open_store,
    save_audit,
)
from dashboard.store.errors import SnapshotError
from dashboard.store.tablefiles import BucketFiles, FolderFiles, table_files

boto3 = pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")


@pytest.fixture
def bucket(monkeypatch: pytest.MonkeyPatch):
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    for name, value in {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "eu-south-1",
    }.items():
        monkeypatch.setenv(name, value)
    boto3.client("s3").create_bucket(
        Bucket="presenza", CreateBucketConfiguration={"LocationConstraint": "eu-south-1"}
    )
    monkeypatch.setenv("PRESENZA_TABLES_URL", "s3://presenza/audits/tables")
    yield
    server.stop()


def test_the_url_setting_chooses_where_tables_go(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("PRESENZA_TABLES_URL", raising=False)
    assert isinstance(table_files(), FolderFiles)
    monkeypatch.setenv("PRESENZA_TABLES_URL", f"file://{tmp_path}")
    assert table_files().root == tmp_path


def test_saved_audits_keep_their_tables_in_the_bucket(bucket) -> None:
    dataset = load_sample()
    card = run_audit(dataset)
    engine = open_store(sample=False)
    access = create_workspace(engine, "acme")
    first = save_audit(engine, access, card, dataset, Settings(), saved_by="anna")
    second = save_audit(engine, access, card, dataset, Settings(), saved_by="anna")
    files = table_files()
    assert isinstance(files, BucketFiles)
    digests = {t["digest"] for t in get_audit(engine, access, first).tables.values()}
    assert files.digests() == digests  # one object per table, shared by both audits
    keys = [o["Key"] for o in boto3.client("s3").list_objects_v2(Bucket="presenza")["Contents"]]
    assert all(k.startswith("audits/tables/") and k.endswith(".parquet") for k in keys)
    for digest in digests:
        assert hashlib.sha256(files.get(digest)).hexdigest() == digest
    again = load_dataset(engine, access, second)
    for name in dataset.tables:
        assert again.table(name).equals(dataset.table(name))
    delete_audit(engine, access, first, confirm=str(first))
    assert files.digests() == digests
    delete_audit(engine, access, second, confirm=str(second))
    assert files.digests() == set()
    with pytest.raises(SnapshotError, match="missing"):
        files.get(next(iter(digests)))
    engine.dispose()
