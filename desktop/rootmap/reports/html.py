"""The report's text as HTML for ``QTextDocument`` (plain Python: no Qt here).

Every piece of text that came from a person (patient label, notes) is escaped.
Maps are ``<img>`` tags naming resources that ``pdf`` adds to the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from rootmap import palette
from rootmap.analysis import Analysis, Evidence
from rootmap.documents import Document
from rootmap.encounter import HISTORY_FLAGS
from rootmap.knowledge import Knowledge
from rootmap.wording import SHOWN_SIDES, SIDES_CONVENTION, plain

DISCLAIMER = "RootMap supports clinical judgement; it is not a diagnosis."
FLAG_WORDS = {"emergency": "EMERGENCY", "urgent": "URGENT"}


@dataclass(frozen=True)
class Figure:
    """One map image in the report: a resource name and its width in document pixels."""

    url: str
    width: int
    caption: str


def report_html(
    document: Document,
    analysis: Analysis,
    knowledge: Knowledge,
    figures: Sequence[Sequence[Figure]] = (),
    printed: datetime | None = None,
) -> str:
    """The whole report; ``figures`` is a list of rows of map images."""
    atlas = knowledge.atlases.get(analysis.atlas)
    parts = [
        _head(document, atlas.name if atlas else analysis.atlas, printed or datetime.now()),
        _red_flags(analysis),
        _figures(figures, analysis, knowledge),
        _findings(document, knowledge),
        _exam(document, knowledge),
        _history(document),
        _roots(analysis, knowledge),
        _conditions(analysis, knowledge),
        _notes(document),
        _sources(document, analysis, knowledge),
        f'<p class="disclaimer"><b>{escape(DISCLAIMER)}</b></p>',
    ]
    return f"<html><head>{_STYLE}</head><body>{''.join(parts)}</body></html>"


_STYLE = f"""<style>
body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: {palette.REPORT_INK}; }}
h1 {{ font-size: 17pt; margin-bottom: 2px; }}
h2 {{ font-size: 12pt; margin-top: 14px; margin-bottom: 4px; color: {palette.REPORT_HEADING}; }}
td, th {{ padding: 3px 5px; vertical-align: top; }}
th {{ background-color: {palette.REPORT_TABLE_HEADER}; text-align: left; }}
.muted {{ color: {palette.REPORT_MUTED}; }}
.flag {{ background-color: {palette.RED_FLAG_BACKGROUND}; color: {palette.RED_FLAG_TEXT}; }}
.caption {{ font-size: 8pt; color: {palette.REPORT_CAPTION}; text-align: center; }}
.disclaimer {{ margin-top: 16px; font-size: 10pt; }}
</style>"""


def _head(document: Document, atlas_name: str, printed: datetime) -> str:
    rows = []
    if document.patient_label:
        rows.append(("Patient", escape(document.patient_label)))
    rows.append(("Encounter", escape(_when(document.modified))))
    rows.append(("Report printed", escape(printed.strftime("%d %B %Y, %H:%M"))))
    rows.append(("Dermatome atlas", escape(atlas_name)))
    table = "".join(f'<tr><td class="muted">{k}</td><td><b>{v}</b></td></tr>' for k, v in rows)
    return f"<h1>RootMap report</h1><table cellspacing='0'>{table}</table>"


def _when(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment.strftime("%d %B %Y, %H:%M") + (f" ({moment.tzname()})" if moment.tzinfo else "")


def _red_flags(analysis: Analysis) -> str:
    if not analysis.red_flags:
        return "<h2>Red flags</h2><p>None raised by what was recorded.</p>"
    rows = []
    for flag in analysis.red_flags:
        why = "".join(f"<br/>• {escape(w)}" for w in flag.why)
        rows.append(
            f'<tr><td class="flag" width="18%"><b>{FLAG_WORDS.get(flag.urgency, "")}</b></td>'
            f'<td class="flag"><b>{escape(_title(flag.id))}</b>: {escape(flag.message)}{why}'
            "</td></tr>"
        )
    return (
        f'<h2 style="color:{palette.RED_FLAG_BACKGROUND}">Red flags</h2>'
        f"<table width='100%' cellspacing='0' cellpadding='6' border='0'>{''.join(rows)}</table>"
    )


def _figures(rows: Sequence[Sequence[Figure]], analysis: Analysis, knowledge: Knowledge) -> str:
    if not rows:
        return ""
    html = ["<h2>Maps</h2>", _legend(analysis, knowledge)]
    for row in rows:
        cells = "".join(
            f'<td align="center"><img src="{escape(f.url)}" width="{f.width}"/><br/>'
            f'<span class="caption">{escape(f.caption)}</span></td>'
            for f in row
        )
        html.append(f"<table align='center' cellspacing='0'><tr>{cells}</tr></table>")
    return "".join(html)


def _legend(analysis: Analysis, knowledge: Knowledge) -> str:
    items = [
        f'<span style="color:{m.color}"><b>{escape(m.symbol)} {m.label}</b></span> '
        f"({m.pattern.replace('_', '-')})"
        for m in palette.MARKS.values()
    ]
    if analysis.roots:
        top = analysis.roots[0]
        items.append(
            f'<span style="color:{palette.HIGHLIGHT_COLOR}"><b>▧ {escape(top.root)} dermatome'
            f"</b></span> ({escape(top.side)}, shaded green)"
        )
    return f'<p class="muted">Marks: {" · ".join(items)}. R and L are the patient\'s sides.</p>'


def _findings(document: Document, knowledge: Knowledge) -> str:
    findings = sorted(document.encounter.findings, key=lambda f: (f.side, f.region, f.kind))
    if not findings:
        return "<h2>Findings</h2><p>No regions marked.</p>"
    rows = "".join(
        f"<tr><td>{escape(_region_name(f.region, knowledge))}</td><td>{escape(f.side)}</td>"
        f'<td style="color:{palette.MARKS[f.kind].color}"><b>{escape(f.kind)}</b></td>'
        f"<td>{'' if f.intensity is None else f'{f.intensity}/10'}</td></tr>"
        for f in findings
    )
    return (
        "<h2>Findings</h2><table width='100%' cellspacing='0' border='0.5'>"
        "<tr><th>Region</th><th>Side</th><th>Kind</th><th>Intensity</th></tr>"
        f"{rows}</table>"
    )


def _exam(document: Document, knowledge: Knowledge) -> str:
    values: dict[str, dict[str, str]] = {}
    for sign in document.encounter.signs:
        shown = f"{sign.value}/5" if isinstance(sign.value, int) else str(sign.value)
        values.setdefault(sign.sign, {})[sign.side] = shown
    if not values:
        return "<h2>Examination</h2><p>No signs recorded.</p>"
    order = list(knowledge.signs) + sorted(set(values) - set(knowledge.signs))
    rows = []
    for name in (n for n in order if n in values):
        rule = knowledge.signs.get(name)
        label = rule.label if rule else _title(name)
        cells = "".join(
            f"<td align='center'>{_abnormal(values[name].get(side, '—'))}</td>"
            for side in SHOWN_SIDES
        )
        rows.append(f"<tr><td>{escape(label)}</td>{cells}</tr>")
    headers = "".join(f"<th>{side.capitalize()}</th>" for side in SHOWN_SIDES)
    return (
        "<h2>Examination</h2><table width='100%' cellspacing='0' border='0.5'>"
        f"<tr><th>Sign</th>{headers}</tr>"
        f"{''.join(rows)}</table>"
        f"<p><small>{escape(SIDES_CONVENTION)}</small></p>"
    )


def _abnormal(value: str) -> str:
    normal = value in ("—", "5/5", "normal", "absent", "negative")
    return escape(value) if normal else f"<b>{escape(value)}</b>"


def _history(document: Document) -> str:
    history = document.encounter.history
    items = []
    if history.age is not None:
        items.append(f"age {history.age}")
    if history.onset:
        items.append(f"{history.onset} onset")
    yes = [_title(f) for f in HISTORY_FLAGS if history.flag(f) is True]
    no = [_title(f) for f in HISTORY_FLAGS if history.flag(f) is False]
    html = "<h2>History</h2>"
    if not (items or yes or no):
        return html + "<p>No history recorded.</p>"
    if items:
        html += f"<p>{escape(', '.join(items).capitalize())}.</p>"
    if yes:
        html += f"<p><b>Yes:</b> {escape('; '.join(yes))}.</p>"
    if no:
        html += f"<p><b>No:</b> {escape('; '.join(no))}.</p>"
    return html


def _roots(analysis: Analysis, knowledge: Knowledge) -> str:
    if not analysis.roots:
        return "<h2>Nerve roots</h2><p>No root is implicated by what was recorded.</p>"
    rows = "".join(
        f"<tr><td>{rank}</td><td><b>{escape(r.root)}</b></td><td>{escape(r.side)}</td>"
        f"<td>{r.score:.2f}</td><td>{_evidence(r.evidence, knowledge)}</td></tr>"
        for rank, r in enumerate(analysis.roots, start=1)
    )
    return (
        "<h2>Nerve roots, most likely first</h2>"
        f"{_close_call(analysis, 'roots')}"
        "<table width='100%' cellspacing='0' border='0.5'>"
        "<tr><th>#</th><th>Root</th><th>Side</th><th>Score</th><th>Evidence</th></tr>"
        f"{rows}</table>"
    )


def _close_call(analysis: Analysis, which: str) -> str:
    """One line above a ranked list whose first items are nearly level (a close call)."""
    call = analysis.close_call(which)
    return f"<p><b>{escape(call.message)}</b></p>" if call is not None else ""


def _evidence(items: Iterable[Evidence], knowledge: Knowledge) -> str:
    lines = [
        ("against: " if e.weight < 0 else "") + escape(plain(e.text, knowledge.regions))
        for e in items
    ]
    return "<br/>".join(f"• {line}" for line in lines)


def _conditions(analysis: Analysis, knowledge: Knowledge) -> str:
    if not analysis.conditions:
        return "<h2>Conditions to consider</h2><p>None.</p>"
    rows = []
    for c in analysis.conditions:
        where = ", ".join(filter(None, [" ".join(c.levels), " ".join(c.roots), c.side or ""]))
        codes = "<br/>".join(
            escape(code) + (f" <span class='muted'>{escape(label)}</span>" if label else "")
            for code, label in _icd_labels(c.id, c.icd10, knowledge).items()
        )
        rows.append(
            f"<tr><td><b>{escape(c.name)}</b><br/><span class='muted'>"
            f"{escape(c.category.replace('_', ' '))}{' · ' + escape(where) if where else ''}"
            f"</span></td><td>{c.score:.2f}</td><td>{codes}</td>"
            f"<td>{_evidence(c.why, knowledge)}</td></tr>"
        )
    return (
        "<h2>Conditions to consider, most likely first</h2>"
        f"{_close_call(analysis, 'conditions')}"
        "<table width='100%' cellspacing='0' border='0.5'>"
        "<tr><th width='24%'>Condition</th><th>Score</th><th width='22%'>ICD-10</th>"
        f"<th>Why</th></tr>{''.join(rows)}</table>"
    )


def _icd_labels(condition: str, codes: Iterable[str], knowledge: Knowledge) -> dict[str, str]:
    known = knowledge.conditions.get(condition)
    labels = {c.code: c.label for c in known.icd10} if known else {}
    return {code: labels.get(code, "") for code in codes}


def _notes(document: Document) -> str:
    if not document.notes.strip():
        return ""
    text = "<br/>".join(escape(line) for line in document.notes.strip().splitlines())
    return f"<h2>Notes</h2><p>{text}</p>"


def cited_sources(document: Document, analysis: Analysis, knowledge: Knowledge) -> list[str]:
    """The source ids behind what the report shows, in a stable order."""
    ids: list[str] = []
    atlas = knowledge.atlases.get(analysis.atlas)
    if atlas:
        ids.append(atlas.source)
        for finding in document.encounter.findings:
            entry = atlas.entry(finding.region)
            if entry:
                ids.append(entry.source)
    for sign in document.encounter.signs:
        sign_rule = knowledge.signs.get(sign.sign)
        if sign_rule:
            ids.append(sign_rule.source)
    for root in analysis.roots:
        known_root = knowledge.roots.get(root.root)
        if known_root:
            ids.append(known_root.source)
    for condition in analysis.conditions:
        known = knowledge.conditions.get(condition.id)
        if known:
            ids.extend([known.source, *(code.source for code in known.icd10)])
    for flag in analysis.red_flags:
        known_flag = knowledge.red_flags.get(flag.id)
        if known_flag:
            ids.append(known_flag.source)
    unique = dict.fromkeys(i for i in ids if i in knowledge.sources)
    return sorted(unique, key=lambda i: (knowledge.sources[i].authors, knowledge.sources[i].year))


def _sources(document: Document, analysis: Analysis, knowledge: Knowledge) -> str:
    ids = cited_sources(document, analysis, knowledge)
    if not ids:
        return ""
    items = "".join(f"<li>{escape(knowledge.cite(i))}</li>" for i in ids)
    return f"<h2>Sources</h2><ol>{items}</ol>"


def _region_name(region: str, knowledge: Knowledge) -> str:
    known = knowledge.regions.get(region)
    return known.name if known else _title(region)


def _title(identifier: str) -> str:
    return identifier.replace("_", " ").capitalize()
