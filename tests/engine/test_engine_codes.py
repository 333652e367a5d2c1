"""ICD-10-CM FY2026: billable codes only, chosen from explicit data, no contradictory pairs."""

from __future__ import annotations

import inspect
from itertools import product
from pathlib import Path

import pytest

from conftest import finding, run, sign
from rootmap.encounter import History
from rootmap.engine import codes
from rootmap.engine.codes import code_notes, select_codes
from rootmap.knowledge.model import Icd10Code

TABULAR = Path(__file__).resolve().parent / "icd10cm_fy2026_billable.tsv"
CONTRADICTORY = [
    {"M48.061", "M48.062"},
    {"G62.9", "E11.42"},
    {"G62.9", "E10.42"},
    {"E10.42", "E11.42"},
]


def tabular() -> tuple[dict[str, str], set[str]]:
    billable: dict[str, str] = {}
    headers: set[str] = set()
    for line in TABULAR.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, title = line.split("\t")
        if code == "header":
            headers.add(title)
        else:
            billable[code] = title
    return billable, headers


def test_every_code_in_the_knowledge_is_billable_in_fy2026_with_its_title(knowledge):
    billable, headers = tabular()
    for condition in knowledge.conditions.values():
        for code in condition.icd10:
            assert code.code not in headers, (condition.id, code.code)
            assert billable.get(code.code) == code.label, (condition.id, code.code)


def test_the_icd_source_names_the_fy2026_code_set(knowledge):
    assert "FY2026" in knowledge.sources["icd10cm"].title


def test_code_selection_reads_no_labels():
    assert "label" not in inspect.getsource(codes).replace("its label", "")
    misleading = (
        Icd10Code("X1", "right lower limb, lumbosacral region", "s", laterality="left"),
        Icd10Code("X2", "left lower limb", "s", laterality="right"),
    )
    assert select_codes(misleading, "left", ("L4-L5",), History()) == ("X1",)


def ddd_history(back: bool | None, leg: bool | None) -> dict:
    history: dict = {"age": 50}
    if back is not None:
        history["back_pain"] = back
    if leg is not None:
        history["leg_pain"] = leg
    return {"findings": [finding("lower_back", "left", "pain")], "history": history}


@pytest.mark.parametrize(
    ("back", "leg", "child"),
    [
        (True, False, "0"),
        (True, None, "0"),
        (False, True, "1"),
        (None, True, "1"),
        (True, True, "2"),
        (None, None, "9"),
        (False, False, "9"),
    ],
)
def test_disc_degeneration_takes_the_billable_child_the_history_supports(
    knowledge, back, leg, child
):
    ddd = knowledge.conditions["degenerative_disc_disease"].icd10
    chosen = select_codes(ddd, None, ("L4-L5",), History(flags=ddd_history(back, leg)["history"]))
    assert chosen == (f"M51.36{child}",)
    lumbosacral = select_codes(ddd, None, ("L5-S1",), History(flags={}))
    assert lumbosacral == ("M51.379",)
    assert "M51.36" not in chosen and "M51.37" not in chosen


def test_unknown_back_and_leg_pain_says_so(knowledge):
    ddd = knowledge.conditions["degenerative_disc_disease"].icd10
    assert code_notes(ddd, None, ("L4-L5",), History())
    assert not code_notes(ddd, None, ("L4-L5",), History(flags={"back_pain": True}))


@pytest.mark.parametrize(
    ("claudication", "expected"),
    [(None, ("M48.061",)), (False, ("M48.061",)), (True, ("M48.062",))],
)
def test_stenosis_codes_claudication_only_when_known(knowledge, claudication, expected):
    stenosis = knowledge.conditions["lumbar_spinal_stenosis"].icd10
    flags = {} if claudication is None else {"neurogenic_claudication": claudication}
    assert select_codes(stenosis, "left", ("L4-L5",), History(flags=flags)) == expected
    assert select_codes(stenosis, "left", ("L5-S1",), History(flags=flags)) == ("M48.07",)


@pytest.mark.parametrize(
    ("pars", "level", "expected"),
    [
        (None, "L4-L5", ("M43.16",)),
        (False, "L4-L5", ("M43.16",)),
        (True, "L4-L5", ("M43.16", "M43.06")),
        (None, "L5-S1", ("M43.17",)),
        (True, "L5-S1", ("M43.17", "M43.07")),
    ],
)
def test_spondylolysis_only_with_a_pars_defect(knowledge, pars, level, expected):
    slip = knowledge.conditions["spondylolisthesis"].icd10
    flags = {} if pars is None else {"pars_defect": pars}
    assert select_codes(slip, None, (level,), History(flags=flags)) == expected


@pytest.mark.parametrize(
    ("flags", "expected", "noted"),
    [
        ({}, ("G62.9",), False),
        ({"diabetes": False}, ("G62.9",), False),
        ({"diabetes": True}, ("E11.42",), True),
        ({"diabetes": True, "type_1_diabetes": False}, ("E11.42",), False),
        ({"diabetes": True, "type_1_diabetes": True}, ("E10.42",), False),
    ],
)
def test_diabetic_polyneuropathy_codes_the_type_or_says_it_is_not_known(
    knowledge, flags, expected, noted
):
    poly = knowledge.conditions["polyneuropathy"].icd10
    assert select_codes(poly, "bilateral", (), History(flags=flags)) == expected
    assert bool(code_notes(poly, "bilateral", (), History(flags=flags))) == noted


def test_the_type_not_known_note_reaches_the_analysis(knowledge):
    feet = [
        finding(region, side)
        for side in ("left", "right")
        for region in ("toes_plantar", "hallux_dorsal", "forefoot_plantar_medial")
    ]
    data = {
        "findings": feet,
        "signs": [sign("achilles_reflex", "reduced", s) for s in ("left", "right")],
        "history": {"diabetes": True},
    }
    top = run(knowledge, data).conditions[0]
    assert top.icd10 == ("E11.42",)
    assert any("diabetes type not recorded" in e.text for e in top.why)


FLAG_CHOICES = [None, True, False]


@pytest.mark.parametrize(
    "values",
    list(product(FLAG_CHOICES, repeat=4)),
)
def test_no_condition_ever_lists_contradictory_codes(knowledge, values):
    keys = ("neurogenic_claudication", "diabetes", "type_1_diabetes", "back_pain")
    flags = {k: v for k, v in zip(keys, values, strict=True) if v is not None}
    for condition in knowledge.conditions.values():
        for side, levels in product(
            ("left", "right", "bilateral", None), ((), ("L4-L5",), ("L5-S1",))
        ):
            chosen = set(select_codes(condition.icd10, side, levels, History(flags=flags)))
            for pair in CONTRADICTORY:
                assert not pair <= chosen, (condition.id, chosen)
            ddd_children = {c for c in chosen if c[:6] in ("M51.36", "M51.37")}
            assert len({c[:6] for c in ddd_children}) == len(ddd_children) or not levels
