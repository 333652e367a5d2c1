"""install.sh / uninstall.sh put RootMap into a user's desktop and take it out again.

A fake bundle (a script) stands in for the real one, which .ci/run builds and installs
the same way (packaging/ci_linux.sh); everything runs under a temporary HOME.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
PACKAGING = CHECKOUT / "packaging"
APP_ID = "org.rootmap.RootMap"
INSTALLED = (
    ".local/bin/rootmap",
    ".local/lib/rootmap/rootmap",
    f".local/share/applications/{APP_ID}.desktop",
    f".local/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    f".local/share/mime/packages/{APP_ID}.xml",
    f".local/share/metainfo/{APP_ID}.metainfo.xml",
)


@pytest.fixture
def staged(tmp_path: Path) -> Path:
    """A release folder laid out by stage_linux.sh around a fake bundle."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "rootmap").write_text('#!/bin/sh\necho "fake rootmap $*"\n')
    (bundle / "rootmap").chmod(0o755)
    out = tmp_path / "rootmap-0.0.0-linux-test"
    subprocess.run([str(PACKAGING / "stage_linux.sh"), str(bundle), str(out)], check=True)
    return out


@pytest.fixture
def home_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose HOME and XDG folders are empty temporary ones."""
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "system-data").mkdir()
    (tmp_path / "system-config").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_DIRS=str(tmp_path / "system-data"),
        XDG_CONFIG_DIRS=str(tmp_path / "system-config"),
    )
    return env


def _run(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], env=env, capture_output=True, text=True, timeout=120
    )


def _default_app(env: dict[str, str]) -> str:
    if shutil.which("xdg-mime") is None:
        pytest.skip("xdg-mime is not installed (Debian: xdg-utils)")
    return _run("xdg-mime", "query", "default", "application/x-rootmap", env=env).stdout.strip()


def test_install_places_the_bundle_entry_icon_and_mime_type(staged, home_env):
    result = _run(staged / "install.sh", env=home_env)
    assert result.returncode == 0, result.stderr
    home = Path(home_env["HOME"])
    for path in INSTALLED:
        assert (home / path).exists(), path
    ran = _run(home / ".local/bin/rootmap", "--version", env=home_env)
    assert ran.stdout.strip() == "fake rootmap --version"
    entry = (home / f".local/share/applications/{APP_ID}.desktop").read_text()
    assert f'Exec="{home}/.local/bin/rootmap" %f' in entry
    assert _default_app(home_env) == f"{APP_ID}.desktop"


def test_installed_mime_type_names_rootmap_files(staged, home_env):
    assert _run(staged / "install.sh", env=home_env).returncode == 0
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database is not installed (Debian: shared-mime-info)")
    probe = (
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "t = db.mimeTypeForFile('case.rootmap', QMimeDatabase.MatchMode.MatchExtension)\n"
        "print(t.name(), t.iconName(), t.inherits('application/json'))\n"
    )
    result = _run(sys.executable, "-c", probe, env=home_env)
    assert result.stdout.split() == ["application/x-rootmap", APP_ID, "True"], result.stderr


def test_installed_desktop_entry_is_valid(staged, home_env):
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    assert _run(staged / "install.sh", env=home_env).returncode == 0
    entry = Path(home_env["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"
    result = _run(tool, entry, env=home_env)
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_uninstall_removes_exactly_what_install_placed(staged, home_env, tmp_path):
    home = Path(home_env["HOME"])
    (home / "notes.txt").write_text("mine")
    assert _run(staged / "install.sh", env=home_env).returncode == 0
    result = _run(staged / "uninstall.sh", env=home_env)
    assert result.returncode == 0, result.stderr
    for path in INSTALLED:
        assert not (home / path).exists(), path
    assert not (home / ".local/lib/rootmap").exists()
    assert (home / "notes.txt").read_text() == "mine"
    left = {p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file()}
    # Only the caches the refresh tools rebuilt (now without RootMap) remain.
    assert all(
        p == "notes.txt"
        or p == ".local/share/applications/mimeinfo.cache"
        or (p.startswith(".local/share/mime/") and "/packages/" not in p and "x-rootmap" not in p)
        for p in left
    ), sorted(left)
    if shutil.which("xdg-mime"):
        assert _default_app(home_env) == ""


def test_uninstall_leaves_another_rootmap_command_alone(staged, home_env):
    home = Path(home_env["HOME"])
    assert _run(staged / "install.sh", env=home_env).returncode == 0
    command = home / ".local/bin/rootmap"
    command.unlink()
    command.write_text("#!/bin/sh\n# pip's rootmap\n")
    assert _run(staged / "uninstall.sh", env=home_env).returncode == 0
    assert command.read_text().endswith("# pip's rootmap\n")


def test_install_with_a_prefix_and_bad_arguments(staged, home_env, tmp_path):
    prefix = tmp_path / "opt prefix"
    assert _run(staged / "install.sh", "--prefix", prefix, env=home_env).returncode == 0
    assert (prefix / "lib/rootmap/rootmap").is_file()
    assert _run(staged / "uninstall.sh", f"--prefix={prefix}", env=home_env).returncode == 0
    assert not (prefix / "bin/rootmap").exists()
    wrong = _run(staged / "install.sh", "--prefx", "x", env=home_env)
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1
