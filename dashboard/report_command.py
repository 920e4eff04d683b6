"""`python -m dashboard report`: a consultant's deliverable (PPTX, PDF or XLSX) from a terminal.

From files, with the same flags as `audit` (the bundled sample when none):
    python -m dashboard report --roster roster.xlsx … --out acme.pptx --lang en --client "Acme"
From a saved audit (the workspace's current one unless `--audit` names another by its number
in the workspace), with its brand, on the same terms as `audits show` (the terminal is trusted):
    python -m dashboard report --workspace acme-spa --audit 3 --out acme.pdf

Exit 2 with a sentence on bad input (an unknown format, a logo that is not one, a file
that does not load, an unknown workspace or audit), 1 when the store cannot be reached.
Imports stay inside the functions: `python -m dashboard --help` must stay quick.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.i18n import LANGS, english
from dashboard.messages import Msg, msg
from dashboard.terminal import (
    EXIT_BAD_INPUT,
    add_input_flags,
    prepared_audit,
    store_call,
    workspace_slug,
)

EXTENSIONS = ("pptx", "pdf", "xlsx")


def add_report(sub: argparse._SubParsersAction) -> None:

    p = sub.add_parser(
        "report",
        help="write the consultant's deliverable: PPTX, PDF or XLSX",
        description="Write an audit as an editable PowerPoint, a PDF or an analysts' workbook. "
        "From files (the same flags as `audit`; the bundled sample when none) or, with "
        "--workspace, from a saved audit.",
    )
    add_input_flags(p)
    p.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="FILE.pptx, FILE.pdf or FILE.xlsx"
    )
    p.add_argument("--lang", choices=LANGS, default="it", help="language of the deliverable")
    p.add_argument("--client", help="the client's name on the cover (default: the workspace's)")
    p.add_argument("--logo", type=Path, metavar="FILE", help="the client's logo, PNG or SVG")
    p.add_argument("--color", help="the brand's primary colour, like #0072B2")
    p.add_argument("--author", help="who prepared it (default: who saved the audit, or Presenza)")
    p.add_argument(
        "--names",
        action="store_true",
        help="show employees' names from the roster (default: pseudonymous ids only)",
    )
    p.add_argument(
        "--workspace", type=workspace_slug, metavar="SLUG", help="a saved audit's workspace"
    )
    p.add_argument(
        "--audit",
        type=int,
        metavar="ID",
        help="the saved audit's number in its workspace (default: the current one)",
    )
    p.set_defaults(run=run_report)


def _fail(message: Msg | str) -> int:
    """Say what is wrong (a message in English; an OS error's own words) and exit 2."""
    print(english(message), file=sys.stderr)
    return EXIT_BAD_INPUT


def run_report(args: argparse.Namespace) -> int:
    from dashboard.report.logo import LogoError, logo_png
    from dashboard.store.brand import COLOR

    extension = args.out.suffix.lower().lstrip(".")
    if extension not in EXTENSIONS:
        return _fail(msg("cli.report.bad_extension", file=str(args.out)))
    if args.audit is not None and not args.workspace:
        return _fail(msg("cli.report.audit_needs_workspace"))
    if args.color and not COLOR.fullmatch(args.color):
        return _fail(msg("cli.report.bad_color", color=repr(args.color)))
    logo = None
    if args.logo:
        try:
            logo = logo_png(args.logo.read_bytes(), args.logo.name)
        except OSError as error:
            return _fail(f"{args.logo}: {error.strerror or error}")
        except LogoError as error:
            return _fail(error.msg)
    if args.workspace:
        return store_call(_from_store, args, logo)
    return _from_files(args, logo)


def _brand(
    args: argparse.Namespace, logo: bytes | None, client: str, color: str | None, stored_logo
):
    from dashboard.report.model import Brand

    return Brand(
        args.client or client,
        logo if logo is not None else stored_logo,
        args.color or color or Brand().color,
    )


def _from_files(args: argparse.Namespace, logo: bytes | None) -> int:
    from dashboard.report.deliver import live_report

    with prepared_audit(args, quiet_info=True) as prepared:
        if isinstance(prepared, int):
            return prepared
        report = live_report(
            prepared.auditor,
            prepared.dataset,
            prepared.scorecard,
            prepared.settings,
            args.lang,
            _brand(args, logo, "", None, None),
            names_on=args.names,
            author=args.author or "",
        )
    return _write(args, report)


def _from_store(engine, args: argparse.Namespace, logo: bytes | None) -> int:
    from dashboard.report.deliver import saved_report
    from dashboard.store import audit_numbered, current_audit, trusted_access
    from dashboard.store.brand import get_brand

    access = trusted_access(engine, args.workspace)
    if args.audit is not None:
        audit_id = audit_numbered(engine, access, args.audit)
    else:
        current = current_audit(engine, access)
        if current is None:
            return _fail(msg("cli.no_audits", workspace=args.workspace))
        audit_id = current.info.id
    stored = get_brand(engine, access)
    brand = _brand(args, logo, stored.client or access.name, stored.color, stored.logo_png)
    report = saved_report(
        engine, access, audit_id, args.lang, brand, names_on=args.names, author=args.author or ""
    )
    return _write(args, report)


def _write(args: argparse.Namespace, report) -> int:
    from dashboard.report.deliver import FORMATS

    data = FORMATS[args.out.suffix.lower().lstrip(".")].render(report)
    try:
        args.out.write_bytes(data)
    except OSError as error:
        return _fail(f"{args.out}: {error.strerror or error}")
    print(
        english(msg("cli.report.wrote", file=str(args.out), kb=len(data) // 1024)), file=sys.stderr
    )
    return 0
