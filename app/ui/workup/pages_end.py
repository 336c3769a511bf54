"""Work-up page 6: the conclusion — bone-metastasis status with its basis, the next steps drawn
from the rules (grouped: urgent, imaging, biopsy, bone drug, local therapy, MDT), the MDT
question, and what completing the work-up will write to the chart: every record it adds and
every change of a chart value as "field: old → new". A changed histology or stage has a tick box
of its own; Complete stays disabled until each such change is ticked (issue 20)."""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.workup import WorkupAnalysis
from app.domain.workup_entries import CONFIRM_FIELDS, WorkupEntries, chart_fragments
from app.services.workup_service import ValidationFailed
from app.ui.chart.record_text import record_text, record_when
from app.ui.forms.choices import kind_label, label
from app.ui.labels import bm_status_label, severity_label
from app.ui.workup.page_base import WorkupPage
from app.ui.workup.widgets import AdviceBox, basis_text, pick

GROUP_ORDER = ("urgent", "imaging", "biopsy", "bone_drug", "local_therapy", "mdt", "info")


class ConclusionPage(WorkupPage):
    key = "conclusion"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = AdviceBox(self)
        self.steps = QLabel(self)
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(self.steps.textFormat().RichText)
        self.steps.setObjectName("steps")
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.setContentsMargins(8, 4, 8, 4)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.steps)
        self.question_label = QLabel(self)
        self.question = QPlainTextEdit(self)
        self.question.setTabChangesFocus(True)
        self.question.setMaximumHeight(70)
        self.question_label.setBuddy(self.question)
        self.meeting_label = QLabel(self)
        self.meeting = QComboBox(self)
        self.meeting_label.setBuddy(self.meeting)
        self._meetings_loaded = False
        self._meeting_wanted: int | None = None
        self.meeting.currentIndexChanged.connect(lambda _i: self._show_writes())
        self.writes = QLabel(self)
        self.writes.setWordWrap(True)
        self.writes.setObjectName("writes")
        self.writes.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_label = QLabel(self)
        self.changes_label.setWordWrap(True)
        self.changes_label.setObjectName("changes")
        self.changes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm: dict[str, QCheckBox] = {}
        self._ticked: dict[str, Any] = {}  # field -> the new value the tick confirmed
        self.confirm_box = QVBoxLayout()
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("confirmHint")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.question_label)
        layout.addWidget(self.question)
        row = QHBoxLayout()
        row.addWidget(self.meeting_label)
        row.addWidget(self.meeting, 1)
        layout.addLayout(row)
        layout.addWidget(self.writes)
        layout.addWidget(self.changes_label)
        layout.addLayout(self.confirm_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self._suggested = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Conclusion and next steps"))
        self.setSubTitle(self.tr("Drawn from the rules on the chart plus this work-up. Finish "
                                 "writes everything to the chart."))
        self.question_label.setText(self.tr("&Question for the MDT (empty: no referral)"))
        self.meeting_label.setText(self.tr("List for MDT &meeting"))
        if self.meeting.count():
            self.meeting.setItemText(0, self.tr("— not now —"))

    def _group_title(self, group: str) -> str:
        return {
            "urgent": self.tr("Urgent"), "imaging": self.tr("Imaging"),
            "biopsy": self.tr("Biopsy"), "bone_drug": self.tr("Bone-modifying drug"),
            "local_therapy": self.tr("Local therapy (from lesion scores)"),
            "mdt": self.tr("MDT referral"), "info": self.tr("For information"),
        }.get(group, group)

    def refresh(self, analysis: WorkupAnalysis) -> None:
        c = analysis.conclusion
        if c is None:
            return
        self.status.show_advice(
            self.tr("Bone metastasis: %1").replace("%1", bm_status_label(c.status)),
            self.tr("Basis: %1").replace("%1", pick(c.basis, c.basis_zh)))
        html = []
        for group in GROUP_ORDER:
            steps = [s for s in c.steps if s.group == group]
            if not steps:
                continue
            html.append(f"<h4>{escape(self._group_title(group))}</h4><ul>")
            for s in steps:
                if group == "mdt":  # the question itself is edited below
                    html.append("<li>" + escape(self.tr(
                        "Refer to the MDT with the question below.")) + "</li>")
                    continue
                rules = ", ".join(s.rules)
                tag = f"[{escape(severity_label(s.severity))}{' · ' + rules if rules else ''}]"
                html.append(f"<li><b>{tag}</b> {escape(pick(s.text, s.text_zh))}"
                            f"<br><span style='color:#555'>"
                            f"{escape(basis_text(s.evidence, s.source))}</span></li>")
            html.append("</ul>")
        if not html:
            html.append(escape(self.tr("No further steps are called for by the rules.")))
        self.steps.setText("".join(html))
        self._load_meetings()
        suggested = pick(c.mdt_question, c.mdt_question_zh)
        current = self.question.toPlainText().strip()
        if not current or current == self._suggested:
            self.question.setPlainText(suggested)
        self._suggested = suggested
        self._show_writes()

    def _load_meetings(self) -> None:
        """Upcoming MDT meetings (once per wizard), keeping the draft's choice."""
        w = self.wizard_()
        if self._meetings_loaded or w is None:
            return
        self._meetings_loaded = True
        self.meeting.clear()
        self.meeting.addItem(self.tr("— not now —"), None)
        for m in w.service.meetings():
            text = m.meeting_date.isoformat() + (f" — {m.title}" if m.title else "")
            self.meeting.addItem(text, m.id)
        self.meeting.setCurrentIndex(max(self.meeting.findData(self._meeting_wanted), 0))

    def _show_writes(self) -> None:
        w = self.wizard_()
        if w is None or not self._meetings_loaded:
            return
        w.collect()
        e: WorkupEntries = w.entries
        lines = self._record_lines(w, e)
        if e.mdt_meeting_id is not None:
            lines.append(self.tr("MDT listing (%1)").replace("%1", self.meeting.currentText()))
        self.writes.setText(self.tr("Finish will add to the chart:") + "\n" + (
            "\n".join("• " + x for x in lines) if lines
            else self.tr("nothing (only the work-up record)")))
        self._show_changes(e.risk.changes_from(w.start_data.case.cancer))

    def _record_lines(self, w: Any, e: WorkupEntries) -> list[str]:
        """One line per record Finish adds (counts by kind while an entry is invalid)."""
        kinds = [kind for kind, _ in chart_fragments(e)]
        try:
            records = w.service.records(e)
        except ValidationFailed:
            return [f"{n} × {kind_label(k)}" for k, n in Counter(kinds).items()]
        return [f"{kind_label(k)} {record_when(r)}: {record_text(k, r)}"
                for k, r in zip(kinds, records, strict=True)]

    def field_title(self, name: str) -> str:
        return {"histology": self.tr("Histology"), "stage": self.tr("Stage"),
                "drivers": self.tr("Drivers (positive)"),
                "visceral_metastases": self.tr("Visceral metastases")}.get(name, name)

    def value_text(self, name: str, value: Any) -> str:
        if value is None:
            return self.tr("not recorded")
        if isinstance(value, list):
            return ", ".join(value) if value else self.tr("none")
        return label(value) if name == "histology" else str(value)

    def _show_changes(self, changes: list[tuple[str, Any, Any]]) -> None:
        """"field: old → new" for every chart value Finish changes; a tick box for each
        :data:`CONFIRM_FIELDS` change (kept ticked while its new value stays the same)."""
        while self.confirm_box.count():
            item = self.confirm_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.confirm = {}
        plain = []
        for name, old, new in changes:
            text = f"{self.field_title(name)}: {self.value_text(name, old)} → " \
                   f"{self.value_text(name, new)}"
            if name not in CONFIRM_FIELDS:
                plain.append("• " + text)
                continue
            box = QCheckBox(self.tr("Change the chart — %1").replace("%1", text), self)
            box.setObjectName(f"confirm_{name}")
            box.setChecked(self._ticked.get(name, object()) == new)
            box.toggled.connect(lambda on, n=name, v=new: self._tick(n, v, on))
            self.confirm_box.addWidget(box)
            self.confirm[name] = box
        self.changes_label.setText(
            self.tr("Finish will change on the chart:") + "\n" + "\n".join(plain)
            if plain else "")
        self.changes_label.setVisible(bool(plain))
        self._show_hint()
        self.completeChanged.emit()

    def _tick(self, name: str, value: Any, on: bool) -> None:
        if on:
            self._ticked[name] = value
        else:
            self._ticked.pop(name, None)
        self._show_hint()
        self.completeChanged.emit()

    def _show_hint(self) -> None:
        waiting = any(not b.isChecked() for b in self.confirm.values())
        self.hint.setText(self.tr(
            "Tick each change of histology or stage to confirm it, or go Back to the risk "
            "profile and restore the chart's value.") if waiting else "")
        self.hint.setVisible(waiting)

    def confirmed(self) -> list[str]:
        """The changes the clinician ticked (passed to the service on Finish)."""
        return [n for n, b in self.confirm.items() if b.isChecked()]

    def isComplete(self) -> bool:
        return all(b.isChecked() for b in self.confirm.values())

    def load(self, e: WorkupEntries) -> None:
        self.question.setPlainText(e.mdt_question)
        self._meeting_wanted = e.mdt_meeting_id

    def store(self, e: WorkupEntries) -> None:
        e.mdt_question = self.question.toPlainText().strip()
        if self._meetings_loaded:
            e.mdt_meeting_id = self.meeting.currentData()
        else:
            e.mdt_meeting_id = self._meeting_wanted

    def show_errors(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))

    def nextId(self) -> int:
        return -1  # the final page (Finish)

    def validatePage(self) -> bool:
        w = self.wizard_()
        return True if w is None else w.complete_workup()
