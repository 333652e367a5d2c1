"""The sdist holds everything: the wheel, the maps and the test suite build from it alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import rootmap

CHECKOUT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

FAST_TESTS = ("tests/engine", "tests/knowledge", "tests/cli")


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    """The checkout's sdist, built and unpacked into a temporary folder."""
    work = tmp_path_factory.mktemp("sdist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "-o", str(work), str(CHECKOUT)],
        check=True,
        capture_output=True,
    )
    (sdist,) = work.glob("rootmap-*.tar.gz")
    assert sdist.name == f"rootmap-{rootmap.__version__}.tar.gz"
    with tarfile.open(sdist) as archive:
        archive.extractall(work, filter="data")
    return work / f"rootmap-{rootmap.__version__}"


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tree / "desktop"))
    env["ROOTMAP_CACHE_DIR"] = str(tree / ".cache")
    return env


def test_sdist_holds_the_sources_tools_examples_docs_and_licence(unpacked):
    for path in (
        "LICENSE",
        "README.md",
        "pyproject.toml",
        "desktop/rootmap/cli.py",
        "assets/icons/org.rootmap.RootMap.svg",
        "tools/mapgen/body.py",
        "tools/render_views.py",
        "examples/classic_l5.json",
        "docs/screenshots/classic_l5.png",
        "tests/conftest.py",
        "packaging/rootmap.spec",
        "packaging/linux/org.rootmap.RootMap.mime.xml",
    ):
        assert (unpacked / path).is_file(), path
    assert not list(unpacked.rglob("__pycache__"))


def test_the_readme_pictures_are_in_the_sdist(unpacked):
    readme = (unpacked / "README.md").read_text()
    pictures = re.findall(r"\]\((docs/[^)]+\.png)\)", readme)
    assert pictures
    assert [p for p in pictures if not (unpacked / p).is_file()] == []


def test_the_wheel_builds_from_the_sdist(unpacked, tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "-o", str(tmp_path), str(unpacked)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("rootmap-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"rootmap-{rootmap.__version__}.dist-info/METADATA").decode()
    assert "rootmap/assets/icons/org.rootmap.RootMap.svg" in names
    assert f"rootmap-{rootmap.__version__}.dist-info/licenses/LICENSE" in names
    assert "License-Expression: MIT" in metadata and "License-File: LICENSE" in metadata
    assert f"Version: {rootmap.__version__}\n" in metadata


def test_a_map_generator_runs_from_the_sdist(unpacked):
    spine = unpacked / "assets" / "maps" / "spine.svg"
    before = spine.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "tools.mapgen.spine"],
        cwd=unpacked,
        env=_env(unpacked),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert spine.read_bytes() == before  # the generator reproduces the shipped map


def test_the_fast_tests_pass_from_the_sdist(unpacked):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *FAST_TESTS],
        cwd=unpacked,
        env=_env(unpacked),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
