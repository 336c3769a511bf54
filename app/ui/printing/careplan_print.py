""""Print care plan…" for a patient chart: pick the language (the patient's preferred one from
the registry is preselected), build the plan and its PDF on the thread pool behind a busy
indicator (Cancel stops it), then open the preview (print / save as PDF).

The plan is built from what the chart shows (its case, assessment and as-of date), with the
site's rule parameters and the clinic's contact details from the settings ``clinic/name``,
``clinic/phone``, ``clinic/after_hours_phone`` and ``clinic/address`` (left out when unset).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from app.domain.careplan import Clinic, build_careplan
from app.reports.careplan_pdf import build_careplan_pdf
from app.services.registry import PatientNotFound, RegistryService
from app.ui.printing.jobs import Job
from app.ui.printing.preview import PdfPreviewDialog

# Printout languages, named in their own language (a reader must find theirs).
PLAN_LANGUAGES = (("zh", "中文"), ("en", "English"))


def clinic_from_settings() -> Clinic | None:
    s = QSettings()
    values = [str(s.value(f"clinic/{k}", "") or "").strip() or None
              for k in ("name", "phone", "after_hours_phone", "address")]
    return Clinic(*values) if any(values) else None


class LanguageDialog(QDialog):
    """Asks for the printout language; ``language()`` is ``"zh"`` or ``"en"``."""

    def __init__(self, preferred: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carePlanLanguageDialog")
        self.setWindowTitle(self.tr("Print care plan"))
        self.combo = QComboBox(self)
        for code, name in PLAN_LANGUAGES:
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(preferred or "zh")))
        self.combo.setAccessibleName(self.tr("Language of the care plan"))
        note = QLabel(self.tr("The patient's preferred language (registry) is preselected."),
                      self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Preview"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.combo)
        form.addRow(note)
        form.addRow(buttons)
        self.combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(380)

    def language(self) -> str:
        return self.combo.currentData()


class CarePlanPrint(QObject):
    """The care-plan printout of one chart window (``chart_window.chart`` must be loaded)."""

    previewOpened = Signal(object)  # PdfPreviewDialog
    failed = Signal(str)

    def __init__(self, chart_window, registry: RegistryService) -> None:
        super().__init__(chart_window)
        self.window = chart_window
        self.registry = registry
        self.job: Job | None = None
        self.busy: QProgressDialog | None = None
        self.dialog: LanguageDialog | None = None
        self.preview: PdfPreviewDialog | None = None

    def preferred_language(self) -> str | None:
        try:
            form, _version = self.registry.load_form(self.window.patient_id)
        except PatientNotFound:
            return None
        return form.language

    def start(self) -> None:
        """Ask for the language, then build and preview."""
        if self.window.chart is None or self.job is not None:
            return
        dialog = LanguageDialog(self.preferred_language(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.build(dialog.language()))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def build(self, lang: str) -> Job | None:
        """Build the plan's PDF in ``lang`` off the GUI thread; the preview opens when done."""
        chart = self.window.chart
        if chart is None or self.job is not None:
            return None
        params = self.window.service.params
        clinic = clinic_from_settings()
        case, assessment, as_of = chart.case, chart.assessment, chart.as_of

        def work(progress, cancel) -> bytes:
            plan = build_careplan(case, assessment, as_of, lang, params=params, clinic=clinic)
            return build_careplan_pdf(plan, progress=progress, cancel=cancel)

        busy = QProgressDialog(self.tr("Preparing the care plan…"), self.tr("Cancel"), 0, 0,
                               self.window)
        busy.setObjectName("carePlanBusy")
        busy.setWindowTitle(self.tr("Print care plan"))
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        job = Job(work)
        busy.canceled.connect(job.cancel)
        job.signals.done.connect(self._done)
        job.signals.cancelled.connect(self._end)
        job.signals.failed.connect(self._failed)
        self.job, self.busy = job, busy
        self._meta = (chart.mrn, chart.name, as_of, lang)
        busy.show()
        return job.start()

    def _end(self) -> None:
        self.job = None
        if self.busy is not None:
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None

    def _done(self, pdf: bytes) -> None:
        self._end()
        mrn, name, as_of, lang = self._meta
        title = self.tr("Care plan — %1").replace("%1", f"{name or ''} ({mrn})")
        preview = PdfPreviewDialog(pdf, title=title,
                                   file_name=f"careplan-{mrn}-{as_of.isoformat()}-{lang}.pdf",
                                   parent=self.window)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(self._preview_gone)
        self.preview = preview
        preview.open()
        self.previewOpened.emit(preview)

    def _preview_gone(self, _obj=None) -> None:
        self.preview = None

    def _failed(self, error: str) -> None:
        self._end()
        QMessageBox.warning(self.window, self.tr("Print care plan"), self.tr(
            "The care plan could not be prepared (%1).").replace("%1", error))
        self.failed.emit(error)
