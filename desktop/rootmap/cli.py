"""The ``rootmap`` command: the desktop app, and headless subcommands.

Each subcommand lives in ``rootmap.commands.<name>`` and exposes
``add_arguments(parser)`` and ``run(args) -> int``. Those modules import their
heavy dependencies inside ``run`` so that ``rootmap analyze`` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from rootmap import __version__

# name -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "analyze": ("rootmap.commands.analyze", "analyse an encounter (JSON) and print the analysis"),
    "atlases": ("rootmap.commands.atlases", "list the dermatome atlases"),
    "regions": ("rootmap.commands.regions", "list the region ids and their roots"),
    "check-assets": ("rootmap.commands.check_assets", "check the SVG maps and knowledge data"),
    "report": ("rootmap.commands.report", "write a PDF report of a .rootmap file"),
    "snapshot": ("rootmap.commands.snapshot", "write a PNG or SVG figure of one view"),
    "export": ("rootmap.commands.export", "write a .rootmap file's visits as FHIR R4 Bundles"),
    "import": ("rootmap.commands.import_fhir", "read a FHIR R4 Bundle back into an encounter"),
    "cohort": ("rootmap.commands.cohort", "analyse many encounters: CSV and heat maps"),
}


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as the contract asks of bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that subcommand's module is imported."""
    parser = _ArgumentParser(
        prog="rootmap",
        description="RootMap: which nerve root explains this leg and foot pattern?",
    )
    parser.add_argument("--version", action="version", version=f"rootmap {__version__}")
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_ArgumentParser
    )
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            module = importlib.import_module(module_name)
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-")):
        # No subcommand: the desktop app (it parses its own arguments, e.g. a file to open).
        from rootmap.ui.app import run_app

        return run_app(args_list)
    command = args_list[0] if args_list[0] in SUBCOMMANDS else None
    parser = build_parser(only=command)
    args = parser.parse_args(args_list)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
