"""``rootmap report FILE --pdf OUT``: the PDF report of a .rootmap file, headless."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a .rootmap document or an encounter JSON")
    parser.add_argument("--pdf", metavar="OUT", required=True, help="where to write the PDF")
    parser.add_argument("--atlas", metavar="NAME", help="dermatome atlas (see `rootmap atlases`)")
    parser.add_argument(
        "--visit",
        metavar="DATE",
        help="report this visit, by its date YYYY-MM-DD (default: the latest), "
        "compared with the visit before it",
    )


def run(args: argparse.Namespace) -> int:
    from rootmap.documents import SaveError
    from rootmap.reports.inputs import InputError, open_and_analyse
    from rootmap.safe_files import FileRefused, resolve_target

    try:  # refuse a target we would not replace before any work is done
        resolve_target(args.pdf)
    except FileRefused as error:
        print(f"rootmap report: --pdf: {error.reason}", file=sys.stderr)
        return 2
    try:
        analysed = open_and_analyse(args.file, args.atlas, args.visit)
    except InputError as error:
        print(f"rootmap report: {error}", file=sys.stderr)
        return 2
    for warning in analysed.warnings:
        print(f"rootmap report: warning: {warning}", file=sys.stderr)

    from rootmap.maps import MapFileError
    from rootmap.reports.pdf import write_pdf_report
    from rootmap.reports.qt import ensure_gui_app

    ensure_gui_app()
    try:
        document = analysed.document_of_visit()
        write_pdf_report(args.pdf, document, analysed.analysis, analysed.knowledge)
    except SaveError as error:  # 2: a target we refuse; 1: the system failed
        print(f"rootmap report: {error}", file=sys.stderr)
        return error.status
    except MapFileError as error:  # an installation problem, not the user's input
        print(f"rootmap report: a map file is broken: {error}", file=sys.stderr)
        return 1
    return 0
