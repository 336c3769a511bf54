"""Print a PDF on a ``QPrinter``: each page is rasterised by PDFium at the printer's
resolution (at most :data:`MAX_PRINT_DPI`) and drawn on the full sheet, keeping its
proportions. The printer's page ranges (1-based; none = all) are honoured.

Thread use: painting on a ``QPrinter`` is allowed off the GUI thread, so the preview dialog
runs :func:`print_pdf` as a background :class:`~app.ui.printing.jobs.Job`; only the print
dialog itself runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.domain.progress import Cancel, Progress, check_cancel
from app.ui.printing.raster import PdfPages

MAX_PRINT_DPI = 600  # A4 at 600 dpi ≈ 35 megapixels per page
# "Print to file (PDF)" in the print dialog: 300 dpi is sharp on paper and keeps the file and
# the wait small (Save as PDF… gives the original, vector file).
MAX_PDF_FILE_DPI = 300


class PrintError(RuntimeError):
    """The printer could not be started (``str()`` says why, no patient data)."""


def match_page_size(printer: QPrinter, pages: PdfPages) -> None:
    """Give the printer the document's paper size (A4 for our reports), portrait or
    landscape as the first page is, with no margins (the PDF has its own)."""
    if not len(pages):
        return
    w, h = pages.sizes[0]
    orientation = (QPageLayout.Orientation.Landscape if w > h
                   else QPageLayout.Orientation.Portrait)
    size = QPageSize(QSizeF(min(w, h), max(w, h)), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)


def page_indices(printer: QPrinter, count: int) -> list[int]:
    """The 0-based pages to print for the printer's page ranges (``1,3-4`` in the print
    dialog's "Pages" box; ``fromPage``/``toPage`` for a single range; none = all)."""
    ranges = printer.pageRanges()
    if not ranges.isEmpty():
        return [i for i in range(count) if ranges.contains(i + 1)]
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return list(range(count))
    return [i for i in range(first - 1, min(last, count))]


def print_pdf(pages: PdfPages | bytes, printer: QPrinter, *, progress: Progress | None = None,
              cancel: Cancel | None = None, max_dpi: int = MAX_PRINT_DPI) -> int:
    """Draw the PDF's pages on ``printer``; returns the number of pages printed. Raises
    :class:`PrintError` when the printer cannot start, ``BuildCancelled`` when cancelled
    (the pages already sent stay sent; a PDF-file printer then holds a partial file)."""
    doc = pages if isinstance(pages, PdfPages) else PdfPages(pages)
    indices = page_indices(printer, len(doc))
    printer.setFullPage(True)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        max_dpi = min(max_dpi, MAX_PDF_FILE_DPI)
    dpi = min(printer.resolution(), max_dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("printer: could not start printing (is the printer available?)")
    try:
        paper = printer.pageLayout().fullRectPixels(printer.resolution())
        for n, index in enumerate(indices):
            check_cancel(cancel)
            if progress is not None:
                progress(n, len(indices))
            if n and not printer.newPage():
                raise PrintError("printer: could not start a new page")
            image = doc.render(index, dpi)
            target = _fit(QRectF(0, 0, paper.width(), paper.height()),
                          image.width(), image.height())
            painter.drawImage(target, image)
        if progress is not None:
            progress(len(indices), len(indices))
    finally:
        painter.end()
    return len(indices)


def _fit(area: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle of the image's proportions centred in ``area``."""
    scale = min(area.width() / width, area.height() / height)
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)
