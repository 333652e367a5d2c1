"""A recorded value changes only by a deliberate act on its field: tool keys and the
mouse wheel with the focus in the forms, and undo texts that name what they undo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


def mouse_choose(qtbot, combo: QComboBox, value) -> None:
    """Open the drop-down with a click and click the value in its list, as a user does."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(lambda: view.isVisible())
    index = view.model().index(combo.findData(value), 0)
    centre = view.visualRect(index).center()

    def click_the_item() -> bool:
        # The list ignores a release right after it opened (the opening click's own).
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        return not view.isVisible()

    qtbot.waitUntil(click_the_item)


def wheel_over(widget: QWidget, steps: int = -1) -> None:
    """One real wheel notch (down by default) with the pointer over ``widget``."""
    local = QPointF(widget.rect().center())
    event = QWheelEvent(
        local,
        QPointF(widget.mapToGlobal(local.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_tool_key_after_a_mouse_choice_picks_the_tool_and_keeps_the_grade(window, qtbot):
    combo = window.exam_panel.combo("great_toe_extension", "left")
    mouse_choose(qtbot, combo, 3)
    assert combo.hasFocus()
    assert window.encounter().signs[0].value == 3
    recorded = window.encounter()
    qtbot.keyClick(combo, "2")
    assert window.finding_palette.tool() == "numbness"
    assert combo.value() == 3
    assert window.encounter() == recorded
    for key, tool in (("4", "burning"), ("E", "eraser"), ("1", "pain")):
        qtbot.keyClick(combo, key)
        assert window.finding_palette.tool() == tool
    start = window.finding_palette.intensity()
    qtbot.keyClick(combo, "]")
    assert window.finding_palette.intensity() == start + 1
    qtbot.keyClick(combo, "n")  # no letter search either
    assert window.encounter() == recorded
    assert window.undo_stack.count() == 1


def test_tool_keys_work_with_the_focus_on_a_history_switch_or_the_onset(window, qtbot):
    tri = window.history_panel.flags["leg_pain"]
    qtbot.mouseClick(tri.buttons[True], Qt.MouseButton.LeftButton)
    qtbot.keyClick(tri.buttons[True], "3")
    assert window.finding_palette.tool() == "tingling"
    onset = window.history_panel.onset
    mouse_choose(qtbot, onset, "acute")
    recorded = window.encounter()
    qtbot.keyClick(onset, "2")
    qtbot.keyClick(onset, "c")
    assert window.finding_palette.tool() == "numbness"
    assert window.encounter() == recorded


def test_the_arrow_keys_still_step_a_focused_drop_down(window, qtbot):
    combo = window.exam_panel.combo("ankle_dorsiflexion", "right")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.value() == 5
    assert window.encounter().signs[0].value == 5


def test_the_age_box_still_takes_typed_digits(window, qtbot):
    age = window.history_panel.age
    age.setFocus()
    age.lineEdit().selectAll()
    qtbot.keyClicks(age, "2")
    qtbot.keyClick(age, Qt.Key.Key_Return)
    assert window.encounter().history.age == 2
    assert window.finding_palette.tool() == "pain"


def test_the_wheel_over_a_drop_down_scrolls_the_form_and_changes_nothing(window, qtbot):
    window.resize(1280, 720)
    panel = window.exam_panel
    combo = panel.combo("hip_flexion", "left")
    scroll = window._exam_page.verticalScrollBar()
    assert scroll.maximum() > 0
    wheel_over(combo)  # merely passing over
    assert combo.value() is None
    assert scroll.value() > 0  # the form scrolled instead
    mouse_choose(qtbot, combo, 4)  # focused by a click: still no change by the wheel
    for steps in (-1, 1, 1):
        wheel_over(combo, steps)
    assert combo.value() == 4
    assert window.undo_stack.count() == 1


def test_the_wheel_changes_neither_the_onset_nor_the_age(window, qtbot):
    history = window.history_panel
    history.age.setFocus()
    for widget in (history.onset, history.age, history.age.lineEdit()):
        wheel_over(widget)
        wheel_over(widget, 1)
    assert history.onset.currentData() is None
    assert history.age.value() == -1
    assert window.undo_stack.count() == 0


def test_undo_and_redo_texts_name_the_sign_side_and_both_values(window, qtbot):
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    combo = window.exam_panel.combo("great_toe_extension", "left")
    mouse_choose(qtbot, combo, 3)
    assert window.undo_stack.undoText() == "Great toe extension (EHL), left: not tested → 3/5"
    mouse_choose(qtbot, combo, 2)  # a second mouse choice: a step of its own
    assert window.undo_stack.undoText() == "Great toe extension (EHL), left: 3/5 → 2/5"
    assert "3/5 → 2/5" in window.undo_action.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert combo.value() == 3
    assert window.redo_action.text().endswith("left: 3/5 → 2/5")
    assert window.undo_stack.undoText().endswith("left: not tested → 3/5")
    qtbot.keyClick(window, Qt.Key.Key_Z, shift_ctrl)
    # Steps with the arrow keys merge into one undo step, named from first to last value.
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.undo_stack.undoText() == "Great toe extension (EHL), left: 2/5 → 0/5"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert combo.value() == 2


def test_history_undo_texts_name_the_question_and_the_answer(window, qtbot):
    tri = window.history_panel.flags["fever"]
    qtbot.mouseClick(tri.buttons[True], Qt.MouseButton.LeftButton)
    assert window.undo_stack.undoText() == "Fever: not known → yes"
    age = window.history_panel.age
    age.setFocus()
    age.lineEdit().selectAll()
    qtbot.keyClicks(age, "44")
    qtbot.keyClick(age, Qt.Key.Key_Return)
    qtbot.keyClick(age, Qt.Key.Key_Up)
    assert window.undo_stack.undoText() == "Age: not known → 45 years"
    assert window.undo_stack.count() == 2


def test_the_atlas_box_ignores_the_wheel_and_its_undo_text_names_both_atlases(window, qtbot):
    combo = window.atlas_combo
    start = window.atlas()
    for steps in (-1, 1, -1):
        wheel_over(combo, steps)
    assert window.atlas() == start and window.undo_stack.count() == 0
    other = next(a for a in window.knowledge.atlases if a != start)
    mouse_choose(qtbot, combo, other)
    assert window.atlas() == other
    # People's names ("Lee et al. 2008"), never an internal id
    names = {a: window.knowledge.atlas(a).name.split(" (")[0] for a in (start, other)}
    assert window.undo_stack.undoText() == f"Atlas: {names[start]} → {names[other]}"
    qtbot.keyClick(combo, "2")  # a tool key, even with the focus in the atlas box
    assert window.finding_palette.tool() == "numbness" and window.atlas() == other


def test_an_opened_list_takes_typing_and_enter_picks_the_value(window, qtbot):
    combo = window.exam_panel.combo("knee_extension", "left")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Space)  # open the list: a deliberate act on the field
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, "2")  # in the list, typing finds a grade (not the Numbness tool)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.value() == 2
    assert window.finding_palette.tool() == "pain"
    assert window.undo_stack.undoText() == "Knee extension (quadriceps), left: not tested → 2/5"
