"""The action plan and the peer benchmark on the Saved audits page, driven by AppTest: an action
made from a gap shows its metric before, then after once a second audit is saved; a done action
whose metric did not move is flagged; peer percentiles stay hidden with fewer than five peers."""

from __future__ import annotations

from datetime import date

from apptest import boot, button, engine, visit
from test_saved_audits import EDITOR, H1, H2, open_workspace

from dashboard.audit import Auditor
from dashboard.bundled import load_sample
from dashboard.settings import Settings
from dashboard.store import create_workspace, save_audit, trusted_access
from dashboard.store.actions import list_actions
from dashboard.store.peers import Profile, set_profile

PARTICIPATION = "involvement.participation_rate"


def _save(store, access, period) -> int:
    dataset = load_sample()
    card = Auditor(dataset).scorecard(Settings(), period)
    return save_audit(store, access, card, dataset, Settings(), saved_by="test")


def test_an_action_from_a_gap_shows_before_and_after_once_a_second_audit_is_saved() -> None:
    store = engine()
    access = create_workspace(store, "acme-spa", "Acme S.p.A.", editor_passphrase=EDITOR)
    _save(store, access, H1)
    at = open_workspace(visit(boot("en"), "audits"), "acme-spa", EDITOR)
    assert any("No actions yet" in i.value for i in at.info)
    gaps = at.selectbox(key="action_new_gap")
    metric = gaps.value  # the first gap: the highest priority
    at.text_input(key="action_new_what").input("Ambassador programme")
    at.text_input(key="action_new_owner").input("HR <Anna>")
    at.date_input(key="action_new_due").set_value(date(2026, 12, 31))
    button(at, "Add to the plan").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    [action] = list_actions(store, trusted_access(store, "acme-spa"))
    assert (action.what, action.owner, action.due) == (
        "Ambassador programme", "HR <Anna>", date(2026, 12, 31)
    )  # fmt: skip
    table = _plan(at)
    assert list(table["what"]) == ["Ambassador programme"]
    assert list(table["owner"]) == ["HR <Anna>"]  # a table cell: text, never markup
    assert table["before"][0] != "—" and table["after"][0] == ""
    assert action.metric == metric  # the gap chosen is the metric the action names

    # The action is done; the next audit is saved (by a scheduled job, say).
    at.selectbox(key=f"action_status_{action.id}").set_value("done")
    button(at, "Save the action").click().run()
    assert not at.exception and not at.error
    _save(store, access, H2)
    at.run()
    [after] = list_actions(store, trusted_access(store, "acme-spa"))
    table = _plan(at)
    assert table["status"][0] == "done"
    assert table["after"][0] != "" and after.after is not None
    flagged = "done, metric unmoved" in table["flag"][0]
    assert flagged == (after.moved is not True)
    assert any("did not move" in w.value for w in at.warning) == flagged


def _plan(at):
    return next(d.value for d in at.dataframe if "before" in d.value.columns)


def test_peer_percentiles_are_hidden_with_fewer_than_five_peers() -> None:
    store = engine()
    client = create_workspace(store, "acme-spa", "Acme S.p.A.", editor_passphrase=EDITOR)
    _save(store, client, H2)
    at = open_workspace(visit(boot("en"), "audits"), "acme-spa", EDITOR)
    assert any("Set a sector or a size band" in c.value for c in at.caption)
    at.selectbox(key=_key(at, "Sector")).set_value("retail")
    button(at, "Save the profile").click().run()
    assert Profile("retail") == _profile(store)
    for n, period in enumerate((H1, H2, H1, H2)):
        peer = create_workspace(store, f"peer-{n}")
        set_profile(store, peer, Profile("retail"))
        _save(store, peer, period)
    at.run()
    assert any("Shown once at least 5" in i.value for i in at.info)
    assert not any("percentile" in d.value.columns for d in at.dataframe)
    peer = create_workspace(store, "peer-5")
    set_profile(store, peer, Profile("retail"))
    _save(store, peer, H1)
    at.run()
    [table] = [d.value for d in at.dataframe if "percentile" in d.value.columns]
    assert table["metric"][0] == "Overall index" and set(table["peers"]) == {5}
    said = " ".join(str(v) for v in table.to_numpy().ravel())
    assert "peer-" not in said


def _key(at, label: str) -> str:
    return next(s.key for s in at.selectbox if s.label == label)


def _profile(store) -> Profile:
    from dashboard.store.peers import get_profile

    return get_profile(store, trusted_access(store, "acme-spa"))
