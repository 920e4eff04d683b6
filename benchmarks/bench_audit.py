"""Audit benchmark: the whole audit at enterprise scale against a DuckDB baseline.

Baseline (fresh process): DuckDB reads the same activity CSV and computes participation
by department, monthly activity and the share of shares with commentary.
Audit (fresh process): `python -m dashboard audit --format json` on the roster, posts,
activity and questionnaire: load, all twelve criteria, the gap list, the JSON.
Re-scoring (in process, data already loaded and scored once): a new period (all but the
first month), then new weights.
Targets: audit ≤ 2× baseline time, peak < 2.5 GiB, re-scoring < 1.5 s.
"""

from __future__ import annotations

from common import enterprise_data, run_child


def main() -> None:
    data = enterprise_data()
    activity, roster = data / "employee_activity.csv", data / "roster.csv"
    baseline = run_child(
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
        runs=2,
    )
    audit = run_child(
        f"""
import contextlib, io
from dashboard.cli import main
files = ["--posts", {str(data / "company_posts.csv")!r}, "--activity", {str(activity)!r},
         "--roster", {str(roster)!r}, "--questionnaire", {str(data / "questionnaire.toml")!r}]
with contextlib.redirect_stdout(io.StringIO()) as out:
    assert main(["audit", "--format", "json", *files]) == 0
import json
card = json.loads(out.getvalue())
__out["measured"] = card["overall"]["measured"]
__out["score"] = card["overall"]["score"]
""",
        runs=1,
    )
    rescore = run_child(
        f"""
import time
from pathlib import Path
from dashboard.audit import Auditor
from dashboard.cli import load_inputs
from dashboard.period import Period
from dashboard.settings import Settings
pairs = [(Path(p), None) for p in {[str(data / f) for f in ("company_posts.csv", "employee_activity.csv", "roster.csv", "questionnaire.toml")]!r}]
dataset, _, _ = load_inputs(pairs)
auditor = Auditor(dataset)
auditor.scorecard()
full = auditor.period()
later = Period(full.start.replace(day=1, month=full.start.month % 12 + 1, year=full.start.year + (full.start.month == 12)), full.end)
t = time.perf_counter()
auditor.scorecard(Settings(), later)
__out["rescore_period"] = time.perf_counter() - t
t = time.perf_counter()
auditor.scorecard(Settings().with_criterion_weight("involvement", 3.0), later)
__out["rescore_weights"] = time.perf_counter() - t
""",
        runs=1,
    )
    ratio = audit["seconds"] / baseline["seconds"]
    print(f"data:             {data}")
    print(
        f"baseline DuckDB:  {baseline['seconds']:.2f} s, peak {baseline['peak_mib'] / 1024:.2f} GiB (fresh process, best of 2)"
    )
    print(
        f"full audit:       {audit['seconds']:.2f} s, peak {audit['peak_mib'] / 1024:.2f} GiB "
        f"({audit['measured']}/12 criteria measured, overall {audit['score']:.1f})"
    )
    print(f"ratio:            {ratio:.2f}× baseline (target ≤ 2×)")
    print(
        f"re-score period:  {rescore['rescore_period']:.2f} s (all but the first month; target < 1.5 s)"
    )
    print(f"re-score weights: {rescore['rescore_weights']:.3f} s")
    ok = ratio <= 2 and audit["peak_mib"] < 2.5 * 1024 and rescore["rescore_period"] < 1.5
    print("targets:          " + ("met" if ok else "MISSED"))


if __name__ == "__main__":
    main()
