"""The application shell: the registry window (search box, patient table, menus, status bar).

Keyboard-first: the search box has the focus on start and filters as you type (each key issues
its query, which runs on a background thread, latest wins; on a slow registry — a last query of
50 ms or more — the search waits for a pause in typing of 150–600 ms instead, so typing never
stalls), Up/Down move in the table, Enter opens the patient:
``patientActivated(patient_id)`` is emitted and the opener runs — the edit dialog by default,
the patient chart once :meth:`MainWindow.set_patient_opener` is given one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from app.services.registry import RegistryService
from app.ui.app import LANGUAGES, Translations, store_language
from app.ui.patient_dialog import PatientDialog
from app.ui.registry_model import COUNT_CAP, RegistryTableModel
from app.ui.registry_view import RegistryView, SearchBox

log = logging.getLogger(__name__)

#: A registry whose latest search took less than this is searched on every keystroke (the
#: query runs in the background and the newest one wins, so typing never waits); a slower one
#: (e.g. a remote PostgreSQL) is searched when typing pauses for SEARCH_DEBOUNCE_MS or more.
FAST_QUERY_MS = 50
SEARCH_DEBOUNCE_MS = 150
_MAX_DEBOUNCE_MS = 600
# Language names are shown in their own language (a user who cannot read the current UI
# language must still find theirs), so they are deliberately not translated.
_LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文 (简体)"}


class MainWindow(QMainWindow):
    """The registry window."""

    patientActivated = Signal(int)

    def __init__(
        self,
        service: RegistryService,
        database_description: str,
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._service = service
        self._translations = translations
        self._database_description = database_description
        self._dialog: PatientDialog | None = None

        self.model = RegistryTableModel(service, self, asynchronous=True)
        self.view = RegistryView(self.model, self)
        self.search_box = SearchBox(self.view, self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search_box.textChanged.connect(self._search_text_changed)

        self._db_label = QLabel(self)
        self._count_label = QLabel(self)
        self.statusBar().addWidget(self._count_label)
        self.statusBar().addPermanentWidget(self._db_label)
        self.model.countsChanged.connect(self._show_counts)
        self.model.searchFailed.connect(self._search_failed)

        self._create_actions()
        self._create_menus()
        self.view.patientActivated.connect(self.patientActivated)
        self._opener: Callable[[int], None] = self.edit_patient
        self.patientActivated.connect(lambda patient_id: self._opener(patient_id))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.retranslate()
        self.resize(1280, 720)

        self.model.refresh()
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- construction ------------------------------------------------------------------
    def _create_actions(self) -> None:
        def action(shortcut: QKeySequence | QKeySequence.StandardKey | str, slot) -> QAction:
            act = QAction(self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            return act

        self.act_new = action("Ctrl+N", self.new_patient)
        self.act_edit = action("Ctrl+E", self.edit_current)
        self.act_find = action("Ctrl+F", self.focus_search)
        self.act_refresh = action("F5", self.refresh)
        self.act_quit = action("Ctrl+Q", self.close)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        current = self._translations.language if self._translations else "en"
        for code in LANGUAGES:
            act = QAction(_LANGUAGE_NAMES[code], self)
            act.setCheckable(True)
            act.setChecked(code == current)
            act.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(act)
            self.language_actions[code] = act

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_new)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_patient = bar.addMenu("")
        self.menu_patient.addAction(self.act_edit)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.act_find)
        self.menu_view.addAction(self.act_refresh)
        self.menu_language = self.menu_view.addMenu("")
        for act in self.language_actions.values():
            self.menu_language.addAction(act)

    def retranslate(self) -> None:
        """Set every visible string (called again on a language change)."""
        self.setWindowTitle(self.tr("BoneMet Workstation — Patient registry"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_patient.setTitle(self.tr("&Patient"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.act_new.setText(self.tr("&New patient…"))
        self.act_new.setStatusTip(self.tr("Register a new patient"))
        self.act_edit.setText(self.tr("&Edit patient…"))
        self.act_edit.setStatusTip(self.tr("Edit the selected patient's details"))
        self.act_find.setText(self.tr("&Find patient"))
        self.act_find.setStatusTip(self.tr("Move to the search box"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_quit.setText(self.tr("&Quit"))
        self._db_label.setText(self.tr("Database: %1").replace("%1", self._database_description))
        self._db_label.setAccessibleName(self.tr("Database in use"))
        self._count_label.setAccessibleName(self.tr("Patients shown"))
        self._show_counts(self.model.matching_count, self.model.total_count)
        self.model.retranslate()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- search ------------------------------------------------------------------------
    def _search_text_changed(self, _text: str) -> None:
        if self.model.last_query_ms < FAST_QUERY_MS:
            self.apply_search()  # at once: the query runs in the background, newest wins
        else:
            self._debounce.start()

    def apply_search(self) -> None:
        """Run the search for the box's current text now (typing calls this at once on a fast
        registry, through the debounce timer on a slow one)."""
        self._debounce.stop()
        self.model.set_filter(self.search_box.text())
        # Keep typing fluid even on a slow (e.g. remote PostgreSQL) registry.
        spent = self.model.last_query_ms
        interval = SEARCH_DEBOUNCE_MS if spent < 50 else min(_MAX_DEBOUNCE_MS, int(150 + spent))
        self._debounce.setInterval(interval)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def refresh(self) -> None:
        keep = self.view.current_patient_id()
        self.model.refresh(on_done=lambda: self._reselect(keep))

    def _reselect(self, patient_id: int | None) -> None:
        if patient_id is None:
            return
        row = self.model.row_of_patient(patient_id)
        if row is not None:
            self.view.select_row(row)

    def _show_counts(self, matching: int, total: int) -> None:
        locale = QLocale()
        if self.model.filter_text and not self.model.matching_is_exact:
            # the exact count follows within milliseconds (a second query)
            text = self.tr("More than %1 of %2 patients match")
            text = text.replace("%1", locale.toString(COUNT_CAP))
            text = text.replace("%2", locale.toString(total))
        elif self.model.filter_text:
            text = self.tr("%1 of %2 patients match")
            text = text.replace("%1", locale.toString(matching))
            text = text.replace("%2", locale.toString(total))
        else:
            text = self.tr("%1 patients").replace("%1", locale.toString(total))
        self._count_label.setText(text)

    def _search_failed(self, error: str) -> None:
        text = self.tr("Search failed (%1); the list was not updated. Press F5 to retry.")
        self.statusBar().showMessage(text.replace("%1", error), 10_000)

    def _update_actions(self) -> None:
        self.act_edit.setEnabled(self.view.current_patient_id() is not None)

    # ----- patients ----------------------------------------------------------------------
    def new_patient(self) -> None:
        self._open_dialog(None)

    def edit_current(self) -> None:
        patient_id = self.view.current_patient_id()
        if patient_id is not None:
            self.edit_patient(patient_id)

    def edit_patient(self, patient_id: int) -> None:
        self._open_dialog(patient_id)

    def set_patient_opener(self, opener: Callable[[int], None] | None) -> None:
        """What Enter / a double click does with the patient id (None: the edit dialog).
        ``patientActivated`` is emitted either way."""
        self._opener = opener or self.edit_patient

    def current_dialog(self) -> PatientDialog | None:
        """The open add/edit dialog, if any (tests and the chart use it)."""
        return self._dialog

    def _open_dialog(self, patient_id: int | None) -> None:
        if self._dialog is not None:
            self._dialog.raise_()
            self._dialog.activateWindow()
            return
        try:
            dialog = PatientDialog(self._service, patient_id, parent=self)
        except LookupError:
            QMessageBox.warning(
                self, self.tr("Patient not found"),
                self.tr("This patient is no longer in the registry. The list will be refreshed."),
            )
            self.refresh()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._after_save)
        dialog.finished.connect(self._dialog_closed)
        self._dialog = dialog
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        self._dialog = None
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _after_save(self, patient_id: int, mrn: str) -> None:
        def show_saved() -> None:
            if self.model.row_of_patient(patient_id) is not None:
                self._reselect(patient_id)
                return
            # Not among the rows shown: show it by searching for its MRN.
            self.search_box.blockSignals(True)
            self.search_box.setText(mrn)
            self.search_box.blockSignals(False)
            self.model.set_filter(mrn, on_done=lambda: self._reselect(patient_id))

        self.model.refresh(on_done=show_saved)

    # ----- language ----------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        store_language(language)
        self.language_actions[language].setChecked(True)
        if self._translations is not None and self._translations.install(language):
            return  # LanguageChange retranslates every open window
        QMessageBox.information(
            self, self.tr("Language"),
            self.tr("The language will change the next time BoneMet starts."),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dialog is not None:
            self._dialog.reject()
        super().closeEvent(event)
