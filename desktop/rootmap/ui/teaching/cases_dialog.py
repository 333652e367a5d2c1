"""The case library dialog: pick a teaching case, read its vignette, open it as an encounter."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rootmap.knowledge import Knowledge
from rootmap.teaching.cases import TeachingCase


def case_html(case: TeachingCase, knowledge: Knowledge, *, reveal: bool = True) -> str:
    """The vignette, and (``reveal``) the learning point with its source."""
    text = f"<h2>{html.escape(case.title)}</h2><p>{html.escape(case.vignette)}</p>"
    if reveal:
        text += QCoreApplication.translate(
            "CasesDialog", "<p><b>Learning point.</b> {0}</p><p><small>Source: {1}</small></p>"
        ).format(html.escape(case.learning_point), html.escape(case.citation(knowledge)))
    return text


class CasesDialog(QDialog):
    """Lists the cases; Open (or Enter, or a double click) accepts with ``chosen`` set."""

    def __init__(
        self, cases: tuple[TeachingCase, ...], knowledge: Knowledge, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Teaching cases"))
        self.setObjectName("teaching_cases")
        self.cases = cases
        self.knowledge = knowledge
        self.chosen: TeachingCase | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        column = QVBoxLayout()
        label = QLabel(self.tr("&Cases:"), self)
        self.list = QListWidget(self)
        label.setBuddy(self.list)
        self.list.setAccessibleName(self.tr("Teaching cases"))
        self.list.setAccessibleDescription(self.tr("Choose a case; Enter opens it as an encounter"))
        for case in cases:
            item = QListWidgetItem(case.title, self.list)
            item.setData(Qt.ItemDataRole.UserRole, case.id)
        column.addWidget(label)
        column.addWidget(self.list, 1)
        row.addLayout(column, 1)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Case vignette and learning point"))
        row.addWidget(self.text, 2)
        layout.addLayout(row, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _item: self.accept())
        if cases:
            self.list.setCurrentRow(0)
        self.resize(900, 520)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.cases):
            self.text.setHtml(case_html(self.cases[row], self.knowledge))

    def accept(self) -> None:
        row = self.list.currentRow()
        self.chosen = self.cases[row] if 0 <= row < len(self.cases) else None
        super().accept()
