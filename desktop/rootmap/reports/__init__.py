"""Reports and figures: the PDF report, PNG and SVG snapshots of a map view.

Qt's painting classes only (QPdfWriter, QPainter, QSvgRenderer, QSvgGenerator,
QTextDocument, QImage), never widgets, so that the command line can make them
without a display. Import the submodules: ``rootmap.reports.pdf``,
``rootmap.reports.figures``.
"""
