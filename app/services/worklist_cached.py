"""The worklist's first pass, from the cached summary columns of the patient table only.

One indexed-or-scanned query over ``patient`` (no case is loaded, no rule is run), so a
100,000-patient registry shows its worklist at once; every item it gives is ``provisional``
and is replaced when that patient is assessed (:func:`app.services.worklist.refine_chunks`).

What the cache can tell (:mod:`app.domain.summary`):

- ``rebound_open`` → a ``rebound`` item (DEN-STOP-WINDOW fired when the summary was computed),
  dated with the rebound check when that is the patient's next due item;
- ``next_due_date`` within the window (or past) → ``dose_overdue`` / ``dose_due`` for a dose,
  ``dental`` for a dental review, ``rebound`` for a rebound check — from the cached due
  message's key (:mod:`app.domain.messages`; an older row's English text by its fixed form);
- ``alert_top_severity == "critical"`` → a ``critical`` item (which rules: after assessment);
- ``bm_status == "suspected"`` → a ``workup`` item.

Only the earliest due item is cached, so a patient may have more items once assessed.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import or_, select

from app.data import models as M
from app.data.engine import Database
from app.domain.messages import Message, decode
from app.domain.summary import REBOUND_RULE
from app.services.worklist import DUE_WINDOW_DAYS, WorklistItem

_CRITICAL = Message("wl.critical_pending")
_REBOUND = Message("wl.rebound_open")
_REBOUND_RULES = (REBOUND_RULE,)
_SUSPECTED = Message("wl.suspected_pending")


def _due_category(text: str, due: date, as_of: date) -> str:
    msg = decode(text)
    if msg is not None:
        text = str(msg)
    if text.startswith("Rebound"):
        return "rebound"
    if text.startswith("Dental"):
        return "dental"
    return "dose_overdue" if due < as_of else "dose_due"


def _item(pid: int, mrn: str, name: str | None, category: str, severity: str,
          due: date | None, rules: tuple[str, ...], detail: Message | str) -> WorklistItem:
    """A provisional item; ``detail`` is a message or an older row's stored English text."""
    if isinstance(detail, str):
        msg = decode(detail)
        if msg is None:
            return WorklistItem(pid, mrn, name, category, severity, due, rules, detail, True)
        detail = msg
    return WorklistItem(pid, mrn, name, category, severity, due, rules, str(detail), True,
                        detail)


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
    add = out.append
    item = _item
    with db.session() as s:
        rows = s.execute(stmt).all()
    for pid, mrn, name, top, due, due_text, rebound, status in rows:
        if top == "critical":
            add(item(pid, mrn, name, "critical", "critical", None, (), _CRITICAL))
        due_category = None
        if due is not None and due <= horizon:
            due_category = _due_category(due_text or "", due, as_of)
        if rebound:
            if due_category == "rebound":
                add(item(pid, mrn, name, "rebound", "warning", due, _REBOUND_RULES,
                         due_text or _REBOUND))
            else:
                add(item(pid, mrn, name, "rebound", "warning", None, _REBOUND_RULES, _REBOUND))
        if due_category is not None and (due_category != "rebound" or not rebound):
            # (a rebound check due without the flag: a stale cache, listed to be checked)
            add(item(pid, mrn, name, due_category, "warning", due, (), due_text or ""))
        if status == "suspected":
            add(item(pid, mrn, name, "workup", "warning", None, (), _SUSPECTED))
    return out
