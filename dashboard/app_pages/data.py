"""Data: upload exports, see what loaded and what didn't and why, answer the governance questionnaire."""

import time
from datetime import date

import streamlit as st

from dashboard import i18n
from dashboard.i18n import Lang, t
from dashboard.ingest import Dataset, Loaded
from dashboard.ingest.parse import Plan
from dashboard.labels import kind_label, platform_label
from dashboard.questionnaire import (
    GOVERNANCE_KEYS,
    QuestionnaireError,
    check_questionnaire,
    to_toml,
)
from dashboard.schema import TABLES
from dashboard.settings import DEFAULT_PLATFORMS
from dashboard.ui import creator_picker, creators, mapping, signin, state, uploads, views
from dashboard.ui.tables import files_table, problems_table, unmatched_table

ANSWERS = ("yes", "no", "unknown")


def sample_banner(lang: Lang) -> None:
    with st.container(border=True):
        # The button as wide as its label; on a narrow screen it wraps under the text.
        row = st.container(horizontal=True, vertical_alignment="center")
        row.warning(t("ui.sample_banner", lang), icon=":material/science:", width=520)
        if row.button(
            t("ui.clear_sample", lang), type="primary", key="clear_sample", width="content"
        ):
            state.clear_sample()
            st.rerun()


def upload_section(lang: Lang) -> None:
    session = state.session()
    st.subheader(t("ui.upload", lang), anchor=False)
    if not signin.upload_gate(lang, "upload_signin"):  # a shared server: sign in first
        return
    # The kind above the files: in a column beside them its longest choice was cut.
    kind = st.selectbox(
        t("ui.upload_kind", lang),
        uploads.KINDS,
        format_func=lambda k: kind_label(k, lang),
        key="upload_kind",
        help=t("ui.upload_kind_help", lang),
        placeholder=t("ui.choose", lang),
        width=320,
    )
    files = st.file_uploader(
        t("ui.upload_files", lang),
        type=uploads.UPLOAD_TYPES,
        accept_multiple_files=True,
        key=f"uploader_{session.upload_round}",
        help=t("ui.upload_help", lang),
    )
    if not files:
        return
    bars = st.container()

    def progress_for(name: str):
        shown = views.plain(name)  # a progress label is Markdown: the file name stays text
        bar = bars.progress(0.0, text=uploads.progress_text(shown, 0.0, 0, 0.0, lang))
        started = time.monotonic()

        def report(fraction: float, rows: int) -> None:
            share = min(max(float(fraction), 0.0), 1.0)
            seconds = time.monotonic() - started
            bar.progress(share, text=uploads.progress_text(shown, share, rows, seconds, lang))

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
    state.add_answers(loaded)
    state.record_loads(loaded)
    state.open_offers(mapping.offers(loaded, kind))
    session.replaced_sample = replaced
    session.upload_round += 1  # a new uploader: the bytes just read are not kept anywhere
    st.rerun()


def strangers() -> dict:
    """Per log table, the rows that name nobody in the roster (none without data)."""
    audit = state.auditor()
    return audit.data.strangers if audit is not None else {}


def loaded_message(loaded: Loaded, lang: Lang) -> None:
    """Green only when every row loaded cleanly; amber when rows were left out or the
    report has warnings for the file (short rows, unmatched people): it says how many."""
    file = views.plain(loaded.file)
    if loaded.questionnaire is not None:
        answers = questionnaire_answers(loaded.questionnaire)
        st.success(t("ui.questionnaire_loaded", lang, file=file, n=answers))
        return
    what = kind_label(loaded.summary()["table"], lang)
    warnings = sum(p.severity == "warning" for p in loaded.problems)
    unmatched = strangers().get(loaded.table or "")
    warnings += bool(unmatched and unmatched.rows)  # its people match nobody in the roster
    if loaded.rows_rejected:
        total = loaded.rows_loaded + loaded.rows_rejected
        st.warning(
            t(
                "ui.file_partial",
                lang,
                file=file,
                kind=what,
                loaded=loaded.rows_loaded,
                n=total,
                rejected=loaded.rows_rejected,
            ),
            icon=":material/rule:",
        )
    elif warnings:
        st.warning(
            t("ui.file_warnings", lang, file=file, kind=what, rows=loaded.rows_loaded, n=warnings),
            icon=":material/rule:",
        )
    else:
        key = "ui.file_loaded_mapped" if loaded.format == "mapped" else "ui.file_loaded"
        st.success(t(key, lang, file=file, kind=what, n=loaded.rows_loaded))


def questionnaire_answers(answers: dict) -> int:
    """How many answers a questionnaire file gives (governance items, agencies, platforms,
    followers), for the load message: a questionnaire has no rows."""
    return sum(len(value) if isinstance(value, dict | list) else 1 for value in answers.values())


