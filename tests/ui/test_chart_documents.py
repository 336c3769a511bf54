"""The chart's Documents menu and the MDT hub: Print care plan… (Ctrl+P: language picker with
the patient's preferred language, built off the GUI thread, then the preview), Add to MDT
meeting… (Ctrl+Shift+M), MDT decisions in the chart's timeline, MDT meetings (Ctrl+M) from
the registry window's View menu."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from app.services.records import RecordsService
from app.services.registry import PatientForm
from app.ui.chart.chart_window import ChartWindow
from app.ui.chart.timeline import MDT_DECISION
from app.ui.mdt.install import install_mdt

from .mdt_fixtures import TODAY, mdt_env_fixture  # noqa: F401

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class FakeOpener:
    def __init__(self) -> None:
        self.opened: list[int] = []

    def open_chart(self, patient_id: int) -> None:
        self.opened.append(patient_id)


@pytest.fixture
def setup(qtbot, mdt_env):
    main = QMainWindow()
    main.menu_view = main.menuBar().addMenu("View")
    qtbot.addWidget(main)
    opener = FakeOpener()
    hub = install_mdt(main, mdt_env.db, "dr.mdt", opener=opener, today=mdt_env.today)
    main.show()
    qtbot.waitExposed(main)
    yield main, hub, opener
    if hub.window is not None:
        hub.window.close()


def open_chart(qtbot, mdt_env, hub, mrn):
    pid = next(r.id for r in mdt_env.registry.search(mrn) if r.mrn == mrn)
    win = ChartWindow(RecordsService(mdt_env.db, "dr.mdt", today=mdt_env.today), pid)
    qtbot.addWidget(win)
    docs = hub.attach_chart(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win, docs


def timeline_kinds(win) -> list[tuple[str, str]]:
    m = win.timeline.timeline_model
    return [(m.stored(r).kind, m.index(r, 2).data()) for r in range(m.rowCount())]


def test_documents_menu_shortcuts(qtbot, mdt_env, setup):
    _main, hub, _opener = setup
    win, docs = open_chart(qtbot, mdt_env, hub, mdt_env.mrns[0])
    entries = {a.text().replace("&", ""): a.shortcut().toString() for a in docs.menu.actions()}
    assert entries == {"Print care plan…": "Ctrl+P", "Add to MDT meeting…": "Ctrl+Shift+M"}
    assert docs.menu.title().replace("&", "") == "Documents"
    win.close()


@pytest.mark.parametrize("preferred", ["en", "zh"])
def test_print_care_plan_in_chosen_language(qtbot, mdt_env, setup, preferred):
    _main, hub, _opener = setup
    mrn = mdt_env.mrns[2]
    pid = next(r.id for r in mdt_env.registry.search(mrn) if r.mrn == mrn)
    form, version = mdt_env.registry.load_form(pid)
    mdt_env.registry.update(pid, PatientForm(**{**form.__dict__, "language": preferred}),
                            version)
    win, docs = open_chart(qtbot, mdt_env, hub, mrn)
    qtbot.keyClick(win, Qt.Key.Key_P, CTRL)
    dialog = docs.careplan.dialog
    assert dialog is not None and dialog.language() == preferred  # registry default
    other = "zh" if preferred == "en" else "en"
    dialog.combo.setCurrentIndex(dialog.combo.findData(other))
    with qtbot.waitSignal(docs.careplan.previewOpened, timeout=30_000) as opened:
        dialog.accept()
        assert docs.careplan.busy is not None and docs.careplan.busy.isVisible()
    preview = opened.args[0]
    assert docs.careplan.busy is None
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(preview.pdf)).pages)
    if other == "en":
        assert "Your bone care plan" in text
    else:
        assert "骨骼健康护理计划" in text
    assert mrn in text
    assert preview.file_name.startswith(f"careplan-{mrn}-") and preview.file_name.endswith(
        f"-{other}.pdf")
    qtbot.waitUntil(preview.all_rendered, timeout=20_000)
    preview.close()
    win.close()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_add_to_mdt_from_chart_and_decision_in_timeline(qtbot, mdt_env, setup):
    _main, hub, _opener = setup
    mrn = mdt_env.mrns[3]
    win, docs = open_chart(qtbot, mdt_env, hub, mrn)
    before = [k for k, _t in timeline_kinds(win) if k == MDT_DECISION]
    meeting = mdt_env.service.create_meeting(TODAY + timedelta(days=10), "From chart")
    qtbot.keyClick(win, Qt.Key.Key_M, CTRL | SHIFT)
    dialog = docs.dialog
    assert dialog is not None
    assert dialog.mrn_edit.text() == mrn and dialog.mrn_edit.isReadOnly()
    dialog.meeting_combo.setCurrentIndex(dialog.meeting_combo.findData(meeting.id))
    dialog.question_edit.setPlainText("Stop denosumab before the dental extraction?")
    with qtbot.waitSignal(hub.casesChanged):
        dialog.try_accept()
    cases = mdt_env.service.list_cases(meeting.id)
    assert [c.mrn for c in cases] == [mrn]

    mdt_env.now[0] = meeting.meeting_date  # the meeting day: the decision can be recorded
    mdt_env.service.record_decision(cases[0].id, "Hold denosumab; extraction in 2 weeks.",
                                    today=mdt_env.today())
    hub.cases_changed(cases[0].patient_id)
    rows = [(k, t) for k, t in timeline_kinds(win) if k == MDT_DECISION]
    assert len(rows) == len(before) + 1
    assert any("Stop denosumab before" in t and "Hold denosumab" in t for _k, t in rows)
    m = win.timeline.timeline_model
    row = next(r for r in range(m.rowCount())
               if m.stored(r).kind == MDT_DECISION and "Hold denosumab" in m.index(r, 2).data())
    assert m.index(row, 1).data() == "MDT decision"
    assert m.index(row, 0).data() == meeting.meeting_date.isoformat()
    win.timeline.setCurrentIndex(win.timeline.proxy.mapFromSource(m.index(row, 0)))
    win.correct_current()  # not a chart record: nothing opens
    assert win.dialog is None
    win.close()


def test_no_upcoming_meeting_is_explained(qtbot, mdt_env, setup, monkeypatch):
    _main, hub, _opener = setup
    mdt_env.now[0] = TODAY + timedelta(days=3650)  # every meeting is in the past
    shown = []
    monkeypatch.setattr("app.ui.mdt.install.QMessageBox.information",
                        lambda *a: shown.append(a[2]))
    win, docs = open_chart(qtbot, mdt_env, hub, mdt_env.mrns[0])
    assert docs.add_to_mdt() is None
    assert shown and "no upcoming MDT meeting" in shown[0]
    win.close()


def test_meetings_window_from_the_registry_menu(qtbot, mdt_env, setup):
    main, hub, opener = setup
    entry = next(a for a in main.menu_view.actions() if "MDT" in a.text())
    assert entry.shortcut().toString() == "Ctrl+M"
    qtbot.keyClick(main, Qt.Key.Key_M, CTRL)
    win = hub.window
    assert win is not None and win.isVisible()
    past = next(m for m in mdt_env.service.list_meetings() if m.case_count)
    win.select_meeting(past.id)
    win.cases.setFocus()
    qtbot.keyClick(win.cases, Qt.Key.Key_Return)
    assert opener.opened == [win.current_case().patient_id]


def test_wired_into_the_real_app(qtbot, tmp_path):
    """prepare_gui (the `bonemet` entry point): the registry window's View menu has MDT
    meetings (Ctrl+M) and a chart opened from the registry has the Documents menu."""
    import argparse

    from app.cli.gui_cmd import prepare_gui
    from app.data.engine import open_database
    from app.data.migrate import ensure_schema
    from app.services.demo import write_demo_registry

    path = tmp_path / "app.sqlite"
    db = open_database(path)
    ensure_schema(db)
    write_demo_registry(db, n=3, seed=2, reference_date=TODAY)
    db.dispose()
    session = prepare_gui(argparse.Namespace(db=str(path), demo=False, lang="en", command=None),
                          show_dialogs=False)
    try:
        main = session.window
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        entry = next(a for a in main.menu_view.actions() if "MDT" in a.text())
        assert entry.shortcut().toString() == "Ctrl+M"
        qtbot.waitUntil(lambda: main.model.rowCount() > 0, timeout=5_000)
        pid = main.model.row_at(0).id
        chart = main.chart_opener.open_chart(pid)
        qtbot.addWidget(chart)
        docs = main.mdt_hub.documents[pid]
        assert docs.menu in [a.menu() for a in chart.menuBar().actions()]
        meetings = main.mdt_hub.show_meetings()
        qtbot.addWidget(meetings)
        assert meetings.isVisible()
        main.close()  # closing the registry closes the charts and the MDT window
        assert not meetings.isVisible()
    finally:
        session.db.dispose()
