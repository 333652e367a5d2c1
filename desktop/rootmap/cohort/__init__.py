"""Many encounters at once: analyse a folder of documents in parallel, count, tabulate.

Plain Python, no Qt: ``run`` analyses files over the machine's cores and streams one
``FileResult`` per file; ``counts`` keeps how often each region is marked (what the heat
maps in ``rootmap.reports.heatmap`` draw); ``table`` writes the CSV; ``synthetic`` makes a
seeded cohort for tests, benchmarks and teaching figures.
"""
