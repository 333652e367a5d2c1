"""The one way RootMap puts bytes in a file, and the one way it opens a file to read.

Writing (``write_atomic``), for documents, autosaves, reports, figures and caches alike:

- the bytes go to a temporary file of ours in the target's folder
  (``.NAME.XXXXXXXX.rootmap-tmp``, mode 0600, locked while it is written), are flushed
  to disk, then replace the target in one rename: the target is either the old file or
  the new one, never a mix; when anything fails the temporary file is removed;
- a target that is a symbolic link is written *through*: the regular file it points to is
  replaced and the link stays, as text editors do;
- an existing target that is not a regular file (a device, a named pipe, a socket, a
  folder) is refused, never replaced;
- temporary files of ours that an interrupted save left in that folder (their lock is
  free) are removed first: they may hold a patient's document;
- every file written is 0600, and a folder it creates is 0700.

Reading (``open_regular``): a path that is not a regular file is refused before anything
waits on it (a named pipe with no writer would block ``open`` for ever).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import time
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600
FOLDER_MODE = 0o700
TEMP_SUFFIX = ".rootmap-tmp"
# Ours: ``.NAME.XXXXXXXX.rootmap-tmp``; and the ``.NAME.XXXXXXXX.tmp`` that RootMap 0.x
# left beside a .rootmap file or an autosave.
OUR_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.rootmap-tmp$")
OLD_TEMP = re.compile(r"^\..+\.(rootmap|rootmap-autosave)\.[A-Za-z0-9_]{8}\.tmp$")
OLD_TEMP_AGE = 60.0  # seconds: an old-style temporary file this old is not being written


class FileRefused(OSError):
    """A path RootMap will not read or replace; ``reason`` says why, in a few words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, path)
        self.reason = reason


def kind_of(mode: int) -> str:
    """What a non-regular file is, for a message: 'a folder', 'a named pipe', ..."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file (symbolic links followed).

    Opened without blocking, checked, then switched back to blocking reads: a named pipe
    or a device is refused at once instead of hanging. ``FileRefused`` for those."""
    name = os.fspath(path)
    if not name:
        raise FileRefused(name, "the path is empty")
    mode = os.stat(name).st_mode  # a socket cannot even be opened: say what it is
    if not stat.S_ISREG(mode):
        raise FileRefused(name, f"it is {kind_of(mode)}, not a file")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(name, flags)  # checked again once open: the path may have changed
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused(name, f"it is {kind_of(mode)}, not a file")
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def resolve_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` replaces: ``path`` itself, or through its symbolic links
    the regular file they point to. ``FileRefused`` for an empty path or a target that
    exists and is not a regular file."""
    name = os.fspath(path)
    if not name:
        raise FileRefused(name, "the path is empty")
    target = Path(os.path.realpath(name)) if os.path.islink(name) else Path(name)
    try:
        mode = os.stat(target).st_mode
    except OSError:  # missing (or unreachable: the write says why)
        return target
    if not stat.S_ISREG(mode):
        raise FileRefused(name, f"it is {kind_of(mode)}, not a file; RootMap will not replace it")
    return target


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) as 0700 if it is missing."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        with contextlib.suppress(OSError):
            folder.chmod(FOLDER_MODE)


def make_private(path: Path, folder_is_ours: bool = False) -> None:
    """Make a file that RootMap keeps (its settings) 0600, creating it if missing, and its
    folder 0700 when created here or ``folder_is_ours``; others' files are left alone."""
    with contextlib.suppress(OSError):
        make_folder(path.parent)
        if folder_is_ours and path.parent.stat().st_uid == os.getuid():
            path.parent.chmod(FOLDER_MODE)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
        try:
            if os.fstat(fd).st_uid == os.getuid():
                os.fchmod(fd, FILE_MODE)
        finally:
            os.close(fd)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Replace ``path`` with ``data`` in one step (see the module); the file written.

    ``FileRefused`` for a target RootMap will not replace, ``OSError`` when the system
    fails (a full disk, no permission); either way the previous file is left intact."""
    target = resolve_target(path)
    folder = target.parent
    remove_stale_temporaries(folder)
    fd, temp_name = _create_temporary(folder, target.name)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # held until the rename: "being written", not stale
        os.fchmod(fd, FILE_MODE)
        _write_all(fd, data)
        os.fsync(fd)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    finally:
        os.close(fd)
    _sync_folder(folder)
    return target


def _create_temporary(folder: Path, name: str) -> tuple[int, str]:
    import tempfile

    return tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder or Path("."))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk (a power cut right after a save keeps the new file)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder or Path("."), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files of ours that no save is writing any more; the ones removed."""
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder or ".") if n.startswith(".")]
    except OSError:
        return removed
    for name in names:
        new, old = OUR_TEMP.match(name), OLD_TEMP.match(name)
        if not (new or old):
            continue
        path = Path(folder) / name
        with contextlib.suppress(OSError):
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
                continue
            if old and time.time() - info.st_mtime < OLD_TEMP_AGE:
                continue
            if new and not _lock_is_free(path):
                continue
            os.unlink(path)
            removed.append(path)
    return removed


def _lock_is_free(path: Path) -> bool:
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True
