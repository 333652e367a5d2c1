"""Plain words for people: the region ids in the engine's evidence become region names.

The analysis JSON keeps the ids (the contract's example shows them); the window and the
report show ``pain over sole of the heel`` rather than ``pain over heel_plantar``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from rootmap.knowledge.model import Region

# The order of the sides wherever both are shown side by side (exam panel, report): the
# patient's right first, as on the front views of the maps (the patient's right is on
# the viewer's left, the clinical convention of facing the patient).
SHOWN_SIDES = ("right", "left")
SIDES_CONVENTION = (
    "Right and left are the patient's, on the maps too: on the front views"
    " the patient's right is on your left."
)


@cache
def _pattern(region_ids: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(region_ids, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, longest_first)) + r")\b")


def plain(text: str, regions: Mapping[str, Region]) -> str:
    """``text`` with each region id replaced by that region's name (first letter lower)."""

    def name(match: re.Match[str]) -> str:
        words = regions[match.group(0)].name
        return words[:1].lower() + words[1:]

    return _pattern(tuple(regions)).sub(name, text) if regions else text


def region_words(regions: Mapping[str, Region], region: str, side: str) -> str:
    """ "left top of foot, middle third": a region and its side in words a clinician reads."""
    info = regions.get(region)
    name = info.name if info is not None else region.replace("_", " ")
    return name if side == "midline" else f"{side} {name[:1].lower()}{name[1:]}"
