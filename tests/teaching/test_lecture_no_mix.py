"""Teaching content never mixes with the patient's encounter.

A clinician marks a region, then starts the quiz (or the overlay, or presentation mode):
the maps show no patient marks, the results panel does not show the patient's answer
beside a question, and clicks on the map record nothing. Teaching off: the marks and
the results are back, and the encounter, the undo stack and the modified flag are as
they were.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rootmap.ui.main_window import MainWindow
from rootmap.ui.teaching.panel import facts_html

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.teaching.reseed(3)
    return window


def _view(window, qtbot, name="foot_dorsal"):
    view = window.map_area.show_view(name)
    assert view is not None
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 150)
    return view


def _click(qtbot, view, key: str) -> None:
    point = view.mapFromScene(view.scene_point_of(key))
    assert view.viewport().rect().contains(point), f"{key} is off screen"
    qtbot.mouseClick(view.viewport(), LEFT, pos=point)


def _patient(window):
    stack = window.undo_stack
    return (
        window.encounter(),
        window.atlas(),
        stack.count(),
        stack.index(),
        stack.undoText(),
        window.session.is_modified(),
    )


def _results_rows(window) -> int:
    return window.results_panel.model.rowCount()


@pytest.mark.parametrize("start", ["quiz", "overlay", "presentation"])
def test_teaching_sets_the_patients_work_aside_and_gives_it_back(qtbot, window, start):
    view = _view(window, qtbot)
    _click(qtbot, view, "left.dorsum_central")
    marks = window.map_area.marks()
    assert marks and _results_rows(window) > 0
    before = _patient(window)
    teaching = window.teaching

    window.activateWindow()
    if start == "quiz":
        qtbot.keyClick(window, Qt.Key.Key_Q)
    elif start == "overlay":
        qtbot.keyClick(window, Qt.Key.Key_O)
    else:
        qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.lecture()
    # A clean canvas: no patient marks, no patient dermatome, no patient results.
    assert window.map_area.marks() == {} and window.map_area.highlight() == {}
    assert not window.results_panel.isVisible() and _results_rows(window) == 0
    assert not window.forms.isVisible()
    # Clicks and keys in the lecture change nothing of the patient's.
    teaching.controller.next_question("identify")  # (a "which root" question: no map clicks)
    view = _view(window, qtbot)
    _click(qtbot, view, "left.hallux_dorsal")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _patient(window) == before

    if start == "presentation":
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # leaves presentation; the overlay stays
        assert window.lecture() and window.map_area.marks() == {}
    off = teaching.panel.mode_buttons["off"]
    qtbot.mouseClick(off, LEFT)  # the panel's Off closes the panel and ends the lecture
    assert not teaching.dock.isVisible() and not window.lecture()
    assert window.map_area.marks() == marks
    assert window.results_panel.isVisible() and _results_rows(window) > 0
    assert window.forms.isVisible()
    assert _patient(window) == before
    assert window.undo_action.isEnabled() == window.undo_stack.canUndo()


def test_closing_the_teaching_dock_turns_teaching_off(qtbot, window):
    window.teaching.show_mode("overlay")
    assert window.lecture()
    window.teaching.dock.close()
    qtbot.waitUntil(lambda: not window.lecture())
    assert window.teaching.controller.mode == "off"


def test_presentation_sets_the_citation_in_the_type(qtbot, window):
    teaching = window.teaching
    teaching.show_mode("overlay")
    cite = window.knowledge.cite(window.knowledge.atlas(window.atlas()).source)
    assert "<small>" not in teaching.panel.legend_html()  # the body size, never smaller
    qtbot.keyClick(window, Qt.Key.Key_F11)
    html = teaching.panel.legend_html()
    assert "<small>" not in html and "Lee MWL" in html  # presenting: as large as the type
    controller = teaching.controller
    assert teaching.panel.presenting
    facts = facts_html(controller, controller.facts(), teaching.panel.presenting)
    assert "<small>" not in facts and "(Lee et al. 2008)" in facts and "lee2008" not in facts
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert "<small>" not in teaching.panel.legend_html()
    assert cite.split(" ")[0] in teaching.panel.legend_html()


def test_no_overlay_label_is_drawn_below_the_body_size(qtbot, window):
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QApplication

    body = QFontInfo(QApplication.font()).pixelSize()
    window.teaching.show_mode("overlay")
    for layer in window.teaching.controller.layers.values():
        for item in layer.items.values():
            if item.label.isVisible():  # its type on screen, in pixels
                assert item.label.size * layer.zoom >= body - 0.01, item.key
