"""Independent review of rule book §10 (case-file validation, unit acceptance, output, CLI
exit codes,
`bonemet rules` = exactly the book's rule IDs) against the text.

Written from the book's sentences (quoted in each docstring), not from the engine: hand-made
bonemet-case/1 documents go through ``parse_case`` and ``assess`` (and the CLI's ``main``) and
the §10 output is checked — each rule firing, both sides of every threshold / day boundary,
and silent cases. Readings where the book leaves a choice are in docs/clinical-readings.md.
"""

from __future__ import annotations

import json
import re

import pytest

from app.cli import main
from app.domain.casefile import CaseFileError, parse_case
from app.domain.params import params_from_mapping

from .review_helpers import (
    ago,
    case_obj,
    found,
    lab,
    missing_names,
    run,
)

# Every rule of rules/2 (§3–§7), hard-coded from the book: ID → (severity, evidence labels
# strongest first). BMA-HYPO/HYPERCALCAEMIA, BMA-ZA-INTERVAL, WU-SCAN-DISCORDANT and
# BMA-BP-RENAL have a graded severity whose text starts with the word given here.
BOOK_RULES = {
    "WU-HIGH-RISK": ("info", ("GL", "SEED")),
    "WU-ALP-RISE": ("warning", ("SEED",)),
    "WU-CTX-RISE": ("warning", ("SEED",)),
    "WU-PAIN-FIXED": ("warning", ("SEED",)),
    "WU-PAIN-MIGRATORY": ("info", ("SEED",)),
    "WU-SCAN-CONFIRM": ("warning", ("SEED",)),
    "WU-SCAN-DISCORDANT": ("info", ("SEED", "DESIGN")),
    "WU-MRI-BLASTIC": ("info", ("SEED",)),
    "WU-BIOPSY-INCONCLUSIVE": ("info", ("SEED",)),
    "WU-BIOPSY-SOLITARY": ("info", ("GL",)),
    "WU-MSCC": ("critical", ("GL",)),
    "BMA-START": ("warning", ("GL", "TRIAL", "SEED")),
    "BMA-NO-INDICATION": ("warning", ("GL", "SEED", "DESIGN")),
    "BMA-CONCURRENT": ("critical", ("LABEL", "SEED")),
    "BMA-ZA-DOSE": ("info", ("LABEL",)),
    "BMA-ZA-OVERDOSE": ("critical", ("LABEL",)),
    "BMA-ZA-CONTRAINDICATED": ("critical", ("LABEL", "SEED")),
    "BMA-ZA-CREAT-MISSING": ("warning", ("LABEL",)),
    "BMA-ZA-CREAT-RISE": ("critical", ("LABEL",)),
    "BMA-BP-RENAL": ("critical", ("LABEL", "DESIGN")),
    "BMA-BP-CREAT-MISSING": ("warning", ("LABEL", "DESIGN")),
    "BMA-BP-CREAT-RISE": ("critical", ("LABEL", "GL", "DESIGN")),
    "BMA-DEN-CKD": ("warning", ("LABEL",)),
    "BMA-HYPOCALCAEMIA": ("critical", ("LABEL",)),
    "BMA-HYPERCALCAEMIA": ("critical", ("GL",)),
    "BMA-CA-MISSING": ("warning", ("LABEL",)),
    "BMA-SUPPLEMENTS": ("warning", ("LABEL", "SEED")),
    "BMA-DENTAL-CLEARANCE": ("warning", ("LABEL", "GL", "SEED")),
    "BMA-DENTAL-REVIEW": ("info", ("GL",)),
    "BMA-DEN-INTERVAL": ("warning", ("LABEL", "SEED")),
    "BMA-ZA-INTERVAL": ("info", ("TRIAL", "SEED")),
    "BMA-DEN-OVERDUE": ("warning", ("LABEL", "SEED")),
    "BMA-NON-ONCOLOGY-DOSE": ("warning", ("LABEL",)),
    "DEN-STOP-WINDOW": ("warning", ("LABEL", "TRIAL", "SEED")),
    "DEN-MONITOR-DUE": ("warning", ("SEED", "DESIGN")),
    "DEN-REBOUND-CTX": ("critical", ("GL", "SEED", "DESIGN")),
    "DEN-REBOUND-CALCIUM": ("critical", ("LABEL", "TRIAL")),
    "DEN-REBOUND-FRACTURE": ("critical", ("LABEL", "TRIAL")),
    "DENT-MINOR": ("info", ("GL", "SEED")),
    "DENT-INVASIVE": ("warning", ("GL", "SEED")),
    "DENT-ONJ": ("critical", ("GL", "SEED")),
    "LOC-SINS-UNSTABLE": ("critical", ("GL",)),
    "LOC-SINS-INDETERMINATE": ("warning", ("GL",)),
    "LOC-ESCC-HIGH": ("critical", ("GL",)),
    "LOC-MIRELS-FIX": ("warning", ("GL",)),
    "LOC-MIRELS-BORDERLINE": ("info", ("GL",)),
    "LOC-RT": ("info", ("GL", "SEED")),
    "LOC-POST-FIX-RT": ("info", ("GL", "SEED")),
    "LOC-VERTEBROPLASTY": ("info", ("SEED",)),
    "LOC-OLIGO": ("info", ("GL", "SEED")),
    "LOC-BMA-WITH-RT": ("info", ("SEED",)),
    "IO-DENOSUMAB": ("info", ("TRIAL", "SEED")),
}  # fmt: skip


