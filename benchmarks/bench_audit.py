"""Audit benchmark: the whole audit at enterprise scale against a DuckDB baseline, re-scoring,
and a saved enterprise audit reopened.

Baseline (fresh process, best of 2): DuckDB reads the activity CSV and computes
participation by department, monthly activity and the share of shares with commentary.
Audit (fresh process, best of 2, for the log as generated and fully quoted):
`python -m dashboard audit --format json` on the roster, posts, activity and
questionnaire: load, twelve criteria, gaps, the JSON. The two JSON documents must be
identical. Re-scoring (in process, data prepared and scored once): new periods (all but
the first month, all but the last, one quarter, cut mid-month at both ends), new weights,
new targets. Saved audit: saved once (with the log's monthly sums) into a store under
bench_data/, then a fresh process opens the store, reads the audit's tables and sums and
re-scores it with new targets (timed from opening the store).
Targets: audit ≤ 2× baseline and peak ≤ 2.5 GiB; any period ≤ 1.5 s; weights or targets
≤ 50 ms; reopen and re-score ≤ 3 s.
"""

from __future__ import annotations

import os
import shutil

from common import DATA, data_paths, enterprise_data, machine_load, quoted_copies, run_child

RUNS = int(os.environ.get("PRESENZA_BENCH_RUNS", "2"))


def baseline(activity: str, roster: str) -> dict:
    return run_child(
        f"""
import duckdb
con = duckdb.connect()
con.execute("SET preserve_insertion_order=false")
con.execute("SET enable_progress_bar=false")
con.execute("CREATE TABLE a AS SELECT * FROM read_csv('{activity}', timestampformat='%Y-%m-%dT%H:%M:%S', types={{'source_post_id': 'VARCHAR', 'target_employee_id': 'VARCHAR', 'employee_id': 'VARCHAR'}})")
con.execute("CREATE TABLE r AS SELECT * FROM read_csv('{roster}')")
part = con.execute('''WITH active AS (SELECT DISTINCT employee_id FROM a)
    SELECT r.department, count(active.employee_id)::DOUBLE / count(*) FROM r
    LEFT JOIN active USING (employee_id) GROUP BY 1''').df()
monthly = con.execute("SELECT date_trunc('month', occurred_at) m, count(*), count(DISTINCT employee_id) FROM a GROUP BY 1").df()
share = con.execute("SELECT avg(with_commentary::INT) FROM a WHERE action = 'share'").fetchone()
__out["departments"] = len(part)
""",
        runs=RUNS,
    )


def audit(files: list[str]) -> dict:
    posts, activity, roster, questionnaire = files
    return run_child(
        f"""
import contextlib, hashlib, io, json
from dashboard.cli import main
files = ["--posts", {posts!r}, "--activity", {activity!r}, "--roster", {roster!r},
         "--questionnaire", {questionnaire!r}]
with contextlib.redirect_stdout(io.StringIO()) as out:
    assert main(["audit", "--format", "json", *files]) == 0
card = json.loads(out.getvalue())
__out["measured"] = card["overall"]["measured"]
__out["score"] = card["overall"]["score"]
__out["json"] = hashlib.sha256(out.getvalue().encode()).hexdigest()
""",
        runs=RUNS,
    )


def rescore(files: list[str]) -> dict:
    return run_child(
        f"""
import time
from datetime import timedelta
from pathlib import Path
from dashboard.audit import Auditor
from dashboard.terminal import load_inputs
from dashboard.period import Period
from dashboard.settings import Settings
dataset, _, _ = load_inputs([(Path(p), None) for p in {files!r}])
auditor = Auditor(dataset)
auditor.scorecard()
full = auditor.period()
second = (full.start.replace(day=1) + timedelta(days=32)).replace(day=1)
periods = {{
    "all but the first month": Period(second, full.end),
    "all but the last month": Period(full.start, full.end.replace(day=1) - timedelta(days=1)),
    "one quarter": Period(second, (second + timedelta(days=92)).replace(day=1) - timedelta(days=1)),
    "cut mid-month at both ends": Period(full.start + timedelta(days=9), full.end - timedelta(days=12)),
}}
times = {{}}
for label, period in periods.items():
    t = time.perf_counter()
    auditor.scorecard(Settings(), period)
    times[label] = time.perf_counter() - t
__out["periods"] = times
later = periods["all but the first month"]
t = time.perf_counter()
auditor.scorecard(Settings().with_criterion_weight("involvement", 3.0), later)
__out["weights"] = time.perf_counter() - t
targets = Settings(metrics={{"involvement.participation_rate": {{"target": 0.5}}}})
t = time.perf_counter()
auditor.scorecard(targets, later)
__out["targets"] = time.perf_counter() - t
""",
        runs=RUNS,
    )


