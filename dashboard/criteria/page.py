"""Criterion family `page`: what the company's own pages show (in_house, consistency,
conversation, presence; ecosystem has its module), computed with polars over `Context.posts`.

Every metric reads the page posts published in the period. An input counts as missing
when no post of the period carries a value for it (a column present in the file but
blank in the period is as good as absent), and the metric is then *not measured*,
naming that column. The public helpers (`weekly_posts`, `platform_conversation`,
`monthly_posts`) are what the dashboard charts draw, and the metrics reuse them.
"""

from __future__ import annotations

from datetime import date
from typing import cast

import polars as pl

from dashboard.criteria import registry
from dashboard.criteria.base import Measure, family, records
from dashboard.criteria.context import Context, author_type
from dashboard.messages import Msg, Ref, all_of, either, msg

POSTS = "company_posts"
NO_POSTS = msg("measure.missing.no_posts_in_period")
KNOWN_AUTHOR = msg(
    "measure.missing.known_author",
    author=Ref(POSTS, "author"),
    author_type=Ref(POSTS, "author_type"),
)
NO_AUTHOR = "(no author)"  # the author of a post whose export names none, in the evidence

EVIDENCE_ROWS = 10  # rows per evidence list
SILENT_WEEKS_SHOWN = 20  # Mondays of silent weeks listed (all are counted)
SILENT_STRETCH_DAYS = 7  # a per-platform gap longer than a week is a silent stretch

# --- inputs -------------------------------------------------------------------


def _blank(posts: pl.DataFrame, column: str) -> bool:
    """No post of the period has a value in `column` (true for an empty frame)."""
    return posts[column].null_count() == posts.height


def _missing(ctx: Context, *columns: str) -> Msg | Ref | None:
    """Why the period's posts cannot measure a metric on these columns; None when they can."""
    if not ctx.has(POSTS):
        return Ref(POSTS)
    posts = ctx.posts
    if posts.is_empty():
        return NO_POSTS
    return all_of(*(Ref(POSTS, c) for c in columns if _blank(posts, c)))


def _on_same_posts(*columns: str) -> Msg:
    """Columns that are each filled in somewhere, but never together on one post."""
    return msg("measure.missing.on_same_posts", columns=all_of(*(Ref(POSTS, c) for c in columns)))


def _all_not_measured(criterion_id: str, reason: Msg | Ref) -> dict[str, Measure]:
    return {m.id: Measure.not_measured(reason) for m in registry.criterion(criterion_id).metrics}


def _platform() -> pl.Expr:
    return pl.col("platform").cast(pl.String)


def _expected(ctx: Context) -> list[str]:
    """The expected platforms, lower case, each once, in the configured order."""
    return list(dict.fromkeys(p.lower() for p in ctx.expected_platforms))


def _day() -> pl.Expr:
    return pl.col("published_at").dt.date()


# --- chart helpers ------------------------------------------------------------


def weekly_posts(ctx: Context) -> pl.DataFrame:
    """Page posts per ISO week and platform, every week of the period (zeros included).

    Columns: `week` (the Monday, a date), `platform`, `posts`. The platforms are those
    with a post in the period plus the expected ones, so a silent platform shows as a
    row of zeros. Weeks are those of `Period.iso_weeks()`: a partial week at either end
    of the period is a whole row.
    """
    weeks = pl.DataFrame({"week": ctx.period.iso_weeks()}, schema={"week": pl.Date})
    counts = ctx.posts.group_by(week=_day().dt.truncate("1w"), platform=_platform()).agg(
        posts=pl.len().cast(pl.Int64)
    )
    platforms = pl.DataFrame(
        {"platform": sorted({*counts["platform"].to_list(), *_expected(ctx)})},
        schema={"platform": pl.String},
    )
    return (
        weeks.join(platforms, how="cross")
        .join(counts, on=["week", "platform"], how="left")
        .with_columns(pl.col("posts").fill_null(0))
        .sort("week", "platform")
    )


def _weekly_totals(ctx: Context) -> pl.DataFrame:
    """Page posts per ISO week over all platforms: `week`, `posts`, every week of the period."""
    weeks = pl.DataFrame({"week": ctx.period.iso_weeks()}, schema={"week": pl.Date})
    totals = weekly_posts(ctx).group_by("week").agg(pl.col("posts").sum())
    return (
        weeks.join(totals, on="week", how="left")
        .with_columns(pl.col("posts").fill_null(0))
        .sort("week")
    )


