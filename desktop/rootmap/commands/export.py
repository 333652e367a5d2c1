"""``rootmap export FILE --fhir OUT.json``: a document's visits as FHIR R4 Bundles.

One Bundle per visit, earliest first: with one visit, ``OUT.json`` itself; with more,
``OUT-1.json``, ``OUT-2.json``... (``-`` writes one Bundle to standard output). The patient
label is left out unless ``--include-label`` is given. ``fhir.resources`` is imported here
only, after the input has been read and checked. No Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

PROG = "rootmap export"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a .rootmap document or an encounter JSON")
    parser.add_argument(
        "--fhir",
        metavar="OUT.json",
        required=True,
        help="where to write the FHIR R4 Bundle (JSON); - for standard output",
    )
    parser.add_argument(
        "--include-label",
        action="store_true",
        help="put the document's patient label in the Patient (off by default)",
    )
    parser.add_argument("--atlas", metavar="NAME", help="dermatome atlas (see `rootmap atlases`)")


def bundle_paths(out: str, count: int) -> list[str]:
    """Where each of ``count`` Bundles goes: ``out`` itself for one, numbered for more."""
    if count == 1:
        return [out]
    path = Path(out)
    return [
        str(path.with_name(f"{path.stem}-{n}{path.suffix or '.json'}")) for n in range(1, count + 1)
    ]


def describe(bundle: dict[str, Any]) -> str:
    """A one-line account of a Bundle: what it holds, by resource type."""
    counts: dict[str, int] = {}
    for entry in bundle.get("entry", []):
        kind = entry["resource"]["resourceType"]
        counts[kind] = counts.get(kind, 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())


def run(args: argparse.Namespace) -> int:
    from rootmap.documents import SaveError, write_bytes_atomic
    from rootmap.reports.inputs import InputError, open_and_analyse

    try:
        analysed = open_and_analyse(args.file, args.atlas)
    except InputError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    for warning in analysed.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)

    from rootmap.interop.fhir_export import export_document

    bundles = export_document(
        analysed.document, analysed.knowledge, atlas=args.atlas, include_label=args.include_label
    )
    if args.fhir == "-":
        if len(bundles) != 1:
            print(f"{PROG}: --fhir -: {len(bundles)} visits need a file name", file=sys.stderr)
            return 2
        sys.stdout.write(json.dumps(bundles[0], indent=2, ensure_ascii=False) + "\n")
        return 0
    for path, bundle in zip(bundle_paths(args.fhir, len(bundles)), bundles, strict=True):
        data = (json.dumps(bundle, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        try:
            write_bytes_atomic(path, data)
        except SaveError as error:  # 2: a target we refuse; 1: the system failed
            print(f"{PROG}: {error}", file=sys.stderr)
            return error.status
        print(f"{path}: FHIR R4 Bundle (collection): {describe(bundle)}")
    return 0
