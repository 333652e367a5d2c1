"""Start the desktop app: ``rootmap [FILE] [--atlas ID] [--view NAME]``.

FILE is a ``.rootmap`` document or a bare encounter JSON (e.g. ``examples/classic_l5.json``).
A file that cannot be read gives one clear line (stderr and status bar) and an empty window.

Start-up is progressive (see ``rootmap.ui.main_window``): the window's shell paints
first, the rest is built right after, then the FILE is opened and autosave starts.

``ROOTMAP_EXIT_AFTER_PAINT=1`` (for packaging checks): once the window is fully built,
print ``rootmap: first paint after N ms; ready after M ms`` to stderr and exit 0 (no
crash-recovery question, no autosave). Both times count from the process's start as the
kernel records it (``/proc/self/stat``, 10 ms ticks, so up to 10 ms too early); where
that is unavailable, from the import of this module.

``ROOTMAP_THEME=dark|light`` forces the window's theme (default ``auto``: the system's
colour scheme; see ``rootmap.ui.theme``). The texts are translated to the system's
language when ``assets/translations`` has it (``rootmap.ui.translation``).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from rootmap.ui.main_window import MainWindow


def _process_start() -> float:
    """The process's start on the ``time.perf_counter`` clock (best effort)."""
    now = time.perf_counter()
    try:
        with open("/proc/self/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # seconds after boot
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return now
    return now - age if 0 <= age < 60 else now


PROCESS_START = _process_start()

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


def build_window(args: argparse.Namespace, progressive: bool = False) -> MainWindow:
    """The main window for these arguments (the QApplication must exist).

    ``progressive``: only the shell is built now; the atlas and the FILE are applied
    once the window has painted and is complete (``window.ready``)."""
    from rootmap.ui.main_window import MainWindow
    from rootmap.ui.shell import MAP_TAB_TITLES

    window = MainWindow(progressive=progressive)
    if args.view:  # its map is built after the first paint
        window.map_tabs().setCurrentIndex(MAP_TAB_TITLES.index(tab_title(args.view)))
    if window.is_ready():
        _apply_arguments(window, args)
    else:
        window.ready.connect(lambda: _apply_arguments(window, args))
    return window


def tab_title(view: str) -> str:
    """The map tab that shows a ``--view`` (the foot views share the "Feet" tab)."""
    return {"body_front": "Body front", "body_back": "Body back"}.get(view, "Feet")


def _apply_arguments(window: MainWindow, args: argparse.Namespace) -> None:
    """The atlas and the FILE, on the complete window."""
    if args.atlas and not args.file:
        window.set_encounter(window.encounter(), args.atlas)
    if args.atlas and args.atlas not in window.knowledge.atlases:
        _complain(window, f"unknown atlas {args.atlas!r}; using {window.atlas()}")
    if args.file:
        _open_file(window, args.file, args.atlas)


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
    from PySide6.QtCore import QCoreApplication

    window.show_message(QCoreApplication.translate("App", "Opened {0}").format(path))


def _collect_from_now_on() -> None:
    """Garbage collection back on once the window is complete. What start-up built lives
    as long as the window, so it is frozen: later collections never walk it again (a
    click stays quick); a cycle start-up left behind stays too (small, made once)."""
    gc.freeze()
    gc.enable()


def show_window(app: QApplication, window: MainWindow) -> None:
    """Size the window to the screen and show it."""
    screen = app.primaryScreen()
    if window.restore_layout():  # the size and columns of the last run
        window.show()
        return
    if screen is not None:
        available = screen.availableGeometry()
        window.resize(min(1600, available.width()), min(1000, available.height()))
    window.show()


def _exit_after_paint(app: QApplication, window: MainWindow) -> None:
    """The packaging hook: report the start-up times once ready, then quit (status 0)."""

    def report() -> None:
        ready = time.perf_counter()
        first = window.first_paint_time or ready
        sys.stderr.write(
            f"rootmap: first paint after {(first - PROCESS_START) * 1000:.0f} ms;"
            f" ready after {(ready - PROCESS_START) * 1000:.0f} ms\n"
        )
        sys.stderr.flush()
        app.exit(0)

    window.ready.connect(report)


NO_DISPLAY_MESSAGE = (
    "rootmap: the window needs a graphical display (DISPLAY and WAYLAND_DISPLAY are not set);"
    " without one, use the headless commands: rootmap analyze FILE, rootmap report FILE,"
    " rootmap snapshot (see rootmap --help)"
)


def missing_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True on Linux with no X or Wayland display and no Qt platform chosen (Qt would abort)."""
    if not platform.startswith("linux"):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_app(argv: list[str]) -> int:
    args = parse_args(argv)
    if missing_display(os.environ):
        sys.stderr.write(NO_DISPLAY_MESSAGE + "\n")
        return 1
    # Start-up makes few cycles: collecting would only rescan what is being built (Qt's
    # types, the knowledge); collection resumes once the window is complete.
    gc.disable()
    try:
        return _start(args, argv)
    finally:
        gc.enable()


def _start(args: argparse.Namespace, argv: list[str]) -> int:
    from rootmap.ui.pyside_import_scan import scan_imports_from_bytes

    scan_imports_from_bytes()  # before the window's hundred imports
    from rootmap.ui.theme import apply_theme, requested_theme

    try:
        theme = requested_theme(os.environ)
    except ValueError as error:
        sys.stderr.write(f"rootmap: {error}\n")
        return 2
    from PySide6.QtWidgets import QApplication

    from rootmap.ui.translation import install_translation

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setApplicationDisplayName("RootMap")
    app.setApplicationName("RootMap")
    app.setOrganizationName("RootMap")
    from rootmap.ui.identity import apply_desktop_identity

    apply_desktop_identity(app)  # desktop-file id org.rootmap.RootMap and the window icon
    install_translation(app)  # the system language's, when there is one
    apply_theme(app, theme)  # ROOTMAP_THEME, or the system's light or dark scheme
    window = build_window(args, progressive=True)
    window.ready.connect(_collect_from_now_on)
    if os.environ.get("ROOTMAP_EXIT_AFTER_PAINT") == "1":
        _exit_after_paint(app, window)
    else:  # autosave on, and offer a crashed session's work, once the window is complete
        window.ready.connect(lambda: window.file_actions.start_session())
    show_window(app, window)
    return int(app.exec())
