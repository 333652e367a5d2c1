"""Start-up: the window's shell paints first and the rest follows; the packaging hook;
the parsed-knowledge cache that keeps the first frame quick."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QToolBar

from rootmap.encounter import FINDING_KINDS, Encounter, Sign
from rootmap.knowledge.loader import ParseCache, _Loader
from rootmap.resources import asset_path
from rootmap.ui.app import VIEW_CHOICES, build_window, parse_args, tab_title
from rootmap.ui.finding_palette import ERASER, TOOLS
from rootmap.ui.main_window import MainWindow
from rootmap.ui.map_area import PAGES
from rootmap.ui.results_panel import ResultsPanel
from rootmap.ui.shell import MAP_TAB_TITLES

REPORT = re.compile(r"^rootmap: first paint after (\d+) ms; ready after (\d+) ms$", re.M)


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_first_frame_is_the_app_shell_and_the_rest_follows_the_first_paint(qtbot):
    window = MainWindow(progressive=True)
    qtbot.addWidget(window)
    # The shell: toolbar with the finding tools and the atlas box, the form tabs, the map
    # tabs (empty pages), the results panel; no model, knowledge or map code yet.
    assert not window.is_ready()
    toolbar = window.findChild(QToolBar, "tools")
    assert toolbar is not None
    assert window.finding_palette.tool() == "pain"
    assert window.findChild(QComboBox, "atlas").placeholderText()
    assert [window.forms.tabText(i) for i in range(window.forms.count())] == [
        "Examination",
        "History",
    ]
    tabs = window.map_tabs()
    assert [tabs.tabText(i) for i in range(tabs.count())] == [title for title, _v in PAGES]
    assert not window.is_built("core") and not window.is_built("exam")  # after the paint
    assert not hasattr(window, "map_area")
    assert "&Teaching" not in menu_titles(window)

    window.resize(1400, 900)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    assert window.is_ready()
    assert window.first_paint_time is not None
    assert window.map_tabs() is window.map_area  # the map area took the empty tabs' place
    # Nothing to show yet: the stand-in shows the results' hint until the first result.
    assert not window.is_built("results") and window.right.widget(0).isVisible()
    window.set_encounter(Encounter(signs=(Sign("achilles_reflex", "left", "absent"),)))
    assert isinstance(window.right.widget(0), ResultsPanel) and window.results_panel.isVisible()
    assert window.map_area.isVisible()
    assert window.findChild(QComboBox, "atlas").count() == len(window.knowledge.atlases)
    assert window.findChild(QComboBox, "atlas").currentData() == window.knowledge.default_atlas
    assert window.exam_panel.combo("ankle_dorsiflexion", "left").value() is None
    assert window.exam_panel.isVisible()  # the Examination tab shows its form
    assert not window.is_built("history")  # the tab behind: built when first shown
    window.forms.setCurrentIndex(1)
    assert window.is_built("history") and window.history_panel.isVisible()
    assert window.history_panel.age.value() == -1  # age not known
    assert not window.is_built("file_actions")  # built at the first File command
    assert window.actions_by_id["file.save"] in window.file_menu.actions()
    window.actions_by_id["file.new"].trigger()
    assert window.is_built("file_actions") and window.encounter() == Encounter()
    assert window.file_actions.save_action in window.file_menu.actions()
    assert {"&Teaching", "&Cases"} <= set(menu_titles(window))
    assert window.map_area.views(), "the current map page is built when the window is ready"
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.tool_actions["eraser"].shortcut().toString() == "E"


def test_the_shell_imports_no_model_knowledge_or_map_code():
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from rootmap.ui.app import build_window, parse_args\n"
        "window = build_window(parse_args([]), progressive=True)\n"
        "loaded = [m for m in sys.modules if m.startswith('rootmap')]\n"
        "print(' '.join(sorted(loaded)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "rootmap.ui.main_window" in loaded
    heavy = {
        "rootmap.encounter",
        "rootmap.analysis",
        "rootmap.knowledge",
        "rootmap.ui.map_area",
        "rootmap.ui.map_view",
        "rootmap.ui.results_panel",
        "rootmap.engine",
    }
    assert not loaded & heavy


def test_the_shell_shows_what_the_full_window_shows():
    assert tuple(title for title, _views in PAGES) == MAP_TAB_TITLES
    assert TOOLS[:-1] == FINDING_KINDS and TOOLS[-1] == ERASER
    for view in VIEW_CHOICES:
        page = next((t for t, views in PAGES if view in views), "Feet")
        assert tab_title(view) == page


def test_the_view_and_atlas_arguments_apply_once_the_window_is_ready(qtbot):
    window = build_window(parse_args(["--view", "foot_plantar", "--atlas", "keegan1948"]), True)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    assert window.map_area.currentIndex() == 2
    assert window.atlas() == "keegan1948"
    assert window.atlas_combo.currentData() == "keegan1948"
    assert "foot_plantar" in window.map_area.views()


def test_an_encounter_set_before_the_forms_exist_shows_in_them(qtbot):
    window = MainWindow(progressive=True)
    qtbot.addWidget(window)
    weak = Sign(sign="great_toe_extension", side="left", value=3)
    window.set_encounter(Encounter(signs=(weak,)))
    window.finish_startup()
    assert window.exam_panel.combo("great_toe_extension", "left").value() == 3
    window.finish_startup()  # a second call changes nothing
    assert window.exam_panel.combo("great_toe_extension", "left").value() == 3


def test_a_window_built_by_code_is_complete_at_once(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.is_ready() and window.is_built("visits")
    assert window.exam_panel is not None and window.teaching is not None


def _run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ROOTMAP_EXIT_AFTER_PAINT": "1",
        "ROOTMAP_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "rootmap", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_after_paint_reports_the_start_up_times_and_exits_0(tmp_path):
    done = _run_app(tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    found = REPORT.search(done.stderr)
    assert found, done.stderr
    first_paint, ready = int(found[1]), int(found[2])
    assert 0 < first_paint <= ready
    assert "Traceback" not in done.stderr


def test_exit_after_paint_with_a_missing_file_says_so_in_one_line_and_still_starts(tmp_path):
    missing = tmp_path / "nowhere.rootmap"
    done = _run_app(str(missing), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    complaints = [line for line in done.stderr.splitlines() if "nowhere.rootmap" in line]
    assert len(complaints) == 1 and complaints[0].startswith("rootmap: ")
    assert REPORT.search(done.stderr), done.stderr
    assert "Traceback" not in done.stderr


def test_the_window_options_may_come_before_the_file(tmp_path):
    example = Path(__file__).parents[2] / "examples" / "classic_l5.json"
    done = _run_app(
        "--view", "foot_dorsal", "--atlas", "keegan1948", str(example), tmp_path=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert REPORT.search(done.stderr) and "invalid choice" not in done.stderr
    wrong = _run_app("--view", "elbow", tmp_path=tmp_path)
    assert wrong.returncode == 2 and "--view: invalid choice: 'elbow'" in wrong.stderr


def test_parsed_knowledge_is_cached_only_for_the_same_bytes(tmp_path):
    directory = asset_path("knowledge").resolve()
    cache_file = tmp_path / "knowledge.marshal"
    first = _Loader(directory, ParseCache(cache_file))
    parsed = first.load()
    assert first.parsed is not None
    first.parsed.save()
    assert cache_file.is_file()

    cache = ParseCache(cache_file)
    raw = (directory / "roots.toml").read_bytes()
    assert cache.get("roots.toml", raw) is not None
    assert cache.get("roots.toml", raw + b"\n# edited\n") is None  # changed file: parse again
    assert _Loader(directory, cache).load() == parsed


def test_a_corrupt_knowledge_cache_is_ignored(tmp_path):
    cache_file = tmp_path / "knowledge.marshal"
    cache_file.write_bytes(b"not a cache")
    directory = asset_path("knowledge").resolve()
    cache = ParseCache(cache_file)
    assert cache.get("roots.toml", (directory / "roots.toml").read_bytes()) is None
    knowledge = _Loader(directory, cache).load()
    cache.save()
    assert "L5" in knowledge.roots
    assert ParseCache(cache_file).get("roots.toml", (directory / "roots.toml").read_bytes())


def test_a_document_opened_at_start_shows_its_visits_and_exclusions(qtbot):
    """`rootmap FILE`: the file opens once the window is ready; the visit part, built on
    the turn after, still shows the visit list and the "not due to a root" hatch."""
    path = Path(__file__).parents[2] / "examples" / "follow_up_l5.rootmap"
    window = build_window(parse_args([str(path)]), progressive=True)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    assert len(window.session.visits()) == 2  # opened on ready
    qtbot.waitUntil(lambda: window.is_built("visits"), timeout=10000)
    visits = window.visit_actions
    assert visits.holder is not None and visits.holder.isVisible()
    assert visits.panel is not None and visits.panel.table.topLevelItemCount() == 2
    excluded = {f.key for f in window.encounter().findings if f.excluded is not None}
    assert excluded == {"left.heel_lateral"}
    window.map_area.setCurrentIndex(MAP_TAB_TITLES.index("Feet"))  # where the heel is drawn
    qtbot.waitUntil(lambda: {item.key for item in visits.exclusions.items()} == excluded)
