"""Clicking the maps: marks, the anterior-view side flip, the dermatome highlight,
the spine diagram and undo — checked on what the clinician sees (the styled items)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from rootmap.encounter import Finding
from rootmap.resources import asset_path
from rootmap.ui.map_view import HIGHLIGHT_NONE, HIGHLIGHT_PRIMARY, MapGraphicsView

# The body maps are drawn by the maps engineer; these tests run as soon as they exist.
needs_body_maps = pytest.mark.skipif(
    not asset_path("maps", "body_front.svg").exists()
    or not asset_path("maps", "body_back.svg").exists(),
    reason="assets/maps/body_front.svg and body_back.svg are not drawn yet",
)
LEFT = Qt.MouseButton.LeftButton
RIGHT = Qt.MouseButton.RightButton


def click(qtbot, view: MapGraphicsView, key: str, button=LEFT) -> None:
    """Click a region where a user would: at its label point, on the viewport."""
    point = view.mapFromScene(view.scene_point_of(key))
    assert view.viewport().rect().contains(point), f"{key} is off screen"
    qtbot.mouseClick(view.viewport(), button, pos=point)


def click_scene(qtbot, view: MapGraphicsView, point: QPointF) -> None:
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.mapFromScene(point))


def shown(window, name: str, qtbot=None) -> MapGraphicsView:
    view = window.map_area.show_view(name)
    assert view is not None, f"the {name} map could not be loaded"
    from pytestqt.qtbot import QtBot

    bot = qtbot or QtBot(None)
    bot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 150)
    return view


def pick_tool(qtbot, window, key: str) -> None:
    qtbot.keyClick(window.map_area, key)


def test_a_click_marks_the_region_with_the_current_tool(window, qtbot):
    view = shown(window, "foot_dorsal")
    pick_tool(qtbot, window, "2")  # numbness
    click(qtbot, view, "left.dorsum_central")
    assert window.encounter().findings == (Finding("dorsum_central", "left", "numbness", 5),)
    item = view.item("left.dorsum_central")
    assert item.marks == (("numbness", 5),)
    assert item.is_styled()
    assert not view.item("right.dorsum_central").marks


@pytest.mark.parametrize(
    ("view_name", "region"),
    [
        ("foot_dorsal", "hallux_dorsal"),
        pytest.param("body_front", "knee_anterior", marks=needs_body_maps),
    ],
)
def test_anterior_views_flip_sides_the_viewers_left_is_the_patients_right(
    window, qtbot, view_name, region
):
    view = shown(window, view_name)
    shapes = view.geometry_.shapes_of(region)
    assert {s.side for s in shapes} == {"left", "right"}
    viewers_left = min(shapes, key=lambda s: (s.bbox[0] + s.bbox[2]) / 2)
    assert viewers_left.side == "right"
    click_scene(qtbot, view, QPointF(*viewers_left.label_point))
    assert window.encounter().findings == (Finding(region, "right", "pain", 5),)
    assert view.item(f"right.{region}").marks == (("pain", 5),)


def test_the_same_click_again_clears_another_intensity_changes_it(window, qtbot):
    view = shown(window, "foot_dorsal")
    click(qtbot, view, "left.hallux_dorsal")
    click(qtbot, view, "left.hallux_dorsal")
    assert window.encounter().findings == ()
    assert not view.item("left.hallux_dorsal").is_styled()
    click(qtbot, view, "left.hallux_dorsal")
    qtbot.keyClick(window.map_area, "]")
    click(qtbot, view, "left.hallux_dorsal")
    assert window.encounter().findings == (Finding("hallux_dorsal", "left", "pain", 6),)


def test_a_region_carries_several_kinds_and_right_click_clears_them(window, qtbot):
    view = shown(window, "foot_dorsal")
    click(qtbot, view, "right.first_web_space")
    pick_tool(qtbot, window, "3")
    click(qtbot, view, "right.first_web_space")
    item = view.item("right.first_web_space")
    assert [kind for kind, _ in item.marks] == ["pain", "tingling"]
    click(qtbot, view, "right.first_web_space", RIGHT)
    assert window.encounter().findings == ()
    assert item.marks == ()


def test_the_eraser_clears_a_region(window, qtbot):
    view = shown(window, "foot_dorsal")
    click(qtbot, view, "left.toes_dorsal")
    pick_tool(qtbot, window, "E")
    click(qtbot, view, "left.toes_dorsal")
    assert window.encounter().findings == ()


def test_undo_and_redo_keys_take_a_mark_off_and_put_it_back(window, qtbot):
    view = shown(window, "foot_dorsal")
    click(qtbot, view, "left.dorsum_medial")
    item = view.item("left.dorsum_medial")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not item.marks and window.encounter().findings == ()
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, redo)
    assert item.marks == (("pain", 5),)


def _choose(qtbot, combo, value) -> None:
    combo.setFocus()
    while combo.currentData() != value:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_classic_l5_highlights_the_l5_dermatome_and_the_spine(window, qtbot):
    view = shown(window, "foot_dorsal")
    pick_tool(qtbot, window, "2")
    for key in ("left.dorsum_central", "left.first_web_space"):
        click(qtbot, view, key)
    _choose(qtbot, window.exam_panel.combo("great_toe_extension", "left"), 3)
    top = window.analysis().roots[0]
    assert (top.root, top.side) == ("L5", "left")
    atlas = window.knowledge.atlas(window.atlas())
    for region in atlas.regions_of_root("L5", primary_only=True):
        item = view.item(f"left.{region}")
        if item is not None:
            assert item.highlight == HIGHLIGHT_PRIMARY, region
        right = view.item(f"right.{region}")
        if right is not None:
            assert right.highlight == HIGHLIGHT_NONE, region
    window._ensure_spine()
    roots, discs = window.spine_view.highlighted()
    assert ("left", "L5") in roots
    assert "L4-L5" in discs


@needs_body_maps
def test_a_view_built_later_shows_the_current_marks_and_highlight(window, qtbot):
    feet = shown(window, "foot_dorsal")
    pick_tool(qtbot, window, "2")
    click(qtbot, feet, "left.dorsum_central")
    _choose(qtbot, window.exam_panel.combo("great_toe_extension", "left"), 3)
    assert "body_front" not in window.map_area.views()
    body = shown(window, "body_front")
    assert body.item("left.leg_anterolateral").highlight == HIGHLIGHT_PRIMARY
    assert body.item("left.dorsum_central").marks == (("numbness", 5),)


def test_classic_s1_lateral_foot_and_heel_with_an_absent_achilles_reflex(window, qtbot):
    view = shown(window, "foot_lateral")
    pick_tool(qtbot, window, "2")
    for key in ("right.foot_lateral_border", "right.heel_lateral"):
        click(qtbot, view, key)
    _choose(qtbot, window.exam_panel.combo("achilles_reflex", "right"), "absent")
    top = window.analysis().roots[0]
    assert (top.root, top.side) == ("S1", "right")
    assert view.item("right.foot_lateral_border").highlight == HIGHLIGHT_PRIMARY
    first_row = window.results_panel.model.item(0).child(0)
    assert first_row.text().startswith("S1")


@needs_body_maps
def test_a_numb_saddle_and_bladder_dysfunction_raise_the_cauda_equina_banner(window, qtbot):
    view = shown(window, "body_back")
    pick_tool(qtbot, window, "2")
    click(qtbot, view, "midline.saddle")
    assert window.encounter().findings == (Finding("saddle", "midline", "numbness", 5),)
    qtbot.mouseClick(window.history_panel.flags["bladder_dysfunction"].buttons[True], LEFT)
    assert "cauda_equina" in [f.id for f in window.analysis().red_flags]
    assert window.banner.isVisible()
    assert "CAUDA EQUINA" in window.banner.text()
    assert window.banner.styleSheet().count("font-weight: bold")


def test_the_tooltip_names_the_region_the_side_and_its_roots(window):
    view = shown(window, "foot_dorsal")
    text = view.tooltip_text(view.item("left.first_web_space"))
    name = window.knowledge.regions["first_web_space"].name
    assert name in text
    assert "patient's left" in text
    entry = window.knowledge.atlas(window.atlas()).entry("first_web_space")
    assert all(root in text for root in entry.primary)


def test_zoom_keys_zoom_the_shown_maps_and_ctrl_0_fits(window, qtbot):
    view = shown(window, "foot_dorsal")
    fitted = view.zoom()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() > fitted
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < fitted
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(fitted)


def test_a_weak_root_is_listed_but_not_painted_until_the_user_picks_it(window, qtbot):
    view = shown(window, "foot_plantar")
    click(qtbot, view, "right.heel_plantar")
    qtbot.mouseClick(window.history_panel.flags["first_step_heel_pain"].buttons[True], LEFT)
    analysis = window.analysis()
    assert analysis.roots and analysis.roots[0].score < 0.35
    assert "plantar_fasciitis" in [c.id for c in analysis.conditions]
    assert not any(item.highlight for item in view.items_by_key.values())
    # Clicking the root in the results shows its dermatome.
    tree, model = window.results_panel.tree, window.results_panel.model
    roots = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if model.index(r, 0).data() == "Nerve roots"
    )
    root_row = model.index(0, 0, roots)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualRect(root_row).center())
    assert any(item.highlight for item in view.items_by_key.values())
