"""The Settings dialog: rule parameters (the site file), clinic details, language.

- **Rule parameters** (:class:`app.ui.settings.params_tab.ParamsTab`): saved to the site's
  parameter file (only the values that differ from the defaults). BoneMet keeps the parameters
  it loaded at start-up until it is restarted — the tab says so, and says when the saved file
  differs from the values in use.
- **Clinic**: the name and phone numbers printed on patients' care plans (settings
  ``clinic/name``, ``clinic/phone``, ``clinic/after_hours_phone``, ``clinic/address``); used
  from the next printout.
- **Language** of the user interface (the same setting as View → Language); applies at once.

Save validates every tab first; a value that cannot be used keeps the dialog open with the
field's message shown and the focus on it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.params import Params
from app.services.site_settings import SiteParamsError, save_site_params
from app.ui.actions import save_action
from app.ui.app import LANGUAGES
from app.ui.settings.params_tab import ParamsTab

CLINIC_KEYS: tuple[str, ...] = ("name", "phone", "after_hours_phone", "address")
# Language names are shown in their own language (a reader must find theirs).
_LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文 (简体)"}


class ClinicTab(QWidget):
    """The clinic's contact details for the care plans."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicTab")
        store = QSettings()
        labels = {
            "name": self.tr("Clinic &name:"),
            "phone": self.tr("&Phone:"),
            "after_hours_phone": self.tr("&After-hours phone:"),
            "address": self.tr("A&ddress:"),
        }
        intro = QLabel(self.tr(
            "Printed on patients' care plans so that they know whom to call. Empty fields are "
            "left out. Used from the next printout."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key in CLINIC_KEYS:
            edit = QLineEdit(str(store.value(f"clinic/{key}", "") or ""), self)
            edit.setObjectName(f"clinic_{key}")
            edit.setMaxLength(200)
            edit.setAccessibleName(labels[key].replace("&", "").rstrip(":："))
            form.addRow(labels[key], edit)
            self.fields[key] = edit
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)

    def save(self) -> None:
        store = QSettings()
        for key, edit in self.fields.items():
            store.setValue(f"clinic/{key}", edit.text().strip())
        store.sync()


class LanguageTab(QWidget):
    """The user-interface language (same setting as View → Language)."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageTab")
        self.combo = QComboBox(self)
        self.combo.setObjectName("languageCombo")
        for code in LANGUAGES:
            self.combo.addItem(_LANGUAGE_NAMES[code], code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.setAccessibleName(self.tr("User-interface language"))
        note = QLabel(self.tr("The language of menus and windows (also in View → Language). "
                              "Applies at once when you save."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.combo.setMinimumWidth(220)
        form.addRow(self.tr("&Language:"), self.combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)

    def language(self) -> str:
        return str(self.combo.currentData())


class SettingsDialog(QDialog):
    """Edits the site's settings; ``paramsSaved(Params)`` after the parameter file is written,
    ``languageChosen(str)`` when a different language is saved."""

    paramsSaved = Signal(object)
    languageChosen = Signal(str)

    def __init__(self, *, path: Path, in_use: Params, saved: Params, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._path = path
        self._in_use = in_use
        self._saved = saved
        self._language = language

        self.params_tab = ParamsTab(saved, self)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("paramsFileNote")
        self.file_label.setWordWrap(True)
        self.params_tab.layout().insertWidget(1, self.file_label)
        self.params_tab.changed.connect(self._update_note)
        self.clinic_tab = ClinicTab(self)
        self.language_tab = LanguageTab(language, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.params_tab, self.tr("&Rule parameters"))
        self.tabs.addTab(self.clinic_tab, self.tr("&Clinic"))
        self.tabs.addTab(self.language_tab, self.tr("Lan&guage"))

        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        save_action(self, self.save)  # Ctrl+S / Ctrl+Enter

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._update_note()
        self.resize(980, 740)

    def _update_note(self) -> None:
        lines = [self.tr("Parameter file: %1").replace("%1", str(self._path))]
        if not self._path.exists():
            lines[0] += " " + self.tr("(not created yet: the rule book's defaults are in use)")
        if self._saved != self._in_use:
            lines.append(self.tr("The saved parameters differ from the ones in use: they take "
                                 "effect when BoneMet is restarted."))
        else:
            lines.append(self.tr("Changes take effect when BoneMet is restarted."))
        self.file_label.setText("\n".join(lines))

    def save(self) -> bool:
        """Validate, write the parameter file (if it changed) and the clinic settings, apply
        the language; closes the dialog. False (dialog stays open) on a problem."""
        params = self.params_tab.params()
        if params is None:
            self.tabs.setCurrentWidget(self.params_tab)
            self.error.setText(self.tr(
                "Some rule parameters cannot be used (marked \"Invalid\"). Correct them, or "
                "Restore defaults, before saving."))
            self.error.show()
            editor = self.params_tab.first_problem_editor()
            if editor is not None:
                editor.setFocus()
            return False
        if params != self._saved:
            try:
                save_site_params(params, self._path)
            except SiteParamsError as exc:
                self.error.setText(self.tr("The rule parameters could not be saved: %1")
                                   .replace("%1", str(exc)))
                self.error.show()
                return False
            self._saved = params
            self.paramsSaved.emit(params)
        self.clinic_tab.save()
        language = self.language_tab.language()
        if language != self._language:
            self.languageChosen.emit(language)
        self.error.hide()
        self.accept()
        return True
