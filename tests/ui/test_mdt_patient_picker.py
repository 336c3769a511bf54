"""Issue 20 item 2: the MDT add-patient field accepts what it offers. A picked suggestion
("MRN  name"), an MRN, a name, pinyin or initials resolve through the registry's own search;
suggestions appear for pinyin and initials; several matches are refused, never guessed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.domain.casefile import parse_case
from app.services.case_service import import_case
from app.services.mdt_service import MdtService
from app.services.registry import RegistryService
from app.ui.mdt.dialogs import AddCaseDialog

TODAY = date(2026, 11, 21)
PATIENTS = (("SEED-C3", "病例三"), ("BM-1", "王小明"), ("BM-2", "王小红"),
            ("BM-3", "Anna Johnson"))


@pytest.fixture
def env(tmp_path):
    db = open_database(tmp_path / "registry.sqlite")
    ensure_schema(db)
    for mrn, name in PATIENTS:
        import_case(db, parse_case({"schema": "bonemet-case/1",
                                    "patient": {"mrn": mrn, "name": name, "sex": "female"}}),
                    "setup")
    mdt = MdtService(db, "dr.mdt")
    meeting = mdt.create_meeting(TODAY + timedelta(days=7), "Thoracic MDT")
    yield mdt, RegistryService(db, "dr.mdt"), meeting
    db.dispose()


def _dialog(qtbot, env) -> AddCaseDialog:
    mdt, registry, meeting = env
    dialog = AddCaseDialog(mdt, registry, [meeting], meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.mrn_edit.setFocus()
    dialog.question_edit.setPlainText("Radiotherapy for L3?")
    return dialog


def _type(qtbot, edit, text: str) -> None:
    """Type ``text``: ASCII as key clicks, Chinese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _listed(env) -> list[str]:
    mdt, _registry, meeting = env
    return [c.mrn for c in mdt.list_cases(meeting.id)]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_pinyin_suggests_and_the_picked_suggestion_is_accepted(qtbot, env):
    dialog = _dialog(qtbot, env)
    qtbot.keyClicks(dialog.mrn_edit, "bingli")
    assert dialog.completions.stringList() == ["SEED-C3  病例三"]
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert popup.model().rowCount() == 1  # not filtered away by the completer
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.mrn_edit.text() == "SEED-C3  病例三"
    assert dialog.patient_label.text() == "病例三"
    _ok(dialog)
    assert dialog.error_text("mrn") == ""
    assert _listed(env) == ["SEED-C3"]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
@pytest.mark.parametrize(("typed", "mrn"), [
    ("wxm", "BM-1"),  # initials
    ("wangxiaohong", "BM-2"),  # full pinyin
    ("王小红", "BM-2"),  # name
    ("bm-1", "BM-1"),  # MRN, any case (BM-1 is exact although BM-1x would also start so)
    ("Anna", "BM-3"),  # a Western name
])
def test_typed_text_resolves_to_one_patient(qtbot, env, typed, mrn):
    dialog = _dialog(qtbot, env)
    _type(qtbot, dialog.mrn_edit, typed)
    assert any(s.startswith(mrn + "  ") for s in dialog.completions.stringList())
    _ok(dialog)
    assert dialog.error_text("mrn") == ""
    assert _listed(env) == [mrn]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_several_or_no_matches_are_refused(qtbot, env):
    dialog = _dialog(qtbot, env)
    _type(qtbot, dialog.mrn_edit, "王小")
    assert "2 patients match" in dialog.patient_label.text()
    _ok(dialog)
    assert "several patients match" in dialog.error_text("mrn") and dialog.isVisible()
    dialog.mrn_edit.setText("zzz")
    _ok(dialog)
    assert "no patient with this MRN, name or pinyin" in dialog.error_text("mrn")
    assert _listed(env) == []


def test_resolve_prefers_an_exact_mrn_and_a_suggestion(env):
    _mdt, registry, _meeting = env
    assert [r.mrn for r in registry.resolve("SEED-C3  病例三")] == ["SEED-C3"]
    assert [r.mrn for r in registry.resolve("BM-")] == ["BM-1", "BM-2", "BM-3"]
    assert [r.mrn for r in registry.resolve("NOPE-1  someone")] == []
    assert registry.resolve("   ") == []


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")
def test_enter_in_the_question_submits_and_a_decision_keeps_its_lines(qtbot, env):
    from app.ui.mdt.dialogs import DecisionDialog

    mdt, _registry, meeting = env
    dialog = _dialog(qtbot, env)
    qtbot.keyClicks(dialog.mrn_edit, "BM-2")
    dialog.question_edit.setFocus()
    dialog.question_edit.clear()
    qtbot.keyClicks(dialog.question_edit, "SBRT for L3?")
    qtbot.keyClick(dialog.question_edit, Qt.Key.Key_Return)  # one paragraph: Enter submits
    assert _listed(env) == ["BM-2"] and not dialog.isVisible()
    assert mdt.list_cases(meeting.id)[0].question == "SBRT for L3?"
    case = mdt.list_cases(meeting.id)[0]
    decide = DecisionDialog(mdt, case, meeting.meeting_date + timedelta(days=1))
    qtbot.addWidget(decide)
    decide.show()
    qtbot.waitExposed(decide)
    decide.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is decide, timeout=3000)
    qtbot.keyClicks(decide.decision_edit, "SBRT 24 Gy")
    qtbot.keyClick(decide.decision_edit, Qt.Key.Key_Return)  # a new line, not a submit
    qtbot.keyClicks(decide.decision_edit, "continue denosumab")
    assert decide.isVisible()
    qtbot.keyClick(decide.decision_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not decide.isVisible(), decide.error_text("decision")
    assert mdt.list_cases(meeting.id)[0].decision == "SBRT 24 Gy\ncontinue denosumab"
