"""Settings → Lab codes: the site's lab-feed file (local lab codes → analytes, where the patient
ID is, accepted assigning authorities), with a test on a pasted HL7 message.

The code map is edited as text, one mapping a line: ``L001 = ALP`` or ``骨胶原 = CTX ng/mL``
(code or name, ``=``, the analyte key, optionally the unit meant when a result comes without
one); ``#`` starts a comment. **Test** reads the pasted message with the settings as they are
in the tab (saved or not) and lists each OBX's outcome: the analyte it would be stored as, why
it would be skipped (its code and name) or rejected (the field). Save writes
:func:`app.services.site_settings.default_lab_feed_path` (what ``bonemet import-labs`` and the
lab review queue use).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.interop.lab_codes import CodeMapError
from app.interop.lab_feed_config import (
    LabFeedSettings,
    lab_feed_json,
    load_lab_feed_settings,
)
from app.interop.lab_files import LabFileError
from app.services.site_settings import SiteParamsError, write_text_atomic


def codes_text(settings: LabFeedSettings) -> str:
    lines = []
    for code, value in settings.codes.to_mapping().items():
        if isinstance(value, dict):
            lines.append(f"{code} = {value['analyte']} {value['unit']}")
        else:
            lines.append(f"{code} = {value}")
    return "\n".join(lines)


def parse_codes_text(text: str) -> dict[str, object]:
    """``{"code": "ALP" | {"analyte", "unit"}}`` of the editor text; CodeMapError naming the
    line."""
    out: dict[str, object] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        code, sep, rest = line.rpartition("=")
        parts = rest.split(None, 1)
        if not sep or not code.strip() or not parts:
            raise CodeMapError(f"line {n}: expected 'code = ANALYTE [unit]'")
        out[code.strip()] = ({"analyte": parts[0], "unit": parts[1].strip()} if len(parts) > 1
                             else parts[0])
    return out


class LabCodesTab(QWidget):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        try:
            current = load_lab_feed_settings(path if path.exists() else None)
            self.load_problem = None
        except CodeMapError as exc:
            current, self.load_problem = LabFeedSettings(), str(exc)
        self._authorities_text = ", ".join(self._written_authorities(path))
        self.file_note = QLabel(self)
        self.file_note.setWordWrap(True)
        self.codes = QPlainTextEdit(codes_text(current), self)
        self.id_fields = QLineEdit(", ".join(current.patient_id_fields), self)
        self.authorities = QLineEdit(self._authorities_text, self)
        self.sample = QPlainTextEdit(self)
        self.test_button = QPushButton(self)
        self.test_button.clicked.connect(self.run_test)
        self.result = QPlainTextEdit(self)
        self.result.setReadOnly(True)
        form = QFormLayout()
        self.codes_label, self.fields_label = QLabel(self), QLabel(self)
        self.auth_label, self.sample_label = QLabel(self), QLabel(self)
        for label, editor in ((self.codes_label, self.codes), (self.fields_label, self.id_fields),
                              (self.auth_label, self.authorities),
                              (self.sample_label, self.sample)):
            label.setBuddy(editor)
            form.addRow(label, editor)
        form.addRow(self.test_button, self.result)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_note)
        layout.addLayout(form)
        self.retranslate()

    @staticmethod
    def _written_authorities(path: Path) -> list[str]:
        import json

        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
            names = data.get("accepted_authorities", [])
            return [n for n in names if isinstance(n, str)]
        except (OSError, ValueError, AttributeError):
            return []

    def retranslate(self) -> None:
        note = self.tr("Lab-feed file: %1").replace("%1", str(self.path))
        if self.load_problem:
            note += "\n" + self.tr("It cannot be used: %1").replace("%1", self.load_problem)
        self.file_note.setText(note)
        self.codes_label.setText(self.tr("Local code &map (code = ANALYTE [unit]):"))
        self.fields_label.setText(self.tr("Patient &ID fields, in order:"))
        self.auth_label.setText(self.tr("Accepted assigning &authorities:"))
        self.sample_label.setText(self.tr("&HL7 message to test:"))
        self.test_button.setText(self.tr("&Test"))
        self.result.setAccessibleName(self.tr("Test result"))

    def settings(self) -> tuple[LabFeedSettings, list[str]]:
        """The settings as edited; CodeMapError naming the problem."""
        authorities = [a.strip() for a in self.authorities.text().split(",") if a.strip()]
        fields = [f.strip().upper() for f in self.id_fields.text().split(",") if f.strip()]
        settings = LabFeedSettings.from_mapping({
            "codes": parse_codes_text(self.codes.toPlainText()),
            "patient_id_fields": fields, "accepted_authorities": authorities})
        return settings, authorities

    def run_test(self) -> None:
        from app.interop.hl7_labs import parse_hl7_text

        try:
            settings, _ = self.settings()
            units = parse_hl7_text(self.sample.toPlainText(), today=date.today(),
                                   settings=settings)
        except (CodeMapError, LabFileError) as exc:
            self.result.setPlainText(str(exc))
            return
        lines: list[str] = []
        for u in units:
            lines.append(u.label)
            lines += [f"  {self.tr('rejected')}: {p}" for p in u.problems + u.rejected]
            for item in u.labs:
                lab = item.lab
                value = f"{lab.comparator or ''}{lab.value:g} {lab.unit}"
                lines.append(f"  {item.where}: {lab.analyte} {value}")
            lines += [f"  {self.tr('skipped')}: {s}" for s in u.skipped]
            lines += [f"  {self.tr('not mapped')}: {c!r} {n!r}" for c, n in u.skipped_codes]
            lines += [f"  {self.tr('note')}: {n}" for n in u.notes]
        self.result.setPlainText("\n".join(lines))

    def save(self) -> str | None:
        """Write the file if anything changed; the problem as text (None: saved)."""
        try:
            settings, authorities = self.settings()
        except CodeMapError as exc:
            return str(exc)
        text = lab_feed_json(settings, authorities)
        try:
            if self.path.exists() and self.path.read_text(encoding="utf-8") == text:
                return None
            if not self.path.exists() and settings == LabFeedSettings() and not authorities:
                return None
            write_text_atomic(self.path, text)
        except (OSError, SiteParamsError) as exc:
            return str(exc)
        return None
