"""The oncology history in words (issue 20 item 8), English and Chinese: one catalogue for the
chart (timeline rows, the history tab's overview), the MDT case summary and the pack.

:data:`HISTORY_WORDS` names the codes (RECIST responses, reasons for stop, smoking status,
course milestones, oral hygiene, WHO analgesic steps); :data:`HISTORY_TEXTS` holds the
sentence templates ``key: (English, Chinese)`` with ``{placeholders}`` (the same in both
languages: tests/domain/test_oncology_text.py). Drug names of a therapy line are shown as the
clinician typed them. Pure functions of domain records; no Qt.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain import case as C
from app.domain.names import is_zh, pick

HISTORY_WORDS: dict[str, tuple[str, str]] = {
    # RECIST 1.1 best overall response
    "CR": ("complete response (CR)", "完全缓解（CR）"),
    "PR": ("partial response (PR)", "部分缓解（PR）"),
    "SD": ("stable disease (SD)", "疾病稳定（SD）"),
    "PD": ("progressive disease (PD)", "疾病进展（PD）"),
    "NE": ("not evaluable (NE)", "不可评价（NE）"),
    # reason for stop
    "progression": ("progression", "进展"), "toxicity": ("toxicity", "毒性"),
    "completed": ("completed as planned", "按计划完成"),
    "patient_choice": ("patient's choice", "患者意愿"), "other": ("other", "其他"),
    # smoking
    "never": ("never smoker", "从不吸烟"), "former": ("former smoker", "既往吸烟"),
    "current": ("current smoker", "目前吸烟"),
    # course milestones
    "diagnosis": ("diagnosis", "确诊"), "recurrence": ("recurrence", "复发"),
    "restaging": ("restaging", "再分期"),
    # oral hygiene
    "good": ("good", "良好"), "fair": ("fair", "一般"), "poor": ("poor", "差"),
    # WHO analgesic ladder
    "step1": ("WHO step 1 (non-opioid)", "WHO第1阶梯（非阿片类）"),
    "step2": ("WHO step 2 (weak opioid)", "WHO第2阶梯（弱阿片类）"),
    "step3": ("WHO step 3 (strong opioid)", "WHO第3阶梯（强阿片类）"),
}
# "progression" is both a reason for stop and a course milestone: one word serves both.

HISTORY_TEXTS: dict[str, tuple[str, str]] = {
    "line": ("Line {n}: {drugs}", "第{n}线：{drugs}"),
    "since": ("since {start}", "{start}起"),
    "period": ("{start} → {stop}", "{start} → {stop}"),
    "stopped_for": ("stopped: {reason}", "停药原因：{reason}"),
    "best": ("best response {response}", "最佳疗效 {response}"),
    "pdl1_tps": ("TPS {v}%", "TPS {v}%"),
    "pdl1_cps": ("CPS {v}", "CPS {v}"),
    "pdl1": ("PD-L1 {values}", "PD-L1 {values}"),
    "assay": ("assay {assay}", "检测抗体 {assay}"),
    "pack_years": ("{n} pack-years", "{n}包年"),
    "course_stage": ("{kind}, stage {stage}", "{kind}，分期 {stage}"),
    "nrs": ("pain NRS {n}/10", "疼痛评分 NRS {n}/10"),
    "exam": ("Dental exam", "口腔检查"),
    "hygiene": ("oral hygiene {v}", "口腔卫生{v}"),
    "infection_yes": ("infection", "有感染"), "infection_no": ("no infection", "无感染"),
    "extraction_yes": ("extraction needed", "需拔牙"),
    "extraction_no": ("no extraction needed", "无需拔牙"),
    "first_seen": ("first seen {date}", "首次发现 {date}"),
    "size_mm": ("{n} mm", "{n} mm"),
    # MDT summary rows
    "row_diagnosis": ("Diagnosed", "确诊日期"),
    "row_recurrence": ("Recurrence / progression", "复发 / 进展"),
    "row_stages": ("Stage history", "分期变化"),
    "row_smoking": ("Smoking", "吸烟史"),
    "row_pain": ("Latest pain score", "最近疼痛评分"),
    "on_date": ("{text} ({date})", "{text}（{date}）"),
}


def word(code: str | None, lang: str) -> str:
    if code is None:
        return "—"
    pair = HISTORY_WORDS.get(code)
    return pick(pair, lang) if pair else code


def say(key: str, lang: str, **values: Any) -> str:
    return pick(HISTORY_TEXTS[key], lang).format(**values)


def _sep(lang: str) -> str:
    return "；" if is_zh(lang) else "; "


def _num(v: float) -> str:
    return f"{v:g}"


def _d(d: date) -> str:
    return d.isoformat()


def therapy_line_text(t: C.TherapyLine, lang: str) -> str:
    """``Line 2: osimertinib; 2021-05-20 → 2024-06-01; stopped: progression; best response
    stable disease (SD)``."""
    comma = "、" if is_zh(lang) else ", "
    parts = [say("line", lang, n=t.line, drugs=comma.join(t.drugs))]
    parts.append(say("period", lang, start=_d(t.start), stop=_d(t.stop)) if t.stop
                 else say("since", lang, start=_d(t.start)))
    if t.stop_reason:
        parts.append(say("stopped_for", lang, reason=word(t.stop_reason, lang)))
    if t.best_response:
        parts.append(say("best", lang, response=word(t.best_response, lang)))
    if t.note:
        parts.append(t.note)
    return _sep(lang).join(parts)


def pdl1_text(x: C.Pdl1, lang: str) -> str:
    values = [say("pdl1_tps", lang, v=_num(x.tps)) if x.tps is not None else None,
              say("pdl1_cps", lang, v=_num(x.cps)) if x.cps is not None else None]
    text = say("pdl1", lang, values=", ".join(v for v in values if v))
    return f"{text}{_sep(lang)}{say('assay', lang, assay=x.assay)}" if x.assay else text


def smoking_text(x: C.Smoking, lang: str) -> str:
    text = word(x.status, lang)
    if x.pack_years:
        text += _sep(lang) + say("pack_years", lang, n=_num(x.pack_years))
    return text


def course_text(x: C.CourseEntry, lang: str) -> str:
    kind = word(x.kind, lang)
    text = say("course_stage", lang, kind=kind, stage=x.stage) if x.stage else kind
    return text[:1].upper() + text[1:]


def pain_text(s: C.Symptom, lang: str) -> str:
    """``pain NRS 7/10; WHO step 2 (weak opioid)`` ('' when neither is recorded)."""
    parts = []
    if s.nrs is not None:
        parts.append(say("nrs", lang, n=s.nrs))
    if s.analgesic_step is not None:
        parts.append(word(f"step{s.analgesic_step}", lang))
    return _sep(lang).join(parts)


def dental_findings_text(e: C.DentalExam, lang: str) -> str:
    """The findings of a dental exam ('' when none were recorded)."""
    parts = []
    if e.oral_hygiene:
        parts.append(say("hygiene", lang, v=word(e.oral_hygiene, lang)))
    if e.infection is not None:
        parts.append(say("infection_yes" if e.infection else "infection_no", lang))
    if e.extraction_needed is not None:
        parts.append(say("extraction_yes" if e.extraction_needed else "extraction_no", lang))
    return _sep(lang).join(parts)


def lesion_extra_text(le: C.Lesion, lang: str) -> str:
    """A lesion's size and first-seen date ('' when neither is recorded)."""
    parts = []
    if le.size_mm is not None:
        parts.append(say("size_mm", lang, n=_num(le.size_mm)))
    if le.first_seen is not None:
        parts.append(say("first_seen", lang, date=_d(le.first_seen)))
    return _sep(lang).join(parts)