def last_batch(lang: Lang) -> None:
    session = state.session()
    batch = session.loads[: session.last_batch]
    if session.replaced_sample:
        st.info(t("ui.sample_replaced", lang), icon=":material/swap_horiz:")
    waiting = {o.digest for o in state.offers()}
    for loaded in batch:
        if loaded.ok:
            loaded_message(loaded, lang)
        elif loaded.digest in waiting:
            st.warning(t("ui.file_needs_mapping", lang, file=views.plain(loaded.file)))
        elif loaded.format == uploads.CREATOR:  # its file name names no one: see below
            st.warning(t("ui.creator.no_name", lang, file=views.plain(loaded.file)))
        else:
            st.error(t("ui.file_failed", lang, file=views.plain(loaded.file)))
    for kind, text in state.take_notices():
        {"success": st.success, "info": st.info}.get(kind, st.error)(text)


# --- mapping a file's columns ---------------------------------------------------------------


def mapping_form(offer: mapping.MappingOffer, lang: Lang) -> None:
    """Which table, and which column of the file is each canonical column (guesses preselected)."""
    with st.container(border=True):
        st.subheader(t("ui.mapping.title", lang, file=views.plain(offer.file)), anchor=False)
        st.caption(t("ui.mapping.help", lang))
        table = st.selectbox(
            t("ui.mapping.table", lang),
            mapping.TABLE_CHOICES,
            index=mapping.TABLE_CHOICES.index(offer.table),
            format_func=lambda k: kind_label(k, lang),
            key=f"map_table_{offer.digest}",
        )
        guessed = mapping.guesses(offer, table)
        columns = sorted(TABLES[table].columns, key=lambda c: not c.required)
        options = offer.options()
        none = t("ui.mapping.none", lang)
        with st.form(f"map_form_{offer.digest}_{table}", border=False):
            grid = st.columns(4)
            chosen = {}
            for i, column in enumerate(columns):
                chosen[column.name] = grid[i % 4].selectbox(
                    views.plain(
                        t(f"column.{table}.{column.name}", lang) + (" *" if column.required else "")
                    ),
                    options,
                    index=options.index(guessed.get(column.name, mapping.NONE)),
                    format_func=lambda j: offer.column_label(j, none),
                    help=t(
                        "ui.mapping.column_help",
                        lang,
                        expected=i18n.render(Plan(column).expected, lang),
                        id=column.name,
                    ),
                    key=f"map_{offer.digest}_{table}_{column.name}",
                )
            st.caption(
                t("ui.mapping.required_note", lang, guessed=len(guessed), total=len(columns))
            )
            load, dismiss = st.columns([1, 1], width=520)
            submitted = load.form_submit_button(
                t("ui.mapping.load", lang), type="primary", icon=":material/table_view:"
            )
            dismissed = dismiss.form_submit_button(t("ui.mapping.dismiss", lang), type="tertiary")
        if dismissed:
            mapping.dismiss(offer)
            state.close_offers({offer.digest})
            st.rerun()
        if submitted:
            apply_mapping(offer, table, chosen, lang)


def apply_mapping(offer: mapping.MappingOffer, table: str, chosen: dict, lang: Lang) -> None:
    missing, shared = mapping.problems(table, chosen)
    if missing or shared:
        for key, columns in (("ui.mapping.missing", missing), ("ui.mapping.twice", shared)):
            if columns:
                st.error(t(key, lang, columns=views.plain(", ".join(columns))))
        return
    loaded = mapping.load_mapped(offer, table, chosen)
    file = views.plain(offer.file)
    if loaded is None:
        state.close_offers({offer.digest})
        state.notify("error", t("ui.file_gone", lang, file=file))
        st.rerun()
    state.record_loads([loaded], batch=False)
    if not loaded.ok:
        state.notify("error", t("ui.mapping.failed", lang, file=file))
        st.rerun()
    session = state.session()
    # Files of the same layout still waiting load by themselves with the mapping just saved.
    others = mapping.load_saved(
        o for o in state.offers() if o.signature == offer.signature and o.digest != offer.digest
    )
    if session.sample:  # the user's own file replaces the bundled sample, as an upload does
        state.notify("info", t("ui.sample_replaced", lang))
    dataset = Dataset() if session.sample else session.dataset
    dataset = uploads.add_uploads(dataset, [loaded, *others])
    state.set_dataset(dataset)
    state.record_loads(others, batch=False)
    state.close_offers({offer.digest, *(o.digest for o in others)})
    what = kind_label(table, lang)
    saved = t("ui.mapping.saved", lang, file=file, kind=what, n=loaded.rows_loaded)
    state.notify("success", saved)
    for other in others:
        file = views.plain(other.file)
        state.notify(
            "success", t("ui.file_loaded", lang, file=file, kind=what, n=other.rows_loaded)
        )
    st.rerun()


