"""Every fixture file in tests/fixtures/ingest loads with exactly the report it should."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest
from conftest import FIXTURES

from dashboard.i18n import english, render
from dashboard.ingest import Dataset, load_file, report_frame
from dashboard.ingest.problems import REPORT_COLUMNS
from dashboard.messages import msg

INGEST = FIXTURES / "ingest"


def load(name: str):
    return load_file(name, (INGEST / name).read_bytes())


def problems_of(loaded) -> list[tuple]:
    """(code, severity, row, column) of every problem except informational ones."""
    return [(p.code, p.severity, p.row, p.column) for p in loaded.problems if p.severity != "info"]


GOOD = [
    # file, table, rows loaded
    ("roster_bom.csv", "roster", 3),
    ("activity_semicolon_decimal_comma.csv", "employee_activity", 4),
    ("posts_day_first.csv", "company_posts", 2),
    ("posts_month_first.csv", "company_posts", 2),
    ("posts_ambiguous_dates.csv", "company_posts", 3),
    ("roster_utf16_tab.csv", "roster", 2),
    ("roster_cp1252_italian.csv", "roster", 2),
    ("roster.xlsx", "roster", 3),
]


@pytest.mark.parametrize(("name", "table", "rows"), GOOD)
def test_good_files_load_without_blocking_problems(name: str, table: str, rows: int) -> None:
    loaded = load(name)
    assert loaded.ok, [p.line() for p in loaded.problems]
    assert loaded.table == table
    assert loaded.rows_loaded == rows
    assert problems_of(loaded) == []


BROKEN = [
    # file, expected (code, severity, row, column) problems
    ("missing_column.csv", [("missing_column", "error", None, "action")]),
    (
        "bad_number.csv",
        [("bad_number", "rejected", 3, "impressions"), ("negative", "rejected", 4, "impressions")],
    ),
    (
        "bad_date.csv",
        [("bad_date", "rejected", 3, "occurred_at"), ("bad_date", "rejected", 4, "occurred_at")],
    ),
    ("empty.csv", [("empty_file", "error", None, None)]),
    ("header_only.csv", [("header_only", "error", None, None)]),
    ("duplicate_rows.csv", [("duplicate_row", "warning", None, None)]),
    ("ragged.csv", [("ragged_row", "error", 3, None)]),
    ("image_renamed.csv", [("binary_file", "error", None, None)]),
    (
        "bad_values.csv",
        [
            ("missing_value", "rejected", 4, "employee_id"),
            ("bad_choice", "rejected", 2, "action"),
            ("bad_boolean", "rejected", 3, "with_commentary"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "expected"), BROKEN)
def test_broken_files_report_file_row_column_and_reason(name: str, expected: list[tuple]) -> None:
    loaded = load(name)
    assert sorted(problems_of(loaded), key=str) == sorted(expected, key=str)
    assert all(p.file == name for p in loaded.problems)
    for line in (p.line() for p in loaded.problems):
        assert name in line and "Traceback" not in line


def test_rejected_rows_are_counted_not_silently_dropped() -> None:
    loaded = load("bad_number.csv")
    assert loaded.ok
    assert (loaded.rows_read, loaded.rows_loaded, loaded.rows_rejected) == (3, 1, 2)
    assert loaded.frame["employee_id"].to_list() == ["E001"]


def test_duplicate_rows_are_kept_once() -> None:
    loaded = load("duplicate_rows.csv")
    assert loaded.rows_loaded == 2
    assert english(loaded.problems[0].message) == (
        "1 row was an exact copy of an earlier row and was counted once"
    )
    assert render(loaded.problems[0].message, "it") == (
        "1 riga era la copia esatta di una riga precedente ed è stata contata una volta"
    )


def test_bad_value_report_names_the_value_and_what_was_expected() -> None:
    problem = next(p for p in load("bad_number.csv").problems if p.code == "bad_number")
    assert problem.value == "molti"
    assert problem.expected == msg("load.expected.whole_number")
    assert english(problem.expected) == "a whole number ≥ 0"


def test_missing_column_names_the_aliases_that_would_match() -> None:
    problem = load("missing_column.csv").problems[0]
    assert "azione" in english(problem.expected)


def test_unknown_layout_names_the_closest_table() -> None:
    loaded = load_file("odd.csv", b"colore,sapore\nrosso,dolce\n")
    assert not loaded.ok
    assert loaded.problems[0].code == "unknown_layout"
    assert "colore" in loaded.problems[0].value


def test_decimal_comma_and_thousands_separators() -> None:
    frame = load("activity_semicolon_decimal_comma.csv").frame
    assert frame["impressions"].to_list() == [1234, 12, 3, 0]
    assert frame["action"].to_list() == ["post", "share", "comment", "reaction"]
    assert frame["with_commentary"].to_list() == [None, True, None, None]
    # 03/02/2026 is ambiguous alone; 13/02/2026 in the same column settles day-first.
    assert frame["occurred_at"][0] == datetime(2026, 2, 3, 9, 15)


def test_dots_are_thousands_in_a_semicolon_file() -> None:
    # "1.100" has no decimal evidence; an Italian (semicolon) re-save reads it as 1100.
    assert load("activity_semicolon_decimal_comma.csv").frame["reach"].to_list() == [1100, 10, 2, 0]


def test_day_first_and_month_first_dates_decided_from_the_data() -> None:
    day_first = load("posts_day_first.csv").frame["published_at"].to_list()
    month_first = load("posts_month_first.csv").frame["published_at"].to_list()
    assert day_first[0] == datetime(2026, 3, 31, 10, 0)
    assert month_first[0] == datetime(2026, 3, 31, 10, 0)


def test_ambiguous_dates_say_which_reading_was_taken() -> None:
    loaded = load("posts_ambiguous_dates.csv")
    notes = [p for p in loaded.problems if p.code == "date_order"]
    assert len(notes) == 1 and "day-first" in english(notes[0].message)
    assert loaded.frame["published_at"].dt.date().to_list() == [date(2026, 2, d) for d in (1, 2, 3)]


def test_ids_stay_text_even_with_nineteen_digits() -> None:
    frame = load("posts_day_first.csv").frame
    assert frame.schema["post_id"] == pl.String
    assert frame["post_id"][0] == "7012345678901234567"


def test_italian_headers_cp1252_accents_and_x_marks() -> None:
    frame = load("roster_cp1252_italian.csv").frame
    assert frame["department"].to_list() == ["Qualità", "Qualità"]
    assert frame["name"][0] == "Niccolò Ferrè"
    assert frame["trained"].to_list() == [True, False]  # x / blank
    assert frame["hired_at"].to_list() == [date(2019, 1, 15), date(2024, 3, 1)]


def test_utf16_tab_with_thousands_separator() -> None:
    frame = load("roster_utf16_tab.csv").frame
    assert frame["followers"].to_list() == [1250, 300]


def test_excel_sheet_is_found_among_others() -> None:
    frame = load("roster.xlsx").frame
    assert frame["employee_id"].to_list() == ["E001", "E002", "E003"]
    assert frame["is_manager"].to_list() == [True, False, False]


def test_report_is_a_table_with_stable_columns() -> None:
    loaded = load("bad_values.csv")
    table = report_frame(loaded.problems)
    assert list(table.columns) == REPORT_COLUMNS
    assert set(table["code"]) == {"missing_value", "bad_choice", "bad_boolean"}
    assert table["message"].str.len().min() > 0


def test_a_failed_file_never_replaces_one_that_loaded() -> None:
    good = load_file("roster.csv", (INGEST / "roster_bom.csv").read_bytes())
    dataset = Dataset().add(good)
    broken = load_file("roster.csv", b"employee_id,department\n")
    after = dataset.add(broken)
    assert not broken.ok
    assert after.table("roster").height == 3


def test_forced_table_reports_missing_columns_for_that_table() -> None:
    loaded = load_file("x.csv", (INGEST / "roster_bom.csv").read_bytes(), table="employee_activity")
    assert {p.column for p in loaded.problems if p.code == "missing_column"} == {
        "occurred_at",
        "action",
    }


def test_sample_data_loads_with_no_blocking_problem(sample_dir) -> None:
    files = sorted(sample_dir.glob("*.csv")) + sorted(sample_dir.glob("*.toml"))
    assert files, "sample_data/ is empty"
    for path in files:
        loaded = load_file(path.name, path.read_bytes())
        assert loaded.ok, [p.line() for p in loaded.problems]
        assert [p for p in loaded.problems if p.severity in ("error", "rejected")] == []
