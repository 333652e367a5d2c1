"""A map's lettering is read out with its geometry (no Qt): every text with its place
and style, and the art's SVG without the page title and the label texts."""

from __future__ import annotations

from xml.etree import ElementTree

from rootmap.maps import load_spine, load_view
from rootmap.maps.lettering import SVG_NS, read_lettering

PAGE = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 80">
<g id="regions"><path id="left.x" d="M40 30 L60 30 L60 70 L40 70 Z"/></g>
<g id="labels"><text x="37" y="50" font-size="3" font-weight="bold" fill="#123456">R</text>
<circle cx="1" cy="1" r="1"/></g>
<g id="title"><text x="0" y="6" font-size="4" font-style="italic" text-anchor="start">
  Left   foot </text></g>
</svg>"""


def test_every_text_is_read_with_its_place_style_and_group():
    lettering = read_lettering(PAGE)
    assert lettering["groups"] == ["regions", "labels", "title"]
    label, title = lettering["texts"]
    assert label == {
        "text": "R",
        "x": 37.0,
        "y": 50.0,
        "size": 3.0,
        "bold": True,
        "italic": False,
        "anchor": "start",
        "colour": "#123456",
        "group": "labels",
    }
    assert title["text"] == "Left foot" and title["italic"] and title["group"] == "title"


def test_the_art_keeps_the_drawing_but_not_the_title_nor_the_label_texts():
    art = read_lettering(PAGE)["art"]
    root = ElementTree.fromstring(art)
    ids = [g.get("id") for g in root.iter(f"{{{SVG_NS}}}g")]
    assert ids == ["regions", "labels"]
    assert not list(root.iter(f"{{{SVG_NS}}}text"))
    assert len(list(root.iter(f"{{{SVG_NS}}}circle"))) == 1  # the labels' other shapes stay
    assert read_lettering(PAGE, with_art=False)["art"] is None


def test_the_bundled_maps_carry_their_lettering():
    front = load_view("body_front")
    assert {t.text for t in front.texts if t.group == "labels"} >= {"R", "L"}
    assert front.art_svg is not None and "<text" not in front.art_svg.split('id="labels"')[1]
    assert "title" in front.art_groups
    spine = load_spine()
    assert {"L4", "L5", "S1"} <= {t.text for t in spine.texts}
