"""The chart header: who the patient is and where they stand, at a glance.

Identity (name, MRN, sex, age, weight), histology / stage / driver alterations and performance
status, bone-metastasis status with the basis the rule engine gives for it, the current bone
drug with the next dose due, and the rebound-risk badge (the trend view's
:class:`~app.ui.trends.badge.ReboundBadge`) while denosumab's rebound window is open (rule book
§5). Every value comes from the chart's assessment, summary and the domain's rebound flag.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from app.domain.names import driver_text
from app.domain.params import DEFAULTS, Params
from app.domain.trends_rebound import rebound_flag
from app.services.records import ChartData
from app.ui import labels
from app.ui.forms.choices import label
from app.ui.trends.badge import ReboundBadge


class ChartHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identity = QLabel(self)
        self.identity.setTextFormat(Qt.TextFormat.PlainText)
        font = self.identity.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.identity.setFont(font)
        self.cancer = QLabel(self)
        self.status = QLabel(self)
        self.drug = QLabel(self)
        self.rebound = ReboundBadge(self)
        self.rebound.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        for w in (self.cancer, self.status, self.drug):
            w.setTextFormat(Qt.TextFormat.PlainText)
            w.setWordWrap(True)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(self.identity, 0, 0)
        grid.addWidget(self.cancer, 1, 0)
        grid.addWidget(self.status, 2, 0)
        grid.addWidget(self.drug, 3, 0)
        grid.addWidget(self.rebound, 0, 1, 4, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def show_chart(self, chart: ChartData, params: Params = DEFAULTS) -> None:
        case, a, s = chart.case, chart.assessment, chart.summary
        p, c = case.patient, case.cancer
        age = labels.age_text(p.birth_date, chart.as_of)
        weight = (self.tr("%1 kg").replace("%1", f"{p.weight_kg:g}")
                  if p.weight_kg is not None else self.tr("weight not recorded"))
        self.identity.setText(" · ".join([
            p.name or self.tr("(no name)"), self.tr("MRN %1").replace("%1", p.mrn),
            labels.sex_label(p.sex), self.tr("age %1").replace("%1", age), weight,
        ]))
        drivers = (self.tr("not tested / not recorded") if c.drivers is None
                   else (", ".join(driver_text(d, labels.ui_lang()) for d in c.drivers)
                         if c.drivers else self.tr("none found")))
        perf = []
        if c.ecog is not None:
            perf.append(self.tr("ECOG %1").replace("%1", str(c.ecog)))
        if c.kps is not None:
            perf.append(self.tr("KPS %1").replace("%1", str(c.kps)))
        if c.frankel is not None:
            perf.append(self.tr("Frankel %1").replace("%1", c.frankel))
        self.cancer.setText(
            self.tr("Lung cancer: %1 · stage %2 · drivers: %3")
            .replace("%1", label(c.histology) if c.histology else self.tr("histology ?"))
            .replace("%2", c.stage or "?").replace("%3", drivers)
            + (" · " + " · ".join(perf) if perf else "")
        )
        self.status.setText(
            self.tr("Bone metastasis: %1 — basis: %2")
            .replace("%1", labels.bm_status_label(a.status.bone_metastasis))
            .replace("%2", (a.status.basis_zh if labels.ui_is_chinese() and a.status.basis_zh
                            else a.status.basis) or "—")
        )
        if s.current_bma:
            interval = case.bma.interval_days.get(s.current_bma, 28)
            text = self.tr("Bone drug: %1 every %2 days").replace(
                "%1", labels.drug_label(s.current_bma)).replace("%2", str(interval))
        else:
            text = self.tr("Bone drug: none active")
        if s.next_due_date is not None:
            due = self.tr("next due %1").replace("%1", s.next_due_date.isoformat())
            if s.next_due_date < chart.as_of:
                due += " " + self.tr("(OVERDUE)")
            if s.next_due is not None:
                due += f" ({labels.message_text(s.next_due)})"
            text += " · " + due
        self.drug.setText(text)
        self.rebound.set_flag(rebound_flag(case, chart.as_of, params,
                                           findings=a.findings))
