"""Capacity benchmark: 1 and then 20 concurrent sessions on the bundled sample, one server.

Each scenario starts a fresh server (`streamlit run streamlit_app.py`, its own data
folder), opens one session (the cold start: imports, the sample read and prepared;
timed and printed apart) and then drives it with `stclient.StreamlitSession`s, the browser's websocket
protocol without a browser, all in this one process: a session opens the Overview,
switches through Criteria, People, Gaps and back to the Overview, changes the period
twice on the Overview and once on People (periods no other session picks, so nothing
is shared that real users would not share), and does it all again, with a random pause
of up to `--think` seconds between steps. All sessions start together.

Printed per scenario: the server-side time to render (rerun request to
`script_finished`) of opening the Overview, of a page switch and of a period change
(p50 and p95), errors (exceptions, the app's error box, lost connections), the
server's resident memory before and at its peak, and the CPU this client used.
Targets with 20 sessions: p95 ≤ 2 s page switch, ≤ 3 s period change, no errors,
server memory ≤ 1 GB.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import ROOT, machine_load
from stclient import StreamlitSession, wait_for_server

from dashboard.i18n import t

PAGES = ("criteria", "people", "gaps", "overview")
ERROR_TEXTS = (t("ui.error", "en"), t("ui.error", "it"))
SPAN = (date(2025, 11, 1), date(2026, 10, 31))  # the bundled sample's data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory_mib(pid: int) -> dict[str, float]:
    """The process's resident memory now and at its peak (VmRSS, VmHWM), in MiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) / 1024
    return values


def cpu_seconds(pid: int) -> float:
    """The CPU time the process has used so far (user and system, all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def periods(session: int) -> list[tuple[date, date]]:
    """Three periods of the sample's year that no other session picks."""
    start, end = SPAN
    return [
        (start + timedelta(days=session + 1), end - timedelta(days=31)),
        (start + timedelta(days=40 + session), end - timedelta(days=session)),
        (start + timedelta(days=95 + 2 * session), end),
    ]


async def one_session(url: str, n: int, rounds: int, think: float, times: dict) -> None:
    rng = random.Random(n)

    async def pause() -> None:
        await asyncio.sleep(rng.uniform(0, think))

    def record(kind: str, run) -> None:
        times[kind].append(run.seconds)
        times["errors"].extend(run.errors)

    async with StreamlitSession(url, error_texts=ERROR_TEXTS) as session:
        record("open", await session.open())
        chosen = periods(n)
        for round_ in range(rounds):
            for page in PAGES:
                await pause()
                record("switch", await session.switch(page))
            for step, (start, end) in enumerate(chosen):
                if step == 2:
                    await pause()
                    record("switch", await session.switch("people"))
                await pause()
                shift = timedelta(days=round_)  # the second round's periods are new too
                record("period", await session.set_dates("period_sidebar", start + shift, end))
            await pause()
            record("switch", await session.switch("overview"))


async def first_open(url: str) -> float:
    """The first visitor of a fresh server (imports, the sample read and prepared)."""
    async with StreamlitSession(url, error_texts=ERROR_TEXTS) as session:
        run = await session.open()
    if run.errors:
        raise SystemExit(f"the first session failed: {run.errors}")
    return run.seconds


async def scenario(url: str, sessions: int, rounds: int, think: float) -> dict:
    times: dict[str, list] = {"open": [], "switch": [], "period": [], "errors": []}

    async def guarded(n: int) -> None:
        try:
            await one_session(url, n, rounds, think, times)
        except Exception as error:  # a lost connection is an error of the run, not a crash
            times["errors"].append(f"session {n}: {type(error).__name__}: {error}")

    started = time.perf_counter()
    await asyncio.gather(*(guarded(n) for n in range(sessions)))
    times["wall"] = time.perf_counter() - started
    return times


def quantiles(values: list[float]) -> tuple[float, float]:
    if not values:
        return float("nan"), float("nan")
    if len(values) == 1:
        return values[0], values[0]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return statistics.median(values), cuts[94]


def drive(url: str, sessions: int, rounds: int, think: float) -> None:
    """Drive a server that is already running (no memory figures)."""
    cpu = time.process_time()
    times = asyncio.run(scenario(url, sessions, rounds, think))
    report(sessions, times, float("nan"), float("nan"), time.process_time() - cpu)


def run_scenario(sessions: int, rounds: int, think: float, app: Path = ROOT) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="presenza-capacity-") as data:
        env = {**os.environ, "PRESENZA_DATA_DIR": data}
        env.pop("PRESENZA_DATABASE_URL", None)
        command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py"]
        command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
        log = open(Path(data) / "server.log", "w")  # noqa: SIM115 (closed below)
        server = subprocess.Popen(command, cwd=app, env=env, stdout=log, stderr=log)
        try:
            asyncio.run(wait_for_server(url))
            before = memory_mib(server.pid)["VmRSS"]
            cold = asyncio.run(first_open(url))
            cpu, server_cpu = time.process_time(), cpu_seconds(server.pid)
            times = asyncio.run(scenario(url, sessions, rounds, think))
            client_cpu = time.process_time() - cpu
            times["server_cpu"] = cpu_seconds(server.pid) - server_cpu
            peak = memory_mib(server.pid)["VmHWM"]
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
        print(f"fresh server: the first session opened the Overview in {cold:.2f} s")
        report(sessions, times, before, peak, client_cpu)
        if server.returncode not in (0, -15):
            print(Path(data, "server.log").read_text()[-3000:])


def report(sessions: int, times: dict, before: float, peak: float, client_cpu: float) -> None:
    print(f"{sessions} session{'s' if sessions > 1 else ''} ({times['wall']:.1f} s in all):")
    for kind, label in (("open", "open the Overview"), ("switch", "page switch"),
                        ("period", "period change")):  # fmt: skip
        p50, p95 = quantiles(times[kind])
        print(f"  {label:18s} p50 {p50:6.2f} s   p95 {p95:6.2f} s   ({len(times[kind])} runs)")
    errors = times["errors"]
    print(f"  errors: {len(errors)}" + "".join(f"\n    {e}" for e in errors[:5]))
    print(f"  server memory: {before:.0f} MiB before, peak {peak:.0f} MiB")
    if "server_cpu" in times:
        runs = sum(len(times[kind]) for kind in ("open", "switch", "period"))
        used = times["server_cpu"]
        print(
            f"  server CPU: {used:.1f} s for {runs} runs ({used / runs * 1000:.0f} ms a run), "
            f"{used / times['wall']:.2f} cores on average"
        )
    print(f"  this client's CPU: {client_cpu:.1f} s over {times['wall']:.1f} s")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", default="1,20", help="comma-separated scenarios")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--think", type=float, default=1.0, help="longest pause between steps (s)")
    parser.add_argument("--url", help="drive this running server instead of starting one")
    parser.add_argument(
        "--app", type=Path, default=ROOT, help="serve the checkout in this folder (to compare)"
    )
    args = parser.parse_args()
    print(machine_load())
    for sessions in (int(n) for n in args.sessions.split(",")):
        if args.url:
            drive(args.url, sessions, args.rounds, args.think)
        else:
            run_scenario(sessions, args.rounds, args.think, args.app)
    print("targets with 20 sessions: p95 ≤ 2 s page switch, ≤ 3 s period change, no errors, ≤ 1 GB")


if __name__ == "__main__":
    main()
