"""The worklist's first pass, from the cached summary columns of the patient table only.

One indexed-or-scanned query over ``patient`` (no case is loaded, no rule is run), so a
100,000-patient registry shows its worklist at once; every item it gives is ``provisional``
and is replaced when that patient is assessed (:func:`app.services.worklist.refine_chunks`).

What the cache can tell (:mod:`app.domain.summary`):

- ``rebound_open`` → a ``rebound`` item (DEN-STOP-WINDOW fired when the summary was computed),
  dated with the rebound check when that is the patient's next due item;
- ``next_due_date`` within the window (or past) → ``dose_overdue`` / ``dose_due`` for a dose,
  ``dental`` for a dental review, ``rebound`` for a rebound check — from the cached English
  due text, which :func:`app.domain.summary.summarize` writes in a fixed form;
- ``alert_top_severity == "critical"`` → a ``critical`` item (which rules: after assessment);
- ``bm_status == "suspected"`` → a ``workup`` item.

Only the earliest due item is cached, so a patient may have more items once assessed.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import or_, select

from app.data import models as M
from app.data.engine import Database
from app.domain.summary import REBOUND_RULE
from app.services.worklist import DUE_WINDOW_DAYS, WorklistItem

_CRITICAL_DETAIL = "critical finding (rules: checking the chart)"


def _due_category(text: str, due: date, as_of: date) -> str:
    if text.startswith("Rebound"):
        return "rebound"
    if text.startswith("Dental"):
        return "dental"
    return "dose_overdue" if due < as_of else "dose_due"


def cached_items(db: Database, as_of: date, window: int = DUE_WINDOW_DAYS
                 ) -> list[WorklistItem]:
    """The provisional worklist items the cached summaries give (ordered by patient id)."""
    p = M.Patient
    horizon = as_of + timedelta(days=window)
    stmt = (
        select(p.id, p.mrn, p.name, p.alert_top_severity, p.next_due_date,
               p.next_due_text, p.rebound_open, p.bm_status)
        .where(or_(p.rebound_open.is_(True), p.next_due_date <= horizon,
                   p.alert_top_severity == "critical", p.bm_status == "suspected"))
        .order_by(p.id)
    )
    out: list[WorklistItem] = []
    with db.session() as s:
        rows = s.execute(stmt).all()
    for pid, mrn, name, top, due, due_text, rebound, status in rows:
        def add(category: str, severity: str, when: date | None, rules: tuple[str, ...],
                detail: str, pid: int = pid, mrn: str = mrn, name: str | None = name) -> None:
            out.append(WorklistItem(pid, mrn, name, category, severity, when, rules, detail,
                                    provisional=True))

        if top == "critical":
            add("critical", "critical", None, (), _CRITICAL_DETAIL)
        due_category = None
        if due is not None and due <= horizon:
            due_category = _due_category(due_text or "", due, as_of)
        if rebound:
            when = due if due_category == "rebound" else None
            detail = due_text if due_category == "rebound" and due_text else (
                "rebound window open")
            add("rebound", "warning", when, (REBOUND_RULE,), detail)
        if due_category is not None and due_category != "rebound":
            add(due_category, "warning", due, (), due_text or "")
        elif due_category == "rebound" and not rebound:  # a stale cache: check it anyway
            add("rebound", "warning", due, (), due_text or "")
        if status == "suspected":
            add("workup", "warning", None, (), "bone metastasis suspected")
    return out
