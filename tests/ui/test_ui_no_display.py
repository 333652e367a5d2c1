"""Without a graphical display, ``rootmap`` says so in one line instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rootmap.ui.app import missing_display

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def test_rootmap_without_a_display_says_so_plainly_and_names_the_headless_commands(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(DESKTOP),
        "ROOTMAP_CACHE_DIR": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "rootmap", "examples/classic_l5.json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=DESKTOP.parent,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "graphical display" in lines[0]
    assert "rootmap analyze" in lines[0]
    assert "xcb" not in done.stderr and "Traceback" not in done.stderr


def test_a_display_or_a_chosen_qt_platform_is_enough():
    assert missing_display({}, "linux")
    assert not missing_display({"DISPLAY": ":0"}, "linux")
    assert not missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not missing_display({}, "darwin")
    assert not missing_display({}, "win32")
