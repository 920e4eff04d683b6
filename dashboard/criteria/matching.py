"""Who the rows of an employee log name: ids matched to the roster (an e-mail, a name, an
address whose local part is the id), and the rows that name nobody in it.

Advocacy reports and creator files rarely use the roster's ids; every source must speak
of the same people, and a source whose people match nobody must say so rather than
count them as inactive employees.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def strangers(frame: pl.DataFrame | pl.LazyFrame, roster: pl.DataFrame) -> Strangers:
    """How many rows of a (matched) log name nobody in the roster, with a few examples."""
    counts = (
        frame.lazy()
        .group_by("employee_id")
        .agg(n=pl.len())
        .with_columns(known=pl.col("employee_id").is_in(roster["employee_id"].implode()))
        .collect()
    )
    unknown = counts.filter(~pl.col("known")).sort("n", "employee_id", descending=[True, False])
    examples = tuple(str(e) for e in unknown["employee_id"].head(EXAMPLES).to_list())
    return Strangers(int(unknown["n"].sum()), int(counts["n"].sum()), examples)


def match_employee_ids(
    frame: pl.DataFrame, roster: pl.DataFrame, column: str = "employee_id"
) -> pl.DataFrame:
    """Ids that are not roster ids but a roster e-mail or name (advocacy reports, creator files),
    or else an address whose local part is a roster id, are replaced by that employee's id,
    so every source speaks of the same people.

    Only ids with an '@' or a space can be an e-mail or a full name, so a log of plain
    ids is checked with one text scan instead of hashing every row.
    """
    if frame.is_empty() or roster.is_empty():
        return frame
    unknown = (
        frame.lazy()
        .select(pl.col(column))
        .filter(pl.col(column).str.contains(r"[@\s]"))
        .unique()
        .filter(~pl.col(column).is_in(roster["employee_id"].implode()))
        .collect()
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
    matched = unknown.with_columns(key=fold_expr(pl.col(column))).join(keys, on="key")
    # Last, an address whose local part is an employee id ("e00042@acme.it" is E00042).
    by_local = (
        unknown.filter(
            pl.col(column).str.contains("@") & ~pl.col(column).is_in(matched[column].implode())
        )
        .with_columns(key=fold_expr(pl.col(column).str.replace(r"@[^@]*$", "")))
        .join(
            roster.select(key=fold_expr(pl.col("employee_id")), roster_id=pl.col("employee_id"))
            .filter(pl.col("key") != "")
            .unique(subset="key", keep="first", maintain_order=True),
            on="key",
        )
    )
    matched = pl.concat([matched, by_local.select(matched.columns)])
    if matched.is_empty():
        return frame
    mapping = dict(zip(matched[column].to_list(), matched["roster_id"].to_list(), strict=True))
    return frame.with_columns(pl.col(column).replace(mapping))
