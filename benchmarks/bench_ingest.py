"""Ingest benchmark: the enterprise activity log (~10M rows) and roster, unquoted and fully quoted.

Every file is loaded by a fresh process exactly as an upload is (bytes in memory →
sniff → chunked, quote-aware parse → typed table). The quoted forms are written once
beside the generated company: the log with every text field in double quotes
(`QUOTE_NONNUMERIC`, as pandas, Excel and advocacy tools write them) and the roster
with every field quoted (`QUOTE_ALL`), in `quoted/`. For each file it prints rows loaded against
the rows in the file, time, rows per second, peak memory, and the upload's memory
as a multiple of the file's size (peak resident memory of the load, less the
process before the bytes arrived). The quoted and unquoted logs must give the same
table: their row hashes are compared.
"""

from __future__ import annotations

from pathlib import Path

from common import enterprise_data, machine_load, quoted_copies, run_child


def data_rows(path: Path) -> int:
    """Records in a CSV (quoted line breaks respected), the header excluded."""
    return run_child(
        f"""
import polars as pl
__out["rows"] = pl.scan_csv({str(path)!r}, infer_schema=False).select(pl.len()).collect().item()
"""
    )["rows"]


def load(path: Path) -> dict:
    return run_child(
        f"""
import resource
from pathlib import Path
import polars as pl
from dashboard.ingest import load_file
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
raw = Path({str(path)!r}).read_bytes()
loaded = load_file({path.name!r}, raw)
assert loaded.ok, [p.line() for p in loaded.problems][:5]
__out["rows"] = loaded.rows_loaded
__out["read"] = loaded.rows_read
__out["rejected"] = loaded.rows_rejected
__out["duplicate"] = loaded.rows_duplicate
__out["before_mib"] = before
__out["hash"] = int(loaded.frame.hash_rows().sum())
""",
        runs=2,
    )


def report(label: str, path: Path, expected: int, result: dict) -> None:
    size = path.stat().st_size
    seconds = result["seconds"]
    upload = (result["peak_mib"] - result["before_mib"]) * (1 << 20) / size
    every = result["read"] == expected
    print(f"{label}: {path.name} ({size / 1e6:,.0f} MB)")
    print(
        f"  rows:        {result['rows']:,} loaded of {expected:,} in the file "
        f"(rejected {result['rejected']:,}, duplicates {result['duplicate']:,})"
        f"{'' if every else '  ← ROWS MISSING'}"
    )
    print(
        f"  load time:   {seconds:.2f} s (fresh process, best of 2: {result['all']}, imports "
        f"included); CPU {result['cpu']:.1f} s"
    )
    print(
        f"  throughput:  {result['rows'] / seconds / 1e6:.2f} M rows/s, {size / 1e6 / seconds:.0f} MB/s"
    )
    print(f"  peak memory: {result['peak_mib'] / 1024:.2f} GiB; upload {upload:.1f}× the file size")


def main() -> None:
    print(machine_load())
    data = enterprise_data()
    quoted = quoted_copies(data)
    files = [
        ("activity, unquoted", data / "employee_activity.csv"),
        ("activity, fully quoted", quoted["employee_activity"]),
        ("roster, fully quoted", quoted["roster"]),
    ]
    results = {}
    for label, path in files:
        expected = data_rows(path)
        results[label] = load(path)
        report(label, path, expected, results[label])
    same = results["activity, unquoted"]["hash"] == results["activity, fully quoted"]["hash"]
    print(f"quoted and unquoted logs give the same table: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
