"""The lab review queue window: held lab messages, each beside the registry patient its ID
matched, to assign (import into a chart) or reject (with a reason).

Left: the pending messages (a table model over :func:`app.services.lab_review.list_reviews`).
Right: the selected message's patient details next to the registry patient's, why it was held,
the message text, and the decision: **Assign** to the matched patient or to the MRN typed,
**Reject** with a written reason. Both are audited by the service; the list reloads after each.
Keyboard: the list has focus first; Alt+A assign, Alt+R reject, Alt+M the MRN box, F5 reload,
Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.data.engine import Database
from app.services.lab_review import ReviewError, ReviewItem, list_reviews, reject_review

_FIELDS = ("id", "name", "birth_date", "sex")


class ReviewListModel(QAbstractTableModel):
    """Pending held messages: received, message, source, reason."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[ReviewItem] = []

    def set_items(self, items: list[ReviewItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Received"), self.tr("Message"), self.tr("From"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        it = self.items[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return it.reason
        return (it.received_at.astimezone().strftime("%Y-%m-%d %H:%M"), it.label,
                it.source)[index.column()]


class LabReviewWindow(QDialog):
    """See the module docstring. ``assign(review_id, mrn or None)`` imports a held message
    (:func:`app.interop.lab_review_io.assign_held_message` with the site's settings)."""

    def __init__(self, db: Database, actor: str,
                 assign: Callable[[int, str | None], object], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.db, self.actor, self._assign = db, actor, assign
        self.model = ReviewListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show())

        self.details = QGroupBox(self)
        grid = QGridLayout(self.details)
        self.head_message, self.head_registry = QLabel(self), QLabel(self)
        grid.addWidget(self.head_message, 0, 1)
        grid.addWidget(self.head_registry, 0, 2)
        self.row_labels: dict[str, QLabel] = {}
        self.cells: dict[tuple[str, str], QLabel] = {}
        for r, key in enumerate(_FIELDS, 1):
            self.row_labels[key] = QLabel(self)
            grid.addWidget(self.row_labels[key], r, 0)
            for c, side in enumerate(("message", "registry"), 1):
                cell = QLabel(self)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.cells[(key, side)] = cell
                grid.addWidget(cell, r, c)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        grid.addWidget(self.reason, len(_FIELDS) + 1, 0, 1, 3)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)

        self.mrn_label, self.mrn = QLabel(self), QLineEdit(self)
        self.mrn_label.setBuddy(self.mrn)
        self.assign_button = QPushButton(self)
        self.assign_button.clicked.connect(self.assign_current)
        self.reject_label, self.reject_reason = QLabel(self), QLineEdit(self)
        self.reject_label.setBuddy(self.reject_reason)
        self.reject_button = QPushButton(self)
        self.reject_button.clicked.connect(self.reject_current)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(self.details)
        rl.addWidget(self.text, 1)
        row = QHBoxLayout()
        for w in (self.mrn_label, self.mrn, self.assign_button):
            row.addWidget(w)
        rl.addLayout(row)
        row = QHBoxLayout()
        for w in (self.reject_label, self.reject_reason, self.reject_button):
            row.addWidget(w)
        rl.addLayout(row)
        rl.addWidget(self.status)
        split = QSplitter(self)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([380, 720])
        QVBoxLayout(self).addWidget(split)
        QShortcut(QKeySequence("F5"), self, activated=self.reload)
        self.retranslate()
        self.resize(1100, 600)
        self.reload()
        self.table.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lab review queue"))
        self.details.setTitle(self.tr("Patient"))
        self.head_message.setText(self.tr("In the message"))
        self.head_registry.setText(self.tr("In the registry"))
        names = {"id": self.tr("ID"), "name": self.tr("Name"),
                 "birth_date": self.tr("Birth date"), "sex": self.tr("Sex")}
        for key, label in self.row_labels.items():
            label.setText(names[key])
        self.mrn_label.setText(self.tr("Assign to &MRN (empty: the matched patient):"))
        self.assign_button.setText(self.tr("&Assign"))
        self.reject_label.setText(self.tr("Reason for re&jecting:"))
        self.reject_button.setText(self.tr("&Reject"))
        self.table.setAccessibleName(self.tr("Held lab messages"))
        self.text.setAccessibleName(self.tr("The message as received"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        self.model.set_items(list_reviews(self.db, "pending"))
        if self.model.items:
            self.table.selectRow(0)
        self._show()

    def current(self) -> ReviewItem | None:
        row = self.table.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def _show(self) -> None:
        it = self.current()
        enabled = it is not None
        for w in (self.assign_button, self.reject_button, self.mrn, self.reject_reason):
            w.setEnabled(enabled)
        msg, reg = (it.message_patient, it.candidate or {}) if it else ({}, {})
        values = {
            "id": (msg.get("mrn"), reg.get("mrn")),
            "name": (" ".join(x for x in (msg.get("family"), msg.get("given")) if x),
                     reg.get("name")),
            "birth_date": (msg.get("birth_date"), reg.get("birth_date")),
            "sex": (msg.get("sex"), reg.get("sex")),
        }
        if msg.get("authority"):
            values["id"] = (f"{msg.get('mrn')} ({msg['authority']})", reg.get("mrn"))
        for key, (a, b) in values.items():
            self.cells[(key, "message")].setText(str(a) if a else "—")
            self.cells[(key, "registry")].setText(str(b) if b else "—")
        self.reason.setText(self.tr("Held because: %1").replace("%1", it.reason) if it else
                            self.tr("No lab message is waiting for review."))
        self.text.setPlainText(it.message.replace("\r", "\n") if it else "")

    def assign_current(self) -> None:
        it = self.current()
        if it is None:
            return
        try:
            self._assign(it.id, self.mrn.text().strip() or None)
        except ReviewError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("%1 was imported into the patient's chart.")
                            .replace("%1", it.label))
        self.mrn.clear()
        self.reload()

    def reject_current(self) -> None:
        it = self.current()
        if it is None:
            return
        if not self.reject_reason.text().strip():
            self.status.setText(self.tr("Reject: write the reason first."))
            self.reject_reason.setFocus()
            return
        try:
            reject_review(self.db, it.id, self.actor, self.reject_reason.text())
        except ReviewError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("%1 was rejected.").replace("%1", it.label))
        self.reject_reason.clear()
        self.reload()
