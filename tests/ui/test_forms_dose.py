"""The BMA dose form: dose suggested from CrCl with the inputs used, live safety checks, and
the critical-finding override flow (blocked until a reason is typed; the reason is kept with
the dose and in the history)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.data import models as M
from app.ui.forms.factory import record_form

from .chart_fixtures import chart_registry_fixture, open_form  # noqa: F401


def doses(db, pid):
    with db.session() as s:
        return list(s.scalars(select(M.BmaAdministration)
                              .where(M.BmaAdministration.patient_id == pid)))


def shown_rules(form) -> dict[str, str]:
    model = form.checks.findings_model
    return {model.finding(r).rule: model.index(r, 0).data() for r in range(model.rowCount())}


def test_poor_kidney_za_dose_is_blocked_until_override_reason(qtbot, chart_registry):
    db, ids, svc = chart_registry
    pid = ids["K-1"]
    form = open_form(qtbot, record_form("administration", svc, pid,
                                        baseline=svc.chart(pid).assessment.findings))
    form.drug.set_value("zoledronic_acid")
    qtbot.waitUntil(lambda: "NOT recommended" in form.live.text(), timeout=3000)
    text = form.live.text()
    assert "CrCl 18.6 mL/min" in text and "180 µmol/L" in text and "50 kg" in text
    assert "2026-11-14" in text  # the creatinine date used
    assert form.dose.text() == ""  # no dose suggested below CrCl 30
    form.dose.setText("4")
    qtbot.waitUntil(lambda: "BMA-ZA-CONTRAINDICATED" in shown_rules(form), timeout=3000)
    assert "blocks saving" in shown_rules(form)["BMA-ZA-CONTRAINDICATED"]
    assert form.override_reason.isVisible()
    form.save()
    assert form.isVisible() and doses(db, pid) == []
    form.override_reason.setPlainText("short")
    form.save()
    assert form.isVisible() and doses(db, pid) == []
    assert "10 characters" in form.override_label.text()
    reason = "Dialysis unit agreed single dose; denosumab refused"
    form.override_reason.setPlainText(reason)
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    (dose,) = doses(db, pid)
    assert (dose.dose_mg, dose.override_reason) == (4.0, reason)
    history = svc.history(pid)
    assert any(h.action == "override" and h.reason == reason for h in history)


def test_mild_kidney_suggests_adjusted_dose_and_overdose_blocks(qtbot, chart_registry):
    db, ids, svc = chart_registry
    pid = ids["K-2"]
    form = open_form(qtbot, record_form("administration", svc, pid))
    form.drug.set_value("zoledronic_acid")
    form.planned.setChecked(True)
    form.dose.setText("4")
    qtbot.waitUntil(lambda: "BMA-ZA-OVERDOSE" in shown_rules(form), timeout=3000)
    assert "Suggested zoledronic acid dose: 3.3 mg" in form.live.text()
    qtbot.keyClick(form, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # use suggested
    assert form.dose.text() == "3.3"
    qtbot.waitUntil(lambda: "BMA-ZA-OVERDOSE" not in shown_rules(form), timeout=3000)
    assert not form.override_reason.isVisible()
    form.save()
    assert not form.isVisible()
    assert [(d.dose_mg, d.planned, d.override_reason) for d in doses(db, pid)] == [
        (3.3, True, None)]


def test_denosumab_after_bisphosphonate_is_concurrent(qtbot, chart_registry):
    db, ids, svc = chart_registry
    pid = ids["K-2"]
    form = open_form(qtbot, record_form("administration", svc, pid))
    form.drug.set_value("zoledronic_acid")
    form.apply_suggestion()
    form.save()
    form2 = open_form(qtbot, record_form("administration", svc, pid))
    assert form2.dose.text() == "120"  # label dose of the default drug (denosumab)
    form2.refresh()
    assert "BMA-CONCURRENT" in shown_rules(form2)
    assert form2.override_reason.isVisible()


def test_dose_form_invalid_input(qtbot, chart_registry):
    db, ids, svc = chart_registry
    form = open_form(qtbot, record_form("administration", svc, ids["P-1"]))
    form.dose.setText("-5")
    form.save()
    assert "must be greater than 0" in form.error_text("dose_mg")  # shown in words
    form.dose.setText("500")
    form.save()
    assert "at most 240 mg for denosumab" in form.error_text("dose_mg")
    assert doses(db, ids["P-1"]) == []
