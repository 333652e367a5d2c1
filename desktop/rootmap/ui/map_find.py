"""The map's find box: ``/`` or ``Ctrl+F`` in a map opens it; typing part of a region's
name ("lit toe", "web", "heel left") makes the best match the current region at once.

``Down``/``Up`` step through the other matches, ``Enter`` keeps the region and returns
the keyboard to the map (where ``Enter`` or ``Space`` then marks it), ``Escape`` goes
back to the region that was current before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from rootmap.ui import map_keyboard


class RegionFinder(QLineEdit):
    """Emits ``chosen(key)`` as the best match changes, ``closed(keep)`` when done."""

    chosen = Signal(str)
    closed = Signal(bool)  # True: keep the chosen region; False: go back

    def __init__(self, names: Callable[[], dict[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("region_finder")
        self.setPlaceholderText(self.tr("Find a region: type part of its name"))
        self.setAccessibleName(self.tr("Find a region on this map"))
        self.setClearButtonEnabled(True)
        self._names = names
        self._view = parent
        self._side = ""
        self.matches: list[str] = []
        self._at = 0
        self.textEdited.connect(self._search)
        self.hide()

    def open(self, side: str) -> None:
        """Show the box empty, with the keyboard in it; ``side``: the side to prefer."""
        self._side = side
        self.clear()
        self.matches = []
        self.resize(min(self._view.width() - 16, 320), self.sizeHint().height())
        self.move(8, 8)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _search(self, text: str) -> None:
        self.matches = map_keyboard.find(self._names(), text, self._side)
        self._at = 0
        self.setProperty("found", bool(self.matches) or not text)
        if self.matches:
            self.chosen.emit(self.matches[0])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches:
            step = 1 if key == Qt.Key.Key_Down else -1
            self._at = (self._at + step) % len(self.matches)
            self.chosen.emit(self.matches[self._at])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.hide()
            self.closed.emit(key != Qt.Key.Key_Escape)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        if self.isVisible():
            self.hide()
            self.closed.emit(True)
