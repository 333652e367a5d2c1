"""RootMap's colours: finding marks and dermatome overlays. Plain Python, no Qt.

Two palettes that never look alike:

- **Marks** (what the clinician found): one Okabe-Ito colour *and* one pattern per
  finding kind, so they stay distinct for colour-blind viewers and in greyscale
  print (pain solid, numbness cross-hatch, tingling dots, burning diagonal lines).
- **Overlays** (what RootMap infers): the implicated root's dermatome in bluish
  green, a translucent fill with a strong outline and no pattern; and, for teaching,
  one pale, labelled tint per root (``ROOT_OVERLAY``) — light tints, never the
  saturated mark colours.

Colours are ``#RRGGBB`` strings; alphas are 0-255. The UI, the reports and the
teaching mode all read these values, so a mark looks the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design": distinguishable in all common CVD types.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

# Pattern names: solid, cross_hatch, dots, diagonal (the UI maps them to Qt brush styles,
# reports to their own hatching).
PATTERNS = ("solid", "cross_hatch", "dots", "diagonal")


@dataclass(frozen=True)
class MarkStyle:
    """How one finding kind is drawn on a region."""

    kind: str  # pain, numbness, tingling, burning
    label: str  # "Pain"
    color: str  # "#D55E00"
    pattern: str  # one of PATTERNS
    fill_alpha: int  # alpha of the pale tint under the pattern (0-255)
    symbol: str  # a one-character symbol for legends and text reports

    def rgba(self, alpha: int | None = None) -> tuple[int, int, int, int]:
        return (*hex_to_rgb(self.color), self.fill_alpha if alpha is None else alpha)


MARKS: dict[str, MarkStyle] = {
    "pain": MarkStyle("pain", "Pain", OKABE_ITO["vermillion"], "solid", 150, "●"),
    "numbness": MarkStyle("numbness", "Numbness", OKABE_ITO["blue"], "cross_hatch", 60, "#"),
    "tingling": MarkStyle("tingling", "Tingling", OKABE_ITO["reddish_purple"], "dots", 60, "∴"),
    "burning": MarkStyle("burning", "Burning", OKABE_ITO["orange"], "diagonal", 70, "/"),
}

# The implicated root's dermatome: bluish green, translucent fill + strong outline.
HIGHLIGHT_COLOR = OKABE_ITO["bluish_green"]
HIGHLIGHT_FILL_ALPHA = 70
HIGHLIGHT_OUTLINE_WIDTH = 3.0  # in screen pixels (cosmetic pen)
# A second-ranked root, when shown, is drawn as a dashed outline only.
SECONDARY_HIGHLIGHT_COLOR = OKABE_ITO["sky_blue"]

# Red flag banner and emergency text.
RED_FLAG_BACKGROUND = "#B00020"
RED_FLAG_TEXT = "#FFFFFF"

# Neutral map art.
SKIN_FILL = "#FBF7F2"
REGION_OUTLINE = "#9A8F86"
HOVER_OUTLINE = "#222222"

# Dermatome overlay palette for teaching (one pale tint per root, labelled on screen).
# Light tints so they never compete with the saturated mark colours above; neighbouring
# roots alternate warm/cool so adjacent dermatomes stay apart.
ROOT_OVERLAY: dict[str, str] = {
    "C2": "#F2E6D9",
    "C3": "#DCE9F5",
    "C4": "#F5F0C8",
    "C5": "#E3D9F0",
    "C6": "#D4EEDD",
    "C7": "#F7DCCB",
    "C8": "#D6E4EA",
    "T1": "#EEE3C4",
    "T2": "#E6EDF7",
    "T3": "#F0E0E8",
    "T4": "#E0F0E8",
    "T5": "#F5EBD9",
    "T6": "#DDE3F2",
    "T7": "#EFF2D4",
    "T8": "#EADCF0",
    "T9": "#D8EEF0",
    "T10": "#F6E2D2",
    "T11": "#DFE6D5",
    "T12": "#EDE0F2",
    "L1": "#FBE5B6",
    "L2": "#C9E3F7",
    "L3": "#F8D1C2",
    "L4": "#CDEBD5",
    "L5": "#E4D1F0",
    "S1": "#FFF0A8",
    "S2": "#BFE3EC",
    "S3": "#F3C9DA",
    "S4": "#D9E8B8",
    "S5": "#D7D0EE",
}
ROOT_OVERLAY_FALLBACK = "#E8E8E8"


def mark_style(kind: str) -> MarkStyle:
    """The style of one finding kind; ``KeyError`` for a kind that is not in the contract."""
    return MARKS[kind]


def root_overlay_color(root: str) -> str:
    """The teaching-mode tint of one root's dermatome."""
    return ROOT_OVERLAY.get(root, ROOT_OVERLAY_FALLBACK)


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """``"#D55E00"`` -> ``(213, 94, 0)``."""
    text = color.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


# --- Changes between visits (the comparison's change map) ----------------------------------
# Okabe-Ito colours again, each with its own pattern, so a change reads without colour
# too; drawn on a figure of its own (never over the finding marks).


@dataclass(frozen=True)
class ChangeStyle:
    """How one kind of change is drawn on the change map."""

    change: str  # new, resolved, worse, better, same
    label: str
    color: str
    pattern: str  # solid, cross_hatch, dots, diagonal, or "outline" (tint only, no ink)
    fill_alpha: int


CHANGES: dict[str, ChangeStyle] = {
    "worse": ChangeStyle("worse", "Worse", OKABE_ITO["vermillion"], "cross_hatch", 110),
    "new": ChangeStyle("new", "New", OKABE_ITO["orange"], "solid", 170),
    "better": ChangeStyle("better", "Better", OKABE_ITO["sky_blue"], "diagonal", 90),
    "resolved": ChangeStyle("resolved", "Resolved", OKABE_ITO["blue"], "dots", 50),
    "same": ChangeStyle("same", "Same", "#8C8C8C", "outline", 70),
}
# A region marked with several kinds shows its most pressing change.
CHANGE_PRECEDENCE = ("worse", "new", "better", "resolved", "same")


def change_style(change: str) -> ChangeStyle:
    """The style of one change; ``KeyError`` for a change the engine does not name."""
    return CHANGES[change]
