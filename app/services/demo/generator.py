"""Deterministic synthetic patients for the demo registry (pure Python, no database).

``generate_cases(n, seed, reference_date)`` yields :class:`DemoPatient` objects: a domain
:class:`~app.domain.case.Case` plus the registry-only fields (preferred language, phone).
Patient *i* draws from its own random stream seeded by ``(seed, i)``, so the output is the
same for the same seed and reference date, and the first *k* patients do not depend on *n*.
All dates are placed relative to the reference date (default: today) so the demo always
looks current: given records on or before it, planned ones mostly after it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from app.domain.case import Administration, Bma, Case, Dental, Patient, StatusOverride
from app.services.demo import events, labs, treatment, workup
from app.services.demo.draft import DAY, Draft
from app.services.demo.localise import localise_zh
from app.services.demo.names import name_language_phone
from app.services.demo.profile import cancer_profile, crcl_target, demographics


@dataclass
class DemoPatient:
    """One synthetic patient: the case plus what only the registry keeps."""

    case: Case
    language: str  # "zh" | "en"
    phone: str | None
    workup: str  # the work-up path (see workup.WORKUP_WEIGHTS)
    treatment: str | None  # the treatment path for confirmed patients

    @property
    def mrn(self) -> str:
        return self.case.patient.mrn


def mrn_for(index: int) -> str:
    return f"BM-{index + 1:06d}"


def generate_cases(n: int, seed: int, reference_date: date | None = None
                   ) -> Iterator[DemoPatient]:
    """Yield ``n`` synthetic patients (MRNs BM-000001 …) for ``seed`` and the reference date."""
    if n < 0:
        raise ValueError("n: must be ≥ 0")
    ref = reference_date or date.today()
    for i in range(n):
        yield make_patient(i, seed, ref)


def make_patient(index: int, seed: int, ref: date) -> DemoPatient:
    rng = random.Random(f"bonemet-demo/{seed}/{index}")
    sex, birth, weight = demographics(rng, ref)
    name, language, phone = name_language_phone(rng, sex)
    d = Draft(rng=rng, ref=ref, sex=sex, birth=birth, weight=weight, crcl_target=crcl_target(rng))
    d.workup = d.pick(workup.WORKUP_WEIGHTS)
    labs.choose_units(d)
    confirmed = d.workup in workup.CONFIRMED_PATHS
    d.alb_base = rng.uniform(33, 44)
    d.ca_base = rng.uniform(2.2, 2.45)
    d.den_smax = rng.uniform(0.72, 0.9)
    d.bp_smax = rng.uniform(0.45, 0.7)
    d.rebound_onset = rng.randint(60, 110)
    d.rebound_peak = rng.randint(150, 270)
    d.rebound_over = rng.uniform(0.35, 1.3)
    if confirmed:
        d.ctx_base = rng.uniform(0.55, 1.6)
        d.alp_base = rng.uniform(140, 420) if rng.random() < 0.8 else rng.uniform(70, 125)
        count = rng.choices(range(1, 9), weights=(18, 18, 15, 13, 10, 9, 9, 8))[0]
        workup.make_lesions(d, count)
    else:
        d.ctx_base = rng.uniform(0.15, 0.6)
        d.alp_base = rng.uniform(50, 118)
    cancer = cancer_profile(rng, bone_confirmed=confirmed, lesion_count=len(d.lesions),
                            chinese=not name.isascii())
    if confirmed:
        treatment.plan_treatment(d)
        workup.confirmed_workup(d)
        frankel = events.skeletal_events(d)
        if any(les.bone == "vertebra" for les in d.lesions) or rng.random() < 0.3:
            cancer.frankel = frankel if rng.random() < 0.9 else None
    else:
        workup.other_workup(d)
    events.dental(d)
    labs.schedule(d)
    labs.emit(d)
    treatment.resolve_za_plans(d)
    override = None
    if d.workup == "inconclusive" and rng.random() < 0.15:
        override = StatusOverride(status="confirmed", date=d.ref - rng.randint(0, 3) * DAY,
                                  by=rng.choice(("Dr. Chen", "Dr. Li", "Dr. Wang")),
                                  reason="MDT consensus: typical osteolytic lesion on CT review")
    given = [Administration(date=t, drug=c.drug, dose_mg=mg)
             for c in d.courses for t, mg in c.doses]
    case = Case(
        patient=Patient(mrn=mrn_for(index), name=name, sex=sex, birth_date=birth,
                        weight_kg=weight,
                        osteoporosis=_osteoporosis(rng, sex, d.age(ref))),
        cancer=cancer,
        symptoms=sorted(d.symptoms, key=lambda s: s.date),
        labs=d.labs,
        imaging=sorted(d.imaging, key=lambda x: x.date),
        biopsies=d.biopsies,
        lesions=d.lesions,
        bma=Bma(administrations=sorted(given + d.planned, key=lambda a: a.date),
                interval_days=dict(d.interval_days),
                stops=sorted(d.stops, key=lambda s: s.date)),
        supplements=events.supplements(d),
        dental=Dental(exams=sorted(set(d.dental_exams)), procedures=d.dental_procedures),
        events=sorted(d.events, key=lambda e: e.date),
        status_override=override,
    )
    if language == "zh":
        localise_zh(case)
    return DemoPatient(case=case, language=language, phone=phone, workup=d.workup,
                       treatment=d.treatment if confirmed else None)


def _osteoporosis(rng: random.Random, sex: str, age: int) -> bool | None:
    if rng.random() < 0.25:
        return None
    p = 0.25 if sex == "female" and age >= 60 else 0.05
    return rng.random() < p
