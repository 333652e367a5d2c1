"""Each row of the results is as tall as its wrapped text: no row a line too tall, none
cut, at the narrow results column of a 1280 x 720 screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics

from rootmap.documents import read_document

EXAMPLE = Path(__file__).parents[2] / "examples" / "classic_l5.json"


def test_rows_are_as_tall_as_their_wrapped_text(window, qtbot):
    window.resize(1280, 720)
    knowledge = window.knowledge
    document = read_document(EXAMPLE, knowledge.regions, knowledge.atlases, [])
    window.file_actions.adopt(document, str(EXAMPLE), None)
    tree = window.results_panel.tree
    tree.expandAll()
    model = tree.model()
    margin = tree.itemDelegateForColumn(0).text_margin
    qtbot.waitUntil(lambda: tree.visualRect(model.index(0, 0)).height() > 0)

    def rows(parent: QModelIndex):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            yield index
            yield from rows(index)

    checked = 0
    for index in rows(QModelIndex()):
        rect = tree.visualRect(index)
        text = str(index.data() or "")
        if not text or rect.width() < 60:
            continue
        metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or tree.font())
        wrapped = metrics.boundingRect(
            QRect(0, 0, rect.width() - 2 * margin, 100000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        assert rect.height() >= wrapped, f"cut: {text!r}"
        assert rect.height() < wrapped + metrics.height(), f"a line too tall: {text!r}"
        checked += 1
    assert checked > 20
