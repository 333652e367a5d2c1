"""Benchmarks (run with --benchmark-enable): a document of 20 visits, opened and compared.

The budget (issue 13): opening such a document, switching visits and comparing each stays
well under one 60 Hz frame (16.7 ms) on top of today's analyse time. Compare
``test_bench_compare_every_visit`` (the added work for all 20 visits) and
``test_bench_analyze_latest_of_20`` with ``test_bench_analyze_latest_alone``.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

from rootmap.documents import Document, document_from_bytes, document_to_bytes, for_analysis
from rootmap.encounter import MRC_SIGNS, Encounter, Finding, History, Sign
from rootmap.engine import analyze
from rootmap.engine.changes import changes_since_previous
from rootmap.engine.extent import extent_of
from rootmap.engine.progression import progression_evidence
from rootmap.knowledge import load_knowledge

VISITS = 20


def twenty_visits() -> Document:
    knowledge = load_knowledge()
    regions = [r.id for r in knowledge.regions.values() if r.group in ("leg", "foot", "thigh")]
    kinds = ("numbness", "tingling", "pain", "burning")
    combos = list(itertools.product(regions, ("left", "right"), kinds))
    start = date(2026, 1, 5)
    visits = []
    for n in range(VISITS):
        findings = tuple(
            Finding(region, side, kind, (n + i) % 11)
            for i, (region, side, kind) in enumerate(combos[n : n + 30])
        )
        signs = tuple(
            Sign(name, side, max(0, 5 - (n + i) % 4))
            for i, (name, side) in enumerate(itertools.product(MRC_SIGNS, ("left", "right")))
        )
        when = (start + timedelta(days=7 * n)).isoformat()
        visits.append(Encounter(findings=findings, signs=signs, history=History(age=52), date=when))
    return Document(encounter=visits[-1], earlier=tuple(visits[:-1]))


def test_bench_open_a_document_of_20_visits(benchmark):
    knowledge = load_knowledge()
    data = document_to_bytes(twenty_visits())
    document = benchmark(document_from_bytes, data, knowledge.regions, knowledge.atlases)
    assert len(document.earlier) == VISITS - 1


def test_bench_compare_every_visit(benchmark):
    document = twenty_visits()
    prepared = [for_analysis(document, i) for i in range(VISITS)]

    def compare_all() -> int:
        count = 0
        for visit in prepared:
            changes = changes_since_previous(visit)
            count += len(changes.findings) if changes else 0
            progression_evidence(visit)
            extent_of(visit)
        return count

    assert benchmark(compare_all) > 0


def test_bench_analyze_latest_alone(benchmark):
    knowledge = load_knowledge()
    latest = replace(twenty_visits().encounter, previous=())
    benchmark(analyze, latest, knowledge)


def test_bench_analyze_latest_of_20(benchmark):
    knowledge = load_knowledge()
    latest = for_analysis(twenty_visits())
    analysis = benchmark(analyze, latest, knowledge)
    assert analysis.changes is not None


def test_bench_switch_to_each_visit_and_analyze(benchmark):
    knowledge = load_knowledge()
    document = twenty_visits()

    def every_visit() -> None:
        for index in range(VISITS):
            analyze(for_analysis(document, index), knowledge)

    benchmark(every_visit)
