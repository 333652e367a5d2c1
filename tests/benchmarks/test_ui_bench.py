"""Desktop app speed: click-to-repaint latency and start-up to the first painted window.

Not timed assertions: run ``pytest tests/benchmarks/test_ui_bench.py --benchmark-enable``
and read the table (and ``extra_info``: p95 in ms, start-up ratio to a bare window).
Goals: a click repaints within 8 ms (p95); start-up within 1.3x a bare PySide6 window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from rootmap.ui.main_window import MainWindow

# A child process: build a window, print when it first paints, quit.
_CHILD = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            QApplication.instance().removeEventFilter(self)
        return False

app = QApplication(sys.argv)
watcher = FirstPaint()
app.installEventFilter(watcher)
if sys.argv[1] == "bare":
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
else:
    from rootmap.ui.app import build_window, parse_args
    window = build_window(parse_args([]))
window.resize(1400, 900)
window.show()
app.exec()
"""


def _first_paint_seconds(kind: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _CHILD, kind],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    assert line.strip() == "painted", f"{kind} window never painted"
    return elapsed


def test_startup_first_paint_bare_window(benchmark):
    benchmark.pedantic(_first_paint_seconds, args=("bare",), rounds=5, iterations=1)


def test_startup_first_paint_rootmap_window(benchmark):
    bare = [_first_paint_seconds("bare") for _ in range(3)]
    benchmark.pedantic(_first_paint_seconds, args=("rootmap",), rounds=5, iterations=1)
    rootmap = [_first_paint_seconds("rootmap") for _ in range(3)]
    benchmark.extra_info["bare_median_ms"] = round(statistics.median(bare) * 1000, 1)
    benchmark.extra_info["rootmap_median_ms"] = round(statistics.median(rootmap) * 1000, 1)
    benchmark.extra_info["ratio_to_bare"] = round(
        statistics.median(rootmap) / statistics.median(bare), 2
    )


@pytest.fixture
def foot_view(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    view = window.map_area.show_view("foot_dorsal")
    assert view is not None, "the foot_dorsal map is not available"
    qtbot.waitExposed(view)
    return window, view


def test_click_to_repaint_latency(benchmark, foot_view):
    window, view = foot_view
    point = view.mapFromScene(view.scene_point_of("left.dorsum_central"))
    viewport = view.viewport()
    samples: list[float] = []

    def click_and_repaint() -> None:
        start = time.perf_counter()
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        viewport.repaint()
        samples.append(time.perf_counter() - start)

    benchmark.pedantic(click_and_repaint, rounds=200, iterations=1, warmup_rounds=5)
    assert window.undo_stack.count() > 0  # the clicks really edited the encounter
    ordered = sorted(samples)
    benchmark.extra_info["median_ms"] = round(statistics.median(ordered) * 1000, 2)
    benchmark.extra_info["p95_ms"] = round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 2)
    benchmark.extra_info["clicks"] = len(ordered)
