"""Readable and reachable at every common screen size.

The map keeps most of the width (the side columns give way), its tabs are never cut,
Undo, Redo and Clear stay on the toolbar (never behind its "»"), the toolbar does not
jump when the undo text changes, and the window's geometry and column sizes come back
at the next start.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QToolBar

from rootmap.encounter import Finding
from rootmap.ui.main_window import MainWindow

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]


def _window(qtbot, width: int, height: int) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.map_area.width() > 0)
    return window


def _toolbar(window: MainWindow) -> QToolBar:
    toolbar = window.findChild(QToolBar, "tools")
    assert toolbar is not None
    return toolbar


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_map_keeps_most_of_the_width_and_its_tabs_whole(qtbot, width, height):
    window = _window(qtbot, width, height)
    qtbot.waitUntil(lambda: window.map_area.width() >= 0.5 * window.width())
    bar = window.map_area.tabBar()
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))
    window.teaching.show_mode("overlay")  # the Teaching panel open
    qtbot.waitUntil(lambda: window.map_area.width() >= 0.5 * window.width())
    assert window.map_area.width() > window.teaching.dock.width()
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_undo_redo_and_clear_stay_on_the_toolbar(qtbot, width, height):
    window = _window(qtbot, width, height)
    toolbar = _toolbar(window)
    for action in (window.undo_button, window.redo_button, window.clear_action):
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        assert button.geometry().right() <= toolbar.width()


def test_the_toolbar_keeps_still_and_tells_the_whole_undo_text_in_its_tip(qtbot):
    window = _window(qtbot, 1280, 720)
    toolbar = _toolbar(window)
    atlas_x = window.atlas_combo.geometry().x()
    window.session.mark(Finding("dorsum_central", "left", "numbness", 6))
    qtbot.waitUntil(lambda: window.undo_button.isEnabled())
    undo = toolbar.widgetForAction(window.undo_button)
    assert undo is not None and undo.text() == "Undo"
    assert window.undo_action.text().startswith("&Undo Mark numbness 6/10")
    assert "Mark numbness 6/10" in window.undo_button.toolTip()
    assert window.atlas_combo.geometry().x() == atlas_x  # nothing jumped sideways
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert not window.encounter().findings


def test_the_side_columns_collapse_but_the_map_does_not(qtbot):
    window = _window(qtbot, 1366, 768)
    columns = window.findChild(type(window.right), "columns")
    assert columns is not None
    assert columns.isCollapsible(0) and not columns.isCollapsible(1) and columns.isCollapsible(2)


def test_geometry_and_column_sizes_come_back_at_the_next_start(qtbot, tmp_path):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    try:
        first = _window(qtbot, 780, 560)  # (within the offscreen screen's 800x600)
        assert not first.restore_layout()  # nothing stored yet
        columns = first.findChild(type(first.right), "columns")
        columns.setSizes([150, 480, 150])
        columns.splitterMoved.emit(150, 1)  # as a drag of the edge does
        chosen = columns.sizes()
        first.close()
        second = MainWindow()
        qtbot.addWidget(second)
        assert second.restore_layout()
        second.show()
        qtbot.waitExposed(second)
        assert second.size() == first.size()
        again = second.findChild(type(second.right), "columns")
        assert abs(again.sizes()[0] - chosen[0]) <= 2
    finally:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "")
