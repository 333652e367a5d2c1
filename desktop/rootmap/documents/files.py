"""Reading and writing ``.rootmap`` files on disk, safely (no Qt).

Reads refuse anything but a regular file before opening it (a named pipe would hang)
and more than ``MAX_BYTES``. Writes go through ``rootmap.safe_files``: atomic,
0600, through symbolic links to the file they name, never over a device, pipe, socket
or folder. The command line, the autosave and the window all save through here.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Collection
from pathlib import Path

from rootmap.documents.format import (
    MAX_BYTES,
    Document,
    DocumentError,
    document_from_bytes,
    document_to_bytes,
)
from rootmap.encounter import quoted
from rootmap.safe_files import FileRefused, open_regular, write_atomic

SUFFIX = ".rootmap"


def read_bytes_capped(path: Path) -> bytes:
    """A file's bytes, refusing more than ``MAX_BYTES`` (without reading them all)."""
    try:
        with open_regular(path) as stream:
            data = stream.read(MAX_BYTES + 1)
    except FileRefused as error:
        raise DocumentError(f"cannot open {_name(path)}: {error.reason}") from None
    except OSError as error:
        raise DocumentError(f"cannot open {_name(path)}: {os_reason(error)}") from None
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"cannot open {_name(path)}: over the {MAX_BYTES // (1024 * 1024)} MB limit "
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
    if not os.fspath(path):
        raise DocumentError("cannot open the file: the path is empty")
    file = Path(path)
    data = read_bytes_capped(file)
    try:
        return document_from_bytes(data, regions, atlases, warnings)
    except DocumentError as error:
        raise type(error)(f"cannot open {_name(file)}: {error}") from None


class SaveError(DocumentError):
    """A save that did not happen; the previous file is intact.

    ``reason``: what happened, in a few words; ``folder``: where; ``status``: the exit
    status of a command (2: a target RootMap refuses, 1: the system failed)."""

    def __init__(self, path: Path, reason: str, status: int) -> None:
        super().__init__(f"cannot save {_name(path)}: {reason}")
        self.path = path
        self.reason = reason
        self.status = status

    @property
    def folder(self) -> Path:
        return self.path.absolute().parent


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (``atomic.write_atomic``); ``SaveError``
    when it cannot be done, and then the old file stays intact."""
    try:
        write_atomic(path, data)
    except FileRefused as error:
        raise SaveError(Path(os.fspath(path)), error.reason, status=2) from None
    except OSError as error:
        status = 2 if error.errno in BAD_PATH_ERRNOS else 1
        raise SaveError(Path(os.fspath(path)), os_reason(error), status) from None


# A path that cannot name a file (the user's input: exit 2); any other failure is the
# system's (exit 1): a full or read-only disk, no permission, an input/output error.
BAD_PATH_ERRNOS = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG,
                             errno.EINVAL, errno.ELOOP})  # fmt: skip


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
        errno.EIO: "the disk could not be read or written (input/output error)",
        errno.EBADF: "it is closed",
    }
    return reasons.get(error.errno or 0, (error.strerror or str(error)).lower())


def _name(path: str | os.PathLike[str]) -> str:
    """A file's name for a message: quoted when it holds anything odd, never a path."""
    name = Path(os.fspath(path)).name or os.fspath(path)
    plain = name.isprintable() and len(name) <= 80 and "'" not in name
    return name if plain else quoted(name)
