"""``bonemet`` without a command: start the desktop app on the chosen registry.

Database: ``--db PATH|URL``; ``--demo`` = the demo registry (created on first use); otherwise
the default file in the user data directory. The schema is checked and brought to head before
any window opens; a database written by a newer BoneMet (or not a BoneMet registry at all) is
refused with a clear message and exit code 2. Qt is imported only here, lazily. Once the
window is shown, the site's scheduled backup runs in the background when it is due
(:mod:`app.ui.backup.install`).

Rule parameters (§9): ``--params FILE`` or the site file in the user config directory
(:mod:`app.services.site_settings`), loaded before the database is opened and handed to every
part of the GUI that assesses (charts, worklist, MDT packs, work-up wizard, trends). A file
that cannot be used (unknown parameter, wrong type, bad JSON, unreadable) stops the start with
a message naming the parameter and the problem, exit code 2: the app refuses to run the rules
on defaults the site did not choose rather than silently falling back to them.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import dataclass
from typing import Any


class GuiStartError(Exception):
    """Start-up failed; the message was already reported. ``code`` is the exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class GuiSession:
    """What :func:`prepare_gui` built (the caller runs ``app.exec()``)."""

    app: Any  # QApplication
    window: Any  # app.ui.main_window.MainWindow
    db: Any  # app.data.engine.Database
    translations: Any  # app.ui.app.Translations
    site: Any = None  # app.services.site_settings.SiteParams (parameters in force, their file)


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (e.g. some containers)
        return "unknown"


def _report(app: Any, title: str, message: str, detail: str, *, show_dialog: bool) -> None:
    print(f"bonemet: {message}" + (f"\n{detail}" if detail else ""), file=sys.stderr)
    if show_dialog and app is not None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, title, message)
        if detail:
            box.setInformativeText(detail)
        box.exec()


def resolve_target(args: argparse.Namespace) -> Any:
    """The database target: ``--db``, the demo registry for ``--demo``, or the default file."""
    from app.data.engine import default_sqlite_path, demo_sqlite_path

    if getattr(args, "db", None):
        return args.db
    if getattr(args, "demo", False):
        from app.services.demo import ensure_demo_registry

        return ensure_demo_registry(demo_sqlite_path())
    return default_sqlite_path()


def prepare_gui(
    args: argparse.Namespace, argv: list[str] | None = None, *, show_dialogs: bool = True
) -> GuiSession:
    """Create the application, open and check the database, build the registry window."""
    from PySide6.QtCore import QCoreApplication

    from app.data.engine import DatabaseTargetError, open_database
    from app.data.migrate import SchemaError, SchemaTooNewError, ensure_schema
    from app.services.registry import RegistryService
    from app.services.site_settings import SiteParamsError, load_site_params
    from app.ui.app import Translations, create_application, resolve_language
    from app.ui.backup.install import install_backup
    from app.ui.chart.opener import install_chart
    from app.ui.fhir_export import install_fhir_export
    from app.ui.labreview.install import install_lab_review
    from app.ui.labs.install import install_lab_feeds
    from app.ui.main_window import MainWindow
    from app.ui.mdt.install import install_mdt
    from app.ui.settings.install import install_settings

    app = create_application(argv if argv is not None else sys.argv[:1])
    translations = Translations(app)
    translations.install(resolve_language(getattr(args, "lang", None)))

    translate = QCoreApplication.translate
    title = translate("Startup", "BoneMet Workstation")
    try:
        site = load_site_params(getattr(args, "site_params", None))
    except SiteParamsError as exc:
        _report(
            app,
            title,
            translate(
                "Startup",
                "The site's rule parameter file cannot be used, so BoneMet will not start: "
                "the rules must not run on values the site did not choose. Correct the file "
                "(or remove it to use the rule book's defaults), then start BoneMet again.",
            ),
            f"{exc.path}\n{exc.problem}",
            show_dialog=show_dialogs,
        )
        raise GuiStartError(2) from None
    try:
        db = open_database(resolve_target(args))
    except DatabaseTargetError as exc:
        _report(
            app,
            title,
            translate("Startup", "This database cannot be opened."),
            str(exc),
            show_dialog=show_dialogs,
        )
        raise GuiStartError(2) from None
    try:
        ensure_schema(db)
    except SchemaTooNewError as exc:
        db.dispose()
        _report(
            app,
            title,
            translate(
                "Startup",
                "This database was written by a newer version of BoneMet. "
                "Update BoneMet to open it; the database was not changed.",
            ),
            str(exc),
            show_dialog=show_dialogs,
        )
        raise GuiStartError(2) from None
    except SchemaError as exc:
        db.dispose()
        _report(
            app,
            title,
            translate("Startup", "This database cannot be opened."),
            str(exc),
            show_dialog=show_dialogs,
        )
        raise GuiStartError(2) from None
    except Exception as exc:  # unreachable server, unreadable file, …
        db.dispose()
        first_line = str(exc).splitlines()[0] if str(exc) else ""
        _report(
            app,
            title,
            translate("Startup", "The database could not be opened."),
            f"{type(exc).__name__}: {first_line}",
            show_dialog=show_dialogs,
        )
        raise GuiStartError(1) from None

    service = RegistryService(db, _actor())
    window = MainWindow(service, db.describe(), translations)
    params = site.params
    # Enter opens the patient chart; worklist menu
    opener = install_chart(window, db, _actor(), params=params)
    # MDT meetings (Ctrl+M); chart Documents
    install_mdt(window, db, _actor(), opener=opener, params=params)
    install_settings(window, site, translations)  # File → Settings… (Ctrl+,)
    install_backup(window, db)  # File → Back up now… / Restore from backup…
    install_lab_review(window, db, _actor(), params=params)  # File → Lab review queue…
    # File → Import lab results… (Ctrl+Shift+I); the listener and watched folder if set
    install_lab_feeds(window, db, _actor(), params=params)
    # File → Export registry as FHIR…; chart Documents → Export FHIR…
    install_fhir_export(window, db, opener=opener, params=params)
    return GuiSession(app, window, db, translations, site)


def run_gui(args: argparse.Namespace) -> int:
    """Start the GUI and run it until the main window closes; returns the exit code."""
    from app.services.applog import log_event

    log_event("desktop app starting")
    try:
        session = prepare_gui(args)
    except GuiStartError as exc:
        log_event(f"desktop app did not start (exit {exc.code})")
        return exc.code
    from app.ui.errors import install as install_error_hook

    install_error_hook()
    session.window.show()
    session.window.backup_hub.start_scheduled()  # when due (site schedule), in the background
    try:
        return int(session.app.exec())
    finally:
        session.db.dispose()
        log_event("desktop app closed")