def monthly_posts(ctx: Context) -> pl.DataFrame:
    """Page posts per calendar month of the period (zeros included): `month` (1st day), `posts`."""
    months = pl.DataFrame({"month": ctx.period.months()}, schema={"month": pl.Date})
    counts = ctx.posts.group_by(month=_day().dt.truncate("1mo")).agg(posts=pl.len().cast(pl.Int64))
    return (
        months.join(counts, on="month", how="left")
        .with_columns(pl.col("posts").fill_null(0))
        .sort("month")
    )


def platform_conversation(ctx: Context) -> pl.DataFrame:
    """The page's conversation per platform in the period.

    Columns: `platform`, `posts` (page posts), `comments` and `comments_replied` (sums
    over the posts where both are known, the reply-rate basis; null when none),
    `reply_rate` (comments_replied ÷ comments; null when no comment), and
    `median_response_hours` (median first_response_minutes ÷ 60 where known).
    Sorted by posts, most first.
    """
    both = pl.col("comments").is_not_null() & pl.col("comments_replied").is_not_null()
    known = both.sum() > 0
    return (
        ctx.posts.group_by(platform=_platform())
        .agg(
            posts=pl.len().cast(pl.Int64),
            comments=pl.when(known).then(pl.col("comments").filter(both).sum()),
            comments_replied=pl.when(known).then(pl.col("comments_replied").filter(both).sum()),
            median_response_hours=pl.col("first_response_minutes").median() / 60,
        )
        .with_columns(
            reply_rate=pl.when(pl.col("comments") > 0).then(
                pl.col("comments_replied") / pl.col("comments")
            )
        )
        .select(
            "platform",
            "posts",
            "comments",
            "comments_replied",
            "reply_rate",
            "median_response_hours",
        )
        .sort(["posts", "platform"], descending=[True, False])
    )


def _gaps(days: pl.DataFrame, start: date, end: date) -> pl.DataFrame:
    """Gaps between consecutive post days per `platform`, the period's ends counting as posts.

    `days` has `platform` and `day`; the result `platform`, `from`, `to`, `days` with
    days = (to − from).days, for every platform present in `days`.
    """
    bounds = (
        days.select("platform")
        .unique()
        .join(pl.DataFrame({"day": [start, end]}, schema={"day": pl.Date}), how="cross")
    )
    points = pl.concat([days.select("platform", "day"), bounds]).unique().sort("platform", "day")
    return (
        points.with_columns(previous=pl.col("day").shift(1).over("platform"))
        .drop_nulls("previous")
        .select(
            "platform",
            pl.col("previous").alias("from"),
            pl.col("day").alias("to"),
            days=(pl.col("day") - pl.col("previous")).dt.total_days(),
        )
    )


# --- criteria -----------------------------------------------------------------


@family("in_house", answers=("agencies",))
def in_house(ctx: Context) -> dict[str, Measure]:
    if reason := _missing(ctx):
        return _all_not_measured("in_house", reason)
    return {
        "in_house.staff_post_share": _staff_post_share(ctx),
        "in_house.staff_reply_share": _staff_reply_share(ctx),
    }


def _staff_post_share(ctx: Context) -> Measure:
    posts = ctx.posts
    kind = author_type(ctx.questionnaire.get("agencies", [])).cast(pl.String).fill_null("unknown")
    staff, agency, unknown = posts.select(
        staff=(kind == "staff").sum(),
        agency=(kind == "agency").sum(),
        unknown=(kind == "unknown").sum(),
    ).row(0)
    external = (
        posts.filter(kind != "staff")
        .group_by(author=pl.col("author").fill_null(NO_AUTHOR), author_type=kind)
        .agg(posts=pl.len())
        .sort(["posts", "author"], descending=[True, False])
    )
    evidence = {
        "staff_posts": staff,
        "agency_posts": agency,
        "unknown_author_posts": unknown,
        "external_authors": records(external, EVIDENCE_ROWS),
    }
    if staff + agency == 0:
        return Measure.not_measured(KNOWN_AUTHOR, evidence)
    return Measure.ratio(staff, staff + agency, evidence)


