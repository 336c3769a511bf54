"""The registry-wide worklist: who needs something done, and why.

Categories (each item names the rule IDs or the schedule behind it):

- ``critical`` — a critical finding (the safety stops of the rule book);
- ``dose_overdue`` / ``dose_due`` — a BMA dose whose date (a plan, or last dose + interval for
  an active course) is past, or within ``due_window_days``; it names the warning or critical
  BMA findings about that drug's doses (e.g. BMA-BP-RENAL, BMA-BP-CREAT-MISSING);
- ``rebound`` — denosumab's rebound window is open (DEN-STOP-WINDOW) with checks due;
- ``dental`` — dental clearance / review due, or an invasive procedure planned under a BMA;
- ``workup`` — bone metastasis suspected and not yet confirmed, a work-up rule (WU-*) at
  warning or above, or BMA-NO-INDICATION (a BMA given or planned without a recorded
  indication: confirm bone metastasis first).

Two passes, so a 100,000-patient registry shows its worklist at once:

1. :func:`app.services.worklist_cached.cached_items` — provisional items straight from the
   cached summary columns (one query, no assessment);
2. :func:`refine_chunks` — the cached summary columns pick the candidates (any finding,
   anything due, rebound open, suspected status, or a summary not computed for today), the
   patients of the first pass first; each candidate is assessed and each chunk names the
   patients it covers, whose rows it replaces. It honours a cancel flag, so the UI runs it off
   the GUI thread and shows results as they come.

:func:`patient_items` assesses one patient (after a chart edit: no full recompute).
:func:`worklist_chunks` / :func:`build_worklist` give the assessed list alone (CLI, tests).
:func:`refresh_all_summaries` recomputes every patient's cached summary the same way (``bonemet
refresh-summaries``). The worklist itself never writes: a background write of a summary could
overwrite a newer one saved from a chart meanwhile.

Each item carries a structured ``message`` (:mod:`app.domain.messages`: a key and typed
parameters) that the UI renders in its language; ``detail`` is its English rendering (command
line, tests). The UI labels the categories itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select

from app.data import models as M
from app.data.engine import Database
from app.data.patient_repo import store_summary
from app.domain.assess import Assessment, assess
from app.domain.bma_state import active_drugs, drug_state
from app.domain.case import DRUGS, Case
from app.domain.context import CaseView
from app.domain.findings import Finding
from app.domain.messages import Message
from app.domain.params import DEFAULTS, Params
from app.domain.summary import summarize
from app.services.records_map import load_cases

CATEGORIES = ("critical", "dose_overdue", "dose_due", "rebound", "dental", "workup")
DUE_WINDOW_DAYS = 14
_DENTAL_RULES = ("BMA-DENTAL-CLEARANCE", "BMA-DENTAL-REVIEW", "DENT-INVASIVE", "DENT-ONJ")
# a BMA without a recorded indication: confirm bone metastasis first (imaging, biopsy)
_WORKUP_RULES = ("BMA-NO-INDICATION",)

Cancel = Callable[[], bool]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class WorklistItem:
    patient_id: int
    mrn: str
    name: str | None
    category: str  # one of CATEGORIES
    severity: str  # critical | warning | info
    due_date: date | None
    rules: tuple[str, ...]
    detail: str  # English (the message rendered in English)
    provisional: bool = False  # from the cached summary only; replaced once assessed
    message: Message | None = None  # the detail as key + parameters (shown in the UI language)


def finding_message(f: Finding) -> Message:
    """A finding's message (already in both languages) as a worklist detail."""
    return Message("wl.finding", {"text": {"en": f.message, "zh": f.message_zh}})


@dataclass(frozen=True)
class WorklistChunk:
    """One step of the refinement: the items of ``patient_ids`` (which replace every earlier
    row of those patients; a patient without items drops out), and the progress."""

    patient_ids: tuple[int, ...]
    items: list[WorklistItem]
    done: int
    total: int


