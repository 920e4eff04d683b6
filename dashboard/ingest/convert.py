"""A grid of text cells + a canonical table spec → the typed canonical table and its problems.

Headers are matched to canonical columns (any alias, any case or accents), each
column is parsed under a plan chosen from a sample, and every row with a cell that
does not parse is left out and listed. Blank optional cells stay unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import polars as pl

from dashboard.ingest.parse import (
    Plan,
    blank,
    fails_expr,
    failure_expr,
    finish_expr,
    make_plan,
    parse_expr,
)
from dashboard.ingest.problems import Problem, Text
from dashboard.ingest.reader import Grid
from dashboard.messages import Ref, msg
from dashboard.schema import Column, Table, header_lookup, normalise_header

MAX_LISTED = 200  # problems listed per column and reason; the rest are counted
TEXT_KINDS = ("text", "id")

DTYPES: dict[str, pl.DataType] = {
    "text": pl.String(),
    "id": pl.String(),
    "datetime": pl.Datetime("us"),
    "date": pl.Date(),
    "count": pl.Int64(),
    "number": pl.Float64(),
    "bool": pl.Boolean(),
}


def dtype(column: Column) -> pl.DataType:
    """The polars type a canonical column has once loaded."""
    return pl.Enum(column.choices) if column.kind == "choice" else DTYPES[column.kind]


def empty_table(table: Table) -> pl.DataFrame:
    """A canonical table with no rows: what 'nothing loaded' looks like to the engine."""
    return pl.DataFrame(schema={c.name: dtype(c) for c in table.columns})


@dataclass
class Converted:
    frame: pl.DataFrame | None
    problems: list[Problem] = field(default_factory=list)
    rows_read: int = 0
    rows_rejected: int = 0
    columns_found: list[str] = field(default_factory=list)


def match_columns(header: list[str], table: Table) -> tuple[dict[str, int], list[tuple[str, int]]]:
    """Canonical column → grid column index; plus duplicates (canonical name, index) ignored."""
    lookup = header_lookup(table)
    found: dict[str, int] = {}
    duplicates = []
    for i, cell in enumerate(header):
        name = lookup.get(normalise_header(cell))
        if name is None:
            continue
        if name in found:
            duplicates.append((name, i))
        else:
            found[name] = i
    return found, duplicates


def missing_required(found: dict[str, int], table: Table) -> list[Column]:
    return [c for c in table.columns if c.required and c.name not in found]


def convert(
    grid: Grid,
    table: Table,
    file: str,
    mapping: dict[str, int] | None = None,
    semicolon_file: bool = False,
    sink: Callable[[pl.DataFrame], None] | None = None,
    labels: Sequence[Text] | None = None,
) -> Converted:
    """Parse a grid into `table`. `mapping` (canonical → column index) overrides header
    matching. With a `sink`, each typed chunk goes to it and is not kept (a log larger
    than memory): the result's frame is then empty, its counts and problems complete.
    `labels` name the columns in problems, in place of the header (an adapter's outputs)."""
    found, duplicates = (mapping, []) if mapping is not None else match_columns(grid.header, table)
    header = grid.header if labels is None else labels
    problems = [
        Problem(
            file,
            "duplicate_column",
            "warning",
            msg("load.expected.one_column", column=Ref(table.name, name)),
            column=header[i],
        )
        for name, i in duplicates
    ]
    missing = missing_required(found, table)
    if missing:
        for column in missing:
            problems.append(
                Problem(
                    file,
                    "missing_column",
                    "error",
                    msg(
                        "load.expected.column_named",
                        names=", ".join(dict.fromkeys((column.name, *column.aliases))),
                    ),
                    column=column.name,
                )
            )
        return Converted(None, problems)

    sample = grid.preview.select(pl.col(f"c{i}").alias(name) for name, i in found.items())
    plans = {name: make_plan(table.column(name), sample[name], semicolon_file) for name in found}
    for plan in plans.values():
        if plan.date_note:
            problems.append(
                Problem(
                    file,
                    "date_order",
                    "info",
                    plan.expected,
                    column=header[found[plan.column.name]],
                    message=plan.date_note,
                )
            )

    listed: dict[tuple[Text, str], int] = {}
    parts: list[pl.DataFrame] = []
    records = rows_read = rejected = 0
    types = native_types(plans, found, sample)
    chunks = grid.typed(types) if grid.typed and types else ((c, None) for c in grid.chunks())
    for index, (chunk, text) in enumerate(chunks):
        first_row = grid.first_row + records
        unpadded = index < len(grid.unpadded) and grid.unpadded[index]
        # A blank line is no row: left out, but it keeps its number in the count.
        blank = chunk.select(pl.all_horizontal(pl.all().is_null())).to_series()
        data = chunk.with_row_index("_row").filter(~blank) if blank.any() else None
        arguments = (found, header, first_row, file, table, listed)
        numbers = None if data is None else data["_row"]
        source = chunk if data is None else data.drop("_row")
        converted = None
        if text is not None:  # read natively: None when a cell is refused
            converted = _convert_chunk(source, plans, *arguments, numbers, unpadded, native=True)
            if converted is None:  # the report quotes the refused cell: read the chunk as text
                source = text() if data is None else text().filter(~blank)
        if converted is None:
            converted = _convert_chunk(source, plans, *arguments, numbers, unpadded)
            assert converted is not None  # read as text, a chunk always converts
        typed, chunk_problems, chunk_rejected = converted
        problems.extend(chunk_problems)
        records += chunk.height
        rows_read += chunk.height if data is None else data.height
        rejected += chunk_rejected
        if sink is None:
            parts.append(typed)
        else:
            sink(typed)
    problems.extend(_short_rows(grid, file))
    for (label, code), count in listed.items():
        if count > MAX_LISTED:
            more = msg("load.message.more_rows_in", n=count - MAX_LISTED, reason=code, column=label)
            problems.append(Problem(file, "truncated", "rejected", column=label, message=more))
    frame = pl.concat(parts, rechunk=False) if parts else empty_table(table)
    if rows_read == 0:
        problems.append(Problem(file, "header_only", "error"))
        return Converted(None, problems, 0, 0, list(found))
    return Converted(frame, problems, rows_read, rejected, list(found))


def native_types(
    plans: dict[str, Plan], found: dict[str, int], sample: pl.DataFrame
) -> dict[str, pl.DataType]:
    """Grid columns the reader can read natively, by polars' own parser, with the value the
    text reading would give: whole numbers (as `+5`, ` 5`, `05`), true/false in any case,
    and a choice's canonical words. Chosen only where the sample holds nothing else, so a
    file that writes `sì`, `1.250` or `Like` is read as text from the start."""
    types: dict[str, pl.DataType] = {}
    for name, plan in plans.items():
        values = sample[name].drop_nulls()
        kind = plan.column.kind
        native: pl.DataType | None = None
        if kind == "count" and values.str.contains(r"^ *[-+]?\d{1,18}$").all():
            native = pl.Int64()
        elif kind == "bool" and not plan.x_marks and set(plan.words) <= _NATIVE_BOOLEANS:
            native = pl.Boolean()
        elif kind == "choice" and set(plan.words) <= set(plan.column.choices):
            native = dtype(plan.column)
        column = f"c{found[name]}"
        if native is None or types.setdefault(column, native) != native:
            types[column] = pl.String()  # claimed by two columns of different kinds: text
    return {column: kind for column, kind in types.items() if kind != pl.String}


_NATIVE_BOOLEANS = {"true", "false", "True", "False", "TRUE", "FALSE"}


def _short_rows(grid: Grid, file: str) -> list[Problem]:
    """Rows with fewer fields than the header: loaded with blanks for the missing cells,
    and listed, since a missing delimiter may have shifted the cells that are there."""
    rows = grid.short_rows
    fields = msg("load.expected.fields", n=len(grid.header))
    problems = [Problem(file, "short_row", "warning", fields, row=row) for row in rows[:MAX_LISTED]]
    if len(rows) > MAX_LISTED:
        more = msg("load.message.more_rows", n=len(rows) - MAX_LISTED, reason="short_row")
        problems.append(Problem(file, "truncated", "warning", message=more))
    return problems


Chunk = tuple[pl.DataFrame, list[Problem], int]  # typed rows, their problems, rows rejected


def _convert_chunk(
    chunk: pl.DataFrame,
    plans: dict[str, Plan],
    found: dict[str, int],
    header: Sequence[Text],
    first_row: int,
    file: str,
    table: Table,
    listed: dict[tuple[Text, str], int],
    numbers: pl.Series | None = None,
    unpadded: bool = False,
    *,
    native: bool = False,
) -> Chunk | None:
    """One chunk typed; `numbers` gives each row's index in the chunk as read (when blank
    lines were left out), so problems name the row a spreadsheet shows. Text cells are
    stripped unless the reader found the chunk `unpadded`. A `native` chunk has columns
    read natively: None when any row fails, since the report quotes the cell as text."""
    raw = chunk.select(pl.col(f"c{i}").alias(name) for name, i in found.items())
    # Yes/no and choice words: the sample's; a chunk with others is read again carefully.
    uniques = {n: list(p.words) for n, p in plans.items() if p.column.kind in ("bool", "choice")}

    def parse(names: list[str], source: pl.DataFrame, careful: bool) -> pl.DataFrame:
        # Lazy, so sub-expressions shared inside one parse run once.
        exprs = (
            (
                parse_expr(plans[n], pl.col(n), uniques.get(n), careful)
                if source.schema[n] == pl.String
                else pl.col(n)  # read natively: already its canonical type
            ).alias(n)
            for n in names
        )
        return source.lazy().select(exprs).collect()

    values = parse(list(plans), raw, careful=False)
    unread = raw.select((pl.col(n).is_not_null() & values[n].is_null()).any() for n in plans).row(0)
    messy = [n for n, flag in zip(plans, unread, strict=True) if flag]
    if not unpadded:  # text cells may have spaces around them: read them stripped
        messy += [n for n, p in plans.items() if p.column.kind in TEXT_KINDS and n not in messy]
    if messy:
        # Read the messy columns again, stripped and with separators handled.
        raw = raw.with_columns(blank(pl.col(n)) for n in messy)
        uniques.update({n: raw[n].drop_nulls().unique().to_list() for n in messy if n in uniques})
        values = values.with_columns(parse(messy, raw, careful=True))
    # Whether any cell fails first (one boolean per row); the reasons only where some do.
    any_bad = raw.select(
        pl.any_horizontal(fails_expr(plans[n], pl.col(n), pl.lit(values[n])) for n in plans)
    ).to_series()
    if any_bad.any():
        if native:
            return None
        reasons = raw.filter(any_bad).select(
            failure_expr(plans[n], pl.col(n), pl.lit(values.filter(any_bad)[n])).alias(f"_bad_{n}")
            for n in plans
        )
        failures = reasons.with_columns(_row=any_bad.arg_true())
    else:
        failures = pl.DataFrame()
    problems: list[Problem] = []
    if failures.height:
        raw_rows = chunk.with_row_index("_row").join(failures.select("_row"), on="_row")
        for name in plans:
            bad = failures.filter(pl.col(f"_bad_{name}").is_not_null()).select(
                "_row", f"_bad_{name}"
            )
            if bad.is_empty():
                continue
            column = header[found[name]]
            cells = raw_rows.join(bad, on="_row").select("_row", f"c{found[name]}", f"_bad_{name}")
            for row, value, code in cells.iter_rows():
                row = row if numbers is None else numbers[row]
                key = (column, code)
                listed[key] = listed.get(key, 0) + 1
                if listed[key] <= MAX_LISTED:
                    problems.append(
                        Problem(
                            file,
                            code,
                            "rejected",
                            plans[name].expected,
                            row=first_row + row,
                            column=column,
                            value=value,
                        )
                    )
    good = values.filter(~any_bad) if failures.height else values
    typed = good.select(
        *[
            finish_expr(plans[c.name], pl.col(c.name)).alias(c.name)
            if c.name in plans
            else pl.lit(None, dtype=dtype(c)).alias(c.name)
            for c in table.columns
        ]
    )
    return typed, problems, failures.height
