"""The results read in the right order: the best explanations first, across categories.

A common peroneal neuropathy at 0.48 is listed above spinal entries of 0.33-0.43 (the
grouped detail below keeps them by category); a near-tie is said in words; the share
of the body marked is shown; what the user opened stays open across updates.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from rootmap.analysis import Analysis, CloseCall, ConditionResult, Evidence, Extent, RootResult
from rootmap.ui.results_panel import KEY_ROLE, ResultsPanel

SPINAL = [
    ("disc_herniation", "Lumbar disc herniation", ("L4-L5",), 0.43),
    ("disc_herniation", "Lumbar disc herniation", ("L5-S1",), 0.41),
    ("spondylolisthesis", "Lumbar spondylolisthesis", ("L4-L5",), 0.39),
    ("spondylolisthesis", "Lumbar spondylolisthesis", ("L5-S1",), 0.37),
    ("lumbar_spinal_stenosis", "Lumbar spinal stenosis", ("L4-L5",), 0.35),
    ("degenerative_disc_disease", "Degenerative disc disease", ("L4-L5",), 0.33),
]


def _analysis(**extra: object) -> Analysis:
    spinal = tuple(
        ConditionResult(
            cid, name, "spinal", levels, ("L5",), score, (), (Evidence("x", 0.1),), "left"
        )
        for cid, name, levels, score in SPINAL
    )
    peroneal = ConditionResult(
        "common_peroneal_neuropathy", "Common peroneal neuropathy", "peripheral_nerve", (),
        (), 0.48, ("G57.32",), (Evidence("foot drop", 0.3),), "left",
    )  # fmt: skip
    l5 = RootResult("L5", "left", 0.30, (Evidence("numbness", 0.3),))
    return Analysis((l5,), (*spinal, peroneal), (), "lee2008", **extra)  # type: ignore[arg-type]


def _group(panel: ResultsPanel, key: str) -> list[str]:
    model = panel.model
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        if parent.data(KEY_ROLE) == key:
            return [str(model.index(r, 0, parent).data()) for r in range(model.rowCount(parent))]
    return []


def test_a_peroneal_neuropathy_at_048_is_listed_above_spinal_entries(qtbot):
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.set_analysis(_analysis())
    model = panel.model
    assert model.index(0, 0).data() == "Best fit"  # first, above the grouped detail
    best = _group(panel, "best")
    assert best[0] == "Common peroneal neuropathy  ·  left  ·  peripheral nerve"
    assert "spinal" in best[1] and "0.43" not in best[1]
    assert len(best) == 5
    # The grouped detail is still there, below.
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Best fit", "Nerve roots", "Spinal", "Peripheral nerve",
    ]  # fmt: skip


def test_a_close_call_and_the_extent_are_shown(qtbot):
    labels = ("Common peroneal neuropathy left", "Lumbar disc herniation L4-L5 left")
    close = CloseCall("conditions", (0, 1), labels, (0.48, 0.43), 0.05, 0.2)
    extent = Extent(3.25, {"numbness": 2.0, "pain": 1.25})
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.set_analysis(_analysis(close_calls=(close,), extent=extent))
    best = _group(panel, "best")
    assert any(close.message in line for line in best)
    assert "Marked: 3.2 % of the body (numbness 2.0 %, pain 1.2 %)" in best


def test_a_best_fit_root_line_shows_its_dermatome(qtbot):
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    analysis = _analysis()
    l5 = RootResult("L5", "left", 0.9, (Evidence("numbness", 0.9),))
    panel.set_analysis(Analysis((l5,), analysis.conditions, (), "lee2008"))
    panel.resize(500, 600)
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model
    first = model.index(0, 0, model.index(0, 0))
    assert first.data() == "L5  ·  left  ·  nerve root"
    rect = panel.tree.visualRect(first)
    with qtbot.waitSignal(panel.rootChosen) as chosen:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == ["L5", "left"]


def test_the_results_name_what_changed_since_the_previous_visit():
    from rootmap.analysis import Changes, Observed, SignChange
    from rootmap.ui.results_panel import change_notes

    worse = SignChange(
        "great_toe_extension",
        "left",
        "worse",
        Observed(4, "2026-11-03"),
        Observed(2, "2026-11-17"),
    )
    same = SignChange("achilles_reflex", "left", "same", Observed("normal", "2026-11-03"), None)
    analysis = Analysis(
        (), (), (), "lee2008", changes=Changes("2026-11-17", "2026-11-03", (), (worse, same))
    )
    [note] = change_notes(analysis)
    assert note.warn
    assert note.title == (
        "▼ worse: great toe extension, left: 4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026"
    )
