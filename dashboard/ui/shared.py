"""The charts sessions share: drawn once per prepared audit, period, settings, answers and
language.

A session's data is prepared through `dashboard.prepared` in its scope (`state.auditor`):
the bundled sample is public (one prepared audit for every visitor); data a session
loaded is shared only with the sessions of the workspace it works in (Saved audits),
and only when they loaded the very same data; a session in no workspace shares nothing.

The figures drawn from a prepared audit are kept in a bounded memo that lives as long as
the prepared audit: a page switch or another session on the same period sends the
figure already drawn.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

import plotly.graph_objects as go

from dashboard.audit import Auditor, answers_key
from dashboard.memo import Memo
from dashboard.ui import state, views

CHARTS = 96  # figures kept per prepared audit (a few periods × pages × languages)

_charts: weakref.WeakKeyDictionary[Auditor, Memo[go.Figure]] = weakref.WeakKeyDictionary()
_charts_lock = threading.Lock()


def charts_of(audit: Auditor) -> Memo[go.Figure]:
    """The memo of figures drawn from this prepared audit (it goes with the audit)."""
    with _charts_lock:
        memo = _charts.get(audit)
        if memo is None:
            memo = _charts[audit] = Memo(CHARTS)
        return memo


def chart(draw: Callable[[], go.Figure], key: str) -> None:
    """Show the figure `draw()` makes of the audit on screen, drawn once and shared.

    `draw` must depend only on the session's prepared audit, period, settings, answers
    and language (which the memo is keyed by, with `key` and where `draw` is written).
    """
    audit = state.auditor()
    if audit is None:
        return
    code, settings = draw.__code__, state.settings()
    name = (
        code.co_filename,
        code.co_firstlineno,
        key,
        state.period(),
        settings.key(),
        answers_key(state.questionnaire()),
        state.lang(),
    )
    views.chart(charts_of(audit).get(name, draw), key=key)
