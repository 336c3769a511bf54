"""Tells every view of a registry that one patient's chart changed.

An editor (the chart window, after each save or a completed work-up) calls
``patient_events(db).announce(patient_id)``; a view listing patients of the same registry (the
worklist) connects ``patient_events(db).patientChanged`` and updates that patient alone — no
full recompute, and neither side needs to know the other. There is one notifier per open
:class:`~app.data.engine.Database` object (dropped with it), not one for the whole process:
two registries open side by side (or two tests) never hear each other.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Signal

from app.data.engine import Database


class PatientEvents(QObject):
    patientChanged = Signal(int)

    def announce(self, patient_id: int) -> None:
        self.patientChanged.emit(patient_id)


_notifiers: dict[int, PatientEvents] = {}


def patient_events(db: Database) -> PatientEvents:
    """The notifier of ``db`` (created on first use, in the calling — GUI — thread)."""
    key = id(db)
    events = _notifiers.get(key)
    if events is None:
        events = PatientEvents()
        _notifiers[key] = events
        weakref.finalize(db, _notifiers.pop, key, None)
    return events
