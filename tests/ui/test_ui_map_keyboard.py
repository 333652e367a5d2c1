"""Marking the maps from the keyboard (a clinician with a patient in the room; screen
readers): Tab into a map, arrows move the current region, Enter/Space mark it exactly
as a click would, Delete clears it, Ctrl+Z undoes, Ctrl+PageDown changes the tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from rootmap.encounter import Finding
from rootmap.maps import VIEW_NAMES, load_view
from rootmap.ui import map_keyboard
from rootmap.ui.map_view import MapGraphicsView

CTRL = Qt.KeyboardModifier.ControlModifier


def focused_map(window, qtbot, name: str = "foot_dorsal") -> MapGraphicsView:
    """Show the map's tab, then reach the map with the Tab key from the tab bar."""
    view = window.map_area.show_view(name)
    assert view is not None
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 150)
    window.map_area.tabBar().setFocus()
    for _ in range(12):
        if view.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert view.hasFocus(), "Tab never reached the map"
    return view


def press(qtbot, view, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(view, key, modifier)


def label_x(view, key):
    return view.item(key).label_point.x()


def label_y(view, key):
    return view.item(key).label_point.y()


def test_tab_reaches_the_map_which_shows_a_focus_ring_and_a_current_region(window, qtbot):
    view = focused_map(window, qtbot)
    assert view.current_key, "Tabbing in picks a region to start from"
    assert view.item(view.current_key).current
    ring = view.viewport().grab().toImage().pixelColor(1, 1)
    assert ring == view.palette().color(QPalette.ColorRole.Highlight)
    window.map_area.tabBar().setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert view.viewport().grab().toImage().pixelColor(1, 1) != ring
    assert not view.item(view.current_key).current, "no dashed outline without the keyboard"


def test_arrows_move_the_current_region_that_way(window, qtbot):
    view = focused_map(window, qtbot)
    press(qtbot, view, Qt.Key.Key_Home)
    for key, moved in (
        (Qt.Key.Key_Down, lambda a, b: label_y(view, b) > label_y(view, a)),
        (Qt.Key.Key_Right, lambda a, b: label_x(view, b) > label_x(view, a)),
        (Qt.Key.Key_Down, lambda a, b: label_y(view, b) > label_y(view, a)),
        (Qt.Key.Key_Left, lambda a, b: label_x(view, b) < label_x(view, a)),
        (Qt.Key.Key_Up, lambda a, b: label_y(view, b) < label_y(view, a)),
    ):
        before = view.current_key
        press(qtbot, view, key)
        assert view.current_key != before
        assert moved(before, view.current_key), (key, before, view.current_key)
        assert view.item(view.current_key).current and not view.item(before).current


def test_enter_marks_the_patients_right_foot_on_the_viewers_left_and_again_clears(window, qtbot):
    view = focused_map(window, qtbot)
    press(qtbot, view, Qt.Key.Key_Home)
    press(qtbot, view, Qt.Key.Key_Down)
    press(qtbot, view, Qt.Key.Key_Down)
    key = view.current_key
    assert label_x(view, key) < view.geometry_.width / 2  # the viewer's left foot
    side, region = key.split(".")
    assert side == "right"  # ... is the patient's right on the dorsal view
    press(qtbot, view, Qt.Key.Key_Return)
    assert window.encounter().findings == (Finding(region, "right", "pain", 5),)
    assert view.item(key).marks == (("pain", 5),)
    press(qtbot, view, Qt.Key.Key_Enter)  # the keypad's Enter, like a second click
    assert window.encounter().findings == ()
    assert view.item(key).marks == ()


def test_space_marks_with_the_current_tool_and_intensity(window, qtbot):
    view = focused_map(window, qtbot, "foot_plantar")
    qtbot.keyClick(view, "2")  # numbness (a window shortcut, still reached from the map)
    qtbot.keyClick(view, "]")  # 6/10
    press(qtbot, view, Qt.Key.Key_End)
    side, region = view.current_key.split(".")
    press(qtbot, view, Qt.Key.Key_Space)
    assert window.encounter().findings == (Finding(region, side, "numbness", 6),)


def test_delete_clears_every_mark_on_the_region_and_ctrl_z_restores_them(window, qtbot):
    view = focused_map(window, qtbot)
    press(qtbot, view, Qt.Key.Key_Right)
    key = view.current_key
    press(qtbot, view, Qt.Key.Key_Return)  # pain
    qtbot.keyClick(view, "3")  # tingling
    press(qtbot, view, Qt.Key.Key_Return)
    assert [kind for kind, _ in view.item(key).marks] == ["pain", "tingling"]
    press(qtbot, view, Qt.Key.Key_Delete)
    assert window.encounter().findings == ()
    assert view.item(key).marks == ()
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert [kind for kind, _ in view.item(key).marks] == ["pain", "tingling"]
    press(qtbot, view, Qt.Key.Key_Backspace)
    assert window.encounter().findings == ()


def test_the_current_region_is_named_with_its_side_and_roots(window, qtbot):
    view = focused_map(window, qtbot)
    press(qtbot, view, Qt.Key.Key_Home)
    press(qtbot, view, Qt.Key.Key_Down)
    side, region = view.current_key.split(".")
    name = window.knowledge.regions[region].name
    roots = window.knowledge.atlas(window.atlas()).entry(region).primary
    for text in (window.statusBar().currentMessage(), view.accessibleDescription()):
        assert name in text
        assert f"patient's {side}" in text
        assert all(root in text for root in roots)
        assert "<" not in text  # plain words, not the tooltip's HTML


def test_a_click_moves_the_current_region_and_the_keyboard_goes_on_from_there(window, qtbot):
    view = focused_map(window, qtbot)
    point = view.mapFromScene(view.scene_point_of("left.dorsum_central"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.current_key == "left.dorsum_central"
    press(qtbot, view, Qt.Key.Key_Return)  # the same region: a second "click" clears it
    assert window.encounter().findings == ()


def test_ctrl_page_down_and_up_switch_tabs_and_keep_the_keyboard_in_the_maps(window, qtbot):
    view = focused_map(window, qtbot)
    area = window.map_area
    feet = area.currentIndex()
    press(qtbot, view, Qt.Key.Key_PageDown, CTRL)
    assert area.currentIndex() == (feet + 1) % area.count()
    focused = QApplication.focusWidget()
    assert isinstance(focused, MapGraphicsView) and focused in area.current_views()
    assert focused.current_key
    qtbot.keyClick(focused, Qt.Key.Key_PageUp, CTRL)
    assert area.currentIndex() == feet
    assert QApplication.focusWidget() is area.current_views()[0]


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_every_region_can_be_reached_with_the_arrow_keys(name):
    points = {s.key: s.label_point for s in load_view(name).regions}
    start = map_keyboard.first_key(points)
    seen, todo = {start}, [start]
    while todo:
        key = todo.pop()
        for direction in map_keyboard.DIRECTIONS:
            target = map_keyboard.neighbour(points, key, direction)
            if target is not None and target not in seen:
                seen.add(target)
                todo.append(target)
    assert seen == set(points)


def test_navigation_is_deterministic_and_stops_at_the_edge():
    points = {"b": (10.0, 0.0), "a": (10.0, 0.0), "c": (0.0, 0.0), "d": (5.0, 20.0)}
    assert map_keyboard.neighbour(points, "c", "right") == "a"  # a tie goes to the smaller key
    assert map_keyboard.neighbour(points, "c", "left") is None
    assert map_keyboard.neighbour(points, "c", "down") == "d"
    assert map_keyboard.first_key(points) == "c"
    assert map_keyboard.last_key(points) == "d"
