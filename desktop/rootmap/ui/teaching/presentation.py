"""Presentation mode: full screen, large type, thick lines, for the back of a lecture hall.

Sizes follow the screen: type is 2.2 % of the screen's height (24 px at 1080 lines,
48 px at 4K without scaling; Qt's device-pixel ratio takes care of scaled 4K screens),
and outlines thicken by the same factor. The toolbars' icons, the finding palette's
icons and intensity slider grow with the type (the type size over the usual one). The
exam forms and the results column are hidden to give the maps and the teaching panel
the room; everything comes back on leaving (F11 or Esc). The maps' side letters and
"patient's right/left" captions are drawn at no less than the type size
(``MapGraphicsView.drawn_labels``), so they grow with it too.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar, QWidget

BASE_LINES = 1080
BASE_PIXEL_SIZE = 24  # type size at 1080 lines


def screen_scale(window: QWidget) -> float:
    """1.0 at 1920x1080, 2.0 at 3840x2160 (logical pixels), never below 1."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    height = screen.geometry().height() if screen is not None else BASE_LINES
    return max(1.0, height / BASE_LINES)


class Presenter:
    """Enters and leaves presentation mode for one main window."""

    def __init__(self, window: QMainWindow, on_scale=None) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.on_scale = on_scale  # called with the line scale (1 when leaving)
        self.active = False
        self.line_scale = 1.0  # outline (and label) scale: 2 at 1080 lines, 4 at 4K
        self._font: QFont | None = None
        self._hidden: list[QWidget] = []
        self._was_maximized = False
        self._geometry = QRect()
        self._styles: dict[QWidget, str] = {}
        self._icon_sizes: dict[QToolBar, QSize] = {}
        self.type_scale = 1.0  # presentation type size over the usual one

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        if self.active:
            return
        self.active = True
        self._was_maximized = self.window.isMaximized()
        self._geometry = self.window.geometry()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._font = QFont(app.font())
        scale = screen_scale(self.window)
        font = QFont(app.font())
        pixels = round(BASE_PIXEL_SIZE * scale)
        self.type_scale = max(1.0, pixels / max(1, QFontInfo(self._font).pixelSize()))
        font.setPixelSize(pixels)
        app.setFont(font)
        self._scale_toolbars(self.type_scale)
        # Widgets with a style sheet (map captions, the disclaimer) keep their font through
        # an application font change: a rule on their containers reaches them too.
        self._styles = {w: w.styleSheet() for w in self._styled_containers()}
        for widget, style in self._styles.items():
            widget.setStyleSheet(f"{style}\n* {{ font-size: {pixels}px; }}")
        self._hidden = [w for w in self._widgets_to_hide() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        screen = self.window.screen()
        if screen is not None:  # without a window manager, full screen alone does not resize
            self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()
        self.line_scale = 2.0 * scale
        if self.on_scale is not None:
            self.on_scale(self.line_scale)

    def leave(self) -> None:
        if not self.active:
            return
        self.active = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if self._font is not None:
            app.setFont(self._font)
        for widget, style in self._styles.items():
            widget.setStyleSheet(style)
        self._styles = {}
        self._scale_toolbars(1.0)
        self.type_scale = 1.0
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self._was_maximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()
            self.window.setGeometry(self._geometry)
        self.line_scale = 1.0
        if self.on_scale is not None:
            self.on_scale(1.0)

    def _scale_toolbars(self, scale: float) -> None:
        """Toolbar icons (and the finding palette's slider) ``scale`` times; 1 restores them."""
        if scale != 1.0:
            self._icon_sizes = {bar: bar.iconSize() for bar in self.window.findChildren(QToolBar)}
        for bar, size in self._icon_sizes.items():
            bar.setIconSize(size * scale if scale != 1.0 else size)
        if scale == 1.0:
            self._icon_sizes = {}
        palette = getattr(self.window, "finding_palette", None)
        if palette is not None and hasattr(palette, "set_scale"):
            palette.set_scale(scale)

    def _styled_containers(self) -> list[QWidget]:
        central = self.window.centralWidget()
        found = [central, self.window.statusBar(), *self.window.findChildren(QToolBar)]
        return [w for w in found if isinstance(w, QWidget)]

    def _widgets_to_hide(self) -> list[QWidget]:
        """The exam forms and the results column: the maps and the teaching panel need the room."""
        found = [getattr(self.window, name, None) for name in ("forms", "right")]
        return [w for w in found if isinstance(w, QWidget)]
