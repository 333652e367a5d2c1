"""Autosave and crash recovery, the part without Qt.

Each running window owns one autosave file in the autosave folder, named after
its process id: ``session-<pid>.rootmap-autosave``. It holds the document and the
path it was opened from. A clean close deletes it. At start-up, an autosave file
whose process is no longer running comes from a session that did not close
cleanly (a crash, a kill, a power cut): the window offers to recover it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rootmap.documents.files import read_bytes_capped, write_bytes_atomic
from rootmap.documents.format import (
    Document,
    DocumentError,
    decode_json,
    document_from_json,
)

AUTOSAVE_FORMAT = "rootmap-autosave"
PATTERN = re.compile(r"^session-(\d{1,10})\.rootmap-autosave$")


@dataclass(frozen=True)
class Recovery:
    """An autosave left behind by a session that did not close cleanly."""

    path: Path  # the autosave file
    document: Document
    source: Path | None  # the file the session was editing, if it had one
    saved_at: str  # when the autosave was written (ISO 8601)


def session_file(folder: Path, pid: int | None = None) -> Path:
    return folder / f"session-{os.getpid() if pid is None else pid}.rootmap-autosave"


def write_autosave(path: Path, document: Document, source: Path | None, saved_at: str) -> None:
    """Write one autosave atomically (mode 0600), creating the folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
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


def process_is_running(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it is running
        return True
    except OSError:
        return False
    return True


def orphaned_autosaves(folder: Path) -> list[Path]:
    """Autosave files whose session is gone (newest first); live sessions' files are left."""
    if not folder.is_dir():
        return []
    found: list[tuple[float, Path]] = []
    for path in folder.iterdir():
        match = PATTERN.match(path.name)
        if not match or int(match.group(1)) == os.getpid():
            continue
        if process_is_running(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            found.append((path.stat().st_mtime, path))
    return [path for _, path in sorted(found, reverse=True)]


def find_recoveries(
    folder: Path, regions: Collection[str], atlases: Collection[str] | None = None
) -> tuple[list[Recovery], list[Path]]:
    """(recoverable autosaves, damaged autosave files) left by sessions that are gone."""
    good: list[Recovery] = []
    damaged: list[Path] = []
    for path in orphaned_autosaves(folder):
        try:
            good.append(read_autosave(path, regions, atlases))
        except DocumentError:
            damaged.append(path)
    return good, damaged


def discard(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
