"""The window tells the desktop who it is; --help and --version tell a newcomer."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import rootmap
from rootmap import cli

CHECKOUT = Path(__file__).resolve().parents[2]

# The real start path (run_app), reporting the desktop identity once the window is ready.
IDENTITY_PROBE = """
import sys
from PySide6.QtGui import QGuiApplication
from rootmap.ui import app as app_module
exit_after_paint = app_module._exit_after_paint
def report(app, window):
    window.ready.connect(lambda: print(
        QGuiApplication.desktopFileName(), app.applicationName(),
        window.windowIcon().isNull(), window.windowIcon().pixmap(32, 32).isNull(), flush=True))
    exit_after_paint(app, window)
app_module._exit_after_paint = report
sys.exit(app_module.run_app([]))
"""


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ROOTMAP_EXIT_AFTER_PAINT="1")
    env["PYTHONPATH"] = str(CHECKOUT / "desktop")
    return env


def test_window_has_the_desktop_file_id_and_icon(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", IDENTITY_PROBE],
        env=_env(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["org.rootmap.RootMap", "RootMap", "False", "False"]


def test_help_says_what_each_form_does(capsys):
    try:
        cli.main(["--help"])
    except SystemExit as stop:
        assert stop.code == 0
    text = capsys.readouterr().out
    assert re.search(r"^  rootmap +open the window", text, re.M)
    assert re.search(r"^  rootmap FILE +open FILE .*in the window", text, re.M)
    assert "--atlas ID" in text and "--view NAME" in text
    for name, (_, help_text) in cli.SUBCOMMANDS.items():
        assert re.search(rf"^    {re.escape(name)} +{re.escape(help_text)}$", text, re.M), name
    assert "rootmap COMMAND --help" in text


def test_command_help_names_the_command():
    parser = cli.build_parser(only="analyze")
    sub = parser._subparsers._group_actions[0].choices["analyze"]  # type: ignore[union-attr]
    assert sub.format_usage().startswith("usage: rootmap analyze ")


def test_version_names_rootmap_qt_and_python():
    result = subprocess.run(
        [sys.executable, "-m", "rootmap", "--version"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    python = ".".join(str(part) for part in sys.version_info[:3])
    pattern = (
        rf"RootMap {re.escape(rootmap.__version__)} \(Qt 6\.\d+\.\d+, "
        rf"PySide6 6\.\d+\.\d+, Python {re.escape(python)}\)\n"
    )
    assert re.fullmatch(pattern, result.stdout), result.stdout


def test_version_loads_only_qtcore():
    probe = (
        "import sys\nfrom rootmap import cli\n"
        "try:\n    cli.main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=_env(), capture_output=True, text=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "['PySide6.QtCore']", result.stdout
