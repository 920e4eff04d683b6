"""What the terminal's commands share: the flags naming an audit's inputs, reading those
files (a log larger than memory read out of it, `ingest.spill`), scoring them, and
calling the store with every failure turned into a sentence. `cli` and `report_command`
both build on it; imports of heavy modules stay inside the functions, so
`python -m dashboard --help` stays quick.
"""

from __future__ import annotations

import argparse
import contextlib
import mmap
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from dashboard.i18n import english
from dashboard.ingest import Dataset, Loaded, Problem, load_file
from dashboard.messages import Ref, msg
from dashboard.period import EARLIEST, LATEST

EXIT_BAD_INPUT = 2
LARGE_VARIABLE = "PRESENZA_LARGE_LOG_BYTES"
EXIT_STORE = 1


def day(text: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(english(msg("cli.bad_date", text=repr(text)))) from None
    if not EARLIEST <= value <= LATEST:
        outside = msg(
            "cli.date_range", text=text, earliest=EARLIEST.isoformat(), latest=LATEST.isoformat()
        )
        raise argparse.ArgumentTypeError(english(outside))
    return value


def add_input_flags(p: argparse.ArgumentParser) -> None:
    """The files, settings and period an audit reads (shared by `audit` and `report`)."""
    p.add_argument(
        "--posts", nargs="+", type=Path, default=[], metavar="FILE", help="company page exports"
    )
    p.add_argument(
        "--activity",
        nargs="+",
        type=Path,
        default=[],
        metavar="FILE",
        help="employee activity log(s)",
    )
    p.add_argument(
        "--roster", nargs="+", type=Path, default=[], metavar="FILE", help="employee roster"
    )
    p.add_argument(
        "--summary", nargs="+", type=Path, default=[], metavar="FILE", help="advocacy tool summary"
    )
    p.add_argument(
        "--questionnaire", type=Path, metavar="FILE", help="governance questionnaire (TOML/JSON)"
    )
    p.add_argument(
        "--settings", type=Path, metavar="FILE", help="targets, floors and weights (TOML)"
    )
    p.add_argument("--start", type=day, help="first day of the period (default: first day of data)")
    p.add_argument("--end", type=day, help="last day of the period (default: last day of data)")
    p.add_argument("--strict", action="store_true", help="exit 2 when any row was rejected")


def workspace_slug(text: str) -> str:
    from dashboard.store.errors import InvalidName
    from dashboard.store.workspaces import check_slug

    try:
        return check_slug(text)
    except InvalidName as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _inputs(args: argparse.Namespace) -> list[tuple[Path, str | None]]:
    """Files with the table they were given for (the flag names the table)."""
    pairs: list[tuple[Path, str | None]] = []
    pairs += [(f, "company_posts") for f in args.posts]
    pairs += [(f, "employee_activity") for f in args.activity]
    pairs += [(f, "roster") for f in args.roster]
    pairs += [(f, "employee_summary") for f in args.summary]
    if args.questionnaire:
        pairs.append((args.questionnaire, None))
    return pairs


def read_file(path: Path) -> bytes | mmap.mmap:
    """The file's bytes, memory-mapped when it is big: the loader reads it chunk by chunk,
    so a 700 MB log never sits in memory twice."""
    with path.open("rb") as handle:
        if path.stat().st_size < 1 << 24 or handle.read(2) in (b"PK", b"\xd0\xcf"):
            return path.read_bytes()  # small, or a workbook (read whole by its library)
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def large_log_bytes() -> int:
    """Activity logs above this size are read out of memory (PRESENZA_LARGE_LOG_BYTES)."""
    return int(os.environ.get(LARGE_VARIABLE) or 2 << 30)


def spill_inputs(
    pairs: list[tuple[Path, str | None]], folder: Path
) -> tuple[list[tuple[Path, str | None]], list[Loaded], list[Problem], pl.LazyFrame | None]:
    """Read every activity log larger than `large_log_bytes()` out of memory, into Parquet
    files in `folder`: the other files (to load as usual), the results and problems of
    those read, and their rows as one lazy scan (None when there were none)."""
    from dashboard.ingest.spill import spill

    rest: list[tuple[Path, str | None]] = []
    results: list[Loaded] = []
    problems: list[Problem] = []
    scans: list[pl.LazyFrame] = []
    for path, table in pairs:
        try:
            large = table == "employee_activity" and path.stat().st_size > large_log_bytes()
        except OSError:
            large = False  # load_inputs says why the file cannot be read
        if not large:
            rest.append((path, table))
            continue
        part = folder / f"log-{len(results)}"
        part.mkdir()
        result = spill(path.name, read_file(path), part)
        results.append(result.loaded)
        problems.extend(result.loaded.problems)
        if result.activity is not None:
            scans.append(result.activity)
    return rest, results, problems, pl.concat(scans) if scans else None


def load_inputs(
    pairs: list[tuple[Path, str | None]],
) -> tuple[Dataset, list[Loaded], list[Problem]]:
    """Load every file; returns the dataset, the per-file results, and all problems."""
    dataset = Dataset()
    results: list[Loaded] = []
    problems: list[Problem] = []
    for path, table in pairs:
        try:
            data = read_file(path)
        except OSError as error:
            problems.append(
                Problem(str(path), "unreadable", "error", message=error.strerror or str(error))
            )
            continue
        loaded = load_file(path.name, data)
        if table and loaded.ok and loaded.table not in (table, None):
            # The flag said one table, the content says another: trust the content, say so.
            given = msg("load.message.given_as", given=Ref(table), read=Ref(loaded.table))
            loaded.problems.append(Problem(path.name, "inferred", "info", message=given))
        dataset = dataset.add(loaded)
        # A file kept beside one of the same name is reported under the name it was given.
        loaded = next((f for f in dataset.files if f.digest == loaded.digest), loaded)
        results.append(loaded)
        problems.extend(loaded.problems)
    return dataset, results, problems


@dataclass(frozen=True)
class Prepared:
    """An audit computed from the command line's files: what `audit` and `report` print."""

    dataset: Dataset
    results: list[Loaded]
    settings: Any
    auditor: Any
    scorecard: Any


@contextlib.contextmanager
def _spill_folder() -> Iterator[Path]:
    """A private folder in the data folder for logs read out of memory, removed after."""
    from dashboard.store.db import data_dir

    data_dir().mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="spill-", dir=data_dir()) as folder:
        yield Path(folder)


