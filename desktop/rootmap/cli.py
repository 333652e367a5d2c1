"""The ``rootmap`` command: the desktop app, and headless subcommands.

Each subcommand lives in ``rootmap.commands.<name>`` and exposes
``add_arguments(parser)`` and ``run(args) -> int``. Those modules import their
heavy dependencies inside ``run`` so that ``rootmap analyze`` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import os
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

# Other names a clinician may type for a command (British spelling).
ALIASES = {"analyse": "analyze"}


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as the contract asks of bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


USAGE = "rootmap [FILE [--atlas ID] [--view NAME]]\n       rootmap COMMAND [ARGS...]"
DESCRIPTION = """\
RootMap: which nerve root explains this leg and foot pattern?

  rootmap               open the window with an empty case
  rootmap FILE          open FILE (a .rootmap document or an encounter JSON) in the window;
                        --atlas ID picks the dermatome atlas, --view NAME the first map
  rootmap COMMAND ...   run one of the commands below without a window"""


def version_text() -> str:
    """RootMap's version with the Qt, PySide6 and Python it runs on (imports only QtCore)."""
    import platform

    python = platform.python_version()
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError as error:  # the headless commands still work without Qt
        return f"RootMap {__version__} (Qt not available: {error}; Python {python})"
    qt = f"Qt {qVersion()}, PySide6 {PySide6.__version__}"
    return f"RootMap {__version__} ({qt}, Python {python})"


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the description's layout; one line per command."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)
        # argparse sizes the help column before it sees the commands: make room for them.
        self._action_max_length = 4 + max(len(name) for name in SUBCOMMANDS)


class _VersionAction(argparse.Action):
    """``--version``: like argparse's, but Qt is imported only when it is asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(version_text())
        parser.exit()


TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")  # the rest of the options are the window's


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, just that subcommand's module is imported."""
    parser = _ArgumentParser(
        prog="rootmap",
        usage=USAGE,
        description=DESCRIPTION,
        epilog="Run `rootmap COMMAND --help` for a command's options.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="print RootMap's, Qt's and Python's versions"
    )
    subparsers = parser.add_subparsers(
        title="commands",
        dest="command",
        metavar="COMMAND",
        prog="rootmap",
        parser_class=_ArgumentParser,
    )
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            module = importlib.import_module(module_name)
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return parser


def _mistyped_command(word: str) -> str | None:
    """The command ``word`` looks like a typo of, when it is no file and no path (a
    file to open is given by its path, which has a dot or a slash): else None."""
    if word in SUBCOMMANDS or word.startswith("-") or "." in word or os.sep in word:
        return None
    if os.path.exists(word):
        return None
    import difflib

    close = difflib.get_close_matches(word, [*SUBCOMMANDS, *ALIASES], n=1, cutoff=0.75)
    return ALIASES.get(close[0], close[0]) if close else None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if argv is None:  # the real process (not a test calling in): everything it creates
        os.umask(0o077)  # is private, 0600 files in 0700 folders, even what Qt writes
    if args_list and args_list[0] in ALIASES:
        args_list[0] = ALIASES[args_list[0]]
    if args_list and (guess := _mistyped_command(args_list[0])):
        sys.stderr.write(
            f"rootmap: unknown command {args_list[0]!r} (did you mean {guess!r}?);"
            " to open a file in the window, give its path\n"
        )
        return 2
    if not args_list or args_list[0] not in (*SUBCOMMANDS, *TOP_LEVEL_OPTIONS):
        # No subcommand: the desktop app (it parses its own arguments: a file to open,
        # --atlas, --view, in any order).
        from rootmap.ui.app import run_app

        return run_app(args_list)
    command = args_list[0] if args_list[0] in SUBCOMMANDS else None
    parser = build_parser(only=command)
    args = parser.parse_args(args_list)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 0
    from rootmap.commands.output import guarded

    try:
        return guarded(f"rootmap {command}", lambda: int(args.run(args)))
    except KeyboardInterrupt:
        return 130
