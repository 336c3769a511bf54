"""Chart forms driven like a user: valid and invalid input for every record kind, live unit
conversion, live scores, corrections, and the patient-level sections."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.data import models as M
from app.domain.units import ANALYTES
from app.ui.forms.factory import RECORD_FORMS, record_form
from app.ui.forms.section_forms import CancerForm

from .chart_fixtures import chart_registry_fixture, open_form  # noqa: F401


def rows(db, model, pid):
    with db.session() as s:
        return list(s.scalars(select(model).where(model.patient_id == pid).order_by(model.id)))


def test_lab_form_ctx_in_pg_ml_is_converted_live_and_saved_as_reported(qtbot, chart_registry):
    db, ids, svc = chart_registry
    form = open_form(qtbot, record_form("lab", svc, ids["P-1"]))
    form.analyte.set_value("CTX")
    units = [form.unit.itemText(i) for i in range(form.unit.count())]
    assert units == list(ANALYTES["CTX"].units_display)  # only CTX's units
    form.unit.set_value("pg/mL")
    form.inputs["value"].setFocus()
    qtbot.keyClicks(form.inputs["value"], "812")
    form.inputs["fasting"].set_value(True)
    qtbot.waitUntil(lambda: "0.812 ng/mL" in form.live.text(), timeout=3000)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    lab = rows(db, M.LabResult, ids["P-1"])[-1]
    assert (lab.analyte, lab.value, lab.unit, lab.fasting) == ("CTX", 812, "pg/mL", True)


def test_lab_form_invalid_value_and_future_date_block_saving(qtbot, chart_registry):
    db, ids, svc = chart_registry
    form = open_form(qtbot, record_form("lab", svc, ids["P-1"]))
    form.inputs["value"].setText("8,1x")
    form.inputs["date"].edit.setDate(form.inputs["date"].edit.date().addDays(3))
    form.save()
    assert form.isVisible()
    assert form.error_text("value") == "Enter a number."
    assert "future" in form.error_text("date")
    assert form.focusWidget() is not None
    assert [r for r in rows(db, M.LabResult, ids["P-1"]) if r.analyte == "ALP"] == []
    form.inputs["value"].setText("8.1")
    form.inputs["date"].edit.setDate(form.inputs["date"].edit.date().addDays(-3))
    form.save()
    assert not form.isVisible()


def test_required_fields_are_named_after_save_attempt(qtbot, chart_registry):
    db, ids, svc = chart_registry
    form = open_form(qtbot, record_form("imaging", svc, ids["P-1"]))
    assert form.error_text("region") == ""  # not nagging before the first save
    form.save()
    assert form.isVisible()
    assert form.error_text("region") == "Required."
    assert form.error_text("result") == "Required."
    form.inputs["region"].setText("L3")
    form.inputs["result"].set_value("negative")
    form.save()
    assert not form.isVisible()
    assert rows(db, M.ImagingRecord, ids["P-1"])[-1].result == "negative"


@pytest.mark.parametrize("kind,fill", [
    ("symptom", {"pattern": "fixed", "site": "lumbar"}),
    ("biopsy", {"region": "L3", "result": "positive"}),
    ("stop", {"reason": "dental work"}),
    ("interval", {"days": "56"}),
    ("dental_exam", {}),
    ("dental_procedure", {"kind": "extraction"}),
    ("event", {"kind": "radiotherapy", "region": "L3"}),
])
def test_every_simple_form_saves_valid_input(qtbot, chart_registry, kind, fill):
    db, ids, svc = chart_registry
    form = open_form(qtbot, record_form(kind, svc, ids["P-1"]))
    for key, value in fill.items():
        widget = form.inputs[key]
        if hasattr(widget, "setText") and not hasattr(widget, "set_codes"):
            widget.setText(value)
        else:
            widget.set_value(value)
    form.save()
    assert not form.isVisible(), form.banner.text()
    model = RECORD_FORMS[kind].KIND
    from app.services.records_map import KINDS
    assert len(rows(db, KINDS[model].model, ids["P-1"])) >= 1


def test_interval_and_event_invalid_input(qtbot, chart_registry):
    db, ids, svc = chart_registry
    form = open_form(qtbot, record_form("interval", svc, ids["P-1"]))
    form.inputs["days"].setText("0")
    form.save()
    assert "1–365" in form.error_text("days")
    event = open_form(qtbot, record_form("event", svc, ids["P-1"]))
    event.inputs["kind"].set_value("onj")
    assert not event.planned.isEnabled()  # an ONJ cannot be planned
    event.inputs["date"].setDate(event.inputs["date"].date().addDays(10))
    event.save()
    assert "future" in event.error_text("date")


def test_lesion_form_scores_live_and_inputs_follow_the_bone(qtbot, chart_registry):
    db, ids, svc = chart_registry
    form = open_form(qtbot, record_form("lesion", svc, ids["P-1"]))
    form.inputs["region"].setText("L3")
    form.bone.set_value("vertebra")
    assert not form.inputs["size"].isEnabled() and form.inputs["level"].isEnabled()
    pains = [form.pain.itemData(i) for i in range(1, form.pain.count())]
    assert pains == ["mechanical", "occasional", "none"]
    for key, value in dict(level="L3", pattern="osteolytic", pain="mechanical",
                           alignment="normal", collapse="lt50", posterolateral="unilateral",
                           escc="1a").items():
        form.inputs[key].set_value(value)
    form.refresh()
    assert "SINS 10 — indeterminate" in form.live.text()
    assert "ESCC 1a" in form.live.text()
    form.bone.set_value("femur")
    assert form.inputs["size"].isEnabled() and not form.inputs["level"].isEnabled()
    form.inputs["region"].setText("left femur")
    for key, value in dict(pattern="mixed", pain="moderate", size="third_to_two_thirds").items():
        form.inputs[key].set_value(value)
    form.refresh()
    assert "Mirels 8 — borderline" in form.live.text()
    form.save()
    assert not form.isVisible()
    lesion = rows(db, M.LesionRecord, ids["P-1"])[-1]
    assert (lesion.bone, lesion.limb, lesion.level) == ("femur", "lower", None)


def test_correction_form_writes_a_new_version(qtbot, chart_registry):
    db, ids, svc = chart_registry
    pid = ids["K-2"]
    chart = svc.chart(pid)
    stored = next(r for r in chart.records if r.kind == "lab" and r.record.analyte == "CREA")
    form = open_form(qtbot, record_form("lab", svc, pid, stored=stored))
    assert form.inputs["value"].text() == "80"
    assert form.unit.value() == "µmol/L"
    form.inputs["value"].setText("85")
    form.save()
    assert not form.isVisible()
    labs = [r for r in rows(db, M.LabResult, pid) if r.analyte == "CREA"]
    assert [r.value for r in labs] == [80, 85] and labs[1].replaces_id == labs[0].id


def test_cancer_section_validates_and_saves(qtbot, chart_registry):
    db, ids, svc = chart_registry
    pid = ids["P-1"]
    chart = svc.chart(pid)
    form = open_form(qtbot, CancerForm(svc, pid, patient_version=chart.patient_version,
                                       current=chart.case.cancer))
    assert form.inputs["histology"].value() == "adenocarcinoma"
    form.inputs["kps"].setText("55")
    form.inputs["frankel"].set_value("D")
    form.save()
    assert "multiple of 10" in form.error_text("kps")
    form.inputs["kps"].setText("60")
    form.save()
    assert not form.isVisible()
    case = svc.chart(pid).case
    assert (case.cancer.kps, case.cancer.frankel, case.cancer.drivers) == (60, "D", ["EGFR L858R"])


def test_correction_conflict_is_reported_never_overwritten(qtbot, chart_registry):
    db, ids, svc = chart_registry
    pid = ids["K-2"]
    stored = next(r for r in svc.chart(pid).records
                  if r.kind == "lab" and r.record.analyte == "CA")
    form = open_form(qtbot, record_form("lab", svc, pid, stored=stored))
    # another workstation corrects the same result first
    other = type(svc)(db, "dr.other", today=svc.today)
    from app.domain.case import Lab
    other.correct(pid, stored.rid, stored.version,
                  Lab(date=stored.record.date, analyte="CA", value=2.4, unit="mmol/L"))
    form.inputs["value"].setText("2.2")
    form.save()
    assert form.isVisible() and form.banner.isVisible()
    assert "another workstation" in form.banner.text()
    values = [r.value for r in rows(db, M.LabResult, pid) if r.analyte == "CA"]
    assert values == [2.3, 2.4]  # the other correction stands; ours was not written


def test_status_override_needs_a_reason_and_supplements_save(qtbot, chart_registry):
    from app.ui.forms.section_forms import StatusOverrideForm, SupplementsForm

    db, ids, svc = chart_registry
    pid = ids["P-1"]
    chart = svc.chart(pid)
    form = open_form(qtbot, StatusOverrideForm(svc, pid, patient_version=chart.patient_version,
                                               current=None))
    form.inputs["status"].set_value("suspected")
    form.save()
    assert form.isVisible() and form.error_text("reason") == "Required."
    form.inputs["reason"].setText("MDT: imaging artefact, re-image")
    form.save()
    assert not form.isVisible()
    chart = svc.chart(pid)
    assert chart.assessment.status.bone_metastasis == "suspected"
    assert chart.assessment.status.overridden
    sup = open_form(qtbot, SupplementsForm(svc, pid, patient_version=chart.patient_version,
                                           current=chart.case.supplements))
    sup.inputs["calcium"].set_value(True)
    sup.inputs["vitamin_d"].set_value(False)
    sup.save()
    assert not sup.isVisible()
    assert (svc.chart(pid).case.supplements.calcium,
            svc.chart(pid).case.supplements.vitamin_d) == (True, False)
