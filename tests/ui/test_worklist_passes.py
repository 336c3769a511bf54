"""The worklist window in two passes: the saved summaries show at once (marked, in words, as
not yet re-checked), the assessment then replaces each patient's rows; a chart edit re-assesses
that patient alone; the rebound flag shows beside the patient while the window is open and
goes when denosumab is resumed."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.worklist import build_worklist, refine_chunks, refresh_all_summaries
from app.ui.chart.chart_window import ChartWindow
from app.ui.forms.dose_form import DoseForm
from app.ui.patient_events import patient_events
from app.ui.worklist import window as wmod
from app.ui.worklist.model import COLUMNS
from app.ui.worklist.window import WorklistWindow

from .chart_fixtures import TODAY, chart_registry_fixture  # noqa: F401

NAME = COLUMNS.index("name")
DETAIL = COLUMNS.index("detail")


@pytest.fixture
def reg(chart_registry):
    db, ids, svc = chart_registry
    refresh_all_summaries(db, as_of=TODAY)
    return db, ids, svc


@pytest.fixture
def jobs(monkeypatch):
    """Every WorklistJob the window starts; ``gate`` holds the assessment until set."""
    started = []
    gate = threading.Event()
    gate.set()
    orig = wmod.WorklistJob

    def gated(*args, **kw):
        for chunk in refine_chunks(*args, **kw):
            gate.wait(10)
            yield chunk

    class Job(orig):
        def __init__(self, *a, **kw):
            super().__init__(*a, chunks=gated, **kw)
            started.append(self)

    monkeypatch.setattr(wmod, "WorklistJob", Job)
    return started, gate


def rows_of(win, pid) -> list[int]:
    return [r for r in range(win.model.rowCount()) if win.model.item(r).patient_id == pid]


def test_saved_summaries_show_first_then_the_assessment_replaces_them(qtbot, reg, jobs):
    db, ids, _svc = reg
    started, gate = jobs
    gate.clear()
    win = WorklistWindow(db, today=lambda: TODAY)
    qtbot.addWidget(win)
    try:
        win.show()
        qtbot.waitUntil(lambda: win.model.rowCount() > 0, timeout=10000)
        assert win.running
        items = win.model.items()
        assert all(i.provisional for i in items)
        r = rows_of(win, ids["D-1"])[0]
        assert "saved summary, not yet re-checked" in win.model.index(r, DETAIL).data()
        assert win.model.index(r, DETAIL).data(Qt.ItemDataRole.FontRole).italic()
        assert "from the saved summaries" in win.status.text()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not win.running, timeout=30000)
    final = win.model.items()
    assert not any(i.provisional for i in final)
    assert set(final) == set(build_worklist(db, TODAY))
    r = rows_of(win, ids["D-1"])[0]
    assert "not yet re-checked" not in win.model.index(r, DETAIL).data()
    assert len(started) == 1


def test_rebound_flag_beside_the_patient_goes_when_denosumab_is_resumed(qtbot, reg, jobs):
    db, ids, svc = reg
    started, _gate = jobs
    pid = ids["D-1"]
    win = WorklistWindow(db, today=lambda: TODAY)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.computed, timeout=30000):
        win.show()
    assert "rebound" in {win.model.item(r).category for r in rows_of(win, pid)}
    assert all("Rebound risk" in win.model.index(r, NAME).data() for r in rows_of(win, pid))
    others = [r for r in range(win.model.rowCount()) if win.model.item(r).patient_id != pid]
    assert all("Rebound risk" not in win.model.index(r, NAME).data() for r in others)

    chart = ChartWindow(svc, pid)
    qtbot.addWidget(chart)
    chart.show()
    qtbot.waitExposed(chart)
    chart.add_actions["administration"].trigger()
    form = chart.dialog
    assert isinstance(form, DoseForm)
    assert form.drug.value() == "denosumab" and form.dose.text() == "120"
    if form.override_reason.isVisible():
        form.override_reason.setPlainText("resume denosumab: MDT decision today")
    with qtbot.waitSignal(chart.chartChanged, timeout=5000):
        form.save()
    QApplication.processEvents()
    cats = {win.model.item(r).category for r in rows_of(win, pid)}
    assert "rebound" not in cats
    assert all("Rebound risk" not in win.model.index(r, NAME).data() for r in rows_of(win, pid))
    assert len(started) == 1  # no full recompute
    assert set(win.model.items()) == set(build_worklist(db, TODAY))


def test_one_patient_refresh_during_a_run_is_not_overwritten(qtbot, reg, jobs):
    db, ids, svc = reg
    started, gate = jobs
    gate.clear()
    pid = ids["D-1"]
    win = WorklistWindow(db, today=lambda: TODAY)
    qtbot.addWidget(win)
    try:
        win.show()
        qtbot.waitUntil(lambda: win.model.rowCount() > 0, timeout=10000)
        from app.domain.case import Administration

        svc.add(pid, Administration(date=TODAY, drug="denosumab", dose_mg=120),
                override_reason="resume denosumab: MDT decision today")
        patient_events(db).announce(pid)  # what a chart window does after saving
        assert "rebound" not in {win.model.item(r).category for r in rows_of(win, pid)}
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not win.running, timeout=30000)
    assert "rebound" not in {win.model.item(r).category for r in rows_of(win, pid)}
    assert set(win.model.items()) == set(build_worklist(db, TODAY))


def test_announcements_of_another_registry_are_not_heard(qtbot, reg, tmp_path):
    from services.records_helpers import make_registry

    db, ids, _svc = reg
    other, _ = make_registry(tmp_path / "other")
    try:
        win = WorklistWindow(db, today=lambda: TODAY)
        qtbot.addWidget(win)
        calls = []
        win.refresh_patient = calls.append  # type: ignore[method-assign]
        assert patient_events(other) is not patient_events(db)
        patient_events(other).announce(ids["D-1"])
        assert calls == []
    finally:
        other.dispose()


def test_through_the_registry_window_a_chart_opened_from_the_worklist_updates_it(
        qtbot, reg, jobs):
    from app.services.records import RecordsService
    from app.services.registry import RegistryService
    from app.ui.chart.opener import install_chart
    from app.ui.main_window import MainWindow

    db, ids, _svc = reg
    started, _gate = jobs
    pid = ids["D-1"]
    main = MainWindow(RegistryService(db, "dr.ui"), db.describe())
    qtbot.addWidget(main)
    opener = install_chart(main, db, "dr.ui")
    opener._service = RecordsService(db, "dr.ui", today=lambda: TODAY)  # the tests' today
    main.show()
    qtbot.waitExposed(main)
    wl = opener.show_worklist()
    wl._today = lambda: TODAY
    with qtbot.waitSignal(wl.computed, timeout=30000):
        wl.refresh()
    assert "rebound" in {wl.model.item(r).category for r in rows_of(wl, pid)}
    wl.patientActivated.emit(pid)  # Enter on the patient's row
    chart = opener.charts[pid]
    qtbot.waitExposed(chart)
    chart.add_actions["administration"].trigger()
    form = chart.dialog
    assert isinstance(form, DoseForm) and form.drug.value() == "denosumab"
    if form.override_reason.isVisible():
        form.override_reason.setPlainText("resume denosumab: MDT decision today")
    with qtbot.waitSignal(chart.chartChanged, timeout=5000):
        form.save()
    assert "rebound" not in {wl.model.item(r).category for r in rows_of(wl, pid)}
    assert len(started) == 2  # the window's first run and the explicit refresh; no more
    main.close()
