"""FHIR export in the app: the chart's Documents menu gets "Export FHIR…" (file dialog, then
the bundle built and written off the GUI thread) and the registry window's File menu "Export
registry as FHIR…" (folder dialog, one bundle per patient with progress; Cancel stops it
between patients, every file written being complete)."""

from __future__ import annotations

import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QPushButton

from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.services.demo import write_demo_registry
from app.services.records import RecordsService
from app.services.registry import RegistryService
from app.ui.chart.chart_window import ChartWindow
from app.ui.fhir_export import install_fhir_export
from app.ui.mdt.install import install_mdt

from .mdt_fixtures import TODAY


@pytest.fixture
def env(tmp_path):
    db = open_database(tmp_path / "registry.sqlite")
    ensure_schema(db)
    write_demo_registry(db, n=30, seed=4, reference_date=TODAY, summaries=False)
    yield db
    db.dispose()


@pytest.fixture
def main(qtbot, env):
    win = QMainWindow()
    win.menu_file = win.menuBar().addMenu("File")
    win.act_quit = win.menu_file.addAction("Quit")
    win.menu_view = win.menuBar().addMenu("View")
    qtbot.addWidget(win)
    mdt = install_mdt(win, env, "dr.fhir", today=lambda: TODAY)
    fhir = install_fhir_export(win, env, today=lambda: TODAY)
    win.show()
    qtbot.waitExposed(win)
    return win, mdt, fhir


def _choose(qtbot, parent, name: str, path) -> None:
    dialog = parent.findChild(QFileDialog, name)
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def test_chart_export_fhir_writes_the_patients_bundle(qtbot, env, main, tmp_path):
    win, mdt, fhir = main
    mrn = RegistryService(env, "t").search("", limit=5)[0].mrn
    pid = next(r.id for r in RegistryService(env, "t").search(mrn) if r.mrn == mrn)
    chart = ChartWindow(RecordsService(env, "dr.fhir", today=lambda: TODAY), pid)
    qtbot.addWidget(chart)
    docs = mdt.attach_chart(chart)
    export = fhir.attach_chart(chart)
    assert export.menu is docs.menu  # in the Documents menu, beside the care plan
    assert "Export FHIR…" in [a.text().replace("&", "") for a in docs.menu.actions()]
    chart.show()
    qtbot.waitExposed(chart)
    export.act.trigger()
    target = tmp_path / "out.json"
    with qtbot.waitSignal(export.finished, timeout=60_000) as blocker:
        _choose(qtbot, chart, "fhirChartFileDialog", target)
    assert blocker.args == ["done"]
    doc = json.loads(target.read_text(encoding="utf-8"))
    Bundle.model_validate(doc)
    patient = next(e["resource"] for e in doc["entry"]
                   if e["resource"]["resourceType"] == "Patient")
    assert patient["identifier"][0]["value"] == mrn
    assert "FHIR bundle saved" in chart.statusBar().currentMessage()
    chart.close()


def test_registry_export_writes_one_bundle_per_patient(qtbot, main, tmp_path):
    win, _mdt, fhir = main
    assert fhir.act in win.menu_file.actions()
    assert fhir.act.text().replace("&", "") == "Export registry as FHIR…"
    folder = tmp_path / "bundles"
    folder.mkdir()
    fhir.act.trigger()
    with qtbot.waitSignal(fhir.finished, timeout=180_000) as blocker:
        _choose(qtbot, win, "fhirRegistryFolderDialog", folder)
    assert blocker.args == ["done"]
    files = sorted(folder.glob("*.json"))
    assert len(files) == 30 and fhir.progress == (30, 30)
    Bundle.model_validate(json.loads(files[0].read_text(encoding="utf-8")))
    assert "Exported 30 patients" in win.statusBar().currentMessage()


def test_registry_export_can_be_cancelled(qtbot, main, tmp_path):
    win, _mdt, fhir = main
    folder = tmp_path / "partial"
    folder.mkdir()
    job = fhir.export_to(str(folder))
    assert job is not None and fhir.busy is not None
    with qtbot.waitSignal(fhir.finished, timeout=180_000) as blocker:
        cancel, = fhir.busy.findChildren(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # the progress dialog's Cancel
    assert blocker.args == ["cancelled"]
    written = list(folder.glob("*.json"))
    assert len(written) < 30
    for f in written:  # each file written is a complete bundle
        Bundle.model_validate(json.loads(f.read_text(encoding="utf-8")))
    assert not list(folder.glob(".*.tmp"))
    assert "cancelled" in win.statusBar().currentMessage()


def test_actions_are_translated_to_chinese(qapp, qtbot, main):
    from app.ui.app import Translations

    win, _mdt, fhir = main
    t = Translations(qapp)
    try:
        assert t.install("zh_CN") is True
        qtbot.waitUntil(lambda: fhir.act.text() == "将登记库导出为 FHIR(&F)…")
        assert "FHIR" in fhir.act.statusTip() and "患者" in fhir.act.statusTip()
    finally:
        t.install("en")
    qtbot.waitUntil(lambda: fhir.act.text() == "Export registry as &FHIR…")
