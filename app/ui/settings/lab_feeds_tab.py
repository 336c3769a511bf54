"""Settings → Lab feeds: the network listener and the watched folder run with the app
(:mod:`app.services.lab_intake_settings`; applied at once when saved).

The tab reads the site's ``lab-intake.json``; a file that cannot be used is shown with its
problem (and the fields start from the defaults: saving replaces the file). :meth:`LabFeedsTab.
settings` checks the fields and returns ``(settings, None)`` or ``(None, problem)``, noting the
field at fault (the dialog moves the focus there).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.lab_intake_settings import (
    IntakeSettingsError,
    LabIntakeSettings,
    default_intake_path,
    intake_settings_from_mapping,
    load_intake_settings,
)

_LOOPBACK = ("127.0.0.1", "::1", "localhost")


class LabFeedsTab(QWidget):
    """The lab-feed settings (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labFeedsTab")
        self.path = default_intake_path()
        self.load_problem: str | None = None
        try:
            current = load_intake_settings(self.path)
        except IntakeSettingsError as exc:
            current, self.load_problem = LabIntakeSettings(), exc.problem
        self.saved = current
        self.problem_widget: QWidget | None = None

        intro = QLabel(self.tr(
            "Lab results can reach BoneMet while it runs: pushed by the laboratory system over "
            "the network (HL7 v2 over MLLP; each message is answered with an acknowledgement "
            "once it is stored), or as files dropped in a watched folder (imported files are "
            "moved to done/ or failed/ beside them, with a report for failures)."), self)
        intro.setWordWrap(True)
        self.listen = QCheckBox(self.tr("Recei&ve lab results over the network while BoneMet "
                                        "runs"), self)
        self.listen.setObjectName("labListen")
        self.listen.setChecked(current.listen)
        self.host = QLineEdit(current.listen_host, self)
        self.host.setObjectName("labListenHost")
        self.host.setMaxLength(200)
        self.host.setAccessibleName(self.tr("Listener address"))
        self.port = QSpinBox(self)
        self.port.setObjectName("labListenPort")
        self.port.setRange(1, 65535)
        self.port.setValue(current.listen_port)
        self.port.setAccessibleName(self.tr("Listener port"))
        self.folder = QLineEdit(current.watch_folder, self)
        self.folder.setObjectName("labWatchFolder")
        self.folder.setMaxLength(1000)
        self.folder.setPlaceholderText(self.tr("none"))
        self.folder.setAccessibleName(self.tr("Watched folder"))
        self.browse = QPushButton(self.tr("Brow&se…"), self)
        self.browse.setObjectName("labWatchBrowse")
        self.browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.note = QLabel(self)
        self.note.setObjectName("labFeedsNote")
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.listen)
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        folder_label = QLabel(self.tr("&Watched folder:"), self)
        folder_label.setBuddy(self.folder)  # a row of two widgets: the label needs its buddy
        form.addRow(folder_label, folder_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        for signal in (self.listen.toggled, self.host.textChanged):
            signal.connect(self._update_note)
        self._update_note()

    def _update_note(self, *_args) -> None:
        lines = [self.tr("Settings file: %1").replace("%1", str(self.path))]
        if self.load_problem:
            lines.append(self.tr("The saved file cannot be used (%1); saving replaces it.")
                         .replace("%1", self.load_problem))
        lines.append(self.tr("Host 127.0.0.1 accepts connections from this computer only; "
                             "0.0.0.0 from every network."))
        if self.listen.isChecked() and self.host.text().strip() not in _LOOPBACK:
            lines.append(self.tr("Warning: MLLP is not encrypted. Allow only the laboratory "
                                 "system to reach this port."))
        self.host.setEnabled(self.listen.isChecked())
        self.port.setEnabled(self.listen.isChecked())
        self.note.setText("\n".join(lines))

    def _browse(self) -> None:
        start = self.folder.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Watched folder"), start)
        if chosen:
            self.folder.setText(chosen)

    def settings(self) -> tuple[LabIntakeSettings | None, str | None]:
        """The settings in the fields, or ``(None, problem)`` (:attr:`problem_widget`: the field
        at fault)."""
        folder = self.folder.text().strip()
        self.problem_widget: QWidget | None = None
        if folder and not Path(folder).expanduser().is_dir():
            self.problem_widget = self.folder
            return None, self.tr("Watched folder: no such folder")
        if not self.host.text().strip():
            self.problem_widget = self.host
            return None, self.tr("Host: required (e.g. 127.0.0.1)")
        try:
            settings = intake_settings_from_mapping({
                "listen": self.listen.isChecked(), "listen_host": self.host.text(),
                "listen_port": self.port.value(), "watch_folder": folder})
        except IntakeSettingsError as exc:
            self.problem_widget = self.host
            return None, exc.problem
        return settings, None
