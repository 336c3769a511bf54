"""Runs the worklist computation on a thread-pool thread and reports back by signal.

:class:`WorklistJob` wraps :func:`app.services.worklist.worklist_chunks`: each chunk of items
is sent with ``chunkReady`` as soon as it is done (the view fills in progressively), with
``progress(done, total)``; ``finished(cancelled)`` ends the run, ``failed(message)`` reports an
error (a short message, no patient data). :meth:`WorklistJob.cancel` stops it after the
current chunk. The GUI thread never waits for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QRunnable, Signal

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.services.worklist import worklist_chunks

log = logging.getLogger(__name__)


class WorklistSignals(QObject):
    chunkReady = Signal(list)
    progress = Signal(int, int)
    finished = Signal(bool)  # cancelled
    failed = Signal(str)


class WorklistJob(QRunnable):
    def __init__(self, db: Database, as_of: date, params: Params = DEFAULTS, *,
                 chunk_size: int = 100,
                 chunks: Callable[..., object] = worklist_chunks) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the view keeps it (and its signals) until it is done
        self.signals = WorklistSignals()
        self._db = db
        self._as_of = as_of
        self._params = params
        self._chunk_size = chunk_size
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
            for items, done, total in self._chunks(  # type: ignore[operator]
                self._db, self._as_of, self._params, chunk_size=self._chunk_size,
                cancel=self._cancel.is_set,
            ):
                if self._cancel.is_set():
                    break
                self.signals.chunkReady.emit(items)
                self.signals.progress.emit(done, total)
        except Exception as exc:  # reported to the user; details to the log, no patient data
            log.exception("worklist computation failed")
            self.signals.failed.emit(type(exc).__name__)
            return
        self.signals.finished.emit(self._cancel.is_set())
