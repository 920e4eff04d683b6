"""Audit benchmark: the whole audit at enterprise scale against a DuckDB baseline.

Baseline (fresh process): DuckDB reads the same activity CSV and computes participation
by department, monthly activity and the share of shares with commentary.
Audit (fresh process): load roster, posts, activity and questionnaire with the product's
loader and compute the full scorecard (all twelve criteria and the gap list).
Re-scoring (in process, data already loaded): a new period, then new weights.
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
from pathlib import Path
from dashboard.audit import Auditor
from dashboard.ingest import Dataset, load_file
dataset = Dataset()
for path in sorted(Path({str(data)!r}).iterdir()):
    if path.suffix in (".csv", ".toml"):
        loaded = load_file(path.name, path.read_bytes())
        assert loaded.ok, [p.line() for p in loaded.problems][:5]
        dataset = dataset.add(loaded)
auditor = Auditor(dataset)
card = auditor.scorecard()
__out["measured"] = card.measured
__out["score"] = card.score
import time
from dataclasses import replace
from dashboard.settings import Settings
period = auditor.period()
t = time.perf_counter()
half = replace(period, start=period.end.replace(day=1))
auditor.scorecard(Settings(), half)
__out["rescore_period"] = time.perf_counter() - t
t = time.perf_counter()
auditor.scorecard(Settings().with_criterion_weight("involvement", 3.0), half)
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
    print(f"re-score period:  {audit['rescore_period']:.2f} s (target < 1.5 s)")
    print(f"re-score weights: {audit['rescore_weights']:.3f} s")
    ok = ratio <= 2 and audit["peak_mib"] < 2.5 * 1024 and audit["rescore_period"] < 1.5
    print("targets:          " + ("met" if ok else "MISSED"))


if __name__ == "__main__":
    main()
