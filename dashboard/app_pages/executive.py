"""Executive view: where the company stands today and how it moved since the last audit.

Read-only, reached by a link (`?workspace=acme-spa`): the workspace's current audit —
overall index and level with the change since the previous audit, the twelve criteria
with theirs, the top five gaps, the trend across every saved audit. It watches the
store and redraws itself when a newer audit is saved; nothing is uploaded here. When
a passphrase of the workspace changes, the next poll finds the grant ended and the page
asks for the passphrase again. The company's and the audits' names are shown as plain text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import streamlit as st

from dashboard import charts
from dashboard.i18n import Lang, date_text, month_text, number, t
from dashboard.period import Period
from dashboard.report.changes import signed
from dashboard.report.compare import TrendPoint, trend
from dashboard.report.tables import period_text
from dashboard.scoring import Scorecard, level_index, level_name
from dashboard.store import (
    SAMPLE_SLUG,
    Access,
    AuditNotes,
    GrantEnded,
    StoredAudit,
    audit_notes,
    current_audit,
    history,
    latest_change_token,
    previous_audit,
)
from dashboard.ui import notes as notes_ui
from dashboard.ui import saved, state, views, widgets
from dashboard.ui.gate import passphrase_gate
from dashboard.ui.tables import gaps_table

log = logging.getLogger("presenza.app")

TOP_GAPS = 5
POLL = "5s"  # how often the view asks the store whether anything changed
TILE_WIDTH = 155  # px: two tiles a row on a phone (326 px, a 16 px gap), four or more on a desktop
RED = 3  # the weakest criteria named under the index…
RED_BELOW = 40  # …when they score under this (Absent or Experimenting)
SPARK_FROM = 3  # a criterion's tile draws its line from this many saved audits


@dataclass(frozen=True)
class View:
    """What the page shows, read once per change of the workspace."""

    token: int
    current: StoredAudit | None
    previous: StoredAudit | None
    trend: list[TrendPoint]
    notes: AuditNotes | None  # the consultant's, on the current audit


def load(access: Access) -> View:
    """The current and previous audits and the trend, kept in this session until the
    workspace changes (a language switch or a redraw does not read them again)."""
    engine = saved.engine()
    token = latest_change_token(engine, access)
    cache = state.EXECUTIVE.get()
    kept = cache.get(access.workspace_id)
    if isinstance(kept, View) and kept.token == token:
        return kept
    current = current_audit(engine, access)
    previous = previous_audit(engine, access, current.info.id) if current else None
    notes = audit_notes(engine, access, current.info.id) if current else None
    view = View(token, current, previous, trend(history(engine, access)), notes)
    cache[access.workspace_id] = view
    return view


@st.fragment(run_every=POLL)
def live(access: Access, shown: int, lang: Lang) -> None:
    """Every few seconds, one cheap read: when the workspace changed, redraw the page."""
    try:
        token = latest_change_token(saved.engine(), access)
    except GrantEnded as error:  # a passphrase changed: back to the gate, at once
        saved.drop_ended(error)
        st.rerun()
    except Exception as error:  # a fragment rerun is outside the page's error boundary
        log.warning("the executive view could not poll the store: %s", error)
        st.caption(t("ui.exec.offline", lang))
        return
    if token != shown:
        st.rerun()
    st.caption(
        t("ui.exec.live", lang, time=datetime.now().strftime("%H:%M:%S")),
        help=t("ui.exec.live_help", lang),
    )


def gate(slug: str, lang: Lang) -> None:
    """No access yet: a passphrase (or a sign-in) and nothing about the workspace."""
    passphrase_gate(slug, lang, t("ui.nav.executive", lang), "executive")


def heading(access: Access, view: View, lang: Lang, linked: bool) -> None:
    """The company's name, the audit shown, and (on a link) the language switch."""
    if linked:
        title, switch = st.columns([4, 1], vertical_alignment="bottom")
        with switch:
            widgets.language_switch("executive")
    else:
        title = st.container()
    title.title(views.plain(access.name), anchor=False)
    facts = [t("ui.nav.executive", lang)]
    if view.current is not None:
        info = view.current.info
        period = period_text(info.period, lang)
        if info.name != info.period.label():  # a default name is the period itself
            facts.append(t("ui.exec.audit_name", lang, name=views.plain(info.name)))
        facts += [
            f"{t('audit.period', lang)} {period}",
            t("ui.exec.saved_on", lang, date=date_text(info.saved_at.astimezone(), lang)),
        ]
    st.caption(" · ".join(facts))


