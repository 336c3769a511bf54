"""Display labels for the coded values the chart forms offer (rule book §10 allowed values).

The allowed codes themselves come from :mod:`app.domain.case` (never re-listed here); this
module only names them for people. Labels are marked with ``QT_TRANSLATE_NOOP`` and translated
on each call (context ``Choices``), so a language switch applies to the next form opened.
An unknown code is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain import case as C
from app.domain.names import analyte_name
from app.domain.units import ANALYTES
from app.ui import labels

_LABELS: dict[str, str] = {
    # record kinds
    "kind.symptom": QT_TRANSLATE_NOOP("Choices", "Symptom"),
    "kind.lab": QT_TRANSLATE_NOOP("Choices", "Lab result"),
    "kind.imaging": QT_TRANSLATE_NOOP("Choices", "Imaging"),
    "kind.biopsy": QT_TRANSLATE_NOOP("Choices", "Biopsy"),
    "kind.lesion": QT_TRANSLATE_NOOP("Choices", "Bone lesion"),
    "kind.administration": QT_TRANSLATE_NOOP("Choices", "BMA dose"),
    "kind.stop": QT_TRANSLATE_NOOP("Choices", "BMA stop"),
    "kind.interval": QT_TRANSLATE_NOOP("Choices", "Dosing interval"),
    "kind.dental_exam": QT_TRANSLATE_NOOP("Choices", "Dental exam"),
    "kind.dental_procedure": QT_TRANSLATE_NOOP("Choices", "Dental procedure"),
    "kind.event": QT_TRANSLATE_NOOP("Choices", "Clinical event"),
    "kind.cancer": QT_TRANSLATE_NOOP("Choices", "Cancer and performance status"),
    "kind.supplements": QT_TRANSLATE_NOOP("Choices", "Supplements"),
    "kind.status_override": QT_TRANSLATE_NOOP("Choices", "Bone-metastasis status override"),
    "kind.therapy_line": QT_TRANSLATE_NOOP("Choices", "Systemic therapy line"),
    "kind.pdl1": QT_TRANSLATE_NOOP("Choices", "PD-L1 result"),
    "kind.smoking": QT_TRANSLATE_NOOP("Choices", "Smoking history"),
    "kind.course": QT_TRANSLATE_NOOP("Choices", "Diagnosis / recurrence / stage"),
    # symptoms
    "bone_pain": QT_TRANSLATE_NOOP("Choices", "Bone pain"),
    "neuro_deficit": QT_TRANSLATE_NOOP("Choices", "Neurological deficit"),
    "fixed": QT_TRANSLATE_NOOP("Choices", "Fixed site"),
    "migratory": QT_TRANSLATE_NOOP("Choices", "Migratory"),
    # imaging
    "bone_scan": QT_TRANSLATE_NOOP("Choices", "Bone scan"),
    "mri": QT_TRANSLATE_NOOP("Choices", "MRI"),
    "ct": QT_TRANSLATE_NOOP("Choices", "CT"),
    "xray": QT_TRANSLATE_NOOP("Choices", "X-ray"),
    "pet_ct": QT_TRANSLATE_NOOP("Choices", "PET-CT"),
    "positive": QT_TRANSLATE_NOOP("Choices", "Positive"),
    "negative": QT_TRANSLATE_NOOP("Choices", "Negative"),
    "equivocal": QT_TRANSLATE_NOOP("Choices", "Equivocal"),
    "nondiagnostic": QT_TRANSLATE_NOOP("Choices", "Non-diagnostic"),
    "osteolytic": QT_TRANSLATE_NOOP("Choices", "Osteolytic"),
    "osteoblastic": QT_TRANSLATE_NOOP("Choices", "Osteoblastic"),
    "mixed": QT_TRANSLATE_NOOP("Choices", "Mixed"),
    # lesions
    "vertebra": QT_TRANSLATE_NOOP("Choices", "Vertebra"),
    "femur": QT_TRANSLATE_NOOP("Choices", "Femur"),
    "tibia": QT_TRANSLATE_NOOP("Choices", "Tibia"),
    "fibula": QT_TRANSLATE_NOOP("Choices", "Fibula"),
    "humerus": QT_TRANSLATE_NOOP("Choices", "Humerus"),
    "radius": QT_TRANSLATE_NOOP("Choices", "Radius"),
    "ulna": QT_TRANSLATE_NOOP("Choices", "Ulna"),
    "pelvis": QT_TRANSLATE_NOOP("Choices", "Pelvis"),
    "rib": QT_TRANSLATE_NOOP("Choices", "Rib"),
    "sternum": QT_TRANSLATE_NOOP("Choices", "Sternum"),
    "skull": QT_TRANSLATE_NOOP("Choices", "Skull"),
    "scapula": QT_TRANSLATE_NOOP("Choices", "Scapula"),
    "clavicle": QT_TRANSLATE_NOOP("Choices", "Clavicle"),
    "other": QT_TRANSLATE_NOOP("Choices", "Other"),
    "left": QT_TRANSLATE_NOOP("Choices", "Left"),
    "right": QT_TRANSLATE_NOOP("Choices", "Right"),
    "midline": QT_TRANSLATE_NOOP("Choices", "Midline"),
    "bilateral": QT_TRANSLATE_NOOP("Choices", "Bilateral"),
    "upper": QT_TRANSLATE_NOOP("Choices", "Upper limb"),
    "lower": QT_TRANSLATE_NOOP("Choices", "Lower limb"),
    "mechanical": QT_TRANSLATE_NOOP("Choices", "Mechanical"),
    "occasional": QT_TRANSLATE_NOOP("Choices", "Occasional"),
    "none": QT_TRANSLATE_NOOP("Choices", "None"),
    "mild": QT_TRANSLATE_NOOP("Choices", "Mild"),
    "moderate": QT_TRANSLATE_NOOP("Choices", "Moderate"),
    "functional": QT_TRANSLATE_NOOP("Choices", "Functional"),
    "subluxation": QT_TRANSLATE_NOOP("Choices", "Subluxation/translation"),
    "deformity": QT_TRANSLATE_NOOP("Choices", "De novo deformity"),
    "normal": QT_TRANSLATE_NOOP("Choices", "Normal"),
    "gt50": QT_TRANSLATE_NOOP("Choices", "Collapse > 50%"),
    "lt50": QT_TRANSLATE_NOOP("Choices", "Collapse < 50%"),
    "none_gt50_involved": QT_TRANSLATE_NOOP("Choices", "No collapse, > 50% body involved"),
    "unilateral": QT_TRANSLATE_NOOP("Choices", "Unilateral"),
    "lt_third": QT_TRANSLATE_NOOP("Choices", "< 1/3 of cortex"),
    "third_to_two_thirds": QT_TRANSLATE_NOOP("Choices", "1/3 – 2/3 of cortex"),
    "gt_two_thirds": QT_TRANSLATE_NOOP("Choices", "> 2/3 of cortex"),
    # dental
    "root_canal": QT_TRANSLATE_NOOP("Choices", "Root canal"),
    "scaling": QT_TRANSLATE_NOOP("Choices", "Scaling"),
    "filling": QT_TRANSLATE_NOOP("Choices", "Filling"),
    "crown": QT_TRANSLATE_NOOP("Choices", "Crown"),
    "extraction": QT_TRANSLATE_NOOP("Choices", "Extraction"),
    "implant": QT_TRANSLATE_NOOP("Choices", "Implant"),
    "periodontal_surgery": QT_TRANSLATE_NOOP("Choices", "Periodontal surgery"),
    "oral_surgery": QT_TRANSLATE_NOOP("Choices", "Oral surgery"),
    # events
    "pathological_fracture": QT_TRANSLATE_NOOP("Choices", "Pathological fracture"),
    "fracture": QT_TRANSLATE_NOOP("Choices", "Fracture"),
    "spinal_cord_compression": QT_TRANSLATE_NOOP("Choices", "Spinal cord compression"),
    "radiotherapy": QT_TRANSLATE_NOOP("Choices", "Radiotherapy"),
    "surgery_to_bone": QT_TRANSLATE_NOOP("Choices", "Surgery to bone"),
    "vertebroplasty": QT_TRANSLATE_NOOP("Choices", "Vertebroplasty/kyphoplasty"),
    "hypercalcaemia": QT_TRANSLATE_NOOP("Choices", "Hypercalcaemia"),
    "onj": QT_TRANSLATE_NOOP("Choices", "Osteonecrosis of the jaw"),
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
    """The display label of a code (the code itself when it has none; — for None). Drugs,
    histologies and statuses use the registry's labels (one name everywhere)."""
    if code is None:
        return "—"
    if code in C.DRUGS:
        return labels.drug_label(code)
    if code in C.HISTOLOGIES and code != "other":
        return labels.histology_label(code)
    if code in C.STATUSES:
        return labels.bm_status_label(code)
    text = _LABELS.get(code)
    return QCoreApplication.translate("Choices", text) if text else code


def kind_label(kind: str) -> str:
    return label(f"kind.{kind}")


def analyte_label(key: str) -> str:
    """``CTX — serum β-CTX (β-CrossLaps)`` / ``CTX — 血清β-CTX（β-胶原降解产物）``, from the one
    bilingual catalogue (:data:`app.domain.names.ANALYTE_NAMES`)."""
    if key not in ANALYTES:
        return key
    return f"{key} — {analyte_name(key, labels.ui_lang())}"
