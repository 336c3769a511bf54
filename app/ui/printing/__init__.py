"""Printing: preview a PDF (page images, zoom, keyboard paging), print it through the system
print dialog, save the exact bytes as a PDF file; the care plan action of the chart.

- :class:`~app.ui.printing.preview.PdfPreviewDialog` — the preview dialog for any PDF bytes.
- :class:`~app.ui.printing.raster.PdfPages` — PDFium (pypdfium2) page rasteriser, usable from
  worker threads (calls are serialised: PDFium is not thread-safe).
- :func:`~app.ui.printing.print_pdf.print_pdf` — draw the rendered pages on a ``QPrinter``.
- :class:`~app.ui.printing.jobs.Job` — a callable with progress/cancel run on the thread pool.
- :class:`~app.ui.printing.careplan_print.CarePlanPrint` — "Print care plan…" for a chart.
"""
