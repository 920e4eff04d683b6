"""Who the rows of an employee log name: ids matched to the roster (an e-mail, a name, an
address whose local part is the id), and the rows that name nobody in it.

Advocacy reports and creator files rarely use the roster's ids; every source must speak
of the same people, and a source whose people match nobody must say so rather than
count them as inactive employees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, overload

import polars as pl

from dashboard.ingest.parse import fold_expr


@dataclass(frozen=True)
class Strangers:
    """Rows of a log whose employee matches no one in the roster (after every matching rule)."""

    rows: int  # rows that name nobody in the roster
    total: int  # rows that count (company-related)
    examples: tuple[str, ...]  # a few of the ids they use, most frequent first

    @property
    def nobody(self) -> bool:
        """Not one row names a roster employee: the log cannot speak of these employees."""
        return self.total > 0 and self.rows == self.total


EXAMPLES = 5


Engine = Literal["auto", "streaming"]  # the polars engines a query here runs on


def engine(frame: pl.DataFrame | pl.LazyFrame) -> Engine:
    """How to run queries over a frame: a log read out of memory (a lazy scan of its
    Parquet files) with polars' streaming engine, which holds a batch at a time."""
    return "streaming" if isinstance(frame, pl.LazyFrame) else "auto"


def strangers(frame: pl.DataFrame | pl.LazyFrame, roster: pl.DataFrame) -> Strangers:
    """How many rows of a (matched) log name nobody in the roster, with a few examples."""
    counts = (
        frame.lazy()
        .group_by("employee_id")
        .agg(n=pl.len())
        .with_columns(known=pl.col("employee_id").is_in(roster["employee_id"].implode()))
        .collect(engine=engine(frame))
    )
    unknown = counts.filter(~pl.col("known")).sort("n", "employee_id", descending=[True, False])
    examples = tuple(str(e) for e in unknown["employee_id"].head(EXAMPLES).to_list())
    return Strangers(int(unknown["n"].sum()), int(counts["n"].sum()), examples)


# The characters of `\s` in polars' (Rust's) regular expressions: Unicode White_Space.
WHITE_SPACE = (
    *"\t\n\x0b\x0c\r \x85\xa0\u1680",
    *(chr(c) for c in range(0x2000, 0x200B)),
    *"\u2028\u2029\u202f\u205f\u3000",
)


@overload
def match_employee_ids(
    frame: pl.DataFrame, roster: pl.DataFrame, *columns: str
) -> pl.DataFrame: ...


@overload
def match_employee_ids(
    frame: pl.LazyFrame, roster: pl.DataFrame, *columns: str
) -> pl.LazyFrame: ...


def match_employee_ids(
    frame: pl.DataFrame | pl.LazyFrame, roster: pl.DataFrame, *columns: str
) -> pl.DataFrame | pl.LazyFrame:
    """Ids that are not roster ids but a roster e-mail or name (advocacy reports, creator files),
    or else an address whose local part is a roster id, are replaced by that employee's id,
    so every source speaks of the same people. Checks `employee_id`, or the `columns` given.

    Only ids with an '@' or white space can be an e-mail or a full name, so a log of plain
    ids is checked with one search for those characters (Aho–Corasick, all columns in one
    pass of polars) instead of hashing every row.
    """
    columns = columns or ("employee_id",)
    if roster.is_empty() or (isinstance(frame, pl.DataFrame) and frame.is_empty()):
        return frame
    suspects = [
        frame.lazy()
        .select(pl.col(c).alias("id"))
        .filter(pl.col("id").str.contains_any(["@", *WHITE_SPACE]))
        .unique()
        for c in columns
    ]
    unknown = (
        pl.concat(pl.collect_all(suspects, engine=engine(frame)))
        .unique()
        .filter(~pl.col("id").is_in(roster["employee_id"].implode()))
    )
    if unknown.is_empty():
        return frame
    keys = (
        pl.concat(
            [
                roster.select(key=fold_expr(pl.col(c)), roster_id=pl.col("employee_id"))
                for c in ("email", "name")
            ]
        )
        .drop_nulls()
        .unique(subset="key", keep="first")
    )
    matched = unknown.with_columns(key=fold_expr(pl.col("id"))).join(keys, on="key")
    # Last, an address whose local part is an employee id ("e00042@acme.it" is E00042).
    ids = (
        roster.select(key=fold_expr(pl.col("employee_id")), roster_id=pl.col("employee_id"))
        .filter(pl.col("key") != "")
        .unique(subset="key", keep="first", maintain_order=True)
    )
    by_local = (
        unknown.filter(
            pl.col("id").str.contains("@") & ~pl.col("id").is_in(matched["id"].implode())
        )
        .with_columns(key=fold_expr(pl.col("id").str.replace(r"@[^@]*$", "")))
        .join(ids, on="key")
    )
    matched = pl.concat([matched, by_local.select(matched.columns)])
    if matched.is_empty():
        return frame
    mapping = dict(zip(matched["id"].to_list(), matched["roster_id"].to_list(), strict=True))
    return frame.with_columns(pl.col(c).replace(mapping) for c in columns)
