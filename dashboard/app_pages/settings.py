"""Settings: language, period, platforms, targets and weights — with reset, download and upload."""

from dataclasses import replace

import streamlit as st

from dashboard import i18n
from dashboard.criteria import registry
from dashboard.i18n import Lang, decimal, number, t
from dashboard.labels import platform_label
from dashboard.schema import PLATFORMS
from dashboard.settings import Settings, SettingsError, dump_settings, parse_settings
from dashboard.ui import builtin_texts, state, views, widgets
from dashboard.ui.tables import apply_metric_edits, metric_settings_frame

# A criterion's weight, 0 (left out) to 10, in quarters: a slider whose values are written
# the reader's way (a number box writes "1.50" whatever the language).
WEIGHTS = tuple(quarter / 4 for quarter in range(41))


def _bump() -> None:
    """New keys for every settings editor, so they show the stored settings afresh."""
    state.session().settings_round += 1


def _set_criterion_weight(cid: str, key: str) -> None:
    value = state.widget(key)
    if value is not None:
        state.set_settings(state.settings().with_criterion_weight(cid, float(value)))


def _set_metrics(key: str) -> None:
    edits = (state.widget(key) or {}).get("edited_rows", {})
    try:
        state.set_settings(apply_metric_edits(state.settings(), edits))
    except SettingsError as error:
        state.SETTINGS_ERROR.set(error.msg)


def _set_platforms(key: str) -> None:
    chosen = state.widget(key) or []
    state.set_settings(replace(state.settings(), expected_platforms=tuple(chosen)))


def _set_weakest(key: str) -> None:
    state.set_settings(replace(state.settings(), weakest_link=bool(state.widget(key))))


def general(lang: Lang) -> None:
    left, right = st.columns(2, gap="large")
    with left:
        widgets.language_switch("settings")
    with right:
        if state.dataset().files:
            widgets.period_picker("settings", lang)
            widgets.reset_period_button("settings", lang)


def platforms(lang: Lang, version: int) -> None:
    ctx = state.context()
    current = list(ctx.expected_platforms) if ctx is not None else []
    options = list(dict.fromkeys([*PLATFORMS, *current]))
    key = f"platforms_{version}"
    st.multiselect(
        t("ui.expected_platforms", lang),
        options,
        default=current,
        format_func=lambda p: platform_label(p, lang),
        placeholder=t("ui.choose", lang),
        select_all=False,  # Streamlit writes its "Select all" in English
        key=key,
        on_change=_set_platforms,
        args=(key,),
        help=t("ui.expected_platforms_help", lang),
    )
    key = f"weakest_{version}"
    st.toggle(
        t("ui.weakest_link", lang),
        value=state.settings().weakest_link,
        key=key,
        on_change=_set_weakest,
        args=(key,),
        help=t("ui.weakest_link_help", lang),
    )


def criterion_weights(lang: Lang, version: int) -> None:
    st.subheader(t("ui.criterion_weights", lang), anchor=False)
    st.caption(t("ui.criterion_weights_help", lang))
    settings = state.settings()
    columns = st.columns(4)
    for i, spec in enumerate(registry.criteria()):
        key = f"cw_{spec.id}_{version}"
        weight = float(settings.criterion_weight(spec.id))
        columns[i % 4].select_slider(
            spec.title[lang],
            options=sorted({*WEIGHTS, weight}),  # a file may set any weight
            value=weight,
            format_func=lambda w: decimal(w, lang),
            key=key,
            on_change=_set_criterion_weight,
            args=(spec.id, key),
        )


def metric_targets(lang: Lang, version: int) -> None:
    st.subheader(t("ui.metric_targets", lang), anchor=False)
    st.caption(t("ui.metric_targets_help", lang))
    key = f"metric_editor_{version}"
    st.data_editor(
        metric_settings_frame(state.settings(), lang),
        key=key,
        on_change=_set_metrics,
        args=(key,),
        hide_index=True,
        width="stretch",
        height=560,
        disabled=["metric_id", "criterion", "metric", "unit"],
        column_order=["criterion", "metric", "unit", "floor", "target", "weight"],
        column_config={
            "criterion": st.column_config.TextColumn(t("col.criterion", lang)),
            "metric": st.column_config.TextColumn(t("col.metric", lang)),
            "unit": st.column_config.TextColumn(t("col.unit", lang), width="small"),
            # "localized": the browser's decimal separator (the app's language follows the
            # browser's), not printf's point ("80.00" on the Italian page).
            "floor": st.column_config.NumberColumn(t("col.floor", lang), format="localized"),
            "target": st.column_config.NumberColumn(
                t("audit.target", lang).capitalize(), format="localized"
            ),
            "weight": st.column_config.NumberColumn(
                t("col.weight", lang), min_value=0.0, format="localized"
            ),
        },
    )
    error = state.SETTINGS_ERROR.pop()
    if error:
        st.error(t("ui.settings_error", lang, reason=views.plain(i18n.render(error, lang))))


def file_section(lang: Lang, version: int) -> None:
    st.subheader(t("ui.settings_file", lang), anchor=False)
    # The buttons as wide as their labels (columns cut them on a 4:3 projector), the
    # uploader under them.
    buttons = st.container(horizontal=True, gap="small")
    up = st.container()
    buttons.download_button(
        t("ui.download.settings", lang),
        data=lambda: dump_settings(state.settings()),
        file_name="presenza-settings.toml",
        mime="application/toml",
        icon=":material/download:",
        on_click="ignore",
        key="download_settings",
        width="content",
    )
    upload = up.file_uploader(
        t("ui.upload_settings", lang),
        type=["toml"],
        key=f"settings_upload_{version}",
        max_upload_size=1,  # MB: a settings file is a few kilobytes
    )
    builtin_texts.one_file_uploader(
        up, f"settings_upload_{version}", t("ui.uploader.limit_settings", lang), lang
    )
    if upload is not None:
        try:
            settings = parse_settings(upload.getvalue().decode("utf-8-sig"))
        except SettingsError as error:
            reason = views.plain(i18n.render(error.msg, lang))
            st.error(t("ui.settings_error", lang, reason=reason))
        except UnicodeDecodeError:
            reason = t("load.message.not_utf8", lang)
            st.error(t("ui.settings_error", lang, reason=reason))
        else:
            state.set_settings(settings)
            _bump()
            state.SETTINGS_LOADED.set(upload.name)
            st.rerun()
    loaded = state.SETTINGS_LOADED.pop()
    if loaded:
        st.success(t("ui.settings_loaded", lang, file=views.plain(loaded)))
    if buttons.button(
        t("ui.reset_settings", lang),
        icon=":material/restart_alt:",
        key="reset_settings",
        width="content",
    ):
        state.set_settings(Settings())
        _bump()
        st.rerun()


def render() -> None:
    lang = state.lang()
    st.title(t("ui.nav.settings", lang), anchor=False)
    version = state.session().settings_round
    summary = st.container()
    general(lang)
    lang = state.lang()
    st.divider()
    platforms(lang, version)
    criterion_weights(lang, version)
    metric_targets(lang, version)
    st.divider()
    file_section(lang, version)
    scorecard = state.scorecard()
    if scorecard is not None:
        with summary:
            score = "—" if scorecard.score is None else f"{number(scorecard.score, lang)}/100"
            st.info(
                t("ui.settings_effect", lang, score=score, level=scorecard.level_name(lang) or "—"),
                icon=":material/speed:",
            )


views.run_page(render)
