"""Open the window as the README's screenshots show it: ``python3 -m tools.window_shot``.

Usage (under a real X display, e.g. /work/shared/tools/shot):
    python3 -m tools.window_shot normal|teaching|presentation [--case classic_l5]
    python3 -m tools.window_shot compare --file examples/follow_up_l5.rootmap --view 2

The window fills the screen (Xvfb has no window manager to maximise it); ``teaching``
opens the Teaching panel on the dermatome overlay; ``presentation`` enters presentation
mode on the overlay. A teaching case (default: the classic L5) is opened first.
``compare`` opens a ``.rootmap`` document (``--file``) and compares its last visit with
the one before (Visit ▸ Compare with Previous Visit).
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m tools.window_shot")
    parser.add_argument("state", choices=("normal", "teaching", "presentation", "quiz", "compare"))
    parser.add_argument("--file", help="a .rootmap document (for compare)")
    parser.add_argument("--case", default="classic_l5")
    parser.add_argument("--view", type=int, default=0, help="map tab index")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication

    from rootmap.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("RootMap")
    window = MainWindow()
    teaching = window.teaching
    if args.state == "compare" and args.file:
        from rootmap.documents import read_document

        knowledge = window.knowledge
        document = read_document(args.file, knowledge.regions, knowledge.atlases, [])
        window.file_actions.adopt(document, args.file, None)
    else:
        case = next((c for c in teaching.cases if c.id == args.case), None)
        if case is not None:
            teaching.open_case(case)
    window.map_area.setCurrentIndex((args.view + 1) % 3)  # (a tab change builds the spine)
    window.map_area.setCurrentIndex(args.view)
    screen = app.primaryScreen()
    window.setGeometry(screen.availableGeometry())
    window.show()
    if args.state == "teaching":
        teaching.show_mode("overlay")
    elif args.state == "quiz":
        teaching.show_mode("quiz")
    elif args.state == "presentation":
        teaching.toggle_presentation()
        teaching.show_mode("overlay")
    elif args.state == "compare":
        window.visit_actions.set_comparing(True)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
