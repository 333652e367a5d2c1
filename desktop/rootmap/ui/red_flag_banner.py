"""The red-flag banner: red, bold, across the top of the window, impossible to miss.

Hidden while the analysis raises no red flag; otherwise one line per flag, the most
urgent first, with the flag's message (what to do) and its reasons.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from rootmap import palette
from rootmap.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the banner is built before the first paint, the analysis after it
    from rootmap.analysis import RedFlagResult
    from rootmap.knowledge.model import Region

URGENCY_ORDER = {"emergency": 0, "urgent": 1}
BANNER_STYLE = (
    f"QLabel#red_flag_banner {{ background: {palette.RED_FLAG_BACKGROUND};"
    f" color: {palette.RED_FLAG_TEXT}; font-weight: bold; font-size: 15px;"
    f" padding: 10px 14px; border-bottom: 3px solid {palette.RED_FLAG_EDGE}; }}"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RedFlagBanner", text)


TRANSLATED_WORDS = (  # the urgencies, as the knowledge has them
    QT_TRANSLATE_NOOP("RedFlagBanner", "emergency"),
    QT_TRANSLATE_NOOP("RedFlagBanner", "urgent"),
)


def banner_html(flags: Sequence[RedFlagResult], regions: Mapping[str, Region]) -> str:
    from html import escape  # here: the banner is built before the first paint, used after

    from rootmap.wording import plain

    lines = []
    for flag in sorted(flags, key=lambda f: URGENCY_ORDER.get(f.urgency, 9)):
        title = flag.id.replace("_", " ").upper()
        because = escape(plain("; ".join(flag.why), regions))
        because = QCoreApplication.translate("RedFlagBanner", "Because: {0}").format(because)
        why = f"<br><span style='font-weight:normal'>{because}</span>"
        lines.append(
            f"⚠ {escape(_tr(flag.urgency).upper())} — {escape(title)}: {escape(flag.message)}"
            + (why if flag.why else "")
        )
    return "<br>".join(lines)


class RedFlagBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("red_flag_banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._flags: tuple[RedFlagResult, ...] = ()
        self.hide()

    def flags(self) -> tuple[RedFlagResult, ...]:
        return self._flags

    def set_flags(
        self, flags: Sequence[RedFlagResult], regions: Mapping[str, Region] | None = None
    ) -> None:
        """Show ``flags``; ``regions`` names the regions in their reasons in plain words."""
        flags = tuple(flags)
        if flags == self._flags:
            return
        self._flags = flags
        if flags and not self.styleSheet():  # styled when first needed (quicker start-up)
            self.setStyleSheet(BANNER_STYLE)
        self.setText(banner_html(flags, regions or {}))
        self.setVisible(bool(flags))
