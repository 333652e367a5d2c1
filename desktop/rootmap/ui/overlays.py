"""What the maps show, computed from the state: marks per region, the dermatome to
highlight, the spine's roots and discs, and the words of a region's tooltip.

Plain functions of immutable values (no widgets), so they are quick to test.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from rootmap import wording
from rootmap.analysis import Analysis
from rootmap.encounter import FINDING_KINDS, Finding
from rootmap.knowledge import Atlas, Knowledge
from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.ui.map_view import HIGHLIGHT_OVERLAP, HIGHLIGHT_PRIMARY, Mark
from rootmap.ui.undo_commands import EditorState

ShownRoot = tuple[str, str]  # (root, side) with side left/right/bilateral


def marks_by_key(findings: Iterable[Finding]) -> dict[str, tuple[Mark, ...]]:
    """Region key -> its marks, in the contract's kind order (pain, numbness, …)."""
    marks: dict[str, list[Finding]] = {}
    for finding in findings:
        marks.setdefault(finding.key, []).append(finding)
    return {
        key: tuple(
            (f.kind, f.intensity) for f in sorted(items, key=lambda f: FINDING_KINDS.index(f.kind))
        )
        for key, items in marks.items()
    }


# Below this score the best root is listed but not painted on the maps, so that a weak
# dermatomal fit (e.g. heel pain that plantar fasciitis explains) does not look like an answer.
HIGHLIGHT_MIN_SCORE = 0.35


def shown_root(analysis: Analysis | None, chosen: ShownRoot | None) -> ShownRoot | None:
    """The root whose dermatome the maps show: the one the user chose in the results,
    else the best root if its score reaches ``HIGHLIGHT_MIN_SCORE``."""
    if analysis is None or not analysis.roots:
        return None
    listed = [(r.root, r.side) for r in analysis.roots]
    if chosen in listed:
        return chosen
    best = analysis.roots[0]
    return (best.root, best.side) if best.score >= HIGHLIGHT_MIN_SCORE else None


def _sides(side: str) -> tuple[str, ...]:
    return ("left", "right") if side == "bilateral" else (side,)


def dermatome_levels(shown: ShownRoot | None, atlas: Atlas, knowledge: Knowledge) -> dict[str, int]:
    """Region key -> HIGHLIGHT_PRIMARY (usual territory) or HIGHLIGHT_OVERLAP (possible)."""
    if shown is None:
        return {}
    root, side = shown
    primary = set(atlas.regions_of_root(root, primary_only=True))
    levels: dict[str, int] = {}
    for region in atlas.regions_of_root(root):
        level = HIGHLIGHT_PRIMARY if region in primary else HIGHLIGHT_OVERLAP
        info = knowledge.regions.get(region)
        for region_side in info.sides if info is not None and info.midline else _sides(side):
            levels[f"{region_side}.{region}"] = level
    return levels


def spine_highlight(
    shown: ShownRoot | None, analysis: Analysis | None
) -> tuple[set[tuple[str, str]], set[str]]:
    """(side, root) pairs and disc levels to highlight on the spine diagram."""
    if shown is None or analysis is None:
        return set(), set()
    root, side = shown
    roots = {(s, root) for s in _sides(side)}
    spinal = [c for c in analysis.conditions if c.category == "spinal" and c.levels]
    related = [c for c in spinal if root in c.roots] or spinal
    discs = {level for c in related for level in c.levels}
    return roots, discs


def region_words(knowledge: Knowledge, region: str, side: str) -> str:
    """ "left Top of foot, middle third" in words a clinician reads."""
    return wording.region_words(knowledge.regions, region, side)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Overlays", text)


TRANSLATED_WORDS = (  # words of the core (no Qt) shown in the tooltips
    QT_TRANSLATE_NOOP("Overlays", "left"),
    QT_TRANSLATE_NOOP("Overlays", "right"),
    QT_TRANSLATE_NOOP("Overlays", "pain"),
    QT_TRANSLATE_NOOP("Overlays", "numbness"),
    QT_TRANSLATE_NOOP("Overlays", "tingling"),
    QT_TRANSLATE_NOOP("Overlays", "burning"),
)


def region_summary(
    knowledge: Knowledge, state: EditorState, region: str, side: str, *, html: bool
) -> str:
    """Tooltip / status text: region name, patient's side, roots in the atlas, its marks."""
    info = knowledge.regions.get(region)
    name = info.name if info is not None else region
    where = (
        QCoreApplication.translate("Overlays", "midline")
        if side == "midline"
        else QCoreApplication.translate("Overlays", "patient's {0}").format(_tr(side))
    )
    atlas = knowledge.atlas(state.atlas)
    entry = atlas.entry(region)
    if entry is None:
        roots = QCoreApplication.translate("Overlays", "no spinal root in this atlas")
    else:
        roots = (
            ", ".join(entry.primary)
            or entry.note
            or QCoreApplication.translate("Overlays", "no spinal root")
        )
        if entry.overlap:
            roots += QCoreApplication.translate("Overlays", " (overlap {0})").format(
                ", ".join(entry.overlap)
            )
    marks = [
        f"{_tr(f.kind)} {f.intensity}/10" if f.intensity is not None else _tr(f.kind)
        for f in state.encounter.findings
        if (f.region, f.side) == (region, side)
    ]
    marked = (
        QCoreApplication.translate("Overlays", "Marked: {0}").format(", ".join(marks))
        if marks
        else ""
    )
    if not html:
        return " — ".join(p for p in (f"{name} ({where})", f"{atlas.name}: {roots}", marked) if p)
    from html import escape  # on the first hover, not at start-up

    lines = [
        f"<b>{escape(name, quote=False)}</b> — {escape(where, quote=False)}",
        f"{escape(atlas.name, quote=False)}: {escape(roots, quote=False)}",
    ]
    if marked:
        lines.append(escape(marked, quote=False))
    return "<br>".join(lines)
