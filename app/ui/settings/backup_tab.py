"""Settings → Backups: the scheduled start-up backup (every N days, 0 = never; keep the newest
K), stored in the settings ``backup/every_days`` and ``backup/keep``
(:func:`app.ui.backup.install.stored_schedule`)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.services.backup import MAX_EVERY_DAYS, MAX_KEEP, BackupSchedule
from app.ui.backup.install import store_schedule, stored_schedule


class BackupTab(QWidget):
    """How often BoneMet backs up the registry at start-up and how many backups it keeps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupTab")
        schedule = stored_schedule()
        self.every = QSpinBox(self)
        self.every.setObjectName("backupEveryDays")
        self.every.setRange(0, MAX_EVERY_DAYS)
        self.every.setValue(schedule.every_days)
        self.every.setSpecialValueText(self.tr("never"))
        self.every.setSuffix(self.tr(" days"))
        self.every.setAccessibleName(self.tr("Back up at start-up every N days"))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, MAX_KEEP)
        self.keep.setValue(schedule.keep)
        self.keep.setAccessibleName(self.tr("Number of backups kept"))
        intro = QLabel(self.tr(
            "When BoneMet starts on a registry file, it makes a verified backup into the "
            "backups folder beside it if the newest one is this many days old, then keeps only "
            "the newest backups (safety copies taken before a restore are never deleted). "
            "File → Back up now… makes one at any time."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for box in (self.every, self.keep):
            box.setMinimumWidth(160)
        form.addRow(self.tr("Back up &every:"), self.every)
        form.addRow(self.tr("&Keep the newest:"), self.keep)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)

    def schedule(self) -> BackupSchedule:
        return BackupSchedule(self.every.value(), self.keep.value())

    def save(self) -> None:
        store_schedule(self.schedule())
