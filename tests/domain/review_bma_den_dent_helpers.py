"""Builders shared by the independent review tests of rule book §4–§6
(``test_review_bma_den_dent``, ``test_review_bma_state_ca``, ``test_review_den``,
``test_review_dent_order``).

CrCl trick used throughout: a male patient born 1958-01-01 is 68 on any 2026 date, so
Cockcroft–Gault gives (140 − 68) × W / (72 × SCr) = W / SCr; with creatinine 88.4 µmol/L
(= 1.0 mg/dL) CrCl equals the weight in kg. ``BOOK`` is the rule-book order of §4–§6 with each
rule's Evidence column copied by hand.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.params import DEFAULTS, params_from_mapping

D0 = date(2026, 3, 1)  # "day 0" of most cases


def day(k: int) -> str:
    """ISO date k days after D0."""
    return (D0 + timedelta(days=k)).isoformat()


def case(**sections: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "schema": "bonemet-case/1",
        "patient": {"mrn": "R-1", "sex": "male", "birth_date": "1958-01-01", "weight_kg": 60},
    }
    obj.update(copy.deepcopy(sections))
    return obj


def dose(d: str, drug: str = "zoledronic_acid", mg: float | None = None, planned: bool = False):
    if mg is None:
        mg = 120 if drug == "denosumab" else (4 if drug == "zoledronic_acid" else 90)
    out: dict[str, Any] = {"date": d, "drug": drug, "dose_mg": mg}
    if planned:
        out["planned"] = True
    return out


def lab(d: str, analyte: str, value: float, unit: str, **kw: Any) -> dict[str, Any]:
    return {"date": d, "analyte": analyte, "value": value, "unit": unit, **kw}


def crea(d: str, umol: float = 88.4) -> dict[str, Any]:
    return lab(d, "CREA", umol, "umol/L")


def ctx(d: str, ng: float, **kw: Any) -> dict[str, Any]:
    return lab(d, "CTX", ng, "ng/mL", **kw)


def ca(d: str, mmol: float, **kw: Any) -> dict[str, Any]:
    return lab(d, "CA", mmol, "mmol/L", **kw)


def run(obj: dict[str, Any], as_of: str | int, **params: Any) -> dict[str, Any]:
    p = params_from_mapping(params) if params else DEFAULTS
    when = day(as_of) if isinstance(as_of, int) else as_of
    return assess(parse_case(obj), date.fromisoformat(when), p).to_json()


def rules(res: dict[str, Any]) -> list[str]:
    return [f["rule"] for f in res["findings"]]


def only(res: dict[str, Any], rule: str) -> dict[str, Any]:
    hits = [f for f in res["findings"] if f["rule"] == rule]
    assert len(hits) == 1, f"{rule}: {len(hits)} findings"
    return hits[0]


def fires(res: dict[str, Any], rule: str) -> bool:
    return rule in rules(res)


CONFIRMED = [{"date": day(-100), "modality": "mri", "region": "L3", "result": "positive",
              "bone_destruction": True}]


def _supp(adm, stops=(), as_of=0, **kw):
    """BMA-SUPPLEMENTS fires iff a BMA is active (supplements absent, no hypercalcaemia)."""
    res = run(case(bma={"administrations": adm, "stops": list(stops)}, **kw), as_of)
    return fires(res, "BMA-SUPPLEMENTS")


def _den(adm, stops=(), as_of=0, labs=(), params=None, **kw):
    obj = case(bma={"administrations": adm, "stops": list(stops)}, labs=list(labs), **kw)
    return run(obj, as_of, **(params or {}))


STOP10 = [{"drug": "denosumab", "date": day(10), "reason": "review"}]


NADIR = ctx(day(14), 0.10)


BOOK = [
    ("BMA-START", "SEED R33, R45; GL ESMO 2020 [I,B]; TRIAL Scagliotti 2012",
     ["GL", "TRIAL", "SEED"]),
    ("BMA-CONCURRENT", "LABEL (Xgeva); SEED R32", ["LABEL", "SEED"]),
    ("BMA-ZA-DOSE", "LABEL", ["LABEL"]),
    ("BMA-ZA-OVERDOSE", "LABEL", ["LABEL"]),
    ("BMA-ZA-CONTRAINDICATED", "LABEL; SEED R30", ["LABEL", "SEED"]),
    ("BMA-ZA-CREAT-MISSING", "LABEL", ["LABEL"]),
    ("BMA-ZA-CREAT-RISE", "LABEL", ["LABEL"]),
    ("BMA-DEN-CKD", "LABEL (Xgeva; Prolia 2024 boxed warning)", ["LABEL"]),
    ("BMA-HYPOCALCAEMIA", "LABEL; CTCAE v5", ["LABEL"]),
    ("BMA-HYPERCALCAEMIA", "GL; CTCAE v5", ["GL"]),
    ("BMA-CA-MISSING", "LABEL", ["LABEL"]),
    ("BMA-SUPPLEMENTS", "LABEL; SEED R34", ["LABEL", "SEED"]),
    ("BMA-DENTAL-CLEARANCE", "GL MASCC/ISOO/ASCO 2019; LABEL; SEED R38", ["LABEL", "GL", "SEED"]),
    ("BMA-DENTAL-REVIEW", "GL MASCC 2019", ["GL"]),
    ("BMA-DEN-INTERVAL", "SEED R51; LABEL", ["LABEL", "SEED"]),
    ("BMA-ZA-INTERVAL", "TRIAL CALGB 70604, ZOOM; SEED R47", ["TRIAL", "SEED"]),
    ("BMA-DEN-OVERDUE", "LABEL; SEED R48", ["LABEL", "SEED"]),
    ("BMA-NON-ONCOLOGY-DOSE", "LABEL", ["LABEL"]),
    ("DEN-STOP-WINDOW", "SEED R48–R50; LABEL; TRIAL", ["LABEL", "TRIAL", "SEED"]),
    ("DEN-MONITOR-DUE", "SEED R50; DESIGN", ["SEED", "DESIGN"]),
    ("DEN-REBOUND-CTX", "SEED R50 (case 3: denosumab → incadronate); GL ECTS 2021; DESIGN "
     "(threshold = LSC ≈30%, Rosen 2000; the running-course variant)",
     ["GL", "SEED", "DESIGN"]),
    ("DEN-REBOUND-CALCIUM", "TRIAL (Wang; Villanova 2025, lung); LABEL", ["LABEL", "TRIAL"]),
    ("DEN-REBOUND-FRACTURE", "LABEL; TRIAL FREEDOM (Cummings 2018)", ["LABEL", "TRIAL"]),
    ("DENT-MINOR", "SEED R40; GL (AAOMS-style safe procedures)", ["GL", "SEED"]),
    ("DENT-INVASIVE", "GL MASCC/ISOO/ASCO 2019; SEED R41–R44", ["GL", "SEED"]),
    ("DENT-ONJ", "SEED R37; GL MASCC 2019", ["GL", "SEED"]),
]


BOOK_IDS = [r for r, _, _ in BOOK]


def _many() -> dict[str, Any]:
    """A case firing many §4–§6 rules at once (as of day 100)."""
    return case(
        labs=[crea(day(97)), ctx(day(14), 0.10), ctx(day(60), 0.5), ca(day(90), 2.7)],
        bma={"administrations": [dose(day(0), "denosumab"), dose(day(110), mg=4, planned=True)],
             "stops": STOP10},
        dental={"procedures": [{"date": day(120), "kind": "extraction", "planned": True},
                               {"date": day(105), "kind": "scaling", "planned": True}]},
        events=[{"date": day(50), "kind": "onj"},
                {"date": day(70), "kind": "fracture", "vertebral": True}],
    ) | {"patient": {"mrn": "R-1", "sex": "male", "birth_date": "1958-01-01", "weight_kg": 55}}


SCOPE = set(BOOK_IDS)


_DRUGS = ["denosumab", "zoledronic_acid", "pamidronate"]


_KINDS = ["extraction", "scaling", "implant", "filling"]


def _random_case(rnd) -> dict[str, Any]:
    adm = [dose(day(rnd.randint(-400, 60)), rnd.choice(_DRUGS), None, rnd.random() < 0.3)
           for _ in range(rnd.randint(0, 8))]
    for a in adm:
        if rnd.random() < 0.2:
            a["dose_mg"] = 60 if a["drug"] == "denosumab" else 5
    stops = [{"drug": rnd.choice(_DRUGS), "date": day(rnd.randint(-400, 10))}
             for _ in range(rnd.randint(0, 2))]
    labs = [ctx(day(rnd.randint(-400, 10)), rnd.choice([0.05, 0.1, 0.3, 0.9]))
            for _ in range(rnd.randint(0, 5))]
    labs += [ca(day(rnd.randint(-100, 10)), rnd.choice([1.9, 2.05, 2.3, 2.7, 3.0]))
             for _ in range(rnd.randint(0, 3))]
    labs += [crea(day(rnd.randint(-200, 10)), rnd.choice([60, 88.4, 150, 300]))
             for _ in range(rnd.randint(0, 3))]
    events = [{"date": day(rnd.randint(-400, 0)), "kind": rnd.choice(["fracture", "onj"]),
               "vertebral": rnd.random() < 0.5} for _ in range(rnd.randint(0, 2))]
    dental = {"exams": [day(rnd.randint(-400, 0)) for _ in range(rnd.randint(0, 2))],
              "procedures": [{"date": day(rnd.randint(-30, 90)), "kind": rnd.choice(_KINDS),
                              "planned": rnd.random() < 0.7} for _ in range(rnd.randint(0, 2))]}
    return case(bma={"administrations": adm, "stops": stops}, labs=labs, events=events,
                dental=dental, imaging=CONFIRMED if rnd.random() < 0.5 else [])
