"""Visits: the encounters of one document in date order, and a pseudonym for the patient.

A document's earlier visits are read from ``Document.earlier`` (document format 2) or the
current encounter's ``previous`` (contract v2), whichever the document has; a document of
one visit gives one. Export takes the list, so that it emits one FHIR Bundle per visit
whatever a document holds.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date as Date

from rootmap.documents import Document
from rootmap.encounter import Encounter

# A fixed namespace: the same document exports with the same resource ids every time.
NAMESPACE = uuid.UUID("6f0e4c1a-52f5-4f0b-9a57-6c9a0e3b2d41")


@dataclass(frozen=True)
class Visit:
    encounter: Encounter
    date: str | None = None  # ISO 8601 date of the visit, when known
    index: int = 0  # its position among the document's visits (oldest first)


def visit_date(encounter: Encounter) -> str | None:
    """The encounter's visit date (contract v2 ``date``), if it carries a valid one."""
    value = getattr(encounter, "date", None)
    if not isinstance(value, str):
        return None
    try:
        return Date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def visits_of(document: Document) -> list[Visit]:
    """Every visit of a document, earliest first (undated visits keep their order, last)."""
    earlier = tuple(getattr(document, "earlier", ())) or tuple(
        getattr(document.encounter, "previous", ())
    )
    encounters = [*earlier, document.encounter]
    visits = [Visit(e, visit_date(e), index) for index, e in enumerate(encounters)]
    dated = sorted((v for v in visits if v.date is not None), key=lambda v: v.date or "")
    return dated + [v for v in visits if v.date is None]


def pseudonym(document: Document) -> str:
    """A stable pseudonymous patient id: from the document's creation time and content.

    Never from the patient label, so that the id cannot be guessed from a name.
    """
    content = json.dumps(document.encounter.to_json(), sort_keys=True)
    digest = hashlib.sha256(f"{document.created}\n{content}".encode()).hexdigest()
    return str(uuid.uuid5(NAMESPACE, digest))


def resource_id(patient: str, visit: int, key: str) -> str:
    """A stable UUID for one resource of one visit's Bundle."""
    return str(uuid.uuid5(NAMESPACE, f"{patient}/{visit}/{key}"))
