"""The registry list's row type, sort keys and patient field limits, without SQLAlchemy.

Shared by the SQLAlchemy queries (:mod:`app.data.patient_repo`) and the ``sqlite3`` reader of
the start path (:mod:`app.data.sqlite_list`), so the registry window can start without
importing SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SORT_KEYS = ("mrn", "name", "sex_age", "histology_stage", "bm_status", "current_bma", "alerts",
             "next_due")
SEVERITY_RANK = {"critical": 3, "warning": 2, "info": 1}
MRN_MAX = 32
NAME_MAX = 100

#: The patient columns a list row holds, in :class:`PatientRow` order.
ROW_COLUMN_NAMES = (
    "id", "mrn", "name", "sex", "birth_date", "histology", "stage", "bm_status", "current_bma",
    "alert_count", "alert_top_severity", "next_due_date", "next_due_text", "rebound_open",
    "version",
)


@dataclass(frozen=True)
class PatientRow:
    id: int
    mrn: str
    name: str | None
    sex: str | None
    birth_date: date | None
    histology: str | None
    stage: str | None
    bm_status: str | None
    current_bma: str | None
    alert_count: int | None
    alert_top_severity: str | None
    next_due_date: date | None
    next_due_text: str | None
    rebound_open: bool
    version: int


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def check_sort(sort: str) -> None:
    if sort not in SORT_KEYS:
        raise ValueError(f"sort: must be one of {', '.join(SORT_KEYS)}")
