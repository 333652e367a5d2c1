"""Teaching mode in the main window: overlay, atlas switch, differences, explorer, quiz,
presentation keys, cases and accessibility, driven with clicks and key presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QTextBrowser,
    QWidget,
)

try:
    from rootmap.maps import load_view  # noqa: F401
except ImportError:  # pragma: no cover - only while the maps module is being written
    pytest.skip("the map geometry module has not landed yet", allow_module_level=True)

from rootmap import palette
from rootmap.encounter import Encounter
from rootmap.teaching.colours import DIFFERENCE_FILL
from rootmap.teaching.differences import atlas_differences
from rootmap.teaching.quiz import IdentifyQuestion, LocateQuestion
from rootmap.ui.main_window import MainWindow
from rootmap.ui.teaching.cases_dialog import CasesDialog
from rootmap.ui.teaching.overlay import MIN_LABEL, roots_label


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def teaching(window):
    window.teaching.reseed(11)
    return window.teaching


def _press(qtbot, window, key) -> None:
    window.activateWindow()
    window.setFocus()
    qtbot.keyClick(window, key)


def _items(teaching, region, side="left"):
    return [
        layer.items[f"{side}.{region}"]
        for layer in teaching.controller.layers.values()
        if f"{side}.{region}" in layer.items
    ]


def test_overlay_colours_and_labels_every_region_with_its_root(qtbot, window, teaching):
    _press(qtbot, window, Qt.Key.Key_O)
    assert teaching.controller.mode == "overlay" and teaching.dock.isVisible()
    atlas = window.knowledge.atlas(window.atlas())
    layers = teaching.controller.layers
    assert set(layers) >= {"foot_dorsal", "foot_plantar", "foot_medial", "foot_lateral"}
    checked = shown = 0
    for layer in layers.values():
        assert layer.isVisible()
        for item in layer.items.values():
            primary = atlas.entry(item.region).primary
            if primary:
                ordered = sorted(primary, key=lambda r: window.knowledge.roots[r].order)
                assert item.fill == palette.root_overlay_color(ordered[0]), item.key
                assert item.label.text == roots_label(ordered)
                if item.label.isVisible():
                    shown += 1
                else:  # too small to read from the back of a hall: the tooltip names the root
                    assert ordered[0] in item.toolTip(), item.key
                checked += 1
    assert checked > 30
    assert shown > 0.6 * checked  # fingers and thin edge strips carry tooltips instead
    legend = teaching.panel.legend.toPlainText()
    assert "L5" in legend and "S1" in legend


def test_switching_atlas_recolours_a_region_where_they_differ(qtbot, window, teaching):
    teaching.show_mode("overlay")
    hallux = _items(teaching, "hallux_dorsal")
    assert hallux and {i.label.text for i in hallux} == {"L5"}  # lee2008
    assert teaching.panel.atlas_box is None  # one atlas control: the toolbar's
    box = window.atlas_combo
    assert box.itemText(box.findData("keegan1948")) == "Keegan & Garrett 1948"  # people
    index = box.findData("keegan1948")
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert window.atlas() == "keegan1948"  # one atlas for the whole window
    assert {i.label.text for i in hallux} == {"L4"}
    assert {i.fill for i in hallux} == {palette.root_overlay_color("L4")}
    window.undo_action.trigger()  # the window's atlas change is undoable, and teaching follows
    assert window.atlas() == "lee2008" and {i.label.text for i in hallux} == {"L5"}


def test_differences_view_shades_exactly_the_disagreeing_regions(qtbot, window, teaching):
    _press(qtbot, window, Qt.Key.Key_D)
    assert teaching.controller.mode == "differences"
    differences = atlas_differences(window.knowledge)
    for layer in teaching.controller.layers.values():
        for item in layer.items.values():
            assert (item.fill == DIFFERENCE_FILL) == (item.region in differences), item.key
    (hallux,) = _items(teaching, "hallux_dorsal")[:1]
    assert hallux.label.text == "L: L5\nK: L4"
    tip = hallux.toolTip()
    assert "Keegan & Garrett 1948: L4" in tip and "Lee et al. 2008: L5" in tip
    assert "keegan1948" not in tip and "lee2008" not in teaching.panel.legend.toPlainText()
    assert "Where the atlases disagree" in teaching.panel.legend.toHtml()


def test_root_explorer_shows_l5_key_point_ehl_and_levels(qtbot, window, teaching):
    _press(qtbot, window, Qt.Key.Key_R)
    explorer = teaching.panel.explorer
    explorer.root_box.setCurrentIndex(explorer.root_box.findData("L4"))
    qtbot.mouseClick(explorer.next, Qt.MouseButton.LeftButton)  # L4 -> L5
    assert teaching.controller.root == "L5"
    text = explorer.facts_view.toPlainText()
    assert "third metatarsophalangeal" in text  # ISNCSCI key point
    assert "Great toe extension (EHL)" in text
    assert "L4-L5 paracentral" in text and "L5-S1 foraminal" in text
    assert "Lee MWL" in text  # the dermatome's source is cited
    for item in _items(teaching, "dorsum_central"):
        assert item.fill == palette.HIGHLIGHT_COLOR
        assert item.key_point.isVisible() and not item.label.isVisible()  # no label on the dot
    for item in _items(teaching, "heel_plantar"):
        assert item.fill == ""
    if explorer.spine is not None:
        roots, discs = explorer.spine.highlighted()
        assert discs == {"L4-L5", "L5-S1"} and ("left", "L5") in roots
    _press(qtbot, window, Qt.Key.Key_PageDown)
    assert teaching.controller.root == "S1"
    _press(qtbot, window, Qt.Key.Key_Left)
    assert teaching.controller.root == "L5"


def _click_region(qtbot, window, view_name, key):
    view = window.map_area.view(view_name)
    window.map_area.show_view(view_name)
    point = view.mapFromScene(view.scene_point_of(key))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_quiz_scores_a_click_inside_the_asked_dermatome_and_not_outside(qtbot, window, teaching):
    _press(qtbot, window, Qt.Key.Key_Q)
    controller = teaching.controller
    assert controller.mode == "quiz"
    controller.quiz.question, controller.quiz.answered = LocateQuestion("L5", "lee2008"), False
    controller.refresh()
    _click_region(qtbot, window, "foot_dorsal", "left.dorsum_central")
    assert controller.quiz.score.total == 1.0 and controller.last_outcome.correct
    assert "Correct" in teaching.panel.quiz.feedback.text()
    assert window.encounter() == Encounter()  # a quiz click never marks the patient
    controller.quiz.question, controller.quiz.answered = LocateQuestion("L5", "lee2008"), False
    controller.refresh()
    _click_region(qtbot, window, "foot_plantar", "left.heel_plantar")
    assert controller.last_outcome.credit == 0.0
    assert "S1" in teaching.panel.quiz.feedback.text()
    assert controller.quiz.score.total == 1.0 and controller.quiz.score.asked == 2
    assert "streak 0 (best 1)" in teaching.panel.quiz.score.text()


def test_quiz_multiple_choice_is_answered_with_a_button(qtbot, window, teaching):
    teaching.show_mode("quiz")
    controller = teaching.controller
    controller.next_question("identify")
    question = controller.quiz.question
    assert isinstance(question, IdentifyQuestion)
    buttons = teaching.panel.quiz.choice_buttons
    right = next(b for b in buttons if b.text().endswith(question.answer))
    highlighted = [
        item
        for layer in controller.layers.values()
        for item in layer.items.values()
        if item.fill == palette.HIGHLIGHT_COLOR
    ]
    assert {item.region for item in highlighted} <= set(question.regions)
    qtbot.mouseClick(right, Qt.MouseButton.LeftButton)
    assert controller.quiz.score.streak == 1
    _press(qtbot, window, Qt.Key.Key_Right)  # the presenter's "next"
    assert controller.quiz.answered is False


def test_presentation_mode_enlarges_type_and_esc_leaves(qtbot, window, teaching):
    before = QApplication.font().pixelSize(), QApplication.font().pointSizeF()
    _press(qtbot, window, Qt.Key.Key_F11)
    assert teaching.presenter.active and window.isFullScreen()
    assert QApplication.font().pixelSize() >= 24
    assert teaching.controller.mode == "overlay" and teaching.dock.isVisible()
    assert not window.forms.isVisible()
    _press(qtbot, window, Qt.Key.Key_Escape)
    assert not teaching.presenter.active and not window.isFullScreen()
    assert (QApplication.font().pixelSize(), QApplication.font().pointSizeF()) == before
    # The overlay is still on: the patient's forms stay aside until teaching is off.
    assert teaching.controller.mode == "overlay" and not window.forms.isVisible()
    teaching.show_mode("off")
    assert window.forms.isVisible() and not teaching.dock.isVisible()


def test_a_case_opens_as_the_encounter(qtbot, window, teaching):
    case = next(c for c in teaching.cases if c.id == "classic_l5")
    action = next(a for a in teaching.cases_menu.actions() if a.text() == case.title)
    action.trigger()
    assert window.encounter() == case.encounter
    analysis = window.analysis()
    assert analysis is not None and analysis.roots[0].root == "L5"


def test_the_cases_dialog_opens_the_chosen_case(qtbot, window, teaching):
    dialog = CasesDialog(teaching.cases, window.knowledge, window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(2)
    assert teaching.cases[2].title in dialog.text.toPlainText()
    assert "Learning point" in dialog.text.toPlainText()
    dialog.accept()
    assert dialog.chosen is teaching.cases[2]


def _inside_combo_box(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    interactive = (QAbstractButton, QComboBox, QAbstractItemView, QTextBrowser)
    missing = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, interactive) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            if _inside_combo_box(widget):
                continue  # the popup list of a combo box: named by its combo box
            if not widget.accessibleName():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_teaching_control_is_named_for_screen_readers(qtbot, window, teaching):
    for mode in ("overlay", "explorer", "quiz"):
        teaching.show_mode(mode)
    assert _unnamed(teaching.panel) == []
    dialog = CasesDialog(teaching.cases, window.knowledge, window)
    qtbot.addWidget(dialog)
    assert _unnamed(dialog) == []
    for action in teaching.menu.actions():
        assert action.isSeparator() or action.text()


def test_labels_never_overlap_and_small_ones_keep_their_tooltip(qtbot, window, teaching):
    window.map_area.setCurrentIndex(2)  # the feet: the medial view's labels used to collide
    for mode in ("overlay", "differences"):
        teaching.show_mode(mode)
        qtbot.wait(20)
        for name, layer in teaching.controller.layers.items():
            shown = layer.shown_labels()
            rects = [item.label.scene_rect() for item in shown]
            for index, rect in enumerate(rects):
                others = rects[index + 1 :]
                assert not any(rect.intersects(o) for o in others), (mode, name)
            for item in layer.items.values():
                if item.label.text and not item.label.isVisible():
                    assert item.toolTip(), (mode, item.key)
        medial = teaching.controller.layers["foot_medial"]
        assert medial.shown_labels(), mode
        wanted = medial.label_size()  # the type size the labels aim for, on screen
        assert min(i.label.size for i in medial.shown_labels()) >= MIN_LABEL * wanted - 1e-6


def test_the_legend_counts_the_maps_on_screen(qtbot, window, teaching):
    window.map_area.setCurrentIndex(2)
    teaching.show_mode("differences")
    qtbot.wait(20)
    differences = atlas_differences(window.knowledge)
    feet = differences.keys() & teaching.controller.on_screen_regions()
    assert 0 < len(feet) < len(differences)
    legend = teaching.panel.legend.toPlainText()
    assert f"{len(feet)} regions on these maps ({len(differences)} on all maps)" in legend
    teaching.show_mode("overlay")
    legend = teaching.panel.legend.toPlainText()
    assert "L5" in legend and "C6" not in legend  # the feet show no cervical dermatome
    window.map_area.setCurrentIndex(0)  # the body front: the arms bring C6 in
    qtbot.waitUntil(lambda: "C6" in teaching.panel.legend.toPlainText())
    assert "S4" not in teaching.panel.legend.toPlainText()  # sacral skin is on the back


def test_multiple_choice_answers_by_keyboard(qtbot, window, teaching):
    teaching.show_mode("quiz")
    controller = teaching.controller
    controller.next_question("identify")
    question = controller.quiz.question
    assert isinstance(question, IdentifyQuestion)
    index = question.choices.index(question.answer)
    teaching.panel.quiz.next_button.setFocus()  # keys go where the focus is
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1 + index, alt)
    qtbot.waitUntil(lambda: controller.quiz.answered)  # a mnemonic animates the click
    assert controller.last_outcome.credit == 1.0
    _press(qtbot, window, Qt.Key.Key_Right)  # next question
    question = controller.quiz.question
    buttons = teaching.panel.quiz.choice_buttons
    index = question.choices.index(question.answer)
    buttons[0].setFocus()
    for _ in range(index):  # Tab (or the arrows) along the answers, Space or Enter to choose
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is buttons[index]
    qtbot.keyClick(buttons[index], Qt.Key.Key_Space)
    assert controller.quiz.answered and controller.last_outcome.credit == 1.0
    assert controller.quiz.score.streak == 2


def test_a_which_root_question_shows_the_tab_with_most_of_its_pattern(qtbot, window, teaching):
    teaching.show_mode("quiz")
    window.map_area.setCurrentIndex(2)  # the feet show S2 only as a strip at the calf
    controller = teaching.controller
    regions = window.knowledge.atlas(window.atlas()).regions_of_root("S2", primary_only=True)
    controller.quiz.question = IdentifyQuestion(
        "S2", ("S1", "S2", "S3", "L5"), tuple(regions), "lee2008"
    )
    controller.quiz.answered = False
    controller.refresh()
    assert window.map_area.currentIndex() == 1  # the body back: buttock, thigh and calf


def test_a_click_question_about_a_root_the_tab_lacks_shows_a_tab_with_it(qtbot, window, teaching):
    teaching.show_mode("quiz")
    window.map_area.setCurrentIndex(2)  # the presenter chose the feet
    controller = teaching.controller
    controller.quiz.question, controller.quiz.answered = LocateQuestion("L5", "lee2008"), False
    controller.refresh()
    assert window.map_area.currentIndex() == 2  # the feet show L5: the presenter's tab stays
    controller.quiz.question, controller.quiz.answered = LocateQuestion("L1", "lee2008"), False
    controller.refresh()
    assert window.map_area.currentIndex() in (0, 1)  # the feet have no L1 skin: a body map
