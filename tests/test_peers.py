"""Peer benchmarks: percentiles among the latest audits of workspaces in the same sector or size
band, aggregates only, never with fewer than five peers, and nothing from opted-out workspaces."""

from __future__ import annotations

from datetime import date

import pytest
import stores
from sqlalchemy import Engine
from test_actions import card

from dashboard.ingest import Dataset
from dashboard.peers import MIN_PEERS, OVERALL, benchmark, percentile
from dashboard.period import Period
from dashboard.report.plan import benchmark_frame
from dashboard.settings import Settings
from dashboard.store import InvalidName, create_workspace, save_audit, set_passphrase
from dashboard.store.peers import Profile, get_profile, peer_benchmark, set_profile
from dashboard.store.workspaces import trusted_access

store_url, engine = stores.store_url, stores.engine
PARTICIPATION = "involvement.participation_rate"
CONCENTRATION = "involvement.top10_concentration"
JAN = Period(date(2026, 1, 1), date(2026, 1, 31))
FEB = Period(date(2026, 2, 1), date(2026, 2, 28))


def test_percentile_counts_those_beaten_ties_half_in_the_metrics_direction() -> None:
    assert percentile(0.3, [0.1, 0.2, 0.3, 0.4]) == 62.5
    assert percentile(0.5, [0.1, 0.2]) == 100
    assert percentile(0.0, [0.1, 0.2]) == 0
    assert percentile(0.6, [0.5, 0.7, 0.9, 0.8], lower_is_better=True) == 75
    assert percentile(0.6, [0.5, 0.7, 0.9, 0.8]) == 25


def doc(participation: float, concentration: float | None = None) -> dict:
    from dashboard.document import to_document

    values = {"involvement__participation_rate": participation}
    if concentration is not None:
        values["involvement__top10_concentration"] = concentration
    return to_document(card(JAN, **values))


def test_a_figure_needs_five_peers_that_measured_the_metric() -> None:
    client = doc(0.2, 0.6)
    four = [doc(0.1 * i, 0.5) for i in range(1, 5)]
    assert benchmark(client, four, sector="retail", size_band=None).figures == {}
    five = [*four, doc(0.5)]  # the fifth did not measure concentration
    figures = benchmark(client, five, sector="retail", size_band=None).figures
    assert set(figures) == {PARTICIPATION, OVERALL}
    figure = figures[PARTICIPATION]
    assert (figure.peers, figure.percentile) == (5, 30.0)  # beats 0.1, ties 0.2: 1.5 of 5
    assert (figure.low, figure.median, figure.high) == pytest.approx((0.2, 0.3, 0.4))
    assert benchmark(client, five, sector="retail", size_band=None, opted_out=True).figures == {}
    assert MIN_PEERS == 5


def _company(engine: Engine, slug: str, participation: float, profile: Profile, *audits) -> None:
    access = create_workspace(engine, slug)
    set_profile(engine, access, profile)
    for period, value in ((JAN, participation), *audits):
        save_audit(engine, access, card(period, involvement__participation_rate=value), Dataset(),
                   Settings(), saved_by="t")  # fmt: skip


def test_peers_are_the_same_sector_or_size_latest_audit_and_never_the_opted_out(
    engine: Engine,
) -> None:
    _company(engine, "client", 0.2, Profile("retail", "50-249"))
    client = trusted_access(engine, "client")
    # Four peers: hidden.
    _company(engine, "p1", 0.10, Profile("retail", None))
    _company(engine, "p2", 0.12, Profile(None, "50-249"))
    _company(engine, "p3", 0.30, Profile("retail", "5000+"))
    _company(engine, "p4", 0.50, Profile("finance", "50-249"), (FEB, 0.05))  # latest: 0.05
    # Neither the same sector nor the same size; one opted out; one without audits.
    _company(engine, "other", 0.01, Profile("finance", "5000+"))
    _company(engine, "away", 0.01, Profile("retail", "50-249", opted_out=True))
    create_workspace(engine, "empty")
    set_profile(engine, trusted_access(engine, "empty"), Profile("retail", "50-249"))
    hidden = peer_benchmark(engine, client)
    assert (hidden.peers, hidden.figures) == (4, {})
    _company(engine, "p5", 0.40, Profile("retail", "1-49"))
    shown = peer_benchmark(engine, client)
    figure = shown.figures[PARTICIPATION]
    # peers 0.10, 0.12, 0.30, 0.05 (p4's latest), 0.40: the client beats three of five
    assert (shown.peers, figure.peers, figure.percentile) == (5, 5, 60.0)
    assert figure.median == pytest.approx(0.12)
    # What leaves the store is aggregates: no slug, name or audit of a peer anywhere.
    said = repr(shown) + benchmark_frame(shown, _current(engine, client), "en").to_string()
    for slug in ("p1", "p2", "p3", "p4", "p5", "other", "away"):
        assert f"'{slug}'" not in said and slug not in said.split()
    # The client opts out: it sees nothing, and it is nobody's peer.
    set_profile(engine, client, Profile("retail", "50-249", opted_out=True))
    assert peer_benchmark(engine, client).figures == {}
    p5 = trusted_access(engine, "p5")
    assert peer_benchmark(engine, p5).peers == 2  # p1, p3 (retail); not the client, not "away"


def _current(engine: Engine, access) -> dict:
    from dashboard.store import current_audit

    return current_audit(engine, access).scorecard


def test_the_profile_takes_known_codes_from_editors_only(engine: Engine) -> None:
    access = create_workspace(engine, "acme")
    assert get_profile(engine, access) == Profile(None, None, False, "it")
    set_profile(engine, access, Profile("media", "1-49", True, "en"))
    assert get_profile(engine, access) == Profile("media", "1-49", True, "en")
    for bad in (Profile("mining"), Profile(size_band="10-20"), Profile(lang="fr")):
        with pytest.raises(InvalidName):
            set_profile(engine, access, bad)
    assert get_profile(engine, access).sector == "media"
    set_passphrase(engine, access, "viewer", "gabbiano blu sul molo")
    from dashboard.store import AccessDenied

    with pytest.raises(AccessDenied):
        set_profile(engine, trusted_access(engine, "acme", "viewer"), Profile())
