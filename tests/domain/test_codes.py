"""The standard code tables (app.domain.codes) against their published values.

Each expected value below is copied from the source the table cites (rule book §1 and §4, the
WHO ATC index, UCUM, SNOMED CT and ICD-10 publications). Independently of the copies, every
LOINC code must pass the LOINC mod-10 check digit (which catches a mistyped digit), and every
SNOMED CT id must carry the concept partition (``00``).
"""

from __future__ import annotations

import re

import pytest

from app.domain.codes import (
    ICD10_SYSTEM,
    ICD10CM_SYSTEM,
    LOINC_SYSTEM,
    SNOMED_SYSTEM,
    atc,
    icd10,
    loinc,
    snomed,
    ucum,
)
from app.domain.codes.routes import route_code, route_key
from app.domain.units import ANALYTES, normalise_unit

# ----------------------------------------------------------------------------- helpers


def loinc_check_digit_ok(code: str) -> bool:
    """LOINC mod 10 (Luhn) check digit."""
    body, check = code.split("-")
    digits = [int(d) for d in body]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return (10 - total % 10) % 10 == int(check)


def test_check_digit_helpers_reject_a_typo():
    assert loinc_check_digit_ok("2160-0") and not loinc_check_digit_ok("2160-1")


# ----------------------------------------------------------------------------- ATC

def test_atc_matches_the_who_index_and_the_rule_book():
    published = {  # WHO ATC/DDD index M05BA / M05BX; rule book §4 ATC column
        "denosumab": "M05BX04", "zoledronic_acid": "M05BA08", "pamidronate": "M05BA03",
        "ibandronate": "M05BA06", "clodronate": "M05BA02",
    }
    for drug, code in published.items():
        entry = atc.atc_code(drug)
        assert entry is not None and entry.code == code
        assert re.fullmatch(r"M05B[AX]\d\d", entry.code)
    assert atc.atc_code("incadronate") is None  # not in the WHO index (rule book: "—")


def test_atc_covers_every_catalogue_drug():
    from app.domain.case import DRUGS

    assert set(atc.ATC) == set(DRUGS)
    with pytest.raises(KeyError):
        atc.atc_code("alendronate")


# ----------------------------------------------------------------------------- UCUM

def test_ucum_codes_of_every_section1_unit():
    published = {  # UCUM case-sensitive codes (FHIR common UCUM units value set)
        "U/L": "U/L", "IU/L": "[IU]/L", "µg/L": "ug/L", "μg/L": "ug/L", "ng/mL": "ng/mL",
        "pg/mL": "pg/mL", "ng/L": "ng/L", "mmol/L": "mmol/L", "mg/dL": "mg/dL",
        "mEq/L": "meq/L", "g/L": "g/L", "g/dL": "g/dL", "µmol/L": "umol/L",
        "umol/L": "umol/L", "nmol/L": "nmol/L", "mg/L": "mg/L", "10^9/L": "10*9/L",
        "10*9/L": "10*9/L", "/nL": "/nL", "10^3/µL": "10*3/uL",
    }
    for unit, code in published.items():
        assert ucum.ucum_code(unit) == code, unit
    for info in ANALYTES.values():
        for unit in info.units_display:
            assert ucum.ucum_code(unit) is not None, unit
    assert ucum.ucum_code("furlongs") is None
    assert ucum.unit_for_ucum("[IU]/L") == "iu/l"


# ----------------------------------------------------------------------------- LOINC

SECTION1_LOINC = {  # rule book §1 LOINC column, with the two corrections (module docstring)
    ("ALP", "U/L"): "6768-6", ("ALP", "IU/L"): "6768-6",
    ("BALP", "µg/L"): "17838-4", ("BALP", "ng/mL"): "17838-4",
    ("CTX", "ng/mL"): "41171-0", ("CTX", "pg/mL"): "41171-0", ("CTX", "ng/L"): "41171-0",
    ("PINP", "ng/mL"): "77370-5",
    ("CA", "mmol/L"): "2000-8", ("CA", "mg/dL"): "17861-6",
    ("ICA", "mmol/L"): "1995-0", ("ICA", "mEq/L"): "1995-0",
    ("ICA", "mg/dL"): "17863-2",  # mass, not 1995-0 (moles)
    ("ALB", "g/L"): "1751-7", ("ALB", "g/dL"): "1751-7",
    ("CREA", "µmol/L"): "14682-9", ("CREA", "mg/dL"): "2160-0",
    ("VITD", "ng/mL"): "62292-8",
    ("GGT", "U/L"): "2324-2", ("CRP", "mg/L"): "1988-5", ("LDH", "U/L"): "2532-0",
    ("PLT", "10^9/L"): "777-3", ("PLT", "10^3/µL"): "777-3",
    ("TBIL", "µmol/L"): "14631-6", ("TBIL", "mg/dL"): "1975-2",
}


