"""A Qt GUI application for painting, headless when there is no display."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def ensure_gui_app() -> QCoreApplication:
    """The running Qt application, or a new ``QGuiApplication`` (offscreen without a display).

    Painting (fonts, ``QImage`` text, ``QSvgRenderer``) needs a GUI application;
    ``rootmap report`` and ``rootmap snapshot`` must also run over SSH and in CI.
    """
    app = QCoreApplication.instance()
    if app is not None:
        return app
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["rootmap"])
