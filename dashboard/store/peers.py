"""A workspace's profile (sector, size band, benchmark opt-out, digest language) and its
standing among peers, read from the other workspaces' latest audits.

Only `dashboard.peers.Benchmark` leaves here: counts, percentiles and quartiles, never a
peer's name, slug, audit or value. The sample and opted-out workspaces are no one's peers.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from dashboard.i18n import LANGS, Lang
from dashboard.messages import msg
from dashboard.peers import SECTORS, SIZE_BANDS, Benchmark, benchmark
from dashboard.store.access import Access
from dashboard.store.audits import CHRONOLOGICAL
from dashboard.store.errors import InvalidName
from dashboard.store.models import Audit, Workspace
from dashboard.store.workspaces import granted, lock_workspace, writing


@dataclass(frozen=True)
class Profile:
    """What a workspace says about the company, for benchmarks and the digest."""

    sector: str | None = None
    size_band: str | None = None
    opted_out: bool = False
    lang: Lang = "it"


def get_profile(engine: Engine, access: Access) -> Profile:
    with Session(engine) as session:
        w = granted(session, access)
        lang = w.lang if w.lang in LANGS else "it"
        return Profile(w.sector, w.size_band, bool(w.peer_opt_out), lang)


def set_profile(engine: Engine, access: Access, profile: Profile) -> None:
    """Set the sector, size band, opt-out and language; editors only, known codes only."""
    access.require_editor()
    if profile.sector not in (None, *SECTORS) or profile.size_band not in (None, *SIZE_BANDS):
        raise InvalidName(msg("store.error.bad_profile"))
    if profile.lang not in LANGS:
        raise InvalidName(msg("store.error.bad_profile"))
    with writing(engine) as session:
        w = lock_workspace(session, access)
        w.sector, w.size_band = profile.sector, profile.size_band
        w.peer_opt_out, w.lang = profile.opted_out, profile.lang


def peer_benchmark(engine: Engine, access: Access, audit_id: int | None = None) -> Benchmark:
    """The figures for one of the workspace's audits (default: the current one) among the
    latest audits of the other workspaces in the same sector or size band."""
    with Session(engine) as session:
        own = granted(session, access)
        mine = select(Audit.scorecard).where(Audit.workspace_id == own.id)
        mine = mine.where(Audit.id == audit_id) if audit_id else mine.where(Audit.is_current)
        client = session.scalar(mine)
        matches = [
            column == value
            for column, value in (
                (Workspace.sector, own.sector),
                (Workspace.size_band, own.size_band),
            )
            if value is not None
        ]
        peers = []
        if matches and not own.peer_opt_out:
            others = session.scalars(
                select(Workspace.id).where(
                    Workspace.id != own.id,
                    Workspace.is_open.is_(False),
                    Workspace.peer_opt_out.is_(False),
                    or_(*matches),
                )
            ).all()
            for workspace_id in others:
                latest = session.scalar(
                    select(Audit.scorecard)
                    .where(Audit.workspace_id == workspace_id)
                    .order_by(*(c.desc() for c in CHRONOLOGICAL))
                    .limit(1)
                )
                if latest is not None:
                    peers.append(latest)
        return benchmark(
            client,
            peers,
            sector=own.sector,
            size_band=own.size_band,
            opted_out=bool(own.peer_opt_out),
        )
