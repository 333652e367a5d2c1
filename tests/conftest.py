"""Shared test set-up: Qt runs offscreen unless a developer asks to watch."""

import os

from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The machine is small and shared: no per-example deadline, and Qt fixtures are fine to reuse.
settings.register_profile(
    "rootmap",
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("rootmap")
