"""PDF pages as ``QImage`` s, rasterised by PDFium (``pypdfium2``; PySide6-Essentials has no
QtPdf).

PDFium is not thread-safe, so every call into it goes through one process-wide lock; the
images themselves are built outside the lock. A :class:`PdfPages` may therefore be used from
the GUI thread and from worker threads alike (the preview renders on the thread pool).
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

_PDFIUM = threading.Lock()  # one PDFium call at a time, process-wide
POINTS_PER_INCH = 72.0
MAX_PIXELS = 60_000_000  # a page image is never larger than this (≈ A4 at 600 dpi)


class PdfReadError(ValueError):
    """The bytes are not a PDF PDFium can read (``str()`` names the problem)."""


class PdfPages:
    """An open PDF document (from bytes) whose pages are rendered on demand."""

    def __init__(self, data: bytes) -> None:
        self.data = bytes(data)
        with _PDFIUM:
            try:
                doc = pdfium.PdfDocument(self.data)
            except pdfium.PdfiumError:
                raise PdfReadError("pdf: not a readable PDF document") from None
            sizes: list[tuple[float, float]] = []
            for i in range(len(doc)):
                page = doc[i]
                try:
                    sizes.append(page.get_size())
                finally:
                    page.close()
            title = str(doc.get_metadata_dict().get("Title") or "").strip()
        self._doc: pdfium.PdfDocument | None = doc
        self.sizes: tuple[tuple[float, float], ...] = tuple(sizes)
        self.title = title  # the document's own title ("" when it has none)

    def __len__(self) -> int:
        return len(self.sizes)

    @property
    def closed(self) -> bool:
        return self._doc is None

    def close(self) -> None:
        """Release PDFium's document (later :meth:`render` calls raise ``RuntimeError``)."""
        with _PDFIUM:
            if self._doc is not None:
                self._doc.close()
                self._doc = None

    def pixel_size(self, index: int, dpi: float) -> tuple[int, int]:
        w, h = self.sizes[index]
        return max(1, round(w * dpi / POINTS_PER_INCH)), max(1, round(h * dpi / POINTS_PER_INCH))

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` (0-based) at ``dpi`` as an RGB image (white background); the dpi is
        lowered if the image would exceed :data:`MAX_PIXELS`. The image records its dpi."""
        if not 0 <= index < len(self.sizes):
            raise IndexError(f"page: {index + 1} is not a page of this document")
        w, h = self.pixel_size(index, dpi)
        if w * h > MAX_PIXELS:
            dpi *= (MAX_PIXELS / (w * h)) ** 0.5
        with _PDFIUM:
            if self._doc is None:
                raise RuntimeError("the document was closed")
            page = self._doc[index]
            try:
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True,
                                     prefer_bgrx=True)
                try:
                    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
                    pixels = bytes(bitmap.buffer)
                finally:
                    bitmap.close()
            finally:
                page.close()
        image = QImage(pixels, width, height, stride, QImage.Format.Format_RGBX8888).copy()
        dots_per_metre = round(dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        return image
