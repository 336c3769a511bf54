"""Which unique key an ``IntegrityError`` broke (the keys of migration 0003_unique_keys and the
patient's MRN), so that a service can answer a lost race with its pre-check's message.

PostgreSQL names the constraint (``diag.constraint_name``); SQLite names an expression index
(``UNIQUE constraint failed: index 'uq_…'``) or the columns of a column index. The driver's
message is only inspected here, never shown (it can hold patient data).
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

#: unique key -> how SQLite names it in its message
KEYS: dict[str, tuple[str, ...]] = {
    "uq_patient_mrn_folded": ("index 'uq_patient_mrn_folded'", "patient.mrn"),
    "uq_mdt_meeting_date": ("mdt_meeting.meeting_date",),
    "uq_mdt_case_active": ("mdt_case.meeting_id, mdt_case.patient_id",),
}


def violated(exc: IntegrityError, key: str) -> bool:
    """True when ``exc`` is a violation of the unique key ``key`` (a name in :data:`KEYS`)."""
    orig = getattr(exc, "orig", None)
    diag = getattr(orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name is not None:
        return name == key
    text = str(orig or "")
    return "UNIQUE constraint failed" in text and any(
        text.rstrip().endswith(pattern) for pattern in KEYS[key])
