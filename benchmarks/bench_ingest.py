"""Ingest benchmark: read the enterprise activity log (~10M rows) with the product's loader.

Prints rows per second and peak memory of a fresh process that loads the file
exactly as an upload does (bytes in memory → sniff → chunked parse → typed table).
"""

from __future__ import annotations

from common import enterprise_data, run_child


def main() -> None:
    data = enterprise_data()
    activity = data / "employee_activity.csv"
    size_mb = activity.stat().st_size / 1e6
    result = run_child(
        f"""
from pathlib import Path
from dashboard.ingest import load_file
raw = Path({str(activity)!r}).read_bytes()
loaded = load_file("employee_activity.csv", raw)
assert loaded.ok, [p.line() for p in loaded.problems][:5]
__out["rows"] = loaded.rows_loaded
__out["rejected"] = loaded.rows_rejected
""",
        runs=2,
    )
    rows = result["rows"]
    print(f"file:        {activity} ({size_mb:,.0f} MB)")
    print(f"rows loaded: {rows:,} (rejected {result['rejected']:,})")
    print(f"load time:   {result['seconds']:.2f} s (fresh process, best of 2, imports included)")
    print(
        f"throughput:  {rows / result['seconds'] / 1e6:.2f} M rows/s, {size_mb / result['seconds']:.0f} MB/s"
    )
    print(f"peak memory: {result['peak_mib'] / 1024:.2f} GiB")


if __name__ == "__main__":
    main()
