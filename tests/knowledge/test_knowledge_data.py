"""The real knowledge data: it loads, covers the contract, and cites a source for every fact."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from rootmap.encounter import SIGNS
from rootmap.knowledge import Knowledge, load_knowledge
from rootmap.knowledge.loader import ROOT_IDS
from rootmap.resources import asset_path

# The region ids of the contract (shared/spec/analysis.md), each with a left and a right
# side except the saddle.
CONTRACT_REGIONS = (  # noqa: SIM905 (a list of 37 ids reads better as words)
    "lower_back buttock groin saddle thigh_anterior_upper thigh_anterior_lower thigh_lateral "
    "thigh_medial thigh_posterior knee_anterior knee_medial popliteal_fossa leg_medial "
    "leg_anterolateral calf_posterior ankle_anterior malleolus_medial malleolus_lateral "
    "dorsum_medial dorsum_central dorsum_lateral first_web_space hallux_dorsal toes_dorsal "
    "little_toe foot_lateral_border arch_medial heel_medial heel_lateral heel_posterior "
    "heel_plantar sole_lateral forefoot_plantar_medial forefoot_plantar_lateral "
    "interdigital_3_4 hallux_plantar toes_plantar"
).split()

CONTRACT_CONDITIONS = {
    "spinal": [
        "disc_herniation",
        "lumbar_spinal_stenosis",
        "spondylolisthesis",
        "degenerative_disc_disease",
        "facet_arthropathy",
        "cauda_equina_syndrome",
    ],
    "peripheral_nerve": [
        "common_peroneal_neuropathy",
        "sural_neuropathy",
        "saphenous_neuropathy",
        "tarsal_tunnel_syndrome",
        "sciatic_neuropathy",
        "meralgia_paresthetica",
        "polyneuropathy",
    ],
    "local_foot": ["plantar_fasciitis", "morton_neuroma", "gout", "achilles_tendinopathy"],
    "central": ["upper_motor_neuron_lesion"],
}
CONTRACT_RED_FLAGS = {
    "cauda_equina": "emergency",
    "progressive_neurological_deficit": "urgent",
    "infection": "urgent",
    "malignancy": "urgent",
    "fracture": "urgent",
    "upper_motor_neuron": "urgent",
}


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


def _facts(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every (path, source id) in the knowledge, walking dataclasses, mappings and tuples.

    A scoring weight (scoring.toml) may have a stated rationale instead of a source.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            child = getattr(value, field.name)
            if field.name == "source":
                if child is None and getattr(value, "rationale", ""):
                    continue  # a scoring weight explained by its rationale alone
                yield path, child
            else:
                yield from _facts(child, f"{path}.{field.name}")
    elif isinstance(value, dict) or hasattr(value, "items"):
        for key, child in value.items():  # type: ignore[attr-defined]
            yield from _facts(child, f"{path}[{key}]")
    elif isinstance(value, tuple):
        for index, child in enumerate(value):
            yield from _facts(child, f"{path}[{index}]")


def test_the_real_data_loads_and_is_cached(knowledge: Knowledge) -> None:
    assert load_knowledge() is knowledge
    assert load_knowledge(asset_path("knowledge")) is knowledge
    assert knowledge.default_atlas == "lee2008"
    assert knowledge.atlas().id == "lee2008"


def test_roots_run_from_c2_to_s5_in_order(knowledge: Knowledge) -> None:
    assert tuple(knowledge.roots) == ROOT_IDS
    assert [root.order for root in knowledge.roots.values()] == list(range(len(ROOT_IDS)))
    assert ROOT_IDS[0] == "C2" and ROOT_IDS[-1] == "S5" and "L5" in ROOT_IDS


def test_every_contract_region_is_present_with_its_sides(knowledge: Knowledge) -> None:
    for region_id in CONTRACT_REGIONS:
        region = knowledge.regions[region_id]
        expected = ("midline",) if region_id == "saddle" else ("left", "right")
        assert region.sides == expected, region_id
    assert len(knowledge.regions) == 65


@pytest.mark.parametrize("atlas_id", ["lee2008", "keegan1948"])
def test_each_atlas_covers_every_region(knowledge: Knowledge, atlas_id: str) -> None:
    atlas = knowledge.atlases[atlas_id]
    assert set(atlas.entries) == set(knowledge.regions)
    face = atlas.entries["face"]
    assert face.primary == () and "trigeminal" in face.note
    for region_id in CONTRACT_REGIONS:
        assert atlas.entries[region_id].primary, f"{atlas_id}: {region_id} has no primary root"


def test_every_fact_cites_a_known_source(knowledge: Knowledge) -> None:
    facts = list(_facts(knowledge, "knowledge"))
    assert len(facts) > 200
    unknown = [(path, source) for path, source in facts if source not in knowledge.sources]
    assert unknown == []
    cited = {source for _, source in facts}
    for source_id in ("keegan1948", "lee2008", "isncsci2019", "wiltse1976", "hoppenfeld1977"):
        assert source_id in cited
    assert "Clinical Anatomy 21(5):363-373" in knowledge.cite("lee2008")


def test_isncsci_key_points_lie_in_regions_that_each_atlas_gives_that_root(
    knowledge: Knowledge,
) -> None:
    expected = {
        "L1": "groin",
        "L2": "thigh_anterior_upper",
        "L3": "knee_medial",
        "L4": "malleolus_medial",
        "L5": "dorsum_central",
        "S1": "heel_lateral",
        "S2": "popliteal_fossa",
        "S3": "saddle",  # S3 is a main root of the saddle in every atlas, overlap only in buttock
        "S4": "saddle",
        "S5": "saddle",
        "T10": "abdomen_umbilical",
        "C6": "thumb",
        "C7": "middle_finger",
        "C8": "little_finger",
    }
    for root_id, region_id in expected.items():
        assert knowledge.roots[root_id].key_point_region == region_id
    for root in knowledge.roots.values():
        assert root.source == "isncsci2019"
        assert root.key_point_region is not None, root.id
        for atlas in knowledge.atlases.values():
            entry = atlas.entries[root.key_point_region]
            assert entry.weight(root.id) > 0, (atlas.id, root.id, root.key_point_region)


def _disagreements(knowledge: Knowledge) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    lee, keegan = knowledge.atlases["lee2008"], knowledge.atlases["keegan1948"]
    return {
        region: (lee.entries[region].primary, keegan.entries[region].primary)
        for region in knowledge.regions
        if lee.entries[region].primary != keegan.entries[region].primary
    }


def test_the_atlases_disagree_where_the_literature_does(knowledge: Knowledge) -> None:
    differ = _disagreements(knowledge)
    # Keegan & Garrett's long L4 and L5 strips: L4 to the big toe, L5 over the outer thigh and
    # the medial half of the sole; Lee 2008 keeps L5 on the dorsum and S1 on the sole.
    assert differ["hallux_dorsal"] == (("L5",), ("L4",))
    assert differ["dorsum_medial"] == (("L5",), ("L4",))
    assert differ["forefoot_plantar_medial"] == (("S1",), ("L5",))
    assert "L4" in differ["thigh_lateral"][1] and "L4" not in differ["thigh_lateral"][0]
    assert "thigh_posterior" in differ and "calf_posterior" in differ
    # Where they agree: the ISNCSCI key points of the foot.
    for region in ("malleolus_medial", "dorsum_central", "heel_lateral"):
        assert region not in differ
    print("regions where lee2008 and keegan1948 differ:", ", ".join(differ))


def test_signs_cover_exactly_the_contract_signs(knowledge: Knowledge) -> None:
    assert tuple(knowledge.signs) == SIGNS
    signs = knowledge.signs
    assert signs["babinski"].roots == {} and signs["babinski"].kind == "presence"
    assert signs["great_toe_extension"].roots["L5"] == 1.0
    assert signs["achilles_reflex"].roots["S1"] == 1.0
    assert signs["patellar_reflex"].roots["L4"] == 1.0
    assert signs["medial_hamstring_reflex"].roots == {"L5": 1.0}
    assert set(signs["femoral_stretch"].roots) == {"L2", "L3", "L4"}
    # Ankle inversion (tibialis posterior, tibial nerve) is spared in a peroneal palsy.
    assert "L5" in signs["ankle_inversion"].roots
    assert not any("peroneal" in nerve for nerve in signs["ankle_inversion"].nerves)
    assert "common_peroneal" in signs["foot_drop"].nerves
    assert signs["hip_abduction"].nerves == ("superior_gluteal",)


def test_nerve_territories_match_their_anatomy(knowledge: Knowledge) -> None:
    nerves = knowledge.nerves
    assert nerves["deep_peroneal"].cutaneous == ("first_web_space",)
    assert {"foot_lateral_border", "heel_lateral", "little_toe"} <= set(nerves["sural"].cutaneous)
    assert {"leg_medial", "malleolus_medial"} <= set(nerves["saphenous"].cutaneous)
    assert nerves["lateral_femoral_cutaneous"].cutaneous == ("thigh_lateral",)
    assert nerves["superior_gluteal"].cutaneous == ()
    assert "interdigital_3_4" in nerves["interdigital"].cutaneous
    assert "ankle_inversion" not in nerves["common_peroneal"].motor


def test_disc_levels_and_level_rules(knowledge: Knowledge) -> None:
    assert list(knowledge.disc_levels) == ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"]
    l4_l5 = knowledge.disc_levels["L4-L5"]
    assert (l4_l5.exiting_root, l4_l5.traversing_root) == ("L4", "L5")
    assert knowledge.disc_levels["L5-S1"].traversing_root == "S1"
    rules = {(rule.lesion, rule.zone): rule for rule in knowledge.level_rules}
    assert rules["disc_herniation", "paracentral"].affects == "traversing"
    assert rules["disc_herniation", "far_lateral"].affects == "exiting"
    assert rules["disc_herniation", "foraminal"].affects == "exiting"
    assert rules["stenosis", "lateral_recess"].affects == "traversing"
    assert rules["stenosis", "central"].affects == "multiple"
    degenerative = rules["spondylolisthesis_degenerative", "lateral_recess"]
    isthmic = rules["spondylolisthesis_isthmic", "foraminal"]
    assert (degenerative.affects, degenerative.typical_levels) == ("traversing", ("L4-L5",))
    assert (isthmic.affects, isthmic.typical_levels) == ("exiting", ("L5-S1",))


def test_conditions_and_red_flags_cover_the_contract(knowledge: Knowledge) -> None:
    for category, ids in CONTRACT_CONDITIONS.items():
        for condition_id in ids:
            assert knowledge.conditions[condition_id].category == category
    for flag_id, urgency in CONTRACT_RED_FLAGS.items():
        assert knowledge.red_flags[flag_id].urgency == urgency
