"""The report's "Changes since DATE" page: two visits compared, on paper.

For every view with a mark at either visit, a row of three figures at the same scale:
the earlier visit's map, the current visit's map, and the change map (new, resolved,
worse, better, same, each with its colour *and* pattern, from ``palette.CHANGES``),
with a legend; then what changed per mark, the examination with both dates, and the
extent of each visit. ``changes_html`` is plain HTML for the report's ``QTextDocument``;
``add_change_figures`` renders the images it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QTextDocument

from rootmap import palette
from rootmap.analysis import Analysis, FindingChange, Observed
from rootmap.documents import Document
from rootmap.encounter import FINDING_KINDS, MRC_SIGNS
from rootmap.engine.extent import extent_of
from rootmap.engine.progression import show_date
from rootmap.follow_up import Comparison, comparison_for, region_changes
from rootmap.knowledge import Knowledge
from rootmap.maps import VIEW_NAMES, MapView, load_view

PRINT_DPI = 300
LAYOUT_DPI = 96
COLUMN = 0.31  # each figure's width, of the text width


def views_with_marks(comparison: Comparison) -> tuple[str, ...]:
    keys = {f.key for f in (*comparison.earlier.findings, *comparison.current.findings)}
    return tuple(name for name in VIEW_NAMES if any(load_view(name).region(key) for key in keys))


def with_changes_page(
    text: QTextDocument,
    html: str,
    document: Document,
    analysis: Analysis,
    knowledge: Knowledge,
    text_width_px: float,
) -> str:
    """``html`` with the changes page before ``</body>`` when the visit has earlier visits
    (its images added to ``text``); ``html`` unchanged otherwise."""
    from rootmap.documents import for_analysis

    html = _insert_before(html, ("<h2>Nerve roots",), excluded_html(analysis))
    comparison = comparison_for(for_analysis(document), analysis, knowledge)
    if comparison is None:
        return html
    add_change_figures(text, comparison, knowledge, text_width_px)
    page = changes_html(comparison, knowledge, text_width_px)
    return _insert_before(html, ("<h2>Notes", "<h2>Sources"), page)


def _insert_before(html: str, anchors: Sequence[str], section: str) -> str:
    """``section`` before the first anchor found, else at the end of the body."""
    if not section:
        return html
    for anchor in anchors:
        if anchor in html:
            head, tail = html.split(anchor, 1)
            return f"{head}{section}{anchor}{tail}"
    head, tail = html.rsplit("</body>", 1) if "</body>" in html else (html, "")
    return f"{head}{section}</body>{tail}"


def excluded_html(analysis: Analysis) -> str:
    """The findings and signs marked "not due to a root": kept in the record, not scored."""
    if not analysis.excluded:
        return ""
    rows = "".join(
        f"<tr><td>{escape(item.item)}</td><td>{escape(item.reason)}</td></tr>"
        for item in analysis.excluded
    )
    return (
        "<h2>Not due to a root (excluded)</h2><p class='muted'>Recorded, but explained by "
        "something else: RootMap leaves them out of the scores.</p>"
        "<table width='100%' cellspacing='0' border='0.5'>"
        f"<tr><th>Finding or sign</th><th>Explained by</th></tr>{rows}</table>"
    )


# --- figures --------------------------------------------------------------------------------


def add_change_figures(
    text: QTextDocument, comparison: Comparison, knowledge: Knowledge, text_width_px: float
) -> None:
    """Render the page's images into ``text`` as resources named by ``changes_html``."""
    from rootmap.reports.figures import render_view

    width = int(text_width_px * COLUMN)
    pixels = int(width * PRINT_DPI / LAYOUT_DPI)
    changed = region_changes(comparison.changes)
    for name in views_with_marks(comparison):
        images = {
            "earlier": render_view(
                name, comparison.earlier, comparison.earlier_analysis, knowledge, pixels, False
            ),
            "current": render_view(
                name, comparison.current, comparison.analysis, knowledge, pixels, False
            ),
            "change": render_change_view(name, changed, pixels),
        }
        for column, image in images.items():
            url = QUrl(f"rootmap-changes://{name}-{column}.png")
            image = image.convertToFormat(QImage.Format.Format_RGB32)
            text.addResource(QTextDocument.ResourceType.ImageResource, url, image)
    legend = render_change_legend(int(text_width_px * PRINT_DPI / LAYOUT_DPI))
    text.addResource(
        QTextDocument.ResourceType.ImageResource,
        QUrl("rootmap-changes://legend.png"),
        legend.convertToFormat(QImage.Format.Format_RGB32),
    )


