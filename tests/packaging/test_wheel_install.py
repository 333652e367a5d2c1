"""A wheel installed into a clean virtual environment runs the app's subcommands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with RootMap installed from a freshly built wheel (not editable)."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(CHECKOUT)],
        check=True,
    )
    (wheel,) = work.glob("rootmap-*.whl")
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    return env_dir / "bin"


def _clean_env() -> dict[str, str]:
    """The environment without PYTHONPATH, which would put the checkout first."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = _clean_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(bin_dir / "rootmap"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_installed_rootmap_is_not_the_checkout(installed, tmp_path):
    python = installed / "python"
    out = subprocess.run(
        [str(python), "-c", "import rootmap.resources as r; print(r.assets_dir())"],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert "site-packages" in out and str(CHECKOUT) not in out


def test_installed_analyze(installed, tmp_path):
    result = _run(
        installed, "analyze", str(CHECKOUT / "examples" / "classic_l5.json"), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)
    assert analysis["roots"][0]["root"] == "L5"


def test_installed_snapshot(installed, tmp_path):
    out = tmp_path / "dorsal.png"
    result = _run(
        installed,
        "snapshot",
        str(CHECKOUT / "examples" / "classic_l5.json"),
        "--view",
        "foot_dorsal",
        "--png",
        str(out),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_installed_check_assets(installed, tmp_path):
    result = _run(installed, "check-assets", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_installed_version_and_licence(installed, tmp_path):
    import rootmap

    result = _run(installed, "--version", cwd=tmp_path)
    assert result.stdout.startswith(f"RootMap {rootmap.__version__} (Qt 6."), result.stderr
    metadata = subprocess.run(
        [str(installed / "python"), "-m", "pip", "show", "-f", "rootmap"],
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Version: {rootmap.__version__}\n" in metadata
    assert "licenses/LICENSE" in metadata
