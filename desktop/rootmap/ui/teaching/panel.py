"""The teaching panel: mode and atlas, the legend, the root explorer and the quiz.

Every control is reachable by keyboard (Tab order follows the layout) and named for
screen readers (accessible name and description; labels are buddies of their fields).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontInfo, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rootmap.palette import ui_colours
from rootmap.teaching.colours import AGREEMENT_FILL, DIFFERENCE_FILL, root_tint
from rootmap.teaching.explorer import RootFacts
from rootmap.teaching.quiz import IdentifyQuestion, LocateQuestion
from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.ui.teaching.controller import TeachingController
from rootmap.ui.teaching.overlay import atlas_tags

MODE_BUTTONS = (
    (
        "overlay",
        QT_TRANSLATE_NOOP("TeachingPanel", "&Overlay"),
        "O",
        QT_TRANSLATE_NOOP(
            "TeachingPanel", "Colour and label every region with its root's dermatome"
        ),
    ),
    (
        "differences",
        QT_TRANSLATE_NOOP("TeachingPanel", "&Differences"),
        "D",
        QT_TRANSLATE_NOOP("TeachingPanel", "Shade the regions where the two atlases disagree"),
    ),
    (
        "explorer",
        QT_TRANSLATE_NOOP("TeachingPanel", "&Explorer"),
        "R",
        QT_TRANSLATE_NOOP(
            "TeachingPanel", "Explore one root: dermatome, key point, myotome, levels"
        ),
    ),
    (
        "quiz",
        QT_TRANSLATE_NOOP("TeachingPanel", "&Quiz"),
        "Q",
        QT_TRANSLATE_NOOP(
            "TeachingPanel", "Quiz: find a root's territory, or name the root of a pattern"
        ),
    ),
    (
        "off",
        QT_TRANSLATE_NOOP("TeachingPanel", "Of&f"),
        "",
        QT_TRANSLATE_NOOP("TeachingPanel", "Hide the teaching overlay"),
    ),
)
CHOICE_KEYS = "1234"
PROMPT_SCALE, ANSWER_SCALE = 1.6, 1.3  # the quiz's question and its score and answers
FACTS_STRETCH, SPINE_STRETCH = 3, 2  # the explorer's text over its spine diagram
PRESENTING_STRETCH = (2, 3)  # presenting: the spine diagram gets the larger share


def _name(widget: QWidget, name: str, description: str = "") -> None:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)


def _swatch(colour: str, size: int = 18) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return pixmap


class TeachingPanel(QWidget):
    """The teaching dock's contents. The user's choice of atlas is ``atlasChosen``; with
    ``own_atlas`` (the standalone teaching app) the panel also sets the controller's atlas
    itself, while in the main window the session's atlas is the one atlas and the
    controller follows it."""

    atlasChosen = Signal(str)

    def __init__(
        self,
        controller: TeachingController,
        parent: QWidget | None = None,
        *,
        own_atlas: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teaching_panel")
        self.controller = controller
        layout = QVBoxLayout(self)

        # Mode buttons and the atlas.
        modes = QGridLayout()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QPushButton] = {}
        for index, (mode, text, key, tip) in enumerate(MODE_BUTTONS):
            button = QPushButton(self.tr(text), self)
            button.setCheckable(True)
            keyed = self.tr("{0} (key {1})").format(self.tr(tip), key) if key else self.tr(tip)
            _name(button, self.tr(text).replace("&", ""), keyed)
            button.clicked.connect(lambda _=False, m=mode: controller.set_mode(m))
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            modes.addWidget(button, index // 3, index % 3)
        layout.addLayout(modes)
        # The atlas: in the main window the toolbar's box is the one atlas control (the
        # session's atlas, which the controller follows); a panel on its own has its own.
        self.atlas_box: QComboBox | None = None
        if own_atlas:
            self.atlas_box = self._atlas_box(layout)
        self.presenting = False
        self.pages = QStackedWidget(self)
        self.legend = QTextBrowser(self)
        _name(
            self.legend, self.tr("Legend"), self.tr("What the colours and labels on the maps mean")
        )
        self.explorer = ExplorerPage(controller, self)
        self.quiz = QuizPage(controller, self)
        for page in (self.legend, self.explorer, self.quiz):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)
        controller.changed.connect(self.sync)
        self.sync()

    def _atlas_box(self, layout: QVBoxLayout) -> QComboBox:
        """An atlas chooser, by the atlases' authors ("Lee et al. 2008")."""
        row = QHBoxLayout()
        label = QLabel("&Atlas:", self)
        box = QComboBox(self)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(12)
        for atlas in self.controller.knowledge.atlases.values():
            box.addItem(atlas.authors, atlas.id)
            box.setItemData(box.count() - 1, atlas.name, Qt.ItemDataRole.ToolTipRole)
        label.setBuddy(box)
        _name(box, "Dermatome atlas", "The dermatome map used by the overlay and quiz")
        box.currentIndexChanged.connect(lambda _: self.controller.set_atlas(box.currentData()))
        box.activated.connect(lambda _: self.atlasChosen.emit(str(box.currentData())))
        row.addWidget(label)
        row.addWidget(box, 1)
        layout.addLayout(row)
        return box

    def set_presenting(self, presenting: bool) -> None:
        """Presentation mode: the explorer gives its spine diagram the room, and the
        citations are set in the (larger) type, not a size smaller."""
        self.presenting = presenting
        self.explorer.set_presenting(presenting)
        self.sync()

    def sync(self) -> None:
        controller = self.controller
        button = self.mode_buttons.get(controller.mode)
        if button is not None:
            button.setChecked(True)
        box = self.atlas_box
        if box is not None and box.findData(controller.atlas_id) != box.currentIndex():
            box.blockSignals(True)
            box.setCurrentIndex(box.findData(controller.atlas_id))
            box.blockSignals(False)
        if controller.mode == "explorer":
            self.pages.setCurrentWidget(self.explorer)
            self.explorer.sync()
        elif controller.mode == "quiz":
            self.pages.setCurrentWidget(self.quiz)
            self.quiz.sync()
        else:
            self.pages.setCurrentWidget(self.legend)
            self.legend.setHtml(self.legend_html())

    def legend_html(self) -> str:
        controller = self.controller
        knowledge = controller.knowledge
        if controller.mode == "differences":
            tags = atlas_tags(knowledge.atlases)
            lines = "<br>".join(
                f"<b>{tags[a.id]}</b> = {html.escape(a.authors)}: "
                f"{html.escape(knowledge.cite(a.source))}"
                for a in knowledge.atlases.values()
            )
            differences = controller.differences()
            on_screen = differences.keys() & controller.on_screen_regions()
            count = self.tr("{0} regions").format(len(differences))
            if len(on_screen) < len(differences):
                count = self.tr("{0} regions on these maps ({1} on all maps)").format(
                    len(on_screen), len(differences)
                )
            why = (
                "<p>"
                + self.tr("Why maps differ: {0}").format(html.escape(knowledge.cite("downs2011")))
                + "</p>"
                if "downs2011" in knowledge.sources
                else ""
            )
            return (
                self.tr(
                    "<h2>Where the atlases disagree</h2>"
                    "<p>{0} <b>{1}</b> whose primary roots differ; "
                    "labelled with each atlas's roots, e.g. <b>L: L5 / K: L4</b> "
                    "(hover for the full text).</p>"
                    "<p>{2} the atlases agree.</p>"
                ).format(_chip(DIFFERENCE_FILL), count, _chip(AGREEMENT_FILL))
                + f"<p>{lines}</p>{why}"
            )
        if controller.mode == "overlay":
            atlas = knowledge.atlas(controller.atlas_id)
            shown = controller.on_screen_regions() or set(atlas.entries)
            used = {r for region in shown if (e := atlas.entry(region)) for r in e.primary}
            chips = [  # a cell in the root's colour (a span's border fails at large type)
                f"<td bgcolor='{root_tint(r)}'>&nbsp;&nbsp;&nbsp;&nbsp;</td>"
                f"<td><b>{r}</b>&nbsp;&nbsp;</td>"
                for r in knowledge.roots
                if r in used
            ]
            per_row = 3 if self.presenting else 4  # presenting: large type, a narrow dock
            rows = "".join(
                "<tr>" + "".join(chips[i : i + per_row]) + "</tr>"
                for i in range(0, len(chips), per_row)
            )
            return (
                self.tr(
                    "<h2>Dermatomes — {0}</h2>"
                    "<p>Each region is coloured and labelled with its primary root; a region "
                    "two roots share is striped. Press D for the differences between atlases.</p>"
                ).format(html.escape(atlas.name))
                + f"<table cellspacing='4'>{rows}</table>"
                f"<p>{small(html.escape(knowledge.cite(atlas.source)), self.presenting)}</p>"
            )
        return self.tr(
            "<h2>Teaching mode</h2><p>O: dermatome overlay · D: differences between atlases · "
            "R: root explorer · Q: quiz · → / Page Down: next root or question · "
            "← / Page Up: previous root · F11: presentation · Esc: leave it.</p>"
        )


