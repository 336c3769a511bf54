"""The bone-metastasis work-up wizard's decision logic (pure; rule book §2, §3, §7, §8).

Nothing here re-implements a rule: the wizard's entries are added to a copy of the patient's
chart (:func:`pending_case`) and the ordinary assessment (:func:`app.domain.assess.assess`) is
run on it. From that assessment this module draws what the wizard shows:

- :func:`biomarker_verdict` — is the ALP / CTX rise "marked"? Yes exactly when WU-ALP-RISE /
  WU-CTX-RISE fires on the pending case (their definitions and the §9 thresholds live in
  :mod:`app.domain.rules_workup`); the earlier values are listed for comparison.
- :func:`recommend` — the next study with its purpose (urgent, screening, confirmation, marrow,
  osteoblastic, direct diagnosis, reassurance), the reason and the evidence, following the seed
  interviews' work-up: a bone scan screens but cannot confirm; MRI is the most sensitive for
  marrow; CT / PET-CT for osteoblastic lesions; PET-CT diagnoses directly; biopsy only when
  imaging stays inconclusive.
- :func:`conclude` — the status with its basis, and the next steps from the rules (bone drug,
  local-therapy referrals from the lesion scores, biopsy, MDT referral with a question).

Texts come in English and Chinese (``text`` / ``text_zh``), like the findings.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from datetime import date

from app.domain import case as C
from app.domain.assess import Assessment, assess
from app.domain.context import CaseView, round_lab
from app.domain.findings import Finding
from app.domain.params import DEFAULTS, Params
from app.domain.status import MODALITY_NAMES, MODALITY_NAMES_ZH
from app.domain.workup_entries import WorkupEntries
from app.domain.workup_texts import (
    MDT_QUESTIONS,
    RECOMMENDATIONS,
    SENSITIVITY_NOTE,
    STEP_GROUPS,
)

__all__ = [
    "SENSITIVITY_NOTE", "BiomarkerVerdict", "Conclusion", "Recommendation", "Step",
    "WorkupAnalysis", "analyse", "biomarker_verdict", "biopsy_findings", "conclude",
    "pending_case", "recommend",
]

BIOMARKER_RULES = {"ALP": "WU-ALP-RISE", "CTX": "WU-CTX-RISE"}
BIOPSY_RULES = ("WU-BIOPSY-INCONCLUSIVE", "WU-BIOPSY-SOLITARY")


# ---------------------------------------------------------------- the pending case


def pending_case(base: C.Case, e: WorkupEntries) -> C.Case:
    """A copy of the chart's case with everything the wizard holds added."""
    out = copy.deepcopy(base)
    day = e.visit_date
    if e.bone_pain:
        out.symptoms.append(C.Symptom(day, "bone_pain", pattern=e.pain_pattern,
                                      site=e.pain_site.strip() or None,
                                      mechanical=e.pain_mechanical))
    if e.neuro_deficit:
        out.symptoms.append(C.Symptom(day, "neuro_deficit", site=e.neuro_site.strip() or None))
        if e.compression_region.strip():
            out.events.append(C.Event(day, "spinal_cord_compression",
                                      region=e.compression_region.strip(), vertebral=True))
    for lab in e.labs:
        out.labs.append(C.Lab(lab.date, lab.analyte, lab.value, lab.unit,
                              ref_high=lab.ref_high, fasting=lab.fasting))
    for s in e.studies:
        out.imaging.append(C.Imaging(s.date, s.modality, s.region.strip(), s.result,
                                     pattern=s.pattern, bone_destruction=s.bone_destruction))
    for b in e.biopsies:
        out.biopsies.append(C.Biopsy(b.date, b.region.strip(), b.result))
    for le in e.lesions:
        out.lesions.append(C.Lesion(**{**asdict(le), "region": le.region.strip()}))
    r = e.risk
    out.cancer.stage, out.cancer.histology = r.stage, r.histology
    out.cancer.drivers = None if r.drivers is None else list(r.drivers)
    out.cancer.visceral_metastases = (None if r.visceral_metastases is None
                                      else list(r.visceral_metastases))
    return out


