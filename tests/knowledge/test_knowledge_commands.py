"""`rootmap atlases` and `rootmap regions`: what a user sees, and no Qt loaded."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rootmap.cli import main


def test_atlases_lists_each_atlas_with_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["atlases"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("lee2008") and lines[0].endswith("(default)")
    assert any(line.startswith("keegan1948  Keegan & Garrett 1948") for line in lines)
    assert out.count("(default)") == 1
    assert "Source: Lee MWL, McPhee RW, Stringer MD (2008). An evidence-based approach" in out
    assert "Source: Keegan JJ, Garrett FD (1948)." in out


def test_regions_shows_every_region_with_sides_and_roots_per_atlas(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["regions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["REGION", "SIDES", "lee2008", "keegan1948"]
    rows = {line.split()[0]: line for line in lines[1:66]}
    assert len(rows) == 65
    assert rows["saddle"].split()[:2] == ["saddle", "midline"]
    hallux = ["hallux_dorsal", "left", "right", "L5", "(L4)", "L4", "(L5)"]
    assert rows["hallux_dorsal"].split() == hallux
    assert rows["face"].split() == ["face", "left", "right", "-", "-"]
    assert "primary, then (overlap)" in lines[-1]


def test_regions_for_one_atlas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regions", "--atlas", "keegan1948"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["REGION", "SIDES", "keegan1948"]
    row = next(line for line in lines if line.startswith("thigh_lateral "))
    assert row.split() == ["thigh_lateral", "left", "right", "L4", "L5", "(L3", "S1)"]


def test_regions_with_an_unknown_atlas_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["regions", "--atlas", "netter"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "rootmap regions: --atlas: unknown atlas 'netter' (known: lee2008, keegan1948)\n"
    )


@pytest.mark.parametrize("arguments", [["atlases"], ["regions"], ["regions", "--atlas", "lee2008"]])
def test_the_commands_never_import_qt(arguments: list[str]) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from rootmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({arguments!r})\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in "
        "('PySide6', 'shiboken6'))\n"
        "print(status, loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "0 []"
