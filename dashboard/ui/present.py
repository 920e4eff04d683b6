"""Presentation mode: a saved audit as full-screen slides, for a meeting.

Reached by a link (`/present?workspace=acme-spa[&audit=3]`) behind the same passphrase
as the executive view. The slides come from a *saved* audit, so no number can change
during the meeting; the consultant's notes are read again on every slide, so a note
written in another tab during the meeting shows on the next one. ← and → (keys or
buttons) move between slides and the slide's number is kept in the URL (`&slide=4`),
so a link opens the same slide. No sidebar, no upload or settings controls.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from dashboard import charts
from dashboard.gaps import gap_list
from dashboard.i18n import Lang, date_text, format_value, number, t
from dashboard.report.changes import signed
from dashboard.report.deck import Slide, deck, slide_number
from dashboard.report.tables import period_text
from dashboard.scoring import CriterionResult, Scorecard
from dashboard.store import (
    Access,
    AuditNotes,
    StoredAudit,
    audit_notes,
    audit_numbered,
    current_audit,
    get_audit,
    previous_audit,
)
from dashboard.ui import notes as notes_ui
from dashboard.ui import saved, state, views, widgets

QUERY_AUDIT = "audit"
QUERY_SLIDE = "slide"
GRID = 4  # criteria per row on the twelve-criteria slide (titles wrap between words)
# The action plan is its own issue: its store and the table the Saved audits page shows.
ACTIONS_MODULE = "dashboard.store.actions"  # list_actions(engine, access) -> [ActionRecord]
PLAN_MODULE = "dashboard.report.plan"  # actions_frame(actions, lang, today) -> DataFrame
ACTION_FIELDS = ("what", "owner", "due", "status", "metric", "before", "after", "flag")

# Projector type and a slide that fills the screen: our own constant rules, no user text.
SLIDE_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 0.6rem; padding-bottom: 0.4rem; max-width: 100%; }
[data-testid="stMainBlockContainer"] [data-testid="stMarkdown"] p,
[data-testid="stMainBlockContainer"] [data-testid="stMarkdown"] li { font-size: 1.3rem; line-height: 1.35; }
[data-testid="stMetricLabel"] p { font-size: 1.1rem; white-space: normal; }
[data-testid="stMetricLabel"] div { white-space: normal; overflow: visible; }
[data-testid="stHeader"] { display: none; }
</style>"""


# --- what is shown ------------------------------------------------------------------------


def requested_audit() -> int | None:
    """The audit's number in the URL (`&audit=3`: the workspace's third), or None for the workspace's current one."""
    value = st.query_params.get(QUERY_AUDIT)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def load(engine: Engine, access: Access) -> tuple[StoredAudit, StoredAudit | None] | None:
    """The audit presented and the one before it, read once per session and audit (a saved
    audit does not change; a rename shows after a reload)."""
    wanted = requested_audit()
    cache = state.PRESENTED.get()
    if wanted is not None and wanted in cache:
        return cache[wanted]
    audit = (
        current_audit(engine, access)
        if wanted is None
        else get_audit(engine, access, audit_numbered(engine, access, wanted))
    )
    if audit is None:
        return None
    pair = (audit, previous_audit(engine, access, audit.info.id))
    cache[audit.info.number] = pair
    return pair


def _provided(module: str, name: str) -> Callable[..., Any] | None:
    """A function of the action plan's modules, once they exist."""
    if importlib.util.find_spec(module) is None:
        return None
    return getattr(importlib.import_module(module), name, None)


def list_actions_function() -> Callable[[Engine, Access], list[Any]] | None:
    """The action plan's reader, once the store has one."""
    return _provided(ACTIONS_MODULE, "list_actions")


def actions_of(engine: Engine, access: Access) -> list[Any]:
    reader = list_actions_function()
    return [] if reader is None else list(reader(engine, access))


# --- moving -------------------------------------------------------------------------------


def _go(number: int) -> None:
    st.query_params[QUERY_SLIDE] = str(number)


