"""The desktop entry, AppStream metadata and icon are valid for Linux software centres."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
ICON = Path(__file__).resolve().parents[2] / "assets" / "icons" / "org.rootmap.RootMap.svg"


def test_desktop_entry_is_valid():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run(
        [tool, str(LINUX / "org.rootmap.RootMap.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_appstream_metainfo_is_valid():
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = subprocess.run(
        [
            tool,
            "validate",
            "--no-net",
            "--pedantic",
            str(LINUX / "org.rootmap.RootMap.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_names_the_desktop_entry_and_the_disclaimer():
    root = ET.parse(LINUX / "org.rootmap.RootMap.metainfo.xml").getroot()
    assert root.findtext("id") == "org.rootmap.RootMap"
    assert root.find("launchable").text == "org.rootmap.RootMap.desktop"
    description = " ".join(root.find("description").itertext())
    assert "does not make a diagnosis" in description


def test_icon_renders(qapp):
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == 128
