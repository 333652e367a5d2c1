"""The one atomic writer and the one careful reader: never overwrite what is not ours,
never hang on what is not a file, never leave a patient's data in a stray temporary file."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from rootmap.documents import Document, DocumentError, SaveError, read_document, write_document
from rootmap.documents.autosave import read_autosave, write_autosave
from rootmap.encounter import Encounter, Finding
from rootmap.knowledge import load_knowledge
from rootmap.safe_files import OUR_TEMP, write_atomic

KNOWLEDGE = load_knowledge()
REGIONS = KNOWLEDGE.regions
DOC = Document(
    encounter=Encounter(findings=(Finding("dorsum_central", "left", "numbness", 6),)),
    patient_label="AB-77",
    created="2025-03-01T09:30:00+00:00",
)


def _fifo(tmp_path: Path, name: str = "pipe.rootmap") -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


def _socket(tmp_path: Path) -> Path:
    path = tmp_path / "s.rootmap"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def _device(tmp_path: Path) -> Path:
    path = tmp_path / "null.rootmap"
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # a private /dev/null
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here")
    return path


@pytest.mark.parametrize(
    "make", [_fifo, _socket, _device, lambda p: p], ids=["fifo", "socket", "device", "folder"]
)
def test_a_target_that_is_not_a_regular_file_is_refused_never_replaced(tmp_path: Path, make):
    target = make(tmp_path)
    before = os.lstat(target)
    with pytest.raises(SaveError, match="not a file; RootMap will not replace it") as caught:
        write_document(target, DOC)
    assert caught.value.status == 2
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_a_symlink_is_written_through_to_the_file_it_names(tmp_path: Path):
    real = tmp_path / "real" / "visit.rootmap"
    real.parent.mkdir()
    write_document(real, Document())
    link = tmp_path / "link.rootmap"
    link.symlink_to(real)
    write_document(link, DOC)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert read_document(real, REGIONS).patient_label == "AB-77"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_autosave_writes_through_a_symlink_too(tmp_path: Path):
    real = tmp_path / "real.rootmap-autosave"
    real.write_text("{}")
    link = tmp_path / "session-1-aaaaaaaaaaaa.rootmap-autosave"
    link.symlink_to(real)
    write_autosave(link, DOC, None, "2025-03-01T10:00:00+00:00")
    assert link.is_symlink()
    assert read_autosave(real, REGIONS).document.patient_label == "AB-77"


def test_an_empty_path_is_refused_with_words(tmp_path: Path):
    with pytest.raises(SaveError, match="the path is empty"):
        write_document("", DOC)
    with pytest.raises(DocumentError, match="the path is empty"):
        read_document("", REGIONS)


@pytest.mark.parametrize("make", [_fifo, _socket, _device], ids=["fifo", "socket", "device"])
def test_reading_refuses_what_is_not_a_regular_file_without_waiting(tmp_path: Path, make):
    path = make(tmp_path)
    started = time.monotonic()
    with pytest.raises(DocumentError, match=r"cannot open .*: it is a (named pipe|socket|device)"):
        read_document(path, REGIONS)
    assert time.monotonic() - started < 2  # a pipe with no writer must not hang


def test_stale_temporary_files_of_ours_are_removed_on_the_next_save(tmp_path: Path):
    target = tmp_path / "visit.rootmap"
    # What an interrupted save leaves: the whole document, patient label included.
    stale = tmp_path / ".visit.rootmap.k3j4h5g6.rootmap-tmp"
    stale.write_bytes(b'{"patient_label": "AB-77"}')
    old_style = tmp_path / ".visit.rootmap.abcd1234.tmp"  # RootMap 0.x
    old_style.write_bytes(b'{"patient_label": "AB-77"}')
    os.utime(old_style, (time.time() - 3600, time.time() - 3600))
    theirs = tmp_path / ".notes.txt.abcd1234.tmp"  # not ours: left alone
    theirs.write_text("keep me")
    write_document(target, DOC)
    assert sorted(p.name for p in tmp_path.iterdir()) == [theirs.name, target.name]


def test_a_temporary_file_another_save_is_writing_is_left_alone(tmp_path: Path):
    import fcntl

    busy = tmp_path / ".other.rootmap.zzzzzzzz.rootmap-tmp"
    busy.write_bytes(b"half")
    with open(busy, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        write_document(tmp_path / "visit.rootmap", DOC)
        assert busy.exists()
    assert OUR_TEMP.match(busy.name)


def test_a_killed_save_never_damages_the_file_and_its_leftovers_are_cleaned(tmp_path: Path):
    """Kill a process in the middle of many saves: the target is always whole."""
    target = tmp_path / "visit.rootmap"
    write_document(target, DOC)
    script = (
        "import sys\nfrom rootmap.safe_files import write_atomic\n"
        "data = open(sys.argv[1], 'rb').read() * 2000\n"
        "print('go', flush=True)\n"
        "while True: write_atomic(sys.argv[1] + '.big', data)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == b"go\n"
    time.sleep(0.2)  # let it be in the middle of some save (any moment will do)
    proc.kill()
    proc.wait()
    assert read_document(target, REGIONS) == DOC
    write_atomic(tmp_path / "other.json", b"{}")  # the next save to that folder
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".rootmap-tmp")]


def test_files_are_0600_and_created_folders_0700(tmp_path: Path):
    folder = tmp_path / "autosave"
    write_autosave(
        folder / "session-1-aaaaaaaaaaaa.rootmap-autosave", DOC, None, "2025-03-01T10:00:00+00:00"
    )
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_a_concurrent_reader_never_sees_half_a_file(tmp_path: Path):
    target = tmp_path / "visit.rootmap"
    write_document(target, DOC)
    seen: list[bytes] = []
    stop = threading.Event()

    def read_all() -> None:
        while not stop.is_set():
            seen.append(target.read_bytes())

    reader = threading.Thread(target=read_all)
    reader.start()
    for _ in range(50):
        write_document(target, DOC)
    stop.set()
    reader.join()
    assert {len(s) for s in seen} == {len(target.read_bytes())}
