"""Issue 20 item 1: the work-up wizard never changes a chart value silently. Driven through the
real wizard with key events: Return in a drop-down (open or closed) or a multi-line field never
leaves the page; the conclusion lists every record it adds and every change "field: old → new";
a changed histology / stage needs its own tick before Complete is possible, and the service
refuses an unticked change outright."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from sqlalchemy import select

from app.data import models as M
from app.services.workup_service import ValidationFailed, WorkupService
from app.ui.workup.page_base import BIOMARKERS, CONCLUSION, PRESENTATION, RISK
from tests.ui.test_workup_wizard import TODAY, chart, open_wizard, reg  # noqa: F401

CTRL = Qt.KeyboardModifier.ControlModifier


def _to_risk(qtbot, wiz):
    assert wiz.currentId() == PRESENTATION
    qtbot.keyClick(wiz.currentPage().site, Qt.Key.Key_Return, CTRL)
    assert wiz.currentId() == RISK
    return wiz.currentPage()


def _to_conclusion(qtbot, wiz):
    for _ in range(6):
        if wiz.currentId() == CONCLUSION:
            break
        qtbot.keyClick(wiz.focusWidget() or wiz, Qt.Key.Key_Return, CTRL)
    assert wiz.currentId() == CONCLUSION
    return wiz.currentPage()


def test_return_in_a_closed_drop_down_stays_on_the_page(qtbot, reg):  # noqa: F811
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    risk = _to_risk(qtbot, wiz)
    risk.histology.setFocus()
    qtbot.keyClick(risk.histology, Qt.Key.Key_Down)  # keyboard pick: Squamous cell
    assert risk.histology.value() == "squamous"
    qtbot.keyClick(risk.histology, Qt.Key.Key_Return)
    assert wiz.currentId() == RISK
    risk.stage.setFocus()
    qtbot.keyClick(risk.stage, Qt.Key.Key_Enter)
    assert wiz.currentId() == RISK
    # Return in a one-line field still means Next (the test can fail)
    risk.drivers.setFocus()
    qtbot.keyClick(risk.drivers, Qt.Key.Key_Return)
    assert wiz.currentId() == BIOMARKERS


@pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")
def test_return_in_an_open_drop_down_picks_and_stays(qtbot, reg):  # noqa: F811
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    risk = _to_risk(qtbot, wiz)
    risk.histology.setFocus()
    risk.histology.showPopup()
    view = risk.histology.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    view.setCurrentIndex(view.model().index(risk.histology.findData("sclc"), 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=3000)
    assert risk.histology.value() == "sclc"
    assert wiz.currentId() == RISK


def test_return_in_a_multi_line_field_stays(qtbot, reg):  # noqa: F811
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    page = wiz.currentPage()
    page.other.setFocus()
    qtbot.keyClicks(page.other, "cough")
    qtbot.keyClick(page.other, Qt.Key.Key_Return)
    assert wiz.currentId() == PRESENTATION


def test_changed_histology_is_listed_and_needs_a_tick(qtbot, reg):  # noqa: F811
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    pres = wiz.currentPage()
    pres.pain.setChecked(True)
    pres.pattern.set_value("fixed")
    pres.site.setText("L3")
    risk = _to_risk(qtbot, wiz)
    risk.histology.set_value("squamous")
    risk.visceral.setText("adrenal, liver")
    end = _to_conclusion(qtbot, wiz)
    finish = wiz.button(QWizard.WizardButton.FinishButton)
    # every record it adds, one line each, and every change as old → new
    assert "Bone pain" in end.writes.text() and "L3" in end.writes.text()
    assert "Visceral metastases: adrenal → adrenal, liver" in end.changes_label.text()
    box = end.confirm["histology"]
    assert "Histology: Adenocarcinoma → Squamous" in box.text()
    assert not box.isChecked() and not finish.isEnabled() and end.hint.isVisible()
    qtbot.keyClick(end.question, Qt.Key.Key_Return, CTRL)  # cannot complete unticked
    assert wiz.result is None and wiz.isVisible()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and finish.isEnabled() and not end.hint.isVisible()
    qtbot.keyClick(end.question, Qt.Key.Key_Return, CTRL)
    assert wiz.result is not None, end.error.text()
    case = chart(db, pid).case
    assert case.cancer.histology == "squamous"
    assert case.cancer.visceral_metastases == ["adrenal", "liver"]
    with db.session() as s:
        audit = s.scalars(select(M.AuditLog.summary).where(M.AuditLog.patient_id == pid)).all()
    assert any(a.startswith("update patient: fields histology, visceral_metastases")
               for a in audit)


def test_going_back_to_restore_removes_the_tick_box(qtbot, reg):  # noqa: F811
    db, pid = reg
    wiz = open_wizard(qtbot, db, pid)
    risk = _to_risk(qtbot, wiz)
    risk.stage.set_value("IIIA")
    end = _to_conclusion(qtbot, wiz)
    assert "Stage: IVA → IIIA" in end.confirm["stage"].text()
    while wiz.currentId() != RISK:
        wiz.back()
    risk.stage.set_value("IVA")
    end = _to_conclusion(qtbot, wiz)
    QApplication.processEvents()
    assert end.confirm == {} and wiz.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.keyClick(end.question, Qt.Key.Key_Return, CTRL)
    assert wiz.result is not None
    assert chart(db, pid).case.cancer.stage == "IVA"


def test_service_refuses_an_unconfirmed_change(reg):  # noqa: F811
    db, pid = reg
    svc = WorkupService(db, "dr.test", today=lambda: TODAY)
    e = svc.start(pid).entries
    e.risk.histology = "squamous"
    with pytest.raises(ValidationFailed) as info:
        svc.complete(pid, e)
    assert [(x.field, x.code) for x in info.value.errors] == [("cancer.histology",
                                                               "unconfirmed")]
    assert chart(db, pid).case.cancer.histology == "adenocarcinoma"
    svc.complete(pid, e, confirmed=["histology"])
    assert chart(db, pid).case.cancer.histology == "squamous"
