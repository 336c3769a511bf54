"""Print care plan… (Ctrl+P) from a chart: large print preselected from the patient's
preference and remembered when changed; the clinic contacts come from the site's care-plan
settings; without a phone number the clinician is told once (a message box), never again."""

from __future__ import annotations

from io import BytesIO

import pytest
from careplan_check import PlanText, body_font_size
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow

from app.domain.careplan import Clinic
from app.services.careplan_prefs import large_print
from app.services.careplan_settings import CarePlanSettings, save_careplan_settings
from app.ui.mdt.install import install_mdt
from app.ui.printing.careplan_print import TOLD_NO_CONTACTS

from .mdt_fixtures import mdt_env_fixture  # noqa: F401
from .test_chart_documents import CTRL, FakeOpener, open_chart


@pytest.fixture
def hub(qtbot, mdt_env):
    QSettings().remove(TOLD_NO_CONTACTS)
    main = QMainWindow()
    main.menu_view = main.menuBar().addMenu("View")
    qtbot.addWidget(main)
    hub = install_mdt(main, mdt_env.db, "dr.mdt", opener=FakeOpener(), today=mdt_env.today)
    main.show()
    qtbot.waitExposed(main)
    yield hub
    QSettings().remove(TOLD_NO_CONTACTS)


def ctrl_p(qtbot, win):
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_P, CTRL)


def print_plan(qtbot, win, docs, *, large: bool | None = None):
    ctrl_p(qtbot, win)
    dialog = docs.careplan.dialog
    assert dialog is not None
    if large is not None:
        dialog.large.setChecked(large)
    with qtbot.waitSignal(docs.careplan.previewOpened, timeout=30_000) as opened:
        dialog.accept()
    preview = opened.args[0]
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(preview.pdf)).pages)
    return preview, text


def test_large_print_is_preselected_and_remembered(qtbot, mdt_env, hub):
    mrn = mdt_env.mrns[1]
    win, docs = open_chart(qtbot, mdt_env, hub, mrn)
    preview, _ = print_plan(qtbot, win, docs, large=True)
    assert body_font_size(preview.pdf) >= 14
    assert large_print(mdt_env.db, win.patient_id) is True
    preview.close()
    ctrl_p(qtbot, win)
    dialog = docs.careplan.dialog
    assert dialog.large_print() is True  # remembered for this patient
    dialog.large.setChecked(False)
    with qtbot.waitSignal(docs.careplan.previewOpened, timeout=30_000) as opened:
        dialog.accept()
    assert body_font_size(opened.args[0].pdf) < 14
    assert large_print(mdt_env.db, win.patient_id) is False
    opened.args[0].close()
    win.close()


def test_no_phone_number_is_told_once(qtbot, mdt_env, hub):
    win, docs = open_chart(qtbot, mdt_env, hub, mdt_env.mrns[0])
    preview, text = print_plan(qtbot, win, docs)
    note = docs.careplan.contacts_note
    assert note is not None and note.isVisible() and "Settings" in note.text()
    lang = "zh" if "您的骨骼健康护理计划" in text else "en"
    assert PlanText(text, lang).in_section("contact", "电话：____" if lang == "zh"
                                           else "Phone: ____")
    note.accept()
    preview.close()
    docs.careplan.contacts_note = None
    preview, _ = print_plan(qtbot, win, docs)
    assert docs.careplan.contacts_note is None  # told once
    preview.close()
    win.close()


def test_site_contacts_are_printed_without_a_note(qtbot, mdt_env, hub):
    save_careplan_settings(CarePlanSettings(Clinic("Bone Clinic", "010-5555 6666"), False))
    win, docs = open_chart(qtbot, mdt_env, hub, mdt_env.mrns[0])
    preview, text = print_plan(qtbot, win, docs)
    assert "010-5555 6666" in text and docs.careplan.contacts_note is None
    preview.close()
    win.close()