def _staff_reply_share(ctx: Context) -> Measure:
    if reason := _missing(ctx, "replies_by_staff", "comments_replied"):
        return Measure.not_measured(reason)
    both = ctx.posts.filter(
        pl.col("replies_by_staff").is_not_null() & pl.col("comments_replied").is_not_null()
    )
    if both.is_empty():
        return Measure.not_measured(_on_same_posts("replies_by_staff", "comments_replied"))
    by_staff, replied = both.select(
        pl.col("replies_by_staff").sum(), pl.col("comments_replied").sum()
    ).row(0)
    return Measure.ratio(
        by_staff,
        replied,
        {"posts": both.height},
        empty=msg("measure.missing.no_comment_answered"),
    )


@family("consistency")
def consistency(ctx: Context) -> dict[str, Measure]:
    if not ctx.has(POSTS):
        return _all_not_measured("consistency", Ref(POSTS))
    weekly = _weekly_totals(ctx)
    return {
        "consistency.active_week_share": _active_week_share(ctx, weekly),
        "consistency.longest_silence_days": _longest_silence(ctx),
        "consistency.weekly_cv": _weekly_cv(weekly),
    }


def _active_week_share(ctx: Context, weekly: pl.DataFrame) -> Measure:
    silent = weekly.filter(pl.col("posts") == 0)["week"]
    evidence = {
        "silent_week_count": silent.len(),
        "silent_weeks": [d.isoformat() for d in silent.head(SILENT_WEEKS_SHOWN).to_list()],
        "silent_stretches": records(_silent_stretches(ctx), EVIDENCE_ROWS),
    }
    return Measure.ratio(weekly.height - silent.len(), weekly.height, evidence)


def _silent_stretches(ctx: Context) -> pl.DataFrame:
    """Per platform, gaps longer than a week (expected platforms with no post: the whole period)."""
    period = ctx.period
    days = ctx.posts.select(platform=_platform(), day=_day())
    stretches = _gaps(days, period.start, period.end).filter(pl.col("days") > SILENT_STRETCH_DAYS)
    posting = set(days["platform"].unique().to_list())
    mute = [p for p in _expected(ctx) if p not in posting]
    whole = pl.DataFrame(
        {
            "platform": mute,
            "from": [period.start] * len(mute),
            "to": [period.end] * len(mute),
            "days": [period.days] * len(mute),
        },
        schema=stretches.schema,
    )
    return pl.concat([stretches, whole]).sort(
        ["days", "platform", "from"], descending=[True, False, False]
    )


def _longest_silence(ctx: Context) -> Measure:
    period = ctx.period
    if ctx.posts.is_empty():
        longest = {"from": period.start.isoformat(), "to": period.end.isoformat()}
        return Measure(
            float(period.days),
            evidence={"longest": {**longest, "days": period.days}, "posts": 0},
            note=msg("measure.note.whole_period_silent"),
        )
    days = ctx.posts.select(platform=pl.lit("all"), day=_day())
    gaps = _gaps(days, period.start, period.end).sort(["days", "from"], descending=[True, False])
    # A one-day period with a post has no gap at all: its longest silence is 0 days.
    same_day = {"from": period.start.isoformat(), "to": period.end.isoformat(), "days": 0}
    longest = (records(gaps.drop("platform"), 1) or [same_day])[0]
    return Measure(float(longest["days"]), evidence={"longest": longest, "posts": days.height})


def _weekly_cv(weekly: pl.DataFrame) -> Measure:
    mean, std = weekly.select(mean=pl.col("posts").mean(), std=pl.col("posts").std(ddof=0)).row(0)
    return Measure.ratio(
        std,
        mean,
        {"weeks": weekly.height, "mean_posts_per_week": mean, "std_posts_per_week": std},
        empty=msg("measure.missing.no_weekly_posts"),
    )


@family("conversation")
def conversation(ctx: Context) -> dict[str, Measure]:
    if reason := _missing(ctx):
        return _all_not_measured("conversation", reason)
    by_platform = platform_conversation(ctx)
    return {
        "conversation.reply_rate": _reply_rate(ctx, by_platform),
        "conversation.median_response_hours": _median_response(ctx, by_platform),
        "conversation.conversation_rate": _conversation_rate(ctx),
    }


