"""Work-up pages 4–5: the imaging plan (recommended next study with its reason and evidence,
then each study's result) and the biopsy decision when the rules call for it.

Adding a study re-runs the rules: a positive bone scan leads to the confirmation step for that
region (the entry form is prefilled with the recommended study), a negative confirming MRI shows
the reassurance and the PET-CT option.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import case as C
from app.domain.context import WHOLE_BODY
from app.domain.names import region_text, source_text
from app.domain.workup import SENSITIVITY_NOTE, WorkupAnalysis
from app.domain.workup_entries import BiopsyEntry, StudyEntry, WorkupEntries
from app.ui.forms.choices import label
from app.ui.forms.fields import ChoiceInput
from app.ui.labels import bm_status_label, ui_lang
from app.ui.workup.page_base import BIOPSY, CONCLUSION, LESIONS, WorkupPage
from app.ui.workup.widgets import AdviceBox, DateField, basis_text, entry_table, evidence_text, pick


def _prefill_region(region: str | None) -> str | None:
    """The recommended region as typed into the form: the user's own region text unchanged
    (regions must keep matching the chart's), the whole body in the UI language (the domain
    reads both spellings, :data:`app.domain.context.WHOLE_BODY`)."""
    if region is not None and region.casefold() == WHOLE_BODY[0] and ui_lang() == "zh":
        return WHOLE_BODY[1]
    return region


class StudyForm(QWidget):
    """Entry of one study: date, modality, region, result, pattern, bone destruction.

    Return in the region field submits the study (``submitted``) instead of moving the wizard
    on; ``dirty`` tells whether the user changed the form since it was last added/prefilled.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = DateField(self)
        self.modality = ChoiceInput(C.MODALITIES, optional=False, parent=self)
        self.region = QLineEdit(self)
        self.result = ChoiceInput(C.IMAGING_RESULTS, parent=self)
        self.pattern = ChoiceInput(C.LESION_PATTERNS, parent=self)
        self.destruction = QCheckBox(self)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        for w in (self.date, self.modality, self.region, self.result, self.pattern,
                  self.destruction):
            self.form.addRow(QLabel(self), w)
        self.dirty = False
        self._quiet = False
        for combo in (self.modality, self.result, self.pattern):
            combo.changed.connect(self._touched)
        self.region.textEdited.connect(self._touched)
        self.destruction.toggled.connect(self._touched)
        self.date.dateChanged.connect(self._touched)
        self.region.installEventFilter(self)

    def _touched(self, *_args) -> None:
        if not self._quiet:
            self.dirty = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.region and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            self.submitted.emit()
            return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        labels = (self.tr("Study dat&e"), self.tr("M&odality"), self.tr("&Region"),
                  self.tr("Res&ult"), self.tr("Pa&ttern"), self.tr("Bone destruction"))
        for row, text in enumerate(labels):
            lab = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            lab.setText(text)
            lab.setBuddy(self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.destruction.setText(self.tr("&seen (cortical break, lysis)"))
        self.region.setPlaceholderText(self.tr("e.g. L3, left femur, whole body"))

    def entry(self) -> StudyEntry | None:
        """The study typed, or None while the region or the result is missing."""
        region, result = self.region.text().strip(), self.result.value()
        if not region or result is None:
            return None
        return StudyEntry(self.date.value(), self.modality.value() or "mri", region, result,
                          self.pattern.value(), True if self.destruction.isChecked() else None)

    def prefill(self, modality: str | None, region: str | None) -> None:
        self._quiet = True
        if modality:
            self.modality.set_value(modality)
        if region:
            self.region.setText(region)
        self.result.set_value(None)
        self.pattern.set_value(None)
        self.destruction.setChecked(False)
        self._quiet = False
        self.dirty = False


def _study_cells(s: StudyEntry) -> list[str]:
    return [s.date.isoformat(), label(s.modality), s.region, label(s.result),
            label(s.pattern) if s.pattern else "", "✓" if s.bone_destruction else ""]


class ImagingPage(WorkupPage):
    key = "imaging"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.studies: list[StudyEntry] = []
        self.advice = AdviceBox(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555; font-size: small;")
        self.model, self.table = entry_table(self, 6, 130)
        self.form = StudyForm(self)
        self.add_button = QPushButton(self)
        self.use_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_study)
        self.form.submitted.connect(self.add_study)
        self.use_button.clicked.connect(self.use_recommendation)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.use_button, self.add_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        self._recommended: tuple[str | None, str | None] = (None, None)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Imaging plan and results"))
        self.setSubTitle(self.tr("The recommended next study, then each study's result."))
        self.model.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Modality"), self.tr("Region"), self.tr("Result"),
            self.tr("Pattern"), self.tr("Destruction")])
        self.table.setAccessibleName(self.tr("Studies entered in this work-up"))
        self.form.retranslate()
        self.add_button.setText(self.tr("&Add study"))
        self.use_button.setText(self.tr("Use reco&mmendation"))
        self.remove_button.setText(self.tr("Remove selected (Del)"))
        self.note.setText(pick(*SENSITIVITY_NOTE))

    def _fill_table(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for s in self.studies:
            self.model.appendRow([QStandardItem(t) for t in _study_cells(s)])

    def load(self, e: WorkupEntries) -> None:
        self.studies = list(e.studies)
        self.form.date.set_value(e.visit_date)
        self.form.dirty = False
        self._fill_table()

    def store(self, e: WorkupEntries) -> None:
        e.studies = list(self.studies)

    def add_study(self) -> None:
        s = self.form.entry()
        if s is None:
            missing_region = not self.form.region.text().strip()
            (self.form.region if missing_region else self.form.result).setFocus()
            self.advice.show_advice(
                self.tr("Region required") if missing_region else self.tr("Result required"),
                self.tr("Enter the region the study covers.") if missing_region
                else self.tr("Choose the study's result."))
            return
        self.studies.append(s)
        self._fill_table()
        self._after_change(prefill=True)

    def validatePage(self) -> bool:
        """Do not move on while a study typed in the form has not been added."""
        if self.form.dirty and self.form.region.text().strip():
            self.advice.show_advice(
                self.tr("Study not added yet"),
                self.tr("Add the study in the form (Alt+A) or clear its region before going "
                        "on."))
            self.add_button.setFocus()
            return False
        return True

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for r in rows:
            del self.studies[r]
        if rows:
            self._fill_table()
            self._after_change(prefill=False)

    def _after_change(self, prefill: bool) -> None:
        w = self.wizard_()
        if w is None:
            return
        analysis = w.analysis()
        self.refresh(analysis)
        if prefill:
            self.use_recommendation()
        else:
            self.form.region.setFocus()

    def use_recommendation(self) -> None:
        modality, region = self._recommended
        self.form.prefill(modality, region)
        self.form.modality.setFocus()

    def refresh(self, analysis: WorkupAnalysis) -> None:
        r = analysis.recommendation
        self._recommended = (r.modality, _prefill_region(r.region))
        status = bm_status_label(analysis.status)
        if r.modality:
            alts = ", ".join(label(a) for a in r.alternatives)
            title = self.tr("Next: %1 — %2 (%3)").replace("%1", label(r.modality)).replace(
                "%2", region_text(r.region, ui_lang()) if r.region else "").replace(
                "%3", self._purpose(r.purpose))
            if alts:
                title += " · " + self.tr("alternatives: %1").replace("%1", alts)
        else:
            title = self.tr("No further study needed now (%1)").replace(
                "%1", self._purpose(r.purpose))
        rules = ", ".join(r.rules) if r.rules else self.tr("no rule fired")
        evidence = self.tr("Status now: %1 · Rules: %2 · Evidence: %3 — %4").replace(
            "%1", status).replace("%2", rules).replace("%3", evidence_text(r.evidence)).replace(
            "%4", source_text(r.source, ui_lang()))
        self.advice.show_advice(title, pick(r.text, r.text_zh), evidence)
        self.use_button.setEnabled(r.modality is not None)
        if not self.form.dirty and not self.form.region.text().strip():
            self.form.prefill(r.modality, _prefill_region(r.region))

    def _purpose(self, purpose: str) -> str:
        return {
            "urgent": self.tr("urgent"), "screening": self.tr("screening"),
            "confirmation": self.tr("confirmation"), "marrow": self.tr("marrow: MRI first"),
            "osteoblastic": self.tr("osteoblastic: CT / PET-CT"),
            "direct": self.tr("direct diagnosis"), "reassurance": self.tr("reassurance"),
            "biopsy": self.tr("biopsy"), "none": self.tr("nothing more called for"),
        }.get(purpose, purpose)

    def nextId(self) -> int:
        w = self.wizard_()
        if w is None:
            return CONCLUSION
        analysis = w.analysis()
        if analysis.status == "confirmed":
            return LESIONS
        return BIOPSY if analysis.biopsy else CONCLUSION


class BiopsyPage(WorkupPage):
    key = "biopsy"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.advice = AdviceBox(self)
        self.done = QCheckBox(self)
        self.date = DateField(self)
        self.region = QLineEdit(self)
        self.result = ChoiceInput(C.BIOPSY_RESULTS, optional=False, parent=self)
        self.form = QFormLayout()
        for w in (self.done, self.date, self.region, self.result):
            self.form.addRow(QLabel(self), w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.done.toggled.connect(self._enable)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Biopsy decision"))
        self.setSubTitle(self.tr("The rules call for a biopsy decision. Record a biopsy result "
                                 "if one is available; otherwise the MDT referral asks."))
        labels = (self.tr("Biopsy"), self.tr("Biopsy da&te"), self.tr("Biopsy &region"),
                  self.tr("Biopsy res&ult"))
        for row, text in enumerate(labels):
            lab = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            lab.setText(text)
            lab.setBuddy(self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.done.setText(self.tr("a biopsy result is &available"))

    def _enable(self) -> None:
        for w in (self.date, self.region, self.result):
            w.setEnabled(self.done.isChecked())

    def refresh(self, analysis: WorkupAnalysis) -> None:
        parts = [pick(f.message, f.message_zh) for f in analysis.biopsy]
        sources = "; ".join(f"{f.rule}: {basis_text(f.evidence, f.source)}"
                            for f in analysis.biopsy)
        self.advice.show_advice(self.tr("Biopsy"), "\n".join(parts),
                                self.tr("Evidence: %1").replace("%1", sources))
        if not self.region.text() and analysis.recommendation.region:
            self.region.setText(_prefill_region(analysis.recommendation.region))

    def load(self, e: WorkupEntries) -> None:
        b = e.biopsies[0] if e.biopsies else None
        self.done.setChecked(b is not None)
        self.date.set_value(e.visit_date if b is None else b.date)
        self.region.setText("" if b is None else b.region)
        if b is not None:
            self.result.set_value(b.result)

    def store(self, e: WorkupEntries) -> None:
        region = self.region.text().strip()
        e.biopsies = ([BiopsyEntry(self.date.value(), region, self.result.value() or "negative")]
                      if self.done.isChecked() and region else [])

    def nextId(self) -> int:
        w = self.wizard_()
        if (w is not None and LESIONS not in w.visitedIds()
                and w.analysis().status == "confirmed"):
            return LESIONS
        return CONCLUSION

    def validatePage(self) -> bool:
        if self.done.isChecked() and not self.region.text().strip():
            self.region.setFocus()
            return False
        return True