def controls(access: Access, audit: StoredAudit, at: int, count: int, lang: Lang) -> None:
    """One thin bar: where we are, ← and →, the language."""
    where, back, forward, language = st.columns([4, 2, 2, 3], vertical_alignment="center")
    facts = [views.plain(access.name), views.plain(audit.info.name)]
    where.caption(" · ".join([*facts, t("ui.present.slide", lang, n=at, total=count)]))
    back.button(
        t("ui.previous", lang),
        key="present_back",
        icon=":material/arrow_back:",
        disabled=at <= 1,
        on_click=_go,
        args=(at - 1,),
        shortcut="Left",
        width="stretch",
        help=t("ui.present.keys", lang),
    )
    forward.button(
        t("ui.next", lang),
        key="present_forward",
        icon=":material/arrow_forward:",
        disabled=at >= count,
        on_click=_go,
        args=(at + 1,),
        shortcut="Right",
        width="stretch",
        help=t("ui.present.keys", lang),
    )
    with language:
        widgets.language_switch("present", label_visibility="collapsed")


# --- the slides ---------------------------------------------------------------------------


def _delta(now: float | None, before: float | None, lang: Lang) -> str | int | None:
    if now is None or before is None:
        return None
    text = signed(now - before, lang)
    return 0 if text == "0" else text


def title_slide(access: Access, audit: StoredAudit, lang: Lang) -> None:
    info = audit.info
    st.title(views.plain(access.name), anchor=False)
    if info.name != info.period.label():
        st.header(f"«{views.plain(info.name)}»", anchor=False)
    st.header(f"{t('audit.period', lang)} {period_text(info.period, lang)}", anchor=False)
    st.subheader(
        t("ui.exec.saved_on", lang, date=date_text(info.saved_at.astimezone(), lang)),
        anchor=False,
    )


def overall_slide(
    card: Scorecard,
    before: Scorecard | None,
    previous: StoredAudit | None,
    notes: AuditNotes,
    lang: Lang,
) -> None:
    st.header(t("audit.overall", lang), anchor=False)
    left, right = st.columns([5, 6], gap="large")
    with left:
        views.chart(
            charts.overall_figure(card, lang, height=300, show_number=False), key="present_overall"
        )
    with right:
        if card.score is not None:
            delta = _delta(card.score, before.score if before else None, lang)
            description = (
                t("ui.exec.since", lang, period=period_text(previous.info.period, lang))
                if delta is not None and previous is not None
                else t("ui.exec.first_audit", lang)
            )
            st.metric(
                t("ui.exec.index_now", lang),
                f"{number(card.score, lang)}/100",
                delta=delta,
                delta_description=description,
            )
            level, was = card.level_name(lang), before.level_name(lang) if before else None
            if was and was != level:
                st.markdown(t("ui.exec.level_moved", lang, before=was, after=level))
            else:
                st.markdown(t("ui.exec.level", lang, level=level))
        st.caption(t("audit.measured", lang, measured=card.measured, total=card.total))
        notes_ui.summary(notes, lang)


def criteria_slide(card: Scorecard, before: Scorecard | None, lang: Lang) -> None:
    st.subheader(t("ui.exec.criteria", lang), anchor=False)  # three rows of tiles must fit
    was = {c.id: c.score for c in before.criteria} if before else {}
    for start in range(0, len(card.criteria), GRID):
        row = card.criteria[start : start + GRID]
        for column, c in zip(st.columns(GRID, gap="small"), row, strict=False):
            column.metric(
                c.spec.title[lang],
                t("audit.not_measured", lang) if c.score is None else number(c.score, lang),
                delta=_delta(c.score, was.get(c.id), lang),
                border=True,
                height="stretch",
            )


def _metric_line(metric, lang: Lang) -> str:
    unit = metric.spec.unit
    title = views.plain(metric.spec.title[lang])
    if not metric.measured:
        return f":material/radio_button_unchecked: {title}: {t('audit.not_measured', lang)}"
    value = format_value(metric.value, unit, lang)
    if not metric.is_gap:
        return f":material/check_circle: {title}: {value}"
    target = format_value(metric.target, unit, lang)
    return f":material/cancel: **{title}**: " + t(
        "ui.exec.gap_values", lang, value=value, target=target
    )


