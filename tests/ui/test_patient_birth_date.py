"""§10 (rules/2) in the patient form: a birth date after today, or an age above 120 whole
years today, is refused with a message under the field; exactly 120 is accepted."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.ui.patient_dialog import PatientDialog, error_message


def years_ago(n: int) -> date:
    today = date.today()
    try:
        return today.replace(year=today.year - n)
    except ValueError:  # 29 February
        return today.replace(year=today.year - n, day=28)


def open_new(qtbot, window) -> PatientDialog:
    qtbot.keyClick(window, "n", modifier=Qt.KeyboardModifier.ControlModifier)
    dialog = window.current_dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog


def fill_and_save(qtbot, dialog: PatientDialog, mrn: str, birth: date) -> None:
    qtbot.keyClicks(dialog.mrn, mrn)
    qtbot.keyClicks(dialog.birth_date, birth.isoformat())
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_age_121_is_refused_with_a_clear_message(qtbot, window, registry):
    dialog = open_new(qtbot, window)
    fill_and_save(qtbot, dialog, "Q1210", years_ago(121))
    shown = dialog.error_text("birth_date")
    assert shown == error_message("birth_date", "too_old")
    assert "120" in shown
    assert dialog.isVisible() and registry.service.count("Q1210") == 0


def test_birth_date_after_today_is_refused(qtbot, window, registry):
    dialog = open_new(qtbot, window)
    fill_and_save(qtbot, dialog, "Q1211", date.today() + timedelta(days=1))
    assert dialog.error_text("birth_date") == error_message("birth_date", "future")
    assert registry.service.count("Q1211") == 0


def test_age_exactly_120_is_accepted(qtbot, window, registry):
    dialog = open_new(qtbot, window)
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        fill_and_save(qtbot, dialog, "Q1200", years_ago(120))
    assert registry.service.count("Q1200") == 1
