"""Autosave and crash recovery, the part without Qt.

Each running window owns one autosave file in the autosave folder, named after a
session id made of its process id and a random part:
``session-<pid>-<random>.rootmap-autosave``. It holds the document and the path it was
opened from. While the file exists, the session holds an exclusive ``flock`` on its lock
file beside it (``session-<...>.lock``); the kernel drops that lock when the process
dies, however it dies. So at start-up, an autosave whose lock is free comes from a
session that did not close cleanly (a crash, a kill, a power cut), and the window offers
to recover it. Process ids are never trusted on their own: they repeat in containers
and sandboxes.

A recovered autosave is kept until the recovering session's own autosave or a save
replaces it: crash again right after recovering, and it is offered again. An autosave
that this RootMap cannot read although it is sound (made by a newer RootMap, or naming
an atlas this build lacks) is kept for the RootMap that can, never deleted as damaged.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rootmap.documents.files import read_bytes_capped, write_bytes_atomic
from rootmap.documents.format import (
    Document,
    DocumentError,
    NotReadableHere,
    decode_json,
    document_from_json,
)
from rootmap.safe_files import make_folder

AUTOSAVE_FORMAT = "rootmap-autosave"
SUFFIX = ".rootmap-autosave"
LOCK_SUFFIX = ".lock"
PATTERN = re.compile(r"^session-([0-9A-Za-z-]{1,64})\.rootmap-autosave$")


@dataclass(frozen=True)
class Recovery:
    """An autosave left behind by a session that did not close cleanly."""

    path: Path  # the autosave file
    document: Document
    source: Path | None  # the file the session was editing, if it had one
    saved_at: str  # when the autosave was written (ISO 8601)


def new_session_id() -> str:
    """``<pid>-<12 random hex digits>``: unique even when a process id comes back."""
    return f"{os.getpid()}-{secrets.token_hex(6)}"


def session_file(folder: Path, session: str | None = None) -> Path:
    return folder / f"session-{session or new_session_id()}{SUFFIX}"


def lock_file(autosave: Path) -> Path:
    return autosave.with_name(autosave.name.removesuffix(SUFFIX) + LOCK_SUFFIX)


class SessionLock:
    """An exclusive ``flock`` on an autosave's lock file, held until ``release`` (or until
    the process dies: the kernel releases it then, which is how a crash is recognised)."""

    def __init__(self, autosave: Path) -> None:
        self.path = lock_file(autosave)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock (creating its file, 0600); False if another live session holds it."""
        if self._fd is not None:
            return True
        make_folder(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self, remove: bool = True) -> None:
        if self._fd is None:
            return
        if remove:
            with contextlib.suppress(OSError):
                self.path.unlink()
        os.close(self._fd)
        self._fd = None


def is_orphaned(autosave: Path) -> bool:
    """True when no live session holds the autosave's lock (its session is gone)."""
    path = lock_file(autosave)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return True  # an autosave of RootMap 0.x, or its session died before locking
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # held: a running session
    finally:
        os.close(fd)
    return True


def write_autosave(path: Path, document: Document, source: Path | None, saved_at: str) -> None:
    """Write one autosave atomically (mode 0600), creating the folder (0700) if needed."""
    make_folder(path.parent)
    payload = {
        "format": AUTOSAVE_FORMAT,
        "source": str(source) if source is not None else None,
        "saved_at": saved_at,
        "document": document.to_json(),
    }
    write_bytes_atomic(path, json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def read_autosave(
    path: Path, regions: Collection[str], atlases: Collection[str] | None = None
) -> Recovery:
    """Read one autosave file; ``DocumentError`` if it is damaged."""
    data: Any = decode_json(read_bytes_capped(path))
    if not isinstance(data, dict) or data.get("format") != AUTOSAVE_FORMAT:
        raise DocumentError(f"{path.name}: not a RootMap autosave")
    source = data.get("source")
    saved_at = data.get("saved_at")
    document = document_from_json(data.get("document"), regions, atlases)
    return Recovery(
        path=path,
        document=document,
        source=Path(source) if isinstance(source, str) and source else None,
        saved_at=saved_at if isinstance(saved_at, str) else document.modified,
    )


def orphaned_autosaves(folder: Path) -> list[Path]:
    """Autosave files whose session is gone (newest first); live sessions' files are left."""
    if not folder.is_dir():
        return []
    found: list[tuple[float, Path]] = []
    for path in folder.iterdir():
        if not PATTERN.match(path.name) or not is_orphaned(path):
            continue
        with contextlib.suppress(OSError):
            found.append((path.stat().st_mtime, path))
    return [path for _, path in sorted(found, reverse=True)]


@dataclass(frozen=True)
class Scan:
    """What the sessions that are gone left behind."""

    recoverable: list[Recovery]  # newest first
    damaged: list[Path]  # nothing in them to recover
    kept: list[tuple[Path, str]]  # sound, but not for this RootMap: (file, why)


def scan_autosaves(
    folder: Path, regions: Collection[str], atlases: Collection[str] | None = None
) -> Scan:
    scan = Scan([], [], [])
    for path in orphaned_autosaves(folder):
        try:
            scan.recoverable.append(read_autosave(path, regions, atlases))
        except NotReadableHere as error:
            scan.kept.append((path, str(error)))
        except DocumentError:
            scan.damaged.append(path)
    remove_stale_locks(folder)
    return scan


def find_recoveries(
    folder: Path, regions: Collection[str], atlases: Collection[str] | None = None
) -> tuple[list[Recovery], list[Path]]:
    """(recoverable autosaves, damaged autosave files) left by sessions that are gone."""
    scan = scan_autosaves(folder, regions, atlases)
    return scan.recoverable, scan.damaged


def discard(path: Path) -> None:
    """Remove an autosave file and its (free or own) lock file."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    with contextlib.suppress(FileNotFoundError):
        lock_file(path).unlink()


def remove_stale_locks(folder: Path) -> None:
    """Lock files whose autosave is gone and whose session is gone: litter of a crash."""
    with contextlib.suppress(OSError):
        for path in folder.glob(f"session-*{LOCK_SUFFIX}"):
            autosave = path.with_name(path.name.removesuffix(LOCK_SUFFIX) + SUFFIX)
            if not autosave.exists() and is_orphaned(autosave):
                with contextlib.suppress(OSError):
                    path.unlink()
