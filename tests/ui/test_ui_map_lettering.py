"""The maps' side letters and "patient's right/left" captions read at the body size, and
grow with the type in presentation mode (where the body figure fills the height)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from rootmap.ui.art_labels import body_pixels


def body_front(window, qtbot):
    view = window.map_area.show_view("body_front")
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 150)
    return view


def captions(view) -> dict[str, float]:
    return {label.text: pixels for label, _at, pixels in view.drawn_labels()}


def test_the_side_captions_are_at_least_the_body_size(window, qtbot):
    view = body_front(window, qtbot)
    drawn = captions(view)
    assert {"R", "L", "patient's right", "patient's left"} <= set(drawn)
    assert min(drawn.values()) >= body_pixels()
    assert drawn["R"] > drawn["patient's right"]  # the letter stays the larger
    # the caption sits under its letter, clear of it
    where = {label.text: at for label, at, _pixels in view.drawn_labels()}
    assert where["patient's right"].y() - drawn["patient's right"] >= where["R"].y() - 1


def test_presenting_scales_the_captions_with_the_type_and_the_figure_fills_the_height(
    window, qtbot
):
    view = body_front(window, qtbot)
    usual = captions(view)["patient's right"]
    window.teaching.toggle_presentation()
    qtbot.waitUntil(lambda: window.isFullScreen())
    qtbot.waitUntil(lambda: body_pixels() >= 24)
    presenting = captions(view)
    assert presenting["patient's right"] >= body_pixels() >= 24
    assert presenting["patient's right"] > usual
    figure = QRectF()
    for item in view.items_by_key.values():
        figure = figure.united(item.sceneBoundingRect())
    on_screen = view.mapFromScene(figure).boundingRect()
    assert on_screen.height() >= 0.8 * view.viewport().height()
    window.teaching.toggle_presentation()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert captions(view)["patient's right"] == usual
