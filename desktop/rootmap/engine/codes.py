"""Which ICD-10-CM codes of a condition fit this result: side, region, claudication, diabetes.

ICD-10-CM labels are regular, so the choice reads them rather than a second table:
"… right lower limb" / "… left ankle and foot" / "… bilateral lower limbs" /
"… unspecified leg" carry laterality; "… lumbar region" / "… lumbosacral region"
the region (L5-S1 is lumbosacral); "with" / "without neurogenic claudication" the
history; "diabetes" codes need a known diabetes. A code whose label says none of
these always fits.
"""

from __future__ import annotations

import re

from rootmap.encounter import History
from rootmap.knowledge.model import Icd10Code

_LATERALITY = re.compile(
    r"\b(right|left|bilateral|unspecified) (lower limbs?|leg|ankle and foot)\b"
)
_REGION = re.compile(r"\b(lumbosacral|lumbar) region\b")


def _laterality(code: Icd10Code) -> str | None:
    match = _LATERALITY.search(code.label.lower())
    return match.group(1) if match else None


def select_codes(
    codes: tuple[Icd10Code, ...], side: str | None, levels: tuple[str, ...], history: History
) -> tuple[str, ...]:
    chosen = [code for code in codes if _fits_region(code, levels)] or list(codes)
    chosen = [code for code in chosen if _fits_history(code, history)]
    sided = [code for code in chosen if _laterality(code) is not None]
    if sided:
        plain = [code for code in chosen if _laterality(code) is None]
        chosen = plain + _by_side(sided, side)
        chosen.sort(key=codes.index)
    return tuple(code.code for code in chosen)


def _by_side(codes: list[Icd10Code], side: str | None) -> list[Icd10Code]:
    want = {"left": ["left"], "right": ["right"], "bilateral": ["bilateral"]}.get(
        side or "", ["unspecified"]
    )
    picked = [code for code in codes if _laterality(code) in want]
    if not picked and side == "bilateral":
        picked = [code for code in codes if _laterality(code) in ("right", "left")]
    if not picked:
        picked = [code for code in codes if _laterality(code) == "unspecified"]
    return picked


def _fits_region(code: Icd10Code, levels: tuple[str, ...]) -> bool:
    match = _REGION.search(code.label.lower())
    if match is None or not levels:
        return True
    lumbosacral = any(level == "L5-S1" for level in levels)
    return (match.group(1) == "lumbosacral") == lumbosacral


def _fits_history(code: Icd10Code, history: History) -> bool:
    label = code.label.lower()
    claudication = history.flag("neurogenic_claudication")
    if "without neurogenic claudication" in label:
        return claudication is not True
    if "with neurogenic claudication" in label:
        return claudication is not False
    if "diabet" in label:
        return history.flag("diabetes") is True
    return True
