"""Which ICD-10-CM codes of a condition fit this result: side, region and history.

The choice reads explicit fields of each code in conditions.toml, never its label:

- ``region`` (lumbar / lumbosacral): a code of the other region is dropped when the
  disc level is known (L5-S1 is lumbosacral, the others lumbar);
- ``laterality`` (left / right / bilateral / unspecified): the code of the result's side;
  bilateral without a bilateral code takes the left and the right code; no side takes
  the unspecified code;
- ``requires``: history flags that must be true; ``unless``: flags that must not be true
  (false or not known).

``code_notes`` says what a chosen code assumed because the history did not say.
"""

from __future__ import annotations

from rootmap.encounter import History
from rootmap.knowledge.model import Icd10Code


def select_codes(
    codes: tuple[Icd10Code, ...], side: str | None, levels: tuple[str, ...], history: History
) -> tuple[str, ...]:
    return tuple(code.code for code in chosen_codes(codes, side, levels, history))


def chosen_codes(
    codes: tuple[Icd10Code, ...], side: str | None, levels: tuple[str, ...], history: History
) -> list[Icd10Code]:
    chosen = [code for code in codes if _fits_region(code, levels)] or list(codes)
    chosen = [code for code in chosen if _fits_history(code, history)]
    sided = [code for code in chosen if code.laterality is not None]
    if sided:
        plain = [code for code in chosen if code.laterality is None]
        chosen = plain + _by_side(sided, side)
        chosen.sort(key=codes.index)
    return chosen


def code_notes(
    codes: tuple[Icd10Code, ...], side: str | None, levels: tuple[str, ...], history: History
) -> tuple[str, ...]:
    """The ``note`` of each chosen code whose choice rested on a flag that is not known."""
    notes = []
    for code in chosen_codes(codes, side, levels, history):
        if code.note and any(history.flag(f) is None for f in (*code.requires, *code.unless)):
            notes.append(code.note)
    return tuple(dict.fromkeys(notes))


def _by_side(codes: list[Icd10Code], side: str | None) -> list[Icd10Code]:
    want = {"left": ["left"], "right": ["right"], "bilateral": ["bilateral"]}.get(
        side or "", ["unspecified"]
    )
    picked = [code for code in codes if code.laterality in want]
    if not picked and side == "bilateral":
        picked = [code for code in codes if code.laterality in ("right", "left")]
    if not picked:
        picked = [code for code in codes if code.laterality == "unspecified"]
    return picked


def _fits_region(code: Icd10Code, levels: tuple[str, ...]) -> bool:
    if code.region is None or not levels:
        return True
    lumbosacral = any(level == "L5-S1" for level in levels)
    return (code.region == "lumbosacral") == lumbosacral


def _fits_history(code: Icd10Code, history: History) -> bool:
    return all(history.flag(flag) is True for flag in code.requires) and all(
        history.flag(flag) is not True for flag in code.unless
    )
