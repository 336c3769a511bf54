"""Runs the worklist computation on a thread-pool thread and reports back by signal.

:class:`WorklistJob` runs the two passes of :mod:`app.services.worklist`:

1. ``firstPass(items)`` — the provisional items from the cached summary columns
   (:func:`app.services.worklist_cached.cached_items`: one query, no rules), so the window
   shows the list at once, even on a 100,000-patient registry;
2. ``chunkReady(patient_ids, items)`` for each chunk of :func:`app.services.worklist.
   refine_chunks` — the assessed items of those patients, which replace their rows — with
   ``progress(done, total)``.

``finished(cancelled)`` ends the run, ``failed(message)`` reports an error (a short message, no
patient data). :meth:`WorklistJob.cancel` stops it after the current chunk. The GUI thread
never waits for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QRunnable, Signal

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.services.worklist import refine_chunks
from app.services.worklist_cached import cached_items

log = logging.getLogger(__name__)


class WorklistSignals(QObject):
    firstPass = Signal(list)  # provisional WorklistItems from the cached summaries
    chunkReady = Signal(list, list)  # patient ids assessed, their WorklistItems
    progress = Signal(int, int)
    finished = Signal(bool)  # cancelled
    failed = Signal(str)


class WorklistJob(QRunnable):
    def __init__(self, db: Database, as_of: date, params: Params = DEFAULTS, *,
                 chunk_size: int = 100,
                 first_pass: Callable[..., list] = cached_items,
                 chunks: Callable[..., object] = refine_chunks) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the view keeps it (and its signals) until it is done
        self.signals = WorklistSignals()
        self._db = db
        self._as_of = as_of
        self._params = params
        self._chunk_size = chunk_size
        self._first_pass = first_pass
        self._chunks = chunks
        self._cancel = threading.Event()
        self.done = False  # set when run() has returned (the owner may then drop the job)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.done = True

    def _run(self) -> None:
        try:
            first = self._first_pass(self._db, self._as_of)
            if not self._cancel.is_set():
                self.signals.firstPass.emit(first)
                shown = [item.patient_id for item in first]
                for chunk in self._chunks(  # type: ignore[operator]
                    self._db, self._as_of, self._params, first=shown,
                    chunk_size=self._chunk_size, cancel=self._cancel.is_set,
                ):
                    if self._cancel.is_set():
                        break
                    self.signals.chunkReady.emit(list(chunk.patient_ids), chunk.items)
                    self.signals.progress.emit(chunk.done, chunk.total)
        except Exception as exc:  # reported to the user; details to the log, no patient data
            log.exception("worklist computation failed")
            self.signals.failed.emit(type(exc).__name__)
            return
        self.signals.finished.emit(self._cancel.is_set())
