"""The exam and history forms, the tools' keys, undo/redo and the red-flag banner,
driven the way a clinician drives them (clicks and keys)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from rootmap.encounter import SIGNS, Encounter, Finding, History, Sign


def choose(qtbot, combo: QComboBox, value) -> None:
    """Pick a value in a drop-down with the keyboard, as a user would."""
    combo.setFocus()
    target = combo.findData(value)
    assert target >= 0, value
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def root_names(window) -> list[str]:
    analysis = window.analysis()
    return [r.root for r in analysis.roots] if analysis else []


def test_the_window_starts_empty_and_says_it_is_not_a_diagnosis(window):
    assert window.encounter() == Encounter()
    assert window.disclaimer.isVisible()
    assert "not a diagnosis" in window.disclaimer.text()
    assert not window.banner.isVisible()
    assert window.results_panel.empty_label.isVisible()


def test_every_sign_has_left_and_right_not_tested_by_default(window):
    for sign in SIGNS:
        for side in ("left", "right"):
            combo = window.exam_panel.combo(sign, side)
            assert combo.currentText() == "not tested"
            assert combo.value() is None


def test_great_toe_weakness_implicates_l5(window, qtbot):
    choose(qtbot, window.exam_panel.combo("great_toe_extension", "left"), 3)
    assert Sign("great_toe_extension", "left", 3) in window.encounter().signs
    assert root_names(window)[0] == "L5"
    assert window.results_panel.model.rowCount() > 0
    # Back to "not tested": the sign leaves the encounter (not the same as normal).
    choose(qtbot, window.exam_panel.combo("great_toe_extension", "left"), None)
    assert window.encounter().signs == ()


def test_an_absent_achilles_reflex_implicates_s1(window, qtbot):
    choose(qtbot, window.exam_panel.combo("achilles_reflex", "right"), "absent")
    assert root_names(window)[0] == "S1"
    assert window.analysis().roots[0].side == "right"
    assert window.exam_panel.combo("achilles_reflex", "right").property("abnormal") is True


def test_typing_a_digit_in_a_focused_drop_down_picks_the_tool_not_a_grade(window, qtbot):
    combo = window.exam_panel.combo("hip_flexion", "left")
    combo.setFocus()
    qtbot.keyClick(combo, "3")
    assert combo.value() is None
    assert window.finding_palette.tool() == "tingling"


def test_history_flags_are_tri_state_and_unknown_is_not_no(window, qtbot):
    tri = window.history_panel.flags["bladder_dysfunction"]
    assert tri.value() is None
    qtbot.mouseClick(tri.buttons[False], Qt.MouseButton.LeftButton)
    assert window.encounter().history.flags == {"bladder_dysfunction": False}
    qtbot.mouseClick(tri.buttons[None], Qt.MouseButton.LeftButton)
    assert window.encounter().history.flags == {}


def test_bladder_dysfunction_and_a_numb_saddle_raise_the_cauda_equina_banner(window, qtbot):
    for flag in ("bladder_dysfunction", "saddle_anesthesia"):
        qtbot.mouseClick(window.history_panel.flags[flag].buttons[True], Qt.MouseButton.LeftButton)
    assert [f.id for f in window.analysis().red_flags][:1] == ["cauda_equina"]
    assert window.banner.isVisible()
    assert "CAUDA EQUINA" in window.banner.text()
    assert window.banner.y() < window.map_area.mapTo(window, window.map_area.rect().topLeft()).y()
    # Undo both answers: the banner goes away.
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.banner.isVisible()


def test_age_edits_merge_into_one_undo_step(window, qtbot):
    age = window.history_panel.age
    age.setFocus()
    age.lineEdit().selectAll()
    qtbot.keyClicks(age, "44")
    qtbot.keyClick(age, Qt.Key.Key_Return)
    qtbot.keyClick(age, Qt.Key.Key_Up)
    assert window.encounter().history.age == 45
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert window.encounter().history.age is None
    assert age.text() == "not known"


def test_tool_keys_pick_the_tool_and_intensity(window, qtbot):
    palette = window.finding_palette
    window.map_area.setFocus()
    for key, tool in (("2", "numbness"), ("3", "tingling"), ("4", "burning"), ("E", "eraser")):
        qtbot.keyClick(window.map_area, key)
        assert palette.tool() == tool
        assert palette.buttons[tool].isChecked()
    qtbot.keyClick(window.map_area, "1")
    assert palette.tool() == "pain"
    start = palette.intensity()
    qtbot.keyClick(window.map_area, "]")
    qtbot.keyClick(window.map_area, "]")
    qtbot.keyClick(window.map_area, "[")
    assert palette.intensity() == start + 1
    for _ in range(20):
        qtbot.keyClick(window.map_area, "]")
    assert palette.intensity() == 10


def test_undo_and_redo_keys_walk_through_every_edit(window, qtbot):
    choose(qtbot, window.exam_panel.combo("ankle_plantarflexion", "left"), 4)
    qtbot.mouseClick(
        window.history_panel.flags["leg_pain"].buttons[True], Qt.MouseButton.LeftButton
    )
    after = window.encounter()
    window.map_area.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.encounter().history.flags == {}
    assert window.history_panel.flags["leg_pain"].value() is None
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.encounter() == Encounter()
    assert window.exam_panel.combo("ankle_plantarflexion", "left").value() is None
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, shift_ctrl)
    qtbot.keyClick(window, Qt.Key.Key_Z, shift_ctrl)
    assert window.encounter() == after
    assert window.exam_panel.combo("ankle_plantarflexion", "left").value() == 4


def test_clear_all_is_one_undoable_step(window):
    encounter = Encounter(
        findings=(Finding("dorsum_central", "left", "numbness", 6),),
        signs=(Sign("great_toe_extension", "left", 3),),
        history=History(age=44, flags={"leg_pain": True}),
    )
    window.edit(encounter, text="Load case")
    window.clear_action.trigger()
    assert window.encounter() == Encounter()
    assert window.history_panel.age.text() == "not known"
    window.undo_stack.undo()
    assert window.encounter() == encounter
    assert window.history_panel.flags["leg_pain"].value() is True


def test_set_encounter_replaces_the_state_and_forgets_the_undo_history(window, qtbot):
    seen = []
    window.session.stateChanged.connect(lambda _before, after: seen.append(after.encounter))
    choose(qtbot, window.exam_panel.combo("hip_flexion", "left"), 2)
    encounter = Encounter(signs=(Sign("achilles_reflex", "left", "absent"),))
    window.set_encounter(encounter, "keegan1948")
    assert window.encounter() == encounter
    assert window.atlas() == "keegan1948"
    assert window.atlas_combo.currentData() == "keegan1948"
    assert window.undo_stack.count() == 0 and window.undo_stack.isClean()
    assert seen[-1] == encounter


def test_changing_the_atlas_is_undoable_and_reanalyses(window, qtbot):
    window.edit(Encounter(findings=(Finding("dorsum_central", "left", "numbness", 6),)))
    assert window.analysis().atlas == window.knowledge.default_atlas
    other = next(a for a in window.knowledge.atlases if a != window.knowledge.default_atlas)
    index = window.atlas_combo.findData(other)
    window.atlas_combo.setCurrentIndex(index)
    window.atlas_combo.activated.emit(index)
    assert window.atlas() == other
    assert window.analysis().atlas == other
    window.undo_stack.undo()
    assert window.atlas() == window.knowledge.default_atlas
    assert window.atlas_combo.currentData() == window.knowledge.default_atlas


def test_results_name_regions_in_plain_words(window):
    window.set_encounter(Encounter(findings=(Finding("heel_plantar", "right", "numbness"),)))
    model = window.results_panel.model
    texts = []
    for i in range(model.rowCount()):
        group = model.item(i)
        for j in range(group.rowCount()):
            item = group.child(j)
            texts += [item.child(k).text() for k in range(item.rowCount())]
    assert any("sole of the heel" in t for t in texts), texts
    assert not any("heel_plantar" in t for t in texts)


def test_the_banner_gives_its_reasons_in_plain_words(window):
    from rootmap.analysis import RedFlagResult

    why = ("symptoms in both legs: calf_posterior",)
    flag = RedFlagResult("cauda_equina", "emergency", "Same-day assessment.", why)
    window.banner.set_flags((flag,), window.knowledge.regions)
    assert "Because: symptoms in both legs: calf" in window.banner.text()
    assert "calf_posterior" not in window.banner.text()
