"""The demo generator: deterministic, valid case files, and the promised clinical variety.

Variety is counted from the generated records themselves (never from the generator's own
path labels), so a generator that stopped producing, say, rebounds would fail here.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.domain.casefile import case_to_json, parse_case
from app.domain.units import to_canonical
from app.services.demo.generator import DemoPatient, generate_cases
from app.services.demo.mdt import generate_mdt_meetings, next_thursday

REF = date(2026, 11, 21)
N = 200


@pytest.fixture(scope="module")
def patients() -> list[DemoPatient]:
    return list(generate_cases(N, 1, REF))


def _dump(ps: list[DemoPatient]) -> str:
    return json.dumps([[case_to_json(p.case), p.language, p.phone] for p in ps],
                      ensure_ascii=False, sort_keys=True)


def test_same_seed_same_output_and_different_seed_differs(patients):
    again = list(generate_cases(N, 1, REF))
    assert _dump(again) == _dump(patients)
    other = list(generate_cases(N, 2, REF))
    assert _dump(other) != _dump(patients)
    assert [p.case.patient.name for p in other] != [p.case.patient.name for p in patients]


def test_first_patients_do_not_depend_on_n(patients):
    assert _dump(list(generate_cases(15, 1, REF))) == _dump(patients[:15])


def test_mrns_are_sequential_and_unique(patients):
    assert [p.mrn for p in patients[:3]] == ["BM-000001", "BM-000002", "BM-000003"]
    assert len({p.mrn for p in patients}) == N


def test_every_case_survives_the_case_file_round_trip(patients):
    for p in patients:
        as_json = json.loads(json.dumps(case_to_json(p.case)))
        assert parse_case(as_json) == p.case, p.mrn


def test_dates_follow_the_reference_date(patients):
    later = list(generate_cases(20, 1, REF + timedelta(days=100)))
    for p in patients:
        c = p.case
        given = ([x.date for x in c.labs] + [x.date for x in c.imaging]
                 + [x.date for x in c.bma.administrations if not x.planned]
                 + [x.date for x in c.events if not x.planned] + c.dental.exams)
        assert all(d <= REF for d in given), p.mrn
    assert max(lab.date for p in later for lab in p.case.labs) > REF


def test_names_languages_and_demographics(patients):
    chinese = [p for p in patients if p.case.patient.name and not p.case.patient.name.isascii()]
    assert 0.55 * N <= len(chinese) <= 0.85 * N
    assert sum(p.language == "zh" for p in chinese) > 0.9 * len(chinese)
    western = [p for p in patients if p.case.patient.name and p.case.patient.name.isascii()]
    assert sum(p.language == "en" for p in western) > 0.8 * len(western)
    assert any(len(p.case.patient.name) == 2 for p in chinese)  # one-character given names
    assert any(len(p.case.patient.name) == 3 for p in chinese)
    for p in patients:
        age = (REF - p.case.patient.birth_date).days / 365.25
        assert 39.9 <= age <= 85.1
    assert sum(p.case.patient.sex == "male" for p in patients) > 0.45 * N
    assert sum(p.phone is not None for p in patients) > 0.8 * N


def test_cancer_distributions(patients):
    cancers = [p.case.cancer for p in patients]
    adeno = [c for c in cancers if c.histology == "adenocarcinoma"]
    assert 0.4 * N <= len(adeno) <= 0.7 * N
    assert sum(any(d.startswith("EGFR") for d in c.drivers or []) for c in adeno) >= 20
    assert any(any(d.startswith("ALK") for d in c.drivers or []) for c in cancers)
    stage4 = sum((c.stage or "").startswith("IV") for c in cancers)
    assert stage4 > 0.6 * N


def _canon(lab) -> float:
    return to_canonical(lab.analyte, lab.value, lab.unit)


def _features(p: DemoPatient) -> set[str]:
    """Clinical features read directly from the case records."""
    c, out = p.case, set()
    mods = {(i.modality, i.result, bool(i.bone_destruction)) for i in c.imaging}
    if not c.imaging and not c.biopsies:
        out.add("no_imaging")
    if any(m == "bone_scan" and r == "positive" for m, r, _ in mods) and not any(
            m in ("mri", "ct", "pet_ct") for m, _, _ in mods):
        out.add("scan_awaiting_confirmation")
    for modality in ("mri", "ct", "pet_ct"):
        if (modality, "positive", True) in mods:
            out.add(f"confirmed_{modality}")
    if ("mri", "negative", False) in mods:
        out.add("negative_mri")
    if any(b.result == "positive" for b in c.biopsies):
        out.add("biopsy")
    given = [a for a in c.bma.administrations if not a.planned]
    den = [a for a in given if a.drug == "denosumab"]
    za = [a for a in given if a.drug == "zoledronic_acid"]
    if den and all(a.dose_mg == 120 for a in den):
        out.add("denosumab_120")
    if {a.dose_mg for a in za} & {3.5, 3.3, 3.0}:
        out.add("za_adjusted")
    if any(a.dose_mg == 4.0 for a in za):
        out.add("za_4mg")
    if any(a.planned and a.date > REF for a in c.bma.administrations):
        out.add("planned_dose")
    stops = {s.drug: s for s in c.bma.stops}
    if "denosumab" in stops:
        out.add("den_stop_recorded")
        if stops["denosumab"].reason:
            out.add(f"stop_reason:{stops['denosumab'].reason}")
    if den and "denosumab" not in stops and (REF - den[-1].date).days > 84 and not any(
            a.planned and a.drug == "denosumab" for a in c.bma.administrations):
        out.add("den_unrecorded_stop")
    if den and 45 <= (REF - den[-1].date).days <= 84 and "denosumab" not in stops:
        out.add("den_overdue")
    if den and za and za[0].date > den[-1].date:
        out.add("switch_den_to_za")
        assert (za[0].date - den[-1].date).days >= 28
    if den and za and den[0].date > za[-1].date:
        out.add("switch_za_to_den")
        assert (den[0].date - za[-1].date).days >= 28
    ctx = [(lab.date, _canon(lab)) for lab in c.labs if lab.analyte == "CTX"]
    if den:
        first, last = den[0].date, den[-1].date
        base = [v for d, v in ctx if d <= first]
        on = [v for d, v in ctx if 20 <= (d - first).days <= 100 and d <= last + timedelta(28)]
        if base and on:
            out.add("ctx_fall_measured")
            if min(on) <= 0.4 * base[-1]:
                out.add("ctx_fell_60pct")
        after = [v for d, v in ctx if 90 <= (d - last).days <= 300]
        if "denosumab" in stops and base and after and max(after) > base[-1]:
            out.add("ctx_rebound_above_baseline")
    units = {lab.unit for lab in c.labs if lab.analyte == "CTX"}
    out.update(f"ctx_unit:{u}" for u in units)
    analytes = {lab.analyte for lab in c.labs}
    out.update(f"lab:{a}" for a in analytes & {"CA", "ALB", "CREA", "ALP", "CTX"})
    alb = {lab.date: _canon(lab) for lab in c.labs if lab.analyte == "ALB"}
    for lab in c.labs:
        if lab.analyte == "CA" and (REF - lab.date).days <= 30 and lab.date in alb:
            if _canon(lab) + 0.02 * (40 - alb[lab.date]) < 2.1:
                out.add("hypocalcaemia")
    crea = [lab for lab in c.labs if lab.analyte == "CREA"]
    pt = c.patient
    if crea and pt.weight_kg and pt.sex in ("male", "female"):
        lab = crea[-1]
        age = (lab.date - pt.birth_date).days // 365
        crcl = (140 - age) * pt.weight_kg / (72 * _canon(lab) / 88.4)
        crcl *= 0.85 if pt.sex == "female" else 1
        if crcl < 30:
            out.add("crcl_below_30")
        elif crcl < 60:
            out.add("crcl_30_60")
    if c.dental.exams:
        out.add("dental_exam")
    if any(x.planned and x.kind == "extraction" for x in c.dental.procedures) and den:
        out.add("extraction_planned_on_denosumab")
    for e in c.events:
        if e.kind in ("pathological_fracture", "fracture"):
            out.add("vertebral_fracture" if e.vertebral else "long_bone_fracture")
        out.add(f"event:{e.kind}")
    for les in c.lesions:
        if les.bone == "vertebra" and les.level and les.pain and les.collapse:
            out.add("spinal_lesion_sins_inputs")
        if les.escc:
            out.add("escc")
        if les.limb and les.size and les.pain:
            out.add("long_bone_mirels_inputs")
    return out


# feature -> minimum number of patients (of 200) that must show it
EXPECTED = {
    "no_imaging": 10, "scan_awaiting_confirmation": 5, "confirmed_mri": 20, "confirmed_ct": 10,
    "confirmed_pet_ct": 10, "negative_mri": 5, "biopsy": 2, "denosumab_120": 40,
    "za_adjusted": 5, "za_4mg": 10, "planned_dose": 40, "den_stop_recorded": 10,
    "stop_reason:dental extraction": 1, "den_unrecorded_stop": 2, "den_overdue": 2,
    "switch_den_to_za": 2, "switch_za_to_den": 2, "ctx_rebound_above_baseline": 3,
    "ctx_unit:pg/mL": 20, "ctx_unit:ng/mL": 20, "lab:CA": 150, "lab:ALB": 150,
    "lab:CREA": 150, "lab:ALP": 150, "hypocalcaemia": 2, "crcl_below_30": 2,
    "crcl_30_60": 10, "dental_exam": 50, "extraction_planned_on_denosumab": 2,
    "vertebral_fracture": 3, "long_bone_fracture": 2, "event:spinal_cord_compression": 1,
    "event:radiotherapy": 20, "spinal_lesion_sins_inputs": 50, "escc": 50,
    "long_bone_mirels_inputs": 10,
}


def test_the_promised_variety_is_present(patients):
    counts: dict[str, int] = {}
    for p in patients:
        for f in _features(p):
            counts[f] = counts.get(f, 0) + 1
    short = {f: (counts.get(f, 0), need) for f, need in EXPECTED.items()
             if counts.get(f, 0) < need}
    assert not short, short


def test_ctx_kinetics_are_plausible(patients):
    feats = [_features(p) for p in patients]
    measured = sum("ctx_fall_measured" in f for f in feats)
    fell = sum("ctx_fell_60pct" in f for f in feats)
    assert measured >= 10
    assert fell >= 0.8 * measured  # denosumab suppresses CTX 70–90% within 1–3 months


def test_alp_is_raised_at_diagnosis_in_most_confirmed_patients(patients):
    raised = total = 0
    for p in patients:
        destroyed = [i.date for i in p.case.imaging if i.bone_destruction]
        alp = [lab for lab in p.case.labs if lab.analyte == "ALP"]
        if destroyed and alp:
            total += 1
            raised += _canon(alp[0]) > 125
    assert total >= 50 and raised > 0.6 * total


def test_mdt_meetings(patients):
    meetings = generate_mdt_meetings(patients, 1, REF)
    upcoming = next_thursday(REF)
    assert [m.meeting_date for m in meetings] == [upcoming - timedelta(14), upcoming]
    assert upcoming.weekday() == 3 and 0 < (upcoming - REF).days <= 7
    assert next_thursday(date(2026, 11, 19)) == date(2026, 11, 26)  # a Thursday → next week
    past, nxt = meetings
    assert 6 <= len(past.cases) <= 8 and 6 <= len(nxt.cases) <= 10
    assert all(c.decision for c in past.cases) and not any(c.decision for c in nxt.cases)
    mrns = {p.mrn for p in patients}
    names = {p.case.patient.name for p in patients}
    questions = [c.question for m in meetings for c in m.cases]
    assert all(c.mrn in mrns for m in meetings for c in m.cases)
    assert any(q.isascii() for q in questions) and any(not q.isascii() for q in questions)
    assert not any(name in q for q in questions for name in names)
    assert generate_mdt_meetings(patients, 1, REF) == meetings


# Situations the demo plants for the rule engine to catch (rule IDs of the rule book).
PLANTED_RULES = (
    "BMA-START", "BMA-CONCURRENT", "BMA-ZA-OVERDOSE", "BMA-ZA-CONTRAINDICATED",
    "BMA-HYPOCALCAEMIA", "BMA-DEN-OVERDUE", "BMA-DEN-INTERVAL", "BMA-ZA-INTERVAL",
    "DEN-STOP-WINDOW", "DEN-REBOUND-CTX", "DENT-INVASIVE", "WU-SCAN-CONFIRM",
    "WU-SCAN-DISCORDANT", "WU-MSCC", "WU-ALP-RISE", "WU-CTX-RISE", "WU-PAIN-FIXED",
    "LOC-SINS-UNSTABLE", "LOC-ESCC-HIGH", "LOC-MIRELS-FIX",
)


def test_the_rule_engine_finds_the_planted_situations(patients):
    from app.domain.assess import assess

    fired: set[str] = set()
    statuses: set[str] = set()
    for p in patients:
        a = assess(p.case, REF)
        statuses.add(a.status.bone_metastasis)
        fired.update(f.rule for f in a.findings)
    assert statuses == {"confirmed", "suspected", "not_found", "unknown"}
    assert not set(PLANTED_RULES) - fired, sorted(set(PLANTED_RULES) - fired)
