"""Texts of the work-up wizard's recommendations (English / Chinese) with their evidence.

Each recommendation names the rule-book rule behind it (``rules`` in
:class:`app.domain.workup.Recommendation`) and carries the evidence labels of rule book §0:
the imaging choices come from the seed interviews (``SEED``, expert opinion, not independently
sourced). Placeholders in braces are filled by :func:`app.domain.workup.recommend`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    purpose: str
    text: str
    text_zh: str
    evidence: tuple[str, ...]
    source: str
    alternatives: tuple[str, ...] = ()


#: The seed's sensitivity ranking, stated as the seed's opinion (see the rule book §0 labels).
SENSITIVITY_NOTE = (
    "Sensitivity ranking in the seed interview (SEED, expert opinion): MRI > PET-CT > "
    "bone scan > CT > X-ray — MRI first because metastases start in the marrow. Published "
    "meta-analyses do not all agree with this order (PET-CT is often reported at least as "
    "sensitive as MRI for whole-body detection, and more specific than a bone scan); the rule "
    "book keeps the ranking as SEED evidence, not as an independently sourced fact.",
    "种子访谈中的敏感性排序（专家经验，专家意见）：MRI > PET-CT > 骨扫描 > CT > X线——"
    "MRI居首，因为转移最早发生于骨髓。已发表的荟萃分析并不都支持这一排序（PET-CT在全身检出方面"
    "常被报告为不低于MRI，且特异性高于骨扫描）；规则库将此排序作为专家经验证据，而非独立来源的事实。",
)

RECOMMENDATIONS: dict[str, Template] = {
    "urgent_mri": Template(
        "urgent",
        "Urgent: whole-spine MRI within 24 hours, corticosteroids now, and an urgent spinal "
        "surgery / radiotherapy referral (suspected metastatic spinal cord compression).",
        "紧急：24小时内全脊柱MRI，立即使用糖皮质激素"
        "，紧急转诊脊柱外科/放疗（怀疑转移性脊髓压迫）。",
        ("GL",), "GL NICE NG234"),
    "none_confirmed": Template(
        "none",
        "Bone metastasis is confirmed ({basis}): no further diagnostic imaging is needed for "
        "the diagnosis; go on to treatment planning.",
        "骨转移已确诊（{basis}）：诊断上无需进一步影像检查，进入治疗计划。",
        ("SEED",), "SEED R22–R23"),
    "confirm": Template(
        "confirmation",
        "Confirmation step for {region}: a bone scan screens but cannot confirm. Image the "
        "positive site — MRI of {region} (most sensitive for the marrow) — or do a PET-CT. "
        "Bone destruction on it confirms the metastasis.",
        "{region} 的确认步骤：骨扫描只能筛查不能确诊。对"
        "阳性部位做影像——{region} MRI（对骨髓最敏感）"
        "——或做PET-CT。见到骨质破坏即可确诊。",
        ("SEED",), "SEED R21–R22", ("ct", "xray", "pet_ct")),
    "confirm_blastic": Template(
        "osteoblastic",
        "Confirmation step for {region}: the bone scan reported an osteoblastic pattern and "
        "MRI is less sensitive for osteoblastic lesions — CT of {region} or PET-CT.",
        "{region} 的确认步骤：骨扫描提示成骨性改变，MRI对成骨性"
        "病灶敏感性较低——建议 {region} CT 或 PET-CT。",
        ("SEED",), "SEED R21–R22, R24", ("pet_ct",)),
    "blastic": Template(
        "osteoblastic",
        "The MRI of {region} is negative but a study there reported an osteoblastic pattern: "
        "MRI is less sensitive for osteoblastic lesions — CT of {region} or PET-CT.",
        "{region} MRI 阴性，但该部位检查提示成骨性改变："
        "MRI对成骨性病灶敏感性较低——建议 CT 或 PET-CT。",
        ("SEED",), "SEED R24", ("pet_ct",)),
    "reassured": Template(
        "reassurance",
        "Positive bone scan of {scan_region} and a negative MRI of the same region: broadly "
        "reassuring — a bone scan shows osteoblast activity, which inflammation or an injury "
        "also cause. If doubt persists, a PET-CT can settle it.",
        "{scan_region} 骨扫描阳性而同部位MRI阴性"
        "：总体可以放心——骨扫描反映成骨细胞活性，炎症或损伤也可"
        "导致阳性。如仍有疑虑，可做PET-CT进一步明确。",
        ("SEED",), "SEED R25 (case 1)"),
    "biopsy": Template(
        "biopsy",
        "Imaging of {region} stays inconclusive after repeated studies: consider a bone biopsy "
        "(reserved for inconclusive imaging or high suspicion with insufficient imaging).",
        "{region} 多次影像仍不能确定：考虑骨活检（"
        "仅用于影像学不能确诊、或高度怀疑但影像依据不足时）。",
        ("SEED",), "SEED R27", ("pet_ct",)),
    "direct": Template(
        "direct",
        "Suspected bone metastasis ({suspect_region}) without bone destruction on imaging: a "
        "PET-CT can diagnose directly (high metabolism together with bone destruction).",
        "疑似骨转移（{suspect_region}），影像未见骨质破坏：PET-CT可直接诊断（高代谢伴骨质破坏）。",
        ("SEED",), "SEED R23", ("mri", "ct")),
    "marrow": Template(
        "marrow",
        "Fixed bone pain at {region}: image the painful site — MRI first (most sensitive for "
        "the marrow, where metastases start), or PET-CT.",
        "{region} 固定部位骨痛：对疼痛部位做影像——首选M"
        "RI（对骨髓最敏感，转移最早发生于骨髓），或PET-CT。",
        ("SEED",), "SEED R15, R18, R26", ("pet_ct",)),
    "biomarker_site": Template(
        "marrow",
        "Markedly raised bone marker: image even without typical pain — MRI of {region} "
        "(most sensitive for the marrow) or PET-CT.",
        "骨代谢指标明显升高：即使无典型疼痛也应影像检查——{region} MRI（对骨髓最敏感）或PET-CT。",
        ("SEED",), "SEED R16–R17", ("pet_ct",)),
    "biomarker": Template(
        "direct",
        "Markedly raised bone marker without a painful site: image even without symptoms — "
        "whole-body PET-CT (diagnoses directly), or MRI of a suspicious region.",
        "骨代谢指标明显升高且无疼痛部位：即使无症状也应影像检查—"
        "—全身PET-CT（可直接诊断），或对可疑部位做MRI。",
        ("SEED",), "SEED R16–R17", ("mri",)),
    "not_found": Template(
        "none",
        "No bone metastasis found ({basis}); no further imaging is called for by the rules.",
        "未发现骨转移（{basis}）；规则未提示需进一步影像检查。",
        ("SEED",), "SEED R25"),
    "screen": Template(
        "screening",
        "High risk of bone metastasis ({factors}): screening with a whole-body bone scan (it "
        "screens but cannot confirm) or a PET-CT.",
        "骨转移高危（{factors}）：以全身骨扫描筛查（只能筛查不能确诊）或做PET-CT。",
        ("SEED", "GL"), "SEED R10–R14; GL Chinese 2024 guideline", ("pet_ct",)),
    "migratory": Template(
        "none",
        "Migratory pain at several sites is not typical of bone metastasis (which hurts at a "
        "fixed site); no imaging is called for by the rules on this alone.",
        "多部位游走性疼痛不是骨转移的典型表现（骨转移"
        "多为固定部位疼痛）；仅凭此规则不要求影像检查。",
        ("SEED",), "SEED R26 (case 1)"),
    "none": Template(
        "none",
        "No imaging is called for by the rules on what is recorded.",
        "根据现有记录，规则未提示需要影像检查。",
        ("DESIGN",), "DESIGN"),
    "mdt_step": Template(
        "none",
        "Refer to the MDT with the question: {question}",
        "提交MDT讨论，问题：{question}",
        ("DESIGN",), "DESIGN"),
}

#: rule ID (or ID prefix ending in "-") → conclusion step group; the first match wins
STEP_GROUPS: tuple[tuple[str, str], ...] = (
    ("WU-MSCC", "urgent"), ("LOC-SINS-UNSTABLE", "urgent"), ("LOC-ESCC-HIGH", "urgent"),
    ("WU-BIOPSY-", "biopsy"), ("WU-PAIN-MIGRATORY", "info"), ("WU-", "imaging"),
    ("BMA-START", "bone_drug"), ("BMA-DENTAL-CLEARANCE", "bone_drug"),
    ("BMA-SUPPLEMENTS", "bone_drug"), ("BMA-NO-INDICATION", "bone_drug"),
    ("LOC-", "local_therapy"), ("IO-DENOSUMAB", "info"),
)

#: parts of the suggested MDT question (English, Chinese)
MDT_QUESTIONS: dict[str, tuple[str, str]] = {
    "confirmed": ("Bone metastasis confirmed ({basis}): which bone-modifying agent, and is "
                  "local therapy (radiotherapy, surgery) indicated?",
                  "骨转移已确诊（{basis}）：选用何种骨改良药物？是否需要局部治疗（放疗、手术）？"),
    "WU-MSCC": ("Suspected spinal cord compression: decompressive surgery or radiotherapy?",
                "怀疑脊髓压迫：减压手术还是放疗？"),
    "WU-BIOPSY-SOLITARY": ("Solitary bone metastasis: biopsy it, or is the risk too high?",
                           "孤立性骨转移：是否活检，还是风险过高？"),
    "WU-BIOPSY-INCONCLUSIVE": ("Imaging stays inconclusive: bone biopsy or further imaging?",
                               "影像仍不能确定：骨活检还是进一步影像检查？"),
    "LOC-OLIGO": ("Oligometastatic disease: radical local therapy?",
                  "寡转移：是否行根治性局部治疗？"),
}
