"""``.rootmap`` documents: the versioned file format, safe reading and writing,
autosave and crash recovery. Plain Python, no Qt."""

from rootmap.documents.files import read_document, write_bytes_atomic, write_document
from rootmap.documents.format import (
    FORMAT,
    MAX_BYTES,
    VERSION,
    Document,
    DocumentError,
    document_from_bytes,
    document_from_json,
    document_to_bytes,
    migrate,
    now_iso,
)
from rootmap.documents.visits import (
    VisitError,
    VisitSummary,
    add_follow_up,
    find_visit,
    for_analysis,
    get_visit,
    replace_visit,
    visit_list,
    visits,
)

__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "VERSION",
    "Document",
    "DocumentError",
    "VisitError",
    "VisitSummary",
    "add_follow_up",
    "document_from_bytes",
    "document_from_json",
    "document_to_bytes",
    "find_visit",
    "for_analysis",
    "get_visit",
    "migrate",
    "now_iso",
    "read_document",
    "replace_visit",
    "visit_list",
    "visits",
    "write_bytes_atomic",
    "write_document",
]
