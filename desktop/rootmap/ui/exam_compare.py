"""The comparison on the Examination form: the earlier visit's values beside today's.

Two columns are added to the right of the form (the patient's right and left at the
earlier visit, headed with its date); a value that is worse now is marked ▼ in
vermillion and bold, with the change in words in its tooltip ("great toe extension,
left: 4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026"). Hidden when the comparison is off.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from rootmap import palette
from rootmap.analysis import SignChange
from rootmap.engine.progression import show_date
from rootmap.follow_up import describe_sign_change
from rootmap.ui.exam_panel import ExamPanel, shown_value
from rootmap.wording import SHOWN_SIDES

WORSE_MARK = "▼"
WORSE_STYLE = f"color: {palette.CHANGES['worse'].color}; font-weight: bold;"


class ExamComparison:
    """Earlier values beside an ``ExamPanel``'s drop-downs."""

    def __init__(self, panel: ExamPanel) -> None:
        self.panel = panel
        grid = panel.layout()
        assert isinstance(grid, QGridLayout)
        self.headers: list[QLabel] = []
        self.earlier: dict[tuple[str, str], QLabel] = {}
        for offset, side in enumerate(SHOWN_SIDES):
            header = QLabel(panel)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setObjectName(f"earlier_header_{side}")
            grid.addWidget(header, 1, 3 + offset)
            self.headers.append(header)
        for (sign, side), combo in panel.combos.items():
            position: tuple[int, int, int, int] = grid.getItemPosition(grid.indexOf(combo))  # type: ignore[assignment]
            row, column = position[0], position[1]
            label = QLabel(panel)
            label.setObjectName(f"earlier_{sign}_{side}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumWidth(54)
            grid.addWidget(label, row, column + 2)
            self.earlier[(sign, side)] = label
        self.set_comparison(None, ())

    def worse(self) -> list[tuple[str, str]]:
        """The signs marked worse now."""
        return [key for key, label in self.earlier.items() if WORSE_MARK in label.text()]

    def set_comparison(self, since: str | None, changes: Iterable[SignChange] | None) -> None:
        """Show the earlier visit's values (``since``: its date); None hides the columns."""
        on = changes is not None
        for label in (*self.headers, *self.earlier.values()):
            label.setVisible(on)
        if changes is None:
            return
        day = show_date(since) if since else "before"
        short = day.rsplit(" ", 1)[0] if since else day  # "3 Nov": the year in the tooltip
        for header, side in zip(self.headers, SHOWN_SIDES, strict=True):
            header.setText(f"<b>{side.capitalize()}</b><br><small>{short}</small>")
            header.setToolTip(f"the patient's {side} at the visit of {day}")
        by_key = {(c.sign, c.side): c for c in changes}
        for key, label in self.earlier.items():
            change = by_key.get(key)
            value = change.earlier.value if change and change.earlier else None
            text = shown_value(value) if value is not None else "—"
            worse = change is not None and change.change == "worse"
            shown = f"{text} {WORSE_MARK}" if worse else text
            if label.text() != shown:
                label.setText(shown)
            style = WORSE_STYLE if worse else ""
            if label.styleSheet() != style:  # (setting a style sheet is slow: only changes)
                label.setStyleSheet(style)
            label.setToolTip(describe_sign_change(change) if change else "not tested either time")
