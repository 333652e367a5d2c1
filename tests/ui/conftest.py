"""Fixtures for the desktop app's tests: one real main window per test, offscreen."""

from __future__ import annotations

import pytest

from rootmap.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win
