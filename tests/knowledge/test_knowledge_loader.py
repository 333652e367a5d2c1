"""The loader refuses bad data with one clear KnowledgeError naming the file and the key."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rootmap.knowledge import KnowledgeError, load_knowledge
from rootmap.resources import asset_path

CONDITIONS = """
[[condition]]
id = "common_peroneal_neuropathy"
name = "Common peroneal neuropathy"
category = "peripheral_nerve"
description = "Compression of the common peroneal nerve at the fibular head"
nerve = "common_peroneal"
source = "stewart2010"

  [[condition.icd10]]
  code = "G57.30"
  label = "Lesion of lateral popliteal nerve, unspecified lower limb"
  source = "icd10cm"

  [[condition.feature]]
  when = "sign ankle_inversion normal"
  weight = 0.4
  why = "ankle inversion is spared"
  source = "aids2010"

[[condition]]
id = "disc_herniation"
name = "Lumbar disc herniation"
category = "spinal"
description = "Herniated lumbar disc compressing a root"
lesion = "disc_herniation"
source = "fardon2014"
"""

RED_FLAGS = """
[[red_flag]]
id = "cauda_equina"
urgency = "emergency"
message = "Same-day emergency MRI"
source = "fardon2014"

  [[red_flag.trigger]]
  when = "history saddle_anesthesia"
  weight = 1.0
  why = "saddle anaesthesia"
  source = "fardon2014"
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private copy of the real knowledge data, plus small conditions and red flags."""
    directory = tmp_path / "knowledge"
    shutil.copytree(asset_path("knowledge"), directory)
    (directory / "conditions.toml").write_text(CONDITIONS, encoding="utf-8")
    (directory / "red_flags.toml").write_text(RED_FLAGS, encoding="utf-8")
    return directory


def edit(directory: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_copy_loads_with_the_fixture_conditions(data: Path) -> None:
    knowledge = load_knowledge(data)
    condition = knowledge.conditions["common_peroneal_neuropathy"]
    assert condition.nerve == "common_peroneal"
    assert condition.icd10[0].code == "G57.30"
    assert condition.features[0].weight == 0.4
    assert knowledge.conditions["disc_herniation"].lesion == "disc_herniation"
    assert knowledge.red_flags["cauda_equina"].threshold == 1.0
    assert knowledge.red_flags["cauda_equina"].triggers[0].when == "history saddle_anesthesia"


# (file, old text, new text, the error message must contain this)
BAD_DATA = [
    pytest.param(
        "atlases/lee2008.toml",
        'region = "dorsum_central"\nprimary = ["L5"]',
        'region = "dorsum_central"\nprimary = ["L6"]',
        'atlases/lee2008.toml: entry[#].primary[0]: unknown root "L6"',
        id="unknown-root",
    ),
    pytest.param(
        "signs.toml",
        'source = "esene2012"',
        'source = "nobody2099"',
        'signs.toml: sign[#].source: unknown source "nobody2099"',
        id="missing-source",
    ),
    pytest.param(
        "signs.toml",
        'source = "esene2012"',
        "",
        "signs.toml: sign[#].source: missing",
        id="no-source-key",
    ),
    pytest.param(
        "nerves.toml",
        'cutaneous = ["first_web_space"]',
        'cutaneous = ["first_webspace"]',
        'nerves.toml: nerve[#].cutaneous[0]: unknown region "first_webspace"',
        id="unknown-region",
    ),
    pytest.param(
        "atlases/keegan1948.toml",
        'region = "heel_plantar"',
        'region = "heel_bottom"',
        'atlases/keegan1948.toml: entry[#].region: unknown region "heel_bottom"',
        id="unknown-atlas-region",
    ),
    pytest.param(
        "nerves.toml",
        'entrapment_site = "fibular head',
        'colour = "red"\nentrapment_site = "fibular head',
        'nerves.toml: nerve[#].colour: unknown key "colour"',
        id="unknown-key",
    ),
    pytest.param(
        "nerves.toml",
        'entrapment_site = "fibular head',
        'entrapment_sight = "fibular head',
        'nerves.toml: nerve[#].entrapment_site: missing (found "entrapment_sight": a typo?)',
        id="misspelt-key",
    ),
    pytest.param(
        "atlases/lee2008.toml",
        'region = "face"\nprimary = []',
        'region = "face"\nprimary = []\noverlaps = ["C2"]',
        'atlases/lee2008.toml: entry[#].overlaps: unknown key "overlaps"',
        id="misspelt-optional-key",
    ),
    pytest.param(
        "levels.toml",
        'upper = "L4"',
        'upper = "L4',
        "levels.toml: bad TOML",
        id="bad-toml-syntax",
    ),
    pytest.param(
        "conditions.toml",
        'code = "G57.30"',
        'code = "G5730"',
        'conditions.toml: condition[#].icd10[#].code: "G5730" is not an ICD-10 code',
        id="bad-icd10",
    ),
    pytest.param(
        "conditions.toml",
        'category = "spinal"',
        'category = "spine"',
        'conditions.toml: condition[#].category: unknown value "spine"',
        id="bad-category",
    ),
    pytest.param(
        "conditions.toml",
        "weight = 0.4",
        'weight = "0.4"',
        "conditions.toml: condition[#].feature[#].weight: expected a number",
        id="weight-not-a-number",
    ),
    pytest.param(
        "conditions.toml",
        'nerve = "common_peroneal"',
        'nerve = "peroneal"',
        'conditions.toml: condition[#].nerve: unknown nerve "peroneal"',
        id="unknown-nerve",
    ),
    pytest.param(
        "red_flags.toml",
        'urgency = "emergency"',
        'urgency = "soon"',
        'red_flags.toml: red_flag[#].urgency: unknown value "soon"',
        id="bad-urgency",
    ),
    pytest.param(
        "signs.toml",
        'roots = { L5 = 1.0 }\nnerves = ["sciatic"]',
        'roots = { L5 = true }\nnerves = ["sciatic"]',
        "signs.toml: sign[#].roots.L5: expected a number",
        id="weight-is-a-boolean",
    ),
    pytest.param(
        "signs.toml",
        'id = "babinski"',
        'id = "hoffmann"',
        'signs.toml: sign[#].id: unknown value "hoffmann"',
        id="unknown-sign",
    ),
    pytest.param(
        "roots.toml",
        'id = "L5"',
        'id = "L6"',
        'roots.toml: root[#].id: got "L6", expected "L5"',
        id="root-out-of-order",
    ),
    pytest.param(
        "atlases/index.toml",
        'default_atlas = "lee2008"',
        'default_atlas = "lee2009"',
        'atlases/index.toml: default_atlas: "lee2009" is not in atlases',
        id="unknown-default-atlas",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), BAD_DATA)
def test_bad_data_gives_one_clear_error(
    data: Path, name: str, old: str, new: str, message: str
) -> None:
    edit(data, name, old, new)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data)
    text = str(caught.value)
    assert re.sub(r"\[\d+\]", "[#]", message) in re.sub(r"\[\d+\]", "[#]", text)
    assert "\n" not in text


def test_an_atlas_missing_a_region_is_refused(data: Path) -> None:
    path = data / "atlases" / "lee2008.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[entry]]\nregion = "toes_plantar"')
    path.write_text(text[:start], encoding="utf-8")
    with pytest.raises(
        KnowledgeError, match=re.escape('lee2008.toml: entry: no entry for region "toes_plantar"')
    ):
        load_knowledge(data)


def test_a_missing_sign_is_refused(data: Path) -> None:
    path = data / "signs.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[sign]]\nid = "femoral_stretch"')
    path.write_text(text[:start], encoding="utf-8")
    with pytest.raises(KnowledgeError, match=re.escape('no rule for sign "femoral_stretch"')):
        load_knowledge(data)


def test_a_sign_and_its_nerve_must_agree(data: Path) -> None:
    edit(data, "nerves.toml", 'motor = ["hip_abduction"]', "motor = []")
    with pytest.raises(
        KnowledgeError, match=re.escape('superior_gluteal.motor: missing "hip_abduction"')
    ):
        load_knowledge(data)


def test_a_missing_file_is_named(data: Path) -> None:
    (data / "nerves.toml").unlink()
    with pytest.raises(KnowledgeError, match=re.escape("nerves.toml: file not found")):
        load_knowledge(data)


def test_text_that_is_not_utf8_is_refused(data: Path) -> None:
    (data / "sources.toml").write_bytes(b"\xff\xfe[source]")
    with pytest.raises(KnowledgeError, match=re.escape("sources.toml: not UTF-8")):
        load_knowledge(data)


KNOWLEDGE_FILES = [
    "sources.toml",
    "regions.toml",
    "roots.toml",
    "atlases/index.toml",
    "atlases/lee2008.toml",
    "signs.toml",
    "nerves.toml",
    "levels.toml",
    "conditions.toml",
    "red_flags.toml",
]
TOML_LIKE = st.text(
    alphabet=st.sampled_from(list('[]{}=".,_ \n#abcdeilnoprstuxyz0123456789-+')), max_size=200
)


@given(name=st.sampled_from(KNOWLEDGE_FILES), text=st.one_of(st.text(max_size=200), TOML_LIKE))
def test_junk_in_any_file_raises_only_knowledge_error(
    tmp_path_factory: pytest.TempPathFactory, name: str, text: str
) -> None:
    directory = tmp_path_factory.mktemp("junk") / "knowledge"
    shutil.copytree(asset_path("knowledge"), directory)
    (directory / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_knowledge(directory)
    except KnowledgeError as error:
        assert "\n" not in str(error) or "bad TOML" in str(error)
