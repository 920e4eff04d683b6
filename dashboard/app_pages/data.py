"""Data: upload exports, see what loaded and what didn't and why, answer the governance questionnaire."""

from datetime import date

import streamlit as st

from dashboard.i18n import number, t
from dashboard.questionnaire import (
    GOVERNANCE_KEYS,
    QuestionnaireError,
    check_questionnaire,
    to_toml,
)
from dashboard.report.tables import platform_label
from dashboard.settings import DEFAULT_PLATFORMS
from dashboard.ui import state, uploads, views
from dashboard.ui.tables import files_table, kind_label, problems_table

ANSWERS = ("yes", "no", "unknown")


def sample_banner(lang: str) -> None:
    with st.container(border=True):
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.warning(t("ui_sample_banner", lang), icon=":material/science:")
        if button.button(
            t("ui_clear_sample", lang), type="primary", key="clear_sample", width="stretch"
        ):
            state.clear_sample()
            st.rerun()


def upload_section(lang: str) -> None:
    session = state.session()
    st.subheader(t("ui_upload", lang), anchor=False)
    kind_col, files_col = st.columns([1, 3])
    kind = kind_col.selectbox(
        t("ui_upload_kind", lang),
        uploads.KINDS,
        format_func=lambda k: kind_label(k, lang),
        key="upload_kind",
        help=t("ui_upload_kind_help", lang),
        placeholder=t("ui_choose", lang),
    )
    files = files_col.file_uploader(
        t("ui_upload_files", lang),
        type=uploads.UPLOAD_TYPES,
        accept_multiple_files=True,
        key=f"uploader_{session.upload_round}",
        help=t("ui_upload_help", lang),
    )
    if not files:
        return
    bars = st.container()

    def progress_for(name: str):
        shown = views.plain(name)  # a progress label is Markdown: the file name stays text
        bar = bars.progress(0.0, text=t("ui_reading", lang, file=shown, percent=0))

        def report(fraction: float, _text: str) -> None:
            share = min(max(float(fraction), 0.0), 1.0)
            bar.progress(share, text=t("ui_reading", lang, file=shown, percent=round(share * 100)))

        return report

    was_sample = session.sample
    dataset, loaded = uploads.handle_uploads(
        ((f.name, f.getvalue()) for f in files),
        kind,
        state.dataset(),
        replace=was_sample,
        progress_for=progress_for,
    )
    replaced = was_sample and dataset is not session.dataset and any(f.ok for f in loaded)
    state.set_dataset(dataset, sample=was_sample and not replaced)
    state.record_loads(loaded)
    session.replaced_sample = replaced
    session.upload_round += 1  # a new uploader: the bytes just read are not kept anywhere
    st.rerun()


def last_batch(lang: str) -> None:
    session = state.session()
    batch = session.loads[: session.last_batch]
    if session.replaced_sample:
        st.info(t("ui_sample_replaced", lang), icon=":material/swap_horiz:")
    for loaded in batch:
        if loaded.ok:
            rows = number(loaded.rows_loaded, lang)
            what = kind_label(loaded.summary()["table"], lang)
            st.success(
                t("ui_file_loaded", lang, file=views.plain(loaded.file), kind=what, rows=rows)
            )
        else:
            st.error(t("ui_file_failed", lang, file=views.plain(loaded.file)))


def files_section(lang: str) -> None:
    session = state.session()
    st.subheader(t("ui_files_read", lang), anchor=False)
    frame = files_table(session.dataset, session.loads, lang)
    if frame.empty:
        st.info(t("ui_no_files", lang))
    else:
        views.table(frame)
    names = [f.file for f in session.dataset.files]
    if names:
        pick, button = st.columns([3, 1], vertical_alignment="bottom")
        chosen = pick.multiselect(
            t("ui_remove_files", lang), names, key="remove_files", placeholder=t("ui_choose", lang)
        )
        if button.button(
            t("ui_remove", lang), disabled=not chosen, key="remove_button", width="stretch"
        ):
            dataset = session.dataset
            for name in chosen:
                dataset = dataset.remove(name)
            state.set_dataset(dataset, sample=session.sample and bool(dataset.files))
            st.session_state.pop("remove_files", None)
            st.rerun()
    if not session.sample and st.button(
        t("ui_load_sample", lang), type="tertiary", icon=":material/science:", key="load_sample"
    ):
        state.reload_sample()
        st.rerun()

    problems = problems_table(session.loads, lang)
    st.subheader(t("ui_load_report", lang), anchor=False)
    if problems.empty:
        st.caption(t("ui_no_problems", lang))
    else:
        st.caption(t("ui_load_report_help", lang))
        views.table(problems, height=min(40 + 35 * len(problems), 420))


