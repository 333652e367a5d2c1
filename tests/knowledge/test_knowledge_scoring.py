"""scoring.toml: every engine weight and named set is data, explained and checked at load."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rootmap.knowledge import KnowledgeError, load_knowledge
from rootmap.knowledge.scoring import PARAMETERS, SETS
from rootmap.resources import asset_path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    shutil.copytree(asset_path("knowledge"), directory)
    return directory


def edit(directory: Path, old: str, new: str) -> None:
    path = directory / "scoring.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_weight_and_set_is_loaded_and_explained() -> None:
    scoring = load_knowledge().scoring
    assert set(scoring.weights) == set(PARAMETERS)
    assert set(scoring.sets) == set(SETS)
    for item in (*scoring.weights.values(), *scoring.sets.values()):
        assert len(item.rationale) > 30, item.key
    assert scoring.kind_weight["numbness"] > scoring.kind_weight["pain"]
    assert scoring.axial_regions == {"lower_back", "buttock"}
    assert "little_toe" in scoring.toe_regions


BAD = [
    pytest.param(
        'value = 0.5\nsource = "bogduk2009"',
        'value = 7\nsource = "bogduk2009"',
        "scoring.toml: weight.finding.kind.pain.value: 7 is out of range (allowed 0.05 to 3)",
        id="out-of-range",
    ),
    pytest.param(
        'value = -0.3\nsource = "hoppenfeld1977"',
        'value = 0.3\nsource = "hoppenfeld1977"',
        "weight.sign.normal_key_sign.value: 0.3 is out of range",
        id="normal-sign-must-argue-against",
    ),
    pytest.param(
        '[weight."root.scale"]',
        '[weight."root.scal"]',
        'scoring.toml: weight.root.scal: unknown weight "root.scal" (did you mean "root.scale"?)',
        id="unknown-weight",
    ),
    pytest.param(
        'rationale = "The total at which',
        'why = "The total at which',
        "scoring.toml: weight.root.scale: missing rationale",
        id="missing-rationale",
    ),
    pytest.param(
        'source = "aids2010"',
        'source = "nobody2020"',
        'scoring.toml: weight.sign.mrc_weak.source: unknown source "nobody2020"',
        id="unknown-source",
    ),
    pytest.param(
        'value = 0.03\nrationale = "A mild',
        'value = 0.03\nvalu = 1\nrationale = "A mild',
        'scoring.toml: weight.finding.intensity_step.valu: unknown key "valu"',
        id="unknown-key",
    ),
    pytest.param(
        "value = 2\n",
        "value = 2.5\n",
        "weight.stocking.min_regions_per_foot.value: expected a whole number",
        id="whole-number",
    ),
    pytest.param(
        '[weight."finding.pain_cap"]\nvalue = 1.6',
        '[weight."finding.pain_cap"]\nvalue = 1.0',
        "weight.finding.pain_cap.value: must be above finding.pain_knee",
        id="cap-below-knee",
    ),
    pytest.param(
        'regions = ["lower_back", "buttock"]',
        'regions = ["lower_back", "elbow"]',
        'scoring.toml: set.axial_regions.regions[1]: unknown region "elbow"',
        id="unknown-region",
    ),
    pytest.param(
        'groups = ["foot"]',
        'groups = ["feet"]',
        'set.foot_groups.groups[0]: unknown group "feet"',
        id="unknown-group",
    ),
    pytest.param(
        "[set.toe_regions]",
        "[set.toes]",
        'scoring.toml: set.toes: unknown set "toes"',
        id="unknown-set",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD)
def test_bad_scoring_gives_one_clear_error(data: Path, old: str, new: str, message: str) -> None:
    edit(data, old, new)
    with pytest.raises(KnowledgeError, match=re.escape(message)) as caught:
        load_knowledge(data)
    assert "\n" not in str(caught.value)


def test_a_missing_weight_is_named(data: Path) -> None:
    path = data / "scoring.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[weight."close.conditions"]')
    end = text.index("# -- the regions, groups")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(KnowledgeError, match=re.escape('missing weight "close.conditions"')):
        load_knowledge(data)


def test_a_weight_changed_in_the_data_changes_the_engine(data: Path) -> None:
    from rootmap.encounter import parse_encounter
    from rootmap.engine import analyze

    edit(
        data,
        '[weight."finding.kind.numbness"]\nvalue = 1.0',
        '[weight."finding.kind.numbness"]\nvalue = 2.0',
    )
    tuned = load_knowledge(data)
    encounter = {"findings": [{"region": "first_web_space", "side": "left", "kind": "numbness"}]}
    default = load_knowledge()
    before = analyze(parse_encounter(encounter, default.regions), default).roots[0]
    after = analyze(parse_encounter(encounter, tuned.regions), tuned).roots[0]
    assert after.evidence[0].weight == pytest.approx(2 * before.evidence[0].weight)


TOML_LIKE = st.text(
    alphabet=st.sampled_from(list('[]{}=".,_ \n#abcdeilnoprstuvwxyz0123456789-+')), max_size=200
)


@settings(max_examples=60)
@given(text=st.one_of(st.text(max_size=200), TOML_LIKE))
def test_junk_in_scoring_raises_only_knowledge_error(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    directory = tmp_path_factory.mktemp("junk") / "knowledge"
    shutil.copytree(asset_path("knowledge"), directory)
    (directory / "scoring.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(KnowledgeError):
        load_knowledge(directory)
