"""Issue 20 item 5, the keyboard audit: each main window and dialog (registry, chart and each of
its tabs, every record and section form, the patient dialog, the MDT window and its dialogs,
the worklist, the settings, every work-up wizard page) is walked mechanically:

- no Alt-key is used twice in one window (menu titles, visible mnemonics, Alt+key actions);
  no mnemonic twice inside one menu;
- a dialog opens with the focus on its first input (never on a button or a table);
- every form has Ctrl+S and Ctrl+Enter to save, and Esc closes it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from app.ui.chart.chart_window import ChartWindow
from app.ui.forms.factory import RECORD_FORMS, SECTION_FORMS

from .chart_fixtures import chart_registry_fixture  # noqa: F401
from .keyboard_audit import (
    dead_mnemonics,
    duplicate_alt_keys,
    duplicate_menu_mnemonics,
    first_input,
    focused,
    has_save_keys,
    is_bad_focus,
)
from .mdt_fixtures import TODAY, mdt_env_fixture, mdt_window_fixture  # noqa: F401

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LOG_IGNORE = "This plugin does not support (raise|grabbing|propagateSizeHints)"


def _activate(qtbot, win) -> None:
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)


def _press(qtbot, win, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or win, key, modifier)


def audit_dialog(qtbot, dialog: QDialog, *, save_keys: bool = True, esc: bool = True) -> None:
    """Shown and active: focus on the first input, no Alt-key twice, save keys, Esc closes."""
    _activate(qtbot, dialog)
    name = dialog.objectName() or type(dialog).__name__
    assert not duplicate_alt_keys(dialog), (name, duplicate_alt_keys(dialog))
    assert not duplicate_menu_mnemonics(dialog), name
    assert not dead_mnemonics(dialog), (name, dead_mnemonics(dialog))
    now = focused()
    assert not is_bad_focus(now), (name, now)
    assert now is first_input(dialog), (name, now, first_input(dialog))
    if save_keys:
        assert has_save_keys(dialog), name
    if not esc:
        return
    _press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


# ---- registry window and patient dialog ---------------------------------------------------
def test_registry_window_and_patient_dialog(qtbot, window):
    assert not duplicate_alt_keys(window), duplicate_alt_keys(window)
    assert not duplicate_menu_mnemonics(window), duplicate_menu_mnemonics(window)
    assert not is_bad_focus(focused())
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = window.current_dialog()
    assert dialog is not None
    audit_dialog(qtbot, dialog)


# ---- chart window, its tabs and every form ------------------------------------------------
def _chart(qtbot, svc, pid) -> ChartWindow:
    win = ChartWindow(svc, pid)
    qtbot.addWidget(win)
    _activate(qtbot, win)
    return win


def test_chart_window_every_tab(qtbot, chart_registry):
    _db, ids, svc = chart_registry
    win = _chart(qtbot, svc, ids["D-1"])
    assert not duplicate_menu_mnemonics(win), duplicate_menu_mnemonics(win)
    for i in range(win.tabs.count()):
        win.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        assert not duplicate_alt_keys(win), (win.tabs.tabText(i), duplicate_alt_keys(win))
    # Alt+1…5 switch the panels from anywhere, the Trends tab included
    win.tabs.setCurrentWidget(win.trends)
    win.trends.setFocus()
    for key, target in ((Qt.Key.Key_1, win.findings), (Qt.Key.Key_4, win.history),
                        (Qt.Key.Key_5, win.trends), (Qt.Key.Key_3, win.lesions)):
        _press(qtbot, win, key, ALT)
        assert QApplication.focusWidget() is target or target.isAncestorOf(
            QApplication.focusWidget()), (key, QApplication.focusWidget())


CHART_FORMS = ([("record", k) for k in sorted(RECORD_FORMS)]
               + [("section", k) for k in sorted(SECTION_FORMS)] + [("panel", "lab_panel")])


@pytest.mark.qt_log_ignore(LOG_IGNORE)
@pytest.mark.parametrize(("how", "kind"), CHART_FORMS, ids=[k for _h, k in CHART_FORMS])
def test_every_chart_form(qtbot, chart_registry, how, kind):
    """Every record form, section form and the lab panel, opened as the chart opens them."""
    _db, ids, svc = chart_registry
    win = _chart(qtbot, svc, ids["D-1"])
    {"record": win.add_record, "section": win.edit_section,
     "panel": lambda _k: win.add_lab_panel()}[how](kind)
    assert win.dialog is not None
    audit_dialog(qtbot, win.dialog)


@pytest.mark.qt_log_ignore(LOG_IGNORE)
def test_every_workup_wizard_page(qtbot, chart_registry):
    from app.ui.workup import open_workup_wizard
    from app.ui.workup.page_base import CONCLUSION

    db, ids, svc = chart_registry
    wiz = open_workup_wizard(None, db, ids["P-1"], "dr.ui", resume=False, today=svc.today)
    qtbot.addWidget(wiz)
    _activate(qtbot, wiz)
    seen = []
    while True:
        QApplication.processEvents()
        seen.append(wiz.currentId())
        assert not duplicate_alt_keys(wiz), (wiz.currentId(), duplicate_alt_keys(wiz))
        assert not is_bad_focus(focused()), (wiz.currentId(), focused())
        if wiz.currentId() == CONCLUSION:
            break
        _press(qtbot, wiz, Qt.Key.Key_Return, CTRL)
        assert wiz.currentId() != seen[-1]
    assert has_save_keys(wiz)
    _press(qtbot, wiz, Qt.Key.Key_Escape)  # cancels (asking first when something was entered)
    qtbot.waitUntil(lambda: not wiz.isVisible() or wiz.discard_box is not None, timeout=2000)


# ---- MDT window and dialogs, worklist, settings ------------------------------------------
@pytest.mark.qt_log_ignore(LOG_IGNORE)
def test_mdt_window_and_dialogs(qtbot, mdt_window, mdt_env):
    meeting = mdt_env.service.create_meeting(TODAY - timedelta(days=1), "Yesterday")
    mdt_env.service.add_case(meeting.id, mdt_env.mrns[0], "Question?")
    mdt_window.reload(meeting_id=meeting.id)
    _activate(qtbot, mdt_window)
    assert not duplicate_alt_keys(mdt_window), duplicate_alt_keys(mdt_window)
    assert not duplicate_menu_mnemonics(mdt_window), duplicate_menu_mnemonics(mdt_window)
    assert not is_bad_focus(focused()) or focused() is mdt_window.meetings
    for opener in (mdt_window.new_meeting, mdt_window.add_case, mdt_window.record_decision):
        opener()
        assert mdt_window.dialog is not None, opener
        audit_dialog(qtbot, mdt_window.dialog)
        qtbot.waitUntil(lambda: mdt_window.dialog is None, timeout=2000)


def test_worklist_window(qtbot, chart_registry):
    from app.ui.worklist.window import WorklistWindow

    db, _ids, svc = chart_registry
    win = WorklistWindow(db, today=svc.today)
    qtbot.addWidget(win)
    _activate(qtbot, win)
    assert not duplicate_alt_keys(win), duplicate_alt_keys(win)
    assert not duplicate_menu_mnemonics(win), duplicate_menu_mnemonics(win)
    assert QApplication.focusWidget() is not None


def test_settings_dialog(qtbot, window, tmp_path):
    from .test_settings_dialog import open_dialog

    _hub, dialog = open_dialog(qtbot, window, tmp_path)
    audit_dialog(qtbot, dialog, esc=False)
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        assert not duplicate_alt_keys(dialog), (i, duplicate_alt_keys(dialog))
    _press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
