"""The PDF report: ``QTextDocument`` (HTML) printed through ``QPdfWriter``.

The document is laid out page by page and each page drawn with its own clip
(what ``QTextDocument.print_`` does, plus a footer; ``drawContents`` alone would
not paginate). The maps are
rendered at print resolution and embedded as images; the text stays text, so the
PDF is searchable. The file is written atomically: a report that fails half-way
leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from rootmap import palette
from rootmap.analysis import Analysis
from rootmap.documents import Document, write_bytes_atomic
from rootmap.knowledge import Knowledge
from rootmap.reports.html import DISCLAIMER, Figure, report_html

PRINT_DPI = 300
LAYOUT_DPI = 96  # QTextDocument lays out in these "pixels"
MARGINS_MM = QMarginsF(16, 14, 16, 10)
FOOTER_MM = 8.0
# Rows of views on the report: width of each image as a fraction of the text width.
FIGURE_ROWS: tuple[tuple[tuple[str, float], ...], ...] = (
    (("body_front", 0.43), ("body_back", 0.43)),
    (("foot_dorsal", 0.49), ("foot_plantar", 0.49)),
    (("foot_medial", 0.49), ("foot_lateral", 0.49)),
)


def available_views() -> tuple[str, ...]:
    """The views whose map file exists (a report draws every one it can)."""
    from rootmap.maps import VIEW_NAMES
    from rootmap.resources import asset_path

    return tuple(name for name in VIEW_NAMES if asset_path("maps", f"{name}.svg").is_file())


def build_report(
    document: Document,
    analysis: Analysis,
    knowledge: Knowledge,
    text_width_px: float,
    printed: datetime | None = None,
    views: Sequence[str] | None = None,
) -> QTextDocument:
    """The report as a ``QTextDocument`` with its map images, ready to print on any device."""
    shown = set(available_views() if views is None else views)
    text = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9)
    text.setDefaultFont(font)
    rows: list[list[Figure]] = []
    for row in FIGURE_ROWS:
        figures = []
        for name, fraction in row:
            if name not in shown:
                continue
            from rootmap.reports.figures import render_view

            width = int(text_width_px * fraction)
            image = render_view(
                name,
                document.encounter,
                analysis,
                knowledge,
                int(width * PRINT_DPI / LAYOUT_DPI),
                legend=False,  # the report has one legend above all the maps
            ).convertToFormat(QImage.Format.Format_RGB32)
            url = f"rootmap-map://{name}.png"
            text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
            figures.append(Figure(url=url, width=width, caption=""))
        if figures:
            rows.append(figures)
    html = report_html(document, analysis, knowledge, rows, printed)
    from rootmap.reports.changes import with_changes_page

    text.setHtml(with_changes_page(text, html, document, analysis, knowledge, text_width_px))
    return text


def print_report(text: QTextDocument, device: QPagedPaintDevice, footer: str = "") -> None:
    """Paginate the report onto a PDF writer or a printer, with a footer on every page.

    The document is laid out in pages (``setPageSize``), so that no line is cut
    between two pages; each page is then drawn with its own clip, scaled from the
    layout's 96 dpi to the device's resolution.
    """
    dpi = device.logicalDpiX()
    scale = dpi / LAYOUT_DPI
    paint = device.pageLayout().paintRectPixels(dpi)
    footer_px = FOOTER_MM / 25.4 * dpi
    page_w = paint.width() / scale
    page_h = (paint.height() - footer_px) / scale
    text.setPageSize(QSizeF(page_w, page_h))
    pages = text.pageCount()
    painter = QPainter(device)
    # Flate, not JPEG: crisp hatching and a pure white page around the maps.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7)
    for page in range(pages):
        if page:
            device.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.translate(0, -page * page_h)
        clip = QRectF(0, page * page_h, page_w, page_h)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        text.documentLayout().draw(painter, context)
        painter.restore()
        painter.setFont(font)
        painter.setPen(QColor(palette.REPORT_MUTED))
        line = QRectF(0, paint.height() - footer_px * 0.7, paint.width(), footer_px * 0.7)
        painter.drawLine(line.topLeft(), line.topRight())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, footer)
        painter.drawText(
            line,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"page {page + 1} of {pages}",
        )
    painter.end()


def footer_text(document: Document) -> str:
    label = f"{document.patient_label} · " if document.patient_label else ""
    return f"RootMap report · {label}{DISCLAIMER}"


def text_width_for(device: QPagedPaintDevice) -> float:
    """The width of the report's text on this device, in layout pixels."""
    return device.pageLayout().paintRectPoints().width() * LAYOUT_DPI / 72


def pdf_report_bytes(
    document: Document,
    analysis: Analysis,
    knowledge: Knowledge,
    printed: datetime | None = None,
    views: Sequence[str] | None = None,
) -> bytes:
    """The PDF report, A4, as bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(PRINT_DPI)
    writer.setTitle("RootMap report")  # never the patient label: file metadata travels
    writer.setCreator("RootMap")
    text = build_report(document, analysis, knowledge, text_width_for(writer), printed, views)
    print_report(text, writer, footer_text(document))
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(buffer.data().data())


def write_pdf_report(
    path: str | os.PathLike[str],
    document: Document,
    analysis: Analysis,
    knowledge: Knowledge,
    printed: datetime | None = None,
) -> None:
    """Write the PDF report to ``path`` atomically; ``DocumentError`` if it cannot be saved."""
    write_bytes_atomic(path, pdf_report_bytes(document, analysis, knowledge, printed))
