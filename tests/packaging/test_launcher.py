"""The bundle's entry point: multiprocessing's helpers first, then the same main as the command."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
LAUNCHER = CHECKOUT / "packaging" / "launcher.py"


def test_freeze_support_runs_before_rootmap_is_imported():
    """In the bundle, cohort's worker processes re-run this file: they must be diverted to
    multiprocessing (freeze_support) before anything of RootMap runs."""
    tree = ast.parse(LAUNCHER.read_text(encoding="utf-8"))
    top_imports = [
        alias.name
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not any(name.startswith("rootmap") for name in top_imports), top_imports
    (main_block,) = [node for node in tree.body if isinstance(node, ast.If)]
    first = main_block.body[0]
    assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Call)
    assert ast.unparse(first.value) == "multiprocessing.freeze_support()"


def test_launcher_runs_from_source():
    env = dict(os.environ, PYTHONPATH=str(CHECKOUT / "desktop"))
    result = subprocess.run(
        [sys.executable, str(LAUNCHER), "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("RootMap "), result.stdout
