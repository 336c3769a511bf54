"""The working state of one synthetic patient while the generator builds it.

A :class:`Draft` carries the patient's random stream, the reference date and the timeline
decisions (diagnosis date, drug courses, lab visits) that later steps read; the steps fill
the case's lists in place. Nothing here is clinical truth: it is scaffolding for a plausible
demo record.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.case import (
    Administration,
    Biopsy,
    DentalProcedure,
    Event,
    Imaging,
    Lab,
    Lesion,
    Stop,
    Symptom,
)
from app.domain.dates import age_on

DAY = timedelta(days=1)


@dataclass
class Course:
    """One run of a drug: the given doses (dates and mg) and how it ended."""

    drug: str
    doses: list[tuple[date, float]] = field(default_factory=list)
    stopped: bool = False  # no longer given (recorded or unrecorded stop)

    @property
    def first(self) -> date:
        return self.doses[0][0]

    @property
    def last(self) -> date:
        return self.doses[-1][0]


@dataclass
class Draft:
    rng: random.Random
    ref: date
    sex: str
    birth: date
    weight: float | None
    crcl_target: float  # the patient's "true" creatinine clearance before any decline
    workup: str = ""
    treatment: str | None = None
    variant: str = ""  # a sub-path of the work-up or treatment path
    dx: date | None = None  # date bone metastasis was confirmed / the key work-up date
    ctx_base: float = 0.4  # ng/mL
    alp_base: float = 90.0  # U/L
    crea_decline: tuple[date, float] | None = None  # (from date, CrCl lost per year)
    courses: list[Course] = field(default_factory=list)
    planned: list[Administration] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    interval_days: dict[str, int] = field(default_factory=dict)
    visits: dict[date, set[str]] = field(default_factory=dict)  # date -> analytes
    low_calcium_recent: bool = False
    high_calcium_on: set[date] = field(default_factory=set)
    symptoms: list[Symptom] = field(default_factory=list)
    imaging: list[Imaging] = field(default_factory=list)
    biopsies: list[Biopsy] = field(default_factory=list)
    lesions: list[Lesion] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dental_exams: list[date] = field(default_factory=list)
    dental_procedures: list[DentalProcedure] = field(default_factory=list)
    labs: list[Lab] = field(default_factory=list)
    crea_cache: dict[date, float] = field(default_factory=dict)  # µmol/L by sample date
    # CTX / calcium kinetics (drawn once per patient)
    den_smax: float = 0.8
    bp_smax: float = 0.6
    rebound_onset: int = 90
    rebound_peak: int = 210
    rebound_over: float = 0.6
    ca_base: float = 2.3  # corrected calcium, mmol/L
    alb_base: float = 40.0  # g/L
    units: dict[str, str] = field(default_factory=dict)  # analyte -> this patient's lab unit
    overrides: dict[tuple[date, str], float] = field(default_factory=dict)  # canonical values

    # -- random helpers -------------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def days(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def pick(self, options: dict[str, float]) -> str:
        return self.rng.choices(tuple(options), weights=tuple(options.values()))[0]

    def ago(self, lo: int, hi: int) -> date:
        """A date ``lo``–``hi`` days before the reference date."""
        return self.ref - self.rng.randint(lo, hi) * DAY

    # -- timeline helpers -----------------------------------------------------------------
    def visit(self, when: date, *analytes: str) -> None:
        if when <= self.ref:
            self.visits.setdefault(when, set()).update(analytes)

    def age(self, on: date) -> int:
        return age_on(self.birth, on)
