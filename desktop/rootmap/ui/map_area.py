"""The map area: the six anatomical views on three tabs, each built when first shown
(the first one just after the window's first paint, so that start-up stays quick).

Tabs: "Body front", "Body back", and "Feet" (all four foot views at once, so a foot
exam needs no switching: dorsal and plantar side by side, then the medial and lateral
views each across the full width, as each shows two feet end to end). The top row gets
the height its maps need to fill their width (at most half the page); the rows below
share the rest. On a wide page, where stacking would not draw the full-width maps
clearly larger than a 2x2 grid, the four maps are laid out 2x2.

Ctrl+1/2/3 switch tabs (the main window's View menu); inside the map area
Ctrl+PageDown/PageUp and Ctrl+Tab/Ctrl+Shift+Tab go to the next/previous tab and put
the keyboard in its first map. A map's keyboard "current region" is announced in the
window's status bar (``show_message``).

The area keeps the styling state (marks, highlight) and applies it to each view as it
is built and, on every change, to the items that changed only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import cast

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rootmap import palette
from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.ui.map_view import HIGHLIGHT_NONE, MapGraphicsView, Mark, RegionItem

PAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("MapArea", "Body front"), ("body_front",)),
    (QT_TRANSLATE_NOOP("MapArea", "Body back"), ("body_back",)),
    (
        QT_TRANSLATE_NOOP("MapArea", "Feet"),
        ("foot_dorsal", "foot_plantar", "foot_medial", "foot_lateral"),
    ),
)
COLUMNS = 2
# (row, column, column span) of each map in its page's grid; one map alone fills its page.
CELLS: dict[str, tuple[int, int, int]] = {
    "foot_dorsal": (0, 0, 1),
    "foot_plantar": (0, 1, 1),
    "foot_medial": (1, 0, 2),
    "foot_lateral": (2, 0, 2),
}
CAPTION_HEIGHT = 24  # a map's caption above it, roughly
STACKED_GAIN = 1.15  # the full-width maps stacked only when that draws them this much larger


class MapArea(QTabWidget):
    regionClicked = Signal(str, str)  # key, "left" (mark) or "right" (clear)
    regionHovered = Signal(str)
    regionMenuRequested = Signal(str, QPoint)  # key, global position (a region's menu)
    viewBuilt = Signal(object)  # MapGraphicsView: a map page was built

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_area")
        self.setDocumentMode(True)
        self._views: dict[str, MapGraphicsView] = {}
        self._built: set[int] = set()
        self._marks: dict[str, tuple[Mark, ...]] = {}
        self._highlight: dict[str, int] = {}
        self._row_needs: dict[QWidget, dict[int, float]] = {}  # page -> row -> height/width
        self._two_by_two: dict[QWidget, bool] = {}  # page -> its maps laid out 2x2 (wide)
        self.tooltip_text: Callable[[RegionItem], str] = lambda item: item.key
        for title, _names in PAGES:
            page = QWidget(self)
            QGridLayout(page).setContentsMargins(2, 2, 2, 2)
            self.addTab(page, self.tr(title))
        for index, (title, _names) in enumerate(PAGES):
            self.setTabToolTip(index, self.tr("{0} (Ctrl+{1})").format(self.tr(title), index + 1))
        self.currentChanged.connect(self._build_page)
        self._painted = False
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1), ("Ctrl+Tab", 1)):
            self._add_shortcut(keys, step)
        self._add_shortcut("Ctrl+Shift+Tab", -1)
        self._add_shortcut("Ctrl+Shift+Backtab", -1)

    def _add_shortcut(self, keys: str, step: int) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.step_page(step))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            # Start-up: the window paints first, the current map is built right after.
            self._painted = True
            QTimer.singleShot(0, lambda: self._build_page(self.currentIndex()))

    # --- views ----------------------------------------------------------------------
    def views(self) -> dict[str, MapGraphicsView]:
        """The views built so far, by name."""
        return dict(self._views)

    def view(self, name: str) -> MapGraphicsView | None:
        """A view by name, building its page if needed (None if its map is unavailable)."""
        for index, (_title, names) in enumerate(PAGES):
            if name in names:
                self._build_page(index)
        return self._views.get(name)

    def show_view(self, name: str) -> MapGraphicsView | None:
        for index, (_title, names) in enumerate(PAGES):
            if name in names:
                self.setCurrentIndex(index)
        return self.view(name)

    def current_views(self) -> list[MapGraphicsView]:
        names = PAGES[self.currentIndex()][1] if self.currentIndex() >= 0 else ()
        return [self._views[n] for n in names if n in self._views]

    def step_page(self, step: int) -> None:
        """The next (+1) or previous (-1) tab, the keyboard in its first map."""
        self.setCurrentIndex((self.currentIndex() + step) % self.count())
        views = self.current_views()
        if views:
            views[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def zoom_by(self, factor: float) -> None:
        for view in self.current_views():
            view.zoom_by(factor)

    def fit(self) -> None:
        for view in self.current_views():
            view.fit()

    def _build_page(self, index: int) -> None:
        if index < 0 or index in self._built:
            return
        self._built.add(index)
        page = self.widget(index)
        assert page is not None
        grid = page.layout()
        assert isinstance(grid, QGridLayout)
        names = PAGES[index][1]
        needs: dict[int, float] = {}
        for name in names:
            row, column, span = CELLS.get(name, (0, 0, COLUMNS))
            grid.addWidget(self._build_cell(name, page), row, column, 1, span)
            view = self._views.get(name)
            if view is not None:  # the height this map needs at its cell's width
                content = view.content_rect()
                need = content.height() / max(content.width(), 1.0) * span / COLUMNS
                needs[row] = max(needs.get(row, 0.0), need)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        if len(needs) > 1:
            self._row_needs[page] = needs
            page.installEventFilter(self)
            self._share_rows(page)
        # Tab goes from the tab bar into this page's maps, in reading order.
        previous: QWidget = self.tabBar()
        for name in names:
            view = self._views.get(name)
            if view is not None:
                QWidget.setTabOrder(previous, view)
                previous = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self._share_rows(watched)
        return super().eventFilter(watched, event)

    def _share_rows(self, page: QWidget) -> None:
        """Row heights: the top row what its maps need to fill their width (at most half
        the page), the rows below the rest in proportion to their needs."""
        needs = self._row_needs.get(page)
        grid = page.layout()
        if not needs or not isinstance(grid, QGridLayout):
            return
        width, height = page.width(), page.height() - CAPTION_HEIGHT * len(needs)
        full = {row: need * width for row, need in needs.items()}
        want = dict(full)
        top = min(want)
        if sum(want.values()) > height > 0:
            first = min(want[top], height / 2)
            below = sum(v for row, v in want.items() if row != top) or 1.0
            want = {
                row: first if row == top else (height - first) * v / below
                for row, v in want.items()
            }
        if len(needs) > 2:  # a wide page: the full-width maps side by side (2x2) if larger
            half = (page.height() - 2 * CAPTION_HEIGHT) / 2
            stacked_wins = all(
                min(want[row], v) >= STACKED_GAIN * min(v / 2, half)
                for row, v in full.items()
                if row != top
            )
            self._regrid(page, grid, not stacked_wins)
            if self._two_by_two.get(page):
                for row in needs:
                    grid.setRowStretch(row, 1 if row <= top + 1 else 0)
                return
        for row, view_height in want.items():  # a row is its maps and their captions
            grid.setRowStretch(row, max(1, round(view_height + CAPTION_HEIGHT)))

    def is_two_by_two(self, page: QWidget) -> bool:
        """Whether the page's maps are laid out 2x2 (a wide page) rather than stacked."""
        return self._two_by_two.get(page, False)

    def _regrid(self, page: QWidget, grid: QGridLayout, two_by_two: bool) -> None:
        """Lay the page's maps out as CELLS has them, or in a 2x2 grid."""
        if self._two_by_two.get(page, False) == two_by_two:
            return
        self._two_by_two[page] = two_by_two
        placed: list[tuple[QWidget, int, int, int]] = []  # widget, row, column, span
        for i in range(grid.count()):
            item = grid.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                position = cast(tuple[int, int, int, int], grid.getItemPosition(i))
                placed.append((widget, position[0], position[1], position[3]))
        for widget, *_ in placed:
            grid.removeWidget(widget)
        placed.sort(key=lambda entry: (entry[1], entry[2]))
        for index, (widget, row, column, span) in enumerate(placed):
            if two_by_two:
                grid.addWidget(widget, index // COLUMNS, index % COLUMNS, 1, 1)
            else:
                grid.addWidget(widget, row if span == 1 else index - 1, column, 1, span)

    def _build_cell(self, name: str, parent: QWidget) -> QWidget:
        cell = QWidget(parent)
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        try:
            from rootmap.maps import load_view

            geometry = load_view(name)
            view = MapGraphicsView(geometry, cell)
        except Exception as error:  # a missing or broken map must not stop the exam
            message = QLabel(
                self.tr("The map “{0}” could not be loaded:\n{1}").format(name, error), cell
            )
            message.setWordWrap(True)
            message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            message.setStyleSheet(f"color: {palette.ui_colours().error_text};")
            layout.addWidget(message)
            return cell
        caption = QLabel(geometry.title, cell)
        caption.setStyleSheet(
            f"color: {palette.ui_colours().caption_text}; font-weight: bold; padding: 2px 6px;"
        )
        caption.setToolTip("\n".join(view.title_lines) or geometry.title)
        # The grid's columns share the width equally, however long the captions are.
        caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(caption)
        layout.addWidget(view, 1)
        view.tooltip_text = lambda item: self.tooltip_text(item)
        view.regionClicked.connect(self.regionClicked)
        view.regionHovered.connect(self.regionHovered)
        view.regionMenuRequested.connect(self.regionMenuRequested)
        view.currentRegionChanged.connect(lambda key, v=view: self._announce(v, key))
        self._views[name] = view
        for key, item in view.items_by_key.items():
            item.set_marks(self._marks.get(key, ()))
            item.set_highlight(self._highlight.get(key, HIGHLIGHT_NONE))
        self.viewBuilt.emit(view)
        return cell

    def _announce(self, view: MapGraphicsView, key: str) -> None:
        item = view.item(key)
        show_message = getattr(self.window(), "show_message", None)
        if item is not None and callable(show_message):
            show_message(view.description(item).replace("\n", " — "), 10000)

    # --- styling --------------------------------------------------------------------
    def set_marks(self, marks: Mapping[str, tuple[Mark, ...]]) -> None:
        """Show these marks (key -> marks); only the regions that changed are restyled."""
        changed = {k for k in set(marks) | set(self._marks) if marks.get(k) != self._marks.get(k)}
        self._marks = dict(marks)
        for view in self._views.values():
            for key in changed:
                item = view.items_by_key.get(key)
                if item is not None:
                    item.set_marks(self._marks.get(key, ()))

    def set_highlight(self, levels: Mapping[str, int]) -> None:
        """Highlight regions (key -> HIGHLIGHT_PRIMARY/OVERLAP); others lose their highlight."""
        keys = set(levels) | set(self._highlight)
        changed = {k for k in keys if levels.get(k) != self._highlight.get(k)}
        self._highlight = dict(levels)
        for view in self._views.values():
            for key in changed:
                item = view.items_by_key.get(key)
                if item is not None:
                    item.set_highlight(self._highlight.get(key, HIGHLIGHT_NONE))

    def marks(self) -> dict[str, tuple[Mark, ...]]:
        return dict(self._marks)

    def highlight(self) -> dict[str, int]:
        return dict(self._highlight)