def _finding(a: Assessment, rule: str) -> Finding | None:
    return next((f for f in a.findings if f.rule == rule), None)


# ---------------------------------------------------------------- biomarkers


@dataclass(frozen=True)
class BiomarkerVerdict:
    """The wizard's answer to "is this rise marked?" for one analyte."""

    analyte: str
    rule: str
    latest: tuple[date, float] | None  # canonical unit
    unit: str  # canonical unit
    uln: float | None
    earlier: tuple[tuple[date, float], ...]  # earlier values (canonical), oldest first
    marked: bool
    applicable: bool  # False: the rule cannot fire (status confirmed, denosumab given, off)
    text: str
    text_zh: str
    finding: Finding | None = None


_CANONICAL = {"ALP": "U/L", "CTX": "ng/mL"}


def biomarker_verdict(case: C.Case, a: Assessment, analyte: str, as_of: date,
                      params: Params = DEFAULTS) -> BiomarkerVerdict:
    """``marked`` is True exactly when the rule book's rise rule fires on ``case``."""
    rule = BIOMARKER_RULES[analyte]
    view = CaseView(case, as_of, params)
    values = view.labs(analyte)
    latest = values[-1] if values else None
    uln = view.uln(latest) if latest is not None else view.default_uln(analyte)
    earlier = tuple((v.date, round_lab(analyte, v.value)) for v in values[:-1])
    f = _finding(a, rule)
    unit = _CANONICAL[analyte]
    applicable, why, why_zh = True, "", ""
    if not params.enable_biomarker_workup:
        applicable = False
        why, why_zh = "biomarker work-up is turned off at this site", "本机构已关闭生化指标检查规则"
    elif a.status.bone_metastasis == "confirmed":
        applicable = False
        why, why_zh = "bone metastasis is already confirmed", "骨转移已确诊"
    elif analyte == "CTX" and view.given("denosumab"):
        applicable = False
        why, why_zh = "denosumab has been given (it suppresses CTX)", "已用过地舒单抗（会抑制CTX）"
    if f is not None:
        text, text_zh = f.message, f.message_zh
    elif latest is None:
        text = f"No {analyte} result: enter one to compare with earlier values."
        text_zh = f"无{analyte}结果：请录入以便与既往值比较。"
    elif not applicable:
        text = f"{analyte} {round_lab(analyte, latest.value)} {unit}: not judged ({why})."
        text_zh = f"{analyte} {round_lab(analyte, latest.value)} {unit}：不作判断（{why_zh}）。"
    else:
        text = (f"{analyte} {round_lab(analyte, latest.value)} {unit}: not a marked rise by the "
                f"rule book's definition ({rule}).")
        text_zh = (f"{analyte} {round_lab(analyte, latest.value)} {unit}：按规则库定义（{rule}）"
                   "不属于明显升高。")
    return BiomarkerVerdict(
        analyte, rule,
        None if latest is None else (latest.date, round_lab(analyte, latest.value)),
        unit, None if uln is None else round_lab(analyte, uln), earlier, f is not None,
        applicable, text, text_zh, f)


# ---------------------------------------------------------------- the next study


@dataclass(frozen=True)
class Recommendation:
    key: str  # see workup_texts.RECOMMENDATIONS
    purpose: str  # urgent | screening | confirmation | marrow | osteoblastic | direct |
    #               reassurance | biopsy | none
    modality: str | None  # the suggested study (None: no study)
    region: str | None
    alternatives: tuple[str, ...]
    text: str
    text_zh: str
    rules: tuple[str, ...]  # the rules behind it
    evidence: tuple[str, ...]  # evidence labels, strongest first
    source: str


