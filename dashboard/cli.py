"""`python -m dashboard …`: the audit pipeline from a terminal, saved audits, the sample generator.

Exit codes: 0 success, 2 bad input (the load report goes to stderr, one problem a
line; an unknown workspace or audit), 1 the audit store could not be reached or
written. A user never sees a traceback: every expected failure is a sentence.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from dashboard import cli_plan
from dashboard.criteria.advice import recommendation
from dashboard.i18n import LANGS, Lang, english, t
from dashboard.messages import msg
from dashboard.report.citations import seed_titles
from dashboard.report_command import add_report
from dashboard.terminal import (
    EXIT_BAD_INPUT,
    add_input_flags,
    prepared_audit,
    store_call,
    workspace_slug,
)

# A scheduled `audit --save` proves it owns the workspace with the token made for it.
TOKEN_VARIABLE = cli_plan.TOKEN_VARIABLE


def _add_audit(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit",
        help="score exports against the twelve criteria",
        description="Audit a company's exports. With no input files, audits the bundled sample company.",
    )
    add_input_flags(p)
    p.add_argument("--lang", choices=LANGS, default="it", help="language of the text output")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--save",
        type=workspace_slug,
        metavar="WORKSPACE",
        help="also save the audit in this workspace of the store: it must exist, and "
        f"{TOKEN_VARIABLE} must hold its save token (made on the Saved audits page)",
    )
    p.add_argument("--name", help="the saved audit's name (default: its period)")
    p.set_defaults(run=run_audit_command)


def run_audit_command(args: argparse.Namespace) -> int:
    from dashboard.document import to_document

    if args.save:  # before the work: a job that may not save learns it at once
        code = store_call(check_job, args.save)
        if code:
            return code
    with prepared_audit(args, quiet_info=args.format == "json") as prepared:
        if isinstance(prepared, int):
            return prepared
        scorecard, dataset, settings = prepared.scorecard, prepared.dataset, prepared.settings
        if args.save:
            code = store_call(
                save_to_store,
                args.save,
                args.name,
                scorecard,
                dataset,
                settings,
                prepared.auditor.data.cube.sums,
            )
            if code:
                return code
        if args.format == "json":
            out = to_document(scorecard)
            out["inputs"] = [r.summary() for r in prepared.results]
            print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        else:
            print(render_text(scorecard, args.lang))
    return 0


def render_text(scorecard, lang: Lang) -> str:
    """A readable audit summary for a terminal."""
    from dashboard.gaps import gap_list
    from dashboard.i18n import format_value
    from dashboard.report.tables import period_text
    from dashboard.sentences import criterion_line, metric_sentence, overall_line

    lines = [
        t("app.title", lang),
        f"{t('audit.period', lang)}: {period_text(scorecard.period, lang)}",
        overall_line(scorecard, lang),
        "",
    ]
    lines.append(t("audit.criteria", lang).upper())
    for c in scorecard.criteria:
        lines.append(f"  {criterion_line(c, lang)}")
        for m in c.metrics:
            lines.append(f"      · {metric_sentence(m, lang)}")
    lines += ["", t("audit.gaps", lang).upper()]
    gaps = gap_list(scorecard)
    if not gaps:
        lines.append("  " + t("audit.no_gaps", lang))
    for rank, gap in enumerate(gaps, start=1):
        spec = gap.metric.spec
        value = format_value(gap.metric.value, spec.unit, lang)
        target = format_value(gap.metric.target, spec.unit, lang)
        lines.append(
            f"  {rank:>2}. [{gap.priority:.0f}] {gap.criterion.spec.title[lang]} — {spec.title[lang]}: "
            f"{value} → {t('audit.target', lang)} {target}"
        )
        lines.append(f"      {recommendation(gap.metric, lang)}")
        lines.append(f"      {t('audit.seed', lang)}: {seed_titles(gap.criterion.spec.seed, lang)}")
        if spec.reference[lang]:
            lines.append(f"      {t('audit.reference', lang)}: {spec.reference[lang]}")
    return "\n".join(lines)


def check_job(engine, workspace: str) -> int:
    """Whether this job may save into `workspace`: it exists and the token is its own."""
    from dashboard.store.workspaces import job_access

    job_access(engine, workspace, os.environ.get(TOKEN_VARIABLE))
    return 0


def save_to_store(
    engine, workspace: str, name: str | None, scorecard, dataset, settings, sums=None
) -> int:
    """Save the audit just computed into a workspace this job owns (its save token says so).

    The job never creates the workspace: a name taken by someone else first would
    otherwise receive the client's audit, names included.
    """
    from dashboard.store import audit_info, job_access, save_audit

    access = job_access(engine, workspace, os.environ.get(TOKEN_VARIABLE))
    audit_id = save_audit(
        engine, access, scorecard, dataset, settings, saved_by=_user(), name=name, sums=sums
    )
    number = audit_info(engine, access, audit_id).number
    print(english(msg("cli.saved", id=str(number), workspace=workspace)), file=sys.stderr)
    return 0


def _user() -> str:
    """Who saves from a terminal: the login name (a scheduled job's account, typically)."""
    import getpass

    try:
        return getpass.getuser()
    except OSError:  # no login name and no password entry, as in some containers
        return "terminal"


def _add_audits(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audits",
        help="read saved audits back from the store",
        description="Saved audits, from the store PRESENZA_DATABASE_URL names "
        "(default: data/presenza.db).",
    )
    verbs = p.add_subparsers(dest="verb", required=True)
    listing = verbs.add_parser("list", help="the audits saved in a workspace, newest first")
    listing.add_argument("workspace", metavar="WORKSPACE")
    listing.add_argument("--lang", choices=LANGS, default="it", help="language of the levels")
    listing.set_defaults(run=lambda args: store_call(list_command, args.workspace, args.lang))
    show = verbs.add_parser("show", help="one saved audit: its scorecard, gaps and inputs")
    show.add_argument("workspace", metavar="WORKSPACE")
    show.add_argument("number", type=int, metavar="NUMBER", help="as `audits list` numbers it")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--lang", choices=LANGS, default="it", help="language of the text output")
    show.set_defaults(
        run=lambda args: store_call(
            show_command, args.workspace, args.number, args.format, args.lang
        )
    )


def list_command(engine, workspace: str, lang: Lang) -> int:
    from dashboard.store import list_audits, trusted_access

    audits = list_audits(engine, trusted_access(engine, workspace))
    if not audits:
        print(english(msg("cli.no_audits", workspace=workspace)))
        return 0
    rows = [("no.", "name", "period", "saved at", "score", "level", "current")]
    for a in audits:
        score = "—" if a.overall_score is None else f"{a.overall_score:.1f}"
        saved = a.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        current = "*" if a.is_current else ""
        rows.append(
            (
                str(a.number),
                a.name,
                a.period.label(),
                saved,
                score,
                a.level_name(lang) or "—",
                current,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


def show_command(engine, workspace: str, number: int, output: str, lang: Lang) -> int:
    from dashboard.store import audit_numbered, get_audit, trusted_access

    access = trusted_access(engine, workspace)
    audit = get_audit(engine, access, audit_numbered(engine, access, number))
    info = audit.info
    if output == "json":
        out = {
            **audit.scorecard,
            "inputs": audit.inputs,
            "audit": {
                "number": info.number,
                "workspace": workspace,
                "name": info.name,
                "saved_by": info.saved_by,
                "saved_at": info.saved_at.isoformat(),
                "is_current": info.is_current,
                "tables": audit.tables,
                "settings": audit.settings_toml,
                "questionnaire": audit.questionnaire_toml,
            },
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    saved = info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    current = t("cli.current", lang) if info.is_current else ""
    line = dict(
        id=str(info.number), name=info.name, workspace=workspace, by=info.saved_by, at=saved
    )
    print(t("cli.saved_line", lang, **line, current=current))
    print(render_text(audit.to_scorecard(), lang))
    return 0


def _add_sample(sub: argparse._SubParsersAction) -> None:
    from dashboard import sample

    p = sub.add_parser("sample", help="write a realistic sample company in the canonical format")
    sample.add_arguments(p)
    p.set_defaults(run=sample.run)


def _add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="start the dashboard (Streamlit) on the bundled sample data")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default="127.0.0.1")
    p.set_defaults(run=run_serve)


def streamlit_flags() -> list[str]:
    """The project's .streamlit/config.toml as command-line flags, so an installed package
    (started from any folder) runs with the same settings as `make run` in a checkout.

    An option set in the environment (STREAMLIT_SERVER_MAX_UPLOAD_SIZE…) is left to it,
    and the address and port are `serve`'s own arguments.
    """
    import re
    import tomllib

    here = Path(__file__).resolve().parent
    config = here / "streamlit_config.toml"
    if not config.exists():
        config = here.parent / ".streamlit" / "config.toml"
    if not config.exists():
        return []
    flags = []
    for section, options in tomllib.loads(config.read_text("utf-8")).items():
        for name, value in options.items():
            variable = f"STREAMLIT_{section}_{re.sub(r'(?<!^)(?=[A-Z])', '_', name)}".upper()
            if variable in os.environ or f"{section}.{name}" in ("server.address", "server.port"):
                continue
            text = (
                json.dumps(value)
                if isinstance(value, list)
                else str(value).lower()
                if isinstance(value, bool)
                else str(value)
            )
            flags.append(f"--{section}.{name}={text}")
    return flags


def run_serve(args: argparse.Namespace) -> int:
    import subprocess

    from dashboard.deployment import read_secrets, startup_problem

    problem = startup_problem(args.address, read_secrets())
    if problem is not None:  # a shared server with no sign-in: refuse before starting
        print(english(problem), file=sys.stderr)
        return EXIT_BAD_INPUT

    app = Path(__file__).resolve().parent / "ui" / "app.py"
    command = [sys.executable, "-m", "streamlit", "run", str(app), *streamlit_flags()]
    command += ["--server.port", str(args.port), "--server.address", args.address]
    return subprocess.call(command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard", description="Presenza: social presence audit."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    _add_audit(sub)
    _add_audits(sub)
    cli_plan.add_parsers(sub, _user)
    add_report(sub)
    _add_sample(sub)
    _add_serve(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head`: the reader left; not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except MemoryError:
        print(english(msg("cli.no_memory")), file=sys.stderr)
        return EXIT_BAD_INPUT
