"""One test for each way the loader used to fail ("What is wrong today" in issue 10).

Each was written before its fix and failed on the old reader. The hostile workbooks
(far-corner cell, looping and truncated .xls, shared-strings bomb, damaged deflate)
are in test_hostile_files.py: they used to kill the process that opened them.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import mmap
import sys
import uuid
import zlib
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.i18n import english, render
from dashboard.ingest import Dataset, load_file
from dashboard.ingest.limits import Limits
from dashboard.messages import Msg
from dashboard.questionnaire import QuestionnaireError, parse_questionnaire
from dashboard.settings import SettingsError, parse_settings

DEPARTMENTS = ["Qualità", "Vendite", "Risorse umane", "Logistica"]


def roster_rows(n: int) -> list[list[str]]:
    return [
        [f"E{i:06d}", DEPARTMENTS[i % 4], f"Dipendente {i} Ferrè", f"e{i}@azienda.it"]
        for i in range(n)
    ]


def write_csv(rows, header, **dialect) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, **dialect)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


HEADER = ["employee_id", "department", "name", "email"]


# --- quoted files over the preview window ------------------------------------------------


def test_a_fully_quoted_roster_over_one_mebibyte_loads_every_row() -> None:
    rows = roster_rows(30_000)
    data = write_csv(rows, HEADER, quoting=csv.QUOTE_ALL).encode()
    assert len(data) > 1 << 20
    loaded = load_file("roster.csv", data)
    assert loaded.ok, [p.line() for p in loaded.problems][:3]
    assert loaded.rows_loaded == len(rows)
    assert (
        loaded.frame["department"].to_list()[-4:]
        == DEPARTMENTS[(len(rows) - 4) % 4 :] + (DEPARTMENTS[: (len(rows) - 4) % 4])
    )


def test_a_quoted_tab_separated_utf16_file_loads_every_row() -> None:
    rows = roster_rows(20_000)
    text = write_csv(rows, HEADER, quoting=csv.QUOTE_ALL, delimiter="\t")
    data = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    assert len(data) > 2 << 20
    loaded = load_file("roster.csv", data)
    assert loaded.ok, [p.line() for p in loaded.problems][:3]
    assert loaded.rows_loaded == len(rows)
    assert loaded.frame["name"][-1] == rows[-1][2]


def test_a_quoted_file_is_read_in_chunks() -> None:
    rows = roster_rows(3_000)
    data = write_csv(rows, HEADER, quoting=csv.QUOTE_ALL).encode()
    seen: list[tuple[float, int]] = []
    loaded = load_file(
        "roster.csv",
        data,
        progress=lambda share, read: seen.append((share, read)),
        limits=Limits(chunk_bytes=8192, preview_bytes=4096),
    )
    assert loaded.ok and loaded.rows_loaded == len(rows)
    assert len(seen) > 10  # one report per chunk: the file was not parsed as one block
    # Each report says how much of the file and how many rows were read so far.
    assert seen == sorted(seen) and seen[-1] == (1.0, len(rows))


def test_the_progress_of_a_read_says_rows_speed_and_time_left() -> None:
    from dashboard.ui.uploads import progress_text

    text = progress_text("log.csv", 0.25, 2_500_000, 5.0, "en")
    assert text == "Reading log.csv: 25% — 2,500,000 rows, 500,000 rows/s, about 15 s left"
    text = progress_text("log.csv", 0.1, 1_000_000, 10.0, "it")
    assert text.endswith("1.000.000 righe, 100.000 righe/s, circa 1 min 30 s alla fine")
    assert text.startswith("Lettura di log.csv: 10% — ")
    assert progress_text("log.csv", 0.0, 0, 0.0, "en") == "Reading log.csv: 0%"


# --- encoding --------------------------------------------------------------------------


def _accent_at(position: int) -> bytes:
    """A UTF-8 roster over 64 KiB whose first 'à' (2 bytes) starts at byte `position`."""
    prefix = b"employee_id,department\n"
    i = 0
    while len(prefix) < position - 40:
        prefix += f"E{i:06d},Vendite\n".encode()
        i += 1
    pad = position - len(prefix) - len(b"E,Qualit")
    line = b"E" + b"9" * pad + b",Qualit" + "à".encode() + b"\n"
    rest = "".join(f"F{i:06d},Qualità\n" for i in range(3000)).encode()
    return prefix + line + rest


@pytest.mark.parametrize("position", range((1 << 16) - 8, (1 << 16) + 1))
def test_utf8_is_not_read_as_cp1252_when_a_character_straddles_the_sample(position: int) -> None:
    data = _accent_at(position)
    assert data.index("à".encode()) == position
    loaded = load_file("roster.csv", data)
    assert loaded.ok
    assert set(loaded.frame["department"]) == {"Vendite", "Qualità"}


def test_the_preview_window_never_cuts_a_character() -> None:
    header = b"employee_id,department\n"
    data = header + b"".join(f"E{i:06d},Qualità\n".encode() for i in range(80_000))
    for cut in range(3):  # the window ends before, inside and after an 'à'
        loaded = load_file("roster.csv", data, limits=Limits(preview_bytes=(1 << 20) + cut))
        assert loaded.ok, [p.line() for p in loaded.problems][:3]
        assert loaded.rows_loaded == 80_000


# --- no upload outlives its session ------------------------------------------------------


def _marker() -> str:
    """A cell value made at run time, so no code object or module holds it as a constant."""
    return "Zqxj-" + uuid.uuid4().hex


def _load_and_drop(name: str, data: bytes) -> str:
    loaded = load_file(name, data)
    assert loaded.ok
    return loaded.digest


def _holders(marker: str, raw: bytes | None = None) -> list[str]:
    """Objects reachable from any module (every object the interpreter can still reach
    from module state: caches, registries, class attributes, closures) that hold the
    marker as text or bytes. Walks `gc.get_referents`, which also sees into dicts the
    collector does not track (a dict of strings only)."""
    encoded = raw if raw is not None else marker.encode()
    found = []
    seen: set[int] = set()
    stack: list[object] = [m for m in list(sys.modules.values()) if m is not None]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, str):
            if marker in obj:
                found.append("str")
            continue
        if isinstance(obj, bytes | bytearray):
            if encoded in obj:
                found.append("bytes")
            continue
        if isinstance(obj, memoryview | int | float):
            continue
        stack.extend(gc.get_referents(obj))
    return found


def test_no_module_state_keeps_an_upload_after_its_result_is_dropped() -> None:
    marker = _marker()
    text = f"employee_id,department,name\nE1,Vendite,{marker}\nE2,HR,Anna\n"
    _load_and_drop("roster.csv", text.encode())
    _load_and_drop("roster_copy.csv", text.encode("utf-16"))
    _load_and_drop("roster.tsv", text.replace(",", "\t").encode("cp1252"))
    del text
    gc.collect()
    assert _holders(marker) == []
    # The check itself sees a holder when there is one (an untracked dict of strings).
    sys.modules[__name__].__dict__["_kept"] = {"cell": f"x{marker}x"}
    try:
        assert _holders(marker) == ["str"]
    finally:
        del sys.modules[__name__].__dict__["_kept"]


def _workbook(path, rows) -> bytes:
    import xlsxwriter

    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Dipendenti")
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    book.close()
    return path.read_bytes()


def test_no_module_state_keeps_a_workbook_after_its_result_is_dropped(tmp_path) -> None:
    marker = _marker()
    data = _workbook(tmp_path / "roster.xlsx", [["employee_id", "department"], ["E1", marker]])
    _load_and_drop("roster.xlsx", data)
    (tmp_path / "roster.xlsx").unlink()
    gc.collect()
    assert _holders(marker) == []
    assert _holders(marker, data) == []  # nor the workbook's bytes


# --- errors that escaped as tracebacks -----------------------------------------------------


def test_cr_only_line_ends_load_with_the_right_rows() -> None:
    data = b"employee_id,department\rE1,Vendite\rE2,HR\rE3,\r"
    loaded = load_file("roster.csv", data)
    assert loaded.frame is not None and loaded.frame["employee_id"].to_list() == ["E1", "E2"]
    [missing] = [p for p in loaded.problems if p.code == "missing_value"]
    assert missing.row == 4 and missing.column == "department"


@pytest.mark.parametrize("meta", [False, True])
def test_a_field_over_128_kib_loads_intact(meta: bool) -> None:
    caption = "Vendemmia " * 20_000  # 200 KB
    if meta:  # a Meta Business Suite export, read by its adapter
        header = ["Post ID", "Permalink", "Publish time", "Description", "Reach"]
        rows = [
            ["1_2", "https://www.facebook.com/1/posts/2", "03/01/2026 10:00", caption, "10"],
            ["1_3", "https://www.facebook.com/1/posts/3", "03/02/2026 10:00", "breve", "5"],
        ]
    else:
        header = ["platform", "published_at", "text"]
        rows = [["linkedin", "2026-03-01", caption], ["x", "2026-03-02", "breve"]]
    loaded = load_file("posts.csv", write_csv(rows, header).encode())
    assert loaded.ok, [p.line() for p in loaded.problems]
    assert loaded.frame["text"][0] == caption.strip()


def test_a_field_over_128_kib_in_the_header_is_a_sentence() -> None:
    data = ("x" * 200_000 + ",department\nE1,Vendite\n").encode()
    loaded = load_file("wide.csv", data)
    assert not loaded.ok
    assert loaded.problems and all(len(p.line()) < 2000 for p in loaded.problems)


@pytest.mark.parametrize(
    "text",
    ['{"governance": [1, 2]}', "governance = 3", '[platforms]\nexpected = "x"', "followers = [1]"],
)
def test_a_questionnaire_of_the_wrong_shape_is_a_questionnaire_error(text: str) -> None:
    with pytest.raises(QuestionnaireError):
        parse_questionnaire(text)
    loaded = load_file("answers.toml" if "=" in text else "answers.json", text.encode())
    assert not loaded.ok and loaded.problems[0].code == "bad_questionnaire"


@pytest.mark.parametrize(
    "text",
    [
        "[criteria]\ninvolvement = 2",
        "metrics = 3",
        '[metrics."voice.commentary_share"]\ntarget = nan',
        '[metrics."voice.commentary_share"]\ntarget = inf',
        '[metrics."voice.commentary_share"]\nweight = 1e308',
        "[criteria.voice]\nweight = 1e308",
        "[audit]\nexpected_platforms = 3",
    ],
)
def test_settings_of_the_wrong_shape_or_not_finite_are_refused(text: str) -> None:
    with pytest.raises(SettingsError):
        parse_settings(text)


def test_a_date_in_year_9999_is_a_rejected_row_not_an_overflow() -> None:
    data = (
        b"employee_id,occurred_at,action\n"
        b"E1,2026-03-01T10:00:00,post\nE2,9999-12-31T00:00:00,post\nE3,2026-03-02,share\n"
    )
    loaded = load_file("activity.csv", data)
    assert loaded.ok and loaded.rows_loaded == 2
    [bad] = [p for p in loaded.problems if p.severity == "rejected"]
    assert (bad.code, bad.row, bad.column, bad.value) == (
        "bad_date",
        3,
        "occurred_at",
        "9999-12-31T00:00:00",
    )


def test_end_in_year_9999_on_the_command_line_is_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["audit", "--end", "9999-12-31"])
    assert exit_.value.code == 2
    assert "9999-12-31" in capsys.readouterr().err


# --- valid files refused or rows lost without a word ----------------------------------------


def test_a_quoted_semicolon_in_post_text_does_not_change_the_delimiter() -> None:
    data = write_csv(
        [
            ["linkedin", "2026-03-01", '"Vendemmia"; "Open day"; "Cantina"'],
            ["x", "2026-03-02", "ok"],
        ],
        ["platform", "published_at", "text"],
    ).encode()
    loaded = load_file("posts.csv", data)
    assert loaded.ok, [p.line() for p in loaded.problems]
    assert loaded.frame["text"][0] == '"Vendemmia"; "Open day"; "Cantina"'


def test_short_rows_are_reported_with_their_row() -> None:
    data = b"employee_id,department,name\nE1,Vendite,Anna\nE2,HR\nE3,IT,Luca\n"
    loaded = load_file("roster.csv", data)
    assert loaded.ok and loaded.rows_loaded == 3
    [short] = [p for p in loaded.problems if p.code == "short_row"]
    assert (short.severity, short.row) == ("warning", 3)


def test_two_files_with_the_same_name_are_both_kept() -> None:
    first = load_file("roster.csv", b"employee_id,department\nE1,Vendite\n")
    second = load_file("roster.csv", b"employee_id,department\nE2,HR\n")
    dataset = Dataset().add(first).add(second)
    assert len(dataset.files) == 2
    assert sorted(dataset.table("roster")["employee_id"]) == ["E1", "E2"]
    assert len({f.file for f in dataset.files}) == 2  # told apart by name too
    assert any(p.code == "same_name" for f in dataset.files for p in f.problems)


def test_the_same_bytes_twice_are_one_file() -> None:
    data = b"employee_id,department\nE1,Vendite\n"
    dataset = Dataset().add(load_file("a.csv", data)).add(load_file("a.csv", data))
    assert len(dataset.files) == 1


def _crc_twin(data: bytes) -> bytes:
    """Other bytes with the same size, CRC-32, first and last 64 KiB (bits flipped in the middle).

    CRC-32 is affine over GF(2): flipping a set of bits whose CRC differences XOR to zero
    keeps the CRC. 33 candidate bits in 32 dimensions always contain such a set.
    """
    middle = len(data) // 2
    zero = zlib.crc32(bytes(len(data)))

    def delta(bit: int) -> int:
        flipped = bytearray(len(data))
        flipped[middle + bit // 8] ^= 1 << (bit % 8)
        return zlib.crc32(bytes(flipped)) ^ zero

    basis: dict[int, tuple[int, int]] = {}  # leading bit → (vector, set of flips as a mask)
    for bit in range(64):
        vector, flips = delta(bit), 1 << bit
        while vector:
            lead = vector.bit_length() - 1
            if lead not in basis:
                basis[lead] = (vector, flips)
                break
            other, other_flips = basis[lead]
            vector, flips = vector ^ other, flips ^ other_flips
        if not vector:
            twin = bytearray(data)
            for b in range(64):
                if flips >> b & 1:
                    twin[middle + b // 8] ^= 1 << (b % 8)
            return bytes(twin)
    raise AssertionError("no dependent set found")


def test_the_file_digest_is_not_forgeable_with_a_crc_twin() -> None:
    data = b"employee_id,department\n" + b"".join(
        f"E{i:06d},Vendite\n".encode() for i in range(20_000)
    )
    twin = _crc_twin(data)
    assert twin != data and zlib.crc32(twin) == zlib.crc32(data) and len(twin) == len(data)
    assert twin[: 1 << 16] == data[: 1 << 16] and twin[-(1 << 16) :] == data[-(1 << 16) :]
    assert load_file("a.csv", data).digest != load_file("a.csv", twin).digest


def test_a_second_employee_sheet_is_read_too(tmp_path) -> None:
    import xlsxwriter

    path = tmp_path / "roster.xlsx"
    book = xlsxwriter.Workbook(path)
    for name, rows in (("Nord", [["E1", "Vendite"], ["E2", "HR"]]), ("Sud", [["E3", "IT"]])):
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, ["employee_id", "department"])
        for r, row in enumerate(rows, start=1):
            sheet.write_row(r, 0, row)
    book.close()
    loaded = load_file("roster.xlsx", path.read_bytes())
    assert loaded.ok
    assert sorted(loaded.frame["employee_id"]) == ["E1", "E2", "E3"]


# --- the mapping memory -----------------------------------------------------------------


def test_a_headerless_file_never_teaches_the_mapping_memory_its_first_row(tmp_path) -> None:
    from dashboard.ingest.mappings import MemoryMappings
    from dashboard.ui import mapping, uploads

    store = MemoryMappings()
    data = b"E000045,Mario Rossi,Vendite\nE000046,Anna Bianchi,HR\nE000047,Luca Verdi,IT\n"
    _, loaded = uploads.handle_uploads([("people.csv", data)], None, Dataset())
    [offer] = mapping.offers(loaded)
    result = mapping.load_mapped(
        offer, "roster", {"employee_id": 0, "name": 1, "department": 2}, store
    )
    assert result is not None and result.ok
    assert store.revision() == 0  # nothing was learned: its first row is data, not a header
    # Every row is data: the first one is not used up as a header.
    assert sorted(result.frame["employee_id"]) == ["E000045", "E000046", "E000047"]


def test_a_saved_mapping_is_applied_with_a_visible_note() -> None:
    from dashboard.ingest.mappings import MemoryMappings, header_signature

    store = MemoryMappings()
    header = ["Network", "Sent on", "Message"]
    store.save(
        header_signature(header),
        "company_posts",
        {"platform": "Network", "published_at": "Sent on", "text": "Message"},
    )
    data = b"Network,Sent on,Message\nLinkedIn,2026-03-02,Ciao\n"
    loaded = load_file("sprout.csv", data, mappings=store)
    assert loaded.ok and loaded.format == "mapped"
    assert any(p.code == "mapping_applied" for p in loaded.problems)
    # Only on an exact header: a header that differs in one name is not mapped.
    other = load_file(
        "other.csv", b"Network,Sent at,Message\nLinkedIn,2026-03-02,Ciao\n", mappings=store
    )
    assert other.format != "mapped"


# --- accounting ---------------------------------------------------------------------------


def test_rows_loaded_rejected_and_duplicates_add_up_to_the_data_rows() -> None:
    data = (
        b"employee_id,occurred_at,action\n"
        b"E1,2026-03-01,post\nE1,2026-03-01,post\nE2,nope,post\nE3,2026-03-02,share\n"
    )
    loaded = load_file("activity.csv", data)
    assert (loaded.rows_read, loaded.rows_loaded, loaded.rows_rejected, loaded.rows_duplicate) == (
        4,
        2,
        1,
        1,
    )


def test_json_output_stays_valid_when_settings_would_be_nan(tmp_path, capsys) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text('[metrics."involvement.participation_rate"]\ntarget = nan\n')
    assert main(["audit", "--format", "json", "--settings", str(settings)]) == 2
    assert "nan" in capsys.readouterr().err.lower()


# --- every new sentence reads in Italian too ---------------------------------------------


def test_new_load_report_sentences_read_in_italian(tmp_path) -> None:
    """Every sentence the loader writes about a hostile, renamed or re-coded file is a
    message with a code, and reads differently in Italian (a limit's "≤ 1.0 MB (VARIABLE)"
    is the same in every language)."""
    sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
    import make_hostile

    said = []
    for name, path in make_hostile.build(tmp_path).items():
        for problem in load_file(name, path.read_bytes()).problems:
            said += [problem.message, problem.expected]
    first = load_file("roster.csv", b"employee_id,department\nE1,Vendite\n")
    second = load_file("roster.csv", b"employee_id,department\nE2,HR\nE3\n")
    for item in Dataset().add(first).add(second).files:
        said += [p.message or p.expected for p in item.problems]
    # Windows-1252 bytes past the UTF-8 sample: read again as cp1252, with a warning.
    late = b"employee_id,department\n" + b"E1,Vendite\n" * 8000 + "E2,Qualità\n".encode("cp1252")
    recoded = load_file("r.csv", late)
    assert recoded.ok and recoded.frame["department"][-1] == "Qualità"
    said += [p.message for p in recoded.problems if p.code == "encoding"]
    said = [s for s in said if s]
    assert len(said) > 10
    for message in said:
        assert isinstance(message, Msg), message  # never an English sentence written in code
        if message.code == "load.expected.at_most":
            continue
        assert render(message, "it") != render(message, "en"), message


def test_a_file_kept_under_a_new_name_is_reported_under_it(tmp_path, capsys) -> None:
    from dashboard.ui import uploads

    first = b"employee_id,department\nE1,Vendite\n"
    second = b"employee_id,department\nE2,HR\n"
    dataset, loaded = uploads.handle_uploads([("r.csv", first), ("r.csv", second)], None, Dataset())
    assert len(dataset.files) == 2
    assert [f.file for f in loaded] == ["r.csv", "r (2).csv"]
    assert any(p.code == "same_name" for p in loaded[1].problems)
    for folder, data in (("a", first), ("b", second)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "roster.csv").write_bytes(data)
    roster = [str(tmp_path / "a" / "roster.csv"), str(tmp_path / "b" / "roster.csv")]
    assert main(["audit", "--format", "json", "--roster", *roster]) == 0
    inputs = json.loads(capsys.readouterr().out)["inputs"]
    assert [i["file"] for i in inputs] == ["roster.csv", "roster (2).csv"]


def test_a_sep_line_above_an_export_header_is_skipped() -> None:
    data = (
        b"sep=,\nPost ID,Permalink,Publish time,Description,Reach\n"
        b"1_2,https://www.facebook.com/1/posts/2,03/01/2026 10:00,Ciao,10\n"
    )
    loaded = load_file("meta.csv", data)
    assert loaded.ok and loaded.format.startswith("meta_posts")
    assert loaded.frame["text"].to_list() == ["Ciao"]


def test_a_stray_quote_inside_an_unquoted_cell_is_read_as_spreadsheets_read_it() -> None:
    rows = b"".join(f"E{i:04d},Vendite,Dipendente {i}\n".encode() for i in range(300))
    after = b"".join(f"F{i:04d},IT,Collega {i}\n".encode() for i in range(3))
    data = b"employee_id,department,name\n" + rows + b'E9999,HR,Anna "Nina" Rossi\n' + after
    for limits in (None, Limits(chunk_bytes=512, preview_bytes=256)):
        loaded = load_file("roster.csv", data, limits=limits)
        assert loaded.ok, [p.line() for p in loaded.problems][:3]
        assert (loaded.rows_read, loaded.rows_loaded) == (304, 304)
        assert 'Anna "Nina" Rossi' in loaded.frame["name"].to_list()


def test_a_sheet_with_another_table_is_reported_as_not_read(tmp_path) -> None:
    import xlsxwriter

    path = tmp_path / "book.xlsx"
    book = xlsxwriter.Workbook(path)
    roster = book.add_worksheet("Dipendenti")
    roster.write_row(0, 0, ["employee_id", "department", "name"])
    roster.write_row(1, 0, ["E1", "Vendite", "Anna"])
    activity = book.add_worksheet("Attività")
    activity.write_row(0, 0, ["employee_id", "occurred_at", "action"])
    activity.write_row(1, 0, ["E1", "2026-03-01", "post"])
    book.close()
    loaded = load_file("book.xlsx", path.read_bytes())
    assert loaded.ok and loaded.table == "roster"
    [ignored] = [p for p in loaded.problems if p.code == "sheet_ignored"]
    assert ignored.value == "Attività" and "employee_activity" in english(ignored.message)


def test_a_memory_mapped_file_is_let_go_as_soon_as_it_is_read(sample_dir: Path) -> None:
    """The CLI maps big files: once loaded, nothing may still hold the map (a reference
    cycle would keep a 700 MB log mapped until the next garbage collection), and its
    digest is the digest of its bytes."""
    path = sample_dir / "employee_activity.csv"
    gc.disable()
    try:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            before = sys.getrefcount(mapped)
            loaded = load_file(path.name, mapped)
            assert loaded.ok and sys.getrefcount(mapped) == before
            assert loaded.digest == load_file(path.name, path.read_bytes()).digest
            mapped.close()  # refused while anything still exports its buffer
    finally:
        gc.enable()


def test_every_exact_copy_is_found_whatever_its_hash() -> None:
    """Copies were found by the difference of sorted row hashes: unsigned hashes above
    2**63 overflowed to null there, so about half of all copies went unnoticed."""
    rows = [f"E{i:04d},2026-01-{1 + i % 28:02d} 10:00,share" for i in range(200)]
    text = "employee_id,occurred_at,action\n" + "\n".join(rows + rows) + "\n"
    loaded = load_file("copies.csv", text.encode())
    assert (loaded.rows_loaded, loaded.rows_duplicate) == (200, 200)
