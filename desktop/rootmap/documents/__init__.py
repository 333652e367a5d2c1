"""``.rootmap`` documents: the versioned file format, safe reading and writing,
autosave and crash recovery. Plain Python, no Qt."""

from rootmap.documents.files import SaveError, read_document, write_bytes_atomic, write_document
from rootmap.documents.format import (
    FORMAT,
    MAX_BYTES,
    VERSION,
    Document,
    DocumentError,
    NotReadableHere,
    document_from_bytes,
    document_from_json,
    document_to_bytes,
    migrate,
    now_iso,
)

__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "VERSION",
    "Document",
    "DocumentError",
    "NotReadableHere",
    "SaveError",
    "document_from_bytes",
    "document_from_json",
    "document_to_bytes",
    "migrate",
    "now_iso",
    "read_document",
    "write_bytes_atomic",
    "write_document",
]
