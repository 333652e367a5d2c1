"""The mapping engine: ``analyze(encounter, knowledge, atlas) -> Analysis``.

Pure and deterministic: no I/O, no Qt, no clock. Explainable: every score is a
sum of named ``Evidence`` that the result carries. The pieces:

- ``rules``: the ``when`` language of conditions.toml and red_flags.toml;
- ``roots``: dermatome, myotome and reflex scoring, sides and bilateral merge;
- ``levels``: from a root to the disc levels that could compress it;
- ``conditions``: spinal, peripheral, local and central conditions;
- ``codes``: the ICD-10-CM codes that fit the side, level and history;
- ``red_flags``: serious pathology and what to do about it;
- ``progression``: a deficit that worsens between visits (contract v2);
- ``changes``, ``extent``, ``exclusions``: visits compared, the share of the body
  marked, and the items marked "not due to a root" (contract v2).
- ``close_calls``: the first roots or conditions within a small margin of each other.
"""

from __future__ import annotations

from rootmap.analysis import Analysis
from rootmap.encounter import Encounter
from rootmap.engine.changes import changes_since_previous
from rootmap.engine.close_calls import close_calls
from rootmap.engine.compiled import Compiled, KnowledgeRuleError, compile_knowledge
from rootmap.engine.conditions import score_conditions
from rootmap.engine.exclusions import note_exclusions
from rootmap.engine.extent import extent_of
from rootmap.engine.facts import implicated_sides
from rootmap.engine.progression import progression_reasons
from rootmap.engine.red_flags import raise_flags
from rootmap.engine.roots import score_roots
from rootmap.engine.rules import RuleError
from rootmap.knowledge.model import Knowledge

__all__ = ["KnowledgeRuleError", "RuleError", "UnknownAtlasError", "analyze"]

# id(knowledge) -> (knowledge, compiled); the knowledge is kept so that its id stays unique.
_COMPILED: dict[int, tuple[Knowledge, Compiled]] = {}


class UnknownAtlasError(ValueError):
    """An atlas name the knowledge does not have."""


def compiled_rules(knowledge: Knowledge) -> Compiled:
    """The knowledge's predicates, compiled and checked once (``KnowledgeRuleError``)."""
    cached = _COMPILED.get(id(knowledge))
    if cached is not None and cached[0] is knowledge:
        return cached[1]
    compiled = compile_knowledge(knowledge)
    if len(_COMPILED) >= 8:
        _COMPILED.clear()
    _COMPILED[id(knowledge)] = (knowledge, compiled)
    return compiled


def analyze(encounter: Encounter, knowledge: Knowledge, atlas: str | None = None) -> Analysis:
    """Which roots, conditions and red flags the encounter points to, and why."""
    atlas_id = atlas or knowledge.default_atlas
    if atlas_id not in knowledge.atlases:
        known = ", ".join(knowledge.atlases)
        raise UnknownAtlasError(f"unknown atlas {atlas_id!r} (known: {known})")
    compiled = compiled_rules(knowledge)
    counted = encounter.counted()  # without the items marked "not due to a root"
    roots = score_roots(counted, knowledge, knowledge.atlases[atlas_id])
    conditions = score_conditions(counted, knowledge, compiled.conditions, roots)
    progression = progression_reasons(encounter)
    flags = raise_flags(
        counted, knowledge, compiled, implicated_sides(roots), conditions, progression
    )
    roots, excluded = note_exclusions(encounter, roots, knowledge, knowledge.atlases[atlas_id])
    return Analysis(
        roots=roots,
        conditions=conditions,
        red_flags=flags,
        atlas=atlas_id,
        extent=extent_of(encounter),
        changes=changes_since_previous(encounter),
        excluded=excluded,
        close_calls=close_calls(roots, conditions, knowledge.scoring),
    )