def _reply_rate(ctx: Context, by_platform: pl.DataFrame) -> Measure:
    if reason := _missing(ctx, "comments", "comments_replied"):
        return Measure.not_measured(reason)
    if by_platform["comments"].null_count() == by_platform.height:
        return Measure.not_measured(_on_same_posts("comments", "comments_replied"))
    unanswered = (
        ctx.posts.filter(
            pl.col("comments").is_not_null() & pl.col("comments_replied").is_not_null()
        )
        .select(
            "post_id",
            _platform().alias("platform"),
            "published_at",
            "comments",
            "comments_replied",
            unanswered=(pl.col("comments") - pl.col("comments_replied")).clip(lower_bound=0),
        )
        .filter(pl.col("unanswered") > 0)
        .sort(["unanswered", "published_at"], descending=[True, False])
    )
    evidence = {
        "most_unanswered": records(unanswered, EVIDENCE_ROWS),
        "by_platform": records(
            by_platform.select("platform", "comments", "comments_replied", "reply_rate")
        ),
    }
    return Measure.ratio(
        int(by_platform["comments_replied"].sum()),  # counts: Int64 sums
        int(by_platform["comments"].sum()),
        evidence,
        empty=msg("measure.missing.no_comments"),
    )


def _median_response(ctx: Context, by_platform: pl.DataFrame) -> Measure:
    if reason := _missing(ctx, "first_response_minutes"):
        return Measure.not_measured(reason)
    minutes = ctx.posts["first_response_minutes"].drop_nulls()
    median = float(cast(float, minutes.median()))  # a number column, not all null (_missing)
    evidence = {
        "posts": minutes.len(),
        "median_minutes": round(median, 2),
        "by_platform": records(
            by_platform.filter(pl.col("median_response_hours").is_not_null()).select(
                "platform", "median_response_hours"
            )
        ),
    }
    return Measure(median / 60, evidence=evidence)


def _conversation_rate(ctx: Context) -> Measure:
    if reason := _missing(ctx, "reactions"):
        return Measure.not_measured(reason)
    posts = ctx.posts
    if _blank(posts, "comments") and _blank(posts, "shares"):
        return Measure.not_measured(either(Ref(POSTS, "comments"), Ref(POSTS, "shares")))
    basis = posts.filter(
        (pl.col("reactions") > 0)
        & (pl.col("comments").is_not_null() | pl.col("shares").is_not_null())
    )
    comments, shares, reactions = basis.select(
        pl.col("comments").fill_null(0).sum(),
        pl.col("shares").fill_null(0).sum(),
        pl.col("reactions").sum(),
    ).row(0)
    evidence = {
        "posts": basis.height,
        "comments": comments,
        "shares": shares,
        "reactions": reactions,
    }
    return Measure.ratio(
        comments + shares,
        reactions,
        evidence,
        empty=msg("measure.missing.no_reactions_and_replies"),
    )


@family("presence")
def presence(ctx: Context) -> dict[str, Measure]:
    if not ctx.has(POSTS):
        return _all_not_measured("presence", Ref(POSTS))
    return {"presence.platform_coverage": _platform_coverage(ctx)}


def _platform_coverage(ctx: Context) -> Measure:
    expected = pl.DataFrame(
        {"platform": _expected(ctx)},
        schema={"platform": pl.String},
    )
    window = ctx.period.last_days(90)
    recent = ctx.posts_between(window.start, window.end).select(_platform().unique())
    last = (
        ctx.data.posts.filter(pl.col("published_at") <= ctx.period.end_dt)
        .group_by(platform=_platform())
        .agg(last_post=_day().max())
    )
    covered = expected.filter(pl.col("platform").is_in(recent["platform"].implode()))
    silent = expected.filter(~pl.col("platform").is_in(recent["platform"].implode())).join(
        last, on="platform", how="left"
    )
    evidence = {
        "window": {"from": window.start.isoformat(), "to": window.end.isoformat()},
        "active_platforms": covered["platform"].to_list(),
        "silent_platforms": records(silent, EVIDENCE_ROWS),
    }
    return Measure.ratio(
        covered.height,
        expected.height,
        evidence,
        empty=msg("measure.missing.expected_platforms"),
    )
