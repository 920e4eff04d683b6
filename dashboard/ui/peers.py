"""Peer benchmarks on the Saved audits page: the workspace's sector, size band, opt-out and
digest language (editors), and the current audit's percentiles among its peers.

Only aggregates are shown, and only for metrics at least `MIN_PEERS` peers measured.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from dashboard.i18n import LANGS, Lang, t
from dashboard.peers import MIN_PEERS, SECTORS, SIZE_BANDS
from dashboard.report.plan import benchmark_frame
from dashboard.store import Access, StoreError, current_audit
from dashboard.store.peers import Profile, get_profile, peer_benchmark, set_profile
from dashboard.ui import saved
from dashboard.ui.workspaces import flash


def peers_section(engine: Engine, access: Access, lang: Lang) -> None:
    st.subheader(t("ui.peers.title", lang), anchor=False)
    profile = get_profile(engine, access)
    if access.can_edit:
        profile_form(engine, access, profile, lang)
    benchmark_table(engine, access, lang)


def profile_form(engine: Engine, access: Access, profile: Profile, lang: Lang) -> None:
    with st.form("peer_profile", border=False):
        sector_col, size_col, lang_col = st.columns(3)
        sector = sector_col.selectbox(
            t("ui.peers.sector", lang),
            [None, *SECTORS],
            index=[None, *SECTORS].index(profile.sector),
            format_func=lambda s: (
                t("ui.peers.unset", lang) if s is None else t(f"sector.{s}", lang)
            ),
        )
        size = size_col.selectbox(
            t("ui.peers.size", lang),
            [None, *SIZE_BANDS],
            index=[None, *SIZE_BANDS].index(profile.size_band),
            format_func=lambda s: (
                t("ui.peers.unset", lang) if s is None else t("ui.peers.employees", lang, band=s)
            ),
        )
        digest_lang = lang_col.selectbox(
            t("ui.peers.digest_lang", lang),
            LANGS,
            index=LANGS.index(profile.lang),
            format_func=lambda code: t("language.name", code),
        )
        opted_out = st.checkbox(
            t("ui.peers.opt_out", lang),
            value=profile.opted_out,
            help=t("ui.peers.opt_out_help", lang),
        )
        if st.form_submit_button(t("ui.peers.save", lang), icon=":material/save:"):
            try:
                set_profile(engine, access, Profile(sector, size, opted_out, digest_lang))
            except StoreError as error:
                saved.show_error(error, lang)
                return
            flash(t("ui.peers.saved", lang))
            st.rerun()


def benchmark_table(engine: Engine, access: Access, lang: Lang) -> None:
    """The current audit among its peers, or why there is nothing to show."""
    current = current_audit(engine, access)
    benchmark = peer_benchmark(engine, access)
    if benchmark.opted_out:
        st.caption(t("ui.peers.opted_out", lang))
        return
    if benchmark.sector is None and benchmark.size_band is None:
        st.caption(t("ui.peers.no_profile", lang))
        return
    if current is None or not benchmark.shown:
        st.info(t("ui.peers.too_few", lang, n=MIN_PEERS), icon=":material/group_off:")
        return
    st.caption(t("ui.peers.intro", lang, n=MIN_PEERS))
    st.dataframe(
        benchmark_frame(benchmark, current.scorecard, lang),
        hide_index=True,
        width="stretch",
        column_config={
            "metric": st.column_config.TextColumn(t("ui.actions.metric", lang), width="large"),
            "value": st.column_config.TextColumn(t("ui.peers.value", lang)),
            "percentile": st.column_config.ProgressColumn(
                t("ui.peers.percentile", lang),
                help=t("ui.peers.percentile_help", lang),
                min_value=0,
                max_value=100,
                format="%d",
            ),
            "median": st.column_config.TextColumn(t("ui.peers.median", lang)),
            "range": st.column_config.TextColumn(t("ui.peers.range", lang)),
            "peers": st.column_config.NumberColumn(t("ui.peers.count", lang)),
        },
    )
