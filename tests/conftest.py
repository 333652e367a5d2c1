"""Shared test set-up: Qt runs offscreen unless a developer asks to watch."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
