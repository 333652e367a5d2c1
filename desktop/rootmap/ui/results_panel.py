"""The results panel: ranked roots and candidate conditions, each with its evidence.

A ``QTreeView`` over ``ResultsModel``, a Qt item model of an ``Analysis`` value (the
contract's output), the way napari wraps its Python models for Qt views. "Best fit"
comes first: the best explanations across categories, each line with its category
(``Common peroneal neuropathy · left · peripheral nerve``), then the analysis' close
calls (a near-tie said in words) and the share of the body marked. The grouped detail
follows: roots with a score bar, then conditions by category (spinal, peripheral nerve,
local foot, systemic, central) with levels, side, ICD-10 codes and score. Every detail
row opens on its *why*.

A new analysis updates the model in place: a row whose key (root and side; condition,
levels and side) is still there keeps its item, only its text, score and evidence
change; rows that come or go are inserted or removed. So the view is not rebuilt on
every click, and what the user opened stays open across updates (rows that move keep it
too: the panel remembers the opened keys).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from rootmap import palette
from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.ui.shell import RESULTS_EMPTY_TEXT, RESULTS_MIN_WIDTH, results_hint

if TYPE_CHECKING:  # the panel is built before the first paint; these load after it
    from rootmap.analysis import Analysis, ConditionResult, Evidence, RootResult
    from rootmap.knowledge.model import Region

CATEGORY_TITLES = {
    "spinal": QT_TRANSLATE_NOOP("ResultsPanel", "Spinal"),
    "peripheral_nerve": QT_TRANSLATE_NOOP("ResultsPanel", "Peripheral nerve"),
    "local_foot": QT_TRANSLATE_NOOP("ResultsPanel", "Local foot"),
    "systemic": QT_TRANSLATE_NOOP("ResultsPanel", "Systemic"),
    "central": QT_TRANSLATE_NOOP("ResultsPanel", "Central"),
}
SCORE_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
ROOT_ROLE = Qt.ItemDataRole.UserRole + 3
SPAN_ROLE = Qt.ItemDataRole.UserRole + 4
CONTENT_ROLE = Qt.ItemDataRole.UserRole + 5  # what a row shows, to skip unchanged rows
SCORE_COLUMN = 88  # the score bar and its value: narrow, the names need the room
BEST_FIT_COUNT = 5  # lines of the "Best fit" list
CATEGORY_WORDS = {  # the category on a "Best fit" line
    "root": "nerve root",
    "spinal": "spinal",
    "peripheral_nerve": "peripheral nerve",
    "local_foot": "local foot",
    "systemic": "systemic",
    "central": "central",
}
EMPTY_TEXT = RESULTS_EMPTY_TEXT


class ScoreBarDelegate(QStyledItemDelegate):
    """Draws the score column as a bar with its value."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        score = index.data(SCORE_ROLE)
        if score is None:
            super().paint(painter, option, index)
            return
        cell: QRect = option.rect
        text_width = 34
        bar = QRect(cell.left() + 2, cell.center().y() - 5, cell.width() - text_width - 6, 10)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        colours = palette.ui_colours()
        painter.setBrush(QColor(colours.bar_track))
        painter.drawRoundedRect(bar, 3, 3)
        filled = QRect(bar)
        filled.setWidth(max(2, int(bar.width() * max(0.0, min(1.0, float(score))))))
        painter.setBrush(
            QColor(colours.root_bar if index.data(ROOT_ROLE) else colours.condition_bar)
        )
        painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(QColor(colours.bar_text))
        number = QRect(bar.right() + 4, cell.top(), text_width, cell.height())
        painter.drawText(
            number,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            f"{float(score):.2f}",
        )
        painter.restore()


