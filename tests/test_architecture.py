"""The architecture's arrows, checked on the real files (docs/architecture.md).

- The Qt side is three folders, ``ui``, ``reports`` and ``qtgui``, and three subcommands
  that paint (``check-assets``, ``report``, ``snapshot``, importing Qt lazily); every
  other module is the clinical core and never imports Qt, neither in its source nor
  when it is imported.
- The parts form layers, top-down; an import never points to a higher layer.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "rootmap"

# The Qt side: folders and the subcommands that paint (they import Qt only when run).
QT_SIDE = ["ui", "reports", "qtgui"]
PAINTING_COMMANDS = ["commands/check_assets.py", "commands/report.py", "commands/snapshot.py"]
# The dispatcher: it imports the window lazily, only when no subcommand is given.
DISPATCHER = ["cli.py", "__main__.py"]
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")

# The parts, top-down: a part may import its own layer or the layers below it.
LAYERS: list[list[str]] = [
    ["__main__", "cli"],
    ["commands"],
    ["ui"],
    ["reports"],
    ["qtgui"],
    ["follow_up", "cohort", "interop"],
    ["engine", "documents", "maps", "teaching", "wording"],
    ["knowledge"],
    ["analysis", "digests", "encounter", "palette", "resources", "safe_files"],
]
LAYER_OF = {part: depth for depth, parts in enumerate(LAYERS) for part in parts}
# Within a layer, parts stay apart: (importer, must not import).
FORBIDDEN_ARROWS = [
    ("engine", "rootmap.maps"),
    ("maps", "rootmap.engine"),
    ("documents", "rootmap.engine"),
    ("teaching", "rootmap.engine"),
]


def _files(entry: str) -> list[Path]:
    path = PACKAGE / entry
    assert path.exists(), f"{entry} is listed but does not exist"
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _core_files() -> list[Path]:
    outside = {f for entry in QT_SIDE + PAINTING_COMMANDS + DISPATCHER for f in _files(entry)}
    return [f for f in sorted(PACKAGE.rglob("*.py")) if f not in outside]


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _part(path: Path) -> str:
    first = path.relative_to(PACKAGE).parts[0]
    return "rootmap" if first == "__init__.py" else first.removesuffix(".py")


def test_every_listed_entry_exists():
    for entry in QT_SIDE + PAINTING_COMMANDS + DISPATCHER:
        _files(entry)  # asserts


def test_the_core_is_the_rest_of_the_package():
    names = {_relative(f) for f in _core_files()}
    assert {"encounter.py", "analysis.py", "engine/__init__.py", "maps/geometry.py"} <= names
    assert {"knowledge/loader.py", "documents/format.py", "commands/analyze.py"} <= names
    assert not any(n.startswith(("ui/", "reports/", "qtgui/")) for n in names)


@pytest.mark.parametrize("path", _core_files(), ids=_relative)
def test_core_module_imports_no_qt(path: Path):
    qt = sorted(
        n for n in _imports(path) if n.split(".")[0] in QT_PACKAGES or n.startswith("rootmap.ui")
    )
    assert not qt, f"{_relative(path)} imports {qt}"


def test_every_part_has_a_layer():
    parts = {_part(f) for f in PACKAGE.rglob("*.py")} - {"rootmap"}
    assert parts <= set(LAYER_OF), f"place these in LAYERS: {sorted(parts - set(LAYER_OF))}"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=_relative)
def test_imports_point_down(path: Path):
    part = _part(path)
    if part == "rootmap":
        return
    up = sorted(
        name
        for name in _imports(path)
        if name.startswith("rootmap.")
        and LAYER_OF.get(name.split(".")[1], len(LAYERS)) < LAYER_OF[part]
    )
    assert not up, f"{_relative(path)} ({part}) imports a higher layer: {up}"


@pytest.mark.parametrize(("importer", "target"), FORBIDDEN_ARROWS)
def test_parts_of_a_layer_stay_apart(importer: str, target: str):
    for path in _files(importer):
        bad = sorted(n for n in _imports(path) if n == target or n.startswith(target + "."))
        assert not bad, f"{_relative(path)} imports {bad}"


def test_importing_the_core_and_the_commands_loads_no_qt():
    """Import every core module, every subcommand and the dispatcher in one fresh
    interpreter: PySide6 must not be loaded."""
    modules = [_module(f) for f in _core_files()]
    modules += [_module(PACKAGE / f) for f in PAINTING_COMMANDS] + ["rootmap.cli"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{QT_PACKAGES!r})\n"
        "print(len(sys.modules), ' '.join(qt))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    count, *qt = done.stdout.split()
    assert int(count) > len(modules)
    assert not qt, f"importing the core loaded {qt}"
