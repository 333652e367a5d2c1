"""Teaching mode costs the start-up only its menus: the dock, overlays and spine come
the first time teaching is used."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from rootmap.ui.main_window import MainWindow
from rootmap.ui.spine_view import SpineView

KEYS = {
    "overlay": "O",
    "differences": "D",
    "explorer": "R",
    "quiz": "Q",
    "next": "Right",
    "previous": "Left",
    "present": "F11",
    "leave": "Esc",
}


def _ready_window(qtbot) -> MainWindow:
    window = MainWindow(progressive=True)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    return window


def test_at_ready_teaching_has_its_menus_and_keys_but_no_dock_yet(qtbot):
    window = _ready_window(qtbot)
    teaching = window.teaching
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&Teaching" in menus and "&Cases" in menus
    for name, key in KEYS.items():
        assert teaching.actions[name].shortcut().toString() == key, name
        assert teaching.actions[name] in window.actions()  # works wherever the focus is
    assert not teaching.built
    assert window.findChild(QDockWidget, "teaching_dock") is None
    # The only spine diagram is the window's own: the explorer's is not built yet.
    assert window.findChildren(SpineView) == [window.spine_view]


def test_the_first_o_builds_the_dock_and_shows_the_overlay(qtbot):
    window = _ready_window(qtbot)
    teaching = window.teaching
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_O)
    assert teaching.built
    assert window.findChild(QDockWidget, "teaching_dock") is teaching.dock
    assert teaching.dock.isVisible() and teaching.controller.mode == "overlay"
    assert teaching.controller.layers, "the overlay layers are on the maps"
    assert teaching.actions["next"].isEnabled()


def test_the_cases_menu_lists_the_cases_when_it_first_opens(qtbot):
    window = _ready_window(qtbot)
    menu = window.teaching.cases_menu
    assert len(menu.actions()) == 2  # Browse… and a separator: the files are not read yet
    menu.aboutToShow.emit()
    titles = [action.text() for action in menu.actions()]
    assert "Classic L5 radiculopathy" in titles
    assert len(window.teaching.cases) == len(titles) - 2
    menu.aboutToShow.emit()  # listed once
    assert [action.text() for action in menu.actions()] == titles
    assert not window.teaching.built  # reading the cases builds no dock
    next(a for a in menu.actions() if a.text() == window.teaching.cases[0].title).trigger()
    assert window.encounter() == window.teaching.cases[0].encounter
    assert window.teaching.built  # a case opened: teaching is ready for it