class WrapDelegate(QStyledItemDelegate):
    """Column 0: rows grow to show their whole text, wrapped to the column's width."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree
        # The style's margin on each side of an item's text (as QCommonStyle lays it out),
        # so that a row is exactly as tall as its wrapped text, never a line taller.
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree)
        self.text_margin = margin + 1

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        text = str(index.data() or "")
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        spanned = index.data(SPAN_ROLE)
        width = self.tree.viewport().width() if spanned else self.tree.columnWidth(0)
        width -= self.tree.indentation() * (depth + 1) + 2 * self.text_margin
        if width < 60 or not text:
            return base
        metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or option.font)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(QRect(0, 0, width, 100000), flags, text).height() + 4
        return QSize(base.width(), max(base.height(), height))


def root_title(result: RootResult) -> str:
    return f"{result.root}  ·  {result.side}"


def condition_title(result: ConditionResult) -> str:
    parts = [result.name]
    if result.levels:
        parts.append(", ".join(result.levels))
    if result.side:
        parts.append(result.side)
    if result.icd10:
        parts.append(" ".join(result.icd10))
    return "  ·  ".join(parts)


@dataclass(frozen=True)
class ResultRow:
    """One root or condition row: what it shows, and its evidence."""

    key: str
    title: str
    score: float
    is_root: bool
    bold: bool
    tooltip: str
    evidence: tuple[tuple[str, str, float], ...]  # (text, tooltip, weight)
    root: tuple[str, str] | None = None


@dataclass(frozen=True)
class NoteRow:
    """A line of words without a score: a close call, the extent marked."""

    key: str
    title: str
    warn: bool = False


def best_fit(analysis: Analysis, count: int = BEST_FIT_COUNT) -> list[ResultRow]:
    """The best explanations across roots and every category, best first."""
    ranked: list[tuple[float, int, ResultRow]] = []
    for rank, r in enumerate(analysis.roots):
        title = f"{r.root}  ·  {r.side}  ·  {CATEGORY_WORDS['root']}"
        row = ResultRow(
            f"best:root:{r.root}:{r.side}", title, r.score, True, False,
            "Click to show this root's dermatome on the map", (), (r.root, r.side),
        )  # fmt: skip
        ranked.append((r.score, rank, row))
    for rank, c in enumerate(analysis.conditions, start=len(analysis.roots)):
        words = CATEGORY_WORDS.get(c.category, c.category.replace("_", " "))
        # (no ICD-10 code: the line stays short; the detail below has it)
        title = "  ·  ".join([c.name, *([", ".join(c.levels)] if c.levels else [])])
        title += f"  ·  {c.side}  ·  {words}" if c.side else f"  ·  {words}"
        row = ResultRow(
            f"best:condition:{c.id}:{'/'.join(c.levels)}:{c.side}", title, c.score, False,
            False, condition_title(c), (),
        )  # fmt: skip
        ranked.append((c.score, rank, row))
    ranked.sort(key=lambda entry: (-entry[0], entry[1]))
    best = [row for _score, _rank, row in ranked[:count]]
    if best:
        best[0] = replace(best[0], bold=True)
    return best


def notes(analysis: Analysis) -> list[NoteRow]:
    """The close calls (a near-tie, in words) and the share of the body marked."""
    shown = []
    for which in ("roots", "conditions"):
        close = analysis.close_call(which)
        if close is not None:
            shown.append(NoteRow(f"note:close:{which}", f"⚠ {close.message}", warn=True))
    extent = getattr(analysis, "extent", None)
    if extent is not None and extent.all > 0:
        kinds = ", ".join(f"{k} {v:.1f} %" for k, v in extent.by_kind.items() if v > 0)
        text = f"Marked: {extent.all:.1f} % of the body" + (f" ({kinds})" if kinds else "")
        shown.append(NoteRow("note:extent", text))
    shown += change_notes(analysis)
    return shown


CHANGE_MARKS = {"worse": "▼ worse", "better": "▲ better", "changed": "◆ changed"}


def change_notes(analysis: Analysis) -> list[NoteRow]:
    """The exam values that changed since the previous visit, named with both dates
    ("▼ worse: great toe extension, left: 4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026")."""
    from rootmap.follow_up import describe_sign_change

    changes = analysis.changes
    if changes is None:
        return []
    return [
        NoteRow(
            f"note:change:{c.sign}:{c.side}",
            f"{CHANGE_MARKS[c.change]}: {describe_sign_change(c)}",
            warn=c.change == "worse",
        )
        for c in changes.signs
        if c.change in CHANGE_MARKS
    ]


def result_groups(
    analysis: Analysis, regions: Mapping[str, Region]
) -> list[tuple[str, str, list[ResultRow | NoteRow]]]:
    """The analysis as (key, title, rows) groups: "Best fit" with its notes, the roots,
    then one per category."""
    from rootmap.analysis import CATEGORIES

    groups: list[tuple[str, str, list[ResultRow | NoteRow]]] = []
    top: list[ResultRow | NoteRow] = [*best_fit(analysis), *notes(analysis)]
    if top:
        groups.append(("best", "Best fit", top))
    if analysis.roots:
        roots: list[ResultRow | NoteRow] = [
            ResultRow(
                f"root:{r.root}:{r.side}",
                root_title(r),
                r.score,
                True,
                rank == 0,
                QCoreApplication.translate(
                    "ResultsPanel", "Click to show this root's dermatome on the map"
                ),
                _evidence(r.evidence, regions),
                (r.root, r.side),
            )
            for rank, r in enumerate(analysis.roots)
        ]
        groups.append(("roots", QCoreApplication.translate("ResultsPanel", "Nerve roots"), roots))
    for category in CATEGORIES:
        results = [c for c in analysis.conditions if c.category == category]
        if results:
            rows: list[ResultRow | NoteRow] = [
                ResultRow(
                    f"condition:{c.id}:{'/'.join(c.levels)}:{c.side}",
                    condition_title(c),
                    c.score,
                    False,
                    False,
                    condition_title(c),
                    _evidence(c.why, regions),
                )
                for c in results
            ]
            title = CATEGORY_TITLES.get(category, category)
            groups.append((category, QCoreApplication.translate("ResultsPanel", title), rows))
    return groups


def _evidence(
    evidence: tuple[Evidence, ...], regions: Mapping[str, Region]
) -> tuple[tuple[str, str, float], ...]:
    from rootmap.wording import plain

    shown = []
    for item in evidence:
        sign = "+" if item.weight > 0 else ("−" if item.weight < 0 else "·")
        text = plain(item.text, regions)
        shown.append(
            (
                f"{sign} {text}",
                QCoreApplication.translate("ResultsPanel", "{0} (weight {1:+.2f})").format(
                    text, item.weight
                ),
                item.weight,
            )
        )
    return tuple(shown)


class ResultsModel(QStandardItemModel):
    """Two columns (text, score) over an ``Analysis``; ``set_analysis`` updates in place."""

    def __init__(self, regions: Mapping[str, Region], parent: QObject | None = None) -> None:
        super().__init__(0, 2, parent)
        self.regions = regions
        # What the last update placed anew (the view spans and opens only these): rows
        # inserted or moved, and rows whose evidence lines were rebuilt.
        self.placed: list[QStandardItem] = []
        self.new_lines: list[QStandardItem] = []
        self.bold = QFont()
        self.bold.setBold(True)

    def set_analysis(self, analysis: Analysis | None) -> None:
        groups = result_groups(analysis, self.regions) if analysis is not None else []
        self.placed, self.new_lines = [], []
        top = self.invisibleRootItem()
        for row, (key, title, rows) in enumerate(groups):
            header = self._row_for(top, row, key)
            self._show_header(header, title)
            for child_row, result in enumerate(rows):
                child = self._row_for(header, child_row, result.key)
                if isinstance(result, NoteRow):
                    self._show_note(child, result)
                else:
                    self._show_result(child, result)
            header.removeRows(len(rows), header.rowCount() - len(rows))
        top.removeRows(len(groups), top.rowCount() - len(groups))

    def _row_for(self, parent: QStandardItem, row: int, key: str) -> QStandardItem:
        """The item with ``key`` at ``row`` of ``parent``: kept, moved up, or new."""
        for index in range(row, parent.rowCount()):
            child = parent.child(index, 0)
            if child is not None and child.data(KEY_ROLE) == key:
                if index != row:  # moved: the view forgets what it had for its subtree
                    parent.insertRow(row, parent.takeRow(index))
                    self._placed_anew(child)
                return child
        item = QStandardItem()
        item.setData(key, KEY_ROLE)
        item.setEditable(False)
        score = QStandardItem()
        score.setEditable(False)
        parent.insertRow(row, [item, score])
        self.placed.append(item)
        return item

    def _placed_anew(self, item: QStandardItem) -> None:
        self.placed.append(item)
        self.new_lines.append(item)
        for row in range(item.rowCount()):
            child = item.child(row, 0)
            if child is not None and child.data(KEY_ROLE) is not None:
                self._placed_anew(child)

    def _show_header(self, item: QStandardItem, title: str) -> None:
        if item.data(CONTENT_ROLE) == title:
            return
        item.setData(title, CONTENT_ROLE)
        item.setText(title)
        item.setFont(self.bold)
        item.setData(True, SPAN_ROLE)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _show_note(self, item: QStandardItem, note: NoteRow) -> None:
        if item.data(CONTENT_ROLE) == note:
            return
        item.setData(note, CONTENT_ROLE)
        item.setText(note.title)
        item.setToolTip(note.title)
        item.setData(True, SPAN_ROLE)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if note.warn:
            item.setForeground(QBrush(QColor(palette.ui_colours().caution_text)))

    def _show_result(self, item: QStandardItem, result: ResultRow) -> None:
        if item.data(CONTENT_ROLE) == result:
            return
        before = item.data(CONTENT_ROLE)
        item.setData(result, CONTENT_ROLE)
        item.setText(result.title)
        item.setToolTip(result.tooltip)
        item.setData(result.root, ROOT_ROLE)
        item.setFont(self.bold if result.bold else QFont())
        parent = item.parent()
        score = parent.child(item.row(), 1) if parent is not None else None
        if score is not None:
            score.setData(result.score, SCORE_ROLE)
            score.setData(result.is_root, ROOT_ROLE)
        if isinstance(before, ResultRow) and before.evidence == result.evidence:
            return
        item.removeRows(0, item.rowCount())
        self.new_lines.append(item)
        for text, tooltip, weight in result.evidence:
            line = QStandardItem(text)
            line.setEditable(False)
            line.setToolTip(tooltip)
            line.setData(True, SPAN_ROLE)
            if weight < 0:
                line.setForeground(QBrush(QColor(palette.ui_colours().caution_text)))
            empty = QStandardItem()
            empty.setEditable(False)
            item.appendRow([line, empty])


class ResultsPanel(QWidget):
    """``set_analysis(analysis)`` shows it; a click on a root row emits ``rootChosen``."""

    rootChosen = Signal(str, str)

    def __init__(
        self, parent: QWidget | None = None, regions: Mapping[str, Region] | None = None
    ) -> None:
        super().__init__(parent)
        self.regions: Mapping[str, Region] = regions or {}  # to name regions in plain words
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumWidth(RESULTS_MIN_WIDTH)
        self.empty_label = results_hint(self)
        layout.addWidget(self.empty_label)
        self.model = ResultsModel(self.regions, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("results")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(False)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegateForColumn(0, WrapDelegate(self.tree))
        self.tree.setItemDelegateForColumn(1, ScoreBarDelegate(self.tree))
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, SCORE_COLUMN)
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.clicked.connect(self._on_clicked)
        layout.addWidget(self.tree, 1)
        self._expanded: set[str] = set()  # the keys of the rows the user opened
        self._applying = False
        self._analysis: Analysis | None = None
        self.tree.expanded.connect(lambda index: self._remember(index, True))
        self.tree.collapsed.connect(lambda index: self._remember(index, False))

    def analysis(self) -> Analysis | None:
        return self._analysis

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._analysis = analysis
        empty = analysis is None or not (analysis.roots or analysis.conditions)
        self.empty_label.setVisible(empty)
        self.model.set_analysis(None if empty else analysis)
        self._show_expansion()

    def _show_expansion(self) -> None:
        """For the rows the update placed anew: headers spanned and open; a row open when
        the user opened it (or the top root, by default); evidence lines spanned. Rows
        kept in place keep what the view has for them."""
        self._applying = True
        model, tree = self.model, self.tree
        for item in model.placed:
            index = item.index()
            if not index.isValid():
                continue
            if not index.parent().isValid():  # a group header
                tree.setFirstColumnSpanned(index.row(), QModelIndex(), True)
                tree.setExpanded(index, True)
                continue
            key = item.data(KEY_ROLE)
            if isinstance(item.data(CONTENT_ROLE), NoteRow):
                tree.setFirstColumnSpanned(index.row(), index.parent(), True)
                continue
            first_root = index.row() == 0 and item.data(ROOT_ROLE) is not None
            first_root = first_root and index.parent().data(KEY_ROLE) == "roots"
            tree.setExpanded(index, key in self._expanded or (first_root and not self._expanded))
        for item in model.new_lines:
            index = item.index()
            for line in range(item.rowCount()):
                tree.setFirstColumnSpanned(line, index, True)
        self._applying = False

    def _remember(self, index: QModelIndex, expanded: bool) -> None:
        key = index.data(KEY_ROLE)
        if self._applying or not key or not index.parent().isValid():
            return
        if expanded:
            self._expanded.add(key)
        else:
            self._expanded.discard(key)

    def _on_clicked(self, index: QModelIndex) -> None:
        root = index.siblingAtColumn(0).data(ROOT_ROLE)
        if root:
            self.rootChosen.emit(root[0], root[1])