def render_change_view(view_name: str, changed: dict[str, str], width_px: int) -> QImage:
    """The change map of one view: each region coloured and patterned by its change."""
    from rootmap.reports.figures import figure_size

    view = load_view(view_name)
    image = QImage(figure_size(view, width_px, False), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(palette.REPORT_PAPER))
    painter = QPainter(image)
    paint_change_view(painter, view, changed, float(width_px))
    painter.end()
    return image


def paint_change_view(
    painter: QPainter, view: MapView, changed: dict[str, str], width: float
) -> None:
    from rootmap.reports import figures

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scale = width / view.width
    painter.scale(scale, scale)
    renderer = figures._renderer(str(view.svg_file))
    renderer.render(painter, QRectF(0, 0, view.width, view.height))
    unit = max(view.width, view.height) / 120
    order = {change: i for i, change in enumerate(reversed(palette.CHANGE_PRECEDENCE))}
    for key, change in sorted(changed.items(), key=lambda item: order[item[1]]):
        path = figures._shape_path(view.name, key)
        if not path.isEmpty():
            _paint_change(painter, path, palette.change_style(change), unit)
    figures._repaint_labels(painter, renderer)
    painter.restore()


def _paint_change(
    painter: QPainter, path: QPainterPath, style: palette.ChangeStyle, unit: float
) -> None:
    from rootmap.reports.figures import pattern_within, qcolor

    painter.fillPath(path, qcolor(style.color, style.fill_alpha))
    if style.pattern not in ("solid", "outline"):
        painter.fillPath(pattern_within(path, style.pattern, unit), qcolor(style.color))
    pen = QPen(qcolor(style.color), unit * (0.35 if style.pattern == "outline" else 0.22))
    if style.pattern == "outline":
        pen.setStyle(Qt.PenStyle.DashLine)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.strokePath(path, pen)


