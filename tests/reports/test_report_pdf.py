"""The PDF report: what a clinician reads in it (checked with poppler's pdftotext)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from rootmap.documents import Document
from rootmap.encounter import parse_encounter
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge
from rootmap.reports.html import DISCLAIMER, cited_sources, report_html
from rootmap.resources import asset_path

KNOWLEDGE = load_knowledge()
PRINTED = datetime(2025, 3, 1, 11, 0)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="pdftotext/pdftoppm (poppler-utils) are not installed",
)


def _case(name: str, label: str | None = "J.D. <b>1975</b>") -> Document:
    data = json.loads(asset_path("cases", f"{name}.json").read_text())
    encounter = parse_encounter(data["encounter"], KNOWLEDGE.regions)
    return Document(
        encounter=encounter,
        patient_label=label,
        notes="Lifted a heavy box.\nMRI requested.",
        created="2025-03-01T09:30:00+00:00",
    )


def _pdf(qapp, document: Document, tmp_path: Path) -> tuple[Path, str]:
    from rootmap.reports.pdf import write_pdf_report

    analysis = analyze(document.encounter, KNOWLEDGE, document.atlas)
    path = tmp_path / "report.pdf"
    write_pdf_report(path, document, analysis, KNOWLEDGE, PRINTED)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return path, " ".join(text.split())


@needs_poppler
def test_the_l5_report_names_the_root_the_conditions_and_their_codes(qapp, tmp_path: Path):
    document = _case("classic_l5")
    analysis = analyze(document.encounter, KNOWLEDGE)
    path, text = _pdf(qapp, document, tmp_path)
    assert path.read_bytes().startswith(b"%PDF")
    assert "RootMap report" in text
    assert "J.D. <b>1975</b>" in text  # the label as typed, not as markup
    top = analysis.roots[0]
    assert (top.root, top.side) == ("L5", "left")
    assert re.search(r"\b1 L5 left 0\.\d\d", text)
    for condition in analysis.conditions[:3]:
        assert condition.name in text
        for code in condition.icd10:
            assert code in text
    assert "Great toe extension (EHL)" in text and "3/5" in text
    assert "Lifted a heavy box." in text
    assert "Lee MWL, McPhee RW, Stringer MD (2008)" in text
    assert "01 March 2025, 09:30" in text
    assert DISCLAIMER in text


@needs_poppler
def test_every_cited_source_is_printed_in_full(qapp, tmp_path: Path):
    document = _case("classic_l5")
    analysis = analyze(document.encounter, KNOWLEDGE)
    _path, text = _pdf(qapp, document, tmp_path)
    ids = cited_sources(document, analysis, KNOWLEDGE)
    assert len(ids) >= 5
    for source_id in ids:
        assert KNOWLEDGE.sources[source_id].title.split()[0] in text
        assert str(KNOWLEDGE.sources[source_id].year) in text


@needs_poppler
def test_a_red_flag_is_on_the_first_page(qapp, tmp_path: Path):
    document = _case("cauda_equina", label=None)
    path, _text = _pdf(qapp, document, tmp_path)
    first_page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "EMERGENCY" in first_page
    assert "Cauda equina" in first_page
    assert "Patient" not in first_page.split("Red flags")[0]  # no label: no empty row


@needs_poppler
def test_the_report_paginates_with_numbered_pages(qapp, tmp_path: Path):
    path, text = _pdf(qapp, _case("classic_l5"), tmp_path)
    pages = int(re.search(r"page 1 of (\d+)", text).group(1))
    assert pages >= 2
    assert f"page {pages} of {pages}" in text
    subprocess.run(["pdftoppm", "-png", "-r", "20", str(path), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == pages


@needs_poppler
def test_the_report_embeds_the_maps_at_print_resolution(qapp, tmp_path: Path):
    path, _text = _pdf(qapp, _case("classic_l5"), tmp_path)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(listing) >= 4  # the four foot views at least
    for line in listing:
        columns = line.split()
        x_ppi = int(columns[12])
        assert x_ppi >= 250, line


def test_the_html_escapes_what_people_typed():
    document = _case("classic_l5", label="<img src=x onerror=alert(1)>")
    html = report_html(document, analyze(document.encounter, KNOWLEDGE), KNOWLEDGE)
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_an_empty_encounter_gives_a_short_honest_report(qapp, tmp_path: Path):
    html = report_html(Document(), analyze(Document().encounter, KNOWLEDGE), KNOWLEDGE)
    for words in ("No regions marked.", "No signs recorded.", "No history recorded.",
                  "No root is implicated", "None raised by what was recorded."):  # fmt: skip
        assert words in html
