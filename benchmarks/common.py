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

# A child prints this line last: {"seconds": …, "peak_mib": …, …}
CHILD_FOOTER = """
import json, resource, time
print(json.dumps({"seconds": time.perf_counter() - __t0, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **__out}))
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


def run_child(body: str, runs: int = 1) -> dict:
    """Run `body` (which fills the dict `__out`) in fresh processes; best time, highest peak."""
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
    best = min(results, key=lambda r: r["seconds"])
    best["peak_mib"] = max(r["peak_mib"] for r in results)
    return best
