"""Dashboard benchmark: the real pages, run by Streamlit's AppTest, with the enterprise
company loaded into the session (as an upload leaves it).

Measured, each in the same process as a browser session's script runs: the first view
(prepare and score once), every page switch, and a period change (the whole year but
its last or first month, a period cut mid-month at both ends), two on the overview
and two on the people page, none scored before. Targets: page switch ≤ 1 s, period
change ≤ 1.5 s.
"""

from __future__ import annotations

import sys

from common import data_paths, enterprise_data, machine_load, run_child

PAGES = ("overview", "criteria", "people", "gaps", "settings", "data", "audits")


def main() -> None:
    data = enterprise_data()
    files = data_paths(data)
    result = run_child(
        f"""
import time
from datetime import timedelta
from pathlib import Path
from streamlit.testing.v1 import AppTest
from dashboard.terminal import load_inputs
from dashboard.ui.state import Session
dataset, _, _ = load_inputs([(Path(p), None) for p in {files!r}])
at = AppTest.from_file("streamlit_app.py", default_timeout=600)
at.context = {{"locale": "en-US"}}
at.session_state["session"] = Session(dataset=dataset)
t = time.perf_counter()
at.run()
assert not at.exception, [e.value for e in at.exception]
__out["first"] = time.perf_counter() - t
switches = {{}}
for round_ in range(2):
    for page in {PAGES!r}:
        t = time.perf_counter()
        at.switch_page(f"dashboard/app_pages/{{page}}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
        switches[page] = min(switches.get(page, 1e9), time.perf_counter() - t)
__out["switches"] = switches
picker = at.date_input(key="period_sidebar")
start, end = picker.value
# Four periods never scored before in this session, two on each page.
periods = {{
    "overview": {{
        "year minus its last month": (start, (end.replace(day=1) - timedelta(days=1))),
        "cut mid-month at both ends": (start + timedelta(days=9), end - timedelta(days=12)),
    }},
    "people": {{
        "year minus its first month": ((start.replace(day=1) + timedelta(days=32)).replace(day=1), end),
        "cut mid-month at both ends": (start + timedelta(days=20), end - timedelta(days=5)),
    }},
}}
changes = {{}}
for page in ("overview", "people"):
    at.switch_page(f"dashboard/app_pages/{{page}}.py").run()
    for label, (low, high) in periods[page].items():
        t = time.perf_counter()
        at.date_input(key="period_sidebar").set_value((low, high)).run()
        assert not at.exception, [e.value for e in at.exception]
        changes[f"{{page}}, {{label}}"] = time.perf_counter() - t
        at.date_input(key="period_sidebar").set_value((start, end)).run()
__out["changes"] = changes
""",
        runs=1,
    )
    print(machine_load())
    print(f"dashboard, {data.name}: first view (prepare + score) {result['first']:.2f} s")
    worst = max(result["switches"].values())
    for page, seconds in result["switches"].items():
        print(f"  page switch to {page:9s} {seconds:.2f} s")
    print(f"  slowest page switch: {worst:.2f} s (target ≤ 1 s)")
    slowest = max(result["changes"].values())
    for label, seconds in result["changes"].items():
        print(f"  period change, {label}: {seconds:.2f} s")
    print(f"  slowest period change: {slowest:.2f} s (target ≤ 1.5 s)")
    print(f"  process: peak {result['peak_mib'] / 1024:.2f} GiB, CPU {result['cpu']:.1f} s")
    ok = worst <= 1 and slowest <= 1.5
    print("  targets: " + ("met" if ok else "MISSED"))
    sys.exit(0)


if __name__ == "__main__":
    main()
