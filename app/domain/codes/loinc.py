"""LOINC codes of the 14 analytes of the rule book's §1 table, per unit variant.

LOINC codes the *property* of a result: a mass concentration (mg/dL, ng/mL: ``MCnc``) and a
substance concentration (mmol/L, µmol/L, mEq/L: ``SCnc``) of the same analyte have different
codes, so the code depends on the unit the result was reported in.

Sources: the rule book §1 LOINC column (ALP, BALP, CTX, PINP, ALB, GGT, CRP, LDH, PLT and the
calcium, creatinine and bilirubin variants); the HL7 PDDI CDS implementation guide value set
"LOINC Codes for Serum Calcium" (LOINC 2.82: 17861-6 Calcium [Mass/volume], 1995-0
Calcium.ionized [Moles/volume] in Serum or Plasma); the Calcium.ionized [Mass/volume] in Serum
or Plasma code 17863-2 as used in published FHIR questionnaires (17864-0 is the ISE-method
variant); 62292-8 25-Hydroxyvitamin D2+D3 [Mass/volume] from laboratory test catalogues
(Mayo-derived LOINC information).

Two corrections of the codes the app used before (``app.domain.units`` /
``app.interop.lab_codes``): ionised calcium in **mg/dL** is a mass concentration, 17863-2 —
not 1995-0 (moles); 25-OH vitamin D in **nmol/L** is a substance concentration — 62292-8 is
the mass code. The substance code of total 25-OH vitamin D (D2+D3) could not be verified here,
so nmol/L maps to ``None``: an exporter codes such a result by the analyte only, never with
the mass code.
"""

from __future__ import annotations

from app.domain.codes import LOINC_SYSTEM, Code
from app.domain.units import ANALYTES, normalise_unit


def _c(code: str, display: str) -> Code:
    return Code(LOINC_SYSTEM, code, display)


_ALP = _c("6768-6", "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma")
_BALP = _c("17838-4", "Alkaline phosphatase.bone [Mass/volume] in Serum or Plasma")
_CTX = _c("41171-0", "Collagen crosslinked C-telopeptide [Mass/volume] in Serum or Plasma")
_PINP = _c("77370-5", "Procollagen type I N-terminal propeptide [Mass/volume] in Serum or "
                      "Plasma")
_CA_MOL = _c("2000-8", "Calcium [Moles/volume] in Serum or Plasma")
_CA_MASS = _c("17861-6", "Calcium [Mass/volume] in Serum or Plasma")
_ICA_MOL = _c("1995-0", "Calcium.ionized [Moles/volume] in Serum or Plasma")
_ICA_MASS = _c("17863-2", "Calcium.ionized [Mass/volume] in Serum or Plasma")
_ALB = _c("1751-7", "Albumin [Mass/volume] in Serum or Plasma")
_CREA_MOL = _c("14682-9", "Creatinine [Moles/volume] in Serum or Plasma")
_CREA_MASS = _c("2160-0", "Creatinine [Mass/volume] in Serum or Plasma")
_VITD_MASS = _c("62292-8", "25-Hydroxyvitamin D2+25-Hydroxyvitamin D3 [Mass/volume] in Serum "
                           "or Plasma")
_GGT = _c("2324-2", "Gamma glutamyl transferase [Enzymatic activity/volume] in Serum or Plasma")
_CRP = _c("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma")
_LDH = _c("2532-0", "Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma")
_PLT = _c("777-3", "Platelets [#/volume] in Blood by Automated count")
_TBIL_MOL = _c("14631-6", "Bilirubin.total [Moles/volume] in Serum or Plasma")
_TBIL_MASS = _c("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma")

#: analyte → (§1 unit, normalised) → LOINC code (None: no verified code for that variant).
LOINC: dict[str, dict[str, Code | None]] = {
    "ALP": {"u/l": _ALP, "iu/l": _ALP},
    "BALP": {"ug/l": _BALP, "ng/ml": _BALP},
    "CTX": {"ng/ml": _CTX, "ug/l": _CTX, "pg/ml": _CTX, "ng/l": _CTX},
    "PINP": {"ng/ml": _PINP, "ug/l": _PINP},
    "CA": {"mmol/l": _CA_MOL, "mg/dl": _CA_MASS},
    "ICA": {"mmol/l": _ICA_MOL, "meq/l": _ICA_MOL, "mg/dl": _ICA_MASS},
    "ALB": {"g/l": _ALB, "g/dl": _ALB},
    "CREA": {"umol/l": _CREA_MOL, "mg/dl": _CREA_MASS},
    "VITD": {"ng/ml": _VITD_MASS, "nmol/l": None},
    "GGT": {"u/l": _GGT, "iu/l": _GGT},
    "CRP": {"mg/l": _CRP, "mg/dl": _CRP},
    "LDH": {"u/l": _LDH, "iu/l": _LDH},
    "PLT": {"10^9/l": _PLT, "10*9/l": _PLT, "/nl": _PLT, "10^3/ul": _PLT},
    "TBIL": {"umol/l": _TBIL_MOL, "mg/dl": _TBIL_MASS},
}

assert set(LOINC) == set(ANALYTES), "one LOINC entry per §1 analyte"
for _key, _units in LOINC.items():
    assert set(_units) == set(ANALYTES[_key].factors), f"LOINC units of {_key} = §1 units"


def loinc_code(analyte: str, unit: str) -> Code | None:
    """The LOINC code of a result of ``analyte`` reported in ``unit`` (any accepted spelling);
    None when that variant has no verified code or the unit is not one of the analyte's."""
    return LOINC.get(analyte, {}).get(normalise_unit(unit))


def analyte_for_loinc(code: str) -> str | None:
    """The analyte a LOINC code of this table stands for, or None."""
    for key, units in LOINC.items():
        if any(c is not None and c.code == code for c in units.values()):
            return key
    return None


def units_for_loinc(code: str) -> tuple[str, ...]:
    """The §1 units (normalised) whose results carry this LOINC code (empty if unknown)."""
    return tuple(u for units in LOINC.values() for u, c in units.items()
                 if c is not None and c.code == code)


#: Other LOINC codes the FHIR export uses (mCODE and FHIR vital-signs conventions):
#: 21908-9 Stage group.clinical Cancer, 89247-1 ECOG Performance Status score,
#: 89243-0 Karnofsky Performance Status score (mCODE), 29463-7 Body weight (FHIR vital signs).
STAGE_GROUP = _c("21908-9", "Stage group.clinical Cancer")
ECOG = _c("89247-1", "ECOG Performance Status score")
KPS = _c("89243-0", "Karnofsky Performance Status score")
BODY_WEIGHT = _c("29463-7", "Body weight")
#: Oncology history (issue 20): 72166-2 Tobacco smoking status (US Core smoking status value
#: set), 72514-3 Pain severity - 0-10 verbal numeric rating [Score] - Reported (LOINC; the
#: code of the 0-10 pain scale value sets). PD-L1 TPS/CPS, pack-years and the analgesic step
#: have no code verified here: they are exported with BoneMet's own codes.
SMOKING_STATUS = _c("72166-2", "Tobacco smoking status")
PAIN_NRS = _c("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
