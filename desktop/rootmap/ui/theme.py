"""The window's theme: light or dark, from the system or forced with ``ROOTMAP_THEME``.

``ROOTMAP_THEME=dark`` or ``light`` forces a theme (screenshots, tests, a user's taste);
unset or ``auto``, the app follows the system: dark when the platform's colour scheme is
dark (``QStyleHints.colorScheme()``) or its window palette has light text on a dark
window. A dark or forced theme sets the application's palette from
``rootmap.palette.DARK_UI`` / ``LIGHT_UI``; the system's light theme is left as it is.
Either way ``rootmap.palette.ui_colours()`` then gives the widgets RootMap's own roles.
The maps keep their light paper (``palette.MAP_PAPER``) in both themes.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from rootmap import palette

THEME_VARIABLE = "ROOTMAP_THEME"
CHOICES = ("auto", "light", "dark")
_ROLES = {
    QPalette.ColorRole.Window: "window",
    QPalette.ColorRole.WindowText: "window_text",
    QPalette.ColorRole.Base: "base",
    QPalette.ColorRole.AlternateBase: "alternate_base",
    QPalette.ColorRole.Text: "text",
    QPalette.ColorRole.Button: "button",
    QPalette.ColorRole.ButtonText: "button_text",
    QPalette.ColorRole.Highlight: "highlight",
    QPalette.ColorRole.HighlightedText: "highlighted_text",
    QPalette.ColorRole.ToolTipBase: "tooltip_base",
    QPalette.ColorRole.ToolTipText: "tooltip_text",
    QPalette.ColorRole.PlaceholderText: "placeholder_text",
    QPalette.ColorRole.Link: "link",
    QPalette.ColorRole.BrightText: "highlighted_text",
    QPalette.ColorRole.Mid: "mid",
}
_DISABLED = (
    QPalette.ColorRole.WindowText,
    QPalette.ColorRole.Text,
    QPalette.ColorRole.ButtonText,
)


def system_is_dark(app: QGuiApplication) -> bool:
    """Whether the platform asks for a dark theme."""
    if app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return True
    system = app.palette()
    window = system.color(QPalette.ColorRole.Window).lightness()
    return window < system.color(QPalette.ColorRole.WindowText).lightness()


def requested_theme(environ: Mapping[str, str]) -> str:
    """``ROOTMAP_THEME`` as one of ``CHOICES`` (``ValueError`` for anything else)."""
    value = environ.get(THEME_VARIABLE, "").strip().lower() or "auto"
    if value not in CHOICES:
        raise ValueError(
            f"{THEME_VARIABLE}={environ.get(THEME_VARIABLE)!r} is not one of {', '.join(CHOICES)}"
        )
    return value


def qt_palette(colours: palette.UiColours) -> QPalette:
    """A complete Qt palette from one set of window colours."""
    result = QPalette()
    for role, name in _ROLES.items():
        result.setColor(role, QColor(getattr(colours, name)))
    for role in _DISABLED:
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours.disabled_text))
    return result


def apply_theme(app: QGuiApplication, requested: str = "auto") -> str:
    """Choose and apply the theme; returns ``"light"`` or ``"dark"``."""
    name = requested if requested != "auto" else ("dark" if system_is_dark(app) else "light")
    colours = palette.set_ui_theme(name)
    if requested != "auto" or name == "dark":
        from PySide6.QtWidgets import QApplication

        if isinstance(app, QApplication) and app.style().name().lower().startswith("windows"):
            app.setStyle("Fusion")  # the Windows styles ignore an application palette
        app.setPalette(qt_palette(colours))
    return name
