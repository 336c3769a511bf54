"""Wires the Settings dialog into the registry window: File → Settings… (Ctrl+,).

:func:`install_settings` is called once by the GUI entry point with the site parameters it
loaded (:class:`app.services.site_settings.SiteParams`). The dialog is imported on first use.
After the rule parameters are saved the user is told, in a message box and the status bar,
that they take effect when BoneMet is restarted (the charts, worklist and MDT window keep the
parameters loaded at start-up: one set of values per session, never a mix).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.domain.params import Params
from app.services.site_settings import SiteParams
from app.ui.actions import add_to_menu
from app.ui.app import Translations

if TYPE_CHECKING:
    from app.ui.settings.dialog import SettingsDialog

SETTINGS_SHORTCUT = "Ctrl+,"


class SettingsHub(QObject):
    """The Settings action of one registry window and its (single) open dialog."""

    def __init__(self, main_window: QMainWindow, site: SiteParams,
                 translations: Translations | None = None) -> None:
        super().__init__(main_window)
        self._main = main_window
        self._translations = translations
        self.site = site
        self.saved: Params = site.params  # what the file holds now (may await a restart)
        self.dialog: SettingsDialog | None = None
        self.notice: QMessageBox | None = None
        self.act_settings = QAction(main_window)
        self.act_settings.setShortcut(QKeySequence(SETTINGS_SHORTCUT))
        self.act_settings.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_settings.triggered.connect(lambda _c=False: self.open_settings())
        main_window.addAction(self.act_settings)
        menu = getattr(main_window, "menu_file", None)
        if menu is not None:
            quit_action = getattr(main_window, "act_quit", None)
            if add_to_menu(menu, self.act_settings, quit_action):
                menu.insertSeparator(quit_action)
        main_window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_settings.setStatusTip(self.tr(
            "Rule parameters of this site, clinic details for care plans, language, lab feeds"))
        self.act_settings.setToolTip(f"{self.act_settings.text().replace('&', '')} "
                                     f"({self.act_settings.shortcut().toString()})")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._main and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _language(self) -> str:
        return self._translations.language if self._translations is not None else "en"

    def open_settings(self) -> SettingsDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from app.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(path=self.site.path, in_use=self.site.params, saved=self.saved,
                                language=self._language(), parent=self._main)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paramsSaved.connect(self._params_saved)
        dialog.languageChosen.connect(self._language_chosen)
        feeds = getattr(self._main, "lab_feeds", None)
        if feeds is not None:  # the listener and watched folder follow the saved settings
            dialog.labFeedsSaved.connect(feeds.apply)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, _result: int) -> None:
        self.dialog = None

    def _language_chosen(self, language: str) -> None:
        set_language = getattr(self._main, "set_language", None)
        if set_language is not None:
            set_language(language)

    def _params_saved(self, params: Params) -> None:
        self.saved = params
        if params == self.site.params:
            text = self.tr("The rule parameters were saved. They are the ones in use.")
            status = self.tr("Rule parameters saved.")
        else:
            status = self.tr("Rule parameters saved: restart BoneMet to apply them.")
            text = self.tr(
                "The rule parameters were saved to %1.\n\nBoneMet uses the parameters it "
                "loaded at start-up until it is restarted: restart BoneMet to apply the new "
                "values to charts, the worklist, MDT packs and work-ups. Then View → Recompute "
                "all summaries brings the registry list up to date.").replace(
                    "%1", str(self.site.path))
        self._main.statusBar().showMessage(status, 10000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Rule parameters saved"), text,
                          QMessageBox.StandardButton.Ok, self._main)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: setattr(self, "notice", None))
        self.notice = box
        box.open()


def install_settings(main_window: QMainWindow, site: SiteParams,
                     translations: Translations | None = None) -> SettingsHub:
    """Add File → Settings… (Ctrl+,) to the registry window (see the module docstring)."""
    hub = SettingsHub(main_window, site, translations)
    main_window.settings_hub = hub  # type: ignore[attr-defined]  # kept alive, for tests
    return hub
