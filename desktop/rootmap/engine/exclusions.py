"""Findings and signs marked "not due to a root": left out of the scores, named in the evidence.

As the ISNCSCI worksheet's asterisk does, the clinician may say that a mark or a sign is
explained by something else (an old ankle fracture, a known polyneuropathy). The engine
scores without it (``Encounter.counted``); here, every root the item would have argued
for gets a zero-weight line naming the item and the reason, and the analysis lists all
such items in ``excluded``.
"""

from __future__ import annotations

from dataclasses import replace

from rootmap.analysis import Evidence, Exclusion, RootResult
from rootmap.encounter import Encounter, Finding
from rootmap.engine.rules import describe_finding, describe_sign
from rootmap.knowledge.model import Atlas, Knowledge


def note_exclusions(
    encounter: Encounter, roots: tuple[RootResult, ...], knowledge: Knowledge, atlas: Atlas
) -> tuple[tuple[RootResult, ...], tuple[Exclusion, ...]]:
    exclusions: list[Exclusion] = []
    extra: dict[tuple[str, str], list[Evidence]] = {}
    for item in encounter.excluded_items():
        reason = item.excluded or ""
        if isinstance(item, Finding):
            text = describe_finding(item, with_side=True)
            entry = atlas.entry(item.region)
            item_roots = (*entry.primary, *entry.overlap) if entry else ()
            sides = ("left", "right") if item.side == "midline" else (item.side,)
        else:
            text = f"{describe_sign(item)}, {item.side}"
            rule = knowledge.signs.get(item.sign)
            item_roots = tuple(rule.roots) if rule else ()
            sides = (item.side,)
        exclusions.append(Exclusion(item=text, reason=reason))
        line = Evidence(f"not counted: {text} (not due to a root: {reason})", 0.0)
        for root in item_roots:
            for side in sides:
                extra.setdefault((root, side), []).append(line)
    if not extra:
        return roots, tuple(exclusions)
    noted = []
    for result in roots:
        sides = ("left", "right") if result.side == "bilateral" else (result.side,)
        lines = list(dict.fromkeys(e for s in sides for e in extra.get((result.root, s), [])))
        noted.append(replace(result, evidence=result.evidence + tuple(lines)) if lines else result)
    return tuple(noted), tuple(exclusions)
