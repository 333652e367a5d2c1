"""Start the desktop app: ``rootmap [FILE] [--atlas ID] [--view NAME]``.

FILE is a ``.rootmap`` document or a bare encounter JSON (e.g. ``examples/classic_l5.json``).
A file that cannot be read gives one clear line (stderr and status bar) and an empty window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rootmap.ui.main_window import MainWindow

VIEW_CHOICES = (
    "body_front",
    "body_back",
    "foot_dorsal",
    "foot_plantar",
    "foot_medial",
    "foot_lateral",
    "feet",
)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="rootmap", description="RootMap: click the map, see the root and the candidates."
    )
    parser.add_argument("file", nargs="?", help="a .rootmap document or an encounter JSON file")
    parser.add_argument("--atlas", help="dermatome atlas id (see `rootmap atlases`)")
    parser.add_argument("--view", choices=VIEW_CHOICES, help="the map to show first")
    return parser.parse_args(list(argv))


def build_window(args: argparse.Namespace) -> MainWindow:
    """The main window for these arguments (the QApplication must exist)."""
    from rootmap.ui.main_window import MainWindow

    window = MainWindow()
    if args.file:
        _open_file(window, args.file, args.atlas)
    elif args.atlas:
        window.set_encounter(window.encounter(), args.atlas)
    if args.atlas and args.atlas not in window.knowledge.atlases:
        _complain(window, f"unknown atlas {args.atlas!r}; using {window.atlas()}")
    if args.view:
        window.map_area.show_view("foot_dorsal" if args.view == "feet" else args.view)
    return window


def _complain(window: MainWindow, message: str) -> None:
    sys.stderr.write(f"rootmap: {message}\n")
    window.show_message(message, 15000)


def _open_file(window: MainWindow, path: str, atlas: str | None) -> None:
    from rootmap.documents import DocumentError, read_document

    knowledge = window.knowledge
    warnings: list[str] = []
    try:
        document = read_document(path, knowledge.regions, knowledge.atlases, warnings)
    except (DocumentError, OSError) as error:
        _complain(window, str(error))
        return
    window.file_actions.adopt(document, path, atlas)
    for warning in warnings:
        sys.stderr.write(f"rootmap: {path}: {warning}\n")
    window.show_message(f"Opened {path}")


def run_app(argv: list[str]) -> int:
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setApplicationDisplayName("RootMap")
    app.setApplicationName("RootMap")
    app.setOrganizationName("RootMap")
    window = build_window(args)
    screen = app.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        window.resize(min(1600, available.width()), min(1000, available.height()))
    window.show()
    window.file_actions.start_session()  # autosave on; offer a crashed session's work
    return int(app.exec())
