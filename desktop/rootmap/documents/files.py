"""Reading and writing ``.rootmap`` files on disk, safely (no Qt).

Writes are atomic: the bytes go to a temporary file in the same folder (mode
0600: a document may hold a patient label), are flushed to disk, then replace the
target in one rename. If anything fails, the previous file is left as it was and
the temporary file is removed. The desktop window saves through ``QSaveFile``,
which does the same; the command line and the autosave use this module.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Collection
from pathlib import Path

from rootmap.documents.format import (
    MAX_BYTES,
    Document,
    DocumentError,
    document_from_bytes,
    document_to_bytes,
)

FILE_MODE = 0o600
SUFFIX = ".rootmap"


def read_bytes_capped(path: Path) -> bytes:
    """A file's bytes, refusing more than ``MAX_BYTES`` (without reading them all)."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise DocumentError(f"cannot open {path.name}: {os_reason(error)}") from None
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"cannot open {path.name}: over the {MAX_BYTES // (1024 * 1024)} MB limit "
            "for a RootMap file"
        )
    return data


def read_document(
    path: str | os.PathLike[str],
    regions: Collection[str],
    atlases: Collection[str] | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """Open a ``.rootmap`` document or a bare encounter JSON file."""
    file = Path(path)
    data = read_bytes_capped(file)
    try:
        return document_from_bytes(data, regions, atlases, warnings)
    except DocumentError as error:
        raise DocumentError(f"cannot open {file.name}: {error}") from None


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; on failure the old file stays intact."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    temp_name: str | None = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as stream:
            os.fchmod(stream.fileno(), FILE_MODE)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
        temp_name = None
    except OSError as error:
        raise DocumentError(f"cannot save {target.name}: {os_reason(error)}") from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def write_document(path: str | os.PathLike[str], document: Document) -> None:
    """Save a document atomically (see ``write_bytes_atomic``)."""
    write_bytes_atomic(path, document_to_bytes(document))


def os_reason(error: OSError) -> str:
    """An OSError in a few words for a person: 'permission denied', 'the disk is full'."""
    reasons = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOENT: "no such file or folder",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.EISDIR: "it is a folder",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.EDQUOT: "the disk quota is exceeded",
    }
    return reasons.get(error.errno or 0, (error.strerror or str(error)).lower())
