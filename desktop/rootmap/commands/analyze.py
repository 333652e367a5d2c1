"""``rootmap analyze FILE|-``: read an encounter (JSON), print the analysis (JSON).

Exit 0 with the analysis on standard output. Input that breaks the contract
(missing or unreadable file, not UTF-8, not JSON, too large or too deeply
nested, an unknown region or sign, an unknown atlas) gets one line on standard
error naming the problem, and exit 2; so do NaN or Infinity anywhere, a key given
twice in one object, a path that is not a regular file (a named pipe is refused, never
waited on) and a closed standard input. An I/O failure (a read error, standard output
closed or full) and broken knowledge data: one line, exit 1. Unknown keys are ignored
with one summarising warning line. No Qt is imported here.
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from typing import Any

PROG = "rootmap analyze"
MAX_BYTES = 5 * 1024 * 1024  # an encounter is a few kilobytes; 5 MB is far beyond any real one


class InputError(Exception):
    """Bad input: the message is the one line the user sees (exit 2)."""


class ReadFailure(Exception):
    """The input could not be read (an I/O error): one line, exit 1."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the encounter as JSON, or - for stdin")
    parser.add_argument(
        "--atlas", metavar="NAME", help="the dermatome atlas to use (see `rootmap atlases`)"
    )


def read_bytes(name: str) -> bytes:
    """At most ``MAX_BYTES`` of the file (or stdin for ``-``)."""
    from rootmap.safe_files import FileRefused, open_regular

    shown = shown_name(name)
    try:
        if name == "-":
            if sys.stdin is None:
                raise InputError("-: standard input is closed")
            stream = getattr(sys.stdin, "buffer", None)
            if stream is not None:
                data = bytes(stream.read(MAX_BYTES + 1))
            else:  # a text stream (e.g. replaced in a test)
                data = sys.stdin.read(MAX_BYTES + 1).encode("utf-8", "surrogateescape")
        else:
            with open_regular(name) as handle:
                data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except FileRefused as error:
        raise InputError(f"{shown}: {error.reason}") from None
    except OSError as error:
        if name == "-" and error.errno == errno.EBADF:
            raise InputError("-: standard input is closed") from None
        raise ReadFailure(f"{shown}: cannot read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{shown}: too large (over {MAX_BYTES // (1024 * 1024)} MB)")
    return data


def shown_name(name: str) -> str:
    """A file name as given, or quoted when it is empty or holds control characters."""
    from rootmap.encounter import quoted

    return name if name and name.isprintable() and len(name) <= 200 else quoted(name, 200)


def decode_json(data: bytes, name: str) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not UTF-8 text (byte {error.start})") from None
    from rootmap.documents.format import strict_json_loads

    try:
        return strict_json_loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{name}: invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise InputError(f"{name}: invalid JSON: nested too deeply") from None
    except ValueError as error:  # NaN, a repeated key, an integer with too many digits
        raise InputError(f"{name}: invalid JSON: {' '.join(str(error).split())}") from None


def run(args: argparse.Namespace) -> int:
    from rootmap.encounter import EncounterError, parse_encounter
    from rootmap.engine import KnowledgeRuleError, UnknownAtlasError, analyze
    from rootmap.knowledge.choice import KnowledgeChoiceError, knowledge_with_atlas

    try:
        knowledge = knowledge_with_atlas(args.atlas)
    except KnowledgeChoiceError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return error.status
    warnings: list[str] = []
    try:
        data = decode_json(read_bytes(args.file), shown_name(args.file))
        encounter = parse_encounter(data, knowledge.regions, warnings)
    except InputError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except ReadFailure as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    except EncounterError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except RecursionError:
        print(f"{PROG}: {shown_name(args.file)}: nested too deeply", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    try:
        analysis = analyze(encounter, knowledge, args.atlas)
    except UnknownAtlasError as error:
        print(f"{PROG}: --atlas: {error}", file=sys.stderr)
        return 2
    except KnowledgeRuleError as error:
        print(f"{PROG}: the knowledge data is broken: {error}", file=sys.stderr)
        return 1
    from rootmap.commands.output import write_stdout

    return write_stdout(PROG, json.dumps(analysis.to_json(), indent=2, ensure_ascii=False) + "\n")