BOOK_RULE_IDS = set(BOOK_RULES)
# MERGE NOTE (lead): the §4 rules of rules/2 come from branch rules-bma. Until it is merged
# this branch's catalogue lacks them and the exact-ID-list test below is an expected failure;
# once they are registered the condition is false and the test runs (and must pass) as is.


@pytest.mark.parametrize("analyte,unit", [
    ("BALP", "µg/L"), ("BALP", "μg/L"), ("BALP", "UG/L"), ("BALP", "ng/ml"), ("CTX", "pg/mL"),
    ("CTX", "ng/L"), ("CTX", "µg/l"), ("PINP", "ug/L"), ("ICA", "meq/l"), ("VITD", "nmol/L"),
    ("GGT", "IU/L"), ("CRP", "mg/dL"), ("LDH", "iu/l"), ("PLT", "10^9/L"), ("PLT", "10*9/L"),
    ("PLT", "/nL"), ("PLT", "10^3/µL"), ("TBIL", "µmol/L"), ("TBIL", "mg/dL"), ("CREA", "UMOL/L"),
])  # fmt: skip
def test_units_accepted(analyte, unit):
    """§1: Units match after mapping µ (U+00B5) and μ (U+03BC) to `u` and ignoring case."""
    parse_case(case_obj(labs=[lab(1, analyte, 1.0, unit)]))


@pytest.mark.parametrize("analyte,unit", [
    ("CTX", "mmol/L"), ("CA", "mEq/L"), ("ALB", "mg/dL"), ("CREA", "mmol/L"), ("PLT", "/uL"),
    ("ALP", "ukat/L"),
])  # fmt: skip
def test_unknown_unit_is_input_error(analyte, unit):
    """§1: An unknown unit for a known analyte is an input error (clear message); §10 e.g.
    `labs[0].unit: 'mmol/L' is not a unit of CTX`."""
    with pytest.raises(CaseFileError) as exc:
        parse_case(case_obj(labs=[lab(1, "ALP", 100, "U/L"), lab(1, analyte, 1.0, unit)]))
    msg = str(exc.value)
    assert msg.startswith("labs[1].unit") and analyte in msg and "\n" not in msg


