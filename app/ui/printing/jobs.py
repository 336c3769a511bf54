"""Run a build (care plan, MDT pack, printing) on the thread pool with progress and cancel.

``Job(fn)`` calls ``fn(progress, cancel)`` on a pool thread; ``progress(done, total)`` is
forwarded to the GUI thread as :attr:`JobSignals.progress`; ``cancel()`` is true once
:meth:`Job.cancel` was called (the builders stop with
:class:`~app.domain.progress.BuildCancelled`). It ends with exactly one of ``done(result)``,
``cancelled()`` or ``failed(error_type)``; the failure carries only the exception's type name
(an exception message could contain patient data) and is logged the same way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.progress import BuildCancelled, Cancel, Progress

log = logging.getLogger(__name__)

# Jobs running on the pool, kept referenced here until run() returns: the pool does not own
# them (autoDelete off) and their owner (a dialog, a window) may be closed meanwhile.
_running: set[QRunnable] = set()
_running_lock = threading.Lock()


def keep_alive(job: QRunnable) -> None:
    with _running_lock:
        _running.add(job)


def release(job: QRunnable) -> None:
    with _running_lock:
        _running.discard(job)


def start_job(job: QRunnable, pool: QThreadPool | None = None) -> None:
    """Start ``job`` on ``pool`` (default: the global pool), referenced until it has run."""
    keep_alive(job)
    (pool or QThreadPool.globalInstance()).start(job)


class JobSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    cancelled = Signal()
    failed = Signal(str)


class Job(QRunnable):
    """One background build. Keep a reference to it until one of its end signals arrives."""

    def __init__(self, fn: Callable[[Progress, Cancel], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps it (and its signals) until it has ended
        self.signals = JobSignals()
        self._fn = fn
        self._cancel = threading.Event()
        self.finished = threading.Event()  # set when run() has returned

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> Job:
        start_job(self, pool)
        return self

    def run(self) -> None:
        try:
            result = self._fn(self.signals.progress.emit, self._cancel.is_set)
        except BuildCancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported by type only (messages may carry patient data)
            log.error("background job failed: %s", type(exc).__name__)
            self.signals.failed.emit(type(exc).__name__)
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.done.emit(result)
        finally:
            self.finished.set()
            release(self)
