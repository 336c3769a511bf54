"""Test data for the persistence tests: a case that exercises every record kind and field,
and a freshly migrated registry."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from app.data.engine import Database, open_database
from app.data.migrate import ensure_schema
from app.domain import case as C
from app.domain.casefile import parse_case

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def example_case() -> C.Case:
    """The rule book's §10 example case."""
    return parse_case(json.loads((FIXTURES / "cases" / "example.json").read_text("utf-8")))


def migrated_db(path: Path) -> Database:
    db = open_database(path)
    ensure_schema(db)
    return db


def full_case(mrn: str = "FULL-001") -> C.Case:
    """Every record kind, optional fields set, date-times naive and with offsets."""
    cst = timezone(timedelta(hours=8))
    return C.Case(
        patient=C.Patient(mrn=mrn, name="欧阳小燕", sex="female", birth_date=date(1960, 2, 29),
                          weight_kg=51.5, osteoporosis=True),
        cancer=C.Cancer(histology="squamous", stage="IIIB", drivers=["EGFR L858R", "ALK"],
                        targeted_therapy=True, immunotherapy=True, prior_chemotherapy=False,
                        visceral_treatable=False, disseminated=True, visceral_metastases=[],
                        visceral_lesion_count=0, ecog=2, kps=60, frankel="D"),
        symptoms=[
            C.Symptom(date(2026, 3, 1), "bone_pain", pattern="migratory", site="骶骨",
                      mechanical=True, at=datetime(2026, 3, 1, 9, 30, tzinfo=cst)),
            C.Symptom(date(2026, 3, 5), "neuro_deficit"),
            C.Symptom(date(2026, 3, 6), "bone_pain", nrs=7, analgesic_step=2),
        ],
        labs=[
            C.Lab(date(2026, 3, 2), "CTX", 812.0, "pg/mL", ref_low=136, ref_high=689,
                  fasting=True, method="ECLIA", at=datetime(2026, 3, 2, 7, 5)),
            C.Lab(date(2026, 3, 2), "ALP", 30.0, "U/L", ref_low=45, ref_high=125),
            C.Lab(date(2026, 3, 2), "CA", 2.31, "mmol/L", ref_high=2.6),
            C.Lab(date(2026, 3, 3), "CREA", 68.0, "µmol/L",
                  at=datetime(2026, 3, 3, 23, 59, tzinfo=UTC)),
        ],
        imaging=[
            C.Imaging(date(2026, 3, 4), "mri", "L3", "positive", pattern="osteolytic",
                      bone_destruction=True, at=datetime(2026, 3, 4, 14, 0)),
            C.Imaging(date(2026, 3, 6), "pet_ct", "whole body", "equivocal",
                      report="多发骨转移 L3、右股骨；FDG uptake SUVmax 8.1"),
        ],
        biopsies=[C.Biopsy(date(2026, 3, 8), "L3", "nondiagnostic")],
        lesions=[
            C.Lesion("L3", "vertebra", level="L3", pattern="osteolytic", pain="mechanical",
                     alignment="subluxation", collapse="gt50", posterolateral="bilateral",
                     escc="1b", first_seen=date(2025, 11, 2), size_mm=23.5),
            C.Lesion("right femur", "femur", side="right", limb="lower", peritrochanteric=True,
                     pattern="mixed", pain="functional", size="gt_two_thirds"),
        ],
        bma=C.Bma(
            administrations=[
                C.Administration(date(2026, 3, 10), "zoledronic_acid", 3.5),
                C.Administration(date(2026, 4, 7), "denosumab", 120.0, planned=True,
                                 at=datetime(2026, 4, 7, 10, 0, tzinfo=cst)),
            ],
            interval_days={"denosumab": 28, "zoledronic_acid": 84},
            stops=[C.Stop("zoledronic_acid", date(2026, 4, 1), reason="switched")],
        ),
        supplements=C.Supplements(calcium=True, vitamin_d=False),
        dental=C.Dental(exams=[date(2026, 2, 20), date(2026, 8, 20)],
                        procedures=[C.DentalProcedure(date(2026, 2, 25), "scaling"),
                                    C.DentalProcedure(date(2026, 9, 1), "implant", planned=True)],
                        findings=[C.DentalExam(date(2026, 2, 20), oral_hygiene="poor",
                                               infection=False, extraction_needed=True)]),
        events=[
            C.Event(date(2026, 3, 20), "radiotherapy", region="L3", vertebral=True, planned=True),
            C.Event(date(2026, 5, 1), "pathological_fracture", region="right femur",
                    vertebral=False),
        ],
        status_override=C.StatusOverride("confirmed", date(2026, 3, 9), by="Dr Li",
                                         reason="MDT"),
        therapy_lines=[
            C.TherapyLine(1, ["gefitinib"], date(2020, 5, 1), stop=date(2021, 5, 10),
                          stop_reason="progression", best_response="PR", note="T790M"),
            C.TherapyLine(2, ["furmonertinib", "savolitinib"], date(2025, 6, 1)),
        ],
        pdl1=[C.Pdl1(date(2025, 7, 20), tps=1.0, cps=2.0, assay="22C3")],
        smoking=[C.Smoking(date(2025, 7, 1), "former", pack_years=30.0)],
        disease_course=[C.CourseEntry(date(2020, 4, 20), "diagnosis", stage="IVB"),
                        C.CourseEntry(date(2025, 5, 15), "recurrence")],
    )


LAB_PROVENANCE = ("loinc", "flag", "ref_text", "source")


def without_lab_provenance(doc: dict) -> dict:
    """A case-file JSON object without the labs' provenance keys (the registry adds them on
    export: its stored or derived LOINC code, flag, range text and source)."""
    out = dict(doc)
    if "labs" in out:
        out["labs"] = [{k: v for k, v in lab.items() if k not in LAB_PROVENANCE}
                       for lab in out["labs"]]
    return out
