"""The first frame's stand-ins: panels that look like the real ones, built with Qt only.

``MainWindow(progressive=True)`` shows these so that its first frame looks like the app
without importing the map code or building the results tree; the main window puts the
real ``MapArea`` and ``ResultsPanel`` in their place right after the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QTabWidget, QVBoxLayout, QWidget

from rootmap.palette import ui_colours
from rootmap.ui.i18n import QT_TRANSLATE_NOOP

# The map tabs' titles, as rootmap.ui.map_area.PAGES has them (a test checks).
MAP_TAB_TITLES = (
    QT_TRANSLATE_NOOP("MapArea", "Body front"),
    QT_TRANSLATE_NOOP("MapArea", "Body back"),
    QT_TRANSLATE_NOOP("MapArea", "Feet"),
)  # shown through QCoreApplication.translate("MapArea", title)
RESULTS_EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "Shell",
    "Mark a region on the map, or record an examination sign, "
    "to see the roots and conditions that explain them.",
)

RESULTS_MIN_WIDTH = 240  # the window_layout.SIDE_MIN: the column gives way to the map
DISCLAIMER = QT_TRANSLATE_NOOP("Shell", "Supports clinical judgement — not a diagnosis")
DISCLAIMER_COLOR = "disclaimer_text"  # roles of rootmap.palette.UiColours
HINT_COLOR = "hint_text"


def empty_map_tabs(parent: QWidget) -> QTabWidget:
    """The map tabs with empty pages."""
    tabs = QTabWidget(parent)
    tabs.setDocumentMode(True)
    for title in MAP_TAB_TITLES:
        tabs.addTab(QWidget(tabs), QCoreApplication.translate("MapArea", title))
    return tabs


def empty_results(parent: QWidget) -> QWidget:
    """The results panel with nothing to show: its hint over an empty list."""
    panel = QWidget(parent)
    panel.setMinimumWidth(RESULTS_MIN_WIDTH)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(results_hint(panel))
    box = QFrame(panel)
    box.setFrameShape(QFrame.Shape.StyledPanel)
    box.setBackgroundRole(QPalette.ColorRole.Base)
    box.setAutoFillBackground(True)
    layout.addWidget(box, 1)
    return panel


def results_hint(parent: QWidget) -> QLabel:
    """The results panel's hint while there is nothing to explain."""
    label = QLabel(QCoreApplication.translate("Shell", RESULTS_EMPTY_TEXT), parent)
    label.setWordWrap(True)
    label.setContentsMargins(8, 8, 8, 8)
    label.setPalette(_text_color(HINT_COLOR))
    return label


def disclaimer_label(parent: QWidget) -> QLabel:
    """The status bar's permanent reminder: bold, dark red."""
    label = QLabel(QCoreApplication.translate("Shell", DISCLAIMER), parent)
    label.setObjectName("disclaimer")
    label.setContentsMargins(8, 0, 8, 0)
    label.setPalette(_text_color(DISCLAIMER_COLOR))
    font = QFont()  # only the weight is set: the size follows the app's font
    font.setBold(True)
    label.setFont(font)
    return label


def _text_color(color: str) -> QPalette:
    """A palette that sets only the text colour (a role of ``UiColours``) (the rest is inherited).

    (Palettes and fonts rather than style sheets: the first style sheet costs the first
    frame ~1-2 ms.)"""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(getattr(ui_colours(), color)))
    return palette
