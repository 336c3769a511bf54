"""Lab results into the registry window: File → Import lab results… (Ctrl+Shift+I), and the
lab feeds that run with the app (network listener, watched folder; site settings in
:mod:`app.services.lab_intake_settings`, edited in File → Settings… → Lab feeds).

- **Import lab results…** opens a file dialog for one or more HL7 or CSV files
  (:attr:`LabFeeds.file_dialog`; its ``filesSelected`` calls :meth:`LabFeeds.import_files`, the
  one entry point), then :class:`~app.ui.labs.import_dialog.LabImportDialog` imports them in the
  background with progress and Cancel and shows the report. The registry list is refreshed
  afterwards. The last folder used is remembered (setting ``labs/import_folder``).
- **Feeds**: :meth:`LabFeeds.apply` starts/stops the listener and the folder watch to match the
  settings (at start-up and when the settings are saved). Their state is shown in the status
  bar; the registry list is refreshed shortly after results arrive. A settings file that cannot
  be used starts nothing and says so in the status bar. Closing the window stops both.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.services.lab_intake_settings import (
    IntakeSettingsError,
    LabIntakeSettings,
    load_intake_settings,
)
from app.ui.actions import window_action

if TYPE_CHECKING:  # imported on first use: the registry window's start path stays light
    from app.ui.labs.folder_watch import FolderWatch
    from app.ui.labs.import_dialog import LabImportDialog
    from app.ui.labs.listener import ListenerControl

IMPORT_SHORTCUT = "Ctrl+Shift+I"
SETTING_IMPORT_FOLDER = "labs/import_folder"
REFRESH_DELAY_MS = 1500
START_DELAY_MS = 200


class LabFeeds(QObject):
    """The lab import action and the lab feeds of one registry window."""

    def __init__(self, main_window: QMainWindow, db: Database, actor: str, *,
                 params: Params = DEFAULTS, today: Callable[[], date] = date.today) -> None:
        super().__init__(main_window)
        self._main = main_window
        self._db, self._actor, self._params, self._today = db, actor, params, today
        self.file_dialog: QFileDialog | None = None
        self.dialog: LabImportDialog | None = None
        self.settings_problem: str | None = None
        self._closed = False

        self.act_import = window_action(main_window, IMPORT_SHORTCUT, self.choose_files)
        menu = getattr(main_window, "menu_file", None)
        if menu is not None:
            first_separator = next((a for a in menu.actions() if a.isSeparator()), None)
            menu.insertAction(first_separator, self.act_import)

        self.listener: ListenerControl | None = None
        self.folder: FolderWatch | None = None
        self.status_label = QLabel(main_window)
        self.status_label.setObjectName("labFeedStatus")
        self.status_label.setAccessibleName(self.tr("Lab feeds"))
        self.status_label.hide()
        main_window.statusBar().addPermanentWidget(self.status_label)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self._refresh_registry)
        main_window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_import.setText(self.tr("&Import lab results…"))
        self.act_import.setStatusTip(self.tr(
            "Import lab results from HL7 v2 or CSV files (several at once)"))
        self._show_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._main:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close:
                self.shutdown()
        return False

    # ----- import from files ---------------------------------------------------------------
    def choose_files(self) -> QFileDialog:
        """Open the file dialog (several files); choosing files imports them."""
        if self.dialog is not None and self.dialog.running:
            self.dialog.raise_()
            return self.file_dialog  # type: ignore[return-value]
        folder = str(QSettings().value(SETTING_IMPORT_FOLDER, "") or "")
        dialog = QFileDialog(self._main, self.tr("Import lab results"), folder,
                             self.tr("Lab results (*.hl7 *.oru *.msg *.txt *.csv);;"
                                     "All files (*)"))
        dialog.setObjectName("labImportFiles")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(self.import_files)
        dialog.finished.connect(lambda _r: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def import_files(self, paths: list[str]) -> LabImportDialog | None:
        """Import ``paths`` in the background, showing progress and then the report."""
        if not paths:
            return None
        if self.dialog is not None and self.dialog.running:
            self.dialog.raise_()
            return self.dialog
        store = QSettings()
        store.setValue(SETTING_IMPORT_FOLDER, str(Path(paths[0]).parent))
        store.sync()
        from app.ui.labs.import_dialog import LabImportDialog

        dialog = LabImportDialog(self._db, paths, self._actor, params=self._params,
                                 today=self._today, parent=self._main)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.importFinished.connect(lambda _results: self._refresh_registry())
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        self.dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def _dialog_closed(self, dialog: LabImportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _schedule_refresh(self, _what: object = None) -> None:
        """Refresh the registry list soon: at most once per REFRESH_DELAY_MS while results keep
        arriving (a throttle, not a debounce: a steady feed still refreshes)."""
        if not self._refresh.isActive():
            self._refresh.start()

    def _refresh_registry(self) -> None:
        refresh = getattr(self._main, "refresh", None)
        if refresh is not None:
            refresh()

    # ----- feeds ---------------------------------------------------------------------------
    def load_and_apply(self) -> None:
        """Read the site's lab intake settings and run what they say (nothing if unusable)."""
        if self._closed:
            return
        try:
            settings = load_intake_settings()
        except IntakeSettingsError as exc:
            self.settings_problem = str(exc)
            settings = LabIntakeSettings()
        else:
            self.settings_problem = None
        self.apply(settings)

    def apply(self, settings: LabIntakeSettings) -> None:
        if settings.listen or self.listener is not None:
            self._listener().apply(settings)
        if settings.watch_path is not None or self.folder is not None:
            self._folder().set_folder(settings.watch_path)
        self._show_state()

    def _listener(self) -> ListenerControl:
        if self.listener is None:
            from app.ui.labs.listener import ListenerControl

            self.listener = ListenerControl(self._db, self._actor, params=self._params,
                                            today=self._today, parent=self)
            self.listener.stateChanged.connect(self._show_state)
            self.listener.messageReceived.connect(self._schedule_refresh)
        return self.listener

    def _folder(self) -> FolderWatch:
        if self.folder is None:
            from app.ui.labs.folder_watch import FolderWatch

            self.folder = FolderWatch(self._db, self._actor, params=self._params,
                                      today=self._today, parent=self)
            self.folder.stateChanged.connect(self._show_state)
            self.folder.fileImported.connect(self._schedule_refresh)
        return self.folder

    def _show_state(self) -> None:
        parts = [t for t in (self.listener.status_text() if self.listener else "",
                             self.folder.status_text() if self.folder else "") if t]
        if self.settings_problem:
            parts.insert(0, self.tr("Lab feed settings cannot be used: %1")
                         .replace("%1", self.settings_problem))
        self.status_label.setText(" · ".join(parts))
        self.status_label.setVisible(bool(parts))

    def shutdown(self) -> None:
        """Stop a running import, the listener and the folder watch (the window is closing)."""
        self._closed = True
        self._refresh.stop()
        if self.dialog is not None and self.dialog.job is not None:
            job = self.dialog.job  # stop between messages; what was written stays
            self.dialog.cancel()
            job.finished.wait(15)
        if self.folder is not None:
            self.folder.stop()
        if self.listener is not None:
            self.listener.stop()


def install_lab_feeds(main_window: QMainWindow, db: Database, actor: str, *,
                      params: Params = DEFAULTS, start_feeds: bool = True) -> LabFeeds:
    """Add File → Import lab results… and run the site's lab feeds (module docstring)."""
    feeds = LabFeeds(main_window, db, actor, params=params)
    main_window.lab_feeds = feeds  # type: ignore[attr-defined]  # kept alive, for tests
    if start_feeds:  # after the first page is shown
        QTimer.singleShot(START_DELAY_MS, feeds, feeds.load_and_apply)
    return feeds
