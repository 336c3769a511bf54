"""QApplication set-up: names for QSettings, the UI language and its translators, the CJK font.

Nothing here opens storage or shows a window; :func:`create_application` is called once by
the GUI entry point (``app.cli.gui_cmd``) and by tests/benchmarks that need the same set-up.

Language: the ``--lang`` option wins, then the ``ui/language`` setting, then the system locale
(Chinese → ``zh_CN``), else English. Changing it from the Language menu stores the setting and
retranslates the open windows at once (they handle ``QEvent.LanguageChange``).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.resources import TRANSLATION_BASENAME, cjk_font_path, translations_dir

ORGANIZATION = "BoneMet"
APPLICATION = "BoneMet Workstation"
LANGUAGES: tuple[str, ...] = ("en", "zh_CN")
SETTING_LANGUAGE = "ui/language"


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the process's QApplication (creating it if needed), fully set up except language."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    # one place for settings on every OS: the user config folder platformdirs gives (where the
    # site parameter file lives too), e.g. ~/.config/BoneMet/BoneMet Workstation.ini
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_root()))
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else ["bonemet"])
    register_bundled_fonts(app)
    from app.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def config_root() -> Path:
    """The folder above ``<user config dir>/BoneMet`` (QSettings adds the organisation)."""
    return Path(platformdirs.user_config_dir(ORGANIZATION, appauthor=False)).parent


def register_bundled_fonts(app: QApplication) -> list[str]:
    """Register the bundled CJK font and use it as the fallback for the application font.

    Chinese names and the Chinese UI then render on a workstation with no CJK font installed
    (otherwise: boxes). Latin text keeps the platform's default face.
    """
    path = cjk_font_path()
    if not path.is_file():
        return []
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return []
    families = QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(app.font())
        current = list(font.families()) or [font.family()]
        if families[0] not in current:
            font.setFamilies([*current, families[0]])
            app.setFont(font)
    return list(families)


def settings() -> QSettings:
    """The user's settings store (INI format, per user; names set by :func:`create_application`)."""
    return QSettings()


def system_language() -> str:
    """``zh_CN`` when the system locale is Chinese, else ``en``."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def stored_language() -> str | None:
    """The language chosen in the Language menu, or None if never chosen (or unknown)."""
    value = settings().value(SETTING_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else None


def store_language(language: str) -> None:
    """Remember the UI language for the next start."""
    if language not in LANGUAGES:
        raise ValueError(f"language: {language!r} is not one of {', '.join(LANGUAGES)}")
    store = settings()
    store.setValue(SETTING_LANGUAGE, language)
    store.sync()


def resolve_language(requested: str | None = None) -> str:
    """``requested`` (``--lang``) if given, else the stored setting, else the system's."""
    if requested in LANGUAGES:
        return requested  # type: ignore[return-value]
    return stored_language() or system_language()


# Qt's own zh_CN catalogue (qtbase_zh_CN) lacks these file-dialog labels (their "&" forms of
# Qt 6): ours translates them (our translator is installed after Qt's, so it is asked first).
# Named here so that lupdate keeps them in the .ts.
QT_DIALOG_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


class Translations:
    """The translators currently installed on the application (ours and Qt's own dialogs')."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> bool:
        """Switch the UI language. Returns False (English stays) if our .qm file is missing.

        Installing/removing translators posts ``LanguageChange`` to every widget, so open
        windows retranslate themselves.
        """
        if language not in LANGUAGES:
            raise ValueError(f"language: {language!r} is not one of {', '.join(LANGUAGES)}")
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"
        if language == "en":
            return True
        ours = QTranslator(self._app)
        if not ours.load(f"{TRANSLATION_BASENAME}_{language}", str(translations_dir())):
            return False
        qt_own = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
        self._app.installTranslator(ours)
        self._installed.append(ours)
        self.language = language
        return True