def _delta(now: float, before: float, lang: Lang) -> str | int:
    """A score change as st.metric reads it: signed text, or the number 0 (shown grey)."""
    text = signed(now - before, lang)
    return 0 if text == "0" else text


def _months(period: Period, lang: Lang) -> str:
    """A period as its first and last months: "05/2026–10/2026"."""
    return f"{month_text(period.start, lang)}–{month_text(period.end, lang)}"


def overall(
    card: Scorecard,
    before: Scorecard | None,
    current: StoredAudit,
    previous: StoredAudit | None,
    lang: Lang,
) -> None:
    """How are we (the index of the audit's period, and its level), what changed (since
    the previous audit) and what is red (the weakest criteria), before any chart: on a
    phone this is the first screen."""
    st.subheader(t("audit.overall", lang), anchor=False)
    if card.score is None:
        views.chart(charts.overall_figure(card, lang, height=200), key="exec_overall")
        return
    info = current.info
    delta, description = None, t("ui.exec.first_audit", lang)
    if previous is not None and before is not None and before.score is not None:
        delta = _delta(card.score, before.score, lang)
        # In months, like the index's own label: whole dates were cut in a narrow column.
        description = t("ui.exec.since", lang, period=_months(previous.info.period, lang))
    st.metric(
        t("ui.exec.index_of", lang, period=_months(info.period, lang)),
        f"{number(card.score, lang)}/100",
        delta=delta,
        delta_description=description,
        help=period_text(info.period, lang),
    )
    st.caption(t("ui.exec.saved_on", lang, date=date_text(info.saved_at.astimezone(), lang)))
    level, was = card.level_name(lang), before.level_name(lang) if before else None
    if was and was != level:
        st.markdown(t("ui.exec.level_moved", lang, before=was, after=level))
    elif was:
        st.markdown(t("ui.exec.level_same", lang, level=level))
    else:
        st.markdown(t("ui.exec.level", lang, level=level))
    red = [
        views.plain(c.spec.title[lang])
        for c in weakest_first(card)
        if c.score is not None and c.score < RED_BELOW
    ][:RED]
    if red:
        st.markdown(t("ui.exec.red", lang, n=len(red), criteria=red))
    views.chart(
        charts.overall_figure(card, lang, height=200, show_number=False), key="exec_overall"
    )
    st.caption(t("audit.measured", lang, measured=card.measured, total=card.total))


def weakest_first(card: Scorecard) -> list:
    """The criteria from the weakest score up; those not measured last, in registry order."""
    return sorted(card.criteria, key=lambda c: (c.score is None, c.score or 0.0))


def tile(c, was: float | None, before: Scorecard | None, spark: list | None, lang: Lang) -> None:
    """One criterion: its level as a coloured badge with an icon, the score and its change;
    "not measured" in small type, never in the number's font."""
    title = views.plain(c.spec.title[lang])
    if c.score is None:
        st.markdown(f"**{title}**")
        st.caption(t("audit.not_measured", lang))
        return
    color, icon = views.LEVEL_BADGES[level_index(c.score)]
    st.markdown(f":{color}-badge[{icon} {level_name(level_index(c.score), lang)}]")
    delta: str | int | None = None
    colour: Literal["normal", "off"] = "normal"
    if before is not None:
        if was is None:
            delta, colour = t("ui.exec.new", lang), "off"
        else:
            delta = _delta(c.score, was, lang)
    st.markdown(title)  # wraps; a metric's label would be cut ("Governance, policy a…")
    st.metric(
        title,
        number(c.score, lang),
        delta=delta,
        delta_color=colour,
        chart_data=spark,
        chart_type="line",
        label_visibility="collapsed",
    )


def criteria(card: Scorecard, before: Scorecard | None, view: View, lang: Lang) -> None:
    """Twelve tiles, weakest first, coloured by level: today's score, the change since the
    previous audit, and (from three audits on) the criterion's line across all of them."""
    st.subheader(t("ui.exec.criteria", lang), anchor=False)
    points = view.trend
    lines = len(points) >= SPARK_FROM
    said = [t("ui.exec.criteria_order", lang)]
    if before is not None:
        said.append(t("ui.exec.criteria_caption", lang))
    if lines:
        said.append(t("ui.exec.criteria_line", lang))
    st.caption(" ".join(said))
    views.level_legend(lang)
    previous = {c.id: c.score for c in before.criteria} if before else {}
    tiles = st.container(horizontal=True, gap="small")
    for c in weakest_first(card):
        spark = None
        if lines and c.score is not None:
            # An audit that did not measure it is left out of the line, never drawn as 0.
            measured = [s for p in points if (s := p.scores.get(c.id)) is not None]
            spark = measured if len(measured) > 1 else None
        with tiles.container(border=True, width=TILE_WIDTH):
            tile(c, previous.get(c.id), before, spark, lang)


