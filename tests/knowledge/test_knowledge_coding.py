"""Clinical codes in the knowledge data: every region coded, every code's form checked at load."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rootmap.encounter import FINDING_KINDS, SIGNS
from rootmap.knowledge import KnowledgeError, load_knowledge
from rootmap.knowledge.coding import Code, Uncoded, loinc_problem, sctid_problem, verhoeff_valid
from rootmap.resources import asset_path

KNOWLEDGE = load_knowledge()


def test_every_region_has_a_snomed_body_structure_with_a_checked_source():
    for region in KNOWLEDGE.regions.values():
        code = region.code
        assert code is not None and code.system == "snomed", region.id
        assert code.source in KNOWLEDGE.sources
        assert code.term and not code.term.endswith(")")  # no semantic tag
        assert code.fit in ("exact", "parent")
        assert (code.fit == "parent") == bool(code.note), region.id


def test_laterality_kinds_and_signs_are_coded_or_say_why_not():
    coding = KNOWLEDGE.coding
    assert coding.laterality["left"].code == "7771000"
    assert coding.laterality["right"].code == "24028007"
    assert set(coding.kinds) == set(FINDING_KINDS)
    for kind in FINDING_KINDS:
        assert isinstance(coding.kinds[kind], Code)
    for sign in SIGNS:
        code = KNOWLEDGE.signs[sign].code
        assert isinstance(code, Code) or (isinstance(code, Uncoded) and code.reason), sign


@pytest.mark.parametrize("good", ["7771000", "24028007", "56459004", "711637003", "22253000"])
def test_real_sctids_pass_the_form_checks(good: str):
    assert sctid_problem(good) is None


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ("7771001", "check digit"),
        ("56459005", "check digit"),
        ("0771000", "not an SCTID"),
        ("12345", "not an SCTID"),
        ("7771X00", "not an SCTID"),
        ("1234567011", "partition"),  # 01: a description id, not a concept
    ],
)
def test_bad_sctids_are_refused_with_the_reason(bad: str, why: str):
    problem = sctid_problem(bad)
    assert problem is not None and why in problem


def test_verhoeff_catches_every_single_digit_error_and_adjacent_swap():
    code = "56459004"
    for position in range(len(code)):
        for digit in "0123456789":
            if digit != code[position]:
                assert not verhoeff_valid(code[:position] + digit + code[position + 1 :])
    for position in range(len(code) - 1):
        swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
        if swapped != code:
            assert not verhoeff_valid(swapped)


def test_loinc_check_digit():
    assert loinc_problem("8867-4") is None  # heart rate
    assert loinc_problem("72514-3") is None
    assert "check digit" in (loinc_problem("8867-5") or "")
    assert "not a LOINC code" in (loinc_problem("8867") or "")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    shutil.copytree(asset_path("knowledge"), directory)
    return directory


def edit(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("regions.toml", 'snomed = "699919007"', 'snomed = "699919008"',
         'regions.toml: region[#].snomed: "699919008" fails the SCTID check digit'),
        ("regions.toml", 'snomed = "89545001"\n', "",
         "regions.toml: region[#].snomed: missing (its SNOMED CT body structure)"),
        ("regions.toml", 'snomed_note = "the outer thigh"\n', "",
         "region[#].snomed_note: a parent concept needs a note"),
        ("regions.toml", 'snomed_source = "silph_body_sites_sct"', 'snomed_source = "nobody"',
         'snomed_source: unknown source "nobody"'),
        ("coding.toml", 'snomed = "7771000"', 'snomed = "7771001"',
         'coding.toml: laterality.left.snomed: "7771001" fails the SCTID check digit'),
        ("coding.toml", 'id = "burning"\nsnomed = "90673000"', 'id = "burning"\nloinc = "8867-5"',
         'kind[#].loinc: "8867-5" fails the LOINC check digit'),
        ("signs.toml", "uncoded = ", "uncodedd = ",
         "signs.toml: sign[#].snomed: missing (a snomed or loinc code, or uncoded = the reason)"),
    ],
)  # fmt: skip
def test_the_loader_refuses_a_bad_code_naming_file_and_key(data, name, old, new, message):
    edit(data, name, old, new)
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(data)
    assert message in re.sub(r"\[\d+\]", "[#]", str(error.value))
