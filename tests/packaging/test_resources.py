"""One function finds the assets in a checkout, a wheel and a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rootmap import resources


@pytest.fixture(autouse=True)
def _fresh_cache():
    resources.assets_dir.cache_clear()
    yield
    resources.assets_dir.cache_clear()


def test_checkout_assets_are_found():
    found = resources.assets_dir()
    assert (found / "knowledge" / "regions.toml").is_file()


def test_frozen_bundle_assets_are_found(tmp_path, monkeypatch):
    (tmp_path / "assets" / "knowledge").mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "nowhere" / "a" / "rootmap")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.assets_dir() == tmp_path / "assets"


def test_wheel_layout_is_preferred(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "rootmap"
    (package / "assets" / "knowledge").mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)
    assert resources.assets_dir() == package / "assets"


def test_missing_assets_say_where_they_were_looked_for(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "a" / "b" / "rootmap")
    with pytest.raises(FileNotFoundError, match="looked in"):
        resources.assets_dir()


def test_asset_path_refuses_to_leave_the_assets_folder():
    with pytest.raises(ValueError, match="escapes"):
        resources.asset_path("..", "pyproject.toml")
    assert resources.asset_path("knowledge", "regions.toml").is_file()


def test_packaging_files_exist():
    packaging = Path(__file__).resolve().parents[2] / "packaging"
    for name in (
        "rootmap.spec",
        "launcher.py",
        "build_linux.sh",
        "smoke_bundle.sh",
        "linux/org.rootmap.RootMap.desktop",
        "linux/org.rootmap.RootMap.metainfo.xml",
        "linux/org.rootmap.RootMap.mime.xml",
        "linux/launcher.sh",
        "bundle_tools.py",
    ):
        assert (packaging / name).is_file(), name


def test_qt_void_calls_keep_none_alive():
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call and aborts."""
    from PySide6.QtGui import QPainterPath

    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(2000):
        path.lineTo(1.0, 2.0)
    assert sys.getrefcount(None) >= before - 50
