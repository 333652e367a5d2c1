"""Presentation mode scales the marking toolbar with the type, and leaving restores it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QToolBar

from rootmap.maps import load_spine
from rootmap.ui.finding_palette import ICON_PX, SLIDER_WIDTH
from rootmap.ui.main_window import MainWindow


def _toolbar_state(window: MainWindow) -> dict[str, object]:
    palette = window.finding_palette
    pain = palette.buttons["pain"]
    toolbar = window.findChild(QToolBar, "tools")
    assert toolbar is not None
    return {
        "icon": pain.iconSize(),
        "icon_pixmap": pain.icon().actualSize(QSize(1000, 1000)),
        "font_px": QFontInfo(pain.font()).pixelSize(),
        "slider_width": palette.slider.width(),
        "slider_height": palette.slider.sizeHint().height(),
        "toolbar_icon": toolbar.iconSize(),
    }


def test_presenting_enlarges_the_marking_toolbar_and_leaving_restores_it(qtbot, window):
    before = _toolbar_state(window)
    assert before["icon"] == QSize(ICON_PX, ICON_PX)
    assert before["slider_width"] == SLIDER_WIDTH

    window.teaching.toggle_presentation()
    qtbot.waitUntil(lambda: window.isFullScreen())
    presenting = _toolbar_state(window)
    scale = window.teaching.presenter.type_scale
    assert scale > 1
    assert presenting["font_px"] > before["font_px"]
    icon = round(ICON_PX * scale)
    assert presenting["icon"] == QSize(icon, icon)
    assert presenting["icon_pixmap"] == QSize(icon, icon)  # drawn at that size, not blown up
    assert presenting["slider_width"] == round(SLIDER_WIDTH * scale)
    assert presenting["slider_height"] > before["slider_height"]  # groove and handle grow
    assert presenting["toolbar_icon"] == before["toolbar_icon"] * scale

    window.teaching.toggle_presentation()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert _toolbar_state(window) == before


def test_escape_leaves_presentation_and_restores_the_toolbar(qtbot, window):
    before = _toolbar_state(window)
    window.teaching.actions["present"].trigger()
    assert window.teaching.presenter.active
    assert window.finding_palette.scale() > 1
    window.teaching.actions["leave"].trigger()
    assert not window.teaching.presenter.active
    assert window.finding_palette.scale() == 1
    assert _toolbar_state(window) == before
    # The dock's title bar comes back with the window's own size.
    assert window.teaching.dock.titleBarWidget() is None


def test_presenting_the_explorer_gives_the_spine_the_room_and_the_root_rows(qtbot, window):
    teaching = window.teaching
    teaching.show_mode("explorer")
    teaching.controller.set_root("L5")
    explorer = teaching.panel.explorer
    spine = explorer.spine
    assert spine is not None
    whole = spine.shown_rect()
    teaching.toggle_presentation()
    qtbot.waitUntil(lambda: window.isFullScreen())
    qtbot.wait(20)
    shown = spine.shown_rect()
    assert shown.height() < load_spine().height / 2  # the L5 rows, not the whole spine
    assert shown.height() < whole.height()  # closer than the lumbar close-up
    assert shown.width() == whole.width()  # the level labels on both sides stay in
    l5 = load_spine().roots[("left", "L5")].bbox
    assert shown.top() <= l5[1] and shown.bottom() >= l5[3]
    assert spine.height() > explorer.facts_view.height()  # the larger share
    teaching.controller.step(1)  # the presenter's next root follows on the spine
    s1 = load_spine().roots[("left", "S1")].bbox
    assert spine.shown_rect().top() <= s1[1] and spine.shown_rect().bottom() >= s1[3]
    teaching.toggle_presentation()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert spine.shown_rect() == whole
