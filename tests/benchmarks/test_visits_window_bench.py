"""Benchmarks of the window with a document of 20 visits (run with --benchmark-enable).

Not timed assertions. The budget (issue 13): opening such a document in the window,
switching visits and comparing each stays under one 60 Hz frame (16.7 ms) per switch on
top of today's times. "Today" is the same window showing the same visits one at a time
as single-visit encounters (``session.edit`` to each, no earlier visits, no comparison);
``extra_info["added_ms_per_switch"]`` is the difference of the medians.
"""

from __future__ import annotations

import statistics
import time

import pytest

from rootmap.documents import Document
from tests.benchmarks.test_visits_bench import VISITS, twenty_visits

PAGES_SHOWN = (0, 1, 2)  # every map page built: the change map has items on each


@pytest.fixture
def window(qtbot):
    return _window(qtbot)


def _window(qtbot):
    from rootmap.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    for page in PAGES_SHOWN:
        win.map_area.setCurrentIndex(page)
    win.exam_panel  # noqa: B018 - the Examination form, with its earlier-value columns
    return win


def _flush(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def test_bench_window_opens_a_document_of_20_visits(benchmark, window, qtbot):
    document = twenty_visits()
    single = Document(encounter=document.encounter)

    def open_single() -> None:
        window.visit_actions._rows.clear()  # cold: no visit analysed yet
        window.session.load_document(single, None)
        _flush(qtbot)

    def open_all() -> None:
        window.visit_actions._rows.clear()
        window.session.load_document(document, None)
        _flush(qtbot)

    today = []
    for _ in range(5):
        start = time.perf_counter()
        open_single()
        today.append(time.perf_counter() - start)
    benchmark.pedantic(open_all, rounds=5, iterations=1, warmup_rounds=1)
    assert len(window.session.visits()) == VISITS
    panel = window.visit_actions.panel
    assert panel is not None and panel.table.topLevelItemCount() == VISITS
    benchmark.extra_info["today_single_visit_median_ms"] = round(statistics.median(today) * 1000, 2)


def test_bench_window_switches_and_compares_each_of_20_visits(benchmark, window, qtbot):
    document = twenty_visits()
    visits = (*document.earlier, document.encounter)
    # Today: a second window shows the same encounters one after another as one-visit
    # edits. Each switch is timed right after the same step of today's, so the machine's
    # load (shared cores) falls on both alike.
    today_window = _window(qtbot)
    today_window.session.load_document(Document(encounter=visits[0]), None)
    window.session.load_document(document, None)
    window.visit_actions.set_comparing(True)
    today: list[float] = []
    switches: list[float] = []

    def switch_through_all() -> None:
        for index in range(VISITS):
            start = time.perf_counter()
            today_window.session.edit(visits[index])
            _flush(qtbot)
            today.append(time.perf_counter() - start)
            start = time.perf_counter()
            window.session.show_visit(index)
            _flush(qtbot)
            switches.append(time.perf_counter() - start)

    benchmark.pedantic(switch_through_all, rounds=3, iterations=1, warmup_rounds=1)
    assert window.visit_actions.overlay.items()  # the change map is drawn
    added = statistics.median(switches) - statistics.median(today)
    benchmark.extra_info["today_median_ms"] = round(statistics.median(today) * 1000, 2)
    benchmark.extra_info["switch_and_compare_median_ms"] = round(
        statistics.median(switches) * 1000, 2
    )
    benchmark.extra_info["added_ms_per_switch"] = round(added * 1000, 2)
