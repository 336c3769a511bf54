"""The MDT case pack, built in the background with progress and cancel.

:class:`PackBuilder` runs :meth:`MdtService.pack_content` and then
:func:`~app.reports.mdt_pdf.build_mdt_pack_pdf` on the thread pool. Trend plots are Qt widgets
and must be drawn on the GUI thread, so the worker asks for each case's PNG through a
:class:`TrendBridge`: a signal connected with ``BlockingQueuedConnection`` runs the drawing
in the GUI thread's event loop while the worker waits (one short plot per case; the GUI keeps
handling events between them). Once Cancel is pressed the bridge draws nothing more and the
builders stop at their next check (:class:`~app.domain.progress.BuildCancelled`).

Progress runs over ``2 × cases`` steps: first the cases' content (assessment, plot), then the
PDF's pages (one summary per case). The GUI thread must never block waiting for the job.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Qt, QThread, Signal

from app.domain.case import Case
from app.domain.params import DEFAULTS, Params
from app.domain.trends import build_trend_data
from app.reports.mdt_pdf import build_mdt_pack_pdf
from app.services.mdt_service import MdtService
from app.ui.printing.jobs import Job
from app.ui.trends.render import render_trend_png

TREND_SIZE_PX = (1240, 560)  # ≈180 dpi across the A4 text width (as the command line's pack)
TREND_SIZE_LABS_PX = (1240, 760)  # with the creatinine/calcium panel
PACK_LOGICAL_WIDTH = 760.0  # laid out as a 760 px wide plot: texts readable on paper


def draw_trend(render: Callable[..., bytes], case: Case, as_of: date, lab_panel: bool,
               lang: str) -> bytes | None:
    """A case's trend PNG for the pack (``None`` without any result to plot); the
    creatinine/calcium panel when ``lab_panel``; texts in the pack's ``lang``."""
    data = build_trend_data(case, as_of)
    if data.point_count() == 0:
        return None
    size = TREND_SIZE_LABS_PX if lab_panel else TREND_SIZE_PX
    return render(data, *size, extra=lab_panel, lang=lang, logical_width=PACK_LOGICAL_WIDTH)


@dataclass(frozen=True)
class PackResult:
    pdf: bytes
    meeting_date: date
    case_count: int
    plot_failures: int  # cases whose trend could not be drawn (printed without it)


class TrendBridge(QObject):
    """Draws trend PNGs on the thread it lives on (the GUI thread) for a worker thread."""

    request = Signal(object, object, bool, str)  # case, as_of, lab panel, language

    def __init__(self, cancel: Callable[[], bool],
                 render: Callable[..., bytes] | None = None) -> None:
        super().__init__()
        self._cancel = cancel
        self._render_png = render
        self._result: bytes | None = None
        self._lock = threading.Lock()
        self.failures = 0
        self.drawn = 0
        self.request.connect(self._draw, Qt.ConnectionType.BlockingQueuedConnection)

    def _draw(self, case: Case, as_of: date, lab_panel: bool, lang: str) -> None:
        self._result = None
        if self._cancel():
            return
        try:
            self._result = draw_trend(self._render_png or render_trend_png, case, as_of,
                                      lab_panel, lang)
            if self._result is not None:
                self.drawn += 1
        except Exception:  # a plot failure must not lose the whole pack
            self.failures += 1

    def png(self, case: Case, as_of: date, lab_panel: bool = False, lang: str = "en"
            ) -> bytes | None:
        """The case's trend PNG (``None`` without data or once cancelled); callable from any
        thread — from a worker it waits for the GUI thread to draw it."""
        with self._lock:  # one request at a time
            if QThread.currentThread() is self.thread():
                self._draw(case, as_of, lab_panel, lang)
            else:
                self.request.emit(case, as_of, lab_panel, lang)
            return self._result


class PackBuilder(QObject):
    """One pack generation for a meeting; emits ``progress(done, total)`` then exactly one of
    ``finished(PackResult)``, ``cancelled()``, ``failed(error type)``."""

    progress = Signal(int, int)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, service: MdtService, meeting_id: int, *, lang: str = "en",
                 as_of: date | None = None, params: Params = DEFAULTS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.meeting_id = meeting_id
        self.lang = lang
        self.as_of = as_of
        self.params = params
        self.job: Job | None = None
        self.bridge: TrendBridge | None = None
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop as soon as possible (no more plots; the builders stop at their next check)."""
        self._cancel.set()
        if self.job is not None:
            self.job.cancel()

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self) -> Job:
        cancelled = self._cancel.is_set
        bridge = TrendBridge(cancelled)
        service, meeting_id, lang = self.service, self.meeting_id, self.lang
        as_of, params = self.as_of, self.params

        def work(report, cancel) -> PackResult:
            stop = (lambda: cancel() or cancelled())  # noqa: E731
            cases = [0]

            def content(done: int, total: int) -> None:
                cases[0] = total
                report(done, 2 * total)

            def pages(done: int, total: int) -> None:
                report(total + done, 2 * total)

            pack = service.pack_content(meeting_id, as_of=as_of, params=params,
                                        trend_png=bridge.png, progress=content, cancel=stop,
                                        lang=lang)
            pdf = build_mdt_pack_pdf(pack, progress=pages, cancel=stop)
            return PackResult(pdf, pack.meeting_date, len(pack.cases), bridge.failures)

        job = Job(work)
        job.signals.progress.connect(self.progress)
        job.signals.done.connect(self._done)
        job.signals.cancelled.connect(self._cancelled)
        job.signals.failed.connect(self._failed)
        self.job, self.bridge = job, bridge
        return job.start()

    def _done(self, result: PackResult) -> None:
        self.job = None
        self.finished.emit(result)

    def _cancelled(self) -> None:
        self.job = None
        self.cancelled.emit()

    def _failed(self, error: str) -> None:
        self.job = None
        self.failed.emit(error)
