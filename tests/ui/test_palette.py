"""The mark palette: every finding kind told apart by colour AND pattern; overlays never alike."""

from __future__ import annotations

import pytest

from rootmap import palette
from rootmap.encounter import FINDING_KINDS


def _distance(a: str, b: str) -> float:
    ra, ga, ba = palette.hex_to_rgb(a)
    rb, gb, bb = palette.hex_to_rgb(b)
    return float(((ra - rb) ** 2 + (ga - gb) ** 2 + (ba - bb) ** 2) ** 0.5)


def test_every_finding_kind_has_its_own_colour_and_pattern():
    assert set(palette.MARKS) == set(FINDING_KINDS)
    colours = [palette.mark_style(k).color for k in FINDING_KINDS]
    patterns = [palette.mark_style(k).pattern for k in FINDING_KINDS]
    assert len(set(colours)) == len(colours)
    assert len(set(patterns)) == len(patterns)
    assert set(patterns) <= set(palette.PATTERNS)


def test_marks_use_the_okabe_ito_palette():
    assert {s.color for s in palette.MARKS.values()} <= set(palette.OKABE_ITO.values())


@pytest.mark.parametrize("kind", FINDING_KINDS)
def test_the_dermatome_highlight_never_looks_like_a_mark(kind: str):
    # Another hue of the colour-blind-safe set, and never a pattern: a highlight is a plain tint.
    assert palette.HIGHLIGHT_COLOR in palette.OKABE_ITO.values()
    assert _distance(palette.HIGHLIGHT_COLOR, palette.mark_style(kind).color) > 60
    assert palette.mark_style(kind).color != palette.HIGHLIGHT_COLOR


def test_teaching_tints_are_pale_and_unlike_any_mark():
    for root, tint in palette.ROOT_OVERLAY.items():
        assert sum(palette.hex_to_rgb(tint)) > 600, f"{root} tint {tint} is not pale"
        for style in palette.MARKS.values():
            assert _distance(tint, style.color) > 100, (root, style.kind)


def test_hex_to_rgb_reads_and_refuses():
    assert palette.hex_to_rgb("#D55E00") == (213, 94, 0)
    with pytest.raises(ValueError):
        palette.hex_to_rgb("red")