def _answer(value: object) -> int:
    return 0 if value is True else 1 if value is False else 2


def questionnaire_section(lang: str) -> None:
    st.subheader(t("ui_questionnaire", lang), anchor=False)
    st.caption(t("ui_questionnaire_help", lang))
    answers = state.dataset().questionnaire
    governance = answers.get("governance", {})
    followers = answers.get("followers", {})
    # New keys whenever the stored answers change (an uploaded questionnaire, a save),
    # so the form always shows what the audit uses.
    version = abs(hash(repr(sorted(answers.items(), key=str)))) % 10**8
    with st.form(f"questionnaire_{version}", border=True):
        chosen: dict[str, object] = {}
        left, right = st.columns(2, gap="large")
        keys = [k for k in GOVERNANCE_KEYS if k != "policy_updated"]
        for i, key in enumerate(keys):
            column = left if i % 2 == 0 else right
            choice = column.radio(
                t(f"q_{key}", lang),
                ANSWERS,
                index=_answer(governance.get(key)),
                format_func=lambda a: t(f"answer_{a}", lang),
                horizontal=True,
                key=f"q_{key}_{version}",
            )
            chosen[key] = {"yes": True, "no": False}.get(choice)
        updated = right.date_input(
            t("q_policy_updated", lang),
            value=governance.get("policy_updated"),
            max_value=date(2100, 12, 31),
            min_value=date(1990, 1, 1),
            key=f"q_policy_updated_{version}",
            format="DD/MM/YYYY" if lang == "it" else "YYYY-MM-DD",
        )
        agencies = st.text_input(
            t("q_agencies", lang),
            value=", ".join(answers.get("agencies", [])),
            help=t("q_agencies_help", lang),
            key=f"q_agencies_{version}",
        )
        st.caption(t("q_followers", lang))
        platforms = list(dict.fromkeys([*DEFAULT_PLATFORMS, *followers]))
        counts = st.columns(len(platforms))
        given: dict[str, int] = {}
        for column, platform in zip(counts, platforms, strict=True):
            value = column.number_input(
                views.plain(platform_label(platform, lang)),
                min_value=0,
                value=followers.get(platform),
                step=1,
                key=f"q_followers_{platform}_{version}",
            )
            if value is not None:
                given[platform] = int(value)
        saved = st.form_submit_button(t("ui_save_answers", lang), type="primary")
    if saved:
        raw = {
            "governance": {
                **{k: v for k, v in chosen.items() if v is not None},
                **({"policy_updated": updated.isoformat()} if updated else {}),
            },
            "agencies": [a.strip() for a in agencies.split(",") if a.strip()],
            "followers": given,
        }
        if "platforms" in answers:
            raw["platforms"] = answers["platforms"]
        try:
            checked = check_questionnaire(raw)
        except QuestionnaireError as error:
            st.error(t("ui_questionnaire_error", lang, reason=views.plain(error)))
            return
        session = state.session()
        # The form showed every answer in use, so the saved form is the whole questionnaire:
        # uploaded questionnaire files give way to it (and "Don't know" really clears).
        dataset = session.dataset
        for loaded in dataset.files:
            if loaded.format == "questionnaire" and not loaded.digest.startswith("app:"):
                dataset = dataset.remove(loaded.file)
        state.set_dataset(
            dataset.with_questionnaire(checked), sample=session.sample, keep_period=True
        )
        st.rerun()
    st.download_button(
        t("ui_download_questionnaire", lang),
        data=lambda: to_toml(state.dataset().questionnaire),
        file_name="questionnaire.toml",
        mime="application/toml",
        icon=":material/download:",
        on_click="ignore",
        key="download_questionnaire",
    )


def render() -> None:
    lang = state.lang()
    st.title(t("nav_data", lang), anchor=False)
    st.caption(t("ui_data_intro", lang))
    if state.session().sample:
        sample_banner(lang)
    last_batch(lang)
    upload_section(lang)
    files_section(lang)
    questionnaire_section(lang)


views.run_page(render)
