"""Issue 20 item 3: a lab panel in one dialog, by keyboard: Alt+D to the date, the values, Ctrl+S;
units per analyte from the §1 table; an impossible value refused naming the analyte; an
implausible one saved only when confirmed (audited, value-free); the last date used offered
again until the chart is closed; Alt+D in the single lab form reaches the date too."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.data import models as M
from app.domain.lab_limits import IMPLAUSIBLE, IMPOSSIBLE, OK, check_value
from app.domain.units import ANALYTES
from app.ui.chart.chart_window import ChartWindow
from app.ui.forms.factory import record_form
from app.ui.forms.lab_panel import PANEL

from .chart_fixtures import chart_registry_fixture, open_form  # noqa: F401

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def _labs(db, pid):
    with db.session() as s:
        return s.scalars(select(M.LabResult).where(M.LabResult.patient_id == pid)
                         .order_by(M.LabResult.id)).all()


def _audit(db, pid):
    with db.session() as s:
        return s.scalars(select(M.AuditLog.summary).where(
            M.AuditLog.patient_id == pid, M.AuditLog.entity == "lab_result")).all()


def _panel(qtbot, win):
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    qtbot.keyClick(win, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = win.dialog
    assert dialog is not None and dialog.objectName() == "labPanelDialog"
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


def _type(qtbot, dialog, key, text):
    dialog.values[key].setFocus()
    qtbot.keyClicks(dialog.values[key], text)


@pytest.mark.parametrize(("analyte", "value", "unit", "verdict"), [
    ("ALP", 1802026, "U/L", IMPOSSIBLE), ("ALP", 20000, "U/L", IMPLAUSIBLE),
    ("ALP", 20001, "U/L", IMPOSSIBLE), ("ALP", 2000, "U/L", OK), ("ALP", 2001, "U/L", IMPLAUSIBLE),
    ("CTX", 3000, "pg/mL", OK), ("CTX", 3100, "pg/mL", IMPLAUSIBLE),
    ("CA", 3.5, "mmol/L", OK), ("CA", 3.6, "mmol/L", IMPLAUSIBLE), ("CA", -1, "mmol/L",
                                                                   IMPOSSIBLE),
    ("CREA", 30, "umol/L", OK), ("CREA", 29, "umol/L", IMPLAUSIBLE),
])
def test_limits_at_their_edges(analyte, value, unit, verdict):
    assert check_value(analyte, value, unit) == verdict


def test_panel_by_keyboard_with_confirmation_and_the_date_carried_over(qtbot, chart_registry):
    db, ids, svc = chart_registry
    pid = ids["P-1"]
    before = len(_labs(db, pid))
    win = ChartWindow(svc, pid)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    dialog = _panel(qtbot, win)
    assert QApplication.focusWidget() is dialog.when.edit  # opens on the date
    for key in PANEL:  # units from the §1 table
        units = [dialog.units[key].itemText(i) for i in range(dialog.units[key].count())]
        assert units == list(ANALYTES[key].units_display)
    _type(qtbot, dialog, "ALB", "38")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, ALT)  # Alt+D: to the date
    assert QApplication.focusWidget() is dialog.when.edit
    dialog.when.set_value(None, datetime(2026, 11, 20, 7, 45))
    _type(qtbot, dialog, "ALP", "1802026")  # a slip: impossible
    _type(qtbot, dialog, "CTX", "812")
    dialog.units["CTX"].set_value("pg/mL")
    _type(qtbot, dialog, "CA", "3.8")  # possible, but to be confirmed
    _type(qtbot, dialog, "CREA", "75")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert dialog.isVisible()
    assert "Impossible for ALP" in dialog.errors["ALP"].text()
    assert "plausible range" in dialog.errors["CA"].text() and dialog.confirm["CA"].isVisible()
    assert len(_labs(db, pid)) == before  # nothing written
    dialog.values["ALP"].clear()
    _type(qtbot, dialog, "ALP", "180")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()  # the calcium is not confirmed yet
    dialog.confirm["CA"].setFocus()
    qtbot.keyClick(dialog.confirm["CA"], Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: win.dialog is None, timeout=3000)
    new = _labs(db, pid)[before:]
    assert [(r.analyte, r.value, r.unit) for r in new] == [
        ("ALP", 180, "U/L"), ("CTX", 812, "pg/mL"), ("CA", 3.8, "mmol/L"), ("ALB", 38, "g/L"),
        ("CREA", 75, "µmol/L")]
    assert {r.on_date for r in new} == {datetime(2026, 11, 20).date()}
    audit = _audit(db, pid)
    assert sum("implausible_value_confirmed" in a for a in audit) == 1
    assert not any("3.8" in a for a in audit)
    # the next panel starts on the date just used
    again = _panel(qtbot, win)
    assert again.when.edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-20 07:45"
    qtbot.keyClick(again.when.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.dialog is None, timeout=3000)


def test_single_lab_form_alt_d_reaches_the_date(qtbot, chart_registry):
    _db, ids, svc = chart_registry
    form = open_form(qtbot, record_form("lab", svc, ids["P-1"]))
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=3000)
    form.inputs["value"].setFocus()
    qtbot.keyClick(form.inputs["value"], Qt.Key.Key_D, ALT)
    assert QApplication.focusWidget() is form.inputs["date"].edit
