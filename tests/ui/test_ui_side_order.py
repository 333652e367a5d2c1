"""One side order everywhere: the patient's right, then left (as on the front maps)."""

from __future__ import annotations

import re

from rootmap.documents import Document
from rootmap.encounter import Encounter, Sign
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge
from rootmap.reports.html import report_html
from rootmap.wording import SHOWN_SIDES

KNOWLEDGE = load_knowledge()


def test_the_exam_panel_shows_right_then_left_and_says_whose_sides_they_are(window):
    panel = window.exam_panel
    assert SHOWN_SIDES == ("right", "left")
    right = panel.combo("great_toe_extension", "right")
    left = panel.combo("great_toe_extension", "left")
    assert right.x() < left.x()
    assert [h.text() for h in panel.side_headers] == ["<b>Right</b>", "<b>Left</b>"]
    assert panel.side_headers[0].geometry().center().x() < left.x()
    assert panel.convention.isVisible()
    assert "patient's" in panel.convention.text()
    assert "patient's right is on your left" in panel.convention.text()


def test_the_report_examination_table_has_the_same_order_as_the_exam_panel():
    encounter = Encounter(
        signs=(
            Sign(sign="great_toe_extension", side="left", value=3),
            Sign(sign="great_toe_extension", side="right", value=5),
        )
    )
    document = Document(encounter=encounter)
    html = report_html(document, analyze(encounter, KNOWLEDGE), KNOWLEDGE)
    exam = html[html.index("<h2>Examination</h2>") :]
    headers = re.findall(r"<th>(\w+)</th>", exam)[:3]
    assert headers == ["Sign", "Right", "Left"]
    row = exam[exam.index("Great toe") :]
    cells = re.findall(r"<td align='center'>(.*?)</td>", row)[:2]
    assert cells == ["5/5", "<b>3/5</b>"]
    assert "patient&#x27;s right is on your left" in exam
