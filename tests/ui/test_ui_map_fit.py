"""Fit the anatomy, not the page: a map is drawn without its SVG title group and fitted
to its regions and R/L labels, so the feet fill their small panes; clicks still land on
the right region and Ctrl+0 refits after zooming and panning."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel

from rootmap.maps import load_view, read_view
from rootmap.maps.lettering import SVG_NS
from rootmap.ui.map_art import load_art
from rootmap.ui.map_view import MapGraphicsView

FEET = ("foot_dorsal", "foot_plantar", "foot_medial", "foot_lateral")
CTRL = Qt.KeyboardModifier.ControlModifier

PAGE = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 800" width="1000" height="800">
<g id="regions"><path id="left.x" d="M400 300 L600 300 L600 700 L400 700 Z" fill="#f4dcc8"/></g>
<g id="labels"><text x="370" y="500" font-size="30">R</text></g>
{title}
</svg>"""
TITLE = '<g id="title"><rect x="0" y="0" width="300" height="60" fill="#000000"/></g>'


def regions_on_screen(view: MapGraphicsView) -> QRectF:
    """Where the regions are drawn, in viewport pixels."""
    union = QRectF()
    for item in view.items_by_key.values():
        union = union.united(item.sceneBoundingRect())
    return QRectF(view.mapFromScene(union).boundingRect())


def fill(view: MapGraphicsView) -> float:
    """The larger of the fractions of the pane's width and height the regions cover."""
    shown, pane = regions_on_screen(view), view.viewport().rect()
    return max(shown.width() / pane.width(), shown.height() / pane.height())


def feet_pane(window, qtbot, name: str) -> MapGraphicsView:
    view = window.map_area.show_view(name)
    assert view is not None
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 150)
    return view


def with_title_group(name: str, folder: Path) -> Path:
    """The map as the generators now lay it out: its page titles in ``<g id="title">``."""
    svg = load_view(name).svg_file
    ElementTree.register_namespace("", SVG_NS)
    tree = ElementTree.parse(svg)
    root = tree.getroot()
    if root.find(f"{{{SVG_NS}}}g[@id='title']") is None:
        labels = root.find(f"{{{SVG_NS}}}g[@id='labels']")
        assert labels is not None
        title = ElementTree.SubElement(root, f"{{{SVG_NS}}}g", {"id": "title"})
        for text in [t for t in labels if t.get("text-anchor") == "start"]:  # the page titles
            labels.remove(text)
            title.append(text)
    out = folder / f"{name}.svg"
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out


def test_the_title_group_is_not_drawn_nor_fitted(tmp_path, qtbot):
    svg = tmp_path / "page.svg"
    svg.write_text(PAGE.format(title=TITLE))
    renderer, content, title, labels = load_art(read_view("page", svg), None)
    assert title == ()  # (a rectangle, no text)
    assert [label.text for label in labels] == ["R"]  # drawn by the view, readable
    assert content.top() > 250 and content.left() > 300  # the title at 0,0 is not in it
    assert content.contains(QRectF(400, 300, 200, 400))  # the region and the R label are
    assert content.left() < 370
    image = QImage(1000, 800, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 1000, 800))
    painter.end()
    assert image.pixelColor(100, 30) == QColor("white")  # no title drawn
    assert image.pixelColor(500, 500) != QColor("white")  # the region is


def test_without_a_title_group_the_whole_drawing_is_kept(tmp_path):
    svg = tmp_path / "page.svg"
    svg.write_text(PAGE.format(title=TITLE.replace('id="title"', 'id="banner"')))
    content = load_art(read_view("page", svg), None).content
    assert content.contains(QRectF(0, 0, 600, 700))


@pytest.mark.parametrize("name", FEET)
def test_the_feet_fill_their_pane_once_the_title_has_its_own_group(window, qtbot, tmp_path, name):
    pane = feet_pane(window, qtbot, name).size()  # a pane of the Feet tab's 2x2 grid
    geometry = read_view(name, with_title_group(name, tmp_path))
    view = MapGraphicsView(geometry)
    qtbot.addWidget(view)
    view.resize(pane)
    view.show()
    qtbot.waitExposed(view)
    assert fill(view) > 0.70
    pane_rect = QRectF(view.viewport().rect()).adjusted(-1, -1, 1, 1)
    assert pane_rect.contains(regions_on_screen(view))  # nothing cut off


@pytest.mark.parametrize("name", FEET)
def test_fitting_shows_every_region_and_no_less_than_the_whole_page_did(window, qtbot, name):
    view = feet_pane(window, qtbot, name)
    fitted = fill(view)
    pane = QRectF(view.viewport().rect()).adjusted(-1, -1, 1, 1)
    assert pane.contains(regions_on_screen(view))
    page = QRectF(0, 0, view.geometry_.width, view.geometry_.height)
    view.fitInView(page, Qt.AspectRatioMode.KeepAspectRatio)
    assert fitted >= fill(view) - 0.005
    view.fit()


@pytest.mark.parametrize("name", FEET)
def test_a_click_on_any_region_of_a_fitted_foot_map_finds_that_region(window, qtbot, name):
    view = feet_pane(window, qtbot, name)
    for key, item in view.items_by_key.items():
        hit = view.region_at(view.mapFromScene(item.label_point).toPointF())
        assert hit is not None and hit.key == key


def test_ctrl_0_refits_after_zooming_and_panning(window, qtbot):
    view = feet_pane(window, qtbot, "foot_dorsal")
    fitted = regions_on_screen(view)
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert regions_on_screen(view) != fitted
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    again = regions_on_screen(view)
    assert abs(again.left() - fitted.left()) <= 1 and abs(again.width() - fitted.width()) <= 1


def test_the_feet_tab_draws_each_foot_map_at_least_as_large_as_a_2x2_grid_would(window, qtbot):
    views = {name: feet_pane(window, qtbot, name) for name in FEET}
    page = views["foot_dorsal"].parentWidget().parentWidget()
    qtbot.waitUntil(lambda: views["foot_lateral"].viewport().height() > 150)
    # A 2x2 grid's pane: a column as wide as the top row's, half the page high less a caption.
    half_w, half_h = views["foot_dorsal"].viewport().width(), page.height() / 2 - 24
    for name, view in views.items():
        content = view.content_rect()
        # (fitInView keeps 2 px clear on every side)
        quarter = min((half_w - 4) / content.width(), (half_h - 4) / content.height())
        assert view.zoom() >= 0.99 * quarter, name
        stacked = not window.map_area.is_two_by_two(page)  # a wide page: 2x2 is larger
        if stacked and name in ("foot_medial", "foot_lateral"):  # two feet end to end
            assert view.zoom() > 1.15 * quarter, name


def test_the_title_left_out_of_the_art_is_the_captions_tooltip(window, qtbot):
    view = feet_pane(window, qtbot, "foot_dorsal")
    captions = [label for label in view.parentWidget().findChildren(QLabel)]
    assert len(captions) == 1
    assert view.title_lines and captions[0].toolTip() == "\n".join(view.title_lines)
    assert "right foot is on your left" in captions[0].toolTip()  # which foot is which
