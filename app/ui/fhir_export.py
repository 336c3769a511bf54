"""FHIR export in the app: "Export FHIR…" in a chart's Documents menu (the patient's bundle as
of the chart's date, into a file) and File → "Export registry as FHIR…" (one bundle per
patient into a folder). Both run on the thread pool (:class:`app.ui.printing.jobs.Job`) behind
a progress dialog whose Cancel stops the export between patients (each file written is
complete: temporary file, then rename). Times carry the site's zone
(:func:`app.services.site_settings.load_site_zone`).

:func:`install_fhir_export` is called once by the GUI entry point after ``install_mdt`` (the
chart's Documents menu exists then; a chart without one gets its own Export menu).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.domain.progress import BuildCancelled
from app.services.site_settings import SiteParamsError
from app.services.site_zone import load_site_zone
from app.ui.actions import window_action
from app.ui.printing.jobs import Job


def _zone(parent, title: str) -> tzinfo | None:
    """The site's zone, or None after telling the user why the site file is unusable."""
    try:
        return load_site_zone()
    except SiteParamsError as exc:
        QMessageBox.warning(parent, title, f"{exc.path}: {exc.problem}")
        return None


class _BackgroundExport(QObject):
    """One export job at a time behind a progress dialog whose Cancel stops it; ends with
    ``finished("done" | "cancelled" | "failed")``."""

    finished = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.busy: QProgressDialog | None = None

    def _run(self, parent, job: Job, label: str, title: str) -> Job:
        busy = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        busy.setObjectName("fhirExportBusy")
        busy.setWindowTitle(title)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        busy.setAutoClose(False)
        busy.setAutoReset(False)
        busy.canceled.connect(job.cancel)
        job.signals.done.connect(self._done)
        job.signals.cancelled.connect(self._cancelled)
        job.signals.failed.connect(self._failed)
        self.job, self.busy = job, busy
        busy.show()
        return job.start()

    def _end(self, how: str) -> None:
        self.job = None
        if self.busy is not None:
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None
        self.finished.emit(how)

    def _done(self, result) -> None:  # pragma: no cover - overridden
        self._end("done")

    def _cancelled(self) -> None:
        self._end("cancelled")

    def _failed(self, error: str) -> None:  # pragma: no cover - overridden
        self._end("failed")


