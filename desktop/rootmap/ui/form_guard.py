"""Recorded values change only by a deliberate act on their field.

``ValueGuard`` is one event filter that a panel installs on its drop-downs and spin boxes:

- The mouse wheel never changes them: it scrolls the form instead (the wheel often
  passes over a drop-down on its way down the form).
- A drop-down takes no typed characters: after a mouse choice it keeps the focus, and
  the tool keys (``1``-``4``, ``E``, ``[``, ``]``) must still pick tools, not grades.
  With the focus on a drop-down, the arrow keys step its value and ``Space`` (or
  ``Alt+Down``) opens its list, where typing finds a value.
- A spin box (the age) is a text field: it takes digits as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QWidget

_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def typed_character(event: QKeyEvent) -> bool:
    """A key that types a visible character (not Space, not a Ctrl/Alt/Meta chord)."""
    text = event.text()
    return bool(text.strip()) and text.isprintable() and not event.modifiers() & _COMMAND_MODIFIERS


def _scroll_area(watched: QObject) -> QAbstractScrollArea | None:
    """The scroll area around a widget (the form's page), if any."""
    parent = watched.parent()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parent()
    return parent


class ValueGuard(QObject):
    """The event filter; one per panel (``guard.watch(widget)`` for each value widget)."""

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            area = _scroll_area(watched)
            if area is not None:  # the form scrolls instead
                QApplication.sendEvent(area.viewport(), event)
            return True
        # A typed letter or digit is swallowed: it never picks a value here.
        return (
            kind == QEvent.Type.KeyPress
            and isinstance(watched, QComboBox)
            and isinstance(event, QKeyEvent)
            and typed_character(event)
        )
