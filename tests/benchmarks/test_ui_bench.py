"""Desktop app speed: click-to-repaint latency and start-up (first paint, and ready).

Not timed assertions: run ``pytest tests/benchmarks/test_ui_bench.py --benchmark-enable``
and read the table and ``extra_info`` (medians in ms, ratios to a bare window).
Goals: a click repaints within 8 ms (p95); start-up within 1.3x a bare PySide6 window.

Start-up is timed from ``Popen`` to a line the child prints: "painted" at the first paint
event, "ready" when the window is fully built (``MainWindow.ready``; a bare window is
ready when it paints). The children inherit this environment: with
``PYTHONDONTWRITEBYTECODE=1`` (as here) RootMap's modules are compiled at every start,
which an installed app (with ``.pyc`` files) does not do; ``extra_info`` says which.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

# A child process: build a window the way the app does, print when it first paints
# and when it is ready, quit. The filter watches the window only: an application-wide
# Python event filter would see every event of every widget being built and slow a
# window of many widgets (RootMap's shell: ~30 ms) far more than a bare one.
_CHILD = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def ready():
    print("ready", flush=True)
    QTimer.singleShot(0, QApplication.quit)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            obj.removeEventFilter(self)
            if sys.argv[1] == "bare":
                ready()
        return False

app = QApplication(sys.argv)
watcher = FirstPaint()
if sys.argv[1] == "bare":
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
else:
    from rootmap.ui.app import build_window, parse_args
    window = build_window(parse_args([]), progressive=True)
    window.ready.connect(ready)
window.installEventFilter(watcher)
window.resize(1400, 900)
window.show()
app.exec()
"""


def _startup_seconds(kind: str) -> tuple[float, float]:
    """(first paint, ready) in seconds after starting the child process."""
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
    painted_line = process.stdout.readline()
    painted = time.perf_counter() - start
    ready_line = process.stdout.readline()
    ready = time.perf_counter() - start
    process.wait(timeout=60)
    assert painted_line.strip() == "painted", f"{kind} window never painted"
    assert ready_line.strip() == "ready", f"{kind} window never became ready"
    return painted, ready


def _ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 1)


def test_startup_first_paint_bare_window(benchmark):
    benchmark.pedantic(_startup_seconds, args=("bare",), rounds=5, iterations=1)


def test_startup_rootmap_window(benchmark):
    """Bare and RootMap children alternate, so that a busy machine slows both alike."""
    bare: list[float] = []
    painted: list[float] = []
    ready: list[float] = []

    def one_round() -> None:
        bare.append(_startup_seconds("bare")[0])
        first, done = _startup_seconds("rootmap")
        painted.append(first)
        ready.append(done)

    benchmark.pedantic(one_round, rounds=7, iterations=1, warmup_rounds=1)
    benchmark.extra_info["bare_median_ms"] = _ms(bare)
    benchmark.extra_info["first_paint_median_ms"] = _ms(painted)
    benchmark.extra_info["ready_median_ms"] = _ms(ready)
    benchmark.extra_info["first_paint_ratio_to_bare"] = round(_ms(painted) / _ms(bare), 2)
    benchmark.extra_info["ready_ratio_to_bare"] = round(_ms(ready) / _ms(bare), 2)
    benchmark.extra_info["bytecode_cached"] = not sys.dont_write_bytecode


def test_startup_rootmap_command(benchmark):
    """The real ``python -m rootmap`` with ROOTMAP_EXIT_AFTER_PAINT=1: its own report."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROOTMAP_EXIT_AFTER_PAINT": "1"}
    reported: list[tuple[int, int]] = []

    def run() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "rootmap"], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        found = re.search(r"first paint after (\d+) ms; ready after (\d+) ms", done.stderr)
        assert found, done.stderr
        reported.append((int(found[1]), int(found[2])))

    benchmark.pedantic(run, rounds=5, iterations=1)
    benchmark.extra_info["reported_first_paint_median_ms"] = statistics.median(
        n for n, _m in reported
    )
    benchmark.extra_info["reported_ready_median_ms"] = statistics.median(m for _n, m in reported)


@pytest.fixture
def foot_view(qtbot, window):
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