class FhirChartExport(_BackgroundExport):
    """"Export FHIR…" of one chart window."""

    def __init__(self, chart_window) -> None:
        super().__init__(chart_window)
        self.window = chart_window
        self.act = window_action(chart_window, "", self.start)
        menu = chart_window.findChild(QMenu, "chartDocumentsMenu")
        self.own_menu = menu is None
        if menu is None:
            menu = chart_window.menuBar().addMenu("")
        else:
            menu.addSeparator()
        self.menu = menu
        menu.addAction(self.act)
        chart_window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        if self.own_menu:
            self.menu.setTitle(self.tr("E&xport"))
        self.act.setText(self.tr("Export &FHIR…"))
        self.act.setStatusTip(self.tr("Save this patient as a FHIR R4 bundle (JSON) for "
                                      "another hospital, registry or research group"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def start(self) -> QFileDialog | None:
        """Ask where to save the bundle; the export starts when a file is chosen."""
        chart = self.window.chart
        if chart is None or self.job is not None:
            return None
        dialog = QFileDialog(self.window, self.tr("Export FHIR"))
        dialog.setObjectName("fhirChartFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("FHIR bundle (*.json)"))
        dialog.setDefaultSuffix("json")
        from app.interop.fhir_export import file_name_for

        dialog.selectFile(file_name_for(chart.mrn, set()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.export_to)
        dialog.open()
        return dialog

    def export_to(self, path: str) -> Job | None:
        """Build and write the chart patient's bundle off the GUI thread."""
        from app.interop.fhir_export import build_bundle, bundle_json
        from app.services.files import write_file_atomic

        chart = self.window.chart
        title = self.tr("Export FHIR")
        zone = _zone(self.window, title)
        if chart is None or self.job is not None or zone is None:
            return None
        case, as_of, params = chart.case, chart.as_of, self.window.service.params
        target = Path(path)

        def work(progress, cancel) -> str:
            text = bundle_json(build_bundle(case, as_of, zone, params=params))
            if cancel():
                raise BuildCancelled()
            write_file_atomic(target, text.encode("utf-8"))
            return str(target)

        return self._run(self.window, Job(work), self.tr("Exporting the FHIR bundle…"), title)

    def _done(self, path: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("FHIR bundle saved: %1").replace("%1", path), 8000)
        self._end("done")

    def _failed(self, error: str) -> None:
        QMessageBox.warning(self.window, self.tr("Export FHIR"), self.tr(
            "The FHIR bundle could not be exported (%1).").replace("%1", error))
        self._end("failed")


class FhirRegistryExport(_BackgroundExport):
    """File → "Export registry as FHIR…" of the registry window; charts get their action."""

    def __init__(self, main_window: QMainWindow, db: Database, *, opener=None,
                 params: Params = DEFAULTS, today: Callable[[], date] = date.today) -> None:
        super().__init__(main_window)
        self._main = main_window
        self._db = db
        self.params = params
        self.today = today
        self.progress: tuple[int, int] = (0, 0)
        self.charts: list[FhirChartExport] = []
        self.act = QAction(main_window)
        self.act.triggered.connect(lambda _c=False: self.start())
        main_window.addAction(self.act)
        menu = getattr(main_window, "menu_file", None)
        if menu is not None:
            quit_action = getattr(main_window, "act_quit", None)
            if quit_action is not None and quit_action in menu.actions():
                menu.insertAction(quit_action, self.act)
                menu.insertSeparator(quit_action)
            else:
                menu.addAction(self.act)
        chart_opened = getattr(opener, "chartOpened", None)
        if chart_opened is not None:
            chart_opened.connect(self.attach_chart)
        main_window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act.setText(self.tr("Export registry as &FHIR…"))
        self.act.setStatusTip(self.tr("Save every patient as a FHIR R4 bundle, one file per "
                                      "patient, into a folder"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._main and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def attach_chart(self, chart_window) -> FhirChartExport:
        export = FhirChartExport(chart_window)
        self.charts.append(export)
        chart_window.destroyed.connect(lambda _o=None, e=export: self._forget(e))
        return export

    def _forget(self, export: FhirChartExport) -> None:
        if export in self.charts:
            self.charts.remove(export)

    def start(self) -> QFileDialog | None:
        """Ask for the folder; the export starts when one is chosen."""
        if self.job is not None:
            return None
        dialog = QFileDialog(self._main, self.tr("Export registry as FHIR"))
        dialog.setObjectName("fhirRegistryFolderDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.export_to)
        dialog.open()
        return dialog

    def export_to(self, folder: str) -> Job | None:
        """Export every patient into ``folder`` off the GUI thread, with progress."""
        from app.interop.fhir_export import export_patients
        from app.services.case_batches import patient_ids

        title = self.tr("Export registry as FHIR")
        zone = _zone(self._main, title)
        if self.job is not None or zone is None:
            return None
        if not Path(folder).is_dir():
            QMessageBox.warning(self._main, title, self.tr("Choose an existing folder."))
            return None
        db, params, as_of, out = self._db, self.params, self.today(), Path(folder)

        def work(progress, cancel):
            ids = patient_ids(db)
            progress(0, len(ids))
            return export_patients(db, ids, out, as_of, zone, params=params,
                                   progress=progress, cancelled=cancel)

        job = Job(work)
        job.signals.progress.connect(self._progress)
        self.progress = (0, 0)
        return self._run(self._main, job, self.tr("Exporting the registry as FHIR bundles…"),
                         title)

    def _progress(self, done: int, total: int) -> None:
        self.progress = (done, total)
        busy = self.busy
        if busy is not None:  # setValue may process events (and end the job) last
            busy.setLabelText(self.tr("Exported %1 of %2 patients…")
                              .replace("%1", str(done)).replace("%2", str(total)))
            busy.setMaximum(total)
            busy.setValue(done)

    def _status(self, text: str) -> None:
        self._main.statusBar().showMessage(text, 10_000)

    def _done(self, report) -> None:
        self._status(self.tr("Exported %1 patients as FHIR bundles.")
                     .replace("%1", str(len(report.written))))
        self._end("done")

    def _cancelled(self) -> None:
        done, total = self.progress
        self._status(self.tr("FHIR export cancelled after %1 of %2 patients (the files "
                             "written are complete).").replace("%1", str(done))
                     .replace("%2", str(total)))
        self._end("cancelled")

    def _failed(self, error: str) -> None:
        QMessageBox.warning(self._main, self.tr("Export registry as FHIR"), self.tr(
            "The registry could not be exported (%1).").replace("%1", error))
        self._end("failed")


def install_fhir_export(main_window: QMainWindow, db: Database, *, opener=None,
                        params: Params = DEFAULTS,
                        today: Callable[[], date] = date.today) -> FhirRegistryExport:
    """Add File → Export registry as FHIR… and every chart's Export FHIR… (module docstring)."""
    hub = FhirRegistryExport(main_window, db, opener=opener, params=params, today=today)
    main_window.fhir_export = hub  # type: ignore[attr-defined]  # kept alive, for tests
    return hub