def history_rows(case: C.Case, as_of: date, lang: str) -> list[tuple[str, str]]:
    """The MDT summary's history rows (label, text), from records dated by ``as_of``:
    diagnosis, recurrences/progressions, stage history, smoking (latest), pain (latest)."""
    course = sorted((c for c in case.disease_course if c.date <= as_of), key=lambda c: c.date)
    rows: list[tuple[str, str]] = []
    dx = [c for c in course if c.kind == "diagnosis"]
    if dx:
        rows.append((say("row_diagnosis", lang), _d(dx[0].date)))
    later = [c for c in course if c.kind in ("recurrence", "progression")]
    if later:
        rows.append((say("row_recurrence", lang), ", ".join(
            say("on_date", lang, text=word(c.kind, lang), date=_d(c.date)) for c in later)))
    staged = [c for c in course if c.stage]
    if staged:
        rows.append((say("row_stages", lang), " → ".join(
            say("on_date", lang, text=c.stage, date=_d(c.date)) for c in staged)))
    smoking = sorted((s for s in case.smoking if s.date <= as_of), key=lambda s: s.date)
    if smoking:
        rows.append((say("row_smoking", lang), say(
            "on_date", lang, text=smoking_text(smoking[-1], lang), date=_d(smoking[-1].date))))
    pains = sorted((s for s in case.symptoms if s.date <= as_of and pain_text(s, lang)),
                   key=lambda s: s.date)
    if pains:
        rows.append((say("row_pain", lang), say(
            "on_date", lang, text=pain_text(pains[-1], lang), date=_d(pains[-1].date))))
    return rows


def latest_pdl1(case: C.Case, as_of: date, lang: str) -> str | None:
    """The latest PD-L1 result by ``as_of`` with its date, or None."""
    found = sorted((x for x in case.pdl1 if x.date <= as_of), key=lambda x: x.date)
    if not found:
        return None
    return say("on_date", lang, text=pdl1_text(found[-1], lang), date=_d(found[-1].date))


def therapy_lines(case: C.Case, as_of: date, lang: str) -> list[str]:
    """One text per therapy line started by ``as_of``, in line order."""
    lines = sorted((t for t in case.therapy_lines if t.start <= as_of),
                   key=lambda t: (t.line, t.start))
    return [therapy_line_text(t, lang) for t in lines]