def _rec(key: str, modality: str | None, region: str | None, rules: tuple[str, ...],
         **fmt: str) -> Recommendation:
    t = RECOMMENDATIONS[key]
    values = {"region": region or "", **fmt}
    return Recommendation(key, t.purpose, modality, region, t.alternatives,
                          t.text.format(**values), t.text_zh.format(**values), rules,
                          t.evidence, t.source)


def _open_scan_region(f: Finding) -> str:
    return f.data["scans"][0]["region"]


def recommend(e: WorkupEntries, a: Assessment) -> Recommendation:
    """The next step of the imaging plan, from the rules that fire on the pending case."""
    fired = {f.rule: f for f in a.findings}
    status = a.status.bone_metastasis
    site = e.pain_site.strip() or None
    if "WU-MSCC" in fired:
        return _rec("urgent_mri", "mri", "whole spine", ("WU-MSCC",))
    if status == "confirmed":
        return _rec("none_confirmed", None, None, (), basis=a.status.basis)
    if "WU-MRI-BLASTIC" in fired:
        region = fired["WU-MRI-BLASTIC"].data["pairs"][0]["study"]["region"]
        return _rec("blastic", "ct", region, ("WU-MRI-BLASTIC",))
    if "WU-SCAN-CONFIRM" in fired:
        f = fired["WU-SCAN-CONFIRM"]
        region = _open_scan_region(f)
        if f.data["scans"][0].get("pattern") == "osteoblastic":
            return _rec("confirm_blastic", "ct", region, ("WU-SCAN-CONFIRM",))
        return _rec("confirm", "mri", region, ("WU-SCAN-CONFIRM",))
    if status == "not_found" and "WU-SCAN-DISCORDANT" in fired:
        pair = fired["WU-SCAN-DISCORDANT"].data["pairs"][0]
        return _rec("reassured", "pet_ct", "whole body", ("WU-SCAN-DISCORDANT",),
                    scan_region=pair["bone_scan"]["region"])
    if "WU-BIOPSY-INCONCLUSIVE" in fired:
        region = fired["WU-BIOPSY-INCONCLUSIVE"].data["regions"][0]["region"]
        return _rec("biopsy", None, region, ("WU-BIOPSY-INCONCLUSIVE",))
    if status == "suspected":
        region = a.status.item.region if isinstance(a.status.item, C.Imaging) else None
        return _rec("direct", "pet_ct", "whole body", (), suspect_region=region or "?")
    if "WU-PAIN-FIXED" in fired:
        region = fired["WU-PAIN-FIXED"].data["symptoms"][0].get("site") or site
        return _rec("marrow", "mri", region, ("WU-PAIN-FIXED",))
    markers = tuple(r for r in ("WU-ALP-RISE", "WU-CTX-RISE") if r in fired)
    if markers:
        if site:
            return _rec("biomarker_site", "mri", site, markers)
        return _rec("biomarker", "pet_ct", "whole body", markers)
    if status == "not_found":
        return _rec("not_found", None, None, (), basis=a.status.basis)
    if "WU-HIGH-RISK" in fired:
        factors = "; ".join(fired["WU-HIGH-RISK"].data["factors"])
        return _rec("screen", "bone_scan", "whole body", ("WU-HIGH-RISK",), factors=factors)
    if "WU-PAIN-MIGRATORY" in fired:
        return _rec("migratory", None, None, ("WU-PAIN-MIGRATORY",))
    return _rec("none", None, None, ())


def modality_name(code: str, zh: bool = False) -> str:
    return (MODALITY_NAMES_ZH if zh else MODALITY_NAMES).get(code, code)


# ---------------------------------------------------------------- biopsy and conclusion


def biopsy_findings(a: Assessment) -> list[Finding]:
    """The findings that call for a biopsy decision (inconclusive imaging, solitary lesion)."""
    return [f for f in a.findings if f.rule in BIOPSY_RULES]


