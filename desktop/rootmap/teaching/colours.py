"""Teaching-mode colours: the root tints come from ``rootmap.palette.ROOT_OVERLAY``.

Finding marks are saturated Okabe-Ito colours with patterns; the overlay uses the
palette's pale per-root tints, always drawn with the root's name on top and a
legend beside, so an overlay never looks like a mark. This module adds only the
colours of the differences view and a contrast check.
"""

from __future__ import annotations

from rootmap.palette import root_overlay_color

LABEL_INK = "#111111"  # root names on the tints: near-black, contrast ratio > 10:1
NO_ROOT_TINT = "#FFFFFF"  # regions no spinal root supplies (the face: trigeminal nerve)

# The differences view: where the atlases disagree, a strong yellow; elsewhere pale grey.
DIFFERENCE_FILL = "#FFD400"
AGREEMENT_FILL = "#ECECEC"
DIFFERENCE_OUTLINE = "#000000"


def root_tint(root: str) -> str:
    """The overlay colour of one root, from the shared palette (``rootmap.palette``)."""
    return root_overlay_color(root)


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#RRGGBB`` colours (1 … 21)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
