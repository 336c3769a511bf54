"""Work-up pages 1–2: presentation (bone pain, neurological deficit, other symptoms), the urgent
spinal-cord-compression page (WU-MSCC), and the risk profile prefilled from the chart."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import case as C
from app.domain.names import source_text
from app.domain.workup import WorkupAnalysis
from app.domain.workup_entries import MSCC_ACTIONS, WorkupEntries
from app.ui.forms.fields import BoolInput, ChoiceInput
from app.ui.labels import ui_lang
from app.ui.workup.page_base import CONCLUSION, RISK, URGENT, WorkupPage
from app.ui.workup.widgets import AdviceBox, DateField, basis_text, pick


class PresentationPage(WorkupPage):
    key = "presentation"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit_date = DateField(self)
        self.pain = QCheckBox(self)
        self.pattern = ChoiceInput(C.PAIN_PATTERNS, parent=self)
        self.site = QLineEdit(self)
        self.mechanical = BoolInput(self)
        self.neuro = QCheckBox(self)
        self.neuro_site = QLineEdit(self)
        self.neuro_hint = QLabel(self)
        self.neuro_hint.setWordWrap(True)
        self.other = QPlainTextEdit(self)
        self.other.setTabChangesFocus(True)
        self.other.setMaximumHeight(70)
        self.form = QFormLayout()
        for w in (self.visit_date, self.pain, self.pattern, self.site, self.mechanical,
                  self.neuro, self.neuro_site, self.other):
            self.form.addRow(QLabel(self), w)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.neuro_hint)
        layout.addStretch(1)
        self.pain.toggled.connect(self._enable)
        self.neuro.toggled.connect(self._enable)
        self.neuro.toggled.connect(lambda _on: self.completeChanged.emit())
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Presentation"))
        self.setSubTitle(self.tr("Bone pain, neurological deficit and other symptoms today."))
        labels = (self.tr("&Visit date"), self.tr("Bone pa&in"), self.tr("Pain &pattern"),
                  self.tr("Pain &site"), self.tr("&Mechanical pain"),
                  self.tr("Ne&urological deficit"), self.tr("Deficit d&escription"),
                  self.tr("&Other symptoms"))
        for row, text in enumerate(labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            lab = item.widget()
            lab.setText(text)
            lab.setBuddy(self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.pain.setText(self.tr("present"))
        self.neuro.setText(self.tr("limb weakness, numbness or sphincter disturbance"))
        self.site.setPlaceholderText(self.tr("e.g. L3, left femur"))
        self.neuro_site.setPlaceholderText(self.tr("e.g. new weakness of both legs"))
        self.neuro_hint.setText(self.tr(
            "A neurological deficit leads at once to the urgent spinal-cord-compression page."))

    def _enable(self) -> None:
        on = self.pain.isChecked()
        for w in (self.pattern, self.site, self.mechanical):
            w.setEnabled(on)
        self.neuro_site.setEnabled(self.neuro.isChecked())

    def load(self, e: WorkupEntries) -> None:
        self.visit_date.set_value(e.visit_date)
        self.pain.setChecked(e.bone_pain)
        self.pattern.set_value(e.pain_pattern)
        self.site.setText(e.pain_site)
        self.mechanical.set_value(e.pain_mechanical)
        self.neuro.setChecked(e.neuro_deficit)
        self.neuro_site.setText(e.neuro_site)
        self.other.setPlainText(e.other_symptoms)

    def store(self, e: WorkupEntries) -> None:
        e.visit_date = self.visit_date.value()
        e.bone_pain = self.pain.isChecked()
        e.pain_pattern = self.pattern.value() if e.bone_pain else None
        e.pain_site = self.site.text().strip() if e.bone_pain else ""
        e.pain_mechanical = self.mechanical.value() if e.bone_pain else None
        e.neuro_deficit = self.neuro.isChecked()
        e.neuro_site = self.neuro_site.text().strip() if e.neuro_deficit else ""
        e.other_symptoms = self.other.toPlainText().strip()

    def nextId(self) -> int:
        return URGENT if self.neuro.isChecked() else RISK


class UrgentPage(WorkupPage):
    key = "urgent"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.advice = AdviceBox(self, urgent=True)
        self.actions = {a: QCheckBox(self) for a in MSCC_ACTIONS}
        self.region = QLineEdit(self)
        self.region_label = QLabel(self)
        self.region_label.setBuddy(self.region)
        self.go_on = QCheckBox(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.advice)
        for box in self.actions.values():
            layout.addWidget(box)
        form = QFormLayout()
        form.addRow(self.region_label, self.region)
        layout.addLayout(form)
        layout.addWidget(self.go_on)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Urgent: suspected spinal cord compression"))
        self.setSubTitle(self.tr("Act now; the rest of the work-up can wait."))
        texts = {"whole_spine_mri": self.tr("Whole-spine &MRI requested (within 24 hours)"),
                 "corticosteroids": self.tr("&Corticosteroids started"),
                 "urgent_referral": self.tr("Urgent spinal surgery / radiotherapy &referral made")}
        for key, box in self.actions.items():
            box.setText(texts[key])
        self.region_label.setText(self.tr("Cord compression &seen at (level)"))
        self.region.setPlaceholderText(self.tr("only if imaging already shows it, e.g. T10"))
        self.go_on.setText(self.tr("Continue with the full &work-up after this page"))

    def refresh(self, analysis: WorkupAnalysis) -> None:
        r = analysis.recommendation
        f = next((x for x in analysis.assessment.findings if x.rule == "WU-MSCC"), None)
        body = pick(f.message, f.message_zh) if f else pick(r.text, r.text_zh)
        evidence = (basis_text(f.evidence, f.source) if f
                    else source_text(r.source, ui_lang()))
        self.advice.show_advice(self.tr("WU-MSCC (critical)"), body,
                                self.tr("Evidence: %1").replace("%1", evidence))

    def load(self, e: WorkupEntries) -> None:
        for key, box in self.actions.items():
            box.setChecked(key in e.mscc_actions)
        self.region.setText(e.compression_region)
        self.go_on.setChecked(e.mscc_continue)

    def store(self, e: WorkupEntries) -> None:
        e.mscc_actions = [k for k, box in self.actions.items() if box.isChecked()]
        e.compression_region = self.region.text().strip()
        e.mscc_continue = self.go_on.isChecked()

    def nextId(self) -> int:
        return RISK if self.go_on.isChecked() else CONCLUSION


def _list_text(values: list[str] | None) -> str:
    return ", ".join(values or [])


def _parse_list(text: str) -> list[str]:
    return [x.strip() for x in text.replace("，", ",").split(",") if x.strip()]


class RiskPage(WorkupPage):
    key = "risk"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = ChoiceInput(C.STAGES, labeller=str, parent=self)
        self.histology = ChoiceInput(C.HISTOLOGIES, parent=self)
        self.drivers_known = QCheckBox(self)
        self.drivers = QLineEdit(self)
        self.visceral_known = QCheckBox(self)
        self.visceral = QLineEdit(self)
        self.factors = AdviceBox(self)
        self.form = QFormLayout()
        for w in (self.stage, self.histology, self.drivers_known, self.drivers,
                  self.visceral_known, self.visceral):
            self.form.addRow(QLabel(self), w)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.factors)
        layout.addStretch(1)
        for w in (self.stage, self.histology):
            w.changed.connect(self._live)
        for box in (self.drivers_known, self.visceral_known):
            box.toggled.connect(self._live)
        for edit in (self.drivers, self.visceral):
            edit.textChanged.connect(self._live)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Risk profile"))
        self.setSubTitle(self.tr("Prefilled from the chart; corrections are saved to the chart "
                                 "when the work-up is completed."))
        labels = (self.tr("&Stage"), self.tr("&Histology"), self.tr("Driver testing"),
                  self.tr("D&rivers (positive)"), self.tr("Visceral staging"),
                  self.tr("&Visceral metastases"))
        for row, text in enumerate(labels):
            lab = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            lab.setText(text)
            lab.setBuddy(self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.drivers_known.setText(self.tr("don&e (empty list = none found)"))
        self.visceral_known.setText(self.tr("s&taged (empty list = none)"))
        self.drivers.setPlaceholderText(self.tr("comma-separated, e.g. EGFR L858R"))
        self.visceral.setPlaceholderText(self.tr("comma-separated organs, e.g. liver, adrenal"))

    def _live(self) -> None:
        self.drivers.setEnabled(self.drivers_known.isChecked())
        self.visceral.setEnabled(self.visceral_known.isChecked())
        w = self.wizard_()
        if w is not None and w.currentPage() is self:
            self.refresh(w.analysis())

    def load(self, e: WorkupEntries) -> None:
        r = e.risk
        self.stage.set_value(r.stage)
        self.histology.set_value(r.histology)
        self.drivers_known.setChecked(r.drivers is not None)
        self.drivers.setText(_list_text(r.drivers))
        self.visceral_known.setChecked(r.visceral_metastases is not None)
        self.visceral.setText(_list_text(r.visceral_metastases))
        self._live()

    def store(self, e: WorkupEntries) -> None:
        r = e.risk
        r.stage, r.histology = self.stage.value(), self.histology.value()
        r.drivers = _parse_list(self.drivers.text()) if self.drivers_known.isChecked() else None
        r.visceral_metastases = (_parse_list(self.visceral.text())
                                 if self.visceral_known.isChecked() else None)

    def refresh(self, analysis: WorkupAnalysis) -> None:
        f = next((x for x in analysis.assessment.findings if x.rule == "WU-HIGH-RISK"), None)
        if analysis.status == "confirmed":
            self.factors.show_advice(self.tr("High-risk factors"), self.tr(
                "Bone metastasis is already confirmed: screening does not apply."))
        elif f is not None:
            self.factors.show_advice(
                self.tr("High risk of bone metastasis (WU-HIGH-RISK)"),
                pick(f.message, f.message_zh),
                self.tr("Evidence: %1").replace("%1", basis_text(f.evidence, f.source)))
        else:
            self.factors.show_advice(self.tr("High-risk factors"), self.tr(
                "None of the rule book's high-risk factors is recorded."))
