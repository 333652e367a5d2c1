"""Privacy: RootMap opens no network connection, and no patient label reaches a log."""

from __future__ import annotations

import logging
import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from rootmap.documents import Document, read_document
from rootmap.encounter import Encounter, Finding, Sign
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
LABEL = "Margaret Example 1948-02-29"
ENCOUNTER = Encounter(
    findings=(Finding("dorsum_central", "left", "numbness", 6),
              Finding("heel_plantar", "right", "burning", 4),
              Finding("toes_dorsal", "left", "tingling", 3)),
    signs=(Sign("great_toe_extension", "left", 3),),
)  # fmt: skip


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket fails the test."""

    def refuse(*args, **kwargs):
        raise NetworkUsed(f"a network connection was attempted: {args!r}")

    class RefusingSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", RefusingSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
    assert "PySide6.QtNetwork" not in sys.modules


@pytest.fixture
def all_logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def test_the_report_and_figures_open_no_connection(qapp, no_network, tmp_path: Path):
    from rootmap.reports.figures import render_view, render_view_svg
    from rootmap.reports.pdf import write_pdf_report

    document = Document(encounter=ENCOUNTER, patient_label=LABEL)
    analysis = analyze(ENCOUNTER, KNOWLEDGE)
    write_pdf_report(tmp_path / "r.pdf", document, analysis, KNOWLEDGE)
    assert not render_view("foot_dorsal", ENCOUNTER, analysis, KNOWLEDGE, 400).isNull()
    assert render_view_svg("foot_plantar", ENCOUNTER, analysis, KNOWLEDGE, 400)


def test_a_window_session_opens_no_connection_and_logs_no_label(
    qtbot, no_network, all_logs, capfd, tmp_path: Path
):
    from rootmap.ui.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)
    try:
        window = MainWindow(KNOWLEDGE)
        qtbot.addWidget(window)
        window.show()
        actions = window.file_actions
        window.edit(ENCOUNTER, text="Mark")
        actions.set_details(LABEL, "notes")
        path = tmp_path / "visit.rootmap"
        assert actions.save_to(path)
        assert actions.new()
        assert actions.open_path(path)
        assert actions.document.patient_label == LABEL
        assert actions.export_pdf_to(tmp_path / "visit.pdf")
        assert actions.export_figure_to(tmp_path / "fig.png", "foot_dorsal", "png", 600)
        assert actions.export_figure_to(tmp_path / "fig.svg", "foot_dorsal", "svg", 600)
        autosaver = actions.autosaver
        autosaver.path = tmp_path / "autosave" / "session-1.rootmap-autosave"
        actions.set_details(LABEL + " (edited)", "notes")
        autosaver.save_now()
        assert read_document(path, KNOWLEDGE.regions).patient_label == LABEL
        window.close()
    finally:
        QStandardPaths.setTestModeEnabled(False)
    out, err = capfd.readouterr()
    assert LABEL not in out + err
    assert all(LABEL not in record.getMessage() for record in all_logs.records)


def test_export_import_and_cohort_open_no_connection_and_leak_no_label(
    qapp, no_network, all_logs, capfd, tmp_path: Path
):
    from rootmap.cli import main
    from rootmap.documents import write_document

    document = tmp_path / "cohort" / "visit.rootmap"
    document.parent.mkdir()
    write_document(document, Document(encounter=ENCOUNTER, patient_label=LABEL))
    bundle = tmp_path / "visit.fhir.json"
    assert main(["export", str(document), "--fhir", str(bundle)]) == 0
    assert main(["import", "--fhir", str(bundle), "--out", str(tmp_path / "back.json")]) == 0
    table = tmp_path / "cohort.csv"
    heatmap = tmp_path / "cohort.png"
    cohort = ["cohort", str(document.parent), "--jobs", "1", "--csv", str(table)]
    assert main([*cohort, "--heatmap", str(heatmap), "--by", "root"]) == 0
    for output in (bundle, table):
        assert LABEL not in output.read_text(encoding="utf-8")
    out, err = capfd.readouterr()
    assert LABEL not in out + err
    assert all(LABEL not in record.getMessage() for record in all_logs.records)


def test_the_guard_itself_catches_a_connection(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 80))
    with pytest.raises(NetworkUsed):
        socket.socket()
