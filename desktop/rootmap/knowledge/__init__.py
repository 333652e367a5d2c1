"""Clinical knowledge: data files in ``assets/knowledge/``, typed values in ``model``."""

from rootmap.knowledge.loader import KnowledgeError, load_knowledge
from rootmap.knowledge.model import (
    Atlas,
    Condition,
    DermatomeEntry,
    DiscLevel,
    Feature,
    Icd10Code,
    Knowledge,
    LevelRule,
    Nerve,
    RedFlag,
    Region,
    Root,
    SignRule,
    Source,
)

__all__ = [
    "Atlas",
    "Condition",
    "DermatomeEntry",
    "DiscLevel",
    "Feature",
    "Icd10Code",
    "Knowledge",
    "KnowledgeError",
    "LevelRule",
    "Nerve",
    "RedFlag",
    "Region",
    "Root",
    "SignRule",
    "Source",
    "load_knowledge",
]
