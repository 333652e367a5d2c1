""" "Not due to a root": marking a finding or a sign as explained by something else.

From the map (Ctrl+right click or the Menu key on a marked region) and from the
Examination form (the context menu of a sign's drop-down), the clinician marks a finding
or a sign "not due to a root" with a short reason (an old ankle fracture, a known
polyneuropathy), as the ISNCSCI worksheet's asterisk does. The record keeps it; the
engine leaves it out with the reason in its evidence. Shown excluded: a grey hatch over
the region on the maps, the drop-down's value struck out, the reason in the tooltips.
Every change is one undoable session command (``EncounterSession.set_exclusion``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QMenu, QStyleOptionGraphicsItem, QWidget

from rootmap import palette
from rootmap.encounter import MAX_REASON_CHARS, Encounter, Finding, Sign
from rootmap.ui.brushes import qcolor

if TYPE_CHECKING:
    from rootmap.ui.exam_panel import ExamPanel, SignCombo
    from rootmap.ui.map_area import MapArea
    from rootmap.ui.map_view import MapGraphicsView, RegionItem
    from rootmap.ui.session import EncounterSession

EXCLUDED_GREY = palette.EXCLUDED_GREY
EXCLUDED_Z = 1.6  # over the marks and the change map, under the keyboard's current region


def ask_reason(parent: QWidget, what: str) -> str | None:
    """The reason, from a small dialog (None: cancelled or left empty)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit  # when first asked (start-up time)

    text, ok = QInputDialog.getText(
        parent,
        "Not due to a root",
        f"{what}: explained by something else.\nReason (e.g. old ankle fracture):",
        QLineEdit.EchoMode.Normal,
    )
    reason = " ".join(text.split())[:MAX_REASON_CHARS]
    return reason if ok and reason else None


class ExcludedItem(QGraphicsPathItem):
    """A grey hatch over a region whose finding is "not due to a root"; takes no clicks."""

    def __init__(self, region: RegionItem) -> None:
        super().__init__(region.path())
        self.key = region.key
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(EXCLUDED_Z)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = painter.worldTransform().m11() or 1.0
        brush = QBrush(QColor(EXCLUDED_GREY), Qt.BrushStyle.BDiagPattern)
        brush.setTransform(brush.transform().scale(1 / scale, 1 / scale))
        painter.fillPath(self.path(), qcolor(palette.MAP_PAPER, palette.EXCLUDED_VEIL_ALPHA))
        painter.fillPath(self.path(), brush)
        pen = QPen(QColor(EXCLUDED_GREY), 2.0, Qt.PenStyle.DashDotLine)
        pen.setCosmetic(True)
        painter.strokePath(self.path(), pen)


def exclusion_notes(encounter: Encounter, key: str) -> list[str]:
    """``pain: not due to a root (old ankle fracture)`` for each excluded finding at ``key``."""
    return [
        f"{f.kind}: not due to a root ({f.excluded})"
        for f in encounter.findings
        if f.key == key and f.excluded is not None
    ]


