"""The work-up wizard end to end (offscreen, never skipped): the four paths of issue 5 leave the
right records and status in the chart; a draft is saved and resumed; Back keeps input; Cancel
asks. Screenshots of the key pages go to $WORKUP_SCREENSHOTS (or the test's temp dir)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from sqlalchemy import select

from app.data import models as M
from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.data.models_workup import Workup
from app.domain.casefile import parse_case
from app.services.case_service import import_case
from app.services.mdt_service import MdtService
from app.services.records import RecordsService
from app.ui.workup import open_workup_wizard, workup_action
from app.ui.workup.page_base import (
    BIOMARKERS,
    BIOPSY,
    CONCLUSION,
    IMAGING,
    LESIONS,
    PRESENTATION,
    RISK,
    URGENT,
)

TODAY = date(2026, 11, 21)


@pytest.fixture
def reg(tmp_path):
    db = open_database(tmp_path / "registry.sqlite")
    ensure_schema(db)
    doc = {"schema": "bonemet-case/1",
           "patient": {"mrn": "WZ-1", "name": "张小燕", "sex": "female",
                       "birth_date": "1958-03-02", "weight_kg": 55},
           "cancer": {"histology": "adenocarcinoma", "stage": "IVA", "drivers": ["EGFR 19del"],
                      "visceral_metastases": ["adrenal"]},
           "labs": [{"date": "2026-06-01", "analyte": "ALP", "value": 90, "unit": "U/L"}]}
    pid = import_case(db, parse_case(doc), "setup")
    yield db, pid
    db.dispose()


@pytest.fixture
def shots(tmp_path) -> Path:
    target = Path(os.environ.get("WORKUP_SCREENSHOTS") or tmp_path / "shots")
    target.mkdir(parents=True, exist_ok=True)
    return target


def open_wizard(qtbot, db, pid, resume=True):
    wiz = open_workup_wizard(None, db, pid, "dr.test", resume=resume, today=lambda: TODAY)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    wiz.activateWindow()
    qtbot.waitUntil(lambda: wiz.isActiveWindow(), timeout=3000)
    return wiz


def shot(wiz, shots: Path, name: str) -> None:
    QApplication.processEvents()  # let pending layout requests run
    assert wiz.grab().save(str(shots / f"workup-{name}.png"))


def chart(db, pid):
    return RecordsService(db, "dr.chart", today=lambda: TODAY).chart(pid)


def finish(qtbot, wiz) -> None:
    assert wiz.currentId() == CONCLUSION
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wiz.result is not None, wiz.currentPage().error.text()


def add_study(qtbot, page, modality, region, result, destruction=False, pattern=None):
    page.form.modality.set_value(modality)
    page.form.region.clear()
    qtbot.keyClicks(page.form.region, region)
    page.form.result.set_value(result)
    page.form.pattern.set_value(pattern)
    page.form.destruction.setChecked(destruction)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)


def to_imaging(wiz, *, pain_site: str | None = "L3"):
    p = wiz.currentPage()
    assert wiz.currentId() == PRESENTATION
    if pain_site:
        p.pain.setChecked(True)
        p.pattern.set_value("fixed")
        p.site.setText(pain_site)
    wiz.next()
    assert wiz.currentId() == RISK
    wiz.next()
    assert wiz.currentId() == BIOMARKERS
    wiz.next()
    assert wiz.currentId() == IMAGING
    return wiz.currentPage()


def test_positive_scan_then_negative_mri_reassures(qtbot, reg, shots):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    img = to_imaging(wiz)
    assert "MRI" in img.advice.text()  # fixed pain: MRI of the site first
    add_study(qtbot, img, "bone_scan", "L3", "positive")
    # the confirmation step for that region, prefilled
    assert (img.form.modality.value(), img.form.region.text()) == ("mri", "L3")
    assert "WU-SCAN-CONFIRM" in img.advice.text()
    shot(wiz, shots, "imaging-confirmation")
    img.form.result.set_value("negative")
    qtbot.mouseClick(img.add_button, Qt.MouseButton.LeftButton)
    assert "WU-SCAN-DISCORDANT" in img.advice.text() and "PET-CT" in img.advice.text()
    shot(wiz, shots, "imaging-reassured")
    wiz.next()
    assert wiz.currentId() == CONCLUSION
    shot(wiz, shots, "conclusion-not-found")
    finish(qtbot, wiz)
    c = chart(db, pid)
    assert c.assessment.status.bone_metastasis == "not_found"
    assert [(m.modality, m.result) for m in c.case.imaging] == [("bone_scan", "positive"),
                                                                 ("mri", "negative")]
    assert [s.kind for s in c.case.symptoms] == ["bone_pain"]
    assert "WU-SCAN-DISCORDANT" in [f.rule for f in c.assessment.findings]


def test_positive_scan_then_destructive_mri_confirms(qtbot, reg, shots):
    db, pid = reg
    meeting = MdtService(db, "coord").create_meeting(date(2026, 11, 28), "Thoracic MDT")
    wiz = open_wizard(qtbot, db, pid)
    p = wiz.currentPage()
    p.pain.setChecked(True)
    p.pattern.set_value("fixed")
    p.site.setText("L3")
    shot(wiz, shots, "presentation")
    wiz.next()
    assert "WU-HIGH-RISK" in wiz.currentPage().factors.text()
    shot(wiz, shots, "risk")
    wiz.next()
    bio = wiz.currentPage()
    qtbot.keyClicks(bio.boxes["ALP"].value, "260")
    assert "WU-ALP-RISE" in bio.boxes["ALP"].verdict.text()  # 260 ≥ 1.33 × 90 and > ULN
    shot(wiz, shots, "biomarkers")
    wiz.next()
    img = wiz.currentPage()
    add_study(qtbot, img, "bone_scan", "L3", "positive")
    add_study(qtbot, img, "mri", "L3", "positive", destruction=True, pattern="osteolytic")
    assert "confirmed" in img.advice.text().lower()
    wiz.next()
    assert wiz.currentId() == LESIONS
    les = wiz.currentPage()
    assert les.form.region.text() == "L3"  # prefilled from the confirming study
    les.form.bone.set_value("vertebra")
    les.form.level.set_value("L3")
    les.form.pattern.set_value("osteolytic")
    les.form.pain.set_value("mechanical")
    les.form.alignment.set_value("normal")
    les.form.collapse.set_value("lt50")
    les.form.posterolateral.set_value("unilateral")
    les.form.escc.set_value("1a")
    qtbot.mouseClick(les.add_button, Qt.MouseButton.LeftButton)
    assert les.model.index(0, 2).data() == "10 (indeterminate)"  # SINS, rule book example
    assert "LOC-SINS-INDETERMINATE" in les.local.text()
    shot(wiz, shots, "lesions")
    wiz.next()
    assert wiz.currentId() == CONCLUSION
    page = wiz.currentPage()
    assert "BMA-START" in page.steps.text()
    assert "LOC-SINS-INDETERMINATE" in page.steps.text()
    assert page.question.toPlainText()  # MDT question suggested
    page.meeting.setCurrentIndex(page.meeting.findData(meeting.id))
    shot(wiz, shots, "conclusion-confirmed")
    finish(qtbot, wiz)
    c = chart(db, pid)
    assert c.assessment.status.bone_metastasis == "confirmed"
    assert "BMA-START" in [f.rule for f in c.assessment.findings]
    assert sorted(lab.value for lab in c.case.labs if lab.analyte == "ALP") == [90, 260]
    assert [(le.region, le.level, le.pain) for le in c.case.lesions] == [("L3", "L3",
                                                                         "mechanical")]
    cases = MdtService(db, "coord").list_cases(meeting.id)
    assert [c.patient_id for c in cases] == [pid] and "bone-modifying" in cases[0].question
    with db.session() as s:
        assert s.get(M.Patient, pid).bm_status == "confirmed"
        assert s.scalars(select(Workup.status)).all() == ["completed"]


def test_pet_ct_with_destruction_confirms_at_once(qtbot, reg):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    img = to_imaging(wiz, pain_site=None)
    assert "bone scan" in img.advice.text().lower()  # high risk: screening
    add_study(qtbot, img, "pet_ct", "whole body", "positive", destruction=True)
    wiz.next()
    assert wiz.currentId() == LESIONS  # optional: left empty
    wiz.next()
    finish(qtbot, wiz)
    c = chart(db, pid)
    assert c.assessment.status.bone_metastasis == "confirmed"
    assert c.assessment.status.basis.startswith("PET-CT whole body")


def test_new_leg_weakness_goes_to_the_urgent_branch(qtbot, reg, shots):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    p = wiz.currentPage()
    p.neuro.setFocus()
    qtbot.keyClick(p.neuro, Qt.Key.Key_Space)  # keyboard: tick the deficit
    qtbot.keyClicks(p.neuro_site, "new leg weakness")
    qtbot.keyClick(p.neuro_site, Qt.Key.Key_Return)  # Return = Next
    assert wiz.currentId() == URGENT
    urgent = wiz.currentPage()
    assert "24" in urgent.advice.text() and "WU-MSCC" in urgent.advice.text()
    urgent.actions["whole_spine_mri"].setChecked(True)
    urgent.actions["corticosteroids"].setChecked(True)
    shot(wiz, shots, "urgent")
    wiz.next()
    assert wiz.currentId() == CONCLUSION
    assert "WU-MSCC" in wiz.currentPage().steps.text()
    finish(qtbot, wiz)
    c = chart(db, pid)
    assert [(s.kind, s.site) for s in c.case.symptoms] == [("neuro_deficit", "new leg weakness")]
    assert c.assessment.findings[0].rule == "WU-MSCC"
    assert c.assessment.status.bone_metastasis == "unknown"


def test_draft_is_saved_and_resumed(qtbot, reg):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    img = to_imaging(wiz)
    add_study(qtbot, img, "bone_scan", "T8", "positive")
    qtbot.keyClick(wiz, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert wiz.workup_id is not None
    wid = wiz.workup_id
    wiz.reject()  # nothing unsaved: closes without asking
    assert wiz.discard_box is None and not wiz.isVisible()
    assert chart(db, pid).case.imaging == []  # a draft writes nothing to the chart

    again = open_wizard(qtbot, db, pid)
    assert again.workup_id == wid and "resumed" in again.windowTitle()
    assert again.currentId() == IMAGING  # back on the page it was saved on
    page = again.currentPage()
    assert [s.region for s in page.studies] == ["T8"]
    assert again.pages[PRESENTATION].site.text() == "L3"
    add_study(qtbot, page, "mri", "T8", "positive", destruction=True)
    again.next()
    again.next()
    finish(qtbot, again)
    assert chart(db, pid).assessment.status.bone_metastasis == "confirmed"
    with db.session() as s:
        assert s.get(Workup, wid).status == "completed"


def test_back_keeps_input_and_cancel_asks(qtbot, reg):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    p = wiz.currentPage()
    p.pain.setChecked(True)
    p.site.setText("left femur")
    wiz.next()
    risk = wiz.currentPage()
    risk.stage.set_value("IIIA")
    qtbot.keyClick(risk.stage, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # Next
    assert wiz.currentId() == BIOMARKERS
    qtbot.keyClick(wiz.currentPage().boxes["ALP"].value, Qt.Key.Key_Left,
                   Qt.KeyboardModifier.AltModifier)  # Back
    wiz.back()
    assert wiz.currentId() == PRESENTATION
    assert p.pain.isChecked() and p.site.text() == "left femur"
    wiz.next()
    assert risk.stage.value() == "IIIA"
    wiz.reject()
    box = wiz.discard_box
    assert box is not None and wiz.isVisible()
    keep = next(b for b in box.buttons()
                if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    assert wiz.isVisible() and wiz.discard_box is None
    wiz.reject()
    discard = next(b for b in wiz.discard_box.buttons()
                   if wiz.discard_box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    assert not wiz.isVisible()
    with db.session() as s:
        assert s.scalars(select(Workup)).all() == []


def test_inconclusive_imaging_asks_for_a_biopsy(qtbot, reg, shots):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    img = to_imaging(wiz)
    add_study(qtbot, img, "bone_scan", "L3", "positive")
    add_study(qtbot, img, "mri", "L3", "equivocal")
    wiz.next()
    assert wiz.currentId() == BIOPSY
    page = wiz.currentPage()
    assert "WU-BIOPSY-INCONCLUSIVE" in page.advice.text()
    assert page.region.text() == "L3"
    page.done.setChecked(True)
    page.result.set_value("positive")
    shot(wiz, shots, "biopsy")
    wiz.next()
    assert wiz.currentId() == LESIONS  # the biopsy confirmed it
    wiz.next()
    finish(qtbot, wiz)
    c = chart(db, pid)
    assert [(b.region, b.result) for b in c.case.biopsies] == [("L3", "positive")]
    assert c.assessment.status.bone_metastasis == "confirmed"


def test_invalid_lab_value_blocks_next_with_a_message(qtbot, reg):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    wiz.next()
    wiz.next()
    bio = wiz.currentPage()
    qtbot.keyClicks(bio.boxes["CTX"].value, "abc")
    wiz.next()
    assert wiz.currentId() == BIOMARKERS
    assert "CTX value" in bio.problems.text()


def test_workup_action_opens_the_wizard(qtbot, reg):
    from PySide6.QtWidgets import QWidget

    db, pid = reg
    host = QWidget()
    qtbot.addWidget(host)
    done = []
    act = workup_action(host, db, pid, "dr.test", on_completed=done.append)
    assert act.shortcut().toString() == "Ctrl+Shift+U"  # the registry has Ctrl+Shift+W
    act.trigger()
    wiz = host.property("workupWizard")
    assert wiz is not None and wiz.isVisible()
    wiz.reject()


def test_solitary_lesion_leads_from_lesions_to_the_biopsy_decision(qtbot, reg):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    wiz.next()
    risk = wiz.currentPage()
    risk.visceral.clear()  # staged, none: a solitary bone metastasis is possible
    wiz.next()
    wiz.next()
    img = wiz.currentPage()
    add_study(qtbot, img, "mri", "right femur", "positive", destruction=True)
    wiz.next()
    les = wiz.currentPage()
    assert wiz.currentId() == LESIONS
    les.form.bone.set_value("femur")
    les.form.side.set_value("right")
    les.form.pattern.set_value("osteolytic")
    les.form.pain.set_value("functional")
    les.form.size.set_value("gt_two_thirds")
    qtbot.mouseClick(les.add_button, Qt.MouseButton.LeftButton)
    assert les.model.index(0, 3).data() == "11 (high)"  # Mirels 2 + 3 + 3 + 3
    assert "LOC-MIRELS-FIX" in les.local.text()
    wiz.next()
    assert wiz.currentId() == BIOPSY
    assert "WU-BIOPSY-SOLITARY" in wiz.currentPage().advice.text()
    wiz.next()
    assert wiz.currentId() == CONCLUSION
    text = wiz.currentPage().steps.text()
    assert "LOC-MIRELS-FIX" in text and "WU-BIOPSY-SOLITARY" in text
    assert "biopsy" in wiz.currentPage().question.toPlainText().lower()
    finish(qtbot, wiz)
    c = chart(db, pid)
    assert c.case.cancer.visceral_metastases == []
    assert [(le.bone, le.limb, le.size) for le in c.case.lesions] == [("femur", "lower",
                                                                      "gt_two_thirds")]


def test_return_in_region_adds_the_study_and_next_waits_for_an_unadded_one(qtbot, reg):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    img = to_imaging(wiz)
    assert (img.form.modality.value(), img.form.region.text()) == ("mri", "L3")  # prefilled
    img.form.result.set_value("positive")
    img.form.region.setFocus()
    qtbot.keyClick(img.form.region, Qt.Key.Key_Return)  # adds, does not move on
    assert wiz.currentId() == IMAGING and [s.modality for s in img.studies] == ["mri"]
    img.form.region.clear()
    qtbot.keyClicks(img.form.region, "T12")  # typed, not added
    wiz.next()
    assert wiz.currentId() == IMAGING and "not added" in img.advice.text()
    img.form.region.clear()
    wiz.next()
    # one positive MRI without destruction: suspected, PET-CT for a direct diagnosis
    assert wiz.currentId() == CONCLUSION
    assert wiz.analysis().recommendation.purpose == "direct"


def test_a_refused_completion_names_the_field_and_writes_nothing(qtbot, reg):
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    p = wiz.currentPage()
    p.visit_date.set_value(date(2027, 1, 5))  # after "today": a symptom cannot be in the future
    p.pain.setChecked(True)
    p.pattern.set_value("fixed")
    p.site.setText("L3")
    for _ in range(4):
        wiz.next()
    page = wiz.currentPage()
    assert wiz.currentId() == CONCLUSION
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wiz.result is None and wiz.isVisible()
    assert "symptoms[0].date: is in the future" in page.error.text()
    assert chart(db, pid).case.symptoms == []
