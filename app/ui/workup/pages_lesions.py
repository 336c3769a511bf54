"""Work-up page "Lesions": once bone metastasis is confirmed, the lesions found can be recorded
with their score inputs; SINS, Mirels and ESCC are shown live (rule book §8) and drive the
local-therapy referrals of the conclusion (LOC-*). Optional: the page can be left empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import case as C
from app.domain.workup import WorkupAnalysis
from app.domain.workup_entries import LesionEntry, WorkupEntries
from app.ui.forms.choices import label
from app.ui.forms.fields import ChoiceInput
from app.ui.workup.page_base import BIOPSY, CONCLUSION, WorkupPage
from app.ui.workup.widgets import AdviceBox, entry_table, pick


class LesionForm(QWidget):
    """The score inputs of one lesion; vertebra-only and limb-only inputs follow the bone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region = QLineEdit(self)
        self.bone = ChoiceInput(C.BONES, optional=False, parent=self)
        self.level = ChoiceInput(C.VERTEBRAL_LEVELS, labeller=str, parent=self)
        self.side = ChoiceInput(C.SIDES, parent=self)
        self.pattern = ChoiceInput(C.LESION_PATTERNS, parent=self)
        self.pain = ChoiceInput(C.VERTEBRAL_PAIN, parent=self)
        self.alignment = ChoiceInput(C.ALIGNMENTS, parent=self)
        self.collapse = ChoiceInput(C.COLLAPSES, parent=self)
        self.posterolateral = ChoiceInput(C.POSTEROLATERAL, parent=self)
        self.escc = ChoiceInput(C.ESCC_GRADES, labeller=str, parent=self)
        self.size = ChoiceInput(C.SIZES, parent=self)
        self.peri = QCheckBox(self)
        self.fields = (self.region, self.bone, self.level, self.side, self.pattern, self.pain,
                       self.alignment, self.collapse, self.posterolateral, self.escc,
                       self.size, self.peri)
        self.labels = [QLabel(self) for _ in self.fields]
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, (lab, w) in enumerate(zip(self.labels, self.fields, strict=True)):
            lab.setBuddy(w)
            grid.addWidget(lab, i // 2, (i % 2) * 2)
            grid.addWidget(w, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.bone.changed.connect(self._bone_changed)
        self._bone_changed()
        self.dirty = False  # changed by the user since the last add
        self.region.textEdited.connect(self._touched)
        for w in self.fields[1:-1]:
            w.changed.connect(self._touched)
        self.peri.toggled.connect(self._touched)

    def _touched(self, *_args) -> None:
        self.dirty = True

    def retranslate(self) -> None:
        texts = (self.tr("Lesion re&gion"), self.tr("B&one"), self.tr("Le&vel"),
                 self.tr("&Side"), self.tr("&Pattern"), self.tr("P&ain"),
                 self.tr("Al&ignment (SINS)"), self.tr("&Collapse (SINS)"),
                 self.tr("Posterola&teral (SINS)"), self.tr("&ESCC grade"),
                 self.tr("Si&ze (Mirels)"), self.tr("Mirels site"))
        for lab, text in zip(self.labels, texts, strict=True):
            lab.setText(text)
        self.peri.setText(self.tr("pe&ritrochanteric (femur)"))
        self.region.setPlaceholderText(self.tr("as on the imaging, e.g. L3"))

    def _bone_changed(self) -> None:
        bone = self.bone.value()
        vertebra = bone == "vertebra"
        keep = self.pain.value()
        self.pain.blockSignals(True)
        self.pain.clear()
        self.pain.addItem("—", None)
        for code in (C.VERTEBRAL_PAIN if vertebra else C.LIMB_PAIN):
            self.pain.addItem(label(code), code)
        self.pain.blockSignals(False)
        self.pain.set_value(keep)
        for w in (self.level, self.alignment, self.collapse, self.posterolateral):
            w.setEnabled(vertebra)
        self.size.setEnabled(bone in C.LONG_BONES)
        self.peri.setEnabled(bone == "femur")

    def entry(self) -> LesionEntry | None:
        region, bone = self.region.text().strip(), self.bone.value()
        if not region or bone is None:
            return None
        vertebra = bone == "vertebra"
        limb = ("lower" if bone in C.LOWER_LIMB_BONES
                else "upper" if bone in C.UPPER_LIMB_BONES else None)
        return LesionEntry(
            region, bone, level=self.level.value() if vertebra else None,
            side=self.side.value(), limb=limb,
            peritrochanteric=bone == "femur" and self.peri.isChecked(),
            pattern=self.pattern.value(), pain=self.pain.value(),
            alignment=self.alignment.value() if vertebra else None,
            collapse=self.collapse.value() if vertebra else None,
            posterolateral=self.posterolateral.value() if vertebra else None,
            size=self.size.value() if bone in C.LONG_BONES else None, escc=self.escc.value())


class LesionsPage(WorkupPage):
    key = "lesions"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesions: list[LesionEntry] = []
        self.model, self.table = entry_table(self, 5, 110)
        self.form = LesionForm(self)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_lesion)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected)
        self.local = AdviceBox(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.local)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Lesions and scores"))
        self.setSubTitle(self.tr("Optional: record the lesions found; SINS, Mirels and ESCC "
                                 "decide the local-therapy referrals."))
        self.model.setHorizontalHeaderLabels([
            self.tr("Region"), self.tr("Bone"), self.tr("SINS"), self.tr("Mirels"),
            self.tr("ESCC")])
        self.table.setAccessibleName(self.tr("Lesions entered in this work-up, with scores"))
        self.form.retranslate()
        self.add_button.setText(self.tr("Add &lesion"))
        self.remove_button.setText(self.tr("Remove selected (Del)"))

    def load(self, e: WorkupEntries) -> None:
        self.lesions = list(e.lesions)

    def store(self, e: WorkupEntries) -> None:
        e.lesions = list(self.lesions)

    def add_lesion(self) -> None:
        le = self.form.entry()
        if le is None:
            self.form.region.setFocus()
            return
        self.lesions.append(le)
        self._changed()
        self.form.region.clear()
        self.form.dirty = False
        self.form.region.setFocus()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for r in rows:
            del self.lesions[r]
        if rows:
            self._changed()

    def _changed(self) -> None:
        w = self.wizard_()
        if w is not None:
            self.refresh(w.analysis())

    def refresh(self, analysis: WorkupAnalysis) -> None:
        if not self.form.region.text() and isinstance(analysis.assessment.status.item, C.Imaging):
            self.form.region.setText(analysis.assessment.status.item.region)
        scores = analysis.assessment.scores["lesions"][-len(self.lesions):] if self.lesions \
            else []
        self.model.removeRows(0, self.model.rowCount())
        for le, sc in zip(self.lesions, scores, strict=True):
            sins = "" if sc["sins"] is None else f"{sc['sins']} ({sc['sins_band']})"
            mirels = "" if sc["mirels"] is None else f"{sc['mirels']} ({sc['mirels_band']})"
            if sc["missing"] and (le.bone == "vertebra" or le.bone in C.LONG_BONES):
                sins = sins or self.tr("incomplete")
            self.model.appendRow([QStandardItem(t) for t in (
                le.region, label(le.bone), sins, mirels, le.escc or "")])
        local = [f for f in analysis.assessment.findings if f.rule.startswith("LOC-")]
        body = "\n".join(f"{f.rule}: {pick(f.message, f.message_zh)}" for f in local)
        self.local.show_advice(self.tr("Local therapy (from the scores)"),
                               body or self.tr("No local-therapy rule fires."))

    def validatePage(self) -> bool:
        """Do not move on while a lesion typed in the form has not been added."""
        if self.form.dirty and self.form.region.text().strip():
            self.local.show_advice(self.tr("Lesion not added yet"), self.tr(
                "Add the lesion in the form (Alt+L) or clear its region before going on."))
            self.add_button.setFocus()
            return False
        return True

    def nextId(self) -> int:
        w = self.wizard_()
        if (w is not None and BIOPSY not in w.visitedIds() and w.analysis().biopsy):
            return BIOPSY
        return CONCLUSION
