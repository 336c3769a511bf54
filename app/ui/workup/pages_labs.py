"""Work-up page 3: ALP and CTX with their units and fasting state, compared with the patient's
earlier values; the verdict "marked rise" is the rule book's (WU-ALP-RISE / WU-CTX-RISE)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.units import ANALYTES
from app.domain.workup import WorkupAnalysis
from app.domain.workup_entries import LabEntry, WorkupEntries
from app.ui.forms.fields import ChoiceInput
from app.ui.workup.page_base import WorkupPage
from app.ui.workup.widgets import AdviceBox, DateField, basis_text, pick

ANALYTE_KEYS = ("ALP", "CTX")


def _number(text: str) -> float | None | str:
    """A number (decimal comma accepted), None when empty, the text itself when unreadable."""
    t = text.strip().replace(",", ".")
    if not t:
        return None
    try:
        return float(t)
    except ValueError:
        return text


class _MarkerBox(QGroupBox):
    """Value, unit, date, fasting and the lab's upper limit for one analyte, and its verdict."""

    def __init__(self, analyte: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.analyte = analyte
        self.value = QLineEdit(self)
        self.unit = ChoiceInput(ANALYTES[analyte].units_display, optional=False, labeller=str,
                                parent=self)
        self.date = DateField(self)
        self.fasting = QCheckBox(self)
        self.uln = QLineEdit(self)
        self.earlier = QLabel(self)
        self.earlier.setWordWrap(True)
        self.verdict = AdviceBox(self)
        # compact: value | unit / date | fasting / upper limit (two fields per row)
        self.fields = (self.value, self.unit, self.date, self.fasting, self.uln)
        self.labels = [QLabel(self) for _ in self.fields]
        grid = QGridLayout()
        for i, (lab, w) in enumerate(zip(self.labels, self.fields, strict=True)):
            lab.setBuddy(w)
            grid.addWidget(lab, i // 2, (i % 2) * 2)
            grid.addWidget(w, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.earlier)
        layout.addWidget(self.verdict)

    def retranslate(self) -> None:
        self.setTitle(self.analyte)
        a = self.analyte
        value = self.tr("&ALP value") if a == "ALP" else self.tr("&CTX value")
        labels = (value, self.tr("Unit"), self.tr("Date"), self.tr("Fasting"),
                  self.tr("Upper limit (lab)"))
        for lab, text in zip(self.labels, labels, strict=True):
            lab.setText(text)
        self.fasting.setText(self.tr("fasting morning sample"))
        self.value.setPlaceholderText(self.tr("leave empty if not measured"))
        self.uln.setPlaceholderText(self.tr("optional, in the unit above"))

    def load(self, lab: LabEntry | None, visit) -> None:
        self.value.setText("" if lab is None else f"{lab.value:g}")
        if lab is not None:
            self.unit.set_value(lab.unit)
        self.date.set_value(visit if lab is None else lab.date)
        self.fasting.setChecked(bool(lab and lab.fasting))
        self.uln.setText("" if lab is None or lab.ref_high is None else f"{lab.ref_high:g}")

    def entry(self) -> tuple[LabEntry | None, list[str]]:
        """The result typed (None when empty) and the problems found."""
        value, uln = _number(self.value.text()), _number(self.uln.text())
        problems = []
        if isinstance(value, str) or (isinstance(value, float) and value <= 0):
            problems.append(self.tr("%1 value: expected a number greater than 0")
                            .replace("%1", self.analyte))
        if isinstance(uln, str) or (isinstance(uln, float) and uln <= 0):
            problems.append(self.tr("%1 upper limit: expected a number greater than 0")
                            .replace("%1", self.analyte))
        if value is None or problems:
            return None, problems
        return LabEntry(self.date.value(), self.analyte, float(value), self.unit.value() or "",
                        fasting=self.fasting.isChecked(),
                        ref_high=uln if isinstance(uln, float) else None), problems


class BiomarkersPage(WorkupPage):
    key = "biomarkers"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = {a: _MarkerBox(a, self) for a in ANALYTE_KEYS}
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setObjectName("problems")
        layout = QVBoxLayout(self)
        for box in self.boxes.values():
            layout.addWidget(box)
            for edit in (box.value, box.uln):
                edit.textChanged.connect(self._live)
            box.unit.changed.connect(self._live)
            box.fasting.toggled.connect(self._live)
            box.date.dateChanged.connect(self._live)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Bone markers"))
        self.setSubTitle(self.tr("ALP and serum β-CTX, compared with the patient's earlier "
                                 "values. Both are optional."))
        for box in self.boxes.values():
            box.retranslate()

    def _live(self) -> None:
        w = self.wizard_()
        if w is not None and w.currentPage() is self:
            self.refresh(w.analysis())

    def load(self, e: WorkupEntries) -> None:
        for a, box in self.boxes.items():
            box.load(e.lab(a), e.visit_date)

    def store(self, e: WorkupEntries) -> None:
        for a, box in self.boxes.items():
            lab, problems = box.entry()
            if not problems:
                e.set_lab(a, lab)

    def problem_list(self) -> list[str]:
        return [p for box in self.boxes.values() for p in box.entry()[1]]

    def refresh(self, analysis: WorkupAnalysis) -> None:
        for a, box in self.boxes.items():
            v = analysis.biomarkers[a]
            if v.earlier:
                items = ", ".join(f"{d.isoformat()} {x:g}" for d, x in v.earlier[-6:])
                box.earlier.setText(self.tr("Earlier (%1): %2").replace("%1", v.unit)
                                    .replace("%2", items))
            else:
                box.earlier.setText(self.tr("No earlier %1 on the chart.").replace("%1", a))
            if v.latest is None:
                title = self.tr("No %1 result").replace("%1", a)
            elif v.marked:
                title = self.tr("Marked rise (%1)").replace("%1", v.rule)
            elif v.applicable:
                title = self.tr("Not a marked rise (%1)").replace("%1", v.rule)
            else:
                title = self.tr("Not judged (%1)").replace("%1", v.rule)
            evidence = ""
            if v.finding is not None:
                evidence = self.tr("Evidence: %1").replace(
                    "%1", basis_text(v.finding.evidence, v.finding.source))
            box.verdict.show_advice(title, pick(v.text, v.text_zh), evidence)
        self.problems.setText("\n".join(self.problem_list()))

    def validatePage(self) -> bool:
        problems = self.problem_list()
        self.problems.setText("\n".join(problems))
        return not problems