@pytest.mark.parametrize("mutate,field", [
    (lambda o: o.update(foo=1), "foo"),
    (lambda o: o.update(schema="bonemet-case/2"), "schema"),
    (lambda o: o["patient"].pop("mrn"), "patient.mrn"),
    (lambda o: o["patient"].update(sex="f"), "patient.sex"),
    (lambda o: o["patient"].update(weight_kg=0), "patient.weight_kg"),
    (lambda o: o["patient"].update(nickname="x"), "patient.nickname"),
    (lambda o: o.update(cancer={"kps": 85}), "cancer.kps"),
    (lambda o: o.update(cancer={"kps": 110}), "cancer.kps"),
    (lambda o: o.update(cancer={"ecog": 6}), "cancer.ecog"),
    (lambda o: o.update(cancer={"frankel": "F"}), "cancer.frankel"),
    (lambda o: o.update(cancer={"stage": "V"}), "cancer.stage"),
    (lambda o: o.update(cancer={"stage": "IIID"}), "cancer.stage"),
    (lambda o: o.update(cancer={"histology": "mesothelioma"}), "cancer.histology"),
    (lambda o: o.update(cancer={"visceral_lesion_count": -1}), "cancer.visceral_lesion_count"),
    (lambda o: o.update(symptoms=[{"date": "2026-01-01", "kind": "headache"}]), "symptoms[0].kind"),
    (lambda o: o.update(symptoms=[{"kind": "bone_pain"}]), "symptoms[0].date"),
    (lambda o: o.update(labs=[{"date": "2026-01-01", "analyte": "XYZ", "value": 1, "unit": "U/L"}]),
     "labs[0].analyte"),
    (lambda o: o.update(labs=[{"date": "2026-01-01", "analyte": "ALP", "value": 1}]),
     "labs[0].unit"),
    (lambda o: o.update(labs=[{"date": "2026-01-01", "analyte": "ALP", "value": "high",
                               "unit": "U/L"}]), "labs[0].value"),
    (lambda o: o.update(labs=[{"date": "2026-13-01", "analyte": "ALP", "value": 1,
                               "unit": "U/L"}]), "labs[0].date"),
    (lambda o: o.update(labs=[{"date": "2026-01-01", "analyte": "ALP", "value": 1, "unit": "U/L",
                               "colour": "red"}]), "labs[0].colour"),  # (flag is a kept key)
    (lambda o: o.update(imaging=[{"date": "2026-01-01", "modality": "pet", "region": "L3",
                                  "result": "positive"}]), "imaging[0].modality"),
    (lambda o: o.update(imaging=[{"date": "2026-01-01", "modality": "ct", "result": "positive"}]),
     "imaging[0].region"),
    (lambda o: o.update(biopsies=[{"date": "2026-01-01", "region": "L3",
                                   "result": "inconclusive"}]), "biopsies[0].result"),
    (lambda o: o.update(lesions=[{"region": "x", "bone": "vertebra", "level": "L6"}]),
     "lesions[0].level"),
    (lambda o: o.update(lesions=[{"region": "x", "bone": "humerus", "peritrochanteric": True}]),
     "lesions[0].peritrochanteric"),
    (lambda o: o.update(lesions=[{"region": "x", "bone": "femur", "limb": "upper"}]),
     "lesions[0].limb"),
    (lambda o: o.update(lesions=[{"region": "x", "bone": "rib", "limb": "upper"}]),
     "lesions[0].limb"),
    (lambda o: o.update(lesions=[{"region": "x", "bone": "vertebra", "level": "L3",
                                  "pain": "mild"}]), "lesions[0].pain"),
    (lambda o: o.update(lesions=[{"region": "x", "bone": "femur", "pain": "mechanical"}]),
     "lesions[0].pain"),
    (lambda o: o.update(lesions=[{"region": "x", "bone": "vertebra", "level": "L3",
                                  "escc": "1d"}]), "lesions[0].escc"),
    (lambda o: o.update(lesions=[{"bone": "rib"}]), "lesions[0].region"),
    (lambda o: o.update(bma={"administrations": [{"date": "2026-01-01", "drug": "xgeva",
                                                  "dose_mg": 120}]}),
     "bma.administrations[0].drug"),
    (lambda o: o.update(bma={"administrations": [{"date": "2026-01-01", "drug": "denosumab",
                                                  "dose_mg": 0}]}),
     "bma.administrations[0].dose_mg"),
    (lambda o: o.update(bma={"interval_days": {"denosumab": 0}}), "bma.interval_days"),
    (lambda o: o.update(bma={"stops": [{"drug": "denosumab"}]}), "bma.stops[0].date"),
    (lambda o: o.update(dental={"procedures": [{"date": "2026-01-01", "kind": "pulling"}]}),
     "dental.procedures[0].kind"),
    (lambda o: o.update(events=[{"date": "2026-01-01", "kind": "fracture", "planned": True}]),
     "events[0].planned"),
    (lambda o: o.update(events=[{"date": "2026-01-01", "kind": "stroke"}]), "events[0].kind"),
    (lambda o: o.update(status_override={"status": "confirmed"}), "status_override.date"),
    (lambda o: o.update(status_override={"status": "maybe", "date": "2026-01-01"}),
     "status_override.status"),
    (lambda o: o.update(supplements={"calcium": "yes"}), "supplements.calcium"),
])  # fmt: skip
def test_case_file_errors_name_the_field(mutate, field):
    """§10: Unknown keys and values outside the lists below are input errors: ... a one-line
    message naming the field and the problem."""
    obj = case_obj()
    mutate(obj)
    with pytest.raises(CaseFileError) as exc:
        parse_case(obj)
    msg = str(exc.value)
    assert field in msg and "\n" not in msg


