"""One deliverable from a live or a saved audit: gather what the report needs, render it.

The app's Report control and `python -m dashboard report` both come here, so a
consultant gets the same file from either: the scorecard, the previous saved audit
(for the change), the period's breakdowns, the files read, the workspace's brand, and
the roster's names only when names were turned on for this export. A saved audit's report
adds its peers' figures and the workspace's action plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Engine

from dashboard.audit import Auditor
from dashboard.i18n import Lang
from dashboard.ingest import Dataset
from dashboard.labels import roster_names
from dashboard.period import Period
from dashboard.report.build import build_report
from dashboard.report.model import Brand, Report
from dashboard.report.tables import period_text
from dashboard.scoring import Scorecard
from dashboard.settings import Settings


@dataclass(frozen=True)
class Format:
    extension: str
    mime: str
    render: Callable[[Report], bytes]


def _pptx(report: Report) -> bytes:
    from dashboard.report.slides import to_pptx

    return to_pptx(report)


def _pdf(report: Report) -> bytes:
    from dashboard.report.pdf import to_pdf

    return to_pdf(report)


def _xlsx(report: Report) -> bytes:
    from dashboard.report.workbook import to_workbook

    return to_workbook(report)


FORMATS = {
    "pptx": Format(
        "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", _pptx
    ),
    "pdf": Format("pdf", "application/pdf", _pdf),
    "xlsx": Format(
        "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _xlsx
    ),
}


def file_name(client: str, period: Period, extension: str) -> str:
    """presenza-gruppo-aurora-2025-11-01_2026-10-31.pptx: who, which period, what."""
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in client.lower())
    slug = "-".join(part for part in slug.split("-") if part)[:40]
    span = f"{period.start.isoformat()}_{period.end.isoformat()}"
    return f"presenza-{slug + '-' if slug else ''}{span}.{extension}"


def live_report(
    auditor: Auditor,
    dataset: Dataset,
    scorecard: Scorecard,
    settings: Settings,
    lang: Lang,
    brand: Brand,
    *,
    names_on: bool = False,
    author: str = "",
    previous: Scorecard | None = None,
    previous_label: str = "",
) -> Report:
    """The report of the audit on screen (or just computed by the CLI)."""
    names = roster_names(dataset.table("roster")) if names_on and dataset.has("roster") else None
    return build_report(
        scorecard,
        lang,
        brand,
        context=auditor.context(settings, scorecard.period),
        inputs=[f.summary() for f in dataset.files],
        previous=previous,
        previous_label=previous_label,
        names=names,
        author=author,
    )


def saved_report(
    engine: Engine,
    access,
    audit_id: int,
    lang: Lang,
    brand: Brand | None = None,
    *,
    names_on: bool = False,
    author: str = "",
    today: date | None = None,
) -> Report:
    """The report of a saved audit, with the change since the audit before it and the
    workspace's brand (unless `brand` overrides it). Breakdowns come from the audit's own
    copy of the tables; an audit whose tables were too large to keep charts its metrics.
    The consultant's notes kept with the audit go in too."""
    from dashboard.store import audit_notes, get_audit, load_dataset, load_sums, previous_audit
    from dashboard.store.brand import get_brand

    audit = get_audit(engine, access, audit_id)
    before = previous_audit(engine, access, audit_id)
    if brand is None:
        stored = get_brand(engine, access)
        brand = Brand(stored.client or access.name, stored.logo_png, stored.color or Brand().color)
    scorecard = audit.to_scorecard()
    dataset = load_dataset(engine, access, audit_id)
    context, names = None, None
    if dataset is not None:
        sums = load_sums(engine, access, audit_id)  # the log's monthly sums, kept with it
        context = Auditor(dataset, sums=sums).context(audit.settings(), scorecard.period)
        if names_on and dataset.has("roster"):
            names = roster_names(dataset.table("roster"))
    previous_label = ""
    if before is not None:
        previous_label = f"#{before.info.number} · {period_text(before.info.period, lang)}"
    report = build_report(
        scorecard,
        lang,
        brand,
        context=context,
        inputs=audit.inputs,
        previous=None if before is None else before.to_scorecard(),
        previous_label=previous_label,
        names=names,
        author=author or audit.info.saved_by,
        today=today,
        notes=audit_notes(engine, access, audit_id),
    )
    return _with_follow_up(report, engine, access, audit_id, audit.scorecard, today)


def _with_follow_up(
    report: Report,
    engine: Engine,
    access,
    audit_id: int,
    document: dict,
    today: date | None = None,
) -> Report:
    """The report with the audit's standing among peers (only figures from at least five
    peers, none when the workspace opted out) and the workspace's action plan, if any."""
    from dashboard.report.plan import action_plan, peer_section
    from dashboard.store.actions import list_actions
    from dashboard.store.peers import peer_benchmark

    benchmark = peer_benchmark(engine, access, audit_id)
    return replace(
        report,
        peers=peer_section(benchmark, document, report.lang),
        plan=action_plan(list_actions(engine, access), report.lang, today or date.today()),
    )
