"""The results panel: ranked roots and candidate conditions, each with its evidence.

Built from an ``Analysis`` value (the contract's output). Roots come first, with a
score bar; conditions follow, grouped by category (spinal, peripheral nerve, local
foot, systemic, central) with levels, side, ICD-10 codes and score. Every row opens
on its *why*. What the user opened stays open across updates.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rootmap import palette
from rootmap.ui.shell import RESULTS_EMPTY_TEXT, RESULTS_MIN_WIDTH, results_hint

if TYPE_CHECKING:  # the panel is built before the first paint; these load after it
    from rootmap.analysis import Analysis, ConditionResult, Evidence, RootResult
    from rootmap.knowledge.model import Region

CATEGORY_TITLES = {
    "spinal": "Spinal",
    "peripheral_nerve": "Peripheral nerve",
    "local_foot": "Local foot",
    "systemic": "Systemic",
    "central": "Central",
}
SCORE_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
ROOT_ROLE = Qt.ItemDataRole.UserRole + 3
SPAN_ROLE = Qt.ItemDataRole.UserRole + 4
EMPTY_TEXT = RESULTS_EMPTY_TEXT
ROOT_BAR = QColor(palette.HIGHLIGHT_COLOR)
CONDITION_BAR = QColor("#5A7FA8")


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
        painter.setBrush(QColor("#E3E3E3"))
        painter.drawRoundedRect(bar, 3, 3)
        filled = QRect(bar)
        filled.setWidth(max(2, int(bar.width() * max(0.0, min(1.0, float(score))))))
        painter.setBrush(ROOT_BAR if index.data(ROOT_ROLE) else CONDITION_BAR)
        painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(QColor("#222222"))
        number = QRect(bar.right() + 4, cell.top(), text_width, cell.height())
        painter.drawText(
            number,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            f"{float(score):.2f}",
        )
        painter.restore()


class WrapDelegate(QStyledItemDelegate):
    """Column 0: rows grow to show their whole text, wrapped to the column's width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

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
        width -= self.tree.indentation() * (depth + 1) + 12
        if width < 60 or not text:
            return base
        metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or option.font)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = metrics.boundingRect(QRect(0, 0, width, 100000), flags, text).height() + 4
        return QSize(base.width(), max(base.height(), height))


def _evidence_item(evidence: Evidence, regions: Mapping[str, Region]) -> QTreeWidgetItem:
    from rootmap.wording import plain

    sign = "+" if evidence.weight > 0 else ("−" if evidence.weight < 0 else "·")
    text = plain(evidence.text, regions)
    item = QTreeWidgetItem([f"{sign} {text}", ""])
    item.setToolTip(0, f"{text} (weight {evidence.weight:+.2f})")
    item.setData(0, SPAN_ROLE, True)
    if evidence.weight < 0:
        item.setForeground(0, QBrush(QColor("#8A5A00")))
    return item


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
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("results")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(False)
        self.tree.setItemDelegateForColumn(0, WrapDelegate(self.tree))
        self.tree.setItemDelegateForColumn(1, ScoreBarDelegate(self.tree))
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 110)
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.itemClicked.connect(self._on_clicked)
        layout.addWidget(self.tree, 1)
        self._expanded: set[str] = set()
        self._analysis: Analysis | None = None
        self.tree.itemExpanded.connect(lambda item: self._remember(item, True))
        self.tree.itemCollapsed.connect(lambda item: self._remember(item, False))

    def analysis(self) -> Analysis | None:
        return self._analysis

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._analysis = analysis
        empty = analysis is None or not (analysis.roots or analysis.conditions)
        self.empty_label.setVisible(empty)
        self.tree.setUpdatesEnabled(False)
        self.tree.blockSignals(True)
        self.tree.clear()
        if analysis is not None and not empty:
            self._fill(analysis)
        self.tree.blockSignals(False)
        self.tree.setUpdatesEnabled(True)

    def _header(self, text: str, key: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, ""])
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, KEY_ROLE, key)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)
        item.setExpanded(True)
        return item

    def _fill(self, analysis: Analysis) -> None:
        if analysis.roots:
            roots = self._header("Nerve roots", "roots")
            for rank, result in enumerate(analysis.roots):
                item = QTreeWidgetItem([root_title(result), ""])
                item.setData(1, SCORE_ROLE, result.score)
                item.setData(1, ROOT_ROLE, True)
                item.setData(0, ROOT_ROLE, (result.root, result.side))
                key = f"root:{result.root}:{result.side}"
                item.setData(0, KEY_ROLE, key)
                item.setToolTip(0, "Click to show this root's dermatome on the map")
                if rank == 0:
                    font = QFont(self.font())
                    font.setBold(True)
                    item.setFont(0, font)
                roots.addChild(item)
                self._add_evidence(item, result.evidence)
                item.setExpanded(key in self._expanded or (rank == 0 and not self._expanded))
        from rootmap.analysis import CATEGORIES

        for category in CATEGORIES:
            results = [c for c in analysis.conditions if c.category == category]
            if not results:
                continue
            group = self._header(CATEGORY_TITLES.get(category, category), category)
            for condition in results:
                item = QTreeWidgetItem([condition_title(condition), ""])
                item.setData(1, SCORE_ROLE, condition.score)
                key = f"condition:{condition.id}:{'/'.join(condition.levels)}:{condition.side}"
                item.setData(0, KEY_ROLE, key)
                item.setToolTip(0, condition_title(condition))
                group.addChild(item)
                self._add_evidence(item, condition.why)
                item.setExpanded(key in self._expanded)

    def _add_evidence(self, item: QTreeWidgetItem, evidence: tuple[Evidence, ...]) -> None:
        children = [_evidence_item(e, self.regions) for e in evidence]
        item.addChildren(children)
        for child in children:
            child.setFirstColumnSpanned(True)

    def _remember(self, item: QTreeWidgetItem, expanded: bool) -> None:
        key = item.data(0, KEY_ROLE)
        if not key or item.parent() is None:
            return
        if expanded:
            self._expanded.add(key)
        else:
            self._expanded.discard(key)

    def _on_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        root = item.data(0, ROOT_ROLE)
        if root:
            self.rootChosen.emit(root[0], root[1])