def test_case_file_accepts_optional_forms():
    """§10: Dates are `YYYY-MM-DD` or ISO date-times; an absent or `null` value means unknown;
    `status_override` may be `null`; stage `I`–`IV` unsubdivided."""
    doc = run(patient={"mrn": "R", "sex": None, "weight_kg": None},
              cancer={"stage": "III", "kps": None},
              symptoms=[{"date": "2026-11-20T23:59:00", "kind": "bone_pain", "pattern": "fixed"}],
              status_override=None)  # fmt: skip
    assert any(f["rule"] == "WU-PAIN-FIXED" for f in doc["findings"])
    assert any(f["rule"] == "WU-HIGH-RISK" for f in doc["findings"])


def test_future_unplanned_radiotherapy_ignored_planned_counts():
    """§0: records dated after it are ignored, except records marked `planned: true`."""
    les = [{"region": "left femur", "bone": "femur", "pain": "moderate"}]
    future = {"date": ago(-10), "kind": "radiotherapy", "region": "left femur"}
    assert found(run(lesions=les, events=[future]), "LOC-RT")
    assert not found(run(lesions=les, events=[dict(future, planned=True)]), "LOC-RT")
    overdue = dict(future, date=ago(30), planned=True)
    assert not found(run(lesions=les, events=[overdue]), "LOC-RT")


def test_output_rounds_ctx_to_0001_and_other_labs_to_3_sf():
    """§0: Output rounds ... CTX to 0.001 ng/mL, other labs to 3 significant digits."""
    doc = run(labs=[lab(10, "CTX", 912.345, "pg/mL"), lab(10, "ALP", 401.234, "U/L")])
    ctx_data = json.dumps(found(doc, "WU-CTX-RISE")[0]["data"])
    alp_data = json.dumps(found(doc, "WU-ALP-RISE")[0]["data"])
    assert "0.912" in ctx_data and "0.91234" not in ctx_data and "912.345" not in ctx_data
    assert "401" in alp_data and "401.234" not in alp_data and "401.2" not in alp_data


def test_parameters_lists_non_defaults():
    """§9: The output lists every value that differs from this table under `parameters`."""
    doc = run(params={"lsc_ctx": 0.4, "symptom_days": 90})
    assert doc["parameters"] == {"lsc_ctx": 0.4}


