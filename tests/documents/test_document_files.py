"""Saving and opening on disk: atomic, private, and a failed save loses nothing."""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path

import pytest

from rootmap import safe_files as atomic
from rootmap.documents import Document, DocumentError, read_document, write_document
from rootmap.documents import files as document_files
from rootmap.documents.recent import existing, remember
from rootmap.encounter import Encounter, Finding
from rootmap.resources import asset_path

with open(asset_path("knowledge", "regions.toml"), "rb") as _stream:
    REGIONS = frozenset(r["id"] for r in tomllib.load(_stream)["region"])

FIRST = Document(
    encounter=Encounter(findings=(Finding("dorsum_central", "left", "numbness", 6),)),
    patient_label="first visit",
    created="2025-03-01T09:30:00+00:00",
)
SECOND = Document(
    encounter=Encounter(findings=(Finding("heel_plantar", "right", "pain", 8),)),
    patient_label="second visit",
    created="2025-03-02T09:30:00+00:00",
)


def test_save_then_open_gives_the_same_document(tmp_path: Path):
    path = tmp_path / "visit.rootmap"
    write_document(path, FIRST)
    assert read_document(path, REGIONS) == FIRST


def test_a_saved_file_is_private_to_its_owner(tmp_path: Path):
    path = tmp_path / "visit.rootmap"
    write_document(path, FIRST)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_saving_over_a_file_replaces_it_and_leaves_no_temporary_file(tmp_path: Path):
    path = tmp_path / "visit.rootmap"
    write_document(path, FIRST)
    write_document(path, SECOND)
    assert read_document(path, REGIONS) == SECOND
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visit.rootmap"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_a_save_into_a_read_only_folder_fails_clearly_and_keeps_the_old_file(tmp_path: Path):
    path = tmp_path / "visit.rootmap"
    write_document(path, FIRST)
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(DocumentError, match=r"^cannot save visit.rootmap: permission denied$"):
            write_document(path, SECOND)
    finally:
        tmp_path.chmod(0o700)
    assert read_document(path, REGIONS) == FIRST


def test_a_folder_refusing_new_files_fails_clearly_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch
):
    # (The test above needs a non-root user; this one simulates the refusal for everyone.)
    path = tmp_path / "visit.rootmap"
    write_document(path, FIRST)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic, "_create_temporary", refuse)
    with pytest.raises(DocumentError, match=r"^cannot save visit.rootmap: permission denied$"):
        write_document(path, SECOND)
    assert read_document(path, REGIONS) == FIRST


def test_a_full_disk_fails_clearly_and_keeps_the_old_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "visit.rootmap"
    write_document(path, FIRST)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(document_files.os, "fsync", disk_full)
    with pytest.raises(DocumentError, match=r"^cannot save visit.rootmap: the disk is full$"):
        write_document(path, SECOND)
    assert read_document(path, REGIONS) == FIRST
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visit.rootmap"]


def test_opening_a_missing_file_says_so(tmp_path: Path):
    with pytest.raises(DocumentError, match=r"^cannot open gone.rootmap: no such file or folder$"):
        read_document(tmp_path / "gone.rootmap", REGIONS)


def test_opening_a_folder_says_so(tmp_path: Path):
    with pytest.raises(DocumentError, match="cannot open"):
        read_document(tmp_path, REGIONS)


def test_opening_a_huge_file_reads_no_more_than_the_limit(tmp_path: Path):
    path = tmp_path / "huge.rootmap"
    with open(path, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: cheap to make
    with pytest.raises(DocumentError, match=r"cannot open huge\.rootmap: over the 5 MB limit"):
        read_document(path, REGIONS)


def test_opening_a_damaged_file_names_the_file(tmp_path: Path):
    path = tmp_path / "broken.rootmap"
    path.write_bytes(b'{"format": "rootmap", "vers')
    with pytest.raises(DocumentError, match=r"^cannot open broken.rootmap: not a RootMap file"):
        read_document(path, REGIONS)


def test_the_recent_list_puts_the_latest_first_without_duplicates(tmp_path: Path):
    a, b = str(tmp_path / "a.rootmap"), str(tmp_path / "b.rootmap")
    recent = remember([], a)
    recent = remember(recent, b)
    recent = remember(recent, str(tmp_path / "." / "a.rootmap"))
    assert recent == [a, b]
    assert len(remember([f"/x/{i}" for i in range(20)], a)) == 8
    Path(a).write_text("{}")
    assert existing(recent) == [a]
