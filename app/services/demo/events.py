"""Skeletal events, radiotherapy, dental care and supplements for a confirmed patient.

Events: radiotherapy to painful lesions (given and planned), vertebral and long-bone
pathological fractures (some fixed surgically), vertebroplasty, spinal cord compression with
a neurological deficit (some within the last 30 days), hypercalcaemia, osteonecrosis of the
jaw, and rebound vertebral fractures after a denosumab stop. Dental: an examination before
the first dose for most patients, six-monthly reviews for some, and procedures — scaling and
fillings, planned extractions or implants during treatment, the extraction that a denosumab
stop was made for.
"""

from __future__ import annotations

from datetime import date

from app.domain.case import DentalProcedure, Event, Supplements, Symptom
from app.services.demo.draft import DAY, Draft


def _between(d: Draft, lo: date, hi: date) -> date:
    span = max(0, (hi - lo).days)
    return lo + d.days(0, span) * DAY


def _event(d: Draft, when: date, kind: str, region: str | None = None,
           vertebral: bool | None = None, planned: bool = False) -> None:
    if planned or when <= d.ref:
        d.events.append(Event(date=when, kind=kind, region=region, vertebral=vertebral,
                              planned=planned))


def skeletal_events(d: Draft) -> str:
    """Add events; return the Frankel grade the cord status implies."""
    assert d.dx is not None
    frankel = "E"
    spine = [les for les in d.lesions if les.bone == "vertebra"]
    limbs = [les for les in d.lesions if les.limb or les.bone in ("femur", "humerus", "tibia")]
    painful = [les for les in d.lesions if les.pain not in (None, "none")]
    if painful and d.chance(0.45):
        target = d.rng.choice(painful)
        _event(d, _between(d, d.dx, min(d.dx + 60 * DAY, d.ref)), "radiotherapy", target.region)
    if painful and d.chance(0.08):
        _event(d, d.ref + d.days(3, 21) * DAY, "radiotherapy", painful[-1].region, planned=True)
    if spine and d.chance(0.09):
        les = d.rng.choice(spine)
        _event(d, _between(d, d.dx - 10 * DAY, d.ref), "pathological_fracture", les.region, True)
        if les.collapse in (None, "none", "none_gt50_involved"):
            les.collapse = "lt50"
        if d.chance(0.3):
            _event(d, _between(d, d.dx, d.ref), "vertebroplasty", les.region)
    if limbs and d.chance(0.12):
        les = d.rng.choice(limbs)
        when = _between(d, d.dx - 5 * DAY, d.ref)
        _event(d, when, "pathological_fracture", les.region, False)
        if d.chance(0.6):
            _event(d, min(when + d.days(1, 7) * DAY, d.ref), "surgery_to_bone", les.region)
    if limbs and d.chance(0.05):
        _event(d, d.ref + d.days(5, 30) * DAY, "surgery_to_bone", limbs[0].region, planned=True)
    if spine and d.chance(0.04):
        les = spine[0]
        recent = d.chance(0.5)
        when = d.ago(0, 25) if recent else _between(d, d.dx, d.ref - 40 * DAY)
        _event(d, when, "spinal_cord_compression", les.region, True)
        d.symptoms.append(Symptom(date=when, kind="neuro_deficit",
                                  site=f"lower limbs (below {les.region})"))
        les.escc = d.rng.choice(("2", "3"))
        frankel = d.rng.choice(("C", "D", "D"))
        if not recent:
            _event(d, min(when + 2 * DAY, d.ref), "radiotherapy", les.region)
    if d.chance(0.02):
        when = _between(d, d.dx, d.ref)
        _event(d, when, "hypercalcaemia")
        d.high_calcium_on.add(when)
    _after_stop_events(d)
    return frankel


def _after_stop_events(d: Draft) -> None:
    den = [c for c in d.courses if c.drug == "denosumab"]
    if not den:
        return
    course = den[-1]
    reason = d.variant
    if reason == "osteonecrosis of the jaw":
        _event(d, max(course.last, d.stops[-1].date - d.days(0, 10) * DAY), "onj")
    elif len(course.doses) > 20 and d.chance(0.03):
        _event(d, _between(d, course.first + 400 * DAY, d.ref), "onj")
    if course.stopped and d.treatment in ("den_stopped", "den_unrecorded_stop"):
        if d.chance(0.12):  # rebound vertebral fracture
            when = course.last + d.days(120, 300) * DAY
            spine = [les.region for les in d.lesions if les.bone == "vertebra"]
            region = d.rng.choice(spine) if spine and d.chance(0.3) else d.rng.choice(
                ("T12", "L1", "L2", "T11"))
            _event(d, when, "fracture", region, True)
        if d.chance(0.2):  # rebound hypercalcaemia
            when = course.last + d.days(150, 260) * DAY
            if when <= d.ref:
                d.high_calcium_on.add(when)


def dental(d: Draft) -> None:
    doses = [t for c in d.courses for t, _ in c.doses] + [a.date for a in d.planned]
    if not doses:
        if d.chance(0.2):
            d.dental_exams.append(d.ago(10, 300))
        return
    first = min(doses)
    if d.chance(0.85):
        d.dental_exams.append(min(first - d.days(3, 60) * DAY, d.ref))
    if d.chance(0.5):
        t = first + d.days(150, 210) * DAY
        while t <= d.ref:
            d.dental_exams.append(t)
            t += d.days(150, 220) * DAY
    on_den = any(c.drug == "denosumab" and not c.stopped for c in d.courses)
    on_bp = any(c.drug != "denosumab" and not c.stopped for c in d.courses)
    if d.variant == "dental extraction" and d.stops:
        when = d.stops[-1].date + d.days(20, 70) * DAY
        d.dental_procedures.append(DentalProcedure(date=when, kind="extraction",
                                                   planned=when > d.ref))
    if on_den and d.chance(0.09):
        d.dental_procedures.append(DentalProcedure(date=d.ref + d.days(5, 45) * DAY,
                                                   kind="extraction", planned=True))
    if on_bp and d.chance(0.05):
        d.dental_procedures.append(DentalProcedure(date=d.ref + d.days(10, 60) * DAY,
                                                   kind="implant", planned=True))
    if d.chance(0.12):
        d.dental_procedures.append(DentalProcedure(date=_between(d, first, d.ref),
                                                   kind="scaling"))
    if d.chance(0.06):
        d.dental_procedures.append(DentalProcedure(date=d.ref + d.days(3, 30) * DAY,
                                                   kind=d.rng.choice(("filling", "root_canal")),
                                                   planned=True))
    d.dental_exams.sort()
    d.dental_procedures.sort(key=lambda p: p.date)


def supplements(d: Draft) -> Supplements:
    if not d.courses and not d.planned:
        return Supplements(calcium=True, vitamin_d=True) if d.chance(0.1) else Supplements()
    r = d.rng.random()
    if r < 0.8:
        return Supplements(calcium=True, vitamin_d=True)
    if r < 0.88:
        return Supplements(calcium=False, vitamin_d=d.chance(0.5))
    return Supplements()
