"""The dermatome the maps paint follows the root's real side (issue 10: sides kept apart)."""

from __future__ import annotations

import json
from pathlib import Path

from rootmap.encounter import parse_encounter
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge
from rootmap.ui.overlays import dermatome_levels, shown_root

VIGNETTE = Path(__file__).resolve().parents[1] / "engine" / "vignettes" / "25_l5_left_s1_right.json"


def test_left_l5_and_right_s1_paint_each_dermatome_on_its_own_side() -> None:
    knowledge = load_knowledge()
    data = json.loads(VIGNETTE.read_text(encoding="utf-8"))
    analysis = analyze(parse_encounter(data, knowledge.regions), knowledge)
    atlas = knowledge.atlas(analysis.atlas)
    for root_id, side, other in (("L5", "left", "right"), ("S1", "right", "left")):
        shown = shown_root(analysis, (root_id, side))
        assert shown == (root_id, side)
        keys = dermatome_levels(shown, atlas, knowledge)
        assert keys and all(not key.startswith(f"{other}.") for key in keys), root_id
