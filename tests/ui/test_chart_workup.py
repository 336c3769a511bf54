"""The work-up wizard is reachable from the chart (Record menu, Ctrl+Shift+U): it opens for the
chart's patient, and completing it reloads the chart and announces the change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWizard

from app.ui.chart.chart_window import ChartWindow
from app.ui.workup import WORKUP_SHORTCUT, WorkupWizard
from app.ui.workup.page_base import CONCLUSION, IMAGING

from .chart_fixtures import chart_registry_fixture  # noqa: F401


def open_chart(qtbot, svc, pid) -> ChartWindow:
    win = ChartWindow(svc, pid)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    return win


def _wizard(win: ChartWindow) -> WorkupWizard | None:
    wiz = win.findChild(WorkupWizard)
    return wiz if wiz is not None and wiz.isVisible() else None


def test_the_shortcut_differs_from_the_registry_worklist():
    assert QKeySequence(WORKUP_SHORTCUT) != QKeySequence("Ctrl+Shift+W")


def test_menu_entry_and_shortcut_open_the_wizard_for_the_chart_patient(qtbot, chart_registry):
    db, ids, svc = chart_registry
    win = open_chart(qtbot, svc, ids["P-1"])
    act = win.act_workup
    assert act in win.menu_record.actions()
    assert act.shortcut() == QKeySequence(WORKUP_SHORTCUT)
    assert act.shortcut().toString() in act.toolTip()
    qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_U,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _wizard(win) is not None, timeout=3000)
    wiz = _wizard(win)
    assert wiz.start_data.patient_id == ids["P-1"]
    assert "P-1" in wiz.windowTitle()
    wiz.done(0)  # nothing entered: closes without asking


def test_completing_the_workup_reloads_the_chart(qtbot, chart_registry):
    db, ids, svc = chart_registry
    pid = ids["P-1"]
    win = open_chart(qtbot, svc, pid)
    before = len(win.chart.case.imaging)
    win.act_workup.trigger()
    wiz = _wizard(win)
    assert wiz is not None
    while wiz.currentId() != IMAGING:
        wiz.next()
    img = wiz.currentPage()
    img.form.modality.set_value("mri")
    img.form.region.clear()
    qtbot.keyClicks(img.form.region, "L4")
    img.form.result.set_value("negative")
    qtbot.mouseClick(img.add_button, Qt.MouseButton.LeftButton)
    while wiz.currentId() != CONCLUSION:
        wiz.next()
    with qtbot.waitSignal(win.chartChanged, timeout=3000) as changed:
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    assert changed.args == [pid]
    assert len(win.chart.case.imaging) == before + 1  # the chart shows what the wizard wrote
    assert ("mri", "negative") in [(m.modality, m.result) for m in win.chart.case.imaging]


def test_no_two_chart_actions_share_a_shortcut(qtbot, chart_registry):
    db, ids, svc = chart_registry
    win = open_chart(qtbot, svc, ids["P-1"])
    keys = [a.shortcut().toString() for a in win.findChildren(type(win.act_workup))
            if not a.shortcut().isEmpty()]
    assert WORKUP_SHORTCUT in keys
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