def candidate_ids(db: Database, as_of: date, window: int = DUE_WINDOW_DAYS) -> list[int]:
    """Patients the cached summaries say may need something, or whose cache is stale.

    Every category shows in the cache: a critical finding or a warning (work-up, dental
    clearance, invasive dental plan) sets ``alert_top_severity``; a dose due or overdue, an
    overdue dental review or rebound check makes ``next_due_date`` (the earliest due item)
    fall within the window; the rebound flag and a suspected status are columns of their
    own. Patients with only information-level findings and nothing due are skipped."""
    p = M.Patient
    stmt = select(p.id).where(or_(
        p.alert_top_severity.in_(("critical", "warning")),
        p.next_due_date <= as_of + timedelta(days=window), p.rebound_open.is_(True),
        p.bm_status == "suspected", p.summary_as_of.is_(None), p.summary_as_of != as_of,
    )).order_by(p.id)
    with db.session() as s:
        return list(s.scalars(stmt))


def _dose_rules(a: Assessment, drug: str) -> tuple[str, ...]:
    """The warning or critical BMA findings about ``drug``'s doses (its renal checks, e.g.
    BMA-BP-RENAL, BMA-BP-CREAT-MISSING, BMA-ZA-OVERDOSE): they go with its due dose."""
    def about(data: dict[str, Any]) -> str | None:
        dose = data.get("dose")
        return data.get("drug") or (dose.get("drug") if isinstance(dose, dict) else None)

    return tuple(dict.fromkeys(
        f.rule for f in a.findings
        if f.rule.startswith("BMA-") and f.severity != "info" and about(f.data) == drug))


def _dose_items(case: Case, as_of: date, params: Params, window: int
                ) -> list[tuple[str, date, str, Message]]:
    view = CaseView(case, as_of, params)
    out = []
    active = set(active_drugs(view))
    for drug in DRUGS:
        st = drug_state(view, drug)
        due: tuple[date, Message] | None = None
        if st.planned:
            p = st.planned[0]
            due = (p.date, Message("due.planned", {"drug": drug, "dose_mg": p.dose_mg}))
        elif drug in active and st.last_given is not None and not st.stopped:
            due = (st.last_given.date + timedelta(days=st.interval),
                   Message("wl.dose_interval", {"drug": drug, "days": st.interval,
                                                "date": st.last_given.date.isoformat()}))
        if due is None:
            continue
        if due[0] < as_of:
            out.append(("dose_overdue", due[0], drug, due[1]))
        elif (due[0] - as_of).days <= window:
            out.append(("dose_due", due[0], drug, due[1]))
    return out


def items_for(patient_id: int, mrn: str, name: str | None, case: Case, a: Assessment,
              as_of: date, params: Params = DEFAULTS, window: int = DUE_WINDOW_DAYS
              ) -> list[WorklistItem]:
    """The worklist items of one assessed patient."""
    out: list[WorklistItem] = []

    def add(category: str, severity: str, due: date | None, rules: tuple[str, ...],
            msg: Message) -> None:
        out.append(WorklistItem(patient_id, mrn, name, category, severity, due, rules, str(msg),
                                message=msg))

    critical = [f for f in a.findings if f.severity == "critical"]
    if critical:
        add("critical", "critical", None, tuple(dict.fromkeys(f.rule for f in critical)),
            finding_message(critical[0]))
    for category, due, drug, text in _dose_items(case, as_of, params, window):
        add(category, "warning", due, _dose_rules(a, drug), text)
    den: Any = a.derived.get("denosumab")
    window_rule = [f for f in a.findings if f.rule == "DEN-STOP-WINDOW"]
    if window_rule:
        checks = list((den or {}).get("checks_due") or [])
        due = date.fromisoformat(checks[0]) if checks else None
        rebound_rules = tuple(dict.fromkeys(
            f.rule for f in a.findings if f.rule.startswith("DEN-")))
        end = den.get("window_end") if den else None
        key = ("wl.rebound_checks" if checks else "wl.rebound_none") + ("_end" if end else "")
        detail = Message(key, {"dates": checks, **({"window_end": end} if end else {})})
        add("rebound", "critical" if any(f.severity == "critical" for f in a.findings
                                         if f.rule.startswith("DEN-")) else "warning",
            due, rebound_rules, detail)
    dental = [f for f in a.findings if f.rule in _DENTAL_RULES]
    if dental:
        worst = min(dental, key=lambda f: ("critical", "warning", "info").index(f.severity))
        add("dental", worst.severity, None, tuple(f.rule for f in dental),
            finding_message(worst))
    workup = [f for f in a.findings
              if (f.rule.startswith("WU-") and f.severity != "info") or f.rule in _WORKUP_RULES]
    if a.status.bone_metastasis == "suspected" or workup:
        rules = tuple(f.rule for f in workup)
        basis = {"en": a.status.basis, "zh": a.status.basis_zh or a.status.basis}
        detail = (finding_message(workup[0]) if workup
                  else Message("wl.suspected", {"text": basis}))
        add("workup", "warning", None, rules, detail)
    return out


