"""Shared test set-up: Qt runs offscreen unless a developer asks to watch."""

import os

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The machine is small and shared: no per-example deadline, and Qt fixtures are fine to reuse.
settings.register_profile(
    "rootmap",
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("rootmap")


@pytest.fixture(scope="session", autouse=True)
def _one_widgets_application(qapp):
    """One QApplication for the whole session, made first.

    Headless code (check-assets, reports) creates a QGuiApplication when none exists; if
    that happened first, a later widget test would abort the interpreter.
    """
    return qapp


@pytest.fixture
def window(qtbot):
    """A real main window, shown (offscreen) at 1400 x 900: what a clinician starts from."""
    from rootmap.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def isolated_settings():
    """QSettings and the app's data folders in Qt's test locations, never the user's."""
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    yield
    QStandardPaths.setTestModeEnabled(False)
