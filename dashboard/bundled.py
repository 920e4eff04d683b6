"""The bundled sample company: where its files are, and the dataset they make."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from dashboard.ingest import Dataset, load_file
from dashboard.memo import Memo

_SAMPLE: Memo[Dataset] = Memo(1)


def sample_dir() -> Path:
    """`sample_data/` inside an installed wheel, or beside the package in a checkout."""
    installed = Path(str(files("dashboard"))) / "sample_data"
    return (
        installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "sample_data"
    )


def sample_files() -> list[Path]:
    return sorted(
        p for p in sample_dir().iterdir() if p.suffix in (".csv", ".toml", ".xlsx", ".xls")
    )


def load_sample() -> Dataset:
    """The sample company as a dataset (every file must load: it ships with the product).

    Read once per process, by the first session to ask (the others wait for it), and
    shared by every session: it is public and never changes (a `Dataset` is immutable;
    changing it makes a new one)."""
    return _SAMPLE.get("sample", _read_sample)


def _read_sample() -> Dataset:
    dataset = Dataset()
    for path in sample_files():
        dataset = dataset.add(load_file(path.name, path.read_bytes()))
    return dataset
