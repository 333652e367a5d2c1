"""The finding palette: which mark a click puts on the map, and how intense it is.

Tools: the four finding kinds of the contract (pain, numbness, tingling, burning),
each shown with its colour AND pattern, and an eraser. Intensity 0-10 on a slider.
Keys (installed by the main window as actions): 1-4 kinds, E eraser, [ and ] intensity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from rootmap import palette
from rootmap.ui.brushes import swatch
from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.ui.icons import ICON_PX, eraser_icon

if TYPE_CHECKING:
    from rootmap.ui.scaled_slider import ScaledSliderStyle

ERASER = "eraser"
# The contract's finding kinds, in its order (palette.MARKS has one style per kind; a test
# checks they match encounter.FINDING_KINDS): the toolbar is built before the first paint,
# without loading the encounter model.
TOOLS = (*palette.MARKS, ERASER)
DEFAULT_INTENSITY = 5
# The kinds' names and patterns as rootmap.palette has them (no Qt), marked for translation.
TRANSLATED_NAMES = (
    QT_TRANSLATE_NOOP("FindingPalette", "Pain"),
    QT_TRANSLATE_NOOP("FindingPalette", "Numbness"),
    QT_TRANSLATE_NOOP("FindingPalette", "Tingling"),
    QT_TRANSLATE_NOOP("FindingPalette", "Burning"),
    QT_TRANSLATE_NOOP("FindingPalette", "solid"),
    QT_TRANSLATE_NOOP("FindingPalette", "cross hatch"),
    QT_TRANSLATE_NOOP("FindingPalette", "dots"),
    QT_TRANSLATE_NOOP("FindingPalette", "diagonal"),
)
SLIDER_WIDTH, VALUE_WIDTH = 130, 44  # at scale 1


class FindingPalette(QWidget):
    """Tool buttons + intensity slider. ``tool()`` is a finding kind or ``"eraser"``."""

    toolChanged = Signal(str)
    intensityChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        for number, tool in enumerate(TOOLS, start=1):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIconSize(QSize(ICON_PX, ICON_PX))
            if tool == ERASER:
                button.setIcon(eraser_icon())
                button.setText(self.tr("Eraser"))
                button.setToolTip(self.tr("Eraser: click a region to clear every mark on it (E)"))
            else:
                style = palette.mark_style(tool)
                button.setIcon(QIcon(swatch(tool, ICON_PX)))
                button.setText(self.tr(style.label))
                button.setToolTip(
                    self.tr("{0}: {1} mark ({2})").format(
                        self.tr(style.label), self.tr(style.pattern.replace("_", " ")), number
                    )
                )
            button.setObjectName(f"tool_{tool}")
            self._group.addButton(button)
            self.buttons[tool] = button
            layout.addWidget(button)
        self.buttons[TOOLS[0]].setChecked(True)
        self._group.buttonToggled.connect(self._on_toggled)

        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Intensity"), self))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 10)
        self.slider.setValue(DEFAULT_INTENSITY)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setFixedWidth(SLIDER_WIDTH)
        self.slider.setToolTip(self.tr("Intensity of the next mark, 0-10 ([ and ])"))
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.value_label = QLabel(self)
        self.value_label.setMinimumWidth(VALUE_WIDTH)
        layout.addWidget(self.slider)
        layout.addWidget(self.value_label)
        layout.addStretch(1)
        self.slider.valueChanged.connect(self._on_intensity)
        self._on_intensity(self.slider.value())
        self._scale = 1.0
        self._slider_style: ScaledSliderStyle | None = None

    def scale(self) -> float:
        return self._scale

    def set_scale(self, scale: float) -> None:
        """Icons, slider and spacing ``scale`` times their size (presentation mode); 1 restores.

        The button text follows the application's font by itself."""
        if scale == self._scale:
            return
        self._scale = scale
        icon = round(ICON_PX * scale)
        for tool, button in self.buttons.items():
            # Drawn again at the new size: an icon made from a pixmap never grows.
            button.setIcon(eraser_icon(icon) if tool == ERASER else QIcon(swatch(tool, icon)))
            button.setIconSize(QSize(icon, icon))
        self.slider.setFixedWidth(round(SLIDER_WIDTH * scale))
        self.value_label.setMinimumWidth(round(VALUE_WIDTH * scale))
        old = self._slider_style
        if scale != 1.0:
            from rootmap.ui.scaled_slider import ScaledSliderStyle

            self._slider_style = ScaledSliderStyle(scale)
        else:
            self._slider_style = None
        self.slider.setStyle(self._slider_style)  # type: ignore[arg-type]
        if old is not None:
            old.deleteLater()
        self.updateGeometry()

    def tool(self) -> str:
        for tool, button in self.buttons.items():
            if button.isChecked():
                return tool
        return TOOLS[0]

    def set_tool(self, tool: str) -> None:
        self.buttons[tool].setChecked(True)

    def intensity(self) -> int:
        return self.slider.value()

    def set_intensity(self, value: int) -> None:
        self.slider.setValue(max(0, min(10, value)))

    def step_intensity(self, delta: int) -> None:
        self.set_intensity(self.intensity() + delta)

    def _on_toggled(self, button: QToolButton, checked: bool) -> None:
        if checked:
            self.toolChanged.emit(self.tool())

    def _on_intensity(self, value: int) -> None:
        self.value_label.setText(f"{value}/10")
        self.intensityChanged.emit(value)
