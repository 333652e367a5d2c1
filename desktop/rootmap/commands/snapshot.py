"""``rootmap snapshot FILE --view NAME --png OUT``: one map view as a figure, headless."""

from __future__ import annotations

import argparse
import sys

MIN_WIDTH, MAX_WIDTH = 100, 8000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a .rootmap document or an encounter JSON")
    parser.add_argument("--view", metavar="NAME", required=True,
                        help="body_front, body_back, foot_dorsal, foot_plantar, foot_medial "
                        "or foot_lateral")  # fmt: skip
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument("--png", metavar="OUT", help="write a PNG image")
    out.add_argument("--svg", metavar="OUT", help="write an SVG (vector) figure")
    parser.add_argument(
        "--width", metavar="PX", type=int, default=1600,
        help=f"width in pixels, {MIN_WIDTH}-{MAX_WIDTH} (default 1600)",
    )  # fmt: skip
    parser.add_argument("--atlas", metavar="NAME", help="dermatome atlas (see `rootmap atlases`)")
    parser.add_argument(
        "--visit",
        metavar="DATE",
        help="the visit to draw, by its date YYYY-MM-DD (default: latest)",
    )


def run(args: argparse.Namespace) -> int:
    from rootmap.documents import SaveError, write_bytes_atomic
    from rootmap.encounter import quoted
    from rootmap.maps import VIEW_NAMES, MapFileError
    from rootmap.reports.inputs import InputError, open_and_analyse
    from rootmap.safe_files import FileRefused, resolve_target

    def fail(message: str) -> int:
        print(f"rootmap snapshot: {message}", file=sys.stderr)
        return 2

    if args.view not in VIEW_NAMES:
        return fail(
            f"--view: unknown view {quoted(args.view)} (expected one of: {', '.join(VIEW_NAMES)})"
        )
    if not MIN_WIDTH <= args.width <= MAX_WIDTH:
        return fail(f"--width: must be from {MIN_WIDTH} to {MAX_WIDTH} pixels, not {args.width}")
    option, out = ("--png", args.png) if args.png is not None else ("--svg", args.svg)
    try:  # refuse a target we would not replace before any work is done
        resolve_target(out)
    except FileRefused as error:
        return fail(f"{option}: {error.reason}")
    try:
        analysed = open_and_analyse(args.file, args.atlas, args.visit)
    except InputError as error:
        return fail(str(error))
    for warning in analysed.warnings:
        print(f"rootmap snapshot: warning: {warning}", file=sys.stderr)

    from rootmap.reports.figures import image_to_png, render_view, render_view_svg
    from rootmap.reports.qt import ensure_gui_app

    ensure_gui_app()
    parts = (args.view, analysed.encounter, analysed.analysis, analysed.knowledge)
    try:
        if option == "--png":
            data = image_to_png(render_view(*parts, args.width))
        else:
            data = render_view_svg(*parts, args.width)
    except MapFileError as error:  # an installation problem, not the user's input
        print(f"rootmap snapshot: a map file is broken: {error}", file=sys.stderr)
        return 1
    try:
        write_bytes_atomic(out, data)
    except SaveError as error:  # 2: a target we refuse; 1: the system failed
        print(f"rootmap snapshot: {error}", file=sys.stderr)
        return error.status
    return 0
