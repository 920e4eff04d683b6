"""Real export layouts (tests/fixtures/exports, built by make_exports.py) load field by field."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest
from conftest import FIXTURES, ROOT

from dashboard.audit import run_audit
from dashboard.criteria.context import prepare
from dashboard.ingest import Dataset, load_file
from dashboard.ingest.adapters import linkedin_creator
from dashboard.ingest.adapters.common import post_urn
from dashboard.ingest.adapters.linkedin_creator import employee_from_file_name
from dashboard.ingest.upload import Upload

EXPORTS = FIXTURES / "exports"
LI_EN = "linkedin_content_en.xls"
LI_IT = "linkedin_content_it.xls"
FB_EN = "Jan-01-2026_Mar-31-2026_100045700821521.csv"
FB_IT = "Jan-01-2026_Mar-31-2026_100045700821521_it.csv"
IG_EN = "Jan-01-2026_Mar-31-2026_17841461342735919.csv"
IG_IT = "Jan-01-2026_Mar-31-2026_17841461342735919_it.csv"
X_FIRST = "account_analytics_content_2026-01-01_2026-02-28.csv"
X_SECOND = "account_analytics_content_2026-02-01_2026-03-31.csv"
X_LEGACY = "tweet_activity_metrics_AcmeWines_20230101_20230201_en.csv"
CREATOR_EN = "AggregateAnalytics_Mario_Rossi_2026-01-01_2026-03-31.xlsx"
CREATOR_IT = "Content_2026-01-01_2026-03-31_Giulia_Bianchi.xlsx"


def load(name: str):
    loaded = load_file(name, (EXPORTS / name).read_bytes())
    assert loaded.ok, [p.line() for p in loaded.problems]
    return loaded


def rows(name: str) -> list[dict]:
    return load(name).frame.to_dicts()


def blocking(loaded) -> list[str]:
    return [p.line() for p in loaded.problems if p.severity != "info"]


EVERY_EXPORT = [
    # file, format, table, rows loaded
    (LI_EN, "linkedin_page_content", "company_posts", 6),
    (LI_IT, "linkedin_page_content", "company_posts", 3),
    ("linkedin_content_pt.xls", "linkedin_page_content", "company_posts", 2),
    ("linkedin_updates_legacy_en.xls", "linkedin_page_content", "company_posts", 1),
    (FB_EN, "meta_posts_en", "company_posts", 5),
    (FB_IT, "meta_posts_it", "company_posts", 5),
    (IG_EN, "meta_posts_en", "company_posts", 4),
    (IG_IT, "meta_posts_it", "company_posts", 4),
    ("instagram_unicode_text.txt", "meta_posts_en", "company_posts", 4),
    (X_FIRST, "x_content", "company_posts", 5),
    (X_SECOND, "x_content", "company_posts", 4),
    ("account_analytics_content_ja.csv", "x_content", "company_posts", 3),
    (X_LEGACY, "x_tweet_activity", "company_posts", 3),
    (CREATOR_EN, "linkedin_creator", "employee_activity", 5),
    (CREATOR_IT, "linkedin_creator", "employee_activity", 4),
    ("everyonesocial_users.csv", "advocacy_users", "employee_summary", 4),
    ("sociuu_user_stats.csv", "advocacy_users", "employee_summary", 2),
    ("roster.csv", "canonical", "roster", 6),
]


@pytest.mark.parametrize(("name", "fmt", "table", "count"), EVERY_EXPORT)
def test_every_export_is_recognised_and_loads_cleanly(
    name: str, fmt: str, table: str, count: int
) -> None:
    loaded = load(name)
    summary = loaded.summary()
    assert (summary["format"], summary["table"], summary["rows_loaded"]) == (fmt, table, count)
    assert summary["rows_rejected"] == 0
    assert blocking(loaded) == []


# --- LinkedIn page ----------------------------------------------------------


def test_linkedin_posts_sheet_only_with_urn_keys_and_admin_authors() -> None:
    first, second, *_ = rows(LI_EN)
    assert first == {
        "platform": "linkedin",
        "post_id": "urn:li:activity:7414563278120448000",
        "published_at": datetime(2026, 1, 7),
        "author": "Sara Neri",
        "author_type": None,
        "format": None,  # Content Type left empty
        "impressions": 253,
        "reach": None,
        "reactions": 0,
        "comments": 0,
        "shares": 0,
        "clicks": 1,
        "comments_replied": None,
        "replies_by_staff": None,
        "first_response_minutes": None,
        "labels": None,
        "text": "Share it to students…\nApplications close on March 31.",
    }
    assert (second["format"], second["impressions"], second["reactions"]) == ("video", 4810, 85)


def test_linkedin_italian_and_portuguese_names_and_date_orders() -> None:
    italian = rows(LI_IT)
    assert [r["published_at"] for r in italian] == [
        datetime(2026, 2, 2),  # 02/02: month-first by convention
        datetime(2026, 2, 26),
        datetime(2026, 3, 11),
    ]
    assert italian[0]["author"] == "Luca Verdi"
    assert (italian[0]["format"], italian[0]["shares"]) == ("image", 1)  # Immagine, Diffusioni post
    portuguese = rows("linkedin_content_pt.xls")
    assert portuguese[0]["published_at"] == datetime(2026, 2, 13)  # 13/02/2026: day-first
    assert (portuguese[0]["author"], portuguese[0]["format"]) == ("Paolo Gallo", "video")


def test_linkedin_old_update_columns() -> None:
    (post,) = rows("linkedin_updates_legacy_en.xls")
    assert post["post_id"] == "urn:li:activity:7412000000000000006"
    assert (post["text"], post["shares"], post["reactions"]) == ("Auguri di buon anno!", 1, 30)


def test_linkedin_urn_is_the_same_from_every_link_form() -> None:
    links = pl.Series(
        [
            "https://www.linkedin.com/feed/update/urn:li:activity:7353764451306590208",
            "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7353764451306590208/",
            "urn:li:activity:7353764451306590208",
            "https://www.linkedin.com/posts/acme_wine-activity-7353764451306590208-AbCd",
        ]
    )
    urns = pl.select(post_urn(pl.lit(links))).to_series().unique().to_list()
    assert urns == ["urn:li:activity:7353764451306590208"]


# --- Meta ---------------------------------------------------------------------


def test_meta_facebook_lifetime_captions_and_unknown_views() -> None:
    first, second, video, *_ = rows(FB_EN)
    assert first["platform"] == "facebook"
    assert first["post_id"] == "1827720132094663"
    assert first["published_at"] == datetime(2026, 1, 9, 18, 12)  # not the "Lifetime" Date
    assert (first["format"], first["text"]) == ("image", "An autumn favourite, now in magnum")
    assert second["text"] == "𝐍𝐄𝐖 vintage, new label.\nSee you in Verona!\n\n#acme #wine"
    assert video["impressions"] is None  # blank Views stays unknown
    assert (video["reach"], video["reactions"], video["comments"], video["shares"]) == (
        2380,
        140,
        22,
        17,
    )
    assert (video["clicks"], video["format"]) == (96, "video")


def test_meta_instagram_likes_are_reactions() -> None:
    carousel, image, reel, _ = rows(IG_EN)
    assert (carousel["platform"], carousel["post_id"]) == ("instagram", "17960320052859139")
    assert (carousel["format"], image["format"], reel["format"]) == ("carousel", "image", "reel")
    assert (reel["reactions"], reel["shares"], reel["comments"], reel["clicks"]) == (
        402,
        38,
        21,
        None,
    )


@pytest.mark.parametrize(
    ("english", "other"),
    [(FB_EN, FB_IT), (IG_EN, IG_IT), (IG_EN, "instagram_unicode_text.txt")],
)
def test_meta_italian_and_resaved_files_read_the_same_as_english(english: str, other: str) -> None:
    assert load(other).frame.equals(load(english).frame)


def test_meta_post_id_falls_back_to_the_first_column_in_an_unseen_language() -> None:
    text = (
        '\ufeff"Identificativo",Orario di pubblicazione,Permalink,Copertura\n'
        "18042319876512345,03/21/2026 11:11,https://www.instagram.com/p/DKa0b1c2D3e/,1150\n"
    )
    loaded = load_file("ig.csv", text.encode("utf-8"))
    assert loaded.format == "meta_posts_it"
    assert loaded.frame.select("platform", "post_id", "reach").row(0) == (
        "instagram",
        "18042319876512345",
        1150,
    )


# --- X --------------------------------------------------------------------------


def test_x_content_ids_dates_and_counts() -> None:
    first = rows(X_FIRST)[0]
    assert first["platform"] == "x"
    assert first["post_id"] == "2009458137720848563"
    assert first["published_at"] == datetime(2026, 1, 4)  # "Sun, Jan 4, 2026"
    assert (first["impressions"], first["reactions"], first["comments"]) == (2316, 10, 0)
    assert (first["shares"], first["clicks"], first["reach"]) == (1, 0, None)


def test_x_content_japanese_header_reads_like_english() -> None:
    japanese = load("account_analytics_content_ja.csv").frame
    assert japanese.equals(load(X_FIRST).frame.head(3))


def test_x_excel_mangled_ids_come_from_the_link() -> None:
    text = (
        "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks\n"
        '2.09625E+18,"Sat, Sep 5, 2026",hi,https://x.com/acme/status/2096254391334436891,5,1,1,0\n'
    )
    assert load_file("x.csv", text.encode()).frame["post_id"].to_list() == ["2096254391334436891"]


def test_x_legacy_dashes_floats_and_utc_times() -> None:
    first, second, third = rows(X_LEGACY)
    assert first["post_id"] == "1610620931287330816"
    assert first["published_at"] == datetime(2023, 1, 4, 13, 0)  # "+0000"
    assert (first["impressions"], first["reactions"], first["clicks"]) == (1777, 2, 1)  # "1777.0"
    assert second["text"] == "New vintage, new label.\nWhat do you think?"
    assert third["clicks"] is None  # "-"


def test_overlapping_exports_count_a_post_once_and_the_latest_wins() -> None:
    dataset = Dataset().add(load(X_FIRST)).add(load(X_SECOND))
    posts = dataset.table("company_posts")
    assert posts.height == 8
    repeated = posts.filter(pl.col("post_id") == "2021280076935606400")
    assert repeated["impressions"].to_list() == [1877]


# --- LinkedIn creator -------------------------------------------------------


def test_creator_top_posts_become_the_employees_posts() -> None:
    loaded = load(CREATOR_EN)
    frame = loaded.frame
    assert frame["employee_id"].unique().to_list() == ["Mario Rossi"]
    assert set(frame["action"]) == {"post"}
    assert set(frame["platform"]) == {"linkedin"}
    assert frame["company_related"].all()
    assert frame["source_post_id"].null_count() == frame.height
    by_day = dict(zip(frame["occurred_at"].dt.date(), frame["impressions"], strict=True))
    assert by_day == {
        datetime(2026, 1, 8).date(): 5210,  # in both tables: counted once
        datetime(2026, 1, 20).date(): 3822,
        datetime(2026, 2, 17).date(): None,  # only among the top by engagements
        datetime(2026, 3, 3).date(): 1990,
        datetime(2026, 3, 9).date(): 1544,  # only among the top by impressions
    }


def test_creator_italian_dates_are_day_first_and_say_so() -> None:
    loaded = load(CREATOR_IT)
    assert loaded.frame["employee_id"].unique().to_list() == ["Giulia Bianchi"]
    assert sorted(loaded.frame["occurred_at"]) == [
        datetime(2026, 1, 2),
        datetime(2026, 2, 9),
        datetime(2026, 3, 3),
        datetime(2026, 3, 11),
    ]
    assert [p.code for p in loaded.problems] == ["date_order"]


def test_creator_employee_chosen_in_the_app_or_missing() -> None:
    data = (EXPORTS / CREATOR_EN).read_bytes()
    chosen = linkedin_creator.load(Upload("export.xlsx", data), employee_id="E001")
    assert chosen.frame["employee_id"].unique().to_list() == ["E001"]
    unnamed = load_file("2026-01-01_2026-03-31.xlsx", data)
    assert not unnamed.ok
    assert [(p.code, p.column) for p in unnamed.problems] == [("missing_value", "employee_id")]


@pytest.mark.parametrize(
    ("file", "name"),
    [
        ("Mario_Rossi_Content_2026-01-01_2026-03-31.xlsx", "Mario Rossi"),
        ("Content_2025-04-01_2026-03-31_Anna-Maria De Luca.xlsx", "Anna-Maria De Luca"),
        ("AggregateAnalytics_Giulia_Bianchi_2026-01-01_2026-03-31 (1).xlsx", "Giulia Bianchi"),
        ("downloads/Content_2026.xlsx", None),
    ],
)
def test_employee_from_file_name(file: str, name: str | None) -> None:
    assert employee_from_file_name(file) == name


# --- Advocacy -------------------------------------------------------------------


def test_advocacy_users_names_reach_as_network_and_unknown_blanks() -> None:
    mario, _, luca, _ = rows("everyonesocial_users.csv")
    assert mario["employee_id"] == "Mario Rossi"
    assert (mario["posts"], mario["shares"], mario["clicks"]) == (4, 18, 212)
    assert mario["network_size"] == 1523  # "Reach" = connections, "1,523"
    assert luca["network_size"] is None


def test_advocacy_italian_resave_uses_emails() -> None:
    paolo, niccolo = rows("sociuu_user_stats.csv")
    assert (paolo["employee_id"], paolo["shares"], paolo["clicks"]) == (
        "paolo.gallo@acme.it",
        9,
        1204,
    )
    assert niccolo["employee_id"] == "niccolo.ferre@acme.it"
    assert paolo["network_size"] is None  # Sociuu reports no network size


def test_canonical_files_are_not_taken_for_exports() -> None:
    summary = "employee_id,shares,clicks,network_size\nE001,3,10,500\n"
    assert load_file("summary.csv", summary.encode()).format == "canonical"
    posts = ROOT / "sample_data" / "company_posts.csv"
    if posts.exists():
        assert load_file(posts.name, posts.read_bytes()).format == "canonical"


# --- Everything together ----------------------------------------------------------


def _mixed_dataset() -> Dataset:
    roster = EXPORTS / "roster.csv"  # the people the exports name
    names = [LI_EN, FB_EN, IG_IT, X_FIRST, X_SECOND, CREATOR_EN, "everyonesocial_users.csv"]
    dataset = Dataset().add(load_file(roster.name, roster.read_bytes()))
    for name in names:
        dataset = dataset.add(load(name))
    return dataset


def test_mixed_upload_scores_with_measured_criteria() -> None:
    dataset = _mixed_dataset()
    assert dataset.tables == {"roster", "company_posts", "employee_activity", "employee_summary"}
    posts = dataset.table("company_posts")
    assert posts.group_by("platform").len().sort("platform").rows() == [
        ("linkedin", 6),
        ("facebook", 5),
        ("instagram", 4),
        ("x", 8),
    ]
    scorecard = run_audit(dataset)
    measured = {c.id for c in scorecard.criteria if c.measured}
    assert {"presence", "consistency", "conversation", "involvement"} <= measured
    assert scorecard.score is not None


def test_creator_and_advocacy_people_are_matched_to_the_roster() -> None:
    roster = (EXPORTS / "roster.csv").read_bytes()
    dataset = Dataset().add(load_file("roster.csv", roster))
    for name in (CREATOR_EN, "everyonesocial_users.csv", "sociuu_user_stats.csv"):
        dataset = dataset.add(load(name))
    data = prepare(dataset)
    assert set(data.activity["employee_id"]) == {"E001"}
    assert set(data.summary["employee_id"]) == {"E001", "E002", "E003", "E004", "E005", "E006"}


def test_the_user_can_say_whose_creator_export_it_is() -> None:
    path = EXPORTS / "AggregateAnalytics_Mario_Rossi_2026-01-01_2026-03-31.xlsx"
    loaded = load_file(path.name, path.read_bytes(), employee="E042")
    assert loaded.format == "linkedin_creator"
    assert set(loaded.frame["employee_id"].to_list()) == {"E042"}
