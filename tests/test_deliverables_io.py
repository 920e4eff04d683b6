"""Where the deliverables come from and go: logos, the workspace's brand, the CLI, the
app's Report control, and LibreOffice opening the PowerPoint and drawing every slide."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import stores
from apptest import boot, button, visit
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader
from stores import run_cli

from dashboard.report.logo import LONG_SIDE, LogoError, logo_png
from dashboard.store import AccessDenied, InvalidName, create_workspace, trusted_access
from dashboard.store.brand import get_brand, set_brand

store_url, engine = stores.store_url, stores.engine  # fixtures: SQLite, and PostgreSQL

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100">'
    b'<rect width="400" height="100" fill="#7A1F3D"/><script>alert(1)</script></svg>'
)


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#0072B2").save(buffer, format="PNG")
    return buffer.getvalue()


# --- logos ---------------------------------------------------------------------------------


def test_a_png_logo_is_decoded_and_written_again_smaller() -> None:
    data = _png(2000, 500) + b"trailing bytes a decoder ignores"
    png = logo_png(data, "logo.png")
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (LONG_SIDE, LONG_SIDE // 4)
    assert b"trailing bytes" not in png


def test_an_svg_logo_is_drawn_into_a_png_and_never_kept() -> None:
    png = logo_png(SVG, "logo.svg")
    assert png.startswith(b"\x89PNG") and b"<svg" not in png and b"script" not in png
    with Image.open(io.BytesIO(png)) as image:
        assert image.width == LONG_SIDE and image.getpixel((10, 10))[:3] == (0x7A, 0x1F, 0x3D)


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a\x01\x00\x01\x00",
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/passwd"/></svg>',
        b"\x89PNG\r\n\x1a\nnot really",
        b"<svg" + b" " * (1024 * 1024 + 1),
    ],
    ids=["gif", "entities", "local file", "broken png", "too large"],
)
def test_what_is_not_a_safe_logo_is_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(LogoError, match=r"logo\.x"):
        logo_png(data, "logo.x")


# --- the workspace's brand -----------------------------------------------------------------


def test_editors_set_the_brand_viewers_and_the_sample_cannot(engine) -> None:
    access = create_workspace(engine, "acme", "Acme S.p.A.")
    assert get_brand(engine, access).client is None
    logo = logo_png(SVG)
    set_brand(engine, access, "  Acme Group ", "#7A1F3D", logo)
    assert get_brand(engine, access) == get_brand(engine, trusted_access(engine, "acme"))
    brand = get_brand(engine, access)
    assert (brand.client, brand.color, brand.logo_png) == ("Acme Group", "#7A1F3D", logo)
    with pytest.raises(InvalidName):
        set_brand(engine, access, "Acme", "red", None)
    with pytest.raises(InvalidName):
        set_brand(engine, access, "Acme", "#7A1F3D", b"<svg/>")  # only checked PNGs are kept
    with pytest.raises(AccessDenied):
        set_brand(engine, trusted_access(engine, "acme", "viewer"), "Other", None, None)


# --- the CLI -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_files(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The sample as all three deliverables, in both languages, from fresh processes."""
    out = tmp_path_factory.mktemp("reports")
    url = f"sqlite:///{out / 'store.db'}"
    logo = out / "logo.svg"
    logo.write_bytes(SVG)
    runs = {}
    for lang in ("it", "en"):
        for extension in ("pptx", "pdf", "xlsx"):
            target = out / f"sample_{lang}.{extension}"
            runs[target.name] = run_cli(
                url,
                "report",
                "--out",
                str(target),
                "--lang",
                lang,
                "--client",
                "Gruppo Aurora",
                "--logo",
                str(logo),
            )
    saved = run_cli(url, "report", "--workspace", "esempio", "--out", str(out / "saved.pdf"))
    return out, runs, saved


def test_the_cli_writes_every_format_in_both_languages(cli_files) -> None:
    out, runs, saved = cli_files
    for name, done in runs.items():
        assert done.returncode == 0, (name, done.stderr)
    for lang, summary in (("it", "Sintesi"), ("en", "Executive summary")):
        deck = Presentation(out / f"sample_{lang}.pptx")
        assert summary in deck.slides[1].shapes[0].text_frame.text or any(
            summary in s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame
        )
        assert any(s.shape_type == 13 for s in deck.slides[0].shapes)  # the logo, as a PNG
        text = PdfReader(out / f"sample_{lang}.pdf").pages[0].extract_text()
        assert "Gruppo Aurora" in text
        sheets = openpyxl.load_workbook(out / f"sample_{lang}.xlsx").sheetnames
        assert sheets[0] == ("Sintesi" if lang == "it" else "Overview")
    assert saved.returncode == 0, saved.stderr
    assert "Gruppo Aurora" in PdfReader(out / "saved.pdf").pages[0].extract_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "x.docx"], "must end in .pptx, .pdf or .xlsx"),
        (["--out", "x.pdf", "--audit", "1"], "--audit needs --workspace"),
        (["--out", "x.pdf", "--color", "blue"], "write the colour like #0072B2"),
        (["--out", "x.pdf", "--logo", "pyproject.toml"], "neither a PNG nor an SVG"),
        (["--out", "x.pdf", "--workspace", "nobody-here"], "no workspace called 'nobody-here'"),
        (["--out", "x.pdf", "--workspace", "esempio", "--audit", "999"], "no audit number 999"),
        (["--out", "x.pdf", "--roster", "no-such-file.csv"], "audit not run"),
    ],
)
def test_the_cli_exits_2_with_a_sentence_on_bad_input(tmp_path, args, message) -> None:
    done = run_cli(f"sqlite:///{tmp_path / 'store.db'}", "report", *args)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.pdf").exists()


