"""What the care plan needs to know about a case, read from its assessment (rule book §11).

:class:`PlanFacts` wraps the §10 assessment document (findings, status, derived values) and the
as-of view of the case, and answers the §11 conditions: which findings fire, which drugs are
active, which doses are recorded or planned, and :meth:`PlanFacts.next_dose` — the first row of
the §11 next-dose table that applies, with the distinct lay reasons of a hold.

Findings are read defensively (``.get()``): a rule's ``data`` keys added in rules/2
(``band``, ``exceeds_recommended``, ``planned_doses_in_hold``, ``doses``…) may be absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.bma_state import active_drugs, drug_state
from app.domain.case import BISPHOSPHONATES, Administration, Case
from app.domain.context import CaseView
from app.domain.dates import days_between
from app.domain.params import Params

#: Findings that put the next dose on hold (§11 next-dose row 1); severity-qualified ones are
#: checked in :meth:`PlanFacts.hold_reasons`.
HOLD_RULES = ("BMA-ZA-CONTRAINDICATED", "BMA-ZA-OVERDOSE", "BMA-ZA-CREAT-RISE",
              "BMA-HYPOCALCAEMIA", "BMA-CONCURRENT", "BMA-BP-RENAL", "BMA-BP-CREAT-RISE",
              "DENT-ONJ")
#: The lay reasons, in the order of the §11 table.
REASON_ORDER = ("r_kidney_check", "r_kidney_changed", "r_dose_adjust", "r_calcium_low",
                "r_two_drugs", "r_jaw")
REBOUND_RULES = ("DEN-REBOUND-CTX", "DEN-REBOUND-CALCIUM", "DEN-REBOUND-FRACTURE")
#: Drugs given by infusion whose leaflet warns of a flu-like reaction (§11 leaflet table).
FLU_LIKE_DRUGS = ("zoledronic_acid", "pamidronate", "ibandronate", "incadronate")
RECENT_DAYS = 90
HYPERCALCAEMIA_EVENT_DAYS = 30


@dataclass(frozen=True)
class NextDose:
    """The §11 next-dose row that applies: 1 hold, 2 to be confirmed, 3 a date, 4 overdue,
    5 not booked, 6 nothing planned; ``dose`` is the plan rows 3 and 4 name."""

    row: int
    dose: Administration | None = None
    reasons: tuple[str, ...] = ()


def _same_dose(a: Administration, item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    return item.get("drug") == a.drug and str(item.get("date", ""))[:10] == a.date.isoformat()


class PlanFacts:
    """The assessment and the case as the care plan reads them."""

    def __init__(self, case: Case, doc: dict[str, Any], as_of: date, params: Params) -> None:
        self.case, self.doc, self.as_of, self.params = case, doc, as_of, params
        self.view = CaseView(case, as_of, params)
        self.by_rule: dict[str, list[dict[str, Any]]] = {}
        for f in doc.get("findings") or []:
            self.by_rule.setdefault(f.get("rule"), []).append(f)
        self.status = (doc.get("status") or {}).get("bone_metastasis")
        self.den = (doc.get("derived") or {}).get("denosumab") or None
        self.active = active_drugs(self.view)
        self.given = self.view.given()
        self.planned = self.view.planned()

    # --- findings -----------------------------------------------------------------------
    def fires(self, *rules: str) -> bool:
        return any(r in self.by_rule for r in rules)

    def data(self, rule: str) -> dict[str, Any]:
        found = self.by_rule.get(rule)
        return (found[0].get("data") or {}) if found else {}

    def critical(self, rule: str) -> bool:
        return any(f.get("severity") == "critical" for f in self.by_rule.get(rule, ()))

    # --- doses --------------------------------------------------------------------------
    @property
    def bma_recorded(self) -> bool:
        """A BMA dose recorded: given on/before the as-of date (any age) or planned."""
        return bool(self.given or self.planned)

    def drugs_recorded(self) -> list[str]:
        """Every drug with a dose recorded (given or planned), in catalogue order."""
        seen = {a.drug for a in self.given + self.planned}
        return [d for d in LAY_ORDER if d in seen]

    def recent_or_planned(self, drugs: tuple[str, ...]) -> list[str]:
        """Drugs of ``drugs`` given within 90 days or planned, in catalogue order."""
        hit = {a.drug for a in self.planned if a.drug in drugs}
        hit |= {a.drug for a in self.given if a.drug in drugs
                and 0 <= days_between(a.date, self.as_of) <= RECENT_DAYS}
        return [d for d in LAY_ORDER if d in hit]

    def bisphosphonates_active(self) -> list[str]:
        return [d for d in self.active if d in BISPHOSPHONATES]

    def denosumab_ahead(self) -> bool:
        """Denosumab active, or a denosumab dose planned on/after the as-of date."""
        return "denosumab" in self.active or any(
            a.drug == "denosumab" and a.date >= self.as_of for a in self.planned)

    def denosumab_running(self) -> bool:
        """Denosumab active and its course not stopped (§5)."""
        return "denosumab" in self.active and not drug_state(self.view, "denosumab").stopped

    def target_plan(self) -> Administration | None:
        """The plan rows 3/4 would name: the earliest on/after the as-of date, else the latest
        overdue plan."""
        ahead = [a for a in self.planned if a.date >= self.as_of]
        if ahead:
            return min(ahead, key=lambda a: (a.date, LAY_ORDER.index(a.drug)))
        if self.planned:
            latest = max(a.date for a in self.planned)
            return next(a for a in self.planned if a.date == latest)
        return None

    # --- the next-dose table ------------------------------------------------------------
    def hold_reasons(self) -> tuple[str, ...]:
        """The distinct lay reasons of the hold findings that fire (§11 order)."""
        found: set[str] = set()
        if self.fires("BMA-ZA-CONTRAINDICATED"):
            found.add("r_kidney_check")
        if self.fires("BMA-ZA-CREAT-RISE", "BMA-BP-CREAT-RISE"):
            found.add("r_kidney_changed")
        if self.fires("BMA-ZA-OVERDOSE"):
            found.add("r_dose_adjust")
        if self.critical("BMA-BP-RENAL"):
            found |= self._bp_renal_reasons()
        if self.critical("BMA-HYPOCALCAEMIA"):
            found.add("r_calcium_low")
        if self.fires("BMA-CONCURRENT"):
            found.add("r_two_drugs")
        if self.fires("DENT-ONJ"):
            found.add("r_jaw")
        return tuple(r for r in REASON_ORDER if r in found)

    def _bp_renal_reasons(self) -> set[str]:
        data = self.data("BMA-BP-RENAL")
        items = [data] + [d for d in data.get("doses") or [] if isinstance(d, dict)]
        out: set[str] = set()
        for item in items:
            if item.get("band") in ("not_recommended", "contraindicated"):
                out.add("r_kidney_check")
            if item.get("exceeds_recommended") is True:
                out.add("r_dose_adjust")
        return out or {"r_kidney_check"}  # a critical finding always has a reason

    def to_be_confirmed(self, plan: Administration | None) -> bool:
        """Row 2: BMA-NO-INDICATION, or the named plan lies in a dental hold or is a
        non-oncology (osteoporosis) dose."""
        if self.fires("BMA-NO-INDICATION"):
            return True
        if plan is None:
            return False
        in_hold = self.data("DENT-INVASIVE").get("planned_doses_in_hold") or []
        if any(_same_dose(plan, d) for d in in_hold):
            return True
        non_onc = self.data("BMA-NON-ONCOLOGY-DOSE")
        doses = non_onc.get("doses") or ([non_onc.get("dose") or non_onc] if non_onc else [])
        return any(_same_dose(plan, d) and d.get("planned", True) for d in doses
                   if isinstance(d, dict))

    def next_dose(self) -> NextDose:
        """The first row of the §11 next-dose table that applies."""
        reasons = self.hold_reasons()
        if reasons and (self.active or self.planned):
            return NextDose(1, reasons=reasons)
        plan = self.target_plan()
        if self.to_be_confirmed(plan):
            return NextDose(2)
        if plan is not None:
            return NextDose(3 if plan.date >= self.as_of else 4, plan)
        if self.active:
            return NextDose(5)
        return NextDose(6)

    # --- other states -------------------------------------------------------------------
    def no_calcium_tablets(self) -> bool:
        """BMA-HYPERCALCAEMIA or DEN-REBOUND-CALCIUM fires, or a hypercalcaemia event is
        dated within 30 days."""
        if self.fires("BMA-HYPERCALCAEMIA", "DEN-REBOUND-CALCIUM"):
            return True
        return any(e.kind == "hypercalcaemia" and not e.planned
                   and 0 <= days_between(e.date, self.as_of) <= HYPERCALCAEMIA_EVENT_DAYS
                   for e in self.view.events)

    def cord_compression_recorded(self) -> bool:
        return any(e.kind == "spinal_cord_compression" and not e.planned
                   and e.date <= self.as_of for e in self.view.events)

    def denosumab_stop_section(self) -> bool:
        """DEN-STOP-WINDOW or any DEN-REBOUND-* fires."""
        return self.fires("DEN-STOP-WINDOW", *REBOUND_RULES)

    def high_grade_escc_lesions(self) -> list:
        regions = {str((f.get("data") or {}).get("region", "")).strip().casefold()
                   for f in self.by_rule.get("LOC-ESCC-HIGH", ())}
        return [x for x in self.case.lesions if x.region.strip().casefold() in regions]


LAY_ORDER = ("denosumab", "zoledronic_acid", "pamidronate", "ibandronate", "clodronate",
             "incadronate")  # the §4 catalogue order
