"""``rootmap import --fhir IN.json [--out FILE]``: a FHIR Bundle back into an encounter.

Writes the contract encounter JSON (what ``rootmap analyze`` reads) to standard output, or
to ``--out``; an ``--out`` ending in ``.rootmap`` gets a RootMap document. Observations it
cannot read are skipped with a warning line. ``fhir.resources`` is imported here only.
"""

from __future__ import annotations

import argparse
import json
import sys

PROG = "rootmap import"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--fhir",
        metavar="IN.json",
        required=True,
        help="a FHIR R4 Bundle (JSON) as `rootmap export` writes; - for stdin",
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="write the encounter here (.rootmap: a document), not to stdout",
    )


def run(args: argparse.Namespace) -> int:
    from rootmap.commands.analyze import InputError, ReadFailure, decode_json, read_bytes
    from rootmap.documents import (
        Document,
        SaveError,
        document_to_bytes,
        write_bytes_atomic,
    )
    from rootmap.knowledge.choice import KnowledgeChoiceError, knowledge_with_atlas

    try:
        knowledge = knowledge_with_atlas(None)
        data = decode_json(read_bytes(args.fhir), args.fhir)
    except KnowledgeChoiceError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return error.status
    except InputError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except ReadFailure as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1

    from rootmap.interop.fhir_import import FhirImportError, bundle_to_encounter

    warnings: list[str] = []
    try:
        encounter = bundle_to_encounter(data, knowledge, warnings)
    except FhirImportError as error:
        print(f"{PROG}: {args.fhir}: {error}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    if args.out and args.out.endswith(".rootmap"):
        out = document_to_bytes(Document(encounter=encounter))
    else:
        out = (json.dumps(encounter.to_json(), indent=2, ensure_ascii=False) + "\n").encode()
    if not args.out:
        sys.stdout.write(out.decode("utf-8"))
        return 0
    try:
        write_bytes_atomic(args.out, out)
    except SaveError as error:  # 2: a target we refuse; 1: the system failed
        print(f"{PROG}: {error}", file=sys.stderr)
        return error.status
    return 0
