"""The spine diagram reads at the body size, shows the lumbar levels that matter even
on a small screen, and opens large with a click."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rootmap.encounter import Encounter, Finding, Sign
from rootmap.ui.art_labels import body_pixels
from rootmap.ui.spine_view import SpineView

L5_CASE = Encounter(
    findings=(Finding("dorsum_central", "left", "numbness", 6),),
    signs=(Sign("great_toe_extension", "left", 3),),
)


def spine(window, qtbot) -> SpineView:
    window._ensure_spine()
    view = window.spine_view
    assert isinstance(view, SpineView)
    qtbot.waitUntil(view.isVisible)
    return view


def test_every_label_is_at_least_the_body_size_and_the_lumbar_levels_are_there(window, qtbot):
    window.set_encounter(L5_CASE)
    view = spine(window, qtbot)
    drawn = view.drawn_labels()
    assert min(pixels for _label, pixels in drawn) >= body_pixels() >= 11
    texts = {label.text for label, _pixels in drawn}
    assert {"L3", "L4", "L5", "S1", "L3-L4", "L4-L5", "L5-S1"} <= texts
    shown = view.mapFromScene(view.shown_rect()).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(shown) or (
        shown.height() <= view.viewport().height() + 2
    )


def test_at_1280_by_720_the_spine_is_a_diagram_not_a_thumbnail(window, qtbot):
    window.set_encounter(L5_CASE)
    window.resize(1280, 720)
    view = spine(window, qtbot)
    qtbot.waitUntil(lambda: view.height() >= 200)
    assert view.width() >= 250
    # the close-up (four rows) fills the width: the art is no stamp
    assert view.transform().m11() * 800 >= 0.85 * view.viewport().width()


def test_a_highlighted_root_above_the_close_up_widens_it(window, qtbot):
    view = spine(window, qtbot)
    close_up = view.shown_rect()
    view.set_highlight([("left", "L2")], ["L2-L3"])
    assert view.shown_rect().top() < close_up.top()
    assert "L2" in {label.text for label, _pixels in view.drawn_labels()}


def test_a_click_opens_the_whole_diagram_large_with_the_same_highlight(window, qtbot):
    window.set_encounter(L5_CASE)
    view = spine(window, qtbot)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)
    dialog = window.findChild(object, "spine_dialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    large = dialog.view
    assert large.highlighted() == view.highlighted() != (frozenset(), frozenset())
    assert large.shown_rect().height() == 1060  # the whole diagram
    assert large.height() > view.height()
    texts = {label.text for label, _pixels in large.drawn_labels()}
    assert "Lumbar spine, viewed from behind" in texts and "patient's left" in texts
    dialog.close()
