"""The worklist window on a demo registry: computed off the GUI thread (chunks arrive while the
window keeps processing events), filter and sort, keyboard navigation, Enter opens a chart,
cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from services.records_helpers import TODAY

from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.services.demo import write_demo_registry
from app.services.worklist import refine_chunks
from app.ui.worklist.model import COLUMNS, PATIENT_ID_ROLE
from app.ui.worklist.window import WorklistWindow
from app.ui.worklist.worker import WorklistJob


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("wl") / "demo.sqlite")
    ensure_schema(db)
    write_demo_registry(db, n=60, seed=1, reference_date=TODAY)
    yield db
    db.dispose()


def open_worklist(qtbot, db, **kw) -> WorklistWindow:
    win = WorklistWindow(db, today=lambda: TODAY, **kw)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.computed, timeout=30000):
        win.show()
    return win


def categories(win) -> list[str]:
    return [win.model.item(r).category for r in range(win.model.rowCount())]


def test_worklist_shows_rebound_and_overdue_patients(qtbot, demo_db):
    win = open_worklist(qtbot, demo_db)
    cats = categories(win)
    assert "rebound" in cats and "dose_overdue" in cats and "critical" in cats
    assert "items for" in win.status.text()
    # sorted by severity: critical rows first
    first = win.proxy.index(0, COLUMNS.index("severity")).data()
    assert first == "Critical"


def test_computed_off_the_gui_thread(qtbot, demo_db):
    threads = []

    def spy(*args, **kw):
        threads.append(threading.current_thread())
        yield from refine_chunks(*args, **kw)

    job = WorklistJob(demo_db, TODAY, chunk_size=10, chunks=spy)
    got = []
    job.signals.chunkReady.connect(lambda ids, _items: got.append(ids))
    with qtbot.waitSignal(job.signals.finished, timeout=30000):
        QThreadPool.globalInstance().start(job)
    assert threads and threads[0] is not threading.main_thread()
    assert len(got) >= 2  # arrived chunk by chunk


def test_filter_sort_keyboard_and_enter_opens_chart(qtbot, demo_db):
    win = open_worklist(qtbot, demo_db)
    win.category.setCurrentIndex(win.category.findData("rebound"))
    assert win.proxy.rowCount() > 0
    assert all(win.model.item(win.proxy.mapToSource(win.proxy.index(r, 0)).row()).category
               == "rebound" for r in range(win.proxy.rowCount()))
    win.table.sortByColumn(COLUMNS.index("due"), Qt.SortOrder.AscendingOrder)
    dues = [win.proxy.index(r, COLUMNS.index("due")).data() for r in range(win.proxy.rowCount())]
    dated = [d[:10] for d in dues if d]
    assert dated == sorted(dated)
    mrn = win.proxy.index(0, COLUMNS.index("mrn")).data()
    win.search.setText(mrn)
    assert win.proxy.rowCount() >= 1
    win.table.setFocus()
    win.table.setCurrentIndex(win.proxy.index(0, 0))
    expected = win.proxy.index(0, 0).data(PATIENT_ID_ROLE)
    with qtbot.waitSignal(win.patientActivated, timeout=2000) as sig:
        qtbot.keyClick(win.table, Qt.Key.Key_Return)
    assert sig.args == [expected]


def test_cancel_leaves_an_incomplete_list_and_says_so(qtbot, demo_db):
    gate = threading.Event()

    def slow(*args, **kw):
        for chunk in refine_chunks(*args, **kw):
            yield chunk
            gate.wait(5)

    from app.ui.worklist import window as wmod

    win = WorklistWindow(demo_db, today=lambda: TODAY)
    qtbot.addWidget(win)
    orig = wmod.WorklistJob

    class SlowJob(orig):
        def __init__(self, *a, **kw):
            super().__init__(*a, chunk_size=5, chunks=slow, **kw)

    wmod.WorklistJob = SlowJob
    try:
        with qtbot.waitSignal(win.computed, timeout=30000) as sig:
            win.show()
            qtbot.waitUntil(lambda: win.model.rowCount() > 0 or not win.running, timeout=20000)
            assert win.running  # the GUI thread is free while it computes
            QApplication.processEvents()
            win.cancel()
            gate.set()
        assert sig.args == [True]
        assert "cancelled" in win.status.text()
    finally:
        wmod.WorklistJob = orig
