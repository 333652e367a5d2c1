"""The window's commands, declared once: id, menu, text, keys, and where a key works.

The main window builds one ``QAction`` per entry (in menu order) and connects it to its
slot by id; nothing else defines a key for these commands. Every key is a
``Qt.ShortcutContext.WindowShortcut`` added to the window itself, so a key means one
thing wherever the focus is inside the window (a form's drop-down included), and never
fires in another window or a dialog. A key given as a name ("Quit", "Undo") is the
platform's standard key of that name.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from rootmap.ui.shell import MAP_TAB_TITLES

# The finding tools, in toolbar order (rootmap.ui.finding_palette.TOOLS; a test checks).
TOOL_KEYS = (("pain", "1"), ("numbness", "2"), ("tingling", "3"), ("burning", "4"))
ERASER_KEY = "E"


@dataclass(frozen=True)
class CommandSpec:
    id: str
    menu: str  # the menu's title, without its mnemonic: File, Edit, Tools, View
    text: str
    keys: tuple[str, ...] = ()
    tip: str = ""  # a tooltip (toolbar buttons)
    status: str = ""  # a status-bar tip (menu entries)
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut
    separator_before: bool = False
    submenu: bool = False  # a submenu filled when it opens (Open Recent)


WINDOW_COMMANDS: tuple[CommandSpec, ...] = (
    # The document commands (``file.*``) run in ``FileActions``, built on first use.
    CommandSpec("file.new", "File", "&New", ("New",), status="Start a new, empty encounter"),
    CommandSpec("file.open", "File", "&Open…", ("Open",), status="Open a .rootmap file"),
    CommandSpec("file.recent", "File", "Open &Recent", submenu=True),
    CommandSpec("file.save", "File", "&Save", ("Save",), separator_before=True),
    CommandSpec("file.save_as", "File", "Save &As…", ("Ctrl+Shift+S",)),
    CommandSpec(
        "file.details",
        "File",
        "Patient &Label and Notes…",
        ("Ctrl+I",),
        status="A label (e.g. initials) and notes, saved in the file and printed on the report",
        separator_before=True,
    ),
    CommandSpec("file.pdf", "File", "&Export PDF Report…", ("Ctrl+E",), separator_before=True),
    CommandSpec("file.print", "File", "&Print…", ("Print",)),
    CommandSpec(
        "file.figure",
        "File",
        "Export &Figure…",
        ("Ctrl+Shift+E",),
        status="One map with its marks and the dermatome, as PNG or SVG",
    ),
    CommandSpec("quit", "File", "&Quit", ("Quit",), separator_before=True),
    CommandSpec("undo", "Edit", "&Undo", ("Undo",)),
    CommandSpec("redo", "Edit", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    CommandSpec(
        "clear",
        "Edit",
        "Clear &all",
        ("Ctrl+Shift+Backspace",),
        "Clear every mark, sign and history answer (undoable)",
    ),
    *(CommandSpec(f"tool.{tool}", "Tools", "", (key,)) for tool, key in TOOL_KEYS),
    CommandSpec("tool.eraser", "Tools", "", (ERASER_KEY,)),
    CommandSpec("intensity.up", "Tools", "More intense", ("]",), separator_before=True),
    CommandSpec("intensity.down", "Tools", "Less intense", ("[",)),
    *(
        CommandSpec(f"page.{index}", "View", title, (f"Ctrl+{index + 1}",))
        for index, title in enumerate(MAP_TAB_TITLES)
    ),
    CommandSpec("zoom.in", "View", "Zoom in", ("Ctrl+=", "Ctrl++"), separator_before=True),
    CommandSpec("zoom.out", "View", "Zoom out", ("Ctrl+-",)),
    CommandSpec("zoom.fit", "View", "Fit to window", ("Ctrl+0",)),
)


def command(command_id: str) -> CommandSpec:
    return next(c for c in WINDOW_COMMANDS if c.id == command_id)


def key_owners() -> dict[str, str]:
    """Each key and the one command it belongs to (a test checks no key has two)."""
    owners: dict[str, str] = {}
    for spec in WINDOW_COMMANDS:
        for key in spec.keys:
            if key in owners:
                raise ValueError(f"{key} belongs to {owners[key]} and {spec.id}")
            owners[key] = spec.id
    return owners
