"""Wires the lab review queue into the registry window: File → Lab review queue…
(Ctrl+Shift+R).

:func:`install_lab_review` is called once by the GUI entry point. The window
(:class:`app.ui.labreview.window.LabReviewWindow`) is created on first use; assigning a held
message re-reads it with the site's lab-feed settings (the file ``bonemet import-labs`` uses by
default) and refreshes the registry list (the patient's summary changed).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.ui.actions import add_to_menu, window_action

if TYPE_CHECKING:
    from app.ui.labreview.window import LabReviewWindow

SHORTCUT = "Ctrl+Shift+R"


class LabReviewHub(QObject):
    def __init__(self, main_window: QMainWindow, db: Database, actor: str,
                 params: Params = DEFAULTS) -> None:
        super().__init__(main_window)
        self.main, self.db, self.actor, self.params = main_window, db, actor, params
        self.window: LabReviewWindow | None = None
        self.act = window_action(main_window, SHORTCUT, self.open)
        menu = getattr(main_window, "menu_file", None)
        if menu is not None:  # after the file's own entries, before the first separator
            separator = next((a for a in menu.actions() if a.isSeparator()), None)
            add_to_menu(menu, self.act, separator or getattr(main_window, "act_quit", None))
        main_window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act.setText(self.tr("Lab &review queue…"))
        self.act.setStatusTip(self.tr("Lab messages held because their patient did not match "
                                      "the registry: assign or reject them"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def assign(self, review_id: int, mrn: str | None) -> object:
        from app.interop.lab_codes import CodeMapError
        from app.interop.lab_feed_config import site_lab_feed_settings
        from app.interop.lab_review_io import ReviewError, assign_held_message

        try:
            settings = site_lab_feed_settings()
        except CodeMapError as exc:  # shown by the window, like any refusal
            raise ReviewError(f"lab-feed file: {exc}") from None
        report = assign_held_message(self.db, review_id, mrn, self.actor, settings=settings,
                                     params=self.params, today=date.today)
        refresh = getattr(self.main, "refresh", None)
        if refresh is not None:
            refresh()
        return report

    def open(self) -> LabReviewWindow:
        from app.ui.labreview.window import LabReviewWindow

        if self.window is None:
            self.window = LabReviewWindow(self.db, self.actor, self.assign, self.main)
        else:
            self.window.reload()
            if QGuiApplication.platformName() != "offscreen":
                self.window.raise_()
        self.window.show()
        self.window.activateWindow()
        return self.window


def install_lab_review(main_window: QMainWindow, db: Database, actor: str, *,
                       params: Params = DEFAULTS) -> LabReviewHub:
    return LabReviewHub(main_window, db, actor, params)
