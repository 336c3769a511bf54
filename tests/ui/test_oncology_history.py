"""The oncology history in the chart, as a user enters it by keyboard alone (issue 20 item 8):
the seeds' case 3 — gefitinib → osimertinib → furmonertinib + MET inhibitor — through the
Record menu's shortcut and the therapy-line form, then PD-L1, smoking and the diagnosis; the
oncology tab lists them; Delete marks one entered in error (kept, hidden)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from sqlalchemy import select

from app.data import models_oncology as H
from app.ui.chart.chart_window import ChartWindow

from .chart_fixtures import chart_registry_fixture  # noqa: F401
from .test_chart import open_chart, press

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _focused():
    return QApplication.focusWidget()


def _type_fields(qtbot, dialog, *texts: str) -> None:
    """Type each text into the focused field, then Tab to the next one (as a user does)."""
    for text in texts:
        if text:
            qtbot.keyClicks(_focused(), text)
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)


def _open(qtbot, chart: ChartWindow, key, modifiers) -> object:
    press(qtbot, chart, key, modifiers)
    return _active_dialog(qtbot, chart)


def _active_dialog(qtbot, chart: ChartWindow):
    qtbot.waitUntil(lambda: chart.dialog is not None and chart.dialog.isVisible(), timeout=3000)
    chart.dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is chart.dialog, timeout=3000)
    return chart.dialog


def _save(qtbot, chart, dialog) -> None:
    qtbot.keyClick(_focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


# The start is a date spin box: digits only, each section moves on when full (a typed "-"
# after a full section would skip the next one); the stop is typed as YYYY-MM-DD text.
CASE3_LINES = [
    ("1", "gefitinib", "20200501", "2021-05-10", "prog", "par", "bone progression; T790M"),
    ("2", "osimertinib", "20210520", "2024-06-01", "prog", "sta", "MET overexpression"),
    ("3", "furmonertinib, savolitinib", "20240615", "", "", "", ""),
]


def test_case3_therapy_lines_entered_by_keyboard(qtbot, chart_registry):
    db, ids, svc = chart_registry
    chart = open_chart(qtbot, svc, ids["P-1"])
    for values in CASE3_LINES:
        form = _open(qtbot, chart, Qt.Key.Key_O, CTRL | SHIFT)
        assert form.KIND == "therapy_line"
        assert _focused() is form.inputs["line"]  # opens on its first field
        _type_fields(qtbot, form, *values)
        _save(qtbot, chart, form)
    with db.session() as s:
        rows = list(s.scalars(select(H.TherapyLineRecord).order_by(H.TherapyLineRecord.id)))
    assert [(r.line, r.drugs, str(r.start), r.stop and str(r.stop), r.stop_reason,
             r.best_response) for r in rows] == [
        (1, ["gefitinib"], "2020-05-01", "2021-05-10", "progression", "PR"),
        (2, ["osimertinib"], "2021-05-20", "2024-06-01", "progression", "SD"),
        (3, ["furmonertinib", "savolitinib"], "2024-06-15", None, None, None)]
    assert rows[0].note == "bone progression; T790M"
    # the last saved line is selected on the oncology tab, which lists the three
    assert chart.tabs.currentWidget() is chart.oncology
    model = chart.oncology.records.timeline_model
    texts = [model.data(model.index(r, 2)) for r in range(model.rowCount())]
    assert texts[0] == "Line 3: furmonertinib, savolitinib; since 2024-06-15"
    assert any(t.startswith("Line 1: gefitinib; 2020-05-01 → 2021-05-10") for t in texts)

    # PD-L1, smoking and the diagnosis from the Record menu's entries
    for kind, values in (("pdl1", ("20200425", "5", "", "22C3")),
                         ("smoking", ("20200420", "nev", "")),
                         ("course", ("20200420", "dia", "IVB"))):
        chart.add_actions[kind].trigger()
        form = _active_dialog(qtbot, chart)
        assert _focused() is form.inputs["date"]
        _type_fields(qtbot, form, *values)
        _save(qtbot, chart, form)
    overview = chart.oncology.overview.text()
    assert "Diagnosed: 2020-04-20" in overview and "never smoker" in overview
    assert "PD-L1 TPS 5%; assay 22C3 (2020-04-25)" in overview.splitlines()

    # Delete on the oncology tab marks the selected record entered in error (kept)
    chart.select_record("therapy_line", rows[2].id)
    press(qtbot, chart, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: isinstance(chart.error_dialog, QInputDialog)
                    and chart.error_dialog.isVisible(), timeout=3000)
    chart.error_dialog.setTextValue("entered on the wrong patient")
    chart.error_dialog.accept()
    qtbot.waitUntil(lambda: chart.oncology.records.timeline_model.rowCount() == 5, timeout=3000)
    with db.session() as s:
        row = s.get(H.TherapyLineRecord, rows[2].id)
        assert row.entered_in_error and row.error_reason == "entered on the wrong patient"
    chart.close()


def test_the_form_names_a_bad_field_and_saves_nothing(qtbot, chart_registry):
    db, ids, svc = chart_registry
    chart = open_chart(qtbot, svc, ids["P-1"])
    form = _open(qtbot, chart, Qt.Key.Key_O, CTRL | SHIFT)
    _type_fields(qtbot, form, "0", "gefitinib", "20200501", "2019-01-01")
    qtbot.keyClick(_focused(), Qt.Key.Key_S, CTRL)
    assert form.isVisible()
    assert form.error_text("line") == "Out of range: must be 1–20"
    assert form.error_text("stop") == "Out of range: must not be before the start"
    with db.session() as s:
        assert s.scalars(select(H.TherapyLineRecord)).all() == []
    form.reject()
    chart.close()


def test_dental_exam_findings_symptom_pain_and_lesion_size_through_their_forms(
        qtbot, chart_registry):
    from app.data import models as M
    from app.ui.forms.factory import record_form

    from .chart_fixtures import open_form

    db, ids, svc = chart_registry
    dose = svc.parse("administration", {"date": "2026-11-20", "drug": "denosumab",
                                        "dose_mg": 120, "planned": True})
    svc.add(ids["P-1"], dose, override_reason="dentist consulted by phone before the plan")
    exam = open_form(qtbot, record_form("dental_exam", svc, ids["P-1"]))
    exam.inputs["oral_hygiene"].set_value("poor")
    exam.inputs["infection"].set_value(False)
    exam.inputs["extraction_needed"].set_value(True)
    exam.refresh()
    # the exam that found an extraction needed leaves the clearance finding on the chart
    assert "BMA-DENTAL-CLEARANCE" in {f.rule for f in exam.pending}
    exam.save()
    assert not exam.isVisible(), exam.banner.text()
    symptom = open_form(qtbot, record_form("symptom", svc, ids["P-1"]))
    symptom.inputs["kind"].set_value("bone_pain")
    symptom.inputs["nrs"].setText("11")
    symptom.inputs["analgesic_step"].set_value(2)
    symptom.save()
    assert symptom.isVisible() and symptom.error_text("nrs") == "Out of range: must be 0–10"
    symptom.inputs["nrs"].setText("7")
    symptom.save()
    assert not symptom.isVisible()
    lesion = open_form(qtbot, record_form("lesion", svc, ids["P-1"]))
    lesion.inputs["region"].setText("L2")
    lesion.inputs["bone"].set_value("vertebra")
    lesion.inputs["level"].set_value("L2")
    lesion.inputs["size_mm"].setText("18,5")
    lesion.inputs["first_seen"].setText("2026-10-02")
    lesion.save()
    assert not lesion.isVisible(), lesion.banner.text()
    with db.session() as s:
        e = s.scalars(select(M.DentalExam)).all()[-1]
        sym = s.scalars(select(M.SymptomRecord)).all()[-1]
        les = s.scalars(select(M.LesionRecord).where(M.LesionRecord.region == "L2")).one()
    assert (e.oral_hygiene, e.infection, e.extraction_needed) == ("poor", False, True)
    assert (sym.nrs, sym.analgesic_step) == (7, 2)
    assert (les.size_mm, str(les.first_seen)) == (18.5, "2026-10-02")
