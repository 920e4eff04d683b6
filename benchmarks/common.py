"""Shared by the benchmarks: the enterprise data set, and running a step as a fresh process.

Every measured step runs in its own Python process (what a user's upload or a CLI
run is), and reports its own wall time and peak resident memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("PRESENZA_BENCH_DATA", ROOT / "bench_data"))
EMPLOYEES = int(os.environ.get("PRESENZA_BENCH_EMPLOYEES", "233000"))

# A child prints this line last: {"seconds": …, "cpu": …, "peak_mib": …, …}
CHILD_FOOTER = """
import json, resource, time
__usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - __t0, "cpu": __usage.ru_utime + __usage.ru_stime, "peak_mib": __usage.ru_maxrss / 1024, **__out}, default=str))
"""


def enterprise_data() -> Path:
    """Generate the enterprise company once (233,000 employees, 12 months, ~10M actions)."""
    out = DATA / f"enterprise_{EMPLOYEES}"
    if not (out / "employee_activity.csv").exists():
        print(f"generating {EMPLOYEES:,} employees × 12 months into {out} …", flush=True)
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "dashboard",
                "sample",
                "--employees",
                str(EMPLOYEES),
                "--months",
                "12",
                "--seed",
                "1",
                "--out",
                str(out),
            ],
            check=True,
            cwd=ROOT,
        )
        print(f"generated in {time.perf_counter() - started:.1f} s", flush=True)
    return out


def data_paths(data: Path, activity: Path | None = None) -> list[str]:
    """The enterprise company's files, as `audit` reads them (another activity log if given)."""
    names = ("company_posts.csv", "employee_activity.csv", "roster.csv", "questionnaire.toml")
    paths = [data / n for n in names]
    if activity is not None:
        paths[1] = activity
    return [str(p) for p in paths]


def quoted_copies(data: Path) -> dict[str, Path]:
    """The fully quoted activity log and roster, under the same names in `quoted/` (so an
    audit of them prints the same JSON): every text field of the log in double quotes
    (`QUOTE_NONNUMERIC`, as pandas, Excel and advocacy tools write them), every field of
    the roster. Written once, by a child process (a process's peak memory passes to the
    processes it starts)."""
    out = {}
    for name, style in (("employee_activity", "non_numeric"), ("roster", "always")):
        target = data / "quoted" / f"{name}.csv"
        if not target.exists():
            target.parent.mkdir(exist_ok=True)
            run_child(
                f"""
import polars as pl
frame = pl.read_csv({str(data / f"{name}.csv")!r}, infer_schema_length=100_000)
frame.write_csv({str(target)!r}, quote_style={style!r})
"""
            )
        out[name] = target
    return out


def run_child(body: str, runs: int = 1) -> dict:
    """Run `body` (which fills the dict `__out`) in fresh processes; best time (with that
    run's CPU), highest peak, and every run's time in `all`."""
    code = "import time\n__t0 = time.perf_counter()\n__out = {}\n" + body + CHILD_FOOTER
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT
        )
        if done.returncode:
            raise SystemExit(done.stderr)
        last = [line for line in done.stdout.splitlines() if line.startswith("{")][-1]
        results.append(json.loads(last))
    best = dict(min(results, key=lambda r: r["seconds"]))
    best["peak_mib"] = max(r["peak_mib"] for r in results)
    best["all"] = [round(r["seconds"], 2) for r in results]
    return best


def machine_load() -> str:
    """The load averages, to print beside wall times (other processes share the cores)."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"