class Exclusions:
    """The "not due to a root" menus and how exclusions look, on the maps and the exam."""

    def __init__(self, session: EncounterSession, maps: MapArea, parent: QWidget) -> None:
        self.session = session
        self.maps = maps
        self.parent = parent
        self.ask_reason: Callable[[QWidget, str], str | None] = ask_reason
        self._items: dict[tuple[str, str], ExcludedItem] = {}
        self._exam: ExamPanel | None = None
        maps.regionMenuRequested.connect(self.region_menu)
        maps.viewBuilt.connect(self._show_in)
        shown = maps.tooltip_text
        maps.tooltip_text = lambda item: self._tooltip(shown(item), item)
        session.stateChanged.connect(lambda _before, _after: self.refresh())
        self.refresh()  # a document opened before this part was built

    # --- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        for view in self.maps.views().values():
            self._show_in(view)
        if self._exam is not None:
            self._show_exam(self._exam)

    def excluded_keys(self) -> set[str]:
        return {f.key for f in self.session.encounter().findings if f.excluded is not None}

    def items(self) -> list[ExcludedItem]:
        return [item for item in self._items.values() if item.isVisible()]

    def _show_in(self, view: MapGraphicsView) -> None:
        keys = self.excluded_keys()
        for (name, key), item in self._items.items():
            if name == view.name:
                item.setVisible(key in keys)
        for key in keys:
            region = view.item(key)
            if region is not None and (view.name, key) not in self._items:
                item = self._items[(view.name, key)] = ExcludedItem(region)
                scene = view.scene()
                assert scene is not None
                scene.addItem(item)

    def _tooltip(self, text: str, item: RegionItem) -> str:
        notes = exclusion_notes(self.session.encounter(), item.key)
        return text + "".join(f"<br><i>{note}</i>" for note in notes)

    def attach_exam(self, panel: ExamPanel) -> None:
        """Give the Examination form's drop-downs their menu (once it is built)."""
        self._exam = panel
        for combo in panel.combos.values():
            combo.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            combo.customContextMenuRequested.connect(
                lambda pos, c=combo: self.sign_menu(c, c.mapToGlobal(pos))
            )
        self._show_exam(panel)

    def _show_exam(self, panel: ExamPanel) -> None:
        reasons = {(s.sign, s.side): s.excluded for s in self.session.encounter().signs}
        for key, combo in panel.combos.items():
            reason = reasons.get(key)
            if combo.font().strikeOut() != (reason is not None):
                font = QFont(combo.font())
                font.setStrikeOut(reason is not None)
                combo.setFont(font)
            base = combo.toolTip().split("\n")[0]
            combo.setToolTip(base if reason is None else f"{base}\nnot due to a root: {reason}")

    # --- menus -----------------------------------------------------------------------------
    def region_menu(self, key: str, where: QPoint) -> QMenu | None:
        """The region's menu: each of its marks, "not due to a root…" or counted again."""
        findings = [f for f in self.session.encounter().findings if f.key == key]
        if not findings:
            self.session.messageRequested.emit(
                "Mark the region first: only a marked region can be \u201cnot due to a root\u201d.",
                6000,
            )
            return None
        menu = QMenu(self.parent)
        menu.setObjectName("region_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for finding in findings:
            self._add_actions(menu, finding, finding.kind.capitalize())
        menu.popup(where)
        return menu

    def sign_menu(self, combo: SignCombo, where: QPoint) -> QMenu | None:
        sign = next(
            (
                s
                for s in self.session.encounter().signs
                if (s.sign, s.side) == (combo.sign, combo.side)
            ),
            None,
        )
        if sign is None:
            self.session.messageRequested.emit(
                "Not tested: choose a value before marking it \u201cnot due to a root\u201d.", 6000
            )
            return None
        menu = QMenu(self.parent)
        menu.setObjectName("sign_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._add_actions(menu, sign, combo.toolTip().split("\n")[0])
        menu.popup(where)
        return menu

    def _add_actions(self, menu: QMenu, item: Finding | Sign, name: str) -> None:
        if item.excluded is None:
            action = menu.addAction(f"{name}: not due to a root…")
            action.triggered.connect(lambda _c=False, i=item, n=name: self.exclude(i, n))
        else:
            action = menu.addAction(f"{name}: due to a root again (was: {item.excluded})")
            action.triggered.connect(lambda _c=False, i=item: self.session.set_exclusion(i, None))

    def exclude(self, item: Finding | Sign, name: str) -> bool:
        """Ask the reason, then mark ``item`` "not due to a root" (one undo step)."""
        if self.session.is_read_only():
            return self.session.set_exclusion(item, "-")  # refused, with the status line
        reason = self.ask_reason(self.parent, name)
        return reason is not None and self.session.set_exclusion(item, reason)
