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
RED_FLAG_EDGE = "#6D0014"  # the banner's lower edge

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


# --- Map paper and ink: the same in every theme ---------------------------------------------
# The anatomical maps (body, feet, spine) and the teaching overlays are drawn on light paper
# in the light and the dark theme alike, so their art, tints and marks read as printed.
MAP_PAPER = "#FFFFFF"
MAP_INK = "#000000"  # lettering without a colour of its own, the key sensory point
MAP_HALO = "#FFFFFF"  # the halo around lettering and the keyboard's current region
CURRENT_OUTLINE = "#1A1A1A"  # the keyboard's current region: dark dashes on the halo
DISC_OUTLINE = "#5C4B00"  # the spine diagram's candidate disc
OVERLAY_OUTLINE = "#555555"  # teaching: a region's outline under the dermatome overlay
AGREEMENT_OUTLINE = "#9A9A9A"  # teaching: a region where the atlases agree
OVERLAP_OUTLINE = "#5FB89A"  # teaching: a root's overlap territory (thin, light, dashed)
KEY_POINT_OUTLINE = MAP_INK  # teaching: the region holding the key sensory point
ICON_INK = "#555555"  # the eraser icon's outline (a tool button sample, drawn on paper)
ICON_PAPER = MAP_PAPER  # the paper under a tool's sample (swatches, the eraser)

# --- Reports: always printed on white paper --------------------------------------------------
REPORT_PAPER = "#FFFFFF"
REPORT_INK = "#1A1A1A"
REPORT_HEADING = "#1F3B57"
REPORT_TABLE_HEADER = "#E8EDF2"
REPORT_MUTED = "#555555"
REPORT_CAPTION = "#444444"
REPORT_FIGURE_INK = "#222222"  # lettering on report figures
# Cohort heat maps: a sequential yellow-to-dark-red scale (ColorBrewer YlOrRd, readable in
# grey and for colour-blind viewers), light grey for regions nobody marked.
HEATMAP_SCALE = ("#FFEDA0", "#FEB24C", "#FD8D3C", "#E31A1C", "#800026")
HEATMAP_UNMARKED = "#ECECEC"
# Marks the clinician set aside as "not due to a root": grey hatch over a veil of paper.
EXCLUDED_GREY = "#6E6E6E"
EXCLUDED_VEIL_ALPHA = 150


# --- The window's colours: one set per theme -------------------------------------------------


@dataclass(frozen=True)
class UiColours:
    """The window's colours (widgets; never the maps' paper). The ``window`` ..
    ``mid`` roles build the Qt palette of a forced or dark theme; the others are
    RootMap's own roles, read by the widgets that need a colour of their own."""

    name: str  # "light" or "dark"
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    tooltip_base: str
    tooltip_text: str
    placeholder_text: str
    link: str
    disabled_text: str
    mid: str  # frames and separators
    hint_text: str  # secondary text: the empty results' hint
    caption_text: str  # the map captions over each view
    disclaimer_text: str  # the status bar's "not a diagnosis" reminder
    error_text: str  # a map that could not be loaded
    caution_text: str  # evidence that counts against a result
    abnormal_background: str  # an abnormal examination value's tint
    abnormal_text: str
    switch_border: str  # the history form's ? / Yes / No switches
    switch_background: str
    switch_text: str
    switch_checked_background: str  # "?" chosen
    switch_yes_background: str  # "Yes" chosen: a red-flag answer
    switch_no_background: str
    switch_checked_text: str
    bar_track: str  # the results' score bars
    bar_text: str
    root_bar: str
    condition_bar: str
    quiz_right: str  # the quiz's feedback
    quiz_half: str
    quiz_wrong: str
    chip_border: str  # the border of a colour chip in the teaching texts


LIGHT_UI = UiColours(
    name="light",
    window="#EFEFEF",
    window_text="#111111",
    base="#FFFFFF",
    alternate_base="#F5F5F5",
    text="#111111",
    button="#EFEFEF",
    button_text="#111111",
    highlight="#0063B1",
    highlighted_text="#FFFFFF",
    tooltip_base="#FFFFDC",
    tooltip_text="#111111",
    placeholder_text="#6B6B6B",
    link="#0057A0",
    disabled_text="#8C8C8C",
    mid="#B8B8B8",
    hint_text="#555555",
    caption_text="#444444",
    disclaimer_text="#6D0014",
    error_text="#8A1C1C",
    caution_text="#8A5A00",
    abnormal_background="#FCE7C8",
    abnormal_text="#111111",
    switch_border="#B8B8B8",
    switch_background="#F4F4F4",
    switch_text="#111111",
    switch_checked_background="#3A3A3A",
    switch_yes_background=RED_FLAG_BACKGROUND,
    switch_no_background=OKABE_ITO["blue"],
    switch_checked_text="#FFFFFF",
    bar_track="#E3E3E3",
    bar_text="#222222",
    root_bar=HIGHLIGHT_COLOR,
    condition_bar="#5A7FA8",
    quiz_right="#006B3C",
    quiz_half="#7A4F00",
    quiz_wrong="#B00020",
    chip_border="#333333",
)

# A dark theme for a dark desktop: light text on dark grey (every text role >= 4.5:1
# against the background it is drawn on; a test computes the WCAG contrast).
DARK_UI = UiColours(
    name="dark",
    window="#2B2B2B",
    window_text="#EDEDED",
    base="#1E1E1E",
    alternate_base="#262626",
    text="#EDEDED",
    button="#383838",
    button_text="#EDEDED",
    highlight="#3D8FD6",
    highlighted_text="#000000",
    tooltip_base="#3A3A3A",
    tooltip_text="#F2F2F2",
    placeholder_text="#A8A8A8",
    link="#8CC8FF",
    disabled_text="#8A8A8A",
    mid="#5A5A5A",
    hint_text="#BDBDBD",
    caption_text="#D6D6D6",
    disclaimer_text="#FF9EAE",
    error_text="#FF9E9E",
    caution_text="#F2C46D",
    abnormal_background="#5C3A0A",
    abnormal_text="#FFFFFF",
    switch_border="#6A6A6A",
    switch_background="#383838",
    switch_text="#EDEDED",
    switch_checked_background="#666666",
    switch_yes_background=RED_FLAG_BACKGROUND,
    switch_no_background=OKABE_ITO["blue"],
    switch_checked_text="#FFFFFF",
    bar_track="#4A4A4A",
    bar_text="#EDEDED",
    root_bar=HIGHLIGHT_COLOR,
    condition_bar="#7FA3CC",
    quiz_right="#6FD89C",
    quiz_half="#F2C46D",
    quiz_wrong="#FF8A8A",
    chip_border="#CCCCCC",
)
UI_THEMES = {"light": LIGHT_UI, "dark": DARK_UI}
_active_ui = [LIGHT_UI]


def ui_colours() -> UiColours:
    """The window's colours in the theme in use (light until ``set_ui_theme``)."""
    return _active_ui[0]


def set_ui_theme(name: str) -> UiColours:
    """Use the ``"light"`` or ``"dark"`` window colours (``KeyError`` for another name)."""
    _active_ui[0] = UI_THEMES[name]
    return _active_ui[0]


def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance of a ``#RRGGBB`` colour (0 black .. 1 white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in hex_to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours (1 .. 21)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