def small(text: str, presenting: bool = False) -> str:
    """A citation or a note: in the body type, never a size smaller (every text on
    screen reads at the body size; presenting, the type itself grows)."""
    return text


def _chip(colour: str) -> str:
    return (
        f"<span style='background-color:{colour}; border:1px solid {ui_colours().chip_border};'>"
        "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span>"
    )


class ExplorerPage(QWidget):
    def __init__(self, controller: TeachingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Root:"), self)
        self.root_box = QComboBox(self)
        for root in controller.roots:
            self.root_box.addItem(root, root)
        label.setBuddy(self.root_box)
        _name(self.root_box, self.tr("Root to explore"), self.tr("L1 to S1 first, then C2 to S5"))
        self.root_box.currentIndexChanged.connect(
            lambda _: controller.set_root(self.root_box.currentData())
        )
        self.previous = QPushButton(self.tr("◀ &Previous"), self)
        _name(
            self.previous,
            self.tr("Previous root"),
            self.tr("The root above (Left arrow or Page Up)"),
        )
        self.previous.clicked.connect(lambda: controller.step(-1))
        self.next = QPushButton(self.tr("&Next ▶"), self)
        _name(self.next, self.tr("Next root"), self.tr("The root below (Right arrow or Page Down)"))
        self.next.clicked.connect(lambda: controller.step(1))
        row.addWidget(label)
        row.addWidget(self.root_box, 1)
        row.addWidget(self.previous)
        row.addWidget(self.next)
        layout.addLayout(row)
        self.facts_view = QTextBrowser(self)
        self.facts_view.setOpenLinks(False)
        _name(
            self.facts_view,
            self.tr("Root facts"),
            self.tr("Dermatome, key point, myotome, reflex, levels"),
        )
        layout.addWidget(self.facts_view, FACTS_STRETCH)
        self.spine = _spine_view(self)
        if self.spine is not None:
            _name(
                self.spine,
                self.tr("Spine diagram"),
                self.tr("The explored root and the discs that compress it"),
            )
            layout.addWidget(self.spine, SPINE_STRETCH)
        self.presenting = False

    def set_presenting(self, presenting: bool) -> None:
        """Presenting, the spine diagram gets the larger share of the page and shows the
        explored root's rows only, so that its lettering reads from the back of a hall."""
        self.presenting = presenting
        layout = self.layout()
        if self.spine is not None and isinstance(layout, QVBoxLayout):
            facts, spine = PRESENTING_STRETCH if presenting else (FACTS_STRETCH, SPINE_STRETCH)
            layout.setStretchFactor(self.facts_view, facts)
            layout.setStretchFactor(self.spine, spine)
            self.spine.focus_on_root(self.controller.root if presenting else None)

    def sync(self) -> None:
        controller = self.controller
        index = self.root_box.findData(controller.root)
        if index != self.root_box.currentIndex():
            self.root_box.blockSignals(True)
            self.root_box.setCurrentIndex(index)
            self.root_box.blockSignals(False)
        facts = controller.facts()
        self.facts_view.setHtml(facts_html(controller, facts, self.presenting))
        if self.spine is not None:
            roots = [(side, facts.root) for side in ("left", "right")]
            self.spine.set_highlight(roots, facts.levels)
            if self.presenting:
                self.spine.focus_on_root(facts.root)


def _spine_view(parent: QWidget):  # type: ignore[no-untyped-def]
    try:
        from rootmap.ui.spine_view import SpineView

        return SpineView(parent)
    except Exception:  # no spine art yet: the facts still stand on their own
        return None


def facts_html(controller: TeachingController, facts: RootFacts, presenting: bool = False) -> str:
    """The explorer's text: each fact with a numbered citation, the references below."""
    knowledge = controller.knowledge
    sources = list(facts.sources())

    def cite(source: str) -> str:
        return f"<sup>[{sources.index(source) + 1}]</sup>"

    def names(regions: tuple[str, ...]) -> str:
        return ", ".join(html.escape(knowledge.regions[r].name) for r in regions) or "—"

    def items(facts_list: tuple[Any, ...]) -> str:
        if not facts_list:
            return "<li>—</li>"
        return "".join(f"<li>{html.escape(f.text)}{cite(f.source)}</li>" for f in facts_list)

    levels = (
        "".join(
            f"<li><b>{html.escape(c.level)}</b> {html.escape(c.text.split(' ', 1)[1])}"
            f"{cite(c.source)}{''.join(cite(s) for s in c.rule_sources)}</li>"
            for c in facts.compressions
        )
        or "<li>— (not a lumbar disc level)</li>"
    )
    references = "".join(f"<li>{html.escape(knowledge.cite(s))}</li>" for s in sources)
    atlas = knowledge.atlases.get(facts.atlas)
    atlas_name = atlas.authors if atlas is not None else facts.atlas  # people, not an id
    key_text = "Map: green = dermatome, dashed = overlap, black dot = key point."
    return (
        f"<h1>{facts.root} {small(f'({facts.segment})', presenting)}</h1>"
        f"<p>{small(key_text, presenting)}</p>"
        f"<p><b>Dermatome</b> ({html.escape(atlas_name)}){cite(facts.dermatome_source)}: "
        f"{names(facts.dermatome)}</p>"
        + (
            f"<p><i>Overlap:</i> {names(facts.dermatome_overlap)}</p>"
            if facts.dermatome_overlap
            else ""
        )
        + f"<p><b>ISNCSCI key sensory point</b>{cite(facts.key_point.source)}: "
        f"{html.escape(facts.key_point.text)}</p>"
        f"<p><b>Myotome</b></p><ul>{items(facts.myotome)}</ul>"
        f"<p><b>Reflex</b></p><ul>{items(facts.reflexes)}</ul>"
        f"<p><b>Compressed at</b></p><ul>{levels}</ul>"
        f"<p><b>Spinal causes</b></p><ul>{items(facts.spinal_conditions)}</ul>"
        f"<p><b>Mimics</b> (a nerve whose skin territory overlaps)</p>"
        f"<ul>{items(facts.mimics)}</ul>"
        f"<p><b>Sources</b></p><ol>{small(references, presenting)}</ol>"
    )


class QuizPage(QWidget):
    def __init__(self, controller: TeachingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        # The score first and the question below it, both larger than the rest: a student
        # at the back of the hall reads them first.
        self.score = QLabel(self)
        self.score.setObjectName("quiz_score")
        _name(self.score, self.tr("Quiz score"))
        layout.addWidget(self.score)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.prompt.setObjectName("quiz_prompt")
        layout.addWidget(self.prompt)
        choices = QHBoxLayout()
        self.choice_buttons: list[QPushButton] = []
        for index in range(4):
            button = QPushButton(self)
            button.clicked.connect(lambda _=False, i=index: self.choose(i))
            self.choice_buttons.append(button)
            choices.addWidget(button)
        layout.addLayout(choices)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("quiz_feedback")
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        _name(self.feedback, self.tr("Quiz feedback"))
        layout.addWidget(self.feedback)
        row = QHBoxLayout()
        self.next_button = QPushButton(self.tr("&Next question ▶"), self)
        _name(
            self.next_button,
            self.tr("Next question"),
            self.tr("Ask another question (Right arrow)"),
        )
        self.next_button.clicked.connect(lambda: controller.next_question())
        self.locate_button = QPushButton(self.tr("&Find a dermatome"), self)
        _name(
            self.locate_button,
            self.tr("Find a dermatome"),
            self.tr("Ask: click the territory of a root"),
        )
        self.locate_button.clicked.connect(lambda: controller.next_question("locate"))
        self.identify_button = QPushButton(self.tr("Name the &root"), self)
        _name(
            self.identify_button,
            self.tr("Name the root"),
            self.tr("Ask: which root is highlighted"),
        )
        self.identify_button.clicked.connect(lambda: controller.next_question("identify"))
        for button in (self.next_button, self.locate_button, self.identify_button):
            row.addWidget(button)
        layout.addLayout(row)
        layout.addStretch(1)
        self._size_type()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode: follow the new size
            self._size_type()

    def _size_type(self) -> None:
        """Question 1.6x, score and answers 1.3x the panel's type, all bold."""
        base = QFontInfo(self.font()).pixelSize()
        for widgets, factor in (
            ([self.prompt], PROMPT_SCALE),
            ([self.score, *self.choice_buttons], ANSWER_SCALE),
        ):
            for widget in widgets:
                font = QFont(self.font())
                font.setPixelSize(round(base * factor))
                font.setBold(True)
                widget.setFont(font)

    def choose(self, index: int) -> None:
        question = self.controller.quiz.question
        if (
            isinstance(question, IdentifyQuestion)
            and index < len(question.choices)
            and not self.controller.quiz.answered
        ):
            self.controller.answer_root(question.choices[index])

    def sync(self) -> None:
        quiz = self.controller.quiz
        question = quiz.question
        self.prompt.setText(question.prompt if question else "")
        _name(self.prompt, self.tr("Quiz question"), question.prompt if question else "")
        choices = question.choices if isinstance(question, IdentifyQuestion) else ()
        for index, button in enumerate(self.choice_buttons):
            if index < len(choices):
                button.setText(f"&{CHOICE_KEYS[index]}  {choices[index]}")
                _name(
                    button,
                    self.tr("Answer {0}").format(choices[index]),
                    self.tr("Choose {0}").format(choices[index]),
                )
                button.setVisible(True)
                button.setEnabled(not quiz.answered)
            else:
                button.setVisible(False)
        outcome = self.controller.last_outcome
        if outcome is None:
            hint = (
                self.tr("Click the region on the map (any view).")
                if isinstance(question, LocateQuestion)
                else self.tr("Choose the root: click it, or Alt+1 … Alt+4.")
            )
            if isinstance(question, IdentifyQuestion) and question.case_story:
                hint = f"{question.case_story}\n\n{hint}"
            self.feedback.setText(hint)
            self.feedback.setStyleSheet(f"color: {ui_colours().text};")
        else:
            head = {1.0: "✔ ", 0.5: "½ "}.get(outcome.credit, "✘ ")
            self.feedback.setText(head + outcome.feedback)
            colours = ui_colours()
            colour = {1.0: colours.quiz_right, 0.5: colours.quiz_half}.get(
                outcome.credit, colours.quiz_wrong
            )
            self.feedback.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.score.setText(quiz.score.text)
        self.score.setToolTip(self.tr("Atlas {0}").format(quiz.atlas))
