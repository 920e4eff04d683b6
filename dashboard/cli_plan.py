"""`python -m dashboard actions …` and `… digest …`: the action plan and the executive digest
from a terminal or a monthly job.

Reading (`actions list`, `digest`) is the terminal's, like `audits list`; changing the
plan needs the workspace's save token in PRESENZA_SAVE_TOKEN, like `audit --save`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import date

from dashboard.actions import STATUSES
from dashboard.i18n import LANGS, Lang, date_text, english, format_value, t
from dashboard.messages import msg
from dashboard.terminal import day, store_call, workspace_slug

TOKEN_VARIABLE = "PRESENZA_SAVE_TOKEN"
EXIT_SEND = 1  # the digest could not be sent (like the store, an outside service failed)
_USER: list[Callable[[], str]] = []  # who is at the terminal: handed over by dashboard.cli


def add_parsers(sub: argparse._SubParsersAction, user: Callable[[], str]) -> None:
    """The `actions` and `digest` commands; `user` names who runs them (an action's author)."""
    _USER[:] = [user]
    _date, _workspace = day, workspace_slug
    p = sub.add_parser(
        "actions",
        help="the action plan of a workspace: list, add, update",
        description="The actions a workspace plans against its gaps. add and update need "
        f"{TOKEN_VARIABLE} (the workspace's save token, made on the Saved audits page).",
    )
    verbs = p.add_subparsers(dest="verb", required=True)
    listing = verbs.add_parser("list", help="every action, with its metric before and after")
    listing.add_argument("workspace", type=_workspace, metavar="WORKSPACE")
    listing.add_argument("--lang", choices=LANGS, default="it")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(run=lambda a: _call(list_command, a))
    add = verbs.add_parser("add", help="an action against a gap of a saved audit")
    add.add_argument("workspace", type=_workspace, metavar="WORKSPACE")
    add.add_argument("--metric", required=True, help="the metric it should move (a gap's id)")
    add.add_argument("--what", required=True)
    add.add_argument("--owner", required=True)
    add.add_argument("--due", type=_date)
    add.add_argument("--status", choices=STATUSES, default="planned")
    add.add_argument(
        "--audit", type=int, help="the number of the audit whose gap it is (default: current)"
    )
    add.set_defaults(run=lambda a: _call(add_command, a))
    update = verbs.add_parser("update", help="change an action's text, owner, due date, status")
    update.add_argument("workspace", type=_workspace, metavar="WORKSPACE")
    update.add_argument("action_id", type=int, metavar="ID")
    update.add_argument("--what")
    update.add_argument("--owner")
    update.add_argument("--due", type=_date)
    update.add_argument("--no-due", action="store_true", help="remove the due date")
    update.add_argument("--status", choices=STATUSES)
    update.set_defaults(run=lambda a: _call(update_command, a))

    d = sub.add_parser(
        "digest",
        help="e-mail the executive digest of a workspace",
        description="Send the executive digest (index, level, change, top gaps, actions due, "
        "the executive link) in the workspace's language. SMTP from PRESENZA_SMTP_HOST, "
        "_PORT, _SECURITY (starttls, ssl, none), _USER, _PASSWORD, _FROM; the link from "
        "PRESENZA_PUBLIC_URL.",
    )
    d.add_argument("workspace", type=_workspace, metavar="WORKSPACE")
    d.add_argument("--to", nargs="+", required=True, metavar="ADDRESS")
    d.add_argument("--lang", choices=LANGS, help="default: the workspace's language")
    d.add_argument("--dry-run", action="store_true", help="print the message, send nothing")
    d.set_defaults(run=lambda a: _call(digest_command, a))


def _call(function, args: argparse.Namespace) -> int:
    return store_call(function, args)


def _job(engine, slug: str):
    from dashboard.store import job_access

    return job_access(engine, slug, os.environ.get(TOKEN_VARIABLE))


def list_command(engine, args: argparse.Namespace) -> int:
    from dashboard.store import list_audits, trusted_access
    from dashboard.store.actions import list_actions

    access = trusted_access(engine, args.workspace)
    actions = list_actions(engine, access)
    # Audits as people read them: by their number in the workspace.
    numbers: dict[int | None, int] = {a.id: a.number for a in list_audits(engine, access)}
    if args.format == "json":
        rows = [
            {
                "id": a.id,
                "metric": a.metric,
                "what": a.what,
                "owner": a.owner,
                "due": a.due.isoformat() if a.due else None,
                "status": a.status,
                "audit": numbers.get(a.audit_id),
                "before": a.before,
                "after": a.after,
                "after_audit": numbers.get(a.after_audit),
                "moved": a.moved,
                "flagged": a.flagged,
                "late": a.late(date.today()),
            }
            for a in actions
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not actions:
        print(t("cli.no_actions", args.lang, workspace=args.workspace))
        return 0
    for a in actions:
        print(action_line(a, args.lang, date.today()))
    return 0


def action_line(a, lang: Lang, today: date) -> str:
    """One action in a line: number, status, what, who, when, metric before → after, flags."""
    from dashboard.criteria import registry

    spec = registry.metrics()[a.metric]
    values = f"{format_value(a.before, spec.unit, lang)} → {format_value(a.after, spec.unit, lang)}"
    due = date_text(a.due, lang) if a.due else "—"
    flags = [t("ui.actions.flag", lang)] if a.flagged else []
    flags += [t("ui.actions.late", lang)] if a.late(today) else []
    status = t(f"ui.actions.status.{a.status}", lang)
    line = f"{a.id:>4}  [{status}] {a.what} — {a.owner}, {due} · {spec.title[lang]}: {values}"
    return line + "".join(f"  ⚑ {f}" for f in flags)


def add_command(engine, args: argparse.Namespace) -> int:
    from dashboard.store import audit_numbered, current_audit
    from dashboard.store.actions import create_action

    access = _job(engine, args.workspace)
    if args.audit is not None:
        audit_id = audit_numbered(engine, access, args.audit)
    else:
        current = current_audit(engine, access)
        if current is None:
            print(english(msg("cli.no_audits", workspace=args.workspace)), file=sys.stderr)
            return 2
        audit_id = current.info.id
    number = create_action(
        engine, access, audit_id, args.metric, args.what, args.owner,
        created_by=_USER[0](), due=args.due, status=args.status,
    )  # fmt: skip
    print(english(msg("cli.action_added", id=str(number), workspace=args.workspace)))
    return 0


def update_command(engine, args: argparse.Namespace) -> int:
    from dashboard.store.actions import ActionChange, update_action

    access = _job(engine, args.workspace)
    change = ActionChange(args.what, args.owner, args.due, args.no_due, args.status)
    update_action(engine, access, args.action_id, change)
    print(english(msg("cli.action_updated", id=str(args.action_id), workspace=args.workspace)))
    return 0


def digest_command(engine, args: argparse.Namespace) -> int:
    from dashboard import digest
    from dashboard.store import current_audit, previous_audit, trusted_access
    from dashboard.store.actions import list_actions
    from dashboard.store.peers import get_profile

    access = trusted_access(engine, args.workspace)
    current = current_audit(engine, access)
    if current is None:
        print(english(msg("cli.no_audits", workspace=args.workspace)), file=sys.stderr)
        return 2
    previous = previous_audit(engine, access, current.info.id)
    lang = args.lang or get_profile(engine, access).lang
    base = os.environ.get(digest.URL_VARIABLE) or "http://127.0.0.1:8501"
    content = digest.Digest(
        access.name,
        lang,
        current.to_scorecard(),
        previous.to_scorecard() if previous else None,
        list_actions(engine, access),
        digest.executive_link(base, access.slug),
        date.today(),
    )
    try:
        message = digest.compose(content, sender=digest.sender(), to=args.to)
        if args.dry_run:
            print(message.as_string())
            return 0
        digest.send(message)
    except digest.DigestError as error:
        print(str(error), file=sys.stderr)
        return EXIT_SEND
    print(english(msg("cli.digest_sent", workspace=args.workspace, n=len(args.to))))
    return 0
