"""The Settings dialog (File → Settings…, Ctrl+,): rule parameters with defaults, changed
values marked in words, per-field validation, Restore defaults, saving only non-defaults;
clinic details for the care plans; language."""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.domain.params import DEFAULTS
from app.services.careplan_settings import default_careplan_settings_path, load_careplan_settings
from app.services.site_settings import SiteParams, read_params_file
from app.ui.printing.careplan_print import careplan_site_settings
from app.ui.settings.install import install_settings
from app.ui.settings.params_tab import PARAMETER_NAMES


def make_hub(window, tmp_path, params=DEFAULTS):
    site = SiteParams(params, tmp_path / "site" / "parameters.json", params != DEFAULTS)
    return install_settings(window, site)


def open_dialog(qtbot, window, tmp_path, params=DEFAULTS):
    hub = make_hub(window, tmp_path, params)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: hub.dialog is not None and hub.dialog.isVisible(), timeout=2000)
    return hub, hub.dialog


def test_menu_entry_and_every_parameter_listed_with_its_default(qtbot, window, tmp_path):
    hub, dialog = open_dialog(qtbot, window, tmp_path)
    assert hub.act_settings in window.menu_file.actions()
    assert hub.act_settings.shortcut().toString() == "Ctrl+,"
    tab = dialog.params_tab
    assert set(tab.rows) == set(PARAMETER_NAMES) == set(DEFAULTS.as_dict())
    assert tab.rows["lsc_ctx"].default.text() == "0.30"
    assert tab.rows["rebound_checks_days"].default.text() == "90, 180, 270, 365"
    assert tab.rows["enable_biomarker_workup"].default.text() == "on"
    assert all(row.status.text() == "Default" for row in tab.rows.values())
    assert "parameters.json" in dialog.file_label.text()
    dialog.reject()


def test_bad_values_get_a_message_and_block_saving(qtbot, window, tmp_path):
    hub, dialog = open_dialog(qtbot, window, tmp_path)
    tab = dialog.params_tab
    tab.rows["rebound_checks_days"].editor.setText("90, soon")
    status = tab.rows["rebound_checks_days"].status.text()
    assert "Invalid" in status and "\"soon\" is not a whole number" in status
    tab.rows["ctx_uln_ng_ml"].editor.setValue(0)
    assert "Must be greater than 0" in tab.rows["ctx_uln_ng_ml"].status.text()
    tab.rows["calcium_uln_mmol_l"].editor.setValue(2.0)  # below the lower limit 2.10
    assert "above the calcium lower limit" in tab.rows["calcium_uln_mmol_l"].status.text()
    assert not dialog.save()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.tabs.currentWidget() is tab
    assert not hub.site.path.exists()  # nothing written
    tab.restore_defaults()
    assert tab.problems() == {}
    assert tab.rows["rebound_checks_days"].editor.text() == "90, 180, 270, 365"
    dialog.reject()


def test_saving_writes_only_the_changed_values_and_says_restart(qtbot, window, tmp_path):
    hub, dialog = open_dialog(qtbot, window, tmp_path)
    tab = dialog.params_tab
    tab.rows["lsc_ctx"].editor.setValue(0.5)
    tab.rows["enable_biomarker_workup"].editor.setChecked(False)
    tab.rows["rebound_checks_days"].editor.setText("180, 90")
    assert "Changed" in tab.rows["lsc_ctx"].status.text()  # said in words
    assert tab.rows["lookback_days"].status.text() == "Default"
    assert "Changed" in tab.rows["rebound_checks_days"].status.text()
    assert dialog.save()
    assert json.loads(hub.site.path.read_text(encoding="utf-8")) == {
        "lsc_ctx": 0.5, "enable_biomarker_workup": False, "rebound_checks_days": [90, 180]}
    qtbot.waitUntil(lambda: hub.notice is not None and hub.notice.isVisible(), timeout=2000)
    assert "restart" in hub.notice.text().lower()
    hub.notice.accept()
    assert hub.saved == read_params_file(hub.site.path)
    # reopened: shows the saved values and that they await a restart
    dialog = hub.open_settings()
    assert dialog.params_tab.rows["lsc_ctx"].editor.value() == 0.5
    assert "differ from the ones in use" in dialog.file_label.text()
    dialog.reject()


def test_a_site_file_value_shows_as_changed_and_is_kept_exactly(qtbot, window, tmp_path):
    site_values = replace(DEFAULTS, calcium_uln_mmol_l=2.655, lookback_days=4000)
    hub, dialog = open_dialog(qtbot, window, tmp_path, site_values)
    tab = dialog.params_tab
    assert tab.rows["calcium_uln_mmol_l"].editor.value() == 2.655  # not rounded to 2.66
    assert tab.rows["lookback_days"].editor.value() == 4000  # beyond the usual range
    assert "Changed" in tab.rows["calcium_uln_mmol_l"].status.text()
    assert tab.params() == site_values
    dialog.reject()


def test_clinic_details_are_stored_for_the_care_plans(qtbot, window, tmp_path):
    hub, dialog = open_dialog(qtbot, window, tmp_path)
    fields = dialog.clinic_tab.fields
    fields["name"].setText("Bone Metastasis Clinic")
    fields["phone"].setText("010-1234 5678")
    dialog.clinic_tab.calcium_target.setChecked(True)
    assert dialog.save()
    assert not hub.site.path.exists()  # rule parameters unchanged: no file written
    saved = load_careplan_settings()  # the file bonemet careplan reads too
    assert saved.clinic.name == "Bone Metastasis Clinic" and saved.calcium_target
    site, problem = careplan_site_settings()
    assert problem is None and site.clinic.phone == "010-1234 5678"
    dialog = hub.open_settings()
    assert dialog.clinic_tab.fields["name"].text() == "Bone Metastasis Clinic"
    assert dialog.clinic_tab.calcium_target.isChecked()
    dialog.reject()


def test_clinic_details_of_an_older_version_are_offered(qtbot, window, tmp_path):
    QSettings().setValue("clinic/phone", "010-7777")
    try:
        hub, dialog = open_dialog(qtbot, window, tmp_path)
        assert not default_careplan_settings_path().exists()
        assert dialog.clinic_tab.fields["phone"].text() == "010-7777"
        assert dialog.save()
        assert load_careplan_settings().clinic.phone == "010-7777"
    finally:
        QSettings().remove("clinic/phone")


def test_language_tab_applies_the_language(qtbot, window, tmp_path):
    hub, dialog = open_dialog(qtbot, window, tmp_path)
    chosen: list[str] = []
    window.set_language = chosen.append  # the window's own switch (tested elsewhere)
    combo = dialog.language_tab.combo
    combo.setCurrentIndex(combo.findData("zh_CN"))
    assert dialog.save()
    assert chosen == ["zh_CN"]
