""""Print care plan…" for a patient chart: pick the language and large print (the patient's
preferences from the registry are preselected; a changed large-print choice is remembered for
the patient), build the plan and its PDF on the thread pool behind a busy indicator (Cancel
stops it), then open the preview (print / save as PDF).

The plan is built from what the chart shows (its case, assessment and as-of date), with the
site's rule parameters and the site's care-plan settings (clinic contacts, calcium target:
:mod:`app.services.careplan_settings`, the file ``bonemet careplan`` reads too). Without a
phone number the plan prints a line to write it on, and the first time that happens the
clinician is told once (a message naming File → Settings → Clinic).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from app.services.careplan_prefs import large_print, set_large_print
from app.services.careplan_settings import CarePlanSettings, load_careplan_settings
from app.services.registry import PatientNotFound, RegistryService
from app.services.site_settings import SiteParamsError
from app.ui.printing.jobs import Job
from app.ui.printing.preview import PdfPreviewDialog

# Printout languages, named in their own language (a reader must find theirs).
PLAN_LANGUAGES = (("zh", "中文"), ("en", "English"))


#: Qt setting: the clinician was told that plans print without the clinic's phone number.
TOLD_NO_CONTACTS = "careplan/told_no_contacts"


def careplan_site_settings() -> tuple[CarePlanSettings, str | None]:
    """The site's care-plan settings and, when the file cannot be used, its problem (the plan
    is then printed without contacts)."""
    try:
        return load_careplan_settings(), None
    except SiteParamsError as exc:
        return CarePlanSettings(), exc.problem


class LanguageDialog(QDialog):
    """Asks for the printout language (``language()``: ``"zh"`` or ``"en"``) and large print
    (``large_print()``)."""

    def __init__(self, preferred: str | None, parent: QWidget | None = None, *,
                 large: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("carePlanLanguageDialog")
        self.setWindowTitle(self.tr("Print care plan"))
        self.combo = QComboBox(self)
        for code, name in PLAN_LANGUAGES:
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(preferred or "zh")))
        self.combo.setAccessibleName(self.tr("Language of the care plan"))
        self.large = QCheckBox(self.tr("Lar&ge print (for readers who need bigger text)"), self)
        self.large.setObjectName("carePlanLargePrint")
        self.large.setChecked(large)
        note = QLabel(self.tr("The patient's preferred language and print size (registry) are "
                              "preselected; a changed print size is remembered for the "
                              "patient."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Preview"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.combo)
        form.addRow(self.large)
        form.addRow(note)
        form.addRow(buttons)
        self.combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(380)

    def language(self) -> str:
        return self.combo.currentData()

    def large_print(self) -> bool:
        return self.large.isChecked()


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
        self.contacts_note: QMessageBox | None = None
        self._settings_problem: str | None = None
        self._no_phone = False

    def preferred_language(self) -> str | None:
        try:
            form, _version = self.registry.load_form(self.window.patient_id)
        except PatientNotFound:
            return None
        return form.language

    def preferred_large_print(self) -> bool:
        return large_print(self.registry.db, self.window.patient_id)

    def remember_large_print(self, value: bool) -> None:
        """Store the patient's print-size choice (only when it changed)."""
        if value != self.preferred_large_print():
            set_large_print(self.registry.db, self.window.patient_id, value,
                            self.registry.actor)

    def start(self) -> None:
        """Ask for the language and print size, then build and preview."""
        if self.window.chart is None or self.job is not None:
            return
        dialog = LanguageDialog(self.preferred_language(), self.window,
                                large=self.preferred_large_print())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._accepted(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _accepted(self, dialog: LanguageDialog) -> None:
        self.remember_large_print(dialog.large_print())
        self.build(dialog.language(), large=dialog.large_print())

    def build(self, lang: str, *, large: bool = False) -> Job | None:
        """Build the plan's PDF in ``lang`` off the GUI thread; the preview opens when done."""
        chart = self.window.chart
        if chart is None or self.job is not None:
            return None
        params = self.window.service.params
        site, self._settings_problem = careplan_site_settings()
        self._no_phone = not site.clinic.has_phone
        case, assessment, as_of = chart.case, chart.assessment, chart.as_of

        def work(progress, cancel) -> bytes:
            # imported here, off the GUI thread: reportlab takes ~0.3–0.6 s to import, which
            # opening a chart should not pay
            from app.domain.careplan import build_careplan
            from app.reports.careplan_pdf import build_careplan_pdf

            plan = build_careplan(case, assessment, as_of, lang, params=params,
                                  clinic=site.clinic, large_print=large,
                                  calcium_target=site.calcium_target)
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
        self._tell_about_contacts(preview)

    def _tell_about_contacts(self, parent: QWidget) -> None:
        """Once (ever, per user): the plan has no phone number; say where to set it. A
        settings file that cannot be used is reported every time."""
        store = QSettings()
        if self._settings_problem is not None:
            text = self.tr("The clinic details cannot be read (%1): the care plan is printed "
                           "without them. Check File → Settings → Clinic.").replace(
                               "%1", self._settings_problem)
        elif self._no_phone and not store.value(TOLD_NO_CONTACTS, False, type=bool):
            store.setValue(TOLD_NO_CONTACTS, True)
            text = self.tr("No clinic phone number is set, so the care plan prints a blank "
                           "line to write it on. Set the clinic's contacts in File → Settings "
                           "→ Clinic.")
        else:
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Print care plan"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("carePlanContactsNote")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.contacts_note = box
        box.open()

    def _preview_gone(self, _obj=None) -> None:
        self.preview = None

    def _failed(self, error: str) -> None:
        self._end()
        QMessageBox.warning(self.window, self.tr("Print care plan"), self.tr(
            "The care plan could not be prepared (%1).").replace("%1", error))
        self.failed.emit(error)
