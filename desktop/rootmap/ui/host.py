"""What a part may ask of the window that hosts it: small typed interfaces.

A part (file actions, teaching, later a comparison view) gets the ``EncounterSession``
for the document and one of these for the few things only the window has: a place for
its menus, actions and docks, the status bar, a parent for its dialogs. The main window
implements all of them; a test can pass anything that does. No part imports the main
window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

    from rootmap.ui.exam_panel import ExamPanel
    from rootmap.ui.map_area import MapArea


class MenuHost(Protocol):
    def dialog_parent(self) -> QWidget:
        """The widget that owns the part's dialogs and actions."""
        ...

    def add_menu(self, menu: QMenu) -> None:
        """A menu of the part, in the menu bar (after the window's own)."""
        ...

    def add_window_action(self, action: QAction) -> None:
        """An action whose key works wherever the focus is in the window."""
        ...

    def show_message(self, text: str, timeout_ms: int = 4000) -> None: ...


class FileHost(MenuHost, Protocol):
    """For ``FileActions``: its declared File menu entries, the map on screen, a guard
    on closing."""

    def command_action(self, command_id: str) -> QAction:
        """The window's action for a declared command (``rootmap.ui.window_commands``);
        the host routes a ``file.*`` command to ``FileActions.run``."""
        ...

    def submenu(self, command_id: str) -> QMenu:
        """A declared submenu (Open Recent); the host runs its command when it opens."""
        ...

    def current_view_name(self) -> str | None:
        """The map view on screen (the first of its page), for Export Figure."""
        ...

    def set_close_guard(self, guard: Callable[[], bool]) -> None:
        """``guard()`` is asked before the window closes; False keeps it open."""
        ...


class TeachingHost(MenuHost, Protocol):
    """For teaching mode: the window for the dock and presentation mode, and the maps."""

    def main_window(self) -> QMainWindow: ...

    def maps(self) -> MapArea: ...

    def set_lecture(self, on: bool) -> None:
        """Teaching content on screen (True) or gone (False): the host sets the patient's
        marks, results and forms aside, untouched, and brings them back."""


class VisitsHost(MenuHost, Protocol):
    """For the visits part: its declared Visit menu entries, a place for its visit list,
    the maps, and the Examination form once it is built."""

    def main_window(self) -> QMainWindow: ...

    def place_visits(self, panel: QWidget) -> None:
        """Put the visit list where it costs the map least (once)."""

    def fit_visits(self, wanted: int) -> None:
        """The visit list wants ``wanted`` pixels of height: give what fits."""

    def maps(self) -> MapArea: ...

    def command_action(self, command_id: str) -> QAction: ...

    def built_exam_panel(self) -> ExamPanel | None:
        """The Examination form if it is built (None until it is first shown)."""
        ...
