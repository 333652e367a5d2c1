"""The visit list and the follow-up date dialog (built the first time they are needed).

``VisitPanel`` is the visit list at the top of the results column: one row per visit
(date, top root, extent; each visit analysed on its own, cached by its content), the two
toggles, and while comparing a legend and the changes in words. ``FollowUpDateDialog``
asks a new follow-up visit's date. ``rootmap.ui.visits_panel.VisitActions`` drives both;
they live here so that a window with one visit never builds their Qt types (a tree, a
date editor, a button box: about 3 ms of start-up).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from rootmap.ui.change_overlay import ChangeLegend

if TYPE_CHECKING:
    from rootmap.analysis import Changes


class FollowUpDateDialog(QDialog):
    """The date of a new follow-up visit (today by default)."""

    def __init__(self, parent: QWidget, default: date, earliest: date | None) -> None:
        super().__init__(parent)
        self.setObjectName("follow_up_date")
        self.setWindowTitle("New follow-up visit")
        layout = QVBoxLayout(self)
        text = "Date of the follow-up visit (the map starts empty, the exam not tested,"
        text += " the lasting history is carried over):"
        words = QLabel(text, self)
        words.setWordWrap(True)
        layout.addWidget(words)
        self.date_edit = QDateEdit(QDate(default.year, default.month, default.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        if earliest is not None:
            self.date_edit.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        layout.addWidget(self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return self.date_edit.date().toString(Qt.DateFormat.ISODate)


def ask_follow_up_date(parent: QWidget, default: date, earliest: date | None) -> str | None:
    dialog = FollowUpDateDialog(parent, default, earliest)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class VisitPanel(QWidget):
    """The visit list, the toggles, and while comparing the legend and the changes.

    Compact, for the top of the results column: a title, one row per visit with its
    columns sized to their contents (no horizontal scrolling), as tall as its rows (four
    at most, then it scrolls), the two toggles, and the comparison wrapped to the width."""

    MAX_ROWS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visit_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        self.title = QLabel(f"<b>{self.tr('Visits')}</b>", self)
        self.title.setObjectName("visits_title")
        layout.addWidget(self.title)
        self.table = QTreeWidget(self)
        self.table.setObjectName("visit_list")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setHeaderLabels([self.tr("Date"), self.tr("Top root"), self.tr("Extent")])
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.header()
        header.setStretchLastSection(True)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.table)
        self.edit_box = QCheckBox(self.tr("Edit this visit"), self)
        self.edit_box.setToolTip(
            self.tr("Earlier visits are read-only; tick to change the visit shown")
        )
        self.compare_box = QCheckBox(self.tr("Compare with previous visit"), self)
        self.compare_box.setToolTip(self.tr("Visit ▸ Compare with Previous Visit"))
        layout.addWidget(self.edit_box)
        layout.addWidget(self.compare_box)
        self.comparison = QWidget(self)
        stack = QVBoxLayout(self.comparison)
        stack.setContentsMargins(0, 0, 0, 0)
        self.since = QLabel(self.comparison)
        self.since.setObjectName("changes_title")
        self.since.setWordWrap(True)
        self.legend = ChangeLegend(self.comparison, per_row=3)
        self.words = QLabel(self.comparison)
        self.words.setObjectName("changes_words")
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.since, self.legend, self.words):
            stack.addWidget(widget)
        layout.addWidget(self.comparison)
        layout.addStretch(1)
        self.comparison.hide()
        self.fit_rows()

    def fit_rows(self) -> None:
        """The list as tall as its rows (``MAX_ROWS`` at most; more scroll)."""
        table = self.table
        rows = max(1, min(table.topLevelItemCount(), self.MAX_ROWS))
        first = table.topLevelItem(0)
        row = table.visualItemRect(first).height() if first is not None else 0
        row = row or table.fontMetrics().height() + 6
        header = table.header().sizeHint().height()
        table.setFixedHeight(header + rows * row + 2 * table.frameWidth() + 2)


def changes_html(changes: Changes) -> str:
    """The changes in words: each sign that changed (worse first), then the map's counts."""
    from html import escape

    from rootmap import palette
    from rootmap.follow_up import describe_sign_change

    order = {"worse": 0, "changed": 1, "better": 2, "new": 3, "untested": 4}
    lines = []
    for change in sorted(changes.signs, key=lambda c: order.get(c.change, 9)):
        if change.change == "same":
            continue
        words = escape(describe_sign_change(change))
        if change.change == "worse":
            color = palette.CHANGES["worse"].color
            words = f"<b style='color:{color}'>▼ worse — {words}</b>"
        else:
            words = f"{escape(change.change)} — {words}"
        lines.append(words)
    counts: dict[str, int] = {}
    for finding in changes.findings:
        counts[finding.change] = counts.get(finding.change, 0) + 1
    marks = ", ".join(
        f"{counts[c]} {palette.CHANGES[c].label.lower()}" for c in palette.CHANGES if c in counts
    )
    lines.append(f"Marks: {marks}." if marks else "No marks at either visit.")
    return "<br>".join(lines)