@dataclass(frozen=True)
class Step:
    group: str  # urgent | imaging | biopsy | bone_drug | local_therapy | mdt | info
    severity: str
    text: str
    text_zh: str
    rules: tuple[str, ...]
    evidence: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Conclusion:
    status: str
    basis: str
    basis_zh: str
    steps: tuple[Step, ...]
    mdt_question: str  # suggested question ("" = no MDT referral suggested)
    mdt_question_zh: str


def _group(rule: str) -> str | None:
    for prefix, group in STEP_GROUPS:
        if rule == prefix or (prefix.endswith("-") and rule.startswith(prefix)):
            return group
    return None


def _mdt_question(a: Assessment, fired: dict[str, Finding]) -> tuple[str, str]:
    parts: list[tuple[str, str]] = []
    status = a.status.bone_metastasis
    for key in ("WU-MSCC", "WU-BIOPSY-SOLITARY", "WU-BIOPSY-INCONCLUSIVE", "LOC-OLIGO"):
        if key in fired:
            parts.append(MDT_QUESTIONS[key])
    if status == "confirmed":
        parts.insert(0, MDT_QUESTIONS["confirmed"])
    if not parts:
        return "", ""
    basis = a.status.basis
    return (" ".join(p[0] for p in parts).format(basis=basis),
            "".join(p[1] for p in parts).format(basis=a.status.basis_zh))


def conclude(e: WorkupEntries, a: Assessment, rec: Recommendation | None = None
             ) -> Conclusion:
    """The status with its basis and the next steps drawn from the rules (plus the wizard's
    next study when no rule already says it, e.g. PET-CT for a direct diagnosis)."""
    fired = {f.rule: f for f in a.findings}
    steps: list[Step] = []
    if rec is not None and rec.modality is not None and not rec.rules:
        steps.append(Step("imaging", "info", rec.text, rec.text_zh, (), rec.evidence,
                          rec.source))
    for f in a.findings:
        group = _group(f.rule)
        if group is None:
            continue
        steps.append(Step(group, f.severity, f.message, f.message_zh, (f.rule,),
                          tuple(f.evidence), f.source))
    q, q_zh = _mdt_question(a, fired)
    if q:
        t = RECOMMENDATIONS["mdt_step"]
        steps.append(Step("mdt", "info", t.text.format(question=q),
                          t.text_zh.format(question=q_zh), (), t.evidence, t.source))
    return Conclusion(a.status.bone_metastasis, a.status.basis, a.status.basis_zh,
                      tuple(steps), q, q_zh)


# ---------------------------------------------------------------- all at once


@dataclass(frozen=True)
class WorkupAnalysis:
    case: C.Case
    assessment: Assessment
    recommendation: Recommendation
    biomarkers: dict[str, BiomarkerVerdict] = field(default_factory=dict)
    biopsy: tuple[Finding, ...] = ()
    conclusion: Conclusion | None = None

    @property
    def status(self) -> str:
        return self.assessment.status.bone_metastasis

    @property
    def high_risk_factors(self) -> tuple[str, ...]:
        f = _finding(self.assessment, "WU-HIGH-RISK")
        return () if f is None else tuple(f.data["factors"])

    @property
    def urgent(self) -> bool:
        return _finding(self.assessment, "WU-MSCC") is not None


def analyse(base: C.Case, e: WorkupEntries, as_of: date | None = None,
            params: Params = DEFAULTS) -> WorkupAnalysis:
    """Everything the wizard shows for the chart ``base`` plus the entries ``e``."""
    day = as_of or e.visit_date
    case = pending_case(base, e)
    a = assess(case, day, params)
    verdicts = {k: biomarker_verdict(case, a, k, day, params) for k in BIOMARKER_RULES}
    rec = recommend(e, a)
    return WorkupAnalysis(case, a, rec, verdicts, tuple(biopsy_findings(a)), conclude(e, a, rec))
