"""A new user's path on a demo registry, through the real GUI entry point: Enter on a patient
opens the chart; add a CTX in pg/mL and see it converted; a zoledronic-acid dose for a patient
with poor kidney function shows the adjusted dose and the block, is overridden with a reason,
and the reason is in the history; the worklist shows the rebound and overdue patients.
Screenshots of the chart and the dose form are saved in the test's tmp dir."""

from __future__ import annotations

import argparse
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.cli.gui_cmd import prepare_gui
from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.services.demo import write_demo_registry
from app.ui.chart.chart_window import ChartWindow
from app.ui.forms.dose_form import DoseForm
from app.ui.forms.lab_form import LabForm

from .conftest import settle


def press(qtbot, win, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget() or win, key, modifier)


def test_new_user_flow_on_demo_registry(qtbot, tmp_path):
    path = tmp_path / "demo.sqlite"
    db = open_database(path)
    ensure_schema(db)
    write_demo_registry(db, n=200, seed=1, reference_date=date.today())
    db.dispose()
    session = prepare_gui(argparse.Namespace(db=str(path), demo=False, lang="en",
                                             command=None), show_dialogs=False)
    try:
        main = session.window
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        settle(qtbot, main)
        opener = main.chart_opener

        # Enter on the first patient opens the chart
        press(qtbot, main, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(opener.charts) == 1, timeout=3000)
        chart: ChartWindow = next(iter(opener.charts.values()))
        qtbot.addWidget(chart)
        qtbot.waitExposed(chart)

        # add a CTX lab in pg/mL: converted in the form and in the timeline
        press(qtbot, chart, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        lab = chart.dialog
        assert isinstance(lab, LabForm)
        lab.analyte.set_value("CTX")
        lab.unit.set_value("pg/mL")
        qtbot.keyClicks(lab.inputs["value"], "812")
        qtbot.waitUntil(lambda: "0.812 ng/mL" in lab.live.text(), timeout=3000)
        lab.save()
        assert "812 pg/mL = 0.812 ng/mL" in chart.timeline.currentIndex().siblingAtColumn(
            2).data()

        # a patient with poor kidney function: a recent creatinine gives CrCl < 60, so the
        # zoledronic-acid dose must be reduced (or is not recommended below 30)
        svc = opener.service
        suggestions = {pid: svc.dose_suggestion(pid, "zoledronic_acid", date.today())
                       for pid in range(1, 201)}
        poor = next(pid for pid, s in suggestions.items()
                    if s.basis == "crcl" and s.dose_mg is not None and s.dose_mg < 4)
        adjusted = suggestions[poor].dose_mg
        chart2 = opener.open_chart(poor)
        qtbot.addWidget(chart2)
        qtbot.waitExposed(chart2)
        chart2.grab().save(str(tmp_path / "chart.png"))
        press(qtbot, chart2, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        dose = chart2.dialog
        assert isinstance(dose, DoseForm)
        dose.drug.set_value("zoledronic_acid")
        dose.dose.setText("4")
        dose.refresh()
        assert f"Suggested zoledronic acid dose: {adjusted:g} mg" in dose.live.text()
        assert "creatinine" in dose.live.text() and "CrCl" in dose.live.text()
        assert dose.override_reason.isVisible()  # 4 mg exceeds the renal adjustment
        rules = {dose.checks.findings_model.finding(r).rule
                 for r in range(dose.checks.findings_model.rowCount())}
        assert "BMA-ZA-OVERDOSE" in rules
        dose.grab().save(str(tmp_path / "dose-form.png"))
        dose.save()
        assert dose.isVisible()  # blocked
        reason = "Patient declined denosumab; nephrology consulted"
        dose.override_reason.setPlainText(reason)
        dose.save()
        assert not dose.isVisible()
        hist = chart2.history.history_model
        reasons = [hist.index(r, 4).data() for r in range(hist.rowCount())]
        assert reason in reasons

        # the worklist shows the demo's rebound and overdue patients
        press(qtbot, main, Qt.Key.Key_W,
              Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        wl = opener.worklist
        assert wl is not None
        qtbot.addWidget(wl)
        qtbot.waitUntil(lambda: not wl.running and wl.model.rowCount() > 0, timeout=30000)
        cats = {wl.model.item(r).category for r in range(wl.model.rowCount())}
        assert {"rebound", "dose_overdue"} <= cats
        for w in (chart, chart2, wl):
            w.close()
    finally:
        session.db.dispose()