def top_gaps(card: Scorecard, lang: Lang) -> None:
    st.subheader(t("ui.top_gaps", lang, n=TOP_GAPS), anchor=False)
    gaps = gaps_table(card, lang).head(TOP_GAPS)
    if gaps.empty:
        st.success(t("audit.no_gaps", lang))
        return
    views.gap_lines(gaps, lang)


def movers(card: Scorecard, before: Scorecard | None, n: int = 3) -> list[str]:
    """The criteria that moved most since the previous audit (the trend shows them first)."""
    if before is None:
        return []
    was = {c.id: c.score for c in before.criteria}
    moved = [
        (abs(c.score - score_was), c.id)
        for c in card.criteria
        if c.score is not None and (score_was := was.get(c.id)) is not None
    ]
    return [cid for change, cid in sorted(moved, reverse=True)[:n] if change >= 1]


def trend_chart(
    card: Scorecard,
    before: Scorecard | None,
    current: StoredAudit,
    trend: list[TrendPoint],
    lang: Lang,
) -> None:
    """The overall index across every saved audit, with the criteria the reader picks
    (those that moved most, to start with)."""
    st.subheader(t("ui.exec.trend", lang), anchor=False)
    titles = {c.id: c.spec.title[lang] for c in card.criteria}
    kept = state.TREND_CRITERIA.get()
    if kept is None or state.TREND_AUDIT.get() != current.info.id:
        state.TREND_CRITERIA.set(movers(card, before))
        state.TREND_AUDIT.set(current.info.id)
    else:
        state.TREND_CRITERIA.set([c for c in kept if c in titles])
    chosen = st.pills(
        t("ui.exec.trend_pick", lang),
        list(titles),
        selection_mode="multi",
        format_func=titles.__getitem__,
        key=state.TREND_CRITERIA.name,
        label_visibility="collapsed",
    )
    views.chart(
        charts.build_trend_figure(trend, lang, height=420, criteria=chosen or []),
        key="exec_trend",
    )


def show(access: Access, lang: Lang, linked: bool) -> None:
    view = load(access)
    heading(access, view, lang, linked)
    live(access, view.token, lang)
    if view.current is None:
        st.info(t("ui.exec.no_audits", lang), icon=":material/inventory_2:")
        return
    current, previous = view.current, view.previous
    card = current.to_scorecard()
    before = previous.to_scorecard() if previous else None

    # Side by side on a projector; stacked where the main column is narrow (the app's own
    # page at 1024 px, beside the sidebar), as on a phone.
    top, bottom = st.container(key="exec_top"), st.container(key="exec_bottom")
    views.stack_when_narrow(top, "exec_top", 700)
    views.stack_when_narrow(bottom, "exec_bottom", 700)
    left, right = top.columns([4, 8], gap="medium")
    with left, st.container(border=True, height="stretch"):
        overall(card, before, current, previous, lang)
    with right, st.container(border=True, height="stretch"):
        criteria(card, before, view, lang)
    # Consultant notes (issue 13) have their place here, between the scores and the detail.
    left, right = bottom.columns([5, 7], gap="medium")
    with left, st.container(border=True, height="stretch"):
        top_gaps(card, lang)
    with right, st.container(border=True, height="stretch"):
        trend_chart(card, before, current, view.trend, lang)
    if view.notes is not None and view.notes.by_subject:
        with st.container(border=True):
            notes_ui.executive_notes(card, view.notes, lang, TOP_GAPS)


def render() -> None:
    lang = state.lang()
    linked = saved.linked_workspace()
    slug = linked or saved.chosen_workspace() or SAMPLE_SLUG  # a first look: the sample
    with saved.guard(lang):
        access = saved.access_for(slug)
        if access is None:
            if linked:
                widgets.language_switch("executive")
            gate(slug, lang)
            return
        show(access, lang, linked is not None)
    if not linked:
        st.caption(t("ui.exec.link_hint", lang, workspace=views.plain(slug)))


views.run_page(render)
