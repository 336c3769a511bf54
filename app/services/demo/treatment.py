"""Bone-modifying-agent histories for confirmed patients.

Treatment paths (weights in :data:`TREATMENT_WEIGHTS`): denosumab 120 mg q4w ongoing, with an
extended interval, with hypocalcaemia, overdue, stopped with a recorded reason, stopped
without a record (a gap), switched to zoledronic acid; zoledronic acid ongoing (dose adjusted
to CrCl, some q12w), unsafe (unadjusted 4 mg, or CrCl < 30 after a renal decline), switched to
denosumab (gap ≥ 28 days); a planned zoledronic-acid dose within 28 days of denosumab; and
newly confirmed patients with no agent yet (some with a first dose planned). Every path fixes
the confirmation date ``d.dx`` by counting back from the reference date.
"""

from __future__ import annotations

from datetime import date

from app.domain.case import Administration, Stop
from app.services.demo.draft import DAY, Course, Draft
from app.services.demo.kinetics import crcl_from, crea_umol, za_dose

TREATMENT_WEIGHTS = {
    "den_ongoing": 26, "den_extended": 5, "den_hypocalcaemia": 4, "den_overdue": 5,
    "den_stopped": 12, "den_unrecorded_stop": 5, "den_to_za": 5, "za_ongoing": 18,
    "za_unsafe": 4, "za_to_den": 5, "concurrent": 1, "none_yet": 10,
}
DEN_MG = 120.0
STOP_REASONS = {
    "dental extraction": 25, "patient choice": 20, "financial reasons": 10,
    "hypocalcaemia": 8, "osteonecrosis of the jaw": 5, "poor general condition": 12,
    "travelling abroad": 5, "": 15,
}


def _dates(d: Draft, last: date, n: int, interval: int) -> list[date]:
    """``n`` dose dates ``interval`` days apart (±3 days), ending exactly on ``last``."""
    out = [last]
    for _ in range(n - 1):
        out.append(out[-1] - (interval + d.days(-3, 3)) * DAY)
    return sorted(out)


def _za_mg(d: Draft, when: date) -> float:
    """The CrCl-adjusted dose, from the creatinine measured on the dose date."""
    return za_dose(crcl_from(d, crea_umol(d, when), when))


def _course(d: Draft, drug: str, dates: list[date], stopped: bool = False) -> Course:
    doses = [(t, DEN_MG if drug == "denosumab" else _za_mg(d, t)) for t in dates if t <= d.ref]
    course = Course(drug, doses, stopped)
    if doses:
        d.courses.append(course)
    return course


def _plan(d: Draft, drug: str, when: date, mg: float | None = None) -> None:
    """Plan a dose; a zoledronic-acid dose without ``mg`` is sized later from the labs
    (:func:`resolve_za_plans`)."""
    if mg is None:
        mg = DEN_MG if drug == "denosumab" else 0.0
    d.planned.append(Administration(date=when, drug=drug, dose_mg=mg, planned=True))


def resolve_za_plans(d: Draft, max_age: int = 14) -> None:
    """Size planned zoledronic-acid doses from the creatinine the rule engine will use: the
    latest one dated 0–``max_age`` days before a due plan, else the latest on/before the
    reference date (4 mg when there is none: the engine then asks for a creatinine)."""
    crea = sorted((lab.date, lab) for lab in d.labs if lab.analyte == "CREA" and
                  lab.date <= d.ref)
    for i, a in enumerate(d.planned):
        if a.drug != "zoledronic_acid" or a.dose_mg:
            continue
        due = (a.date - d.ref).days <= max_age
        usable = [lab for t, lab in crea if not due or 0 <= (a.date - t).days <= max_age]
        crcl = None
        if usable:
            lab = usable[-1]
            umol = lab.value * (88.4 if lab.unit == "mg/dL" else 1.0)
            crcl = crcl_from(d, umol, lab.date)
        d.planned[i] = Administration(date=a.date, drug=a.drug, dose_mg=za_dose(crcl),
                                      planned=True)


def _next_plan(d: Draft, drug: str, last: date, interval: int, p: float = 0.85) -> None:
    if d.chance(p):
        nxt = last + interval * DAY
        _plan(d, drug, nxt if nxt > d.ref else d.ref + d.days(1, 5) * DAY)


def _stop(d: Draft, drug: str, last: date, reasons: dict[str, float]) -> date:
    when = min(last + d.days(0, 35) * DAY, d.ref)
    reason = d.pick(reasons)
    d.stops.append(Stop(drug=drug, date=when, reason=reason or None))
    d.variant = reason
    return when


