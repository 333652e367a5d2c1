"""Start RootMap straight into a lecture: ``python3 -m rootmap.ui.teaching [options]``.

--show overlay|differences|explorer|quiz   what to show (default: overlay)
--root L5                                  the root to explore
--atlas keegan1948                         the dermatome atlas
--case classic_l5                          open a teaching case first
--view body_front|body_back|feet           the map tab to show
--window                                   stay in a window (default: presentation mode)
"""

from __future__ import annotations

import argparse
import os
import sys

SHOWS = ("overlay", "differences", "explorer", "quiz")
TABS = {"body_front": 0, "body_back": 1, "feet": 2}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 -m rootmap.ui.teaching", description="RootMap in presentation mode."
    )
    parser.add_argument("--show", choices=SHOWS, default="overlay")
    parser.add_argument("--root", default="L5")
    parser.add_argument("--atlas")
    parser.add_argument("--case")
    parser.add_argument("--view", choices=tuple(TABS), default="feet")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--window", action="store_true", help="do not go full screen")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication

    from rootmap.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("RootMap")
    from rootmap.ui.theme import apply_theme, requested_theme
    from rootmap.ui.translation import install_translation

    try:
        theme = requested_theme(os.environ)
    except ValueError as error:
        sys.stderr.write(f"rootmap: {error}\n")
        return 2
    install_translation(app)
    if isinstance(app, QApplication):
        apply_theme(app, theme)
    window = MainWindow()
    teaching = window.teaching
    teaching.reseed(args.seed)
    if args.atlas:
        if args.atlas not in window.knowledge.atlases:
            sys.stderr.write(f"rootmap: unknown atlas {args.atlas!r}; using {window.atlas()}\n")
        else:
            window.set_encounter(window.encounter(), args.atlas)
    if args.case:
        case = next((c for c in teaching.cases if c.id == args.case), None)
        if case is None:
            known = ", ".join(c.id for c in teaching.cases)
            sys.stderr.write(f"rootmap: unknown case {args.case!r} (known: {known})\n")
        else:
            teaching.open_case(case)
    if args.root in window.knowledge.roots:
        teaching.controller.set_root(args.root)
    else:
        sys.stderr.write(f"rootmap: unknown root {args.root!r}\n")
    window.map_area.setCurrentIndex(TABS[args.view])
    window.resize(1600, 1000)
    window.show()
    if not args.window:
        teaching.toggle_presentation()
    teaching.show_mode(args.show)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
