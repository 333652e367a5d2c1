"""Keyboard marking that goes where the eye expects: arrows move on screen (by the
regions' outlines), and a find box (``/`` or Ctrl+F) reaches a region by its name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rootmap.encounter import Finding
from rootmap.maps import VIEW_NAMES


def focused_map(window, qtbot, name: str):
    """Show the map's tab and put the keyboard in the map."""
    view = window.map_area.show_view(name)
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 150)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    return view


def on_screen(view, key):
    return view.mapFromScene(view.item(key).label_point)


@pytest.mark.parametrize("name", ["body_front", "foot_dorsal", "foot_lateral"])
def test_right_goes_to_the_region_on_its_right_on_screen(window, qtbot, name):
    view = focused_map(window, qtbot, name)
    moved = 0
    for key in sorted(view.items_by_key):
        view.set_current(key)
        qtbot.keyClick(view, Qt.Key.Key_Right)
        if view.current_key == key:
            continue  # the map's right edge
        moved += 1
        start, target = on_screen(view, key), view.item(view.current_key)
        outline = view.mapFromScene(target.path()).boundingRect()
        assert target.label_point.x() > view.item(key).label_point.x(), (key, view.current_key)
        # ... and not off to the side: some of it lies within 37 degrees of straight right
        assert outline.top() - start.y() <= outline.right() - start.x()
        assert start.y() - outline.bottom() <= outline.right() - start.x()
    assert moved > len(view.items_by_key) // 3


@pytest.mark.parametrize("name", [n for n in VIEW_NAMES if n.startswith("foot_")])
def test_up_from_the_little_toe_stays_on_the_foot(window, qtbot, name):
    view = focused_map(window, qtbot, name)
    toes = [k for k in view.items_by_key if k.endswith(".little_toe")]
    if not toes:
        pytest.skip(f"no little toe on {name}")
    for toe in toes:
        view.set_current(toe)
        qtbot.keyClick(view, Qt.Key.Key_Up)
        reached = view.current_key
        assert reached != toe
        assert "calf" not in reached and "leg" not in reached, (name, reached)
        assert reached.split(".")[0] == toe.split(".")[0]  # the same foot
        toe_box = view.mapFromScene(view.item(toe).path()).boundingRect()
        above = view.mapFromScene(view.item(reached).path()).boundingRect()
        assert above.top() < toe_box.top()
        assert abs(above.center().y() - toe_box.center().y()) < view.viewport().height() / 3


def test_three_letters_of_its_name_reach_a_toe_and_enter_marks_it(window, qtbot):
    view = focused_map(window, qtbot, "foot_dorsal")
    view.set_current("left.dorsum_central")
    qtbot.keyClick(view, "/")  # five keys in all: / l i t Enter
    finder = QApplication.focusWidget()
    assert finder.objectName() == "region_finder"
    qtbot.keyClicks(finder, "lit")
    assert view.current_key == "left.little_toe"  # the side the user was on
    assert view.item("left.little_toe").current  # outlined while typing
    qtbot.keyClick(finder, Qt.Key.Key_Return)
    assert view.hasFocus() and not finder.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.encounter().findings == (Finding("little_toe", "left", "pain", 5),)


def test_the_find_box_takes_letters_that_are_tool_keys_and_steps_through_matches(window, qtbot):
    view = focused_map(window, qtbot, "foot_plantar")
    view.set_current("right.arch_medial")
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    finder = QApplication.focusWidget()
    assert finder.objectName() == "region_finder"
    qtbot.keyClicks(finder, "heel")  # "e" is the eraser's key elsewhere
    assert window.finding_palette.tool() == "pain"
    first = view.current_key
    assert "heel" in first and first.startswith("right.")
    qtbot.keyClick(finder, Qt.Key.Key_Down)
    assert view.current_key != first and "heel" in view.current_key
    qtbot.keyClick(finder, Qt.Key.Key_Escape)  # back to where it started
    assert view.current_key == "right.arch_medial"
    assert view.hasFocus()
    assert window.encounter().findings == ()
