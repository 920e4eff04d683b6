"""The Streamlit app's frame: page setup, the start-up check, session start, the sidebar,
and the navigation.

`streamlit_app.py` (and `python -m dashboard serve`, which runs this file) call
`main()`; the pages themselves are thin scripts in `app_pages/`.
"""

from __future__ import annotations

import logging

import streamlit as st

from dashboard.i18n import Lang, t
from dashboard.ui import builtin_texts, nav, reopen, saved, signin, state, widgets
from dashboard.ui.views import plain

log = logging.getLogger("presenza.app")

# Three rising bars in the theme's blue, served by the app itself.
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    '<rect width="64" height="64" rx="12" fill="#0072B2"/>'
    '<rect x="12" y="34" width="10" height="18" rx="2" fill="#fff"/>'
    '<rect x="27" y="24" width="10" height="28" rx="2" fill="#fff"/>'
    '<rect x="42" y="12" width="10" height="40" rx="2" fill="#E69F00"/>'
    "</svg>"
)


def sidebar(lang: Lang) -> None:
    """Language, period and names: the controls every page obeys."""
    with st.sidebar:
        widgets.language_switch("sidebar")
        lang = state.lang()
        if state.dataset().files:
            try:
                widgets.period_picker("sidebar", lang)
            except Exception:
                log.exception("period picker failed")
                st.error(t("ui.error", lang))
        widgets.names_toggle(lang)
        session = state.session()
        if session.sample:
            st.caption(t("ui.sample_badge", lang))
        elif session.dataset.files:
            st.caption(plain(t("ui.files_badge", lang, n=len(session.dataset.files))))


def main() -> None:
    # `?workspace=…` is an executive's link (or presentation mode's): that workspace's
    # read-only views and nothing else — no sidebar, no way to the pages that upload, save
    # or change settings.
    linked = saved.linked_workspace() is not None
    st.set_page_config(
        page_title="Presenza",
        # A local image: material-icon and emoji favicons are fetched from a font CDN.
        page_icon=FAVICON,
        layout="wide",
        # "auto": open beside the content on a desktop, closed on a phone (where it would
        # cover the page).
        initial_sidebar_state="collapsed" if linked else "auto",
    )
    # A shared server with no sign-in configured serves nothing but the reason why.
    state.init_language()
    if not signin.startup_check(state.lang()):
        return
    builtin_texts.widget_texts(state.lang())
    if linked:  # no sample data to load: the view reads the store
        st.navigation(nav.linked(state.lang()), position="hidden").run()
        return
    state.init()
    lang = state.lang()
    navigation = st.navigation(nav.pages(lang), position="sidebar")
    sidebar(lang)
    reopen.banner(lang)
    navigation.run()


if __name__ == "__main__":
    main()
