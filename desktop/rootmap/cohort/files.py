"""The files of a cohort, and a stable pseudonymous id for each."""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = (".rootmap", ".json")
KEY_VARIABLE = "ROOTMAP_COHORT_KEY"
DEFAULT_KEY = b"rootmap-cohort-v1"


def cohort_files(inputs: Iterable[str]) -> tuple[list[str], list[str]]:
    """The files to analyse (folders searched recursively for .rootmap and .json, sorted),
    and one line for each input that does not exist.

    Plain strings, not ``Path`` objects: a list of 50,000 of them stays small, and forked
    workers do not copy it page by page as the garbage collector walks it."""
    files: list[str] = []
    missing: list[str] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
            files.extend(sorted(str(p) for p in found))
        elif path.is_file():
            files.append(name)
        else:
            missing.append(f"{name}: no such file or folder")
    return files, missing


def cohort_key() -> bytes:
    """The key of the pseudonymous ids: ``$ROOTMAP_COHORT_KEY`` (a study's secret), or a default."""
    value = os.environ.get(KEY_VARIABLE)
    return value.encode("utf-8") if value else DEFAULT_KEY


def pseudonymous_id(content: bytes, key: bytes) -> str:
    """A keyed hash (HMAC-SHA256) of a file's bytes: the same file, the same id; never its name
    or label."""
    return hmac.new(key, content, hashlib.sha256).hexdigest()[:16]
