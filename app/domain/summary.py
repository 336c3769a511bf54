"""The one-line patient summary cached on the registry row (contracts.md).

:func:`summarize` condenses a case and its assessment into a :class:`PatientSummary`: the
bone-metastasis status, the current bone drug, the next due item (a date and a structured
message, :mod:`app.domain.messages`: stored as its key and parameters, shown in the reader's
language), the number of findings and the most severe one, and whether the denosumab rebound flag
is open (DEN-STOP-WINDOW fires — rule book §5: the flag shows on the registry row while that
rule fires).

Next due item = the earliest of these candidates (an overdue item has a past date, so it sorts
first; on the same date the order below decides):

1. each drug's earliest planned dose ("Denosumab 120 mg planned", "Overdue planned …");
2. for an active drug whose course is not stopped and that has no plan after its last given
   dose: last given dose + interval ("Next … dose due" / "… dose overdue");
3. while the rebound flag is open: the earliest rebound check due (fasting CTX + calcium);
4. while a BMA is active: the dental review (last exam + ``dental_review_days``; the as-of
   date when no exam is recorded).

``alert_count`` counts every finding (critical, warning and info) and ``alert_top_severity``
is the most severe of them (None without findings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.domain.bma_state import active_drugs, drug_state
from app.domain.case import DRUGS, Case
from app.domain.context import CaseView
from app.domain.denosumab import den_course
from app.domain.findings import SEVERITY_RANK
from app.domain.messages import Message, encode, render
from app.domain.params import DEFAULTS, Params

REBOUND_RULE = "DEN-STOP-WINDOW"

DRUG_EN = {
    "denosumab": "Denosumab", "zoledronic_acid": "Zoledronic acid",
    "pamidronate": "Pamidronate", "ibandronate": "Ibandronate",
    "incadronate": "Incadronate", "clodronate": "Clodronate",
}


@dataclass(frozen=True)
class PatientSummary:
    bm_status: str | None
    current_bma: str | None  # drug key, e.g. "denosumab"
    next_due_date: date | None
    next_due: Message | None  # key + parameters, rendered in the reader's language
    alert_count: int
    alert_top_severity: str | None
    rebound_open: bool

    @property
    def next_due_text(self) -> str | None:
        """The next due item in English (command line, JSON output)."""
        return None if self.next_due is None else render(self.next_due, "en")

    @property
    def next_due_stored(self) -> str | None:
        """The next due item as stored in the registry (its key and parameters, as JSON)."""
        return encode(self.next_due)

    def to_json(self) -> dict[str, Any]:
        return {
            "bm_status": self.bm_status,
            "current_bma": self.current_bma,
            "next_due_date": None if self.next_due_date is None else self.next_due_date.isoformat(),
            "next_due_text": self.next_due_text,
            "alert_count": self.alert_count,
            "alert_top_severity": self.alert_top_severity,
            "rebound_open": self.rebound_open,
        }


def _current_bma(view: CaseView) -> str | None:
    """The active drug (with several, the one given most recently; catalogue order breaks
    ties and orders drugs active only through a plan)."""
    active = active_drugs(view)
    if not active:
        return None

    def key(drug: str) -> tuple:
        last = drug_state(view, drug).last_given
        return (last.date if last else date.min, -DRUGS.index(drug))

    return max(active, key=key)


def _candidates(view: CaseView, rebound_open: bool) -> list[tuple[date, int, Message]]:
    out: list[tuple[date, int, Message]] = []
    as_of = view.as_of
    active = set(active_drugs(view))
    for drug in DRUGS:
        st = drug_state(view, drug)
        if st.planned:
            p = st.planned[0]
            key = "due.planned_overdue" if p.date < as_of else "due.planned"
            out.append((p.date, 0, Message(key, {"drug": drug, "dose_mg": p.dose_mg})))
        last = st.last_given
        if drug in active and last is not None and not st.stopped:
            if not any(p.date > last.date for p in st.planned):
                due = last.date + timedelta(days=st.interval)
                key = "due.dose_overdue" if due < as_of else "due.next_dose"
                out.append((due, 1, Message(key, {"drug": drug})))
    if rebound_open:
        c = den_course(view)
        if c is not None and c.checks_due:
            d = c.checks_due[0]
            out.append((d, 2, Message("due.rebound_overdue" if d < as_of else "due.rebound")))
    if active:
        exams = view.dental_exams
        if exams:
            due = exams[-1] + timedelta(days=view.params.dental_review_days)
            out.append((due, 3, Message("due.dental_overdue" if due < as_of else "due.dental")))
        else:
            out.append((as_of, 3, Message("due.dental_exam")))
    return out


def summarize(
    case: Case, assessment: Any, as_of: date, params: Params | None = None
) -> PatientSummary:
    """Summarise ``case`` as of ``as_of`` given its ``assessment`` (same as-of date)."""
    if params is None:
        params = getattr(assessment, "params", None) or DEFAULTS
    view = CaseView(case, as_of, params)
    findings = list(getattr(assessment, "findings", []) or [])
    rebound_open = any(f.rule == REBOUND_RULE for f in findings)
    status = getattr(assessment, "status", None)
    bm_status = status if isinstance(status, str) or status is None else getattr(
        status, "bone_metastasis", None)
    top = min((f.severity for f in findings), key=lambda s: SEVERITY_RANK[s], default=None)
    cands = sorted(_candidates(view, rebound_open), key=lambda c: (c[0], c[1]))
    nxt = cands[0] if cands else None
    return PatientSummary(
        bm_status=bm_status,
        current_bma=_current_bma(view),
        next_due_date=nxt[0] if nxt else None,
        next_due=nxt[2] if nxt else None,
        alert_count=len(findings),
        alert_top_severity=top,
        rebound_open=rebound_open,
    )
