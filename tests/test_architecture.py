"""The architecture's arrows, checked on the source: the clinical core never imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "rootmap"

# Modules (or packages) that form the clinical core: plain Python, no Qt.
# (cli.py is the dispatcher: it imports the window lazily, only when no subcommand is given.)
CORE = [
    "analysis.py",
    "follow_up.py",
    "encounter.py",
    "resources.py",
    "palette.py",
    "wording.py",
    "knowledge",
    "engine",
    "maps",
    "maps.py",
    "documents",
    "documents.py",
    "teaching",
    "commands/analyze.py",
    "commands/atlases.py",
    "commands/regions.py",
    "commands/knowledge_input.py",
]
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
# (importer, must not import): the one-way flow of architecture.md.
FORBIDDEN_ARROWS = [
    ("engine", "rootmap.maps"),
    ("engine", "rootmap.ui"),
    ("maps", "rootmap.engine"),
    ("maps.py", "rootmap.engine"),
    ("knowledge", "rootmap.engine"),
]


def _python_files(entry: str) -> list[Path]:
    path = PACKAGE / entry
    if path.is_dir():
        return sorted(path.rglob("*.py"))
    return [path] if path.is_file() else []


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
    return [f for entry in CORE for f in _python_files(entry)]


def test_the_core_exists():
    names = {f.relative_to(PACKAGE).as_posix() for f in _core_files()}
    assert {"encounter.py", "analysis.py", "resources.py"} <= names


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_module_imports_no_qt(path: Path):
    qt = sorted(
        n for n in _imports(path) if n.split(".")[0] in QT_PACKAGES or n.startswith("rootmap.ui")
    )
    assert not qt, f"{path.relative_to(PACKAGE)} imports {qt}"


@pytest.mark.parametrize(("importer", "target"), FORBIDDEN_ARROWS)
def test_arrows_point_one_way(importer: str, target: str):
    for path in _python_files(importer):
        bad = sorted(n for n in _imports(path) if n == target or n.startswith(target + "."))
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"