def criterion_slide(
    card: Scorecard,
    criterion: CriterionResult,
    before: Scorecard | None,
    notes: AuditNotes,
    lang: Lang,
) -> None:
    head, score = st.columns([5, 2], vertical_alignment="center")
    head.header(criterion.spec.title[lang], anchor=False)
    was = before.criterion(criterion.id).score if before else None
    score.metric(
        t("audit.score", lang).capitalize(),
        f"{number(criterion.score, lang)}/100" if criterion.score is not None else "—",
        delta=_delta(criterion.score, was, lang),
    )
    left, right = st.columns([5, 6], gap="large")
    gaps = [g.metric for g in gap_list(card) if g.criterion.id == criterion.id]
    with left:
        for metric in criterion.metrics:
            st.markdown(_metric_line(metric, lang))
            note = notes.gap(metric.id) if metric.is_gap else None
            verdict = notes_ui.verdict_text(note, lang)
            if verdict:
                st.markdown(verdict)
            if note is not None and note.comment:
                st.caption(views.plain(note.comment))
    with right:
        if gaps:
            top = gaps[0]
            default = top.spec.recommendation[lang]
            st.subheader(t("audit.recommendation", lang), anchor=False)
            st.markdown(views.plain(notes.recommendation(top.id, default)))
            if notes.recommendation(top.id, default) != default:
                st.caption(t("ui.notes.edited", lang))
        elif criterion.measured:
            st.success(t("ui.criterion_ok", lang), icon=":material/check_circle:")
        comment = notes.criterion(criterion.id)
        if comment is not None:
            st.subheader(t("ui.present.note", lang), anchor=False)
            st.markdown(views.plain(comment.comment))
            st.caption(notes_ui.provenance(comment, lang))


def actions_frame(actions: list[Any], lang: Lang) -> pd.DataFrame:
    """The action plan as the Saved audits page words it (statuses in words, the metric's
    values in its unit, the done-but-unmoved flag); until that table exists, the records'
    own fields (`ActionRecord`'s names), empty where a record has none."""
    words = _provided(PLAN_MODULE, "actions_frame")
    if words is not None:
        return words(actions, lang, date.today())
    return pd.DataFrame(
        [{f: getattr(a, f, None) for f in ACTION_FIELDS} for a in actions],
        columns=list(ACTION_FIELDS),
    )


def actions_slide(actions: list[Any], lang: Lang) -> None:
    st.header(t("ui.present.actions", lang), anchor=False)
    st.dataframe(
        actions_frame(actions, lang),
        hide_index=True,
        width="stretch",
        column_order=ACTION_FIELDS,
        column_config={
            "metric": st.column_config.TextColumn(t("ui.present.action_metric", lang)),
            "flag": st.column_config.TextColumn(t("ui.present.action_flag", lang)),
            "what": st.column_config.TextColumn(t("ui.present.action_what", lang), width="large"),
            "owner": st.column_config.TextColumn(t("ui.present.action_owner", lang)),
            "due": st.column_config.TextColumn(t("ui.present.action_due", lang)),
            "status": st.column_config.TextColumn(t("ui.present.action_status", lang)),
            "before": st.column_config.TextColumn(t("ui.present.action_before", lang)),
            "after": st.column_config.TextColumn(t("ui.present.action_after", lang)),
        },
    )


def show(access: Access, lang: Lang) -> None:
    st.html(SLIDE_CSS)
    engine = saved.engine()
    loaded = load(engine, access)
    if loaded is None:
        st.info(t("ui.exec.no_audits", lang), icon=":material/inventory_2:")
        return
    audit, previous = loaded
    card = audit.to_scorecard()
    before = previous.to_scorecard() if previous else None
    notes = audit_notes(engine, access, audit.info.id)
    actions = actions_of(engine, access)
    slides = deck(card, actions=bool(actions))
    at = slide_number(st.query_params.get(QUERY_SLIDE, 1), len(slides))
    st.query_params[QUERY_SLIDE] = str(at)
    controls(access, audit, at, len(slides), lang)
    slide: Slide = slides[at - 1]
    if slide.kind == "title":
        title_slide(access, audit, lang)
    elif slide.kind == "overall":
        overall_slide(card, before, previous, notes, lang)
    elif slide.kind == "criteria":
        criteria_slide(card, before, lang)
    elif slide.kind == "criterion" and slide.criterion is not None:
        criterion_slide(card, card.criterion(slide.criterion), before, notes, lang)
    else:
        actions_slide(actions, lang)