# --- the app -------------------------------------------------------------------------------


def test_the_overview_prepares_a_report_to_download() -> None:
    at = boot("en")
    at.segmented_control(key="report_overview_format").set_value("xlsx").run()
    button(at, "Prepare the report").click().run()
    assert not at.exception
    downloads = [d.proto.label for d in at.get("download_button")]
    assert any(
        label.startswith("Download presenza-") and label.endswith(".xlsx") for label in downloads
    )


def test_a_saved_audit_offers_the_report_and_its_editors_the_brand() -> None:
    at = visit(boot("it"), "audits")
    at.selectbox(key="audits_workspace").set_value("esempio").run()  # never preselected
    assert "Prepara il report" in [b.label for b in at.button]
    button(at, "Prepara il report").click().run()
    assert not at.exception
    assert any(d.proto.label.endswith(".pptx") for d in at.get("download_button"))
    assert "Marchio dei report" not in [e.label for e in at.expander]  # the sample is read-only


# --- LibreOffice ---------------------------------------------------------------------------


def test_libreoffice_opens_the_files_and_draws_every_page(cli_files, tmp_path) -> None:
    """LibreOffice opens both decks and both workbooks (one start for all four) and draws
    every slide; poppler draws every page of the PDFs. Each page drawn has ink on it.
    Skipped without LibreOffice, except in CI."""
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm or not shutil.which("localc"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice Impress and Calc and poppler-utils must be installed in CI")
        pytest.skip("LibreOffice (Impress, Calc) or pdftoppm is not installed")
    out = cli_files[0]
    files = []
    for lang in ("it", "en"):  # each its own name: LibreOffice writes <stem>.pdf
        files.append(out / f"sample_{lang}.pptx")
        files.append(Path(shutil.copy(out / f"sample_{lang}.xlsx", tmp_path / f"book_{lang}.xlsx")))
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    for source in files:
        drawn = tmp_path / "lo" / f"{source.stem}.pdf"
        if source.suffix == ".xlsx":
            assert drawn.exists() and len(PdfReader(drawn).pages) >= 1, source.name
            continue
        assert len(PdfReader(drawn).pages) == len(Presentation(source).slides)
        _drawn_with_ink(pdftoppm, drawn, tmp_path / source.stem)
    for lang in ("it", "en"):
        _drawn_with_ink(pdftoppm, out / f"sample_{lang}.pdf", tmp_path / f"typst_{lang}")


def _drawn_with_ink(pdftoppm: str, pdf: Path, prefix: Path) -> None:
    """Every page of `pdf` drawn as a PNG, none of them blank."""
    subprocess.run([pdftoppm, "-r", "20", "-png", str(pdf), str(prefix)], check=True, timeout=120)
    images = sorted(prefix.parent.glob(f"{prefix.name}-*.png"))
    assert len(images) == len(PdfReader(pdf).pages)
    for image in images:
        with Image.open(image) as picture:
            darkest, lightest = picture.convert("L").getextrema()
            assert lightest - darkest > 100, image.name  # ink on the page


def test_an_editor_brands_the_workspace_and_its_reports_carry_it() -> None:
    from io import BytesIO

    from apptest import engine as app_engine
    from test_saved_audits import EDITOR, VIEWER, open_workspace

    from dashboard.audit import Auditor
    from dashboard.bundled import load_sample
    from dashboard.settings import Settings
    from dashboard.store import save_audit

    store = app_engine()
    access = create_workspace(
        store, "brand-co", "Brand Co", editor_passphrase=EDITOR, viewer_passphrase=VIEWER
    )
    dataset = load_sample()
    save_audit(store, access, Auditor(dataset).scorecard(), dataset, Settings(), saved_by="t")
    at = open_workspace(visit(boot("en"), "audits"), "brand-co", EDITOR)
    at.text_input(key="brand_client").input("Brand Company S.r.l.")
    at.color_picker(key="brand_color").pick("#7a1f3d")
    button(at, "Save the brand").click().run()
    assert not at.exception and any("Brand saved" in s.value for s in at.success)
    assert (get_brand(store, access).client, get_brand(store, access).color) == (
        "Brand Company S.r.l.",
        "#7A1F3D",
    )
    audit_id = at.session_state["audits_report_pick"]
    at.segmented_control(key=f"report_audit_{audit_id}_format").set_value("pdf").run()
    button(at, "Prepare the report").click().run()
    download = next(d for d in at.get("download_button") if d.proto.label.endswith(".pdf"))
    assert "presenza-brand-company-s-r-l-" in download.proto.label
    report = at.session_state["report_file"][1]
    assert "Brand Company S.r.l." in PdfReader(BytesIO(report)).pages[0].extract_text()
