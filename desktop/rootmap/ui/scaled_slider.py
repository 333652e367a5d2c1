"""A slider drawn larger: the presentation mode's intensity slider on a projector.

Its own module, imported only when presentation mode first scales the toolbar: a
``QProxyStyle`` needs the Python ``QStyle`` type, whose enums take about 4 ms to build.
"""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

_SLIDER_METRICS = (
    QStyle.PixelMetric.PM_SliderThickness,
    QStyle.PixelMetric.PM_SliderControlThickness,
    QStyle.PixelMetric.PM_SliderLength,
    QStyle.PixelMetric.PM_SliderTickmarkOffset,
)


class ScaledSliderStyle(QProxyStyle):
    """The application's style, with a slider's groove, handle and ticks ``scale`` times."""

    def __init__(self, scale: float) -> None:
        super().__init__()  # a proxy of the application's style
        self.scale = scale

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        return round(value * self.scale) if metric in _SLIDER_METRICS else value
