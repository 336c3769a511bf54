"""The network listener run with the app (site setting ``listen``): started, restarted and
stopped from the GUI thread, running on its own thread and event loop
(:class:`app.interop.mllp_listener.ListenerThread`).

Events from the listener's thread reach the GUI thread as queued signals:
``messageReceived(Receipt)`` for every message answered, ``stateChanged()`` when it starts,
stops or cannot start. :meth:`ListenerControl.status_text` is the status-bar text (counts and
codes only).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.interop.lab_intake import receive_message
from app.interop.mllp_listener import ListenerEvent, ListenerThread, MllpListener
from app.services.lab_intake_settings import LabIntakeSettings


class _Relay(QObject):
    """Lives in the GUI thread; emitted from the listener's thread, delivered queued."""

    event = Signal(object)


class ListenerControl(QObject):
    """Starts/stops the app's listener to match the site settings."""

    messageReceived = Signal(object)
    stateChanged = Signal()

    def __init__(self, db: Database, actor: str, *, params: Params = DEFAULTS,
                 today: Callable[[], date] = date.today, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db, self._actor, self._params, self._today = db, actor, params, today
        self._thread: ListenerThread | None = None
        self._wanted: tuple[str, int] | None = None
        self.address: tuple[str, int] | None = None
        self.error: str | None = None
        self.counts = {"AA": 0, "AE": 0, "AR": 0}
        self._relay = _Relay(self)
        self._relay.event.connect(self._on_event)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.running

    def apply(self, settings: LabIntakeSettings) -> None:
        """Run the listener as the settings say (restarted when the address changed, tried
        again when it could not start)."""
        wanted = (settings.listen_host, settings.listen_port) if settings.listen else None
        if wanted == self._wanted and (self.running or wanted is None):
            return
        self.stop()
        self._wanted = wanted
        if wanted is None:
            self.stateChanged.emit()
            return
        db, actor, params, today = self._db, self._actor, self._params, self._today
        listener = MllpListener(
            lambda data: receive_message(db, data, actor, params=params, today=today),
            wanted[0], wanted[1], on_event=self._relay.event.emit)
        thread = ListenerThread(listener)
        try:
            self.address = thread.start()
            self._thread = thread
        except (OSError, TimeoutError) as exc:
            self.error = getattr(exc, "strerror", None) or type(exc).__name__
        self.stateChanged.emit()

    def stop(self) -> None:
        """Stop the listener (the message being stored is finished and acknowledged)."""
        if self._thread is not None:
            self._thread.stop()
            self._thread = None
        self.address = None
        self.error = None

    def _on_event(self, event: ListenerEvent) -> None:
        if event.kind == "message" and event.receipt is not None:
            self.counts[event.receipt.code] = self.counts.get(event.receipt.code, 0) + 1
            self.messageReceived.emit(event.receipt)
        self.stateChanged.emit()

    def status_text(self) -> str:
        """'' when off; else where it listens and what it received (or why it is not)."""
        if self._wanted is None:
            return ""
        host, port = self.address or self._wanted
        where = f"{host}:{port}"
        if self.error is not None:
            return self.tr("Lab listener: cannot listen on %1 (%2)").replace(
                "%1", where).replace("%2", self.error)
        text = self.tr("Lab listener on %1: %2 accepted, %3 with errors, %4 rejected")
        text = text.replace("%1", where)
        for n, code in enumerate(("AA", "AE", "AR"), 2):
            text = text.replace(f"%{n}", str(self.counts.get(code, 0)))
        return text
