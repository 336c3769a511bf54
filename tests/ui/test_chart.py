"""The patient chart window: header, findings with reasons sorted by severity, jump to the
record behind a finding, timeline, keyboard paths to add / correct / mark entered in error,
history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.findings import SEVERITY_RANK
from app.ui.chart.chart_window import ChartWindow
from app.ui.forms.dose_form import DoseForm
from app.ui.forms.lab_form import LabForm

from .chart_fixtures import chart_registry_fixture  # noqa: F401


def open_chart(qtbot, svc, pid) -> ChartWindow:
    win = ChartWindow(svc, pid)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def press(qtbot, win, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press as the user makes it: to the focused widget of the active chart window."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget() or win, key, modifier)


def test_header_findings_and_timeline(qtbot, chart_registry):
    db, ids, svc = chart_registry
    win = open_chart(qtbot, svc, ids["D-1"])
    assert "MRN D-1" in win.header.identity.text() and "age 76" in win.header.identity.text()
    assert "Adenocarcinoma" in win.header.cancer.text()
    assert "EGFR L858R" in win.header.cancer.text()
    assert "Confirmed" in win.header.status.text() and "MRI L3" in win.header.status.text()
    assert win.header.rebound.is_shown()  # denosumab stopped 80 days ago
    assert "rebound" in win.header.rebound.text().lower()
    model = win.findings.findings_model
    findings = model.findings()
    assert findings and "DEN-STOP-WINDOW" in {f.rule for f in findings}
    ranks = [SEVERITY_RANK[f.severity] for f in findings]
    assert ranks == sorted(ranks)
    row = [f.rule for f in findings].index("DEN-STOP-WINDOW")
    assert "stop recorded on " in model.index(row, 3).data()  # the why, in words
    assert "SEED" in model.index(row, 4).data()  # evidence and source
    kinds = {win.timeline.timeline_model.stored(r).kind
             for r in range(win.timeline.timeline_model.rowCount())}
    assert {"administration", "stop", "imaging", "lesion"} <= kinds


def test_enter_on_a_finding_jumps_to_the_record_behind_it(qtbot, chart_registry):
    db, ids, svc = chart_registry
    win = open_chart(qtbot, svc, ids["D-1"])
    rules = [f.rule for f in win.findings.findings_model.findings()]
    win.findings.setFocus()
    win.findings.selectRow(rules.index("DEN-STOP-WINDOW"))
    qtbot.keyClick(win.findings, Qt.Key.Key_Return)
    kind, rid = win.timeline.current_record()
    assert kind in ("stop", "administration")
    assert win.chart.stored(kind, rid) is not None
    win.findings.selectRow(rules.index("LOC-SINS-INDETERMINATE"))
    win.jump_to_finding()
    assert win.tabs.currentWidget() is win.lesions
    assert win.lesions.current_record()[0] == "lesion"


def test_keyboard_add_lab_refreshes_chart_and_emits_change(qtbot, chart_registry):
    db, ids, svc = chart_registry
    win = open_chart(qtbot, svc, ids["D-1"])
    assert win.add_actions["lab"].shortcut().toString() == "Ctrl+L"
    assert "Ctrl+L" in win.add_actions["lab"].toolTip()
    press(qtbot, win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    form = win.dialog
    assert isinstance(form, LabForm)
    form.analyte.set_value("CTX")
    form.unit.set_value("pg/mL")
    form.inputs["value"].setText("1500")
    with qtbot.waitSignal(win.chartChanged, timeout=3000) as sig:
        form.save()
    assert sig.args == [ids["D-1"]]
    assert "DEN-REBOUND-CTX" in {f.rule for f in win.chart.assessment.findings}
    kind, rid = win.timeline.current_record()
    assert kind == "lab" and win.chart.stored(kind, rid).record.value == 1500
    assert "= 1.5 ng/mL" in win.timeline.currentIndex().siblingAtColumn(2).data()
    press(qtbot, win, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(win.dialog, DoseForm)
    win.dialog.reject()


def test_correct_and_mark_entered_in_error_from_the_timeline(qtbot, chart_registry):
    db, ids, svc = chart_registry
    win = open_chart(qtbot, svc, ids["K-2"])
    row = next(r for r in range(win.timeline.timeline_model.rowCount())
               if win.timeline.timeline_model.stored(r).kind == "lab"
               and win.timeline.timeline_model.stored(r).record.analyte == "CA")
    win.timeline.select_record("lab", win.timeline.timeline_model.stored(row).rid)
    win.timeline.setFocus()
    qtbot.keyClick(win.timeline, Qt.Key.Key_Return)
    form = win.dialog
    assert isinstance(form, LabForm) and form.stored is not None
    form.inputs["value"].setText("2.25")
    form.save()
    kind, rid = win.timeline.current_record()
    assert win.chart.stored(kind, rid).record.value == 2.25
    press(qtbot, win, Qt.Key.Key_Delete)
    ask = win.error_dialog
    assert ask is not None and ask.isVisible()
    ask.setTextValue("sample haemolysed")
    ask.accept()
    QApplication.processEvents()
    assert all(r.rid != rid for r in win.chart.records)
    history = win.history.history_model
    actions = [history.entry(r).action for r in range(history.rowCount())]
    assert actions[:3] == ["entered_in_error", "correct", "import"] or \
        actions[:2] == ["entered_in_error", "correct"]
    assert history.index(0, 4).data() == "sample haemolysed"


def test_panels_have_keyboard_paths(qtbot, chart_registry):
    db, ids, svc = chart_registry
    win = open_chart(qtbot, svc, ids["P-1"])
    press(qtbot, win, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert win.tabs.currentWidget() is win.history
    press(qtbot, win, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is win.findings
    texts = [a.text() for a in win.menu_record.actions() if a.text()]
    assert len(texts) >= 14  # every record kind + sections + correct + error


def test_chinese_ui_shows_the_rule_engines_chinese_messages(qtbot, qapp, chart_registry):
    from app.ui.app import Translations

    db, ids, svc = chart_registry
    translations = Translations(qapp)
    try:
        assert translations.install("zh_CN")
        win = open_chart(qtbot, svc, ids["D-1"])
        model = win.findings.findings_model
        row = [f.rule for f in model.findings()].index("DEN-STOP-WINDOW")
        assert model.index(row, 2).data() == model.finding(row).message_zh
        assert model.finding(row).message_zh != model.finding(row).message
    finally:
        translations.install("en")
    assert model.index(row, 2).data() == model.finding(row).message


def test_registry_enter_opens_chart_once_and_closing_registry_closes_charts(qtbot, registry):
    from app.ui.chart.opener import install_chart
    from app.ui.main_window import MainWindow

    from .conftest import settle

    main = MainWindow(registry.service, registry.db.describe())
    qtbot.addWidget(main)
    opener = install_chart(main, registry.db, "dr.ui")
    main.show()
    qtbot.waitExposed(main)
    settle(qtbot, main)
    assert opener.act_open.shortcut().toString() == "Ctrl+O"
    assert opener.act_open in main.menu_patient.actions()
    assert opener.act_worklist in main.menu_view.actions()
    pid = main.view.current_patient_id()
    main.patientActivated.emit(pid)
    main.patientActivated.emit(pid)  # a second Enter reuses the open chart
    assert list(opener.charts) == [pid]
    chart = opener.charts[pid]
    qtbot.waitExposed(chart)
    assert main.current_dialog() is None  # the chart, not the edit dialog
    main.close()
    qtbot.waitUntil(lambda: not opener.charts, timeout=3000)


def test_recompute_all_summaries_runs_in_background(qtbot, registry):
    from datetime import date

    from sqlalchemy import select

    from app.data import models as M
    from app.ui.chart.opener import install_chart
    from app.ui.main_window import MainWindow

    main = MainWindow(registry.service, registry.db.describe())
    qtbot.addWidget(main)
    opener = install_chart(main, registry.db, "dr.ui")
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(opener.refreshed, timeout=20000):
        opener.recompute_summaries()
        assert opener._refresh_dialog is not None  # progress shown while it runs
    with registry.db.session() as s:
        stamps = set(s.scalars(select(M.Patient.summary_as_of)))
    assert stamps == {date.today()}
