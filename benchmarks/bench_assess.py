"""Benchmark: assess cases in one batch and print cases/second.

    python benchmarks/bench_assess.py [--n 500] [--seed 1] [--as-of 2026-11-21]
    python benchmarks/bench_assess.py --db REGISTRY.sqlite [--as-of …]   # every patient

Target (issue 3): ≥ 2000 cases/s on one core, database load time excluded. Synthetic mode
builds (and validates with ``parse_case``) the cases before the clock starts; ``--db`` loads
every patient of a registry (e.g. the 100,000-patient demo) in chunks first, then times only
``assess`` over all of them in one batch.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.assess import assess  # noqa: E402
from app.domain.casefile import parse_case  # noqa: E402

LEVELS = ("T4", "T8", "T12", "L1", "L3", "L5", "C5", "S1")


def synthetic_case(rng: random.Random, i: int, as_of: date) -> dict[str, Any]:
    """One plausible case: labs over a year, imaging, lesions, BMA doses, events."""
    start = as_of - timedelta(days=rng.randint(60, 700))

    def day(offset: int) -> str:
        return (start + timedelta(days=offset)).isoformat()

    span = (as_of - start).days
    labs = []
    for k in range(rng.randint(2, 10)):
        d = day(rng.randint(0, span))
        labs.append({"date": d, "analyte": "CTX", "value": round(rng.uniform(0.05, 1.2), 3),
                     "unit": "ng/mL", "fasting": rng.random() < 0.7})
        if k % 2 == 0:
            labs.append({"date": d, "analyte": "CA", "value": round(rng.uniform(2.0, 2.8), 2),
                         "unit": "mmol/L"})
            labs.append({"date": d, "analyte": "ALB", "value": rng.randint(30, 45),
                         "unit": "g/L"})
            labs.append({"date": d, "analyte": "CREA", "value": rng.randint(50, 200),
                         "unit": "umol/L"})
            labs.append({"date": d, "analyte": "ALP", "value": rng.randint(60, 400),
                         "unit": "U/L"})
    region = rng.choice(LEVELS)
    imaging = [{"date": day(5), "modality": "bone_scan", "region": region,
                "result": rng.choice(("positive", "equivocal", "negative"))}]
    if rng.random() < 0.7:
        imaging.append({"date": day(9), "modality": rng.choice(("mri", "ct", "pet_ct")),
                        "region": region, "result": rng.choice(("positive", "negative")),
                        "pattern": rng.choice(("osteolytic", "mixed", "osteoblastic")),
                        "bone_destruction": rng.random() < 0.6})
    lesions = [{"region": region, "bone": "vertebra", "level": region,
                "pattern": rng.choice(("osteolytic", "mixed", "osteoblastic")),
                "pain": rng.choice(("mechanical", "occasional", "none")),
                "alignment": "normal", "collapse": rng.choice(("gt50", "lt50", "none")),
                "posterolateral": rng.choice(("bilateral", "unilateral", "none")),
                "escc": rng.choice(("0", "1a", "1b", "2"))}]
    if rng.random() < 0.5:
        lesions.append({"region": "left femur", "bone": "femur",
                        "pattern": rng.choice(("osteolytic", "mixed")),
                        "pain": rng.choice(("mild", "moderate", "functional")),
                        "size": rng.choice(("lt_third", "third_to_two_thirds"))})
    drug = rng.choice(("denosumab", "zoledronic_acid"))
    doses = [{"date": day(20 + 28 * k), "drug": drug,
              "dose_mg": 120 if drug == "denosumab" else 4}
             for k in range(rng.randint(0, 8)) if 20 + 28 * k <= span]
    if rng.random() < 0.5:
        doses.append({"date": (as_of + timedelta(days=rng.randint(-10, 30))).isoformat(),
                      "drug": drug, "dose_mg": 120 if drug == "denosumab" else 4,
                      "planned": True})
    stops = ([{"drug": drug, "date": day(30 + 28 * len(doses)), "reason": "toxicity"}]
             if doses and rng.random() < 0.3 and 30 + 28 * len(doses) <= span else [])
    return {
        "schema": "bonemet-case/1",
        "patient": {"mrn": f"BENCH-{i:06d}", "sex": rng.choice(("female", "male")),
                    "birth_date": f"{rng.randint(1935, 1975)}-0{rng.randint(1, 9)}-1{i % 9}",
                    "weight_kg": rng.randint(45, 90), "osteoporosis": rng.random() < 0.2},
        "cancer": {"histology": rng.choice(("adenocarcinoma", "squamous", "sclc")),
                   "stage": rng.choice(("IIIA", "IVA", "IVB", "IIB")),
                   "drivers": rng.choice(([], ["EGFR L858R"], ["ALK"])),
                   "targeted_therapy": rng.random() < 0.4, "immunotherapy": rng.random() < 0.4,
                   "prior_chemotherapy": rng.random() < 0.5,
                   "visceral_metastases": rng.choice(([], ["adrenal"], ["liver", "brain"])),
                   "visceral_treatable": rng.random() < 0.5, "disseminated": False,
                   "ecog": rng.randint(0, 3), "kps": rng.choice((60, 70, 80, 90)),
                   "frankel": rng.choice(("D", "E"))},
        "symptoms": [{"date": day(2), "kind": "bone_pain",
                      "pattern": rng.choice(("fixed", "migratory"))}],
        "labs": labs,
        "imaging": imaging,
        "lesions": lesions,
        "bma": {"administrations": doses, "stops": stops},
        "supplements": {"calcium": rng.random() < 0.8, "vitamin_d": rng.random() < 0.8},
        "dental": {"exams": [day(10)],
                   "procedures": ([{"date": day(span - 5), "kind": "extraction",
                                    "planned": True}] if rng.random() < 0.2 else [])},
        "events": ([{"date": day(15), "kind": "radiotherapy", "region": region}]
                   if rng.random() < 0.5 else []),
    }


def registry_cases(target: str, chunk: int = 2000) -> list:
    """Every patient's current case from a registry (not timed)."""
    from sqlalchemy import select

    from app.data import models as M
    from app.data.engine import open_database
    from app.services.records_map import load_cases

    db = open_database(target)
    try:
        with db.session() as s:
            ids = list(s.scalars(select(M.Patient.id).order_by(M.Patient.id)))
        cases = []
        t0 = time.perf_counter()
        for k in range(0, len(ids), chunk):
            with db.session() as s:
                cases.extend(load_cases(s, ids[k:k + chunk]).values())
            print(f"loaded {len(cases)} of {len(ids)} cases", file=sys.stderr, flush=True)
        print(f"(loading took {time.perf_counter() - t0:.1f} s, not counted)", file=sys.stderr)
        return cases
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500, help="number of cases (default 500)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--as-of", default="2026-11-21")
    ap.add_argument("--db", help="assess every patient of this registry instead")
    args = ap.parse_args(argv)
    as_of = date.fromisoformat(args.as_of)
    if args.db:
        cases = registry_cases(args.db)
        args.n = len(cases)
    else:
        rng = random.Random(args.seed)
        cases = [parse_case(synthetic_case(rng, i, as_of)) for i in range(args.n)]
    t0, c0 = time.perf_counter(), time.process_time()
    findings = 0
    for case in cases:
        findings += len(assess(case, as_of).findings)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    rate = args.n / elapsed if elapsed > 0 else float("inf")
    cpu_rate = args.n / cpu if cpu > 0 else float("inf")
    # wall-clock rate is what a user sees; the CPU-time rate is the one-core rate when other
    # processes share the machine
    print(f"assessed {args.n} cases in {elapsed:.3f} s: {rate:.0f} cases/s wall, "
          f"{cpu_rate:.0f} cases/s CPU ({findings / max(args.n, 1):.1f} findings/case; "
          "target ≥ 2000 cases/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
