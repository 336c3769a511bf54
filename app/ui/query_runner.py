"""Run registry queries off the GUI thread, latest-wins.

:class:`QueryRunner` executes a function on a private one-thread pool and reports back by
signal in the GUI thread. Each submission gets a generation number; a job that became stale
(a newer one was submitted while it waited) is skipped, and a stale result is never reported,
so fast typing never queues up work and never shows an older query's rows.

``asynchronous=False`` runs the function inline (same signals, emitted before ``submit``
returns) — for scripts and tests that want deterministic, synchronous behaviour.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the pool thread are queued to it."""

    finished = Signal(int, object)
    failed = Signal(int, str)


class _Latest:
    """The newest generation (a plain int holder readable from the pool thread)."""

    def __init__(self) -> None:
        self.value = 0


class _Job(QRunnable):
    def __init__(self, generation: int, fn: Callable[[], Any], relay: _Relay, latest: _Latest):
        super().__init__()
        self.setAutoDelete(True)
        self._generation = generation
        self._fn = fn
        self._relay = relay
        self._latest = latest

    def run(self) -> None:
        if self._generation != self._latest.value:
            return  # superseded while queued
        _execute(self._generation, self._fn, self._relay)


def _execute(generation: int, fn: Callable[[], Any], relay: _Relay) -> None:
    try:
        result = fn()
    except Exception as exc:  # reported, never raised into Qt's event loop
        # the exception type only: messages may carry patient data
        log.warning("registry query failed: %s", type(exc).__name__)
        relay.failed.emit(generation, type(exc).__name__)
        return
    relay.finished.emit(generation, result)


class QueryRunner(QObject):
    """Latest-wins background execution of short database queries."""

    #: (generation, result) for the newest submission only
    finished = Signal(int, object)
    #: (generation, exception type name)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None, *, asynchronous: bool = True) -> None:
        super().__init__(parent)
        self.asynchronous = asynchronous
        # The pool is created before the relay: on destruction children go in creation order,
        # so the pool waits for a running job while the relay it reports to still exists.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # one thread for the runner's life: the list reader keeps a database connection per
        # thread (warm page cache), so an expired and restarted thread would orphan one
        self._pool.setExpiryTimeout(-1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._latest = _Latest()

    @property
    def generation(self) -> int:
        return self._latest.value

    def submit(self, fn: Callable[[], Any]) -> int:
        """Run ``fn`` (no Qt objects inside!) and report its result; returns its generation."""
        self._latest.value += 1
        generation = self._latest.value
        if self.asynchronous:
            self._pool.start(_Job(generation, fn, self._relay, self._latest))
        else:
            _execute(generation, fn, self._relay)
        return generation

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued jobs are done (their results still arrive as queued signals)."""
        return self._pool.waitForDone(msecs)

    def _on_finished(self, generation: int, result: object) -> None:
        if generation == self._latest.value:
            self.finished.emit(generation, result)

    def _on_failed(self, generation: int, error: str) -> None:
        if generation == self._latest.value:
            self.failed.emit(generation, error)
