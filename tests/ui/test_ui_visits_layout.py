"""The visit list at a small screen: the map keeps its share, the exam form both sides."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QDockWidget

from rootmap.ui.window_layout import MAP_SHARE, VISITS_SHARE, results_column_sizes

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "follow_up_l5.rootmap"


def test_the_visit_list_costs_the_map_nothing_at_1280x720(window, qtbot, tmp_path):
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    path = tmp_path / "follow_up.rootmap"
    shutil.copyfile(EXAMPLE, path)
    assert window.file_actions.open_path(path, ask=False)
    panel = window.visit_actions.panel
    qtbot.waitUntil(lambda: panel is not None and panel.isVisible())
    assert not window.findChildren(QDockWidget, "visits_dock")
    qtbot.waitUntil(lambda: window.map_area.width() >= MAP_SHARE * 1280 - 20)
    # The list shows both visits and the toggles, without scrolling sideways.
    table = panel.table
    assert table.topLevelItemCount() == 2
    assert not table.horizontalScrollBar().isVisible()
    holder = window.visit_actions.holder
    qtbot.waitUntil(lambda: holder.height() >= panel.compare_box.geometry().bottom())
    # The exam form keeps both sides in view (Right | Left), neither clipped.
    exam = window.exam_panel
    window.forms.setCurrentIndex(0)
    page = window._exam_page.viewport()
    for combo in (exam.combo("great_toe_extension", s) for s in ("right", "left")):
        right_edge = combo.mapTo(page, combo.rect().topRight()).x()
        assert right_edge <= page.width(), "a drop-down runs off the form"


def test_the_results_column_gives_the_visit_list_its_rows_at_most_a_share():
    assert results_column_sizes(600, None) == [400, 200]
    visits, results, spine = results_column_sizes(600, 120)
    assert visits == 120 and results + spine == 480 and results == 2 * spine
    assert results_column_sizes(600, 900)[0] == int(600 * VISITS_SHARE)
