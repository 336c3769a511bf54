"""The Settings dialog: rule parameters (the site file), clinic details, language.

- **Rule parameters** (:class:`app.ui.settings.params_tab.ParamsTab`): saved to the site's
  parameter file (only the values that differ from the defaults). BoneMet keeps the parameters
  it loaded at start-up until it is restarted — the tab says so, and says when the saved file
  differs from the values in use.
- **Clinic**: the name, phone numbers and address printed on patients' care plans, and whether
  the plans print the 1000–1200 mg daily calcium target — the site's care-plan settings file
  (:mod:`app.services.careplan_settings`), which ``bonemet careplan`` reads too; used from the
  next printout. Details saved by older versions (settings ``clinic/*``) are offered until the
  file is first saved.
- **Backups**: the scheduled start-up backup and how many are kept
  (:mod:`app.ui.settings.backup_tab`).
- **Language** of the user interface (the same setting as View → Language); applies at once.
- **Lab codes** (:class:`app.ui.settings.lab_codes_tab.LabCodesTab`): the site's lab-feed file
  (local lab codes → analytes, patient-ID fields, accepted authorities) with a test on a
  pasted HL7 message.
- **Lab feeds** (:class:`app.ui.settings.lab_feeds_tab.LabFeedsTab`): the network listener and
  the watched folder run with the app; saved to the site's ``lab-intake.json`` and applied at
  once (``labFeedsSaved``).

Save validates every tab first; a value that cannot be used keeps the dialog open with the
field's message shown and the focus on it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

from app.domain.careplan import Clinic
from app.domain.params import Params
from app.services.careplan_settings import (
    CarePlanSettings,
    default_careplan_settings_path,
    load_careplan_settings,
    save_careplan_settings,
)
from app.services.lab_intake_settings import IntakeSettingsError, save_intake_settings
from app.services.site_settings import SiteParamsError, default_lab_feed_path, save_site_params
from app.ui.actions import save_action
from app.ui.app import LANGUAGES
from app.ui.settings.backup_tab import BackupTab
from app.ui.settings.lab_codes_tab import LabCodesTab
from app.ui.settings.lab_feeds_tab import LabFeedsTab
from app.ui.settings.params_tab import ParamsTab

CLINIC_KEYS: tuple[str, ...] = ("name", "phone", "after_hours_phone", "address")
# Language names are shown in their own language (a reader must find theirs).
_LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文 (简体)"}


def _legacy_clinic() -> Clinic:
    """Clinic details an older version kept in the Qt settings (``clinic/*``)."""
    store = QSettings()
    return Clinic(*(str(store.value(f"clinic/{k}", "") or "").strip() or None
                    for k in CLINIC_KEYS))


class ClinicTab(QWidget):
    """The clinic's contact details and the calcium target for the care plans (the site's
    care-plan settings file)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicTab")
        self.path = default_careplan_settings_path()
        problem = None
        try:
            settings = load_careplan_settings(self.path)
        except SiteParamsError as exc:
            settings, problem = CarePlanSettings(), exc.problem
        clinic = settings.clinic if self.path.exists() else _legacy_clinic()
        labels = {
            "name": self.tr("Clinic &name:"),
            "phone": self.tr("&Phone:"),
            "after_hours_phone": self.tr("&After-hours phone:"),
            "address": self.tr("A&ddress:"),
        }
        intro = QLabel(self.tr(
            "Printed on patients' care plans so that they know whom to call. Empty fields are "
            "left out; without a phone number the plan prints a line to write it on. Used from "
            "the next printout, in the app and by \"bonemet careplan\"."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key in CLINIC_KEYS:
            edit = QLineEdit(getattr(clinic, key) or "", self)
            edit.setObjectName(f"clinic_{key}")
            edit.setMaxLength(200)
            edit.setAccessibleName(labels[key].replace("&", "").rstrip(":："))
            form.addRow(labels[key], edit)
            self.fields[key] = edit
        self.calcium_target = QCheckBox(self.tr(
            "Print a daily calcium &target of 1000–1200 mg (food and tablets together)"), self)
        self.calcium_target.setObjectName("clinic_calcium_target")
        self.calcium_target.setChecked(settings.calcium_target)
        form.addRow(self.calcium_target)
        note = QLabel(self.tr("Saved in %1").replace("%1", str(self.path)), self)
        note.setWordWrap(True)
        if problem:
            note.setText(self.tr("The care-plan settings file cannot be used (%1): saving "
                                 "replaces it.").replace("%1", problem))
            note.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)

    def settings(self) -> CarePlanSettings:
        clinic = Clinic(*(self.fields[k].text().strip() or None for k in CLINIC_KEYS))
        return CarePlanSettings(clinic, self.calcium_target.isChecked())

    def save(self) -> None:
        """Write the settings file; raises :class:`SiteParamsError` when it cannot."""
        save_careplan_settings(self.settings(), self.path)


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
    ``languageChosen(str)`` when a different language is saved, ``labFeedsSaved(
    LabIntakeSettings)`` after the lab intake settings are written."""

    paramsSaved = Signal(object)
    languageChosen = Signal(str)
    labFeedsSaved = Signal(object)

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
        self.backup_tab = BackupTab(self)
        self.language_tab = LanguageTab(language, self)
        self.lab_tab = LabCodesTab(default_lab_feed_path(), self)
        self.lab_feeds_tab = LabFeedsTab(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.params_tab, self.tr("&Rule parameters"))
        self.tabs.addTab(self.clinic_tab, self.tr("&Clinic"))
        self.tabs.addTab(self.backup_tab, self.tr("&Backups"))
        self.tabs.addTab(self.language_tab, self.tr("Lan&guage"))
        self.tabs.addTab(self.lab_tab, self.tr("Lab anal&yte codes"))
        self.tabs.addTab(self.lab_feeds_tab, self.tr("Lab &feeds"))

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
        problem = self.lab_tab.save()
        if problem is not None:
            self.tabs.setCurrentWidget(self.lab_tab)
            self.error.setText(self.tr("The lab codes could not be saved: %1")
                               .replace("%1", problem))
            self.error.show()
            return False
        feeds, problem = self.lab_feeds_tab.settings()
        if feeds is None:
            self.tabs.setCurrentWidget(self.lab_feeds_tab)
            self.error.setText(self.tr("Lab feeds: %1").replace("%1", problem or ""))
            self.error.show()
            if self.lab_feeds_tab.problem_widget is not None:
                self.lab_feeds_tab.problem_widget.setFocus()
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
        if feeds != self.lab_feeds_tab.saved or self.lab_feeds_tab.load_problem:
            try:
                save_intake_settings(feeds, self.lab_feeds_tab.path)
            except IntakeSettingsError as exc:
                self.error.setText(self.tr("The lab-feed settings could not be saved: %1")
                                   .replace("%1", str(exc)))
                self.error.show()
                return False
            self.lab_feeds_tab.saved = feeds
            self.labFeedsSaved.emit(feeds)
        try:
            self.clinic_tab.save()
        except SiteParamsError as exc:
            self.tabs.setCurrentWidget(self.clinic_tab)
            self.error.setText(self.tr("The clinic details could not be saved: %1")
                               .replace("%1", str(exc)))
            self.error.show()
            return False
        self.backup_tab.save()
        language = self.language_tab.language()
        if language != self._language:
            self.languageChosen.emit(language)
        self.error.hide()
        self.accept()
        return True
