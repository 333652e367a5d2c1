"""The report says when the first roots or conditions are a close call (issue 10)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from rootmap.documents import Document
from rootmap.encounter import parse_encounter
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge
from rootmap.reports.html import report_html

KNOWLEDGE = load_knowledge()
VIGNETTES = Path(__file__).resolve().parents[1] / "engine" / "vignettes"


def _document(name: str) -> Document:
    data = json.loads((VIGNETTES / f"{name}.json").read_text(encoding="utf-8"))
    return replace(Document(), encounter=parse_encounter(data, KNOWLEDGE.regions))


def test_a_close_call_is_a_line_above_its_ranked_list():
    document = _document("26_l5_s1_two_level_left")
    analysis = analyze(document.encounter, KNOWLEDGE)
    html = report_html(document, analysis, KNOWLEDGE)
    roots_at = html.index("Nerve roots, most likely first")
    conditions_at = html.index("Conditions to consider, most likely first")
    roots_line = html.index("Close call: L5 left (0.84) and S1 left (0.83)")
    assert roots_at < roots_line < html.index("<table", roots_at)
    conditions_line = html.index("Close call: Lumbar disc herniation L4-L5 left")
    assert conditions_at < conditions_line < html.index("<table", conditions_at)


def test_a_clear_answer_has_no_close_call_line():
    document = _document("11_s1_radiculopathy")
    html = report_html(document, analyze(document.encounter, KNOWLEDGE), KNOWLEDGE)
    assert "Close call" not in html
