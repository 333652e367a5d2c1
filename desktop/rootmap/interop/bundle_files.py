"""Where FHIR Bundles go and what they hold: the names, bytes and one-line account that the
command line (``rootmap export --fhir``) and the window (File ▸ Export FHIR) share.

Plain Python: no ``fhir.resources``, no Qt (the Bundles are JSON data already built and
validated by ``rootmap.interop.fhir_export``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any


def bundle_paths(out: str, count: int) -> list[str]:
    """Where each of ``count`` Bundles goes: ``out`` itself for one, numbered for more."""
    if count == 1:
        return [out]
    path = Path(out)
    return [
        str(path.with_name(f"{path.stem}-{n}{path.suffix or '.json'}")) for n in range(1, count + 1)
    ]


def bundle_bytes(bundle: dict[str, Any]) -> bytes:
    """A Bundle as the file holds it: indented UTF-8 JSON and a final newline."""
    return (json.dumps(bundle, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def describe(bundle: dict[str, Any]) -> str:
    """A one-line account of a Bundle: what it holds, by resource type."""
    counts: dict[str, int] = {}
    for entry in bundle.get("entry", []):
        kind = entry["resource"]["resourceType"]
        counts[kind] = counts.get(kind, 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())


def write_bundles(out: str, bundles: Sequence[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """Write each Bundle to its path (``bundle_paths``) with the one atomic writer, in order,
    yielding ``(path, describe(bundle))`` as each file is written.

    Raises ``rootmap.documents.SaveError`` at the first file that cannot be written: the
    files before it are written, that file (its previous content kept) and the ones after
    it are not touched."""
    from rootmap.documents import write_bytes_atomic

    for path, bundle in zip(bundle_paths(out, len(bundles)), bundles, strict=True):
        write_bytes_atomic(path, bundle_bytes(bundle))
        yield path, describe(bundle)
