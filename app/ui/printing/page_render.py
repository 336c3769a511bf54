"""Renders a document's pages at one zoom level on the thread pool (the preview's worker).

Start it with :func:`~app.ui.printing.jobs.start_job` (kept referenced while it runs). Each
finished page arrives as ``pageReady(generation, index, image)`` on the GUI thread; a new
zoom starts a new generation and cancels the old one (stale pages are ignored by the
generation number). The pages nearest the one being read are rendered first.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtGui import QImage

from app.ui.printing.jobs import release
from app.ui.printing.raster import PdfPages

log = logging.getLogger(__name__)


class RenderSignals(QObject):
    pageReady = Signal(int, int, QImage)
    finished = Signal(int)  # generation


class PageRenderJob(QRunnable):
    def __init__(self, pages: PdfPages, generation: int, dpi: float, first: int,
                 device_pixel_ratio: float = 1.0) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = RenderSignals()
        self.pages = pages
        self.generation = generation
        self.dpi = dpi
        self.ratio = device_pixel_ratio
        n = len(pages)
        self.order = sorted(range(n), key=lambda i: (abs(i - first), i))
        self._cancel = threading.Event()
        self.ended = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            for index in self.order:
                if self._cancel.is_set() or self.pages.closed:
                    break
                image = self.pages.render(index, self.dpi * self.ratio)
                image.setDevicePixelRatio(self.ratio)
                self.signals.pageReady.emit(self.generation, index, image)
        except RuntimeError:  # the document was closed meanwhile (dialog closed)
            pass
        except Exception as exc:
            log.error("page rendering failed: %s", type(exc).__name__)
        finally:
            self.ended.set()
            self.signals.finished.emit(self.generation)
            release(self)
