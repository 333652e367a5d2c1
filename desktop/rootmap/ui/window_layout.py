"""The window's columns at every screen size, and their sizes remembered between runs.

The map is the point of the app: it keeps ``MAP_SHARE`` of the width at every size and
the side columns (the forms on the left, the results and spine on the right) give way,
in the proportion ``FORMS_SHARE`` of what is left. Both sides can be dragged narrower,
or collapsed to the edge; the map cannot. The visit list of a follow-up document is no
dock beside the columns (a dock took ~260 px from the map at 1280 wide): it sits at the
top of the results column, as tall as its rows and at most ``VISITS_SHARE`` of it
(``results_column_sizes``), so the map's share holds with the visits open.

``remember(window)`` stores the window's geometry, its docks and toolbars, and the
splitters' sizes in the app's settings (a private file, as ``file_actions.settings``
makes it); ``restore(window)`` puts them back at the next start. Windows built by code
(tests, tools) neither read nor write them: only the app asks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

MAP_SHARE = 0.52  # the map's share of the width, at least, when the window sizes itself
FORMS_SHARE = 0.5  # the forms' share of what the map leaves; the results get the rest
VISITS_SHARE = 0.4  # the visit list's largest share of the results column's height
SIDE_MIN = 240  # a side column's narrowest useful width (narrower: collapsed)
KEYS = ("window/geometry", "window/state", "window/columns", "window/right")


def column_sizes(width: int) -> list[int]:
    """Forms, map, results widths for a window ``width`` pixels wide."""
    sides = max(0, int(width * (1 - MAP_SHARE)))
    forms = int(sides * FORMS_SHARE)
    return [forms, width - sides, sides - forms]


def results_column_sizes(height: int, visits_wanted: int | None) -> list[int]:
    """Heights of the results column's parts for a column ``height`` pixels tall: the
    results and the spine (2:1), with the visit list on top when there is one
    (``visits_wanted``: its preferred height, capped at ``VISITS_SHARE``)."""
    visits = 0 if visits_wanted is None else min(visits_wanted, int(height * VISITS_SHARE))
    rest = max(0, height - visits)
    results = rest * 2 // 3
    sizes = [results, rest - results]
    return sizes if visits_wanted is None else [visits, *sizes]


def map_is_squeezed(sizes: list[int]) -> bool:
    """The map has less than half the width (the window shrank, a dock opened)."""
    total = sum(sizes)
    return total > 0 and len(sizes) == 3 and sizes[1] < total * 0.5


def layout_settings() -> QSettings:
    """The app's settings, made private (0600 in a 0700 folder), as ``file_actions``'s."""
    from rootmap.safe_files import make_private

    store = QSettings("RootMap", "RootMap")
    make_private(Path(store.fileName()), folder_is_ours=True)
    return store


def remember(window: QMainWindow, columns: QSplitter, right: QSplitter) -> None:
    store = layout_settings()
    values = (window.saveGeometry(), window.saveState(), columns.saveState(), right.saveState())
    for key, value in zip(KEYS, values, strict=True):
        store.setValue(key, value)
    store.sync()


def restore(window: QMainWindow, columns: QSplitter, right: QSplitter) -> bool:
    """Put back what ``remember`` stored; True when the window's geometry came back."""
    store = layout_settings()
    values = [store.value(key) for key in KEYS]
    if not all(isinstance(v, QByteArray) and not v.isEmpty() for v in values):
        return False
    geometry, state, column_state, right_state = values
    assert isinstance(geometry, QByteArray) and isinstance(state, QByteArray)
    assert isinstance(column_state, QByteArray) and isinstance(right_state, QByteArray)
    restored = window.restoreGeometry(geometry)
    window.restoreState(state)
    columns.restoreState(column_state)
    right.restoreState(right_state)
    return restored