def plan_treatment(d: Draft) -> None:
    """Choose a path, build its courses, plans and stops, and set ``d.dx``."""
    path = d.treatment = d.pick(TREATMENT_WEIGHTS)
    r = d.ref
    if path == "none_yet":
        d.dx = d.ago(2, 25)
        if d.chance(0.4):
            drug = "denosumab" if d.chance(0.6) else "zoledronic_acid"
            _plan(d, drug, r + d.days(1, 14) * DAY)
        return
    if path in ("den_ongoing", "den_hypocalcaemia", "concurrent"):
        n = d.days(1, 36)
        last = d.ago(3, 20) if path == "concurrent" else d.ago(0, 27)
        c = _course(d, "denosumab", _dates(d, last, n, 28))
        if d.chance(0.3):
            d.interval_days["denosumab"] = 28
        if path == "concurrent":
            _plan(d, "denosumab", c.last + 28 * DAY)
            _plan(d, "zoledronic_acid", r + d.days(2, 12) * DAY)
        else:
            _next_plan(d, "denosumab", c.last, 28)
        d.low_calcium_recent = path == "den_hypocalcaemia"
    elif path == "den_extended":
        ext = d.rng.choice((56, 84))
        d.interval_days["denosumab"] = ext
        n = d.days(1, 10)
        dates = _dates(d, d.ago(0, ext - 1), n, ext)
        dates = _dates(d, dates[0] - 28 * DAY, 3, 28) + dates
        c = _course(d, "denosumab", dates)
        _next_plan(d, "denosumab", c.last, ext)
    elif path == "den_overdue":
        c = _course(d, "denosumab", _dates(d, d.ago(45, 80), d.days(3, 24), 28))
        if d.chance(0.5):  # the plan that was not kept (an overdue plan)
            _plan(d, "denosumab", c.last + 28 * DAY)
    elif path in ("den_stopped", "den_unrecorded_stop", "den_to_za"):
        lo, hi = {"den_stopped": (10, 420), "den_unrecorded_stop": (90, 330),
                  "den_to_za": (60, 500)}[path]
        c = _course(d, "denosumab", _dates(d, d.ago(lo, hi), d.days(3, 30), 28), stopped=True)
        if path == "den_stopped":
            _stop(d, "denosumab", c.last, STOP_REASONS)
            if d.chance(0.15):
                _plan(d, "denosumab", r + d.days(1, 20) * DAY)  # planned restart
        elif path == "den_to_za":
            _stop(d, "denosumab", c.last, {"switch to zoledronic acid": 50, "cost": 30,
                                           "patient preference": 20})
            start = c.last + d.days(28, 150) * DAY
            if start > r:
                _plan(d, "zoledronic_acid", start)
            else:
                z = _grow(d, _course(d, "zoledronic_acid", [start]), 28)
                _next_plan(d, "zoledronic_acid", z.last, 28)
    elif path in ("za_ongoing", "za_unsafe"):
        interval = 84 if path == "za_ongoing" and d.chance(0.2) else 28
        if interval != 28 or d.chance(0.25):
            d.interval_days["zoledronic_acid"] = interval
        n = d.days(1, 30 if interval == 28 else 8)
        last = d.ago(0, interval - 1)
        first = last - (n - 1) * interval * DAY
        if path == "za_unsafe":
            d.variant = "contraindicated" if d.chance(0.5) else "unadjusted"
            _unsafe_kidneys(d, first)
        c = _course(d, "zoledronic_acid", _dates(d, last, n, interval))
        if path == "za_unsafe":
            nxt = max(c.last + interval * DAY, r + d.days(1, 7) * DAY)
            _plan(d, "zoledronic_acid", nxt, 4.0 if d.variant == "unadjusted" else 3.0)
        else:
            _next_plan(d, "zoledronic_acid", c.last, interval)
    elif path == "za_to_den":
        z = _course(d, "zoledronic_acid", _dates(d, d.ago(60, 500), d.days(3, 18), 28),
                    stopped=True)
        reason = d.pick({"renal function decline": 50, "acute-phase reaction": 25,
                         "switch to denosumab": 25})
        d.stops.append(Stop(drug="zoledronic_acid", date=min(z.last + d.days(0, 20) * DAY, r),
                            reason=reason))
        d.variant = reason
        start = z.last + d.days(28, 60) * DAY
        if start > r:
            _plan(d, "denosumab", start)
        else:
            c = _grow(d, _course(d, "denosumab", [start]), 28)
            _next_plan(d, "denosumab", c.last, 28)
    first = min([c.first for c in d.courses] + [a.date for a in d.planned])
    d.dx = first - d.days(7, 30) * DAY


def _grow(d: Draft, course: Course, interval: int) -> Course:
    """Extend a course that started in the past with doses every ``interval`` days to today."""
    t = course.last
    while True:
        t = t + (interval + d.days(-2, 2)) * DAY
        if t > d.ref:
            return course
        mg = DEN_MG if course.drug == "denosumab" else _za_mg(d, t)
        course.doses.append((t, mg))


def _unsafe_kidneys(d: Draft, first: date) -> None:
    if d.variant == "contraindicated":  # declining kidneys: CrCl ends at 18-28 mL/min
        d.crcl_target = max(d.crcl_target, 45.0)
        years = max(14, (d.ref - first).days) / 365.0
        d.crea_decline = (first, (d.crcl_target - d.rng.uniform(18, 28)) / years)
    else:  # moderately impaired: the 4 mg default is too much
        d.crcl_target = d.rng.uniform(36, 58)