@pytest.mark.parametrize(("analyte", "unit"), sorted(SECTION1_LOINC))
def test_loinc_per_analyte_and_unit(analyte, unit):
    code = loinc.loinc_code(analyte, unit)
    assert code is not None and code.code == SECTION1_LOINC[(analyte, unit)]
    assert code.system == LOINC_SYSTEM
    assert loinc.analyte_for_loinc(code.code) == analyte


def test_mass_and_substance_variants_differ():
    for analyte in ("CA", "ICA", "CREA", "TBIL"):
        mass = loinc.loinc_code(analyte, "mg/dL")
        subst = loinc.loinc_code(analyte, "mmol/L" if analyte in ("CA", "ICA") else "umol/L")
        assert mass is not None and subst is not None and mass.code != subst.code
        assert "[Mass/volume]" in mass.display and "[Moles/volume]" in subst.display


def test_vitamin_d_in_nmol_per_litre_is_not_given_the_mass_code():
    assert loinc.loinc_code("VITD", "nmol/L") is None
    assert loinc.loinc_code("VITD", "ng/mL").code == "62292-8"


def test_every_loinc_code_has_a_valid_check_digit():
    for units in loinc.LOINC.values():
        for code in units.values():
            if code is not None:
                assert re.fullmatch(r"\d{1,7}-\d", code.code)
                assert loinc_check_digit_ok(code.code), code.code


def test_loinc_lookups_reject_unknowns():
    assert loinc.loinc_code("CTX", "mmol/L") is None
    assert loinc.loinc_code("XYZ", "U/L") is None
    assert loinc.analyte_for_loinc("2345-7") is None  # glucose: not a BoneMet analyte
    assert set(loinc.units_for_loinc("17863-2")) == {"mg/dl"}
    assert normalise_unit("mg/dL") in loinc.LOINC["CA"]


# ----------------------------------------------------------------------------- SNOMED CT

def test_snomed_published_concepts():
    assert snomed.BONE_METASTASIS.code == "94222008"
    assert snomed.LUNG_CANCER.code == "363358000"
    published = {"adenocarcinoma": "254626006", "squamous": "254634000", "sclc": "254632001",
                 "large_cell": "254629004", "nsclc_nos": "254637007"}
    assert {k: v.code for k, v in snomed.HISTOLOGY.items() if v} == published
    assert snomed.EVENT["pathological_fracture"].code == "268029009"
    assert snomed.EVENT["spinal_cord_compression"].code == "71286001"
    assert snomed.EVENT["radiotherapy"].code == "108290001"
    assert snomed.EVENT["vertebroplasty"].code == "392010000"
    assert snomed.DENTAL["extraction"].code == "55162003"
    assert {k: v.code for k, v in snomed.ROUTE.items()} == {
        "iv": "47625008", "sc": "34206005", "oral": "26643006"}


def test_snomed_tables_cover_every_kind_with_concept_ids():
    from app.domain.case import DENTAL_KINDS, EVENT_KINDS, HISTOLOGIES

    assert set(snomed.HISTOLOGY) == set(HISTOLOGIES)
    assert set(snomed.EVENT) == set(EVENT_KINDS)
    assert set(snomed.DENTAL) == set(DENTAL_KINDS)
    codes = [snomed.BONE_METASTASIS, snomed.LUNG_CANCER, *snomed.ROUTE.values()]
    for table in (snomed.HISTOLOGY, snomed.EVENT, snomed.DENTAL):
        codes += [c for c in table.values() if c is not None]
    for c in codes:
        assert c.system == SNOMED_SYSTEM
        assert c.code[-3:-1] == "00", f"{c.code}: not a concept id"


# ----------------------------------------------------------------------------- ICD-10

def test_icd10_bone_metastasis_and_lung_cancer():
    assert [(c.system, c.code) for c in icd10.BONE_METASTASIS] == [
        (ICD10_SYSTEM, "C79.5"), (ICD10CM_SYSTEM, "C79.51")]
    assert [(c.system, c.code) for c in icd10.LUNG_CANCER] == [
        (ICD10_SYSTEM, "C34.9"), (ICD10CM_SYSTEM, "C34.90")]


# ----------------------------------------------------------------------------- routes

def test_routes_follow_the_catalogue_regimens():
    assert route_key("denosumab", 120) == "sc"
    assert route_key("zoledronic_acid", 4) == "iv"
    assert route_key("ibandronate", 6) == "iv" and route_key("ibandronate", 150) == "oral"
    assert route_key("clodronate", 300) == "iv" and route_key("clodronate", 1600) == "oral"
    assert route_key("incadronate", 10) == "iv"
    assert route_code("pamidronate", 90).code == "47625008"


def test_other_loinc_codes_of_the_export():
    assert (loinc.STAGE_GROUP.code, loinc.ECOG.code, loinc.KPS.code, loinc.BODY_WEIGHT.code) == (
        "21908-9", "89247-1", "89243-0", "29463-7")
    for c in (loinc.STAGE_GROUP, loinc.ECOG, loinc.KPS, loinc.BODY_WEIGHT):
        assert loinc_check_digit_ok(c.code), c.code