def render_change_legend(width_px: int) -> QImage:
    """A key to the change map: one swatch (colour and pattern) per change."""
    from rootmap.reports.figures import qcolor

    height = max(24, int(width_px * 0.045))
    image = QImage(QSize(width_px, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(palette.REPORT_PAPER))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(8, int(height * 0.42)))
    painter.setFont(font)
    box = height * 0.62
    slot = width_px / len(palette.CHANGES)
    for i, style in enumerate(palette.CHANGES.values()):
        x = i * slot + box * 0.4
        swatch = QPainterPath()
        swatch.addRect(QRectF(x, (height - box) / 2, box, box))
        _paint_change(painter, swatch, style, box / 3.5)
        painter.setPen(qcolor(palette.REPORT_FIGURE_INK))
        painter.drawText(
            QRectF(x + box * 1.3, 0, slot - box * 1.8, height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            style.label,
        )
    painter.end()
    return image


def _legend_words() -> str:
    return (
        "; ".join(
            f"{style.label.lower()}: {_pattern_words(style.pattern)}"
            for style in palette.CHANGES.values()
        )
        + ". A region marked with several kinds shows its most pressing change."
    )


def _pattern_words(pattern: str) -> str:
    return {"cross_hatch": "cross-hatch", "outline": "dashed outline"}.get(pattern, pattern)


# --- text ----------------------------------------------------------------------------------


def changes_html(comparison: Comparison, knowledge: Knowledge, text_width_px: float) -> str:
    since = show_date(comparison.changes.since)
    now = show_date(comparison.changes.date)
    width = int(text_width_px * COLUMN)
    rows = []
    for name in views_with_marks(comparison):
        cells = "".join(
            f'<td align="center"><img src="rootmap-changes://{name}-{column}.png" '
            f'width="{width}"/></td>'
            for column in ("earlier", "current", "change")
        )
        rows.append(f"<tr>{cells}</tr>")
    head = (
        f"<tr><th align='center'>{escape(since)}</th><th align='center'>{escape(now)}</th>"
        "<th align='center'>Change</th></tr>"
    )
    figures = (
        f"<table align='center' cellspacing='2'>{head}{''.join(rows)}</table>"
        if rows
        else "<p>No region marked at either visit.</p>"
    )
    return (
        f'<h2 style="page-break-before: always">Changes since {escape(since)}</h2>'
        f"<p class='muted'>This visit ({escape(now)}) compared with the visit of "
        f"{escape(since)}, the most recent before it. Both maps at the same scale; "
        "the third shows what changed in each region.</p>"
        f"{figures}"
        f'<p align="center"><img src="rootmap-changes://legend.png" width="{int(text_width_px)}"/>'
        f"<br/><span class='muted'>{escape(_legend_words())}</span></p>"
        + _finding_table(comparison.changes.findings, knowledge)
        + _exam_table(comparison, knowledge)
        + _extent_table(comparison)
    )


def _finding_table(items: Sequence[FindingChange], knowledge: Knowledge) -> str:
    if not items:
        return ""
    rows = []
    for item in items:
        region = knowledge.regions.get(item.region)
        style = palette.change_style(item.change)
        rows.append(
            f"<tr><td>{escape(region.name if region else item.region)}</td>"
            f"<td>{escape(item.side)}</td><td>{escape(item.kind)}</td>"
            f"<td align='center'>{_intensity(item.earlier)}</td>"
            f"<td align='center'>{_intensity(item.current)}</td>"
            f'<td style="color:{style.color}"><b>{escape(style.label)}</b></td></tr>'
        )
    return (
        "<h3>Marks</h3><table width='100%' cellspacing='0' border='0.5'>"
        "<tr><th>Region</th><th>Side</th><th>Kind</th><th>Before</th><th>Now</th>"
        f"<th>Change</th></tr>{''.join(rows)}</table>"
    )


def _intensity(observed: Observed | None) -> str:
    if observed is None:
        return "—"
    return "marked" if observed.value is None else f"{observed.value}/10"


def _exam_table(comparison: Comparison, knowledge: Knowledge) -> str:
    items = comparison.changes.signs
    if not items:
        return "<h3>Examination</h3><p>No signs recorded at either visit.</p>"
    since = show_date(comparison.changes.since)
    now = show_date(comparison.changes.date)
    order = {name: i for i, name in enumerate(knowledge.signs)}
    rows = []
    for item in sorted(items, key=lambda c: (order.get(c.sign, 999), c.side != "right")):
        rule = knowledge.signs.get(item.sign)
        label = rule.label if rule else item.sign.replace("_", " ")
        worse = item.change == "worse"
        change = {"untested": "not tested now", "new": "tested now only"}.get(
            item.change, item.change
        )
        shown = f"<b>▼ {escape(change)}</b>" if worse else escape(change)
        rows.append(
            f"<tr><td>{escape(label)}</td><td>{escape(item.side)}</td>"
            f"<td align='center'>{_value(item.sign, item.earlier)}</td>"
            f"<td align='center'>{_value(item.sign, item.current)}</td>"
            f"<td>{shown}</td></tr>"
        )
    return (
        "<h3>Examination</h3><table width='100%' cellspacing='0' border='0.5'>"
        f"<tr><th>Sign</th><th>Side</th><th>{escape(since)}</th><th>{escape(now)}</th>"
        f"<th>Change</th></tr>{''.join(rows)}</table>"
    )


def _value(sign: str, observed: Observed | None) -> str:
    if observed is None:
        return "not tested"
    return escape(f"{observed.value}/5" if sign in MRC_SIGNS else str(observed.value))


def _extent_table(comparison: Comparison) -> str:
    visits = (
        (comparison.changes.since, extent_of(comparison.earlier)),
        (comparison.changes.date, comparison.analysis.extent or extent_of(comparison.current)),
    )
    head = "".join(f"<th>{escape(kind.capitalize())}</th>" for kind in FINDING_KINDS)
    rows = "".join(
        f"<tr><td>{escape(show_date(when))}</td><td align='center'><b>{_pct(extent.all)}</b></td>"
        + "".join(f"<td align='center'>{_pct(extent.by_kind[k])}</td>" for k in FINDING_KINDS)
        + "</tr>"
        for when, extent in visits
    )
    return (
        "<h3>Extent</h3><p class='muted'>Share of the drawn body surface marked (front and "
        "back body charts, the soles counted once), in percent.</p>"
        "<table cellspacing='0' border='0.5'>"
        f"<tr><th>Visit</th><th>All</th>{head}</tr>{rows}</table>"
    )


def _pct(value: float) -> str:
    return f"{value:.1f} %"


__all__ = [
    "add_change_figures",
    "changes_html",
    "paint_change_view",
    "render_change_legend",
    "render_change_view",
    "with_changes_page",
]
