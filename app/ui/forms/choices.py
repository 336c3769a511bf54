"""Display labels for the coded values the chart forms offer (rule book §10 allowed values).

The allowed codes themselves come from :mod:`app.domain.case` (never re-listed here); this
module only names them for people. Labels are marked with ``QT_TRANSLATE_NOOP`` and translated
on each call (context ``Choices``), so a language switch applies to the next form opened.
An unknown code is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain import case as C
from app.domain.units import ANALYTES

_N = QT_TRANSLATE_NOOP
_LABELS: dict[str, str] = {
    # record kinds
    "kind.symptom": _N("Choices", "Symptom"), "kind.lab": _N("Choices", "Lab result"),
    "kind.imaging": _N("Choices", "Imaging"), "kind.biopsy": _N("Choices", "Biopsy"),
    "kind.lesion": _N("Choices", "Bone lesion"),
    "kind.administration": _N("Choices", "BMA dose"),
    "kind.stop": _N("Choices", "BMA stop"), "kind.interval": _N("Choices", "Dosing interval"),
    "kind.dental_exam": _N("Choices", "Dental exam"),
    "kind.dental_procedure": _N("Choices", "Dental procedure"),
    "kind.event": _N("Choices", "Clinical event"),
    "kind.cancer": _N("Choices", "Cancer and performance status"),
    "kind.supplements": _N("Choices", "Supplements"),
    "kind.status_override": _N("Choices", "Bone-metastasis status override"),
    # symptoms
    "bone_pain": _N("Choices", "Bone pain"), "neuro_deficit": _N("Choices", "Neurological deficit"),
    "fixed": _N("Choices", "Fixed site"), "migratory": _N("Choices", "Migratory"),
    # imaging
    "bone_scan": _N("Choices", "Bone scan"), "mri": _N("Choices", "MRI"), "ct": _N("Choices", "CT"),
    "xray": _N("Choices", "X-ray"), "pet_ct": _N("Choices", "PET-CT"),
    "positive": _N("Choices", "Positive"), "negative": _N("Choices", "Negative"),
    "equivocal": _N("Choices", "Equivocal"), "nondiagnostic": _N("Choices", "Non-diagnostic"),
    "osteolytic": _N("Choices", "Osteolytic"), "osteoblastic": _N("Choices", "Osteoblastic"),
    "mixed": _N("Choices", "Mixed"),
    # lesions
    "vertebra": _N("Choices", "Vertebra"), "femur": _N("Choices", "Femur"),
    "tibia": _N("Choices", "Tibia"), "fibula": _N("Choices", "Fibula"),
    "humerus": _N("Choices", "Humerus"), "radius": _N("Choices", "Radius"),
    "ulna": _N("Choices", "Ulna"), "pelvis": _N("Choices", "Pelvis"), "rib": _N("Choices", "Rib"),
    "sternum": _N("Choices", "Sternum"), "skull": _N("Choices", "Skull"),
    "scapula": _N("Choices", "Scapula"), "clavicle": _N("Choices", "Clavicle"),
    "other": _N("Choices", "Other"),
    "left": _N("Choices", "Left"), "right": _N("Choices", "Right"),
    "midline": _N("Choices", "Midline"), "bilateral": _N("Choices", "Bilateral"),
    "upper": _N("Choices", "Upper limb"), "lower": _N("Choices", "Lower limb"),
    "mechanical": _N("Choices", "Mechanical"), "occasional": _N("Choices", "Occasional"),
    "none": _N("Choices", "None"), "mild": _N("Choices", "Mild"),
    "moderate": _N("Choices", "Moderate"), "functional": _N("Choices", "Functional"),
    "subluxation": _N("Choices", "Subluxation/translation"),
    "deformity": _N("Choices", "De novo deformity"), "normal": _N("Choices", "Normal"),
    "gt50": _N("Choices", "Collapse > 50%"), "lt50": _N("Choices", "Collapse < 50%"),
    "none_gt50_involved": _N("Choices", "No collapse, > 50% body involved"),
    "unilateral": _N("Choices", "Unilateral"),
    "lt_third": _N("Choices", "< 1/3 of cortex"),
    "third_to_two_thirds": _N("Choices", "1/3 – 2/3 of cortex"),
    "gt_two_thirds": _N("Choices", "> 2/3 of cortex"),
    # drugs
    "denosumab": _N("Choices", "Denosumab"), "zoledronic_acid": _N("Choices", "Zoledronic acid"),
    "pamidronate": _N("Choices", "Pamidronate"), "ibandronate": _N("Choices", "Ibandronate"),
    "incadronate": _N("Choices", "Incadronate"), "clodronate": _N("Choices", "Clodronate"),
    # dental
    "root_canal": _N("Choices", "Root canal"), "scaling": _N("Choices", "Scaling"),
    "filling": _N("Choices", "Filling"), "crown": _N("Choices", "Crown"),
    "extraction": _N("Choices", "Extraction"), "implant": _N("Choices", "Implant"),
    "periodontal_surgery": _N("Choices", "Periodontal surgery"),
    "oral_surgery": _N("Choices", "Oral surgery"),
    # events
    "pathological_fracture": _N("Choices", "Pathological fracture"),
    "fracture": _N("Choices", "Fracture"),
    "spinal_cord_compression": _N("Choices", "Spinal cord compression"),
    "radiotherapy": _N("Choices", "Radiotherapy"),
    "surgery_to_bone": _N("Choices", "Surgery to bone"),
    "vertebroplasty": _N("Choices", "Vertebroplasty/kyphoplasty"),
    "hypercalcaemia": _N("Choices", "Hypercalcaemia"),
    "onj": _N("Choices", "Osteonecrosis of the jaw"),
    # cancer
    "adenocarcinoma": _N("Choices", "Adenocarcinoma"), "squamous": _N("Choices", "Squamous cell"),
    "sclc": _N("Choices", "Small cell (SCLC)"), "large_cell": _N("Choices", "Large cell"),
    "nsclc_nos": _N("Choices", "NSCLC NOS"),
    # status
    "confirmed": _N("Choices", "Confirmed"), "suspected": _N("Choices", "Suspected"),
    "not_found": _N("Choices", "Not found"), "unknown": _N("Choices", "Unknown"),
}

#: The choices every coded field offers (from the domain's allowed values).
CHOICES: dict[str, tuple[str, ...]] = {
    "symptom.kind": C.SYMPTOM_KINDS, "symptom.pattern": C.PAIN_PATTERNS,
    "lab.analyte": tuple(ANALYTES),
    "imaging.modality": C.MODALITIES, "imaging.result": C.IMAGING_RESULTS,
    "pattern": C.LESION_PATTERNS, "biopsy.result": C.BIOPSY_RESULTS,
    "lesion.bone": C.BONES, "lesion.level": C.VERTEBRAL_LEVELS, "lesion.side": C.SIDES,
    "lesion.limb": C.LIMBS, "lesion.pain.vertebra": C.VERTEBRAL_PAIN,
    "lesion.pain.other": C.LIMB_PAIN, "lesion.alignment": C.ALIGNMENTS,
    "lesion.collapse": C.COLLAPSES, "lesion.posterolateral": C.POSTEROLATERAL,
    "lesion.size": C.SIZES, "lesion.escc": C.ESCC_GRADES,
    "drug": C.DRUGS, "dental.kind": C.DENTAL_KINDS, "event.kind": C.EVENT_KINDS,
    "cancer.histology": C.HISTOLOGIES, "cancer.stage": C.STAGES, "cancer.frankel": C.FRANKEL,
    "status": C.STATUSES,
}


def label(code: str | None) -> str:
    """The display label of a code (the code itself when it has none; — for None)."""
    if code is None:
        return "—"
    text = _LABELS.get(code)
    return QCoreApplication.translate("Choices", text) if text else code


def kind_label(kind: str) -> str:
    return label(f"kind.{kind}")


def analyte_label(key: str) -> str:
    """``CTX — serum β-CTX (β-CrossLaps)``."""
    info = ANALYTES.get(key)
    return key if info is None else f"{key} — {info.name}"
