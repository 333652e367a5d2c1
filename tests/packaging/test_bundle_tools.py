"""The bundle leaves out the Qt plugins that pull in QtNetwork, and checks glibc at start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
sys.path.insert(0, str(PACKAGING))
import bundle_tools  # noqa: E402

sys.path.remove(str(PACKAGING))

# A small DT_NEEDED graph, as PyInstaller's (dest, src, kind) entries see it.
GRAPH = {
    "/q/plugins/platforms/libqvnc.so": ["libQt6Network.so.6", "libQt6Gui.so.6"],
    "/q/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
    "/q/plugins/platformthemes/libqgtk3.so": ["libcairo.so.2", "libQt6Gui.so.6"],
    "/q/lib/libQt6Network.so.6": ["libQt6Core.so.6"],
    "/q/lib/libQt6XcbQpa.so.6": ["libQt6Gui.so.6"],
    "/q/lib/libQt6Gui.so.6": ["libQt6Core.so.6"],
    "/q/lib/libQt6Core.so.6": [],
    "/h/libcairo.so.2": ["libpixman-1.so.0"],
    "/h/libpixman-1.so.0": [],
}
BINARIES = [(f"PySide6/Qt/{src[3:]}", src, "BINARY") for src in GRAPH if src.startswith("/q/")] + [
    ("libcairo.so.2", "/h/libcairo.so.2", "BINARY"),
    ("libpixman-1.so.0", "/h/libpixman-1.so.0", "BINARY"),
]
DATAS = [
    ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ("assets/knowledge/regions.toml", "/c/assets/knowledge/regions.toml", "DATA"),
]


def test_network_plugins_and_what_only_they_need_are_dropped(monkeypatch):
    monkeypatch.setattr(bundle_tools, "needed", lambda path: GRAPH[str(path)])
    binaries, datas = bundle_tools.drop_plugins(BINARIES, DATAS)
    names = {Path(dest).name for dest, _, _ in binaries}
    assert names == {"libqxcb.so", "libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libQt6Core.so.6"}
    assert [d[0] for d in datas] == ["libQt6Core.so.6", "assets/knowledge/regions.toml"]


def test_excluded_plugins_are_the_ones_that_link_qtnetwork():
    assert "platforms/libqvnc.so" in bundle_tools.EXCLUDED_PLUGINS
    assert "generic/libqtuiotouchplugin.so" in bundle_tools.EXCLUDED_PLUGINS


@pytest.fixture
def launcher(tmp_path: Path) -> Path:
    """The bundle's launcher for a glibc floor of 2.36, in front of a fake program."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    text = (PACKAGING / "linux" / "launcher.sh").read_text().replace("@GLIBC_FLOOR@", "2.36")
    (bundle / "rootmap").write_text(text)
    (bundle / "rootmap-bin").write_text('#!/bin/sh\necho "started $*"\n')
    for name in ("rootmap", "rootmap-bin"):
        (bundle / name).chmod(0o755)
    return bundle / "rootmap"


def _run_with_glibc(launcher: Path, version: str, tmp_path: Path):
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir(exist_ok=True)
    (fake_bin / "getconf").write_text(f'#!/bin/sh\necho "glibc {version}"\n')
    (fake_bin / "getconf").chmod(0o755)
    path = f"{fake_bin}:/usr/bin:/bin"
    return subprocess.run(
        [str(launcher), "analyze", "x.json"],
        env={"PATH": path},
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize("version", ["2.36", "2.39", "2.40.1", "3.0"])
def test_launcher_starts_on_new_enough_glibc(launcher, version, tmp_path):
    result = _run_with_glibc(launcher, version, tmp_path)
    assert (result.returncode, result.stdout) == (0, "started analyze x.json\n")


@pytest.mark.parametrize("version", ["2.35", "2.31", "2.4"])
def test_launcher_refuses_old_glibc_with_one_clear_line(launcher, version, tmp_path):
    result = _run_with_glibc(launcher, version, tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert f"needs the GNU C library 2.36 or newer, but this system has {version}" in result.stderr


def test_launcher_follows_a_symlink_to_the_bundle(launcher, tmp_path):
    link = tmp_path / "bin" / "rootmap"
    link.parent.mkdir()
    link.symlink_to(launcher)
    result = _run_with_glibc(link, "2.38", tmp_path)
    assert result.stdout == "started analyze x.json\n", result.stderr