@contextlib.contextmanager
def prepared_audit(
    args: argparse.Namespace, *, quiet_info: bool = False
) -> Iterator[Prepared | int]:
    """Load the files the flags name (the bundled sample when none), score the period;
    an exit code instead when the input is bad (the load report is on stderr).

    A context: a log read out of memory lives in a spill folder until the caller is done.
    """
    from dashboard.bundled import sample_files

    pairs = _inputs(args)
    if not pairs:
        pairs = [(p, None) for p in sample_files()]
    with _spill_folder() as spill_to:
        yield _prepare(args, pairs, spill_to, quiet_info)


def _prepare(
    args: argparse.Namespace,
    pairs: list[tuple[Path, str | None]],
    spill_to: Path,
    quiet_info: bool,
) -> Prepared | int:
    from dashboard.audit import Auditor
    from dashboard.settings import Settings, SettingsError, parse_settings

    pairs, results, problems, spilled = spill_inputs(pairs, spill_to)
    dataset, loaded, more = load_inputs(pairs)
    results, problems = [*results, *loaded], [*problems, *more]
    if spilled is not None and dataset.has("employee_activity"):  # one log, in any parts
        spilled = pl.concat([spilled, dataset.table("employee_activity").lazy()])
        dataset = Dataset(tuple(f for f in dataset.files if f.table != "employee_activity"))
    if spilled is not None and getattr(args, "save", None):
        print(english(msg("cli.spilled_no_save", variable=LARGE_VARIABLE)), file=sys.stderr)
        return EXIT_BAD_INPUT
    for problem in problems:
        if problem.severity != "info" or not quiet_info:
            print(problem.line(), file=sys.stderr)
    failed = any(p.severity == "error" for p in problems)
    rejected = any(p.severity == "rejected" for p in problems)
    if failed or (args.strict and rejected):
        print(english(msg("cli.not_run")), file=sys.stderr)
        return EXIT_BAD_INPUT
    settings = Settings()
    if args.settings:
        try:
            settings = parse_settings(args.settings.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, SettingsError) as error:
            print(f"{args.settings}: {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
    auditor = Auditor(dataset, spilled)
    try:
        period = auditor.period(args.start, args.end)
    except ValueError as error:
        print(f"period: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return Prepared(dataset, results, settings, auditor, auditor.scorecard(settings, period))


def store_call(function, *args) -> int:
    """Open the store and run `function(engine, *args)`, turning every failure into a sentence."""
    from sqlalchemy.exc import SQLAlchemyError

    from dashboard.store import open_store
    from dashboard.store.errors import StoreError, StoreUnavailable

    try:
        return function(open_store(), *args)
    except StoreUnavailable as error:
        print(str(error), file=sys.stderr)
        return EXIT_STORE
    except StoreError as error:  # an unknown workspace or audit, a name that cannot be used
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        print(english(msg("store.error.failed_detail", detail=reason)), file=sys.stderr)
        return EXIT_STORE
