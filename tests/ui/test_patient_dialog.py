"""The add/edit patient dialog: per-field messages, nothing saved until valid, duplicate MRN,
concurrent edits, and a saved patient appearing (selected) in the table."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.registry import PatientForm
from app.ui.patient_dialog import FIELDS, PatientDialog, error_message

from .conftest import shown_mrns


def press_save(dialog: PatientDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def errors(dialog: PatientDialog) -> dict[str, str]:
    return {f: dialog.error_text(f) for f in FIELDS if dialog.error_text(f)}


def open_new(qtbot, window) -> PatientDialog:
    qtbot.keyClick(window, "n", modifier=Qt.KeyboardModifier.ControlModifier)
    dialog = window.current_dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_invalid_weight_future_birth_date_and_duplicate_mrn(qtbot, window, registry):
    dialog = open_new(qtbot, window)
    qtbot.keyClicks(dialog.mrn, "A1001")  # taken by 张小燕
    qtbot.keyClicks(dialog.name, "New Person")
    future = date.today() + timedelta(days=3)
    qtbot.keyClicks(dialog.birth_date, future.isoformat())
    qtbot.keyClicks(dialog.weight, "350")
    press_save(dialog)

    shown = errors(dialog)
    assert shown == {
        "mrn": error_message("mrn", "duplicate"),
        "birth_date": error_message("birth_date", "future"),
        "weight_kg": error_message("weight_kg", "out_of_range"),
    }
    assert "already" in shown["mrn"] and "future" in shown["birth_date"]
    assert "20" in shown["weight_kg"] and "300" in shown["weight_kg"]
    # each message sits right under its own field and is spoken with it
    assert dialog.weight.accessibleDescription() == shown["weight_kg"]
    assert dialog.isVisible()
    assert registry.service.count_all() == 5  # nothing saved


def test_format_errors_are_caught_before_the_service(qtbot, window, registry):
    dialog = open_new(qtbot, window)
    qtbot.keyClicks(dialog.mrn, "Z9001")
    qtbot.keyClicks(dialog.birth_date, "21/03/1958")
    qtbot.keyClicks(dialog.weight, "sixty")
    qtbot.keyClicks(dialog.phone, "call me")
    press_save(dialog)
    assert errors(dialog) == {
        "birth_date": error_message("birth_date", "format"),
        "weight_kg": error_message("weight_kg", "format"),
        "phone": error_message("phone", "invalid"),
    }
    assert registry.service.count("Z9001") == 0


def test_required_mrn_and_messages_clear_as_the_user_fixes_them(qtbot, window):
    dialog = open_new(qtbot, window)
    qtbot.keyClicks(dialog.weight, "10")
    press_save(dialog)
    assert set(errors(dialog)) == {"mrn", "weight_kg"}
    assert errors(dialog)["mrn"] == error_message("mrn", "required")
    qtbot.keyClicks(dialog.mrn, "Z9002")
    assert set(errors(dialog)) == {"weight_kg"}  # re-checked live after a failed save
    dialog.weight.clear()
    qtbot.keyClicks(dialog.weight, "62.5")
    assert errors(dialog) == {}


def test_successful_save_appears_selected_in_the_table(qtbot, window, registry):
    dialog = open_new(qtbot, window)
    qtbot.keyClicks(dialog.mrn, "D4001")
    dialog.name.insert("赵敏")  # committed by the input method
    dialog.sex.setCurrentIndex(dialog.sex.findData("female"))
    qtbot.keyClicks(dialog.birth_date, "1961-07-30")
    qtbot.keyClicks(dialog.weight, "58.5")
    dialog.osteoporosis.setCurrentIndex(dialog.osteoporosis.findData(True))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.keyClicks(dialog.phone, "+86 138 0000 0000")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as saved:
        press_save(dialog)
    patient_id, mrn = saved.args
    assert mrn == "D4001"
    qtbot.waitUntil(lambda: window.current_dialog() is None)
    qtbot.waitUntil(lambda: window.view.current_patient_id() == patient_id, timeout=5000)
    assert "D4001" in shown_mrns(window)
    assert window.model.total_count == 6
    form, version = registry.service.load_form(patient_id)
    assert form == PatientForm(
        mrn="D4001", name="赵敏", sex="female", birth_date=date(1961, 7, 30), weight_kg=58.5,
        osteoporosis=True, language="en", phone="+86 138 0000 0000",
    )
    assert version == 1
    assert registry.service.search("zm")[0].id == patient_id  # search keys were built


def test_edit_loads_and_saves(qtbot, window, registry):
    pid = registry.ids["B2002"]
    window.edit_patient(pid)
    dialog = window.current_dialog()
    assert dialog.mrn.text() == "B2002" and dialog.name.text() == "李娜"
    assert dialog.windowTitle() == "Edit patient"
    qtbot.keyClicks(dialog.weight, "61")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        press_save(dialog)
    form, version = registry.service.load_form(pid)
    assert form.weight_kg == 61 and version == 2
    qtbot.waitUntil(lambda: window.view.current_patient_id() == pid, timeout=5000)


def test_concurrent_edit_is_reported_not_overwritten(qtbot, window, registry):
    pid = registry.ids["A1002"]
    window.edit_patient(pid)
    dialog = window.current_dialog()
    # meanwhile, another workstation saves the same patient
    other, version = registry.service.load_form(pid)
    other.phone = "010 1234 5678"
    registry.service.update(pid, other, version)

    qtbot.keyClicks(dialog.weight, "70")
    press_save(dialog)
    assert dialog.conflict_shown() and dialog.isVisible()
    assert "changed elsewhere" in dialog.banner.text()
    stored, _ = registry.service.load_form(pid)
    assert stored.phone == "010 1234 5678" and stored.weight_kg is None  # not overwritten

    dialog.reload_button.click()
    assert not dialog.conflict_shown()
    assert dialog.phone.text() == "010 1234 5678" and dialog.weight.text() == ""
    qtbot.keyClicks(dialog.weight, "70")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        press_save(dialog)
    stored, version = registry.service.load_form(pid)
    assert stored.weight_kg == 70 and stored.phone == "010 1234 5678" and version == 3
