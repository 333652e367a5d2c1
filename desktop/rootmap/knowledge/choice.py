"""The knowledge data with a checked atlas choice: what the headless commands and the
report inputs share (one clear line when the data is broken or the atlas unknown)."""

from __future__ import annotations

from rootmap.knowledge import Knowledge, KnowledgeError, load_knowledge


class KnowledgeChoiceError(Exception):
    """One line for the user, and the command's exit status (1: our data, 2: their input)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def knowledge_with_atlas(atlas: str | None) -> Knowledge:
    """The knowledge data, refusing an ``--atlas`` it does not know."""
    try:
        knowledge = load_knowledge()
    except KnowledgeError as error:
        raise KnowledgeChoiceError(f"the knowledge data is broken: {error}", status=1) from None
    if atlas is not None and atlas not in knowledge.atlases:
        known = ", ".join(knowledge.atlases)
        from rootmap.encounter import quoted

        raise KnowledgeChoiceError(
            f"--atlas: unknown atlas {quoted(atlas)} (known: {known})", status=2
        )
    return knowledge
