"""Standard output for the headless commands, failing with one line instead of a traceback.

Standard output may be closed (``>&-``), full (``>/dev/full``) or a pipe whose reader
left (``| head``). ``write_stdout`` and ``guarded`` turn each into one line on standard
error and exit 1 (0 for a reader that left, as Unix tools do), and make sure Python's own
flush at exit cannot print a second complaint.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO, cast


class ClosedStream:
    """Stands in for a standard stream that was closed when the process started."""

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, f"{self.name} is closed")

    def flush(self) -> None:
        raise OSError(errno.EBADF, f"{self.name} is closed")


class StdoutFailure(Exception):
    """Writing to standard output failed (``error`` says how)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Watched:
    """Standard output, with its failures told apart from any other I/O error."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.failed = False  # reported once: later writes are dropped

    def write(self, text: str) -> int:
        if self.failed:
            return len(text)
        try:
            return self._stream.write(text)
        except OSError as error:
            raise StdoutFailure(error) from None

    def flush(self) -> None:
        if self.failed:
            return
        try:
            self._stream.flush()
        except OSError as error:
            raise StdoutFailure(error) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def write_stdout(prog: str, text: str) -> int:
    """Write ``text`` to standard output and flush it: 0, or 1 after one line on stderr."""
    return guarded(prog, lambda: _write_and_flush(text))


def _write_and_flush(text: str) -> int:
    sys.stdout.write(text)
    sys.stdout.flush()
    return 0


def guarded(prog: str, run: Callable[[], int]) -> int:
    """``run()``, then flush standard output; a failing standard output is one line and
    exit 1 (0 when the reader of a pipe left), any other unexpected I/O error one line and
    exit 1: never a traceback."""
    original: Any = sys.stdout
    if isinstance(original, _Watched):  # nested (write_stdout inside a command)
        return _run(prog, run, original)
    closed: Any = ClosedStream("standard output")
    watched = _Watched(original if original is not None else closed)
    sys.stdout = cast(TextIO, watched)
    try:
        return _run(prog, run, watched)
    finally:
        current: Any = sys.stdout
        if current is watched:
            sys.stdout = original


def _run(prog: str, run: Callable[[], int], stream: _Watched) -> int:
    try:
        status = run()
        stream.flush()
        return status
    except StdoutFailure as failure:
        _silence_stdout(stream)
        if isinstance(failure.error, BrokenPipeError):  # e.g. `| head`: not an error
            return 0
        say(f"{prog}: cannot write to standard output: {_reason(failure.error)}")
        return 1
    except OSError as error:
        from rootmap.documents.files import os_reason

        where = f"{error.filename}: " if error.filename else ""
        say(f"{prog}: {where}{os_reason(error)}")
        return 1


def say(line: str) -> None:
    """One line on standard error, if there is one to write to."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def _reason(error: OSError) -> str:
    if error.errno == errno.EBADF:
        return "it is closed"
    from rootmap.documents.files import os_reason

    return os_reason(error)


def _silence_stdout(stream: _Watched) -> None:
    """Point file descriptor 1 at /dev/null, so that the flush at exit cannot fail again."""
    stream.failed = True
    with contextlib.suppress(OSError, ValueError, AttributeError, StdoutFailure):
        fileno = stream.fileno
        assert callable(fileno)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fileno())
        os.close(null)
