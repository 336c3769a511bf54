"""Demo MDT meetings: the next Thursday meeting after the reference date (open questions) and
the one a fortnight before it (questions with recorded decisions).

Cases are picked from the generated patients whose records raise a real MDT question
(high-grade epidural compression, an impending long-bone fracture, a denosumab stop with
rebound risk, an extraction planned during denosumab, oligometastatic disease, renal
impairment on zoledronic acid, inconclusive imaging); the question is written in the
patient's preferred language (Chinese or English). Questions name sites and drugs, never
the patient.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.case import Case
from app.domain.names import region_text
from app.domain.why_texts import WORDS
from app.services.demo.generator import DemoPatient

THURSDAY = 3


@dataclass
class DemoMdtCase:
    mrn: str
    question: str
    decision: str | None = None


DEMO_PLACE = "Oncology building, meeting room 3 / 肿瘤楼3号会议室"
DEMO_CHAIR = "Dr Li Wei (thoracic oncology) / 李伟"
DEMO_ATTENDEES = ("Radiation oncology, orthopaedic spine surgery, radiology, nuclear medicine, "
                  "oral surgery, oncology nursing / "
                  "放疗科、脊柱外科、影像科、核医学科、口腔外科、肿瘤专科护理")


@dataclass
class DemoMeeting:
    meeting_date: date
    title: str
    cases: list[DemoMdtCase] = field(default_factory=list)
    start_time: str = "14:00"
    place: str = DEMO_PLACE
    chair: str = DEMO_CHAIR
    attendees: str = DEMO_ATTENDEES


def next_thursday(after: date) -> date:
    """The first Thursday strictly after ``after``."""
    return after + timedelta(days=(THURSDAY - after.weekday() - 1) % 7 + 1)


# (question en, question zh, decision en, decision zh); {r} = the region concerned
_Q = dict[str, tuple[str, str, str, str]]
QUESTIONS: _Q = {
    "escc": ("{r}: high-grade epidural compression (ESCC {g}). Decompressive surgery before "
             "radiotherapy, or SBRT alone?",
             "{r} 高级别硬膜外脊髓压迫（ESCC {g}级）：先行减压手术再放疗，还是单纯SBRT？",
             "Surgical decompression and stabilisation this week, then radiotherapy.",
             "本周行减压固定术，术后放疗。"),
    "mirels": ("{r}: lytic lesion, functional pain. Prophylactic fixation before radiotherapy?",
               "{r} 溶骨性病灶伴功能性疼痛：放疗前是否行预防性内固定？",
               "Refer to orthopaedics for prophylactic nailing; radiotherapy 8 Gy afterwards.",
               "转骨科行预防性髓内钉固定，术后单次8 Gy放疗。"),
    "den_stop": ("Denosumab stopped ({why}). Resume denosumab, or cover the rebound window "
                 "with zoledronic acid?",
                 "地舒单抗已停用（{why}）：恢复地舒单抗，还是改用唑来膦酸覆盖反跳窗口期？",
                 "Resume denosumab 120 mg q4w; fasting CTX and calcium in 4 weeks.",
                 "恢复地舒单抗120 mg每4周；4周后复查空腹CTX及血钙。"),
    "extraction": ("Tooth extraction planned during denosumab. How long to hold, and when to "
                   "resume?",
                   "地舒单抗治疗期间计划拔牙：需停药多久，何时恢复用药？",
                   "Dentist and oncologist agree: conservative dental treatment first; no hold.",
                   "口腔科与肿瘤科共同决定：先行保守治疗，暂不停药。"),
    "oligo": ("Oligometastatic disease ({r}). Radical SBRT to the bone lesion(s)?",
              "寡转移（{r}）：是否对骨病灶行根治性SBRT？",
              "SBRT 24 Gy in 2 fractions; PET-CT and brain MRI first.",
              "先行PET-CT及头颅MRI，随后SBRT 24 Gy/2次。"),
    "renal": ("Creatinine clearance falling on zoledronic acid. Switch to denosumab?",
              "唑来膦酸治疗中肌酐清除率下降：是否改用地舒单抗？",
              "Stop zoledronic acid; start denosumab with weekly calcium for the first month.",
              "停用唑来膦酸，改用地舒单抗，首月每周监测血钙。"),
    "inconclusive": ("{r}: bone scan positive, MRI equivocal. Biopsy, or PET-CT first?",
                     "{r} 骨扫描阳性、MRI不确定：先行骨活检还是PET-CT？",
                     "PET-CT first; CT-guided biopsy if still inconclusive.",
                     "先行PET-CT，仍不能确定则CT引导下活检。"),
    "sins": ("{r}: SINS in the indeterminate range with collapse. Vertebroplasty or surgical "
             "stabilisation?",
             "{r} SINS评分处于潜在不稳定范围并伴压缩：椎体成形术还是手术固定？",
             "Kyphoplasty, followed by radiotherapy 20 Gy in 5 fractions.",
             "行椎体后凸成形术，术后放疗20 Gy/5次。"),
}


def _features(case: Case, treatment: str | None, workup: str) -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = []
    for les in case.lesions:
        if les.escc in ("2", "3"):
            out.append(("escc", {"r": les.region, "g": les.escc}))
        if les.limb and les.pain == "functional" and les.pattern == "osteolytic":
            out.append(("mirels", {"r": les.region}))
        if les.bone == "vertebra" and les.collapse in ("lt50", "gt50") and les.escc in (
                "0", "1a", "1b"):
            out.append(("sins", {"r": les.region}))
    if treatment in ("den_stopped", "den_unrecorded_stop"):
        reason = case.bma.stops[-1].reason if case.bma.stops else None
        if reason != "osteonecrosis of the jaw":  # no question of simply resuming then
            out.append(("den_stop", {"why": reason or "no reason recorded"}))
    if any(p.planned and p.kind == "extraction" for p in case.dental.procedures) and any(
            a.drug == "denosumab" for a in case.bma.administrations):
        out.append(("extraction", {}))
    if treatment == "za_unsafe":
        out.append(("renal", {}))
    if workup == "inconclusive" and case.imaging:
        out.append(("inconclusive", {"r": case.imaging[-1].region}))
    visceral = case.cancer.visceral_metastases
    if 1 <= len(case.lesions) <= 2 and visceral is not None and len(visceral) <= 1:
        out.append(("oligo", {"r": ", ".join(les.region for les in case.lesions)}))
    return out


PRIORITY = ("escc", "mirels", "renal", "den_stop", "extraction", "inconclusive", "sins",
            "oligo")
def _item(rng: random.Random, p: DemoPatient, decided: bool, used: dict[str, int]
          ) -> DemoMdtCase | None:
    feats = [f for f in _features(p.case, p.treatment, p.workup) if used.get(f[0], 0) < 2]
    if not feats:
        return None
    feats.sort(key=lambda f: PRIORITY.index(f[0]))
    key, values = rng.choice(feats[:2])
    used[key] = used.get(key, 0) + 1
    en, zh, dec_en, dec_zh = QUESTIONS[key]
    if p.language == "zh":
        values = dict(values)
        if "r" in values:
            values["r"] = "、".join(region_text(r, "zh") for r in values["r"].split(", "))
        if values.get("why") in WORDS:
            values["why"] = WORDS[values["why"]][1]
        return DemoMdtCase(p.mrn, zh.format_map(_Default(values)), dec_zh if decided else None)
    return DemoMdtCase(p.mrn, en.format_map(_Default(values)), dec_en if decided else None)


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def generate_mdt_meetings(patients: Sequence[DemoPatient], seed: int, reference_date: date
                          ) -> list[DemoMeeting]:
    """The past meeting (with decisions) and the upcoming one (questions only)."""
    rng = random.Random(f"bonemet-demo-mdt/{seed}")
    upcoming = next_thursday(reference_date)
    past = upcoming - timedelta(days=14)
    order = list(patients)
    rng.shuffle(order)
    meetings = [
        DemoMeeting(past, "Thoracic oncology MDT — bone metastases / 胸部肿瘤MDT（骨转移）"),
        DemoMeeting(upcoming, "Thoracic oncology MDT — bone metastases / 胸部肿瘤MDT（骨转移）"),
    ]
    wanted = [rng.randint(6, 8), rng.randint(6, 10)]
    used: list[dict[str, int]] = [{}, {}]
    for p in order:
        for k, (meeting, want) in enumerate(zip(meetings, wanted, strict=True)):
            if len(meeting.cases) < want:
                item = _item(rng, p, k == 0, used[k])
                if item is not None:
                    meeting.cases.append(item)
                break
        if all(len(m.cases) >= w for m, w in zip(meetings, wanted, strict=True)):
            break
    return meetings
