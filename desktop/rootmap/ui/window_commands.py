"""The window's commands, declared once: id, menu, text, keys, and where a key works.

The main window builds one ``QAction`` per entry (in menu order) and connects it to its
slot by id; nothing else defines a key for these commands. Every key is a
``Qt.ShortcutContext.WindowShortcut`` added to the window itself, so a key means one
thing wherever the focus is inside the window (a form's drop-down included), and never
fires in another window or a dialog. A key given as a name ("Quit", "Undo") is the
platform's standard key of that name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.ui.shell import MAP_TAB_TITLES

# The finding tools, in toolbar order (rootmap.ui.finding_palette.TOOLS; a test checks).
TOOL_KEYS = (("pain", "1"), ("numbness", "2"), ("tingling", "3"), ("burning", "4"))
ERASER_KEY = "E"


@dataclass(frozen=True)
class CommandSpec:
    """One window command: id, menu place, text, keys and tip."""

    id: str
    menu: str  # the menu's title, without its mnemonic: File, Edit, Tools, View
    text: str
    keys: tuple[str, ...] = ()
    tip: str = ""  # a tooltip (toolbar buttons)
    status: str = ""  # a status-bar tip (menu entries)
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut
    separator_before: bool = False
    submenu: bool = False  # a submenu filled when it opens (Open Recent)
    checkable: bool = False  # a toggle (Compare with previous visit)


# The menus' titles (a command's ``menu`` is its key); texts, tips and menu titles are
# shown through QCoreApplication.translate("WindowCommands", ...).
MENU_TITLES = {
    "File": QT_TRANSLATE_NOOP("WindowCommands", "&File"),
    "Edit": QT_TRANSLATE_NOOP("WindowCommands", "&Edit"),
    "Tools": QT_TRANSLATE_NOOP("WindowCommands", "&Tools"),
    "View": QT_TRANSLATE_NOOP("WindowCommands", "&View"),
    "Visit": QT_TRANSLATE_NOOP("WindowCommands", "V&isit"),
}


def _tr(text: str) -> str:
    if not text:
        return text
    context = "MapArea" if text in MAP_TAB_TITLES else "WindowCommands"  # View: the tabs
    return QCoreApplication.translate(context, text)


WINDOW_COMMANDS: tuple[CommandSpec, ...] = (
    # The document commands (``file.*``) run in ``FileActions``, built on first use.
    CommandSpec(
        "file.new",
        "File",
        QT_TRANSLATE_NOOP("WindowCommands", "&New"),
        ("New",),
        status=QT_TRANSLATE_NOOP("WindowCommands", "Start a new, empty encounter"),
    ),
    CommandSpec(
        "file.open",
        "File",
        QT_TRANSLATE_NOOP("WindowCommands", "&Open…"),
        ("Open",),
        status=QT_TRANSLATE_NOOP("WindowCommands", "Open a .rootmap file"),
    ),
    CommandSpec(
        "file.recent", "File", QT_TRANSLATE_NOOP("WindowCommands", "Open &Recent"), submenu=True
    ),
    CommandSpec(
        "file.save",
        "File",
        QT_TRANSLATE_NOOP("WindowCommands", "&Save"),
        ("Save",),
        separator_before=True,
    ),
    CommandSpec(
        "file.save_as", "File", QT_TRANSLATE_NOOP("WindowCommands", "Save &As…"), ("Ctrl+Shift+S",)
    ),
    CommandSpec(
        "file.details",
        "File",
        QT_TRANSLATE_NOOP("WindowCommands", "Patient &Label and Notes…"),
        ("Ctrl+I",),
        status=QT_TRANSLATE_NOOP(
            "WindowCommands",
            "A label (e.g. initials) and notes, saved in the file and printed on the report",
        ),
        separator_before=True,
    ),
    CommandSpec(
        "file.pdf",
        "File",
        QT_TRANSLATE_NOOP("WindowCommands", "&Export PDF Report…"),
        ("Ctrl+E",),
        separator_before=True,
    ),
    CommandSpec("file.print", "File", QT_TRANSLATE_NOOP("WindowCommands", "&Print…"), ("Print",)),
    CommandSpec(
        "file.figure",
        "File",
        QT_TRANSLATE_NOOP("WindowCommands", "Export &Figure…"),
        ("Ctrl+Shift+E",),
        status=QT_TRANSLATE_NOOP(
            "WindowCommands", "One map with its marks and the dermatome, as PNG or SVG"
        ),
    ),
    CommandSpec(
        "file.fhir",
        "File",
        QT_TRANSLATE_NOOP("WindowCommands", "Export F&HIR…"),
        status=QT_TRANSLATE_NOOP(
            "WindowCommands",
            "Every visit as a FHIR R4 Bundle for a clinical record (the patient label only "
            "if you tick it)",
        ),
    ),
    CommandSpec(
        "quit",
        "File",
        QT_TRANSLATE_NOOP("WindowCommands", "&Quit"),
        ("Quit",),
        separator_before=True,
    ),
    CommandSpec("undo", "Edit", QT_TRANSLATE_NOOP("WindowCommands", "&Undo"), ("Undo",)),
    CommandSpec(
        "redo", "Edit", QT_TRANSLATE_NOOP("WindowCommands", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")
    ),
    CommandSpec(
        "clear",
        "Edit",
        QT_TRANSLATE_NOOP("WindowCommands", "Clear &all"),
        ("Ctrl+Shift+Backspace",),
        QT_TRANSLATE_NOOP("WindowCommands", "Clear every mark, sign and history answer (undoable)"),
    ),
    *(CommandSpec(f"tool.{tool}", "Tools", "", (key,)) for tool, key in TOOL_KEYS),
    CommandSpec("tool.eraser", "Tools", "", (ERASER_KEY,)),
    CommandSpec(
        "intensity.up",
        "Tools",
        QT_TRANSLATE_NOOP("WindowCommands", "More intense"),
        ("]",),
        separator_before=True,
    ),
    CommandSpec(
        "intensity.down", "Tools", QT_TRANSLATE_NOOP("WindowCommands", "Less intense"), ("[",)
    ),
    *(
        CommandSpec(f"page.{index}", "View", title, (f"Ctrl+{index + 1}",))
        for index, title in enumerate(MAP_TAB_TITLES)
    ),
    CommandSpec(
        "zoom.in",
        "View",
        QT_TRANSLATE_NOOP("WindowCommands", "Zoom in"),
        ("Ctrl+=", "Ctrl++"),
        separator_before=True,
    ),
    CommandSpec("zoom.out", "View", QT_TRANSLATE_NOOP("WindowCommands", "Zoom out"), ("Ctrl+-",)),
    CommandSpec(
        "zoom.fit", "View", QT_TRANSLATE_NOOP("WindowCommands", "Fit to window"), ("Ctrl+0",)
    ),
    # Visits (``visit.*``) run in ``rootmap.ui.visits_panel.VisitActions``.
    CommandSpec(
        "visit.follow_up",
        "Visit",
        QT_TRANSLATE_NOOP("WindowCommands", "&New Follow-up Visit…"),
        ("Ctrl+Shift+N",),
        status=QT_TRANSLATE_NOOP(
            "WindowCommands",
            "A dated visit for the same patient: map empty, exam not tested, history kept",
        ),
    ),
    CommandSpec(
        "visit.previous",
        "Visit",
        QT_TRANSLATE_NOOP("WindowCommands", "&Previous Visit"),
        ("Alt+PgUp",),
    ),
    CommandSpec(
        "visit.next", "Visit", QT_TRANSLATE_NOOP("WindowCommands", "Ne&xt Visit"), ("Alt+PgDown",)
    ),
    CommandSpec(
        "visit.edit",
        "Visit",
        QT_TRANSLATE_NOOP("WindowCommands", "&Edit This Visit"),
        status=QT_TRANSLATE_NOOP(
            "WindowCommands",
            "Allow changes to the earlier visit shown (earlier visits are read-only)",
        ),
        checkable=True,
    ),
    CommandSpec(
        "visit.compare",
        "Visit",
        QT_TRANSLATE_NOOP("WindowCommands", "&Compare with Previous Visit"),
        ("Ctrl+Shift+D",),
        status=QT_TRANSLATE_NOOP(
            "WindowCommands",
            "Show what changed since the visit before: map, examination and results",
        ),
        checkable=True,
        separator_before=True,
    ),
    CommandSpec(
        "visit.list",
        "Visit",
        QT_TRANSLATE_NOOP("WindowCommands", "Visit &List"),
        status=QT_TRANSLATE_NOOP("WindowCommands", "Show or hide the visit list"),
    ),
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


Slot = Callable[[], object]


class WindowActions:
    """One ``QAction`` per ``WINDOW_COMMANDS`` entry, in the window's menu bar and added
    to the window (so its key works wherever the focus is in it).

    ``slots`` maps a command id to what it does; ``routes`` maps a prefix (``"file."``)
    to a part's ``run(command_id)``, which serves every command with that prefix (and
    its submenus, run when they open). ``made`` are actions made elsewhere (the undo
    stack's); ``text_of`` names a command whose spec has no text (the finding tools)."""

    def __init__(
        self,
        window: QMainWindow,
        slots: Mapping[str, Slot],
        routes: Mapping[str, Callable[[str], object]],
        made: Mapping[str, QAction],
        text_of: Callable[[str], str],
    ) -> None:
        self.by_id: dict[str, QAction] = {}
        self.submenus: dict[str, QMenu] = {}
        self.menus: dict[str, QMenu] = {}
        self._unset_keys: list[tuple[QAction, CommandSpec]] = []
        for spec in WINDOW_COMMANDS:
            menu = self.menus.get(spec.menu)
            if menu is None:
                title = MENU_TITLES.get(spec.menu, f"&{spec.menu}")
                menu = self.menus[spec.menu] = window.menuBar().addMenu(_tr(title))
            if spec.separator_before:
                menu.addSeparator()
            if spec.submenu:
                submenu = self.submenus[spec.id] = menu.addMenu(_tr(spec.text))
                submenu.aboutToShow.connect(self._slot(spec.id, slots, routes))
                continue
            action = made.get(spec.id)
            if action is None:
                action = QAction(_tr(spec.text) or text_of(spec.id), window)
                slot = self._slot(spec.id, slots, routes)
                action.triggered.connect(lambda _checked=False, s=slot: s())
            action.setCheckable(spec.checkable)
            if spec.tip:
                action.setToolTip(_tr(spec.tip))
            if spec.status:
                action.setStatusTip(_tr(spec.status))
            action.setShortcutContext(spec.context)
            if spec.keys:
                self._unset_keys.append((action, spec))
            menu.addAction(action)
            self.by_id[spec.id] = action
        # (Listed, not found with findChildren(QAction): that wraps every child object
        # in Python and costs start-up ~15 ms.)
        window.addActions(list(self.by_id.values()))

    @staticmethod
    def _slot(
        command_id: str, slots: Mapping[str, Slot], routes: Mapping[str, Callable[[str], object]]
    ) -> Slot:
        prefix = command_id.split(".", 1)[0] + "."
        if prefix in routes:
            route = routes[prefix]
            return lambda: route(command_id)
        return slots[command_id]

    def set_keys(self) -> None:
        """Give the actions their keys (a name like "Quit" is a platform standard key).

        Called right after the first paint: the first frame needs no key sequence (and
        building them costs it ~2 ms)."""
        from PySide6.QtGui import QKeySequence

        for action, spec in self._unset_keys:
            standard = getattr(QKeySequence.StandardKey, spec.keys[0], None)
            if standard is not None:
                action.setShortcut(standard)
            else:
                action.setShortcuts([QKeySequence(key) for key in spec.keys])
        self._unset_keys = []
