"""The rule catalogue is complete (every rule of the book, once, in book order) and every rule
module follows the hook; assess() never fails on any valid case."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.assess import assess
from app.domain.catalogue import RULE_MODULES, catalogue
from app.domain.findings import EVIDENCE_LABELS, SEVERITY_RANK

from .test_casefile import _cases

# Every rule ID of rules/2 in rule-book order.
BOOK_ORDER = [
    "WU-HIGH-RISK", "WU-ALP-RISE", "WU-CTX-RISE", "WU-PAIN-FIXED", "WU-PAIN-MIGRATORY",
    "WU-SCAN-CONFIRM", "WU-SCAN-DISCORDANT", "WU-MRI-BLASTIC", "WU-BIOPSY-INCONCLUSIVE",
    "WU-BIOPSY-SOLITARY", "WU-MSCC",
    "BMA-START", "BMA-NO-INDICATION", "BMA-CONCURRENT", "BMA-ZA-DOSE", "BMA-ZA-OVERDOSE",
    "BMA-ZA-CONTRAINDICATED", "BMA-ZA-CREAT-MISSING", "BMA-ZA-CREAT-RISE", "BMA-BP-RENAL",
    "BMA-BP-CREAT-MISSING", "BMA-BP-CREAT-RISE", "BMA-DEN-CKD", "BMA-HYPOCALCAEMIA",
    "BMA-HYPERCALCAEMIA", "BMA-CA-MISSING", "BMA-SUPPLEMENTS", "BMA-DENTAL-CLEARANCE",
    "BMA-DENTAL-REVIEW", "BMA-DEN-INTERVAL", "BMA-ZA-INTERVAL", "BMA-DEN-OVERDUE",
    "BMA-NON-ONCOLOGY-DOSE",
    "DEN-STOP-WINDOW", "DEN-MONITOR-DUE", "DEN-REBOUND-CTX", "DEN-REBOUND-CALCIUM",
    "DEN-REBOUND-FRACTURE",
    "DENT-MINOR", "DENT-INVASIVE", "DENT-ONJ",
    "LOC-SINS-UNSTABLE", "LOC-SINS-INDETERMINATE", "LOC-ESCC-HIGH", "LOC-MIRELS-FIX",
    "LOC-MIRELS-BORDERLINE", "LOC-RT", "LOC-POST-FIX-RT", "LOC-VERTEBROPLASTY", "LOC-OLIGO",
    "LOC-BMA-WITH-RT", "IO-DENOSUMAB",
]

def test_catalogue_is_the_rule_book_in_order():
    assert [r.id for r in catalogue()] == BOOK_ORDER


def test_every_rule_is_fully_described():
    orders = [r.order for r in catalogue()]
    assert len(set(orders)) == len(orders)
    for r in catalogue():
        assert r.trigger and r.says and r.says_zh and r.source, r.id
        assert r.evidence and all(e in EVIDENCE_LABELS for e in r.evidence), r.id
        assert list(r.evidence) == sorted(r.evidence, key=EVIDENCE_LABELS.index), r.id
        prefix = r.id.split("-")[0]
        family = {"WU": 100, "BMA": 200, "DEN": 300, "DENT": 400, "LOC": 500, "IO": 600}[prefix]
        assert family <= r.order < family + 100, r.id


def test_rule_modules_follow_the_hook():
    for module in RULE_MODULES:
        assert callable(module.evaluate), module.__name__


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_cases, st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
def test_assess_never_fails_and_output_is_well_formed(case, as_of):
    a = assess(case, as_of)
    doc = json.loads(json.dumps(a.to_json()))
    ids = [r.id for r in catalogue()]
    keys = [(SEVERITY_RANK[f["severity"]], ids.index(f["rule"])) for f in doc["findings"]]
    assert keys == sorted(keys)
    assert set(doc["derived"]) >= {"crcl_ml_min", "crcl_date", "corrected_calcium_mmol_l",
                                   "calcium_date", "calcium_albumin_corrected",
                                   "ionised_calcium_mmol_l", "za_dose_mg", "missing_inputs",
                                   "denosumab"}
    assert doc["status"]["bone_metastasis"] in ("confirmed", "suspected", "not_found",
                                                "unknown")
    assert len(doc["scores"]["lesions"]) == len(case.lesions)
    for m in doc["derived"]["missing_inputs"]:
        assert all(r in ids for r in m["rules"])
    # at most once per assessment, except the per-lesion rules of §7
    per_lesion = {"LOC-SINS-UNSTABLE", "LOC-SINS-INDETERMINATE", "LOC-ESCC-HIGH",
                  "LOC-MIRELS-FIX", "LOC-MIRELS-BORDERLINE", "LOC-RT", "LOC-VERTEBROPLASTY"}
    rules = [f["rule"] for f in doc["findings"] if f["rule"] not in per_lesion]
    assert len(rules) == len(set(rules))
