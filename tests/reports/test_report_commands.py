"""`rootmap report` and `rootmap snapshot`, run as a user runs them: headless subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from rootmap import palette
from rootmap.documents import Document, write_document
from rootmap.encounter import parse_encounter
from rootmap.knowledge import load_knowledge
from rootmap.resources import asset_path

KNOWLEDGE = load_knowledge()
CASE = json.loads(asset_path("cases", "classic_l5.json").read_text())["encounter"]


def rootmap(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must manage without a display on its own
    return subprocess.run(
        [sys.executable, "-m", "rootmap", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def l5_document(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docs") / "l5.rootmap"
    encounter = parse_encounter(CASE, KNOWLEDGE.regions)
    write_document(path, Document(encounter=encounter, patient_label="AB-77"))
    return path


@pytest.fixture(scope="module")
def bare_encounter(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docs") / "l5.json"
    path.write_text(json.dumps(CASE))
    return path


def test_report_writes_a_pdf_without_a_display(l5_document: Path, tmp_path: Path):
    out = tmp_path / "report.pdf"
    result = rootmap("report", str(l5_document), "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == ""
    assert out.read_bytes()[:5] == b"%PDF-"
    assert 50_000 < out.stat().st_size < 5_000_000


def test_report_reads_a_bare_encounter_json(bare_encounter: Path, tmp_path: Path):
    out = tmp_path / "report.pdf"
    assert rootmap("report", str(bare_encounter), "--pdf", str(out)).returncode == 0
    assert out.is_file()


def _colour_count(image: QImage, hex_color: str, tolerance: int = 40) -> int:
    target = QColor(hex_color)
    count = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - target.red()) + abs(pixel.green() - target.green())
                    + abs(pixel.blue() - target.blue())) < tolerance:  # fmt: skip
                count += 1
    return count


def test_snapshot_png_shows_the_marks_and_the_dermatome_on_the_left_foot(
    l5_document: Path, tmp_path: Path
):
    out = tmp_path / "dorsal.png"
    result = rootmap("snapshot", str(l5_document), "--view", "foot_dorsal", "--png", str(out),
                     "--width", "900")  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() == 900 and image.height() > 500
    # Dorsal view: the patient's left foot is on the viewer's right half.
    right_half = image.copy(450, 0, 450, image.height() - 80)
    left_half = image.copy(0, 0, 450, image.height() - 80)
    assert _colour_count(right_half, palette.HIGHLIGHT_COLOR) > 50  # the L5 outline
    assert _colour_count(right_half, palette.MARKS["numbness"].color, 60) > 20  # cross-hatch
    assert _colour_count(left_half, palette.HIGHLIGHT_COLOR) == 0
    assert _colour_count(left_half, palette.MARKS["numbness"].color, 60) == 0


def test_snapshot_svg_is_a_vector_figure(bare_encounter: Path, tmp_path: Path):
    from PySide6.QtSvg import QSvgRenderer

    out = tmp_path / "lateral.svg"
    result = rootmap("snapshot", str(bare_encounter), "--view", "foot_lateral", "--svg", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text().lstrip().startswith("<?xml")
    assert QSvgRenderer(str(out)).isValid()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "{missing}", "--pdf", "{out}"], "cannot open missing.rootmap: no such file"),
        (["report", "{garbage}", "--pdf", "{out}"], "cannot open garbage.rootmap: not a RootMap"),
        (["report", "{doc}", "--pdf", "{out}", "--atlas", "gray"], "--atlas: unknown atlas"),
        (["snapshot", "{doc}", "--view", "knee", "--png", "{out}"], "--view: unknown view 'knee'"),
        (["snapshot", "{doc}", "--view", "foot_dorsal", "--png", "{out}", "--width", "5"],
         "--width: must be from 100 to 8000"),
        (["report", "{doc}", "--pdf", "{nodir}"], "cannot save report.pdf: no such file"),
        (["report", "{doc}", "--pdf", "{underfile}"],
         "cannot save report.pdf: a part of the path is not a folder"),
        (["snapshot", "{doc}", "--view", "foot_dorsal", "--png", "{nodir}"],
         "cannot save report.pdf: no such file"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_one_line_and_leaves_nothing(
    args: list[str], message: str, l5_document: Path, tmp_path: Path
):
    garbage = tmp_path / "garbage.rootmap"
    garbage.write_bytes(b"\x00\x01 not json")
    (tmp_path / "a_file").write_text("")
    places = {
        "missing": str(tmp_path / "missing.rootmap"),
        "garbage": str(garbage),
        "doc": str(l5_document),
        "out": str(tmp_path / "out.pdf"),
        "nodir": str(tmp_path / "no" / "such" / "report.pdf"),
        "underfile": str(tmp_path / "a_file" / "report.pdf"),
    }
    before = sorted(tmp_path.rglob("*"))
    result = rootmap(*(a.format(**places) for a in args))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert message in result.stderr
    assert sorted(tmp_path.rglob("*")) == before  # nothing half-written


def test_the_patient_label_never_reaches_the_output_streams(l5_document: Path, tmp_path: Path):
    result = rootmap("report", str(l5_document), "--pdf", str(tmp_path / "r.pdf"))
    assert "AB-77" not in result.stdout + result.stderr
