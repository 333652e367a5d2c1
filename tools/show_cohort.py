"""Open the window with Teaching ▸ Cohort run on a seeded synthetic cohort (for screenshots).

Usage: python3 -m tools.show_cohort [--count N] [--seed S] [--root L5]
Writes N synthetic encounters (never real patients) and one broken file to a temporary
folder, starts the window, runs the cohort as Teaching ▸ Cohort does, and shows the view
beside the window. The patient's encounter is the window's own (empty).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from rootmap.cohort.synthetic import write_cohort
    from rootmap.knowledge import load_knowledge
    from rootmap.ui.main_window import MainWindow

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--root", default="", help="the root to choose in the view")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    knowledge = load_knowledge()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "lecture-cohort"
        folder.mkdir()
        write_cohort(folder, args.count, args.seed, knowledge)
        (folder / "broken.json").write_text('{"findings": [{"region": "heel"}]}')
        window = MainWindow(knowledge)
        window.resize(1600, 1000)
        window.show()
        cohort = window.teaching.cohort

        def place() -> None:
            view = cohort.view
            if view is None:
                QTimer.singleShot(200, place)
                return
            if args.root:
                index = view.root_box.findData(args.root)
                if index >= 0:
                    view.root_box.setCurrentIndex(index)
            view.resize(620, 940)
            view.move(window.x() + window.width() - 630, window.y() + 30)
            view.explore_button.click()  # the root's textbook dermatome on the maps
            window.map_area.setCurrentIndex(2)  # the feet

        QTimer.singleShot(300, lambda: cohort.start(str(folder)))  # as the menu, once chosen
        QTimer.singleShot(400, place)
        return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
