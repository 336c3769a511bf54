"""The bone-metastasis work-up wizard (QWizard with branching), started from the patient chart.

Pages: presentation → (neurological deficit: urgent spinal-cord-compression page) → risk
profile → bone markers → imaging plan and results → (confirmed: lesions and scores) → (biopsy
decision when the rules call for it) → conclusion.

Keyboard: Return or Alt+Right = Next, Ctrl+Return = Next / Complete from anywhere, Alt+Left =
Back, Ctrl+S = save draft, Esc = cancel; every field has a mnemonic (Alt+letter). Return never
moves on while the focus is in a drop-down (open or closed: Return there picks the item) or a
multi-line field (issue 20: Return pressed to close a drop-down must not leave the page).
Every page keeps its input when the user goes Back; a saved draft can be resumed later (the
latest draft opens automatically, on the page it was saved on); Cancel asks before discarding
unsaved input; Finish writes everything to the chart in one transaction
(:meth:`app.services.workup_service.WorkupService.complete`).

Entry point for the chart: :func:`open_workup_wizard` (or :func:`workup_action` for a QAction).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
    QWizard,
)

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.domain.workup import WorkupAnalysis
from app.services.workup_service import (
    CompleteResult,
    ConcurrentEditError,
    ValidationFailed,
    WorkupClosed,
    WorkupService,
    WorkupStart,
)
from app.ui.workup.page_base import CONCLUSION, PAGE_KEYS, WorkupPage
from app.ui.workup.pages_end import ConclusionPage
from app.ui.workup.pages_imaging import BiopsyPage, ImagingPage
from app.ui.workup.pages_labs import BiomarkersPage
from app.ui.workup.pages_lesions import LesionsPage
from app.ui.workup.pages_start import PresentationPage, RiskPage, UrgentPage

SAVE_BUTTON = QWizard.WizardButton.CustomButton1
#: what a page's first input can be (a page opens with the focus there)
FIRST_INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QCheckBox)


def holds_return(widget: QWidget | None) -> bool:
    """True when Return belongs to ``widget``: a drop-down (or its open list), a multi-line
    field."""
    while widget is not None:
        if isinstance(widget, (QComboBox, QPlainTextEdit, QTextEdit)):
            return True
        if widget.isWindow():  # a drop-down's open list is a popup window of the drop-down
            return isinstance(widget.parentWidget(), QComboBox)
        widget = widget.parentWidget()
    return False


class WorkupWizard(QWizard):
    """Emits ``completed(patient_id)`` after Finish wrote the work-up to the chart and
    ``draftSaved(workup_id)`` after each draft save."""

    completed = Signal(int)
    draftSaved = Signal(int)

    def __init__(self, service: WorkupService, start: WorkupStart,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workupWizard")
        self.service = service
        self.start_data = start
        self.entries = start.entries
        self.workup_id = start.workup_id
        self.version = start.version
        self.result: CompleteResult | None = None
        self.discard_box: QMessageBox | None = None
        self._saved_json = self.entries.to_json() if start.workup_id else None
        self._pristine = self.entries.to_json()
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.pages: list[WorkupPage] = [
            PresentationPage(), UrgentPage(), RiskPage(), BiomarkersPage(), ImagingPage(),
            BiopsyPage(), ConclusionPage(), LesionsPage(),
        ]
        for i, page in enumerate(self.pages):
            self.setPage(i, page)
            page.load(self.entries)
        self.customButtonClicked.connect(self._custom)
        self.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, self.focus_first_input))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        QShortcut(QKeySequence("Alt+Right"), self, self.next)  # Return also moves on
        QShortcut(QKeySequence("Alt+Left"), self, self.back)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.advance)
        self.retranslate()
        self.resize(760, 640)
        resume = PAGE_KEYS.index(self.entries.page) if self.entries.page in PAGE_KEYS else 0
        self.setStartId(0)
        self._resume_page = resume

    # ---- keyboard ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return / Enter reaches the wizard (= Next) only when the focused widget did not
        use it; in a drop-down or a multi-line field it never moves on."""
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and holds_return(QApplication.focusWidget())):
            event.accept()
            return
        super().keyPressEvent(event)

    def focus_first_input(self) -> None:
        """A new page opens on its first input (not on a list or a button)."""
        page = self.currentPage()
        if page is None:
            return
        w = page.nextInFocusChain()
        while w is not None and w is not page and page.isAncestorOf(w):
            if (isinstance(w, FIRST_INPUTS) and w.isVisible() and w.isEnabled()
                    and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
                w.setFocus(Qt.FocusReason.TabFocusReason)
                return
            w = w.nextInFocusChain()

    def advance(self) -> None:
        """Ctrl+Return: Next, or Complete on the last page (the buttons' own checks apply)."""
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            button = self.button(which)
            if button.isVisible() and button.isEnabled():
                button.click()
                return

    # ---- analysis --------------------------------------------------------------------------
    def collect(self) -> None:
        """Move every page's input into :attr:`entries`."""
        for page in self.pages:
            page.store(self.entries)

    def analysis(self) -> WorkupAnalysis:
        self.collect()
        return self.service.analyse(self.start_data.case, self.entries)

    # ---- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        who = self.start_data.mrn
        if self.workup_id is not None:
            title = self.tr("Bone-metastasis work-up — %1 (resumed draft)")
        else:
            title = self.tr("Bone-metastasis work-up — %1")
        self.setWindowTitle(title.replace("%1", who))
        self.setButtonText(SAVE_BUTTON, self.tr("Save &draft"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Complete work-up"))
        self.button(SAVE_BUTTON).setToolTip(self.tr("Save the work-up as a draft (Ctrl+S)"))
        for page in self.pages:
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- drafts ----------------------------------------------------------------------------
    def _custom(self, which: int) -> None:
        if which == SAVE_BUTTON.value:
            self.save_draft()

    def dirty(self) -> bool:
        self.collect()
        now = self.entries.to_json()
        now.pop("page", None)
        ref = dict(self._saved_json or self._pristine)
        ref.pop("page", None)
        return now != ref

    def save_draft(self) -> bool:
        self.collect()
        current = self.currentId()
        self.entries.page = PAGE_KEYS[current] if 0 <= current < len(PAGE_KEYS) else ""
        try:
            self.workup_id, self.version = self.service.save_draft(
                self.start_data.patient_id, self.entries, self.workup_id, self.version)
        except (ConcurrentEditError, WorkupClosed) as exc:
            self._message(self.tr("The draft could not be saved"), str(exc))
            return False
        self._saved_json = self.entries.to_json()
        self.draftSaved.emit(self.workup_id)
        self.setWindowTitle(self.tr("Bone-metastasis work-up — %1 (draft saved)")
                            .replace("%1", self.start_data.mrn))
        return True

    def _message(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.open()

    # ---- finish / cancel -------------------------------------------------------------------
    def complete_workup(self) -> bool:
        """Write the work-up to the chart (called by the conclusion page's validatePage)."""
        self.collect()
        page: ConclusionPage = self.pages[CONCLUSION]  # type: ignore[assignment]
        try:
            self.result = self.service.complete(self.start_data.patient_id, self.entries,
                                                self.workup_id, self.version,
                                                confirmed=page.confirmed())
        except ValidationFailed as exc:
            page.show_errors([self._error_text(e.field, e.code, e.message) for e in exc.errors])
            return False
        except ConcurrentEditError:
            page.show_errors([self.tr("Someone else saved this work-up meanwhile: close it and "
                                      "open it again.")])
            return False
        except WorkupClosed:
            page.show_errors([self.tr("This work-up was already completed or cancelled.")])
            return False
        self._saved_json = self.entries.to_json()
        self.completed.emit(self.start_data.patient_id)
        return True

    def _error_text(self, field: str, code: str, message: str) -> str:
        """``imaging[0].date: in the future …`` with the problem in the UI language."""
        problems = {
            "required": self.tr("required"),
            "future": self.tr("is in the future: only a planned record can be dated after "
                              "today"),
            "unit": self.tr("is not a unit of this analyte"),
            "invalid": self.tr("is not an allowed value"),
            "type": self.tr("has the wrong type"),
            "out_of_range": self.tr("is out of range"),
            "too_long": self.tr("is too long"),
            "duplicate": self.tr("the patient is already listed for this meeting"),
            "unconfirmed": self.tr("changes the chart's value: tick the change to confirm it"),
        }
        return f"{field}: {problems.get(code, message)}"

    def reject(self) -> None:
        """Cancel / Esc / close: ask before discarding unsaved input."""
        if self.result is not None or not self.dirty():
            super().reject()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Discard the work-up?"))
        if self.workup_id is not None:
            box.setText(self.tr("Discard the changes made since the draft was saved? The saved "
                                "draft stays and can be resumed."))
        else:
            box.setText(self.tr("Discard everything entered in this work-up?"))
        save = box.addButton(self.tr("Save draft and close"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.discard_box = box

        def done() -> None:
            clicked = box.clickedButton()
            self.discard_box = None
            if clicked is save:
                if self.save_draft():
                    QWizard.reject(self)
            elif clicked is discard:
                QWizard.reject(self)

        box.finished.connect(lambda _r: done())
        box.open()

    def showEvent(self, event) -> None:  # noqa: ANN001 - Qt signature
        super().showEvent(event)
        target, self._resume_page = self._resume_page, 0
        while target and self.currentId() < target and self.currentId() != -1:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break


def open_workup_wizard(parent: QWidget | None, db: Database, patient_id: int, actor: str, *,
                       resume: bool = True, today=date.today,
                       params: Params = DEFAULTS) -> WorkupWizard:
    """Create (not yet shown) the work-up wizard for a patient: the latest draft is resumed
    when ``resume`` and one exists, else a new work-up prefilled from the chart. ``params`` are
    the site's rule parameters (as the chart uses them). Call ``.show()`` / ``.open()``;
    connect ``completed(patient_id)`` to reload the chart."""
    service = WorkupService(db, actor, params=params, today=today)
    return WorkupWizard(service, service.start(patient_id, resume=resume), parent)


#: The chart's shortcut for the work-up (the registry window's Ctrl+Shift+W is the worklist).
WORKUP_SHORTCUT = "Ctrl+Shift+U"


def workup_action_text() -> str:
    """The action's menu text in the current UI language (call again on a language change)."""
    return QCoreApplication.translate("WorkupWizard", "Bone-metastasis &work-up…")


def workup_action(parent: QWidget, db: Database, patient_id: int, actor: str,
                  on_completed=None, *, params: Params = DEFAULTS,
                  today=date.today) -> QAction:
    """A QAction "Bone-metastasis work-up…" (:data:`WORKUP_SHORTCUT`, active in ``parent``'s
    window) that opens the wizard (window-modal on ``parent``); ``on_completed(patient_id)``
    runs after Finish wrote the chart. ``today`` is the chart's clock (the same "today" for
    the chart's rules and the wizard's)."""
    act = QAction(parent)
    act.setText(workup_action_text())
    act.setShortcut(QKeySequence(WORKUP_SHORTCUT))
    act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def trigger() -> None:
        wiz = open_workup_wizard(parent, db, patient_id, actor, params=params, today=today)
        wiz.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_completed is not None:
            wiz.completed.connect(on_completed)
        wiz.open()
        parent.setProperty("workupWizard", wiz)

    act.triggered.connect(trigger)
    return act
