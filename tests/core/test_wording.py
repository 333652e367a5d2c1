"""Region ids in evidence read as plain words in the window and the report."""

from rootmap.knowledge import load_knowledge
from rootmap.wording import plain

REGIONS = load_knowledge().regions


def test_region_ids_become_region_names():
    text = "numbness (6/10) over dorsum_central, left (L5 dermatome, lee2008)"
    assert plain(text, REGIONS) == (
        "numbness (6/10) over top of foot, middle, left (L5 dermatome, lee2008)"
    )


def test_every_region_id_is_replaced_and_longer_ids_win():
    for region_id, region in REGIONS.items():
        shown = plain(f"pain over {region_id}.", REGIONS)
        assert region_id not in shown or region_id in region.name.lower(), shown
    assert plain("heel_plantar", REGIONS) == "sole of the heel"


def test_text_without_ids_is_unchanged():
    text = "acute onset, age 44, positive straight leg raise (L5 is the traversing root)"
    assert plain(text, REGIONS) == text
