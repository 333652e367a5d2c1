"""Read the map SVGs with svgelements: groups of paths, transforms applied, as commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rootmap.maps.geometry import Command


class MapFileError(ValueError):
    """A map SVG that cannot be read: one clear message naming the file."""


def _num(value: float) -> float:
    return round(float(value), 3)


def path_commands(path: Any) -> tuple[Command, ...]:
    """Absolute M/L/C/Z commands of an svgelements Path (arcs and quadratics as cubics)."""
    import svgelements as se

    out: list[Command] = []
    for segment in path:
        if isinstance(segment, se.Move):
            out.append(("M", _num(segment.end.x), _num(segment.end.y)))
        elif isinstance(segment, se.Close):
            out.append(("Z",))
        elif isinstance(segment, se.Line):
            out.append(("L", _num(segment.end.x), _num(segment.end.y)))
        elif isinstance(segment, se.CubicBezier):
            c1, c2, end = segment.control1, segment.control2, segment.end
            out.append(
                ("C", _num(c1.x), _num(c1.y), _num(c2.x), _num(c2.y), _num(end.x), _num(end.y))
            )
        elif isinstance(segment, se.QuadraticBezier):
            s, c, e = segment.start, segment.control, segment.end
            out.append(
                (
                    "C",
                    _num(s.x + 2 / 3 * (c.x - s.x)),
                    _num(s.y + 2 / 3 * (c.y - s.y)),
                    _num(e.x + 2 / 3 * (c.x - e.x)),
                    _num(e.y + 2 / 3 * (c.y - e.y)),
                    _num(e.x),
                    _num(e.y),
                )
            )
        elif isinstance(segment, se.Arc):
            for cubic in segment.as_cubic_curves():
                c1, c2, end = cubic.control1, cubic.control2, cubic.end
                out.append(
                    ("C", _num(c1.x), _num(c1.y), _num(c2.x), _num(c2.y), _num(end.x), _num(end.y))
                )
    return tuple(out)


def read_groups(svg_file: Path, groups: tuple[str, ...]) -> dict[str, Any]:
    """Size, title and, for each named group, its paths' ids and commands.

    Shapes other than <path> (rect, circle, ...) are converted to paths.
    """
    import svgelements as se

    try:
        svg = se.SVG.parse(str(svg_file), reify=True)
    except Exception as error:  # svgelements raises many kinds on a broken file
        raise MapFileError(f"{svg_file.name}: not a readable SVG ({error})") from error
    view_box = svg.viewbox
    if view_box is None:
        raise MapFileError(f"{svg_file.name}: the <svg> element has no viewBox")
    title = next((e.title for e in svg.elements() if isinstance(e, se.Title)), "") or ""
    result: dict[str, Any] = {
        "width": float(view_box.width),
        "height": float(view_box.height),
        "title": str(title).strip(),
        "groups": {},
    }
    for name in groups:
        group = svg.get_element_by_id(name)
        items: list[tuple[str, tuple[Command, ...]]] = []
        if isinstance(group, se.Group):
            for element in group.select():
                if element is group or not isinstance(element, se.Shape):
                    continue
                path = element if isinstance(element, se.Path) else se.Path(element)
                items.append((str(element.id or ""), path_commands(path)))
        result["groups"][name] = items
    return result
