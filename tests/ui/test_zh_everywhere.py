"""Chinese all the way (issue 17): the main windows and dialogs of a small demo registry, opened
in zh_CN offscreen through the real GUI entry point, show no Latin words outside the allow-list
(:mod:`tests.ui.visible_texts`: abbreviations, units, scores, brand names, gene symbols).
Exempt as data, not UI text: the patients' own names and MRNs, rule IDs, the findings' sources
(citations stay as published), the labs' assay names, the MDT meetings' titles, questions
and decisions (as the coordinator wrote them), the user's account name, file paths and the
parameter-file keys. ("zxy" in the search box's placeholder is its pinyin-initials example.)
The trend plot's axis labels are checked too, and the validators' problems as the forms show
them.

Screens walked: the registry window, the chart (header, findings, every tab), every record
form and patient-section form, the History tab after a recorded change, the work-up wizard's
pages, the worklist after its assessment pass, the add/edit patient dialog, the Settings
dialog's tabs and the MDT meetings window. (The MDT pack, the care plan and the lab
import dialogs belong to other work and are not walked here.)"""

from __future__ import annotations

import argparse
import re
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget
from sqlalchemy import select

from app.cli.gui_cmd import prepare_gui
from app.data import models as M
from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.domain.case import Supplements
from app.domain.findings import catalogue
from app.domain.names import source_text
from app.domain.workup_texts import RECOMMENDATIONS
from app.services.demo import write_demo_registry
from app.services.records import RecordsService
from app.ui.app import Translations
from app.ui.chart.chart_window import ADD_SHORTCUTS, SECTION_SHORTCUTS
from app.ui.forms.base import field_message
from app.ui.workup import open_workup_wizard

from .visible_texts import latin_words, widget_texts

TODAY = date.today()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("zh") / "demo.sqlite"
    db = open_database(path)
    ensure_schema(db)
    write_demo_registry(db, n=40, seed=1, reference_date=TODAY)
    with db.session() as s:
        names = [n for (n,) in s.execute(select(M.Patient.name)) if n]
        methods = [m for (m,) in s.execute(select(M.LabResult.method).distinct()) if m]
        titles = [t for row in s.execute(select(M.MdtMeeting.title, M.MdtMeeting.place,
                                                M.MdtMeeting.chair, M.MdtMeeting.attendees))
                  for t in row if t]  # meeting details as the coordinator typed them
        titles += [t for row in s.execute(select(M.MdtCase.question, M.MdtCase.decision))
                   for t in row if t]
        ids = list(s.scalars(select(M.Patient.id).order_by(M.Patient.alert_count.desc())))
        suspected = list(s.scalars(select(M.Patient.id).where(M.Patient.bm_status != "confirmed")
                                   .order_by(M.Patient.id)))
        english = list(s.scalars(select(M.Patient.id).where(M.Patient.language == "en")
                                 .order_by(M.Patient.alert_count.desc())))
    db.dispose()
    sources = [r.source for r in catalogue()] + [
        t.source for t in RECOMMENDATIONS.values()]
    exempt = (names + methods + titles + sources + [source_text(x, "zh") for x in sources]
              + [str(path), "dr.zh"])
    return path, exempt, ids, suspected, english


@pytest.fixture
def zh_session(qtbot, demo):
    path = demo[0]
    session = prepare_gui(argparse.Namespace(db=str(path), demo=False, lang="zh_CN",
                                             command=None), show_dialogs=False)
    try:
        qtbot.addWidget(session.window)
        session.window.show()
        qtbot.waitExposed(session.window)
        qtbot.waitUntil(lambda: not session.window.model.busy, timeout=5000)
        yield session
    finally:
        session.translations.install("en")  # the other tests run in English
        session.db.dispose()


def check(name: str, widget, exempt) -> None:
    QApplication.processEvents()
    bad = latin_words(widget_texts(widget), exempt)
    assert not bad, f"{name}: English in the Chinese UI: {bad}"


def test_registry_and_worklist_in_chinese(qtbot, zh_session, demo):
    exempt = demo[1]
    check("registry", zh_session.window, exempt)
    worklist = zh_session.window.chart_opener.show_worklist()
    qtbot.addWidget(worklist)
    qtbot.waitUntil(lambda: not worklist.running, timeout=30000)
    assert worklist.model.rowCount() > 0
    check("worklist", worklist, exempt)


def test_patient_and_settings_dialogs_in_chinese(qtbot, zh_session, demo):
    _path, exempt, ids, _, _ = demo
    main = zh_session.window
    main.new_patient()
    check("new patient", main.current_dialog(), exempt)
    main.current_dialog().reject()
    qtbot.waitUntil(lambda: main.current_dialog() is None, timeout=3000)
    main.edit_patient(ids[0])
    check("edit patient", main.current_dialog(), exempt)
    main.current_dialog().reject()
    dialog = main.settings_hub.open_settings()
    qtbot.addWidget(dialog)
    tabs = dialog.findChildren(QTabWidget)
    for tab_widget in tabs:
        for i in range(tab_widget.count()):
            tab_widget.setCurrentIndex(i)
            check(f"settings tab {i}", dialog, exempt)
    dialog.reject()


