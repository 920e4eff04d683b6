"""A log larger than memory: 100 million actions, audited by `python -m dashboard audit`.

The log is the enterprise company's year (10 M actions) repeated over ten consecutive
years (each copy's dates moved on by one more year), written once into
bench_data/huge_<employees>/ by polars' streaming engine; roster, posts and questionnaire
are the enterprise company's. The audit runs as a fresh process and must stay within
8 GiB: the log is read chunk by chunk into Parquet files (the same loader, the same load
report) and the engine streams them (`ingest.spill`). Printed: rows, time, CPU, peak.
"""

from __future__ import annotations

import os
import shutil
import time

from common import DATA, EMPLOYEES, data_paths, enterprise_data, machine_load, run_child

YEARS = int(os.environ.get("PRESENZA_BENCH_YEARS", "10"))


def huge_log(data) -> str:
    folder = DATA / f"huge_{EMPLOYEES}_{YEARS}y"
    target = folder / "employee_activity.csv"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"writing {YEARS} years of {data.name}'s activity into {target} …", flush=True)
        started = time.perf_counter()
        run_child(
            f"""
import polars as pl
source = pl.scan_csv({str(data / "employee_activity.csv")!r}, infer_schema=False)
year = pl.col("occurred_at").str.slice(0, 4).cast(pl.Int32)
copies = [
    source.with_columns(
        occurred_at=(year + k).cast(pl.String) + pl.col("occurred_at").str.slice(4)
    )
    for k in range({YEARS})
]
pl.concat(copies).sink_csv({str(target) + ".part"!r})
"""
        )
        os.replace(str(target) + ".part", target)
        print(f"written in {time.perf_counter() - started:.0f} s", flush=True)
    return str(target)


def main() -> None:
    print(machine_load())
    data = enterprise_data()
    files = data_paths(data, huge_log(data))
    posts, activity, roster, questionnaire = files
    store = DATA / "huge_store"
    shutil.rmtree(store, ignore_errors=True)
    result = run_child(
        f"""
import contextlib, io, json, os
os.environ["PRESENZA_DATA_DIR"] = {str(store)!r}
from dashboard.cli import main
files = ["--posts", {posts!r}, "--activity", {activity!r}, "--roster", {roster!r},
         "--questionnaire", {questionnaire!r}]
with contextlib.redirect_stdout(io.StringIO()) as out:
    assert main(["audit", "--format", "json", *files]) == 0
card = json.loads(out.getvalue())
log = next(i for i in card["inputs"] if i["table"] == "employee_activity")
__out["rows"] = log["rows_loaded"]
__out["measured"] = card["overall"]["measured"]
__out["score"] = card["overall"]["score"]
__out["period"] = card["period"]
"""
    )
    size = os.path.getsize(activity)
    peak = result["peak_mib"] / 1024
    print(f"log: {activity} ({size / 1e9:.1f} GB, {result['rows']:,} actions loaded)")
    print(
        f"full audit out of memory: {result['seconds']:.0f} s, CPU {result['cpu']:.0f} s, "
        f"peak {peak:.2f} GiB (target ≤ 8 GiB); {result['rows'] / result['seconds'] / 1e6:.2f} "
        f"M actions/s; {result['measured']}/12 criteria measured, overall "
        f"{result['score']:.2f}, period {result['period']['start']} – {result['period']['end']}"
    )
    print("targets: " + ("met" if peak <= 8 else "MISSED"))


if __name__ == "__main__":
    main()
