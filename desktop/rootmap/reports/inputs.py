"""What ``rootmap report`` and ``rootmap snapshot`` share: open a file, analyse it.

No Qt here: a bad input file is refused before Qt is even loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rootmap.analysis import Analysis
from rootmap.documents import Document, DocumentError, find_visit, for_analysis, read_document
from rootmap.encounter import Encounter
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
    visit: Encounter | None = None  # the visit analysed, with its earlier visits as previous

    @property
    def encounter(self) -> Encounter:
        """The visit that was analysed (the document's current one unless chosen)."""
        return self.visit if self.visit is not None else self.document.encounter

    def document_of_visit(self) -> Document:
        """The document as of the analysed visit: it is the current one, later ones left out."""
        if self.visit is None:
            return self.document
        return replace(
            self.document, earlier=self.visit.previous, encounter=replace(self.visit, previous=())
        )


def open_and_analyse(path: str, atlas: str | None = None, visit: str | None = None) -> Analysed:
    """Read a .rootmap document or a bare encounter JSON file and analyse one visit.

    ``atlas`` overrides the document's own atlas choice; ``visit`` (an ISO date) picks
    the visit (default: the latest), compared with the visits before it.
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
    try:
        index = -1 if visit is None else find_visit(document, visit)
    except DocumentError as error:
        raise InputError(f"--visit: {error}") from None
    chosen = for_analysis(document, index)
    analysis = analyze(chosen, knowledge, document.atlas)
    return Analysed(document, analysis, knowledge, tuple(warnings), chosen)