def test_mdt_meetings_window_in_chinese(qtbot, zh_session, demo):
    exempt = demo[1]
    window = zh_session.window.mdt_hub.show_meetings()
    qtbot.addWidget(window)
    qtbot.wait(300)
    check("MDT meetings", window, exempt)


def test_chart_tabs_and_forms_in_chinese(qtbot, zh_session, demo):
    _path, exempt, ids, _, _ = demo
    opener = zh_session.window.chart_opener
    for pid in ids[:3]:  # the patients with the most findings
        chart = opener.open_chart(pid)
        qtbot.addWidget(chart)
        assert chart.findings.findings_model.rowCount() > 0
        for i in range(chart.tabs.count()):
            chart.tabs.setCurrentIndex(i)
            check(f"chart {pid} tab {i}", chart, exempt)
        plot = chart.trends.plot  # the plot's axis labels are drawn, not widgets
        labels = [p.getAxis(side).labelText for p in (plot.main, plot.labs, plot.lanes)
                  for side in ("left", "right", "bottom")]
        assert any(labels)
        assert not latin_words(labels, exempt), labels
        chart.close()
    chart = opener.open_chart(ids[0])
    qtbot.addWidget(chart)
    for kind in ADD_SHORTCUTS:
        chart.add_record(kind)
        check(f"form {kind}", chart.dialog, exempt)
        chart.dialog.reject()
    for key in SECTION_SHORTCUTS:
        chart.edit_section(key)
        check(f"section {key}", chart.dialog, exempt)
        chart.dialog.reject()


def test_history_describes_changes_in_chinese(qtbot, zh_session, demo):
    path, exempt, ids, _, _ = demo
    db = open_database(path)
    try:
        service = RecordsService(db, "dr.zh")
        version = service.chart(ids[1]).patient_version
        service.update_patient_section(ids[1], version, Supplements(calcium=True,
                                                                    vitamin_d=False))
    finally:
        db.dispose()
    chart = zh_session.window.chart_opener.open_chart(ids[1])
    qtbot.addWidget(chart)
    chart.tabs.setCurrentWidget(chart.history)
    texts = widget_texts(chart.history)
    assert any("钙剂补充" in t for t in texts)  # the changed field, named in Chinese
    check("history", chart, exempt)


def test_workup_wizard_pages_in_chinese(qtbot, zh_session, demo):
    path, exempt, _, suspected, _ = demo
    db = open_database(path)
    try:
        wiz = open_workup_wizard(None, db, suspected[0], "dr.zh", resume=False)
        qtbot.addWidget(wiz)
        wiz.show()
        qtbot.waitExposed(wiz)
        seen = set()
        while wiz.currentId() not in seen:
            seen.add(wiz.currentId())
            check(f"wizard page {wiz.currentId()}", wiz, exempt)
            wiz.next()
        assert len(seen) >= 4
        wiz.close()
    finally:
        db.dispose()


@pytest.mark.parametrize(("problem", "chinese"), [
    ("must be 1–365 days", "须在 1–365 天 之间"),
    ("must be at most 120 mg", "须不超过 120 mg"),
    ("must not be before 1900", "不能早于 1900 年"),
])
def test_validator_problems_are_shown_in_chinese(qapp, problem, chinese):
    translations = Translations(qapp)
    try:
        assert translations.install("zh_CN")
        assert field_message("out_of_range", problem) == f"超出范围：{chinese}"
    finally:
        translations.install("en")
    assert field_message("out_of_range", problem) == f"Out of range: {problem}"


def test_english_chart_of_an_english_speaking_patient_has_no_chinese(qtbot, demo):
    """The other direction: in English, the chart and forms of a patient whose records are
    written in English show no Chinese."""
    path, _, _, _, english = demo
    session = prepare_gui(argparse.Namespace(db=str(path), demo=False, lang="en",
                                             command=None), show_dialogs=False)
    try:
        qtbot.addWidget(session.window)
        chart = session.window.chart_opener.open_chart(english[0])
        qtbot.addWidget(chart)
        texts = []
        for i in range(chart.tabs.count()):
            chart.tabs.setCurrentIndex(i)
            QApplication.processEvents()
            texts += widget_texts(chart)
        for kind in ADD_SHORTCUTS:
            chart.add_record(kind)
            texts += widget_texts(chart.dialog)
            chart.dialog.reject()
        assert chart.findings.findings_model.rowCount() > 0
        chinese = [t for t in texts if re.search(r"[\u3000-\u9fff\uff00-\uffef]", t)]
        assert chinese == []
    finally:
        session.db.dispose()
