"""``rootmap export FILE --fhir OUT.json``: a document's visits as FHIR R4 Bundles.

One Bundle per visit, earliest first: with one visit, ``OUT.json`` itself; with more,
``OUT-1.json``, ``OUT-2.json``... (``-`` writes one Bundle to standard output). The patient
label is left out unless ``--include-label`` is given. ``fhir.resources`` is imported here
only, after the input has been read and checked. No Qt.
"""

from __future__ import annotations

import argparse
import sys

from rootmap.interop.bundle_files import bundle_bytes, bundle_paths, describe, write_bundles

__all__ = ["add_arguments", "bundle_paths", "describe", "run"]

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


def run(args: argparse.Namespace) -> int:
    from rootmap.documents import SaveError
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
        sys.stdout.write(bundle_bytes(bundles[0]).decode("utf-8"))
        return 0
    try:
        for path, description in write_bundles(args.fhir, bundles):
            print(f"{path}: FHIR R4 Bundle (collection): {description}")
    except SaveError as error:  # 2: a target we refuse; 1: the system failed
        print(f"{PROG}: {error}", file=sys.stderr)
        return error.status
    return 0
