"""A graphics view's viewport made in Python, so that PySide6 knows its type at once.

Qt makes a ``QGraphicsView``'s viewport in C++. The first time Python meets that widget
(an item's ``paint(painter, option, widget)``, or ``view.viewport()``) PySide6 looks
through every ``QWidget`` subclass to find its type, building some 80 Qt enums on the way:
about 6 ms of the window's start-up, per view. A viewport made in Python is known already.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsView, QWidget


def use_python_viewport(view: QGraphicsView) -> None:
    """Give ``view`` a plain ``QWidget`` viewport (what Qt would make) created in Python."""
    view.setViewport(QWidget())