def cli(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse or explicit exit
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_bad_unit_exit_2_one_line(tmp_path, capsys):
    """§10: exit code 2 and a one-line message naming the field and the problem (e.g.
    `labs[0].unit: 'mmol/L' is not a unit of CTX`)."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_obj(labs=[lab(1, "CTX", 0.5, "mmol/L")])), encoding="utf-8")
    code, out, err = cli(["assess", str(path), "--as-of", "2026-11-21", "--format", "json"], capsys)
    assert code == 2
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "labs[0].unit" in lines[0] and "Traceback" not in err


@pytest.mark.parametrize("params", [{"lsc_kappa": 0.3}, {"lookback_days": "365"}])
def test_cli_bad_params_exit_2(tmp_path, capsys, params):
    """§10: The `--params` file ...; an unknown name or a wrong type is an input error (exit 2)."""
    case = tmp_path / "case.json"
    case.write_text(json.dumps(case_obj()), encoding="utf-8")
    pfile = tmp_path / "p.json"
    pfile.write_text(json.dumps(params), encoding="utf-8")
    code, _out, err = cli(["assess", str(case), "--params", str(pfile)], capsys)
    assert code == 2 and "Traceback" not in err


def test_cli_assess_json_shape(tmp_path, capsys):
    """§10: `bonemet assess CASE.json --as-of --format json`; `derived` keys are always present,
    `null` when not computable."""
    case = tmp_path / "case.json"
    case.write_text(json.dumps(case_obj()), encoding="utf-8")
    code, out, _err = cli(["assess", str(case), "--as-of", "2026-11-21", "--format", "json"],
                          capsys)  # fmt: skip
    assert code == 0
    doc = json.loads(out)
    for key in ("crcl_ml_min", "crcl_date", "corrected_calcium_mmol_l", "calcium_date",
                "calcium_albumin_corrected", "ionised_calcium_mmol_l", "za_dose_mg",
                "missing_inputs", "denosumab"):  # fmt: skip
        assert key in doc["derived"]
    assert doc["derived"]["crcl_ml_min"] is None and doc["derived"]["denosumab"] is None
    assert doc["status"] == {"bone_metastasis": "unknown", "basis": "no diagnostic imaging"}


def test_rules_lists_exactly_the_book_ids(capsys):
    """§0: Rule IDs are stable ...; `bonemet rules` lists every rule ID of the book and no
    others."""
    code, out, _err = cli(["rules", "--format", "json"], capsys)
    assert code in (0, None)
    ids = [r["id"] for r in json.loads(out)["rules"]]
    assert len(ids) == len(set(ids))
    assert set(ids) == BOOK_RULE_IDS
    assert ids == list(BOOK_RULES)  # in rule-book order (the findings' secondary order)
    code, text, _err = cli(["rules"], capsys)
    for rid in BOOK_RULE_IDS:
        assert rid in text


def test_output_three_significant_digits_and_calcium_rounding():
    """§0: Output rounds calcium to 0.01 mmol/L, other labs to 3 significant digits."""
    doc = run(labs=[lab(10, "ALP", 1234.5, "U/L"), lab(3, "ICA", 1.23456, "mmol/L")])
    assert "1230" in json.dumps(found(doc, "WU-ALP-RISE")[0]["data"])
    assert "1234" not in json.dumps(found(doc, "WU-ALP-RISE")[0]["data"])
    assert doc["derived"]["ionised_calcium_mmol_l"] == 1.23


@pytest.mark.parametrize("stage,ok", [
    ("0", True), ("IA1", True), ("IA3", True), ("IB", True), ("IIA", True), ("IIB", True),
    ("IIIA", True), ("IIIC", True), ("IVA", True), ("IVB", True), ("I", True), ("II", True),
    ("III", True), ("IV", True), ("IA4", False), ("IC", False), ("IIC", False), ("IVC", False),
    ("iva", False), ("4", False),
])  # fmt: skip
def test_stage_values(stage, ok):
    """§10: `stage` (AJCC 8th overall: `0`, `IA1`–`IA3`, `IB`, `IIA`, `IIB`, `IIIA`–`IIIC`,
    `IVA`, `IVB`, or `I`–`IV` unsubdivided)."""
    obj = case_obj(cancer={"stage": stage})
    if ok:
        parse_case(obj)
    else:
        with pytest.raises(CaseFileError, match="cancer.stage"):
            parse_case(obj)


@pytest.mark.parametrize("section,value,field", [
    ("cancer", {"grade": 2}, "cancer.grade"),
    ("bma", {"doses": []}, "bma.doses"),
    ("dental", {"exams": [], "cleanings": []}, "dental.cleanings"),
    ("supplements", {"iron": True}, "supplements.iron"),
    ("status_override", {"status": "confirmed", "date": "2026-01-01", "note": "x"},
     "status_override.note"),
    ("events", [{"date": "2026-01-01", "kind": "onj", "site": "jaw"}], "events[0].site"),
])  # fmt: skip
def test_unknown_nested_keys(section, value, field):
    """§10: Unknown keys ... are input errors: ... naming the field."""
    with pytest.raises(CaseFileError, match=field.replace("[", r"\[").replace("]", r"\]")):
        parse_case(case_obj(**{section: value}))


def test_lesion_forms_accepted():
    """§10: `peritrochanteric` (bool, default false; `true` only on a femur); `limb` optional,
    must agree with `bone`."""
    parse_case(case_obj(lesions=[
        {"region": "a", "bone": "humerus", "peritrochanteric": False, "limb": "upper"},
        {"region": "b", "bone": "femur", "peritrochanteric": True, "limb": "lower"},
        {"region": "c", "bone": "vertebra", "level": "S5", "pain": "occasional"},
    ]))  # fmt: skip


def test_vertebra_requires_level_reading():
    """§10 reading (docs/clinical-readings.md): "`vertebra` with `level` C1–…" — a vertebral
    lesion without its level is refused (SINS location and the region rule need it)."""
    with pytest.raises(CaseFileError, match=r"lesions\[0\]\.level"):
        parse_case(case_obj(lesions=[{"region": "L3", "bone": "vertebra"}]))


@pytest.mark.parametrize("params", [
    {"enable_biomarker_workup": 1}, {"lookback_days": 365.5}, {"lsc_ctx": True},
    {"rebound_checks_days": [90, "x"]}, {"no_such": 1},
])  # fmt: skip
def test_params_wrong_type_or_name(params):
    """§10: an unknown name or a wrong type is an input error."""
    from app.domain.params import ParamsError

    with pytest.raises(ParamsError):
        params_from_mapping(params)


ALLOWED = [
    ("patient", {"mrn": "X", "sex": "unknown", "birth_date": "1950-01-01", "weight_kg": 50.5,
                 "osteoporosis": True, "name": "n"}),
    ("cancer", {"histology": "large_cell", "drivers": ["EGFR"], "targeted_therapy": True,
                "immunotherapy": False, "prior_chemotherapy": True, "visceral_treatable": False,
                "disseminated": False, "visceral_metastases": [], "visceral_lesion_count": 0,
                "ecog": 5, "kps": 0, "frankel": "A", "stage": "0"}),
    ("events", [{"date": "2026-01-01", "kind": k} for k in (
        "pathological_fracture", "fracture", "spinal_cord_compression", "radiotherapy",
        "surgery_to_bone", "vertebroplasty", "hypercalcaemia", "onj")]
     + [{"date": "2026-01-01", "kind": k, "planned": True}
        for k in ("radiotherapy", "surgery_to_bone", "vertebroplasty")]),
    ("dental", {"exams": ["2026-01-01"], "procedures": [
        {"date": "2026-01-01", "kind": k, "planned": True} for k in (
            "root_canal", "scaling", "filling", "crown", "extraction", "implant",
            "periodontal_surgery", "oral_surgery")]}),
    ("bma", {"administrations": [{"date": "2026-01-01", "drug": d, "dose_mg": 1} for d in (
        "denosumab", "zoledronic_acid", "pamidronate", "ibandronate", "incadronate",
        "clodronate")], "interval_days": {"pamidronate": 21},
        "stops": [{"drug": "clodronate", "date": "2026-02-01", "reason": "x"}]}),
    ("lesions", [{"region": "r", "bone": b} for b in (
        "femur", "tibia", "fibula", "humerus", "radius", "ulna", "pelvis", "rib", "sternum",
        "skull", "scapula", "clavicle", "other")]
     + [{"region": "v", "bone": "vertebra", "level": lv} for lv in ("C1", "T12", "L5", "S5")]),
    ("status_override", {"status": "not_found", "date": "2026-01-01", "by": "b", "reason": "r"}),
    ("biopsies", [{"date": "2026-01-01", "region": "r", "result": "nondiagnostic"}]),
    ("labs", [{"date": "2026-01-01", "analyte": "CTX", "value": 0.1, "unit": "ng/mL",
               "ref_low": 0.1, "ref_high": 0.7, "fasting": False, "method": "Elecsys"}]),
    ("symptoms", [{"date": "2026-01-01", "kind": "bone_pain", "pattern": "fixed", "site": "x",
                   "mechanical": True}]),
    ("supplements", {"calcium": False, "vitamin_d": True}),
]  # fmt: skip


@pytest.mark.parametrize("section,value", ALLOWED, ids=[s for s, _ in ALLOWED])
def test_case_file_every_listed_value_accepted(section, value):
    """§10: the table of keys and allowed values (every listed value is accepted)."""
    obj = case_obj()
    obj[section] = value
    parse_case(obj)


def test_missing_inputs_name_the_rules():
    """§0: the assessment lists the missing input under `derived.missing_inputs` with the rule
    IDs that needed it (here `labs.ALP` for WU-ALP-RISE); a switched-off rule needs nothing."""
    doc = run(cancer={"stage": "IIA", "histology": "squamous", "drivers": [],
                      "visceral_metastases": []})  # fmt: skip
    entry = [m for m in doc["derived"]["missing_inputs"] if m["input"] == "labs.ALP"]
    assert entry and "WU-ALP-RISE" in entry[0]["rules"]
    off = run(params={"enable_biomarker_workup": False})
    assert "labs.ALP" not in missing_names(off) and "labs.CTX" not in missing_names(off)


@pytest.mark.parametrize("when,fire", [
    ("2026-11-22T01:00:00+08:00", False),  # as written: tomorrow (UTC would say today)
    ("2026-10-21T23:00:00-05:00", False),  # as written: day 31 (UTC would say day 30)
    ("2026-10-22T23:00:00-05:00", True),   # as written: day 30
])  # fmt: skip
def test_date_times_reduced_to_calendar_date_as_written(when, fire):
    """§0: date-times are reduced to their calendar date as written."""
    doc = run(symptoms=[{"date": when, "kind": "neuro_deficit"}])
    assert bool(found(doc, "WU-MSCC")) is fire


def test_rules_catalogue_severity_and_evidence_match_the_book(capsys):
    """§0/§10: Severity per rule (Sev column); `evidence` lists the labels of the rule's
    Evidence column, strongest first (LABEL > GL > TRIAL > SEED > DESIGN)."""
    code, out, _err = cli(["rules", "--format", "json"], capsys)
    for r in json.loads(out)["rules"]:
        severity, evidence = BOOK_RULES[r["id"]]
        assert re.match(r"[a-z]+", r["severity"]).group() == severity, r["id"]
        assert tuple(r["evidence"]) == evidence, r["id"]