def saved(files: list[str]) -> dict:
    """Save the audit into a fresh store once, then reopen and re-score it in fresh processes."""
    store = DATA / "store"
    shutil.rmtree(store, ignore_errors=True)
    environment = f"""
import os
os.environ["PRESENZA_DATA_DIR"] = {str(store)!r}
os.environ.pop("PRESENZA_DATABASE_URL", None)
os.environ.pop("PRESENZA_TABLES_URL", None)
"""
    written = run_child(
        environment
        + f"""
import time
from pathlib import Path
from dashboard.audit import Auditor
from dashboard.terminal import load_inputs
from dashboard.settings import Settings
from dashboard.store import create_workspace, open_store, save_audit
dataset, _, _ = load_inputs([(Path(p), None) for p in {files!r}])
auditor = Auditor(dataset)
card = auditor.scorecard()
engine = open_store(sample=False)
access = create_workspace(engine, "enterprise")
t = time.perf_counter()
__out["id"] = save_audit(
    engine, access, card, dataset, Settings(), saved_by="bench", sums=auditor.data.cube.sums
)
__out["save"] = time.perf_counter() - t
__out["score"] = card.score
"""
    )
    reopened = run_child(
        environment
        + f"""
import time
from dashboard.audit import Auditor
from dashboard.settings import Settings
from dashboard.store import load_dataset, load_sums, open_store, trusted_access
t = time.perf_counter()
engine = open_store(sample=False)
access = trusted_access(engine, "enterprise")
dataset = load_dataset(engine, access, {written["id"]})
sums = load_sums(engine, access, {written["id"]})
__out["read"] = time.perf_counter() - t
__out["sums"] = sums is not None
auditor = Auditor(dataset, sums=sums)
card = auditor.scorecard(Settings(metrics={{"involvement.participation_rate": {{"target": 0.5}}}}))
__out["reopen"] = time.perf_counter() - t
__out["rows"] = dataset.table("employee_activity").height
__out["same"] = abs(Auditor(dataset).scorecard().score - {written["score"]!r}) < 1e-9
""",
        runs=RUNS,
    )
    size = sum(f.stat().st_size for f in (store / "tables").rglob("*.parquet"))
    database = (store / "presenza.db").stat().st_size
    return {**reopened, "save": written["save"], "files_mb": size / 1e6, "db_mb": database / 1e6}


def main() -> None:
    print(machine_load())
    data = enterprise_data()
    files = data_paths(data)
    quoted = data_paths(data, quoted_copies(data)["employee_activity"])
    base = baseline(files[1], files[2])
    print(f"data: {data}")
    print(
        f"baseline DuckDB:       {base['seconds']:.2f} s (runs {base['all']}), CPU "
        f"{base['cpu']:.1f} s, peak {base['peak_mib'] / 1024:.2f} GiB"
    )
    ok = True
    audits = {}
    for label, inputs in (("unquoted log", files), ("fully quoted log", quoted)):
        result = audits[label] = audit(inputs)
        ratio = result["seconds"] / base["seconds"]
        peak = result["peak_mib"] / 1024
        print(
            f"full audit, {label}: {result['seconds']:.2f} s (runs {result['all']}), CPU "
            f"{result['cpu']:.1f} s, peak {peak:.2f} GiB; {ratio:.2f}× baseline "
            f"({result['measured']}/12 criteria measured, overall {result['score']:.2f}); "
            "targets ≤ 2×, ≤ 2.5 GiB"
        )
        ok &= ratio <= 2 and peak <= 2.5
    same = len({r["json"] for r in audits.values()}) == 1
    print(f"quoted and unquoted logs give identical JSON: {'yes' if same else 'NO'}")
    ok &= same
    again = rescore(files)
    for label, seconds in again["periods"].items():
        print(f"re-score a new period, {label}: {seconds:.2f} s (target ≤ 1.5 s)")
    print(f"re-score new weights: {again['weights'] * 1000:.1f} ms (target ≤ 50 ms)")
    print(f"re-score new targets: {again['targets'] * 1000:.1f} ms (target ≤ 50 ms)")
    ok &= max(again["periods"].values()) <= 1.5 and max(again["weights"], again["targets"]) <= 0.05
    kept = saved(files)
    print(
        f"saved audit: saved in {kept['save']:.1f} s as {kept['files_mb']:.0f} MB of Parquet "
        f"files, database {kept['db_mb']:.1f} MB; reopened ({kept['rows']:,} actions) and "
        f"re-scored in {kept['reopen']:.2f} s (reading tables and kept sums "
        f"{kept['read']:.2f} s; whole process {kept['seconds']:.2f} s, CPU "
        f"{kept['cpu']:.1f} s), same score: {'yes' if kept['same'] else 'NO'}; target ≤ 3 s"
    )
    ok &= kept["reopen"] <= 3 and kept["same"]
    print("targets: " + ("met" if ok else "MISSED"))


if __name__ == "__main__":
    main()
