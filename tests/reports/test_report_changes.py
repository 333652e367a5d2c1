"""The report of a follow-up visit: the "Changes since DATE" page, and `--visit`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from rootmap import palette
from rootmap.documents import find_visit, for_analysis, read_document
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "follow_up_l5.rootmap"
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def rootmap(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "rootmap", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@needs_poppler
def test_the_report_of_the_latest_visit_has_a_changes_page(tmp_path: Path):
    out = tmp_path / "follow_up.pdf"
    result = rootmap("report", str(EXAMPLE), "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    text = _text(out)
    assert "Changes since 3 Nov 2026" in text
    assert "This visit (17 Nov 2026) compared with the visit of 3 Nov 2026" in text
    assert "Great toe extension (EHL) left 4/5 2/5 ▼ worse" in text  # the exam with both dates
    assert "Extent" in text and "Share of the drawn body surface" in text
    assert "Not due to a root (excluded)" in text and "old ankle fracture" in text
    assert "4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026" in text  # the red flag's evidence


@needs_poppler
def test_an_earlier_visit_is_reported_as_it_was(tmp_path: Path):
    out = tmp_path / "first.pdf"
    result = rootmap("report", str(EXAMPLE), "--pdf", str(out), "--visit", "2026-11-03")
    assert result.returncode == 0, result.stderr
    assert "Changes since" not in _text(out)


def test_snapshot_draws_any_visit(tmp_path: Path):
    first, latest = tmp_path / "first.png", tmp_path / "latest.png"
    for date, out in (("2026-11-03", first), ("2026-11-17", latest)):
        result = rootmap(
            "snapshot", str(EXAMPLE), "--view", "body_back", "--png", str(out), "--visit", date,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() != latest.read_bytes()


def test_snapshot_of_a_visit_that_does_not_exist_gets_one_line(tmp_path: Path):
    result = rootmap(
        "snapshot", str(EXAMPLE), "--view", "body_back", "--png", str(tmp_path / "x.png"),
        "--visit", "2026-11-04",
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "rootmap snapshot: --visit: no visit on 2026-11-04 (visits: 2026-11-03, 2026-11-17)"
    )


def test_the_change_map_paints_each_change_in_its_colour(qapp):
    from rootmap.follow_up import region_changes
    from rootmap.reports.changes import render_change_view

    document = read_document(EXAMPLE, KNOWLEDGE.regions, KNOWLEDGE.atlases)
    analysis = analyze(for_analysis(document, find_visit(document, "2026-11-17")), KNOWLEDGE)
    assert analysis.changes is not None
    changed = region_changes(analysis.changes)
    assert changed["left.thigh_posterior"] == "resolved"
    assert changed["left.leg_anterolateral"] == "new"  # numbness new beats tingling same
    image = render_change_view("body_back", changed, 400)
    colours = {image.pixelColor(x, y).name() for x in range(0, 400, 2) for y in range(0, 800, 2)}
    resolved = QColor(palette.CHANGES["resolved"].color).name()
    assert resolved in colours  # its dots are drawn in full colour
    assert isinstance(image, QImage)
