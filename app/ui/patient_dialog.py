"""Add / edit a patient's registration details (MRN, name, sex, birth date, weight,
osteoporosis, printout language, phone).

Nothing is saved until every field is valid: the service's field error codes are shown as
translated messages right under the field concerned (the field also gets them as its
accessible description). A duplicate MRN (even one registered meanwhile on another
workstation) lands on the MRN field; a concurrent edit is reported in a banner with a button
to reload the current details — never silently overwritten.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.registry import (
    ConcurrentEditError,
    FieldError,
    PatientForm,
    RegistryService,
    ValidationFailed,
)
from app.ui import labels
from app.ui.actions import save_action

translate = QCoreApplication.translate

FIELDS = ("mrn", "name", "sex", "birth_date", "weight_kg", "osteoporosis", "language", "phone")
_ERROR_STYLE = "color: #b00020;"


def error_message(field: str, code: str, fallback: str = "") -> str:
    """The translated message for a service error code (the English fallback if unknown)."""
    messages = {
        ("mrn", "required"): translate("PatientDialog", "Enter the MRN (medical record number)."),
        ("mrn", "duplicate"): translate("PatientDialog", "Another patient already has this MRN."),
        ("mrn", "too_long"): translate("PatientDialog", "The MRN is too long."),
        ("mrn", "bad_chars"): translate(
            "PatientDialog", "The MRN contains characters that are not allowed."
        ),
        ("name", "too_long"): translate("PatientDialog", "The name is too long."),
        ("sex", "invalid"): translate("PatientDialog", "Choose the sex from the list."),
        ("birth_date", "future"): translate("PatientDialog", "The birth date is in the future."),
        ("birth_date", "too_old"): translate(
            "PatientDialog", "The birth date is more than 120 years ago."
        ),
        ("birth_date", "too_young"): translate(
            "PatientDialog", "The patient must be at least 18 years old."
        ),
        ("birth_date", "format"): translate(
            "PatientDialog", "Enter the date as YYYY-MM-DD, e.g. 1958-03-21."
        ),
        ("weight_kg", "out_of_range"): translate(
            "PatientDialog", "The weight must be between 20 and 300 kg."
        ),
        ("weight_kg", "format"): translate(
            "PatientDialog", "Enter the weight in kg as a number, e.g. 62.5."
        ),
        ("language", "invalid"): translate("PatientDialog", "Choose Chinese or English."),
        ("phone", "invalid"): translate(
            "PatientDialog", "Enter a valid phone number (digits, spaces, +, -)."
        ),
    }
    return (
        messages.get((field, code))
        or fallback
        or translate("PatientDialog", "This value is not valid.")
    )


class PatientDialog(QDialog):
    """The add (``patient_id is None``) or edit dialog. Emits ``saved(patient_id, mrn)``."""

    saved = Signal(int, str)

    def __init__(
        self,
        service: RegistryService,
        patient_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patientDialog")
        self._service = service
        self._patient_id = patient_id
        self._version: int | None = None
        self._tried = False  # after a failed save, re-check as the user edits

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fde7e9; color: #7a0012; padding: 6px;")
        self.banner.hide()
        self.reload_button = QPushButton(self)
        self.reload_button.hide()
        self.reload_button.clicked.connect(self.reload)

        self.mrn = QLineEdit(self)
        self.name = QLineEdit(self)
        self.sex = QComboBox(self)
        self.birth_date = QLineEdit(self)
        self.weight = QLineEdit(self)
        self.osteoporosis = QComboBox(self)
        self.language = QComboBox(self)
        self.phone = QLineEdit(self)
        self.editors: dict[str, QWidget] = {
            "mrn": self.mrn,
            "name": self.name,
            "sex": self.sex,
            "birth_date": self.birth_date,
            "weight_kg": self.weight,
            "osteoporosis": self.osteoporosis,
            "language": self.language,
            "phone": self.phone,
        }
        self.error_labels: dict[str, QLabel] = {}
        self.field_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for field in FIELDS:
            editor = self.editors[field]
            editor.setObjectName(f"field_{field}")
            caption = QLabel(self)
            caption.setBuddy(editor)
            error = QLabel(self)
            error.setObjectName(f"error_{field}")
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(error)
            form.addRow(caption, column)
            self.field_labels[field] = caption
            self.error_labels[field] = error

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_action(self, self.save)  # Ctrl+S / Ctrl+Enter
        outer = QVBoxLayout(self)
        outer.addWidget(self.banner)
        outer.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addLayout(form)
        outer.addWidget(self.buttons)

        self.setMinimumWidth(500)
        self.retranslate()
        for edit in (self.mrn, self.name, self.birth_date, self.weight, self.phone):
            edit.textEdited.connect(self._recheck)
        for combo in (self.sex, self.osteoporosis, self.language):
            combo.currentIndexChanged.connect(self._recheck)
        if patient_id is not None:
            self.reload()  # LookupError propagates: the caller reports "not found"
        self.mrn.setFocus()

    # ----- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        editing = self._patient_id is not None
        self.setWindowTitle(self.tr("Edit patient") if editing else self.tr("New patient"))
        captions = {
            "mrn": self.tr("&MRN:"),
            "name": self.tr("&Name:"),
            "sex": self.tr("&Sex:"),
            "birth_date": self.tr("&Birth date:"),
            "weight_kg": self.tr("&Weight (kg):"),
            "osteoporosis": self.tr("&Osteoporosis:"),
            "language": self.tr("Printout &language:"),
            "phone": self.tr("&Phone:"),
        }
        for field, text in captions.items():
            self.field_labels[field].setText(text)
            self.editors[field].setAccessibleName(text.replace("&", "").rstrip(":："))
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.weight.setPlaceholderText(self.tr("e.g. 62.5"))
        self.mrn.setPlaceholderText(self.tr("required"))
        self.reload_button.setText(self.tr("&Reload current details"))
        self._fill_combo(
            self.sex,
            [(None, self.tr("Not recorded"))]
            + [(code, labels.sex_label(code)) for code in ("female", "male", "other", "unknown")],
        )
        self._fill_combo(
            self.osteoporosis,
            [
                (None, self.tr("Not recorded")),
                (True, self.tr("Yes")),
                (False, self.tr("No")),
            ],
        )
        self._fill_combo(
            self.language,
            [
                ("zh", labels.language_label("zh")),
                ("en", labels.language_label("en")),
            ],
        )

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[object, str]]) -> None:
        current = combo.currentData() if combo.count() else items[0][0]
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # ----- form <-> widgets --------------------------------------------------------------
    def reload(self) -> None:
        """(Re)load the stored details and version (discarding edits in this dialog)."""
        assert self._patient_id is not None
        form, version = self._service.load_form(self._patient_id)
        self._version = version
        self.set_form(form)
        self.banner.hide()
        self.reload_button.hide()
        self.clear_errors()

    def set_form(self, form: PatientForm) -> None:
        self.mrn.setText(form.mrn)
        self.name.setText(form.name or "")
        self.sex.setCurrentIndex(max(0, self.sex.findData(form.sex)))
        self.birth_date.setText(form.birth_date.isoformat() if form.birth_date else "")
        self.weight.setText(QLocale().toString(form.weight_kg) if form.weight_kg else "")
        self.osteoporosis.setCurrentIndex(max(0, self.osteoporosis.findData(form.osteoporosis)))
        self.language.setCurrentIndex(max(0, self.language.findData(form.language)))
        self.phone.setText(form.phone or "")

    def read_form(self) -> tuple[PatientForm, list[FieldError]]:
        """The form as entered, and the errors found before asking the service (formats)."""
        errors: list[FieldError] = []
        birth: date | None = None
        text = self.birth_date.text().strip()
        if text:
            try:
                birth = date.fromisoformat(text)
            except ValueError:
                errors.append(FieldError("birth_date", "format", "not a date (YYYY-MM-DD)"))
        weight: float | None = None
        text = self.weight.text().strip()
        if text:
            value, ok = QLocale().toDouble(text)
            if not ok:
                try:
                    value, ok = float(text), True
                except ValueError:
                    ok = False
            if ok:
                weight = value
            else:
                errors.append(FieldError("weight_kg", "format", "not a number"))
        form = PatientForm(
            mrn=self.mrn.text().strip(),
            name=self.name.text().strip() or None,
            sex=self.sex.currentData(),
            birth_date=birth,
            weight_kg=weight,
            osteoporosis=self.osteoporosis.currentData(),
            language=self.language.currentData() or "zh",
            phone=self.phone.text().strip() or None,
        )
        return form, errors

    # ----- validation --------------------------------------------------------------------
    def check(self) -> tuple[PatientForm, list[FieldError]]:
        form, errors = self.read_form()
        failed = {e.field for e in errors}
        errors += [
            e for e in self._service.validate(form, self._patient_id) if e.field not in failed
        ]
        self.show_errors(errors)
        return form, errors

    def clear_errors(self) -> None:
        self.show_errors([])

    def show_errors(self, errors: list[FieldError], *, move_focus: bool = True) -> None:
        by_field: dict[str, list[str]] = {}
        for e in errors:
            by_field.setdefault(e.field, []).append(error_message(e.field, e.code, e.message))
        for field in FIELDS:
            label = self.error_labels[field]
            messages = by_field.get(field)
            label.setText(" ".join(messages) if messages else "")
            label.setVisible(bool(messages))
            self.editors[field].setAccessibleDescription(label.text())
        self._fit()
        first = next((f for f in FIELDS if f in by_field), None)
        if first is not None and move_focus and self.isVisible():
            self.editors[first].setFocus()

    def _fit(self) -> None:
        """Grow (never shrink below what the user chose) so wrapped messages are not clipped."""
        self.layout().activate()
        hint = self.sizeHint()
        if hint.height() > self.height() or hint.width() > self.width():
            self.resize(max(hint.width(), self.width()), max(hint.height(), self.height()))

    def error_text(self, field: str) -> str:
        """The message shown under a field ('' when none)."""
        label = self.error_labels[field]
        return label.text() if not label.isHidden() else ""

    def _recheck(self) -> None:
        if self._tried:
            form, errors = self.read_form()
            failed = {e.field for e in errors}
            errors += [
                e for e in self._service.validate(form, self._patient_id) if e.field not in failed
            ]
            self.show_errors(errors, move_focus=False)  # never steal focus while typing

    # ----- saving ------------------------------------------------------------------------
    def save(self) -> bool:
        """Validate and save; True when saved (and the dialog accepted)."""
        self._tried = True
        form, errors = self.check()
        if errors:
            return False
        try:
            if self._patient_id is None:
                row = self._service.create(form)
            else:
                assert self._version is not None
                row = self._service.update(self._patient_id, form, self._version)
        except ValidationFailed as exc:  # e.g. the MRN was taken meanwhile
            self.show_errors(list(exc.errors))
            return False
        except ConcurrentEditError:
            self.show_conflict()
            return False
        self._patient_id, self._version = row.id, row.version
        self.saved.emit(row.id, row.mrn)
        self.accept()
        return True

    def show_conflict(self) -> None:
        self.banner.setText(
            self.tr(
                "Not saved: this patient was changed elsewhere (another window or workstation) "
                "after you opened it. Reload the current details, then make your changes again."
            )
        )
        self.banner.show()
        self.reload_button.show()
        self.reload_button.setFocus()

    def conflict_shown(self) -> bool:
        return not self.banner.isHidden()
