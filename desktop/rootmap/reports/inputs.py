"""What ``rootmap report`` and ``rootmap snapshot`` share: open a file, analyse it.

No Qt here: a bad input file is refused before Qt is even loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rootmap.analysis import Analysis
from rootmap.documents import Document, DocumentError, read_document
from rootmap.knowledge import Knowledge
from rootmap.knowledge.choice import KnowledgeChoiceError, knowledge_with_atlas


class InputError(Exception):
    """One line for the user; the command exits 2."""


@dataclass(frozen=True)
class Analysed:
    document: Document
    analysis: Analysis
    knowledge: Knowledge
    warnings: tuple[str, ...]


def open_and_analyse(path: str, atlas: str | None = None) -> Analysed:
    """Read a .rootmap document or a bare encounter JSON file and analyse it.

    ``atlas`` overrides the document's own atlas choice.
    """
    from rootmap.engine import analyze

    try:
        knowledge = knowledge_with_atlas(atlas)
    except KnowledgeChoiceError as error:
        raise InputError(str(error)) from None
    warnings: list[str] = []
    try:
        document = read_document(path, knowledge.regions, knowledge.atlases, warnings)
    except DocumentError as error:
        raise InputError(str(error)) from None
    if atlas is not None:
        document = replace(document, atlas=atlas)
    analysis = analyze(document.encounter, knowledge, document.atlas)
    return Analysed(document, analysis, knowledge, tuple(warnings))
