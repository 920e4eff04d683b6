"""Presentation mode: a saved audit as full-screen slides (`/present?workspace=…[&audit=…]`),
behind the workspace's passphrase as the executive view is. The slides are built in
`dashboard/ui/present.py`."""

from __future__ import annotations

from dashboard.i18n import t
from dashboard.store import SAMPLE_SLUG
from dashboard.ui import present, saved, state, views, widgets
from dashboard.ui.gate import passphrase_gate


def render() -> None:
    lang = state.lang()
    # Reached by a workspace's link only (`nav.linked`); the sample, as the executive view's.
    slug = saved.linked_workspace() or saved.chosen_workspace() or SAMPLE_SLUG
    with saved.guard(lang):
        access = saved.access_for(slug)
        if access is None:
            widgets.language_switch("present")
            passphrase_gate(slug, lang, t("ui.present.title", lang), "present")
            return
        present.show(access, lang)


views.run_page(render)