def mapping_section(lang: Lang) -> None:
    held = uploads.held()
    for offer in state.offers():
        if offer.digest in held:
            mapping_form(offer, lang)
        else:  # let go to make room for newer uploads (the cache is bounded)
            state.close_offers({offer.digest})
            st.warning(t("ui.file_gone", lang, file=views.plain(offer.file)))


def files_section(lang: Lang) -> None:
    session = state.session()
    st.subheader(t("ui.files_read", lang), anchor=False)
    frame = files_table(session.dataset, session.loads, lang)
    if frame.empty:
        st.info(t("ui.no_files", lang))
    else:
        views.table(frame)
    names = [f.file for f in session.dataset.files]
    if names:
        pick, button = st.columns([3, 1], vertical_alignment="bottom")
        chosen = pick.multiselect(
            t("ui.remove_files", lang),
            names,
            key=state.REMOVE_FILES,
            placeholder=t("ui.choose", lang),
            select_all=False,  # Streamlit writes its "Select all" in English
        )
        if button.button(
            t("ui.remove", lang), disabled=not chosen, key="remove_button", width="stretch"
        ):
            dataset = session.dataset
            gone = {f.digest for f in dataset.files if f.file in chosen}
            for digest in gone:
                uploads.held().drop(digest)
            for name in chosen:
                dataset = dataset.remove(name)
            state.set_dataset(dataset, sample=session.sample and bool(dataset.files))
            state.forget_loads(gone)
            state.forget(state.REMOVE_FILES)
            st.rerun()
    if not session.sample and st.button(
        t("ui.load_sample", lang), type="tertiary", icon=":material/science:", key="load_sample"
    ):
        state.reload_sample()
        st.rerun()

    problems = problems_table(
        session.loads, lang, unmatched_table(session.dataset, strangers(), lang)
    )
    st.subheader(t("ui.load_report", lang), anchor=False)
    if problems.empty:
        st.caption(t("ui.no_problems", lang))
    else:
        st.caption(t("ui.load_report_help", lang))
        views.table(problems, height=min(40 + 35 * len(problems), 420))


def _answer(value: object) -> int:
    return 0 if value is True else 1 if value is False else 2


def questionnaire_section(lang: Lang) -> None:
    st.subheader(t("ui.questionnaire", lang), anchor=False)
    st.caption(t("ui.questionnaire_help", lang))
    answers = state.questionnaire()
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
                t(f"questionnaire.question.{key}", lang),
                ANSWERS,
                index=_answer(governance.get(key)),
                format_func=lambda a: t(f"questionnaire.answer.{a}", lang),
                horizontal=True,
                key=f"q_{key}_{version}",
            )
            chosen[key] = {"yes": True, "no": False}.get(choice)
        updated = right.date_input(
            t("questionnaire.question.policy_updated", lang),
            value=governance.get("policy_updated"),
            max_value=date(2100, 12, 31),
            min_value=date(1990, 1, 1),
            key=f"q_policy_updated_{version}",
            format=i18n.text("locale.date_input", lang),
        )
        agencies = st.text_input(
            t("questionnaire.question.agencies", lang),
            value=", ".join(answers.get("agencies", [])),
            help=t("questionnaire.question.agencies_help", lang),
            key=f"q_agencies_{version}",
        )
        st.caption(t("questionnaire.question.followers", lang))
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
        saved = st.form_submit_button(t("ui.save_answers", lang), type="primary")
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
            reason = views.plain(i18n.render(error.msg, lang))
            st.error(t("ui.questionnaire_error", lang, reason=reason))
            return
        # The form showed every answer in use, so the saved form is the whole questionnaire:
        # the files' answers give way to it (and "Don't know" really clears). Nothing is
        # prepared again: the next scoring re-measures the criteria these answers feed.
        state.set_answers(checked)
        st.rerun()
    st.download_button(
        t("ui.download.questionnaire", lang),
        data=lambda: to_toml(state.questionnaire()),
        file_name="questionnaire.toml",
        mime="application/toml",
        icon=":material/download:",
        on_click="ignore",
        key="download_questionnaire",
    )


def release_held() -> None:
    """Upload bytes are held only while their file waits for the user: let the others go."""
    session = state.session()
    waiting = {o.digest for o in session.offers}
    waiting |= {c.loaded.digest for c in creators.creator_files(session.dataset, session.loads)}
    uploads.held().keep_only(waiting)


def render() -> None:
    lang = state.lang()
    release_held()
    st.title(t("ui.nav.data", lang), anchor=False)
    st.caption(t("ui.data_intro", lang))
    if state.session().sample:
        sample_banner(lang)
    last_batch(lang)
    mapping_section(lang)
    creator_picker.creator_section(lang)
    upload_section(lang)
    files_section(lang)
    questionnaire_section(lang)


views.run_page(render)