def _load(db: Database, ids: list[int]) -> list[tuple[int, str, str | None, Case]]:
    with db.session() as s:
        cases = load_cases(s, ids)
    return [(pid, c.patient.mrn, c.patient.name, c) for pid, c in sorted(cases.items())]


def refinement_order(db: Database, as_of: date, first: Iterable[int] = (),
                     window: int = DUE_WINDOW_DAYS) -> list[int]:
    """The candidates, those in ``first`` (the patients shown by the first pass) first."""
    candidates = candidate_ids(db, as_of, window)
    known = set(candidates)
    head = [pid for pid in dict.fromkeys(first) if pid in known]
    seen = set(head)
    return head + [pid for pid in candidates if pid not in seen]


def refine_chunks(db: Database, as_of: date, params: Params = DEFAULTS, *,
                  first: Iterable[int] = (), chunk_size: int = 100,
                  cancel: Cancel | None = None, window: int = DUE_WINDOW_DAYS
                  ) -> Iterator[WorklistChunk]:
    """Assess the candidates chunk by chunk (``first`` first); stops early when ``cancel()``
    turns true. A patient removed meanwhile is reported with no items."""
    ids = refinement_order(db, as_of, first, window)
    total = len(ids)
    for start in range(0, total, chunk_size):
        if cancel is not None and cancel():
            return
        part = ids[start:start + chunk_size]
        items: list[WorklistItem] = []
        for pid, mrn, name, case in _load(db, part):
            a = assess(case, as_of, params)
            items.extend(items_for(pid, mrn, name, case, a, as_of, params, window))
        yield WorklistChunk(tuple(part), items, start + len(part), total)


def worklist_chunks(db: Database, as_of: date, params: Params = DEFAULTS, *,
                    chunk_size: int = 100, cancel: Cancel | None = None,
                    window: int = DUE_WINDOW_DAYS
                    ) -> Iterator[tuple[list[WorklistItem], int, int]]:
    """Yield (items of the chunk, patients done, candidates in all) chunk by chunk; stops
    early when ``cancel()`` turns true."""
    for chunk in refine_chunks(db, as_of, params, chunk_size=chunk_size, cancel=cancel,
                               window=window):
        yield chunk.items, chunk.done, chunk.total


def patient_items(db: Database, patient_id: int, as_of: date, params: Params = DEFAULTS,
                  window: int = DUE_WINDOW_DAYS) -> list[WorklistItem]:
    """The assessed worklist items of one patient ([] when none, or the patient is gone)."""
    out: list[WorklistItem] = []
    for pid, mrn, name, case in _load(db, [patient_id]):
        a = assess(case, as_of, params)
        out.extend(items_for(pid, mrn, name, case, a, as_of, params, window))
    return out


def build_worklist(db: Database, as_of: date, params: Params = DEFAULTS, *,
                   cancel: Cancel | None = None, progress: Progress | None = None
                   ) -> list[WorklistItem]:
    """The whole worklist at once (CLI, tests)."""
    out: list[WorklistItem] = []
    for items, done, total in worklist_chunks(db, as_of, params, cancel=cancel):
        out.extend(items)
        if progress is not None:
            progress(done, total)
    return out


def refresh_all_summaries(db: Database, progress: Progress | None = None,
                          cancel: Cancel | None = None, *, as_of: date | None = None,
                          params: Params = DEFAULTS, chunk_size: int = 200) -> int:
    """Recompute every patient's cached summary (one transaction per chunk). Returns the
    number of patients refreshed (fewer than all if cancelled)."""
    day = as_of or date.today()
    with db.session() as s:
        ids = list(s.scalars(select(M.Patient.id).order_by(M.Patient.id)))
    done = 0
    for start in range(0, len(ids), chunk_size):
        if cancel is not None and cancel():
            break
        with db.session() as s:
            for pid, case in load_cases(s, ids[start:start + chunk_size]).items():
                a = assess(case, day, params)
                store_summary(s, pid, summarize(case, a, day), day)
                done += 1
        if progress is not None:
            progress(done, len(ids))
    return done
