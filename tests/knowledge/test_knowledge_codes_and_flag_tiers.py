"""The explicit ICD-10 fields and the red-flag gates, tiers and variants are checked at load."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rootmap.engine.compiled import KnowledgeRuleError, compile_knowledge
from rootmap.knowledge import KnowledgeError, load_knowledge
from rootmap.resources import asset_path


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


def test_the_real_data_loads_its_gates_tiers_and_variants() -> None:
    knowledge = load_knowledge()
    ces = knowledge.red_flags["cauda_equina"]
    assert ces.requires == "pattern.spinal_presentation"
    assert ces.lower is not None and ces.lower.urgency == "emergency"
    assert ces.variants and ces.variants[0].when == "pattern.upper_motor_neuron"
    deficit = knowledge.red_flags["progressive_neurological_deficit"]
    assert any(v.leading == ("peripheral_nerve",) for v in deficit.variants)
    codes = {c.code: c for c in knowledge.conditions["lumbar_spinal_stenosis"].icd10}
    assert codes["M48.062"].requires == ("neurogenic_claudication",)
    assert codes["M48.061"].unless == ("neurogenic_claudication",)
    assert codes["M48.07"].region == "lumbosacral"


BAD = [
    pytest.param(
        "conditions.toml",
        'laterality = "left"',
        'laterality = "leftish"',
        'icd10[#].laterality: unknown value "leftish"',
        id="bad-laterality",
    ),
    pytest.param(
        "conditions.toml",
        'region = "lumbosacral"',
        'region = "sacral"',
        'icd10[#].region: unknown value "sacral"',
        id="bad-code-region",
    ),
    pytest.param(
        "conditions.toml",
        'requires = ["pars_defect"]',
        'requires = ["pars"]',
        'icd10[#].requires[#]: unknown history key "pars"',
        id="unknown-history-key",
    ),
    pytest.param(
        "red_flags.toml",
        'leading = ["peripheral_nerve"]',
        'leading = ["nerve"]',
        'variant[#].leading[#]: unknown category "nerve"',
        id="unknown-leading-category",
    ),
    pytest.param(
        "red_flags.toml",
        'urgency = "emergency"\nmessage = "Emergency: possible cauda equina syndrome (bilateral',
        'urgency = "later"\nmessage = "Emergency: possible cauda equina syndrome (bilateral',
        'lower.urgency: unknown value "later"',
        id="bad-tier-urgency",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), BAD)
def test_bad_fields_give_one_clear_error(
    data: Path, name: str, old: str, new: str, message: str
) -> None:
    edit(data, name, old, new)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data)
    text = re.sub(r"\[\d+\]", "[#]", str(caught.value))
    assert message in text and "\n" not in text


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        (
            'requires = "pattern.spinal_presentation"',
            'requires = "pattern.spinal"',
            "red flag cauda_equina: requires",
        ),
        (
            'when = "pattern.upper_motor_neuron"\nmessage = "Emergency',
            'when = "pattern.umn"\nmessage = "Emergency',
            "red flag cauda_equina: variant[0].when",
        ),
    ],
)
def test_a_bad_gate_or_variant_rule_names_where_it_is(data: Path, old, new, where) -> None:
    edit(data, "red_flags.toml", old, new)
    with pytest.raises(KnowledgeRuleError, match=re.escape(where)):
        compile_knowledge(load_knowledge(data))
