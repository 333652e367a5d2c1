"""Small regions are easy to hit: a click near one snaps to it, and the hover outline
shows first which region a click there marks."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QPointF, Qt

from rootmap.encounter import Finding
from rootmap.ui.map_view import MapGraphicsView

LEFT = Qt.MouseButton.LeftButton


def feet_view(window, qtbot, name: str = "foot_dorsal") -> MapGraphicsView:
    window.map_area.setCurrentIndex(2)  # the Feet tab, where the foot is marked
    view = window.map_area.view(name)
    qtbot.waitUntil(lambda: view is not None and view.isVisible())
    return view


def points_just_outside(view: MapGraphicsView, key: str) -> list[QPoint]:
    """Viewport points 2-5 px outside the region's outline, within its target square."""
    item = view.item(key)
    outline = view.mapFromScene(item.path())
    label = view.mapFromScene(item.label_point)
    found = []
    for dx in range(-11, 12):
        for dy in range(-11, 12):
            point = QPoint(label.x() + dx, label.y() + dy)
            if outline.contains(QPointF(point)):
                continue
            distances = [
                outline.contains(QPointF(point.x() + ex, point.y() + ey))
                for ex, ey in ((2, 0), (-2, 0), (0, 2), (0, -2), (5, 0), (-5, 0), (0, 5), (0, -5))
            ]
            if any(distances):
                found.append(point)
    return found


def test_every_small_region_on_the_feet_tab_has_a_24_by_24_px_target(window, qtbot):
    for name in ("foot_dorsal", "foot_plantar"):
        view = feet_view(window, qtbot, name)
        size = view.viewport().size()
        targets = Counter(
            hit.key
            for x in range(size.width())
            for y in range(size.height())
            if (hit := view.region_at(QPointF(x, y))) is not None
        )
        small = [
            key
            for key, item in view.items_by_key.items()
            if min(view.mapFromScene(item.path().boundingRect()).boundingRect().size().toTuple())
            < 24
        ]
        assert "left.first_web_space" in small or name == "foot_plantar"
        for key in small:
            assert targets[key] >= 24 * 24, (name, key, targets[key])
        # ... and no region loses so much to its small neighbours that it becomes hard to hit
        assert min(targets[key] for key in view.items_by_key) >= 540, name


def test_a_click_just_outside_the_first_web_space_marks_it_and_the_hover_shows_it_first(
    window, qtbot
):
    view = feet_view(window, qtbot)
    outside = points_just_outside(view, "left.first_web_space")
    assert outside
    point = outside[len(outside) // 2]
    item = view.item("left.first_web_space")
    assert not view.mapFromScene(item.path()).contains(QPointF(point))
    qtbot.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: item.hovered)
    assert [i.key for i in view.items_by_key.values() if i.hovered] == ["left.first_web_space"]
    with qtbot.waitSignal(view.regionClicked) as clicked:
        qtbot.mouseClick(view.viewport(), LEFT, pos=point)
    assert clicked.args == ["left.first_web_space", "left"]
    assert window.encounter().findings == (Finding("first_web_space", "left", "pain", 5),)


def test_a_click_well_inside_a_large_region_still_marks_that_region(window, qtbot):
    view = feet_view(window, qtbot)
    for key in ("left.dorsum_central", "right.dorsum_central"):
        point = view.mapFromScene(view.scene_point_of(key))
        assert view.region_at(QPointF(point)).key == key


def test_leaving_the_map_clears_the_hover_outline(window, qtbot):
    view = feet_view(window, qtbot)
    point = view.mapFromScene(view.scene_point_of("left.dorsum_central"))
    qtbot.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: view.item("left.dorsum_central").hovered)
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(view, QEvent(QEvent.Type.Leave))
    assert not any(i.hovered for i in view.items_by_key.values())
