"""rules/2 in the BMA dose form: incadronate at CrCl < 10 is blocked until an override reason is
typed (BMA-BP-RENAL, critical); ibandronate's dose is suggested by its CrCl band; a dose
without a recorded indication shows BMA-NO-INDICATION as a warning that does not block."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from services.records_helpers import TODAY, make_registry, mild_kidney_doc, severe_kidney_doc

from app.services.records import RecordsService
from app.ui.forms.factory import record_form

from .chart_fixtures import open_form
from .test_forms_dose import doses, shown_rules


@pytest.fixture
def bp_registry(tmp_path):
    no_indication = mild_kidney_doc("N-1")
    no_indication.pop("imaging")
    db, ids = make_registry(tmp_path, severe_kidney_doc("K-9"), mild_kidney_doc("K-2"),
                            no_indication)
    yield db, ids, RecordsService(db, "dr.ui", today=lambda: TODAY)
    db.dispose()


def test_incadronate_at_crcl_9_is_blocked_until_override(qtbot, bp_registry):
    db, ids, svc = bp_registry
    pid = ids["K-9"]
    form = open_form(qtbot, record_form("administration", svc, pid))
    form.drug.set_value("incadronate")
    form.planned.setChecked(True)
    qtbot.waitUntil(lambda: "NOT recommended" in form.live.text(), timeout=3000)
    assert "CrCl 8.8 mL/min < 30" in form.live.text() and "380" in form.live.text()
    form.dose.setText("10")
    qtbot.waitUntil(lambda: "BMA-BP-RENAL" in shown_rules(form), timeout=3000)
    assert "blocks saving" in shown_rules(form)["BMA-BP-RENAL"]
    assert form.override_reason.isVisible()
    form.save()
    assert form.isVisible() and doses(db, pid) == []
    form.override_reason.setPlainText("Pharmacist reviewed, single dose agreed with nephrology")
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    (dose,) = doses(db, pid)
    assert dose.drug == "incadronate" and dose.override_reason.startswith("Pharmacist")


def test_ibandronate_dose_follows_the_crcl_band(qtbot, bp_registry):
    db, ids, svc = bp_registry
    form = open_form(qtbot, record_form("administration", svc, ids["K-2"]))
    form.drug.set_value("ibandronate")
    form.planned.setChecked(True)
    qtbot.waitUntil(lambda: "Suggested dose of Ibandronate: 4 mg" in form.live.text(),
                    timeout=3000)
    assert form.dose.text() == "4"  # filled in by the form (band 30–50)
    qtbot.waitUntil(lambda: "BMA-BP-RENAL" in shown_rules(form), timeout=3000)
    assert "blocks saving" not in shown_rules(form)["BMA-BP-RENAL"]  # warning only
    assert not form.override_reason.isVisible()
    form.dose.setText("6")
    qtbot.waitUntil(lambda: "blocks saving" in shown_rules(form).get("BMA-BP-RENAL", ""),
                    timeout=3000)
    qtbot.keyClick(form, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # use suggested
    qtbot.waitUntil(lambda: not form.override_reason.isVisible(), timeout=3000)
    form.save()
    assert not form.isVisible()
    assert [(d.dose_mg, d.planned) for d in doses(db, ids["K-2"])] == [(4.0, True)]


def test_no_indication_is_a_warning_in_the_dose_form(qtbot, bp_registry):
    db, ids, svc = bp_registry
    form = open_form(qtbot, record_form("administration", svc, ids["N-1"]))
    form.drug.set_value("denosumab")
    form.planned.setChecked(True)
    form.dose.setText("120")
    qtbot.waitUntil(lambda: "BMA-NO-INDICATION" in shown_rules(form), timeout=3000)
    assert "blocks saving" not in shown_rules(form)["BMA-NO-INDICATION"]
    assert not form.override_reason.isVisible()
