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
from typing import TextIO


class ClosedStream:
    """Stands in for a standard stream that was closed when the process started."""

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, f"{self.name} is closed")

    def flush(self) -> None:
        raise OSError(errno.EBADF, f"{self.name} is closed")


def write_stdout(prog: str, text: str) -> int:
    """Write ``text`` to standard output and flush it: 0, or 1 after one line on stderr."""
    return guarded(prog, lambda: _write_and_flush(text))


def _write_and_flush(text: str) -> int:
    stream: TextIO | None = sys.stdout
    if stream is None:
        raise OSError(errno.EBADF, "standard output is closed")
    stream.write(text)
    stream.flush()
    return 0


def guarded(prog: str, run: Callable[[], int]) -> int:
    """``run()``, with a failing standard output reported in one line (exit 1)."""
    if sys.stdout is None:
        sys.stdout = ClosedStream("standard output")
    try:
        return run()
    except BrokenPipeError:  # the reader left (e.g. `| head`): not an error
        _silence_stdout()
        return 0
    except OSError as error:
        _silence_stdout()
        say(f"{prog}: cannot write to standard output: {_reason(error)}")
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


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that the flush at exit cannot fail again."""
    stream = sys.stdout
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    if isinstance(stream, ClosedStream) or stream is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
