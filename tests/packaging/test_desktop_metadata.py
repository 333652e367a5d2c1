"""The desktop entry, MIME type, AppStream metadata and icon are valid for Linux desktops."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import rootmap

CHECKOUT = Path(__file__).resolve().parents[2]
LINUX = CHECKOUT / "packaging" / "linux"
ICON = CHECKOUT / "assets" / "icons" / "org.rootmap.RootMap.svg"
DESKTOP = LINUX / "org.rootmap.RootMap.desktop"
METAINFO = LINUX / "org.rootmap.RootMap.metainfo.xml"
MIME = LINUX / "org.rootmap.RootMap.mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
# desktop-file-validate's main categories (Desktop Menu Specification, "Main Categories").
MAIN_CATEGORIES = {
    "AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
    "Network", "Office", "Science", "Settings", "System", "Utility",
}  # fmt: skip


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP)
    return parser["Desktop Entry"]


def test_desktop_entry_is_valid_without_warnings_or_hints():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_desktop_entry_has_one_main_category_and_names_the_window_class():
    from rootmap.ui.identity import APP_ID, APP_NAME

    entry = _entry()
    categories = [c for c in entry["Categories"].split(";") if c]
    assert len([c for c in categories if c in MAIN_CATEGORIES]) == 1, categories
    assert entry["StartupWMClass"] == APP_NAME  # Qt's X11 WM_CLASS class
    assert entry["Icon"] == APP_ID and DESKTOP.name == f"{APP_ID}.desktop"
    assert entry["MimeType"] == "application/x-rootmap;"


def test_mime_type_defines_the_rootmap_glob_and_icon():
    mime_type = ET.parse(MIME).getroot().find(f"{MIME_NS}mime-type")
    assert mime_type is not None and mime_type.get("type") == "application/x-rootmap"
    assert [g.get("pattern") for g in mime_type.iter(f"{MIME_NS}glob")] == ["*.rootmap"]
    assert mime_type.find(f"{MIME_NS}icon").get("name") == "org.rootmap.RootMap"
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"


def test_mime_type_is_valid_for_update_mime_database(tmp_path):
    tool = shutil.which("update-mime-database")
    if tool is None:
        pytest.skip("update-mime-database is not installed (Debian: shared-mime-info)")
    mime = tmp_path / "mime"
    (mime / "packages").mkdir(parents=True)
    shutil.copy(MIME, mime / "packages" / "org.rootmap.RootMap.xml")
    env = {"PATH": os.environ["PATH"], "XDG_DATA_DIRS": str(tmp_path)}
    result = subprocess.run([tool, str(mime)], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert "*.rootmap" in (mime / "globs2").read_text()


def test_appstream_metainfo_is_valid_without_errors_warnings_or_infos():
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = subprocess.run(
        [tool, "validate", "--no-net", "--pedantic", "--strict", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    issues = [line for line in result.stdout.splitlines() if line[:3] in ("E: ", "W: ", "I: ")]
    assert issues == []
    # The one pedantic hint left: AppStream prefers lower case ids, but the component id
    # must equal the desktop-file id (and the Wayland app_id), org.rootmap.RootMap.
    hints = [line for line in result.stdout.splitlines() if line.startswith("P: ")]
    assert all("cid-contains-uppercase-letter" in hint for hint in hints), hints


def test_metainfo_names_the_entry_binary_mime_type_and_disclaimer():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "org.rootmap.RootMap"
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "rootmap"
    assert root.findtext("provides/mediatype") == "application/x-rootmap"
    assert root.find("content_rating").get("type") == "oars-1.1"
    description = " ".join(root.find("description").itertext())
    assert "does not make a diagnosis" in description
    categories = [c.text for c in root.iter("category")]
    assert categories == [c for c in _entry()["Categories"].split(";") if c]


def test_metainfo_has_a_release_entry_for_this_version():
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    versions = [release.get("version") for release in releases]
    assert versions[0] == rootmap.__version__, "add a <release> for the new version, newest first"
    assert all(release.find("description") is not None for release in releases)
    assert len(set(versions)) == len(versions)


def test_metainfo_has_no_placeholder_urls():
    root = ET.parse(METAINFO).getroot()
    assert root.find("url") is None and "example.org" not in METAINFO.read_text()


def test_the_version_is_written_once():
    project = tomllib.loads((CHECKOUT / "pyproject.toml").read_text())
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "desktop/rootmap/__init__.py"


def test_the_licence_is_mit_and_travels_with_the_wheel():
    project = tomllib.loads((CHECKOUT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    licence = (CHECKOUT / "LICENSE").read_text()
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 The RootMap developers\n")
    assert "urls" not in project  # no homepage or repository exists yet: none invented


def test_icon_renders(qapp):
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == 128
