"""Start-up: a whole ``rootmap`` process to a ready window, against a bare PySide6 window.

Usage: python3 -m tools.startup_bench [--runs 9]

Each run starts a fresh interpreter and times it from spawn to exit, wall clock:

- bare: ``QApplication``, a ``QMainWindow`` with a label, shown; it quits at its first
  paint.
- rootmap: ``python3 -m rootmap`` with ``ROOTMAP_EXIT_AFTER_PAINT=1``: it quits once the
  window is complete (``window.ready``).

The two alternate, so that a busy machine slows both alike; one unmeasured run of each
first writes the bytecode caches (``.pyc``), as an installed app has them. Prints the
medians and their ratio, of the wall clock and of the CPU time each process used (the
CPU time varies less on a shared machine), and the median of each pair's own ratio (a
run of each, one after the other: what the machine's drifting speed changes least);
offscreen (``QT_QPA_PLATFORM``, unless already set).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class QuitAtFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
watcher = QuitAtFirstPaint()
window.installEventFilter(watcher)
window.resize(1400, 900)
window.show()
sys.exit(app.exec())
"""


def _commands() -> dict[str, list[str]]:
    return {
        "bare": [sys.executable, "-c", BARE],
        "rootmap": [sys.executable, "-m", "rootmap"],
    }


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} failed: {error.strip()}")
    return elapsed, usage.ru_utime + usage.ru_stime


def measure(runs: int) -> dict[str, list[tuple[float, float]]]:
    env = {**os.environ, "ROOTMAP_EXIT_AFTER_PAINT": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = _commands()
    for command in commands.values():  # writes the .pyc files; not measured
        _run(command, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_run(command, env))
    return times


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m tools.startup_bench")
    parser.add_argument("--runs", type=int, default=9, help="runs of each (default 9)")
    args = parser.parse_args(argv)
    times = measure(args.runs)
    for label, which in (("wall clock", 0), ("CPU time (user + system)", 1)):
        bare = statistics.median(t[which] for t in times["bare"])
        rootmap = statistics.median(t[which] for t in times["rootmap"])
        paired = statistics.median(
            r[which] / b[which] for b, r in zip(times["bare"], times["rootmap"], strict=True)
        )
        print(
            f"{label}: bare PySide6 window {bare * 1000:.0f} ms, rootmap to ready"
            f" {rootmap * 1000:.0f} ms, ratio {rootmap / bare:.2f}x"
            f" (median of the {args.runs} pairs' own ratios: {paired:.2f}x)"
        )
    print(f"(medians of {args.runs} alternating runs each, bytecode cached)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
