"""The PDF preview dialog: the document's pages as images, zoom, keyboard paging, Print… (the
system print dialog) and Save as PDF… (the exact bytes that were previewed).

Keys (also on the toolbar buttons' tooltips): Page Down / Page Up next / previous page,
Ctrl+Home / Ctrl+End first / last page, Ctrl++ / Ctrl+- zoom, Ctrl+0 fit the width,
Ctrl+P print, Ctrl+S save as PDF, Esc close. Pages are rasterised on the thread pool
(:mod:`app.ui.printing.page_render`), printing too (:func:`~app.ui.printing.print_pdf.print_pdf`);
the dialog never waits for them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QImage, QKeySequence, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.services.files import OutputPathError, write_file_atomic
from app.ui.printing.jobs import Job, start_job
from app.ui.printing.page_render import PageRenderJob
from app.ui.printing.print_pdf import match_page_size, print_pdf
from app.ui.printing.raster import POINTS_PER_INCH, PdfPages

SCREEN_DPI = 96.0
ZOOMS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
PAGE_GAP = 12
SETTING_DIR = "printing/last_folder"
DEFAULT_JOB_NAME = "BoneMet document"


def strip_mnemonic(text: str) -> str:
    """``"&Print…"`` → ``"Print…"``, ``"打印(&P)…"`` → ``"打印…"`` (for tooltips)."""
    return re.sub(r"\(&(\w)\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


class PdfPreviewDialog(QDialog):
    """Preview of ``pdf`` (bytes). ``file_name`` is the name suggested by Save as PDF."""

    saved = Signal(str)  # path written
    printed = Signal(int)  # pages sent to the printer
    printFailed = Signal(str)

    def __init__(self, pdf: bytes, *, title: str = "", file_name: str = "document.pdf",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.pdf = bytes(pdf)
        self.pages = PdfPages(self.pdf)
        # PDFium's document is released with the dialog even if it is destroyed unclosed.
        self.destroyed.connect(lambda _o=None, pages=self.pages: pages.close())
        self.file_name = file_name
        self._title = title
        self.zoom = 1.0
        self.generation = 0
        self.rendered: dict[int, int] = {}  # page index -> generation of its image
        self._render_jobs: list[PageRenderJob] = []
        self.print_job: Job | None = None
        self._print_progress: QProgressDialog | None = None
        self._print_dialog: QPrintDialog | None = None

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.page_spin = QSpinBox(self)
        self.page_spin.setRange(1, max(1, len(self.pages)))
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.valueChanged.connect(lambda v: self.go_to_page(v - 1))
        self.page_of = QLabel(self)
        self.page_of.setContentsMargins(4, 0, 6, 0)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._make_actions()

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("previewPages")
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(self.scroll.backgroundRole())
        self.scroll.setStyleSheet("QScrollArea#previewPages > QWidget > QWidget "
                                  "{ background: #808487; }")
        holder = QWidget()
        self.page_box = QVBoxLayout(holder)
        self.page_box.setSpacing(PAGE_GAP)
        self.page_box.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.page_labels: list[QLabel] = []
        for _ in range(len(self.pages)):
            lab = QLabel(holder)
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.page_box.addWidget(lab, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(lab)
        self.page_box.addStretch(1)
        self.scroll.setWidget(holder)
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.scroll, 1)
        self.retranslate()
        self.resize(900, 1000)
        self.set_zoom(1.0)
        self.scroll.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- construction ---------------------------------------------------------------------
    def _action(self, shortcuts: list[str] | tuple, slot) -> QAction:
        act = QAction(self)
        act.setShortcuts([QKeySequence(s) for s in shortcuts])
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def _make_actions(self) -> None:
        self.act_print = self._action(["Ctrl+P"], self.print_document)
        self.act_save = self._action(["Ctrl+S"], self.save_as)
        self.act_prev = self._action(["PgUp"], lambda: self.go_to_page(self.current_page() - 1))
        self.act_next = self._action(["PgDown"],
                                     lambda: self.go_to_page(self.current_page() + 1))
        self.act_first = self._action(["Ctrl+Home"], lambda: self.go_to_page(0))
        self.act_last = self._action(["Ctrl+End"], lambda: self.go_to_page(len(self.pages) - 1))
        self.act_zoom_in = self._action(["Ctrl++", "Ctrl+="], lambda: self.step_zoom(1))
        self.act_zoom_out = self._action(["Ctrl+-"], lambda: self.step_zoom(-1))
        self.act_fit = self._action(["Ctrl+0"], self.fit_width)
        self.act_close = self._action([], self.reject)
        tb = self.toolbar
        for act in (self.act_print, self.act_save):
            tb.addAction(act)
        tb.addSeparator()
        tb.addAction(self.act_prev)
        self.page_label = QLabel(self)
        self.page_label.setBuddy(self.page_spin)
        self.page_label.setContentsMargins(6, 0, 4, 0)
        tb.addWidget(self.page_label)
        tb.addWidget(self.page_spin)
        tb.addWidget(self.page_of)
        tb.addAction(self.act_next)
        tb.addSeparator()
        tb.addAction(self.act_zoom_out)
        tb.addWidget(self.zoom_label)
        tb.addAction(self.act_zoom_in)
        tb.addAction(self.act_fit)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        tb.addAction(self.act_close)

    def retranslate(self) -> None:
        title = self._title or self.tr("Print preview")
        self.setWindowTitle(self.tr("%1 — preview").replace("%1", title)
                            if self._title else title)
        # Every toolbar button has its own Alt+letter (the "&" letter): P, S, R, N, O, I, F, C,
        # and A for the page number box. The icon text keeps the "&" (Qt strips it from the
        # derived one), so the buttons really answer their mnemonic.
        texts = {
            self.act_print: self.tr("&Print…"), self.act_save: self.tr("&Save as PDF…"),
            self.act_prev: self.tr("◀ P&revious"), self.act_next: self.tr("&Next ▶"),
            self.act_first: self.tr("First page"), self.act_last: self.tr("Last page"),
            self.act_zoom_in: self.tr("Zoom &in"), self.act_zoom_out: self.tr("Zoom &out"),
            self.act_fit: self.tr("&Fit width"), self.act_close: self.tr("&Close"),
        }
        for act, text in texts.items():
            act.setText(text)
            act.setIconText(text)
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                             for k in act.shortcuts())
            plain = strip_mnemonic(text)
            act.setToolTip(f"{plain} ({keys})" if keys else plain)
        self.act_close.setToolTip(self.tr("Close (Esc)"))
        self.page_label.setText(self.tr("P&age"))
        self.page_of.setText(self.tr("of %1").replace("%1", str(len(self.pages))))
        self.page_spin.setAccessibleName(self.tr("Page number"))
        self.zoom_label.setAccessibleName(self.tr("Zoom"))
        self.scroll.setAccessibleName(self.tr("Pages of the document"))
        for i, lab in enumerate(self.page_labels):
            lab.setAccessibleName(self.tr("Page %1 of %2").replace("%1", str(i + 1))
                                  .replace("%2", str(len(self.pages))))
        self._show_zoom()

    # ---- pages and zoom -------------------------------------------------------------------
    def page_count(self) -> int:
        return len(self.pages)

    def page_size_px(self, index: int) -> QSize:
        w, h = self.pages.sizes[index]
        f = SCREEN_DPI * self.zoom / POINTS_PER_INCH
        return QSize(max(1, round(w * f)), max(1, round(h * f)))

    def set_zoom(self, zoom: float) -> None:
        """Show the pages at ``zoom`` (1.0 = actual size on a 96-dpi screen) and re-render."""
        keep = self.current_page() if self.page_labels else 0
        self.zoom = max(ZOOMS[0], min(ZOOMS[-1], zoom))
        for i, lab in enumerate(self.page_labels):
            size = self.page_size_px(i)
            blank = QPixmap(size)
            blank.fill(QColor("white"))
            lab.setFixedSize(size)
            lab.setPixmap(blank)
        self.rendered.clear()
        self._show_zoom()
        self._start_render(keep)
        if self.page_labels:
            self.scroll.widget().adjustSize()
            self.go_to_page(keep)

    def step_zoom(self, direction: int) -> None:
        if direction > 0:
            bigger = [z for z in ZOOMS if z > self.zoom + 1e-6]
            self.set_zoom(bigger[0] if bigger else ZOOMS[-1])
        else:
            smaller = [z for z in ZOOMS if z < self.zoom - 1e-6]
            self.set_zoom(smaller[-1] if smaller else ZOOMS[0])

    def fit_width(self) -> None:
        if not self.page_labels:
            return
        w_pt = max(w for w, _h in self.pages.sizes)
        avail = self.scroll.viewport().width() - 2 * PAGE_GAP - 4
        self.set_zoom(avail / (w_pt * SCREEN_DPI / POINTS_PER_INCH))

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.act_zoom_in.setEnabled(self.zoom < ZOOMS[-1] - 1e-6)
        self.act_zoom_out.setEnabled(self.zoom > ZOOMS[0] + 1e-6)

    def _start_render(self, first: int) -> None:
        for job in self._render_jobs:
            job.cancel()
        self.generation += 1
        if not len(self.pages):
            return
        job = PageRenderJob(self.pages, self.generation, SCREEN_DPI * self.zoom, first,
                            self.devicePixelRatioF())
        job.signals.pageReady.connect(self._page_ready)
        job.signals.finished.connect(self._render_finished)
        self._render_jobs.append(job)
        start_job(job)

    def _page_ready(self, generation: int, index: int, image: QImage) -> None:
        if generation != self.generation or self.pages.closed:
            return
        self.page_labels[index].setPixmap(QPixmap.fromImage(image))
        self.rendered[index] = generation

    def _render_finished(self, generation: int) -> None:
        self._render_jobs = [j for j in self._render_jobs if j.generation != generation]

    def all_rendered(self) -> bool:
        """Every page shows its image at the current zoom (tests, screenshots)."""
        return len(self.rendered) == len(self.pages)

    def page_image(self, index: int) -> QImage:
        return self.page_labels[index].pixmap().toImage()

    # ---- navigation -----------------------------------------------------------------------
    def current_page(self) -> int:
        """The page at the top third of the view (0-based)."""
        mark = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3
        current = 0
        for i, lab in enumerate(self.page_labels):
            if lab.y() <= mark:
                current = i
        return current

    def go_to_page(self, index: int) -> None:
        if not self.page_labels:
            return
        index = max(0, min(len(self.page_labels) - 1, index))
        self.scroll.widget().adjustSize()
        self.scroll.verticalScrollBar().setValue(
            max(0, self.page_labels[index].y() - PAGE_GAP))
        self._sync_spin(index)

    def _scrolled(self, _value: int) -> None:
        self._sync_spin(self.current_page())

    def _sync_spin(self, index: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)
        self.act_prev.setEnabled(index > 0)
        self.act_next.setEnabled(index < len(self.page_labels) - 1)

    # ---- save -----------------------------------------------------------------------------
    def save_as(self) -> None:
        folder = QSettings().value(SETTING_DIR, "") or os.path.expanduser("~")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path(str(folder)) / self.file_name),
            self.tr("PDF documents (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(path)

    def save_to(self, path: str | os.PathLike) -> bool:
        """Write the previewed bytes to ``path`` (atomically: a temporary file beside it, then
        a rename; a folder or device is refused); a failure is shown, not raised."""
        try:
            target = write_file_atomic(path, self.pdf)
        except OutputPathError as exc:
            QMessageBox.warning(self, self.tr("Save as PDF"), self.tr(
                "The file could not be written (%1).").replace("%1", exc.problem))
            return False
        QSettings().setValue(SETTING_DIR, str(Path(path).parent))
        self.saved.emit(str(target))
        return True

    # ---- print ----------------------------------------------------------------------------
    def new_printer(self) -> QPrinter:
        """A printer for this document. Its job name (seen in print queues and the print
        server's logs) is the PDF's own title, which has no patient data — never the file
        name, which carries the MRN."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pages.title or DEFAULT_JOB_NAME)
        match_page_size(printer, self.pages)
        return printer

    def print_document(self) -> bool:
        """Ask for a printer (the system print dialog, modal), then print in the background.
        Returns whether printing was started.

        The dialog runs with ``exec()``: PySide6's ``QPrintDialog.open()`` only takes a
        receiver and a slot name (no-argument ``open()`` raises ``TypeError``), and native
        print dialogs (Windows, macOS) are modal anyway."""
        if self.print_job is not None or self._print_dialog is not None:
            return False
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setMinMax(1, max(1, len(self.pages)))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setWindowTitle(self.tr("Print"))
        self._print_dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            if accepted and printer.printRange() == QPrinter.PrintRange.CurrentPage:
                page = self.current_page() + 1
                printer.setFromTo(page, page)
        finally:
            self._print_dialog = None
            dialog.deleteLater()
        return accepted and self.print_to(printer) is not None

    def print_to(self, printer: QPrinter) -> Job | None:
        """Print on ``printer`` on the thread pool with a progress dialog (Cancel stops after
        the current page). Emits ``printed(pages)`` or ``printFailed(reason)``."""
        if self.print_job is not None:
            return None
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, len(self.pages),
                                   self)
        progress.setWindowTitle(self.tr("Print"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        pages = self.pages
        job = Job(lambda report, cancel: print_pdf(pages, printer, progress=report,
                                                   cancel=cancel))
        progress.canceled.connect(job.cancel)
        job.signals.progress.connect(self._print_progress_step)
        job.signals.done.connect(self._print_done)
        job.signals.cancelled.connect(self._print_cancelled)
        job.signals.failed.connect(self._print_failed)
        self.print_job = job
        self._print_progress = progress
        self._printer = printer  # kept alive while the job paints on it
        return job.start()

    def _print_progress_step(self, done: int, total: int) -> None:
        if self._print_progress is not None:
            self._print_progress.setMaximum(total)
            self._print_progress.setValue(done)

    def _print_end(self) -> None:
        self.print_job = None
        if self._print_progress is not None:
            self._print_progress.close()
            self._print_progress.deleteLater()
            self._print_progress = None

    def _print_done(self, pages: int) -> None:
        self._print_end()
        self.printed.emit(pages)

    def _print_cancelled(self) -> None:
        self._print_end()
        self.printFailed.emit(self.tr("cancelled"))

    def _print_failed(self, error: str) -> None:
        self._print_end()
        QMessageBox.warning(self, self.tr("Print"), self.tr(
            "The document could not be printed (%1).").replace("%1", error))
        self.printFailed.emit(error)

    # ---- closing --------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._shutdown()
        super().closeEvent(event)

    def _shutdown(self) -> None:
        for job in self._render_jobs:
            job.cancel()
        if self.print_job is not None:
            self.print_job.cancel()
            self.print_job.finished.wait(30)
        for job in self._render_jobs:
            job.ended.wait(5)
        self.pages.close()
