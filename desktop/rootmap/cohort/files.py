"""The files of a cohort, and a stable pseudonymous id for each."""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable, Iterator

SUFFIXES = (".rootmap", ".json")
KEY_VARIABLE = "ROOTMAP_COHORT_KEY"
DEFAULT_KEY = b"rootmap-cohort-v1"


def cohort_files(inputs: Iterable[str]) -> tuple[list[str], list[str]]:
    """The files to analyse (folders searched recursively for .rootmap and .json; in each
    folder its files by name, then its subfolders by name), and one line for each input
    that does not exist.

    Names only, as plain strings (no ``Path`` objects): the list is the one thing that grows
    with a cohort, about 0.1 KB a file."""
    files: list[str] = []
    missing: list[str] = []
    for name in inputs:
        if os.path.isdir(name):
            files.extend(_walk(name))
        elif os.path.isfile(name):
            files.append(name)
        else:
            missing.append(f"{name}: no such file or folder")
    return files, missing


def _walk(top: str) -> Iterator[str]:
    for folder, subfolders, names in os.walk(top):
        subfolders.sort()
        for name in sorted(names):
            if name.endswith(SUFFIXES):
                yield os.path.join(folder, name)


def cohort_key() -> bytes:
    """The key of the pseudonymous ids: ``$ROOTMAP_COHORT_KEY`` (a study's secret), or a default."""
    value = os.environ.get(KEY_VARIABLE)
    return value.encode("utf-8") if value else DEFAULT_KEY


def pseudonymous_id(content: bytes, key: bytes) -> str:
    """A keyed hash (HMAC-SHA256) of a file's bytes: the same file, the same id; never its name
    or label."""
    return hmac.new(key, content, hashlib.sha256).hexdigest()[:16]
