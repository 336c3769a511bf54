"""Labels of the MDT case summary and pack, in English and Chinese (clinician wording).

Pairs ``(en, zh)`` under a key, as in :mod:`app.domain.careplan_text`; :func:`tr` picks the
language and fills ``{placeholders}``. Values the rules produce in English only (the
status basis, the source of a finding) are printed as they are.
"""

from __future__ import annotations

from app.domain.careplan_text import BONES, DRUGS, HISTOLOGIES, pick
from app.domain.names import BAND_NAMES

LABELS: dict[str, tuple[str, str]] = {
    # identity and tumour
    "mrn": ("MRN", "病历号"), "sex": ("Sex", "性别"), "age": ("Age", "年龄"),
    "age_value": ("{n} y", "{n}岁"), "weight": ("Weight", "体重"),
    "osteoporosis": ("Osteoporosis", "骨质疏松"), "histology": ("Histology", "病理类型"),
    "stage": ("Stage (AJCC 8)", "分期（AJCC第8版）"), "drivers": ("Drivers", "驱动基因"),
    "visceral": ("Visceral metastases", "内脏转移"),
    "therapies": ("Targeted therapy / immunotherapy / prior chemotherapy",
                  "靶向治疗 / 免疫治疗 / 既往化疗"),
    "performance": ("ECOG / KPS / Frankel", "ECOG / KPS / Frankel"),
    "yes": ("yes", "是"), "no": ("no", "否"), "unknown": ("unknown", "未知"),
    "none": ("none", "无"), "none_found": ("none found", "未发现"),
    "not_staged": ("not staged", "未评估"),
    "female": ("female", "女"), "male": ("male", "男"), "other": ("other", "其他"),
    # status
    "status": ("Status", "状态"), "basis": ("Basis", "依据"),
    "confirmed": ("confirmed", "确诊"), "suspected": ("suspected", "疑似"),
    "not_found": ("not found", "未发现"),
    # derived
    "crcl": ("CrCl (Cockcroft–Gault)", "肌酐清除率（Cockcroft–Gault）"),
    "za_dose": ("Zoledronic acid dose for this CrCl", "该肌酐清除率下唑来膦酸剂量"),
    "calcium": ("Calcium", "血钙"), "ionised": ("Ionised calcium", "离子钙"),
    "corrected": ("albumin-corrected", "白蛋白校正"), "uncorrected": ("uncorrected", "未校正"),
    "denosumab": ("Denosumab", "地舒单抗"),
    "den_last": ("last dose {date}", "末次给药 {date}"),
    "den_stopped": ("stopped", "已停药"), "den_ongoing": ("ongoing", "用药中"),
    "den_unrecorded": (" (unrecorded stop)", "（未记录的停药）"),
    "den_window": ("rebound risk {risk}; peak window {start} – {end}; window end {end2}",
                   "反跳风险 {risk}；高峰窗口 {start} – {end}；监测截止 {end2}"),
    "den_checks": ("checks due {dates}", "待复查 {dates}"),
    "den_nadir": ("CTX nadir {v} ng/mL", "CTX最低值 {v} ng/mL"),
    "elevated": ("elevated", "较高"),
    # scores
    "tokuhashi": ("Revised Tokuhashi (0–15)", "修订Tokuhashi评分（0–15）"),
    "tomita": ("Tomita (2–10)", "Tomita评分（2–10）"),
    "katagiri": ("New Katagiri (0–10)", "新Katagiri评分（0–10）"),
    "not_computable": ("not computable", "无法计算"),
    **BAND_NAMES,  # score bands: the one bilingual catalogue's
    # doses
    "no_creatinine": ("no creatinine within {n} days before", "给药前{n}天内无肌酐结果"),
    "crcl_missing": ("CrCl not computable (missing {what})", "无法计算肌酐清除率（缺少{what}）"),
    "crcl_below_30": ("CrCl {c}: below 30, not recommended", "肌酐清除率 {c}：低于30，不推荐"),
    "crcl_below_10": ("CrCl {c}: below 10, contraindicated", "肌酐清除率 {c}：低于10，禁用"),
    "crcl_exceeds": ("CrCl {c} → {d} mg: EXCEEDS renal adjustment",
                     "肌酐清除率 {c} → {d} mg：超过肾功能调整剂量"),
    "crcl_adjusted": ("CrCl {c} → renally adjusted {d} mg", "肌酐清除率 {c} → 肾功能调整 {d} mg"),
    "crcl_full": ("CrCl {c}: full dose", "肌酐清除率 {c}：全量"),
    # lesion patterns, severities, events
    "osteolytic": ("osteolytic", "溶骨性"), "osteoblastic": ("osteoblastic", "成骨性"),
    "mixed": ("mixed", "混合型"), "vertebra": ("vertebra", "椎体"),
    "critical": ("critical", "危急"), "warning": ("warning", "警告"), "info": ("info", "提示"),
    "pathological_fracture": ("pathological fracture", "病理性骨折"),
    "fracture": ("fracture", "骨折"),
    "spinal_cord_compression": ("spinal cord compression", "脊髓压迫"),
    "radiotherapy": ("radiotherapy", "放疗"), "surgery_to_bone": ("surgery to bone", "骨科手术"),
    "vertebroplasty": ("vertebroplasty", "椎体成形术"),
    "hypercalcaemia": ("hypercalcaemia", "高钙血症"), "onj": ("osteonecrosis of the jaw",
                                                         "颌骨坏死"),
    # report headings and chrome
    "summary_title": ("MDT case summary", "MDT病例摘要"),
    "summary_as_of": ("MDT case summary as of {date}", "MDT病例摘要（截至{date}）"),
    "as_of": ("as of {date}", "截至{date}"),
    "no_name": ("(no name)", "（无姓名）"),
    "question": ("Question for the MDT", "提交MDT讨论的问题"),
    "sec_patient": ("Patient and tumour", "患者与肿瘤"),
    "sec_bone": ("Bone metastasis", "骨转移"), "sec_derived": ("Derived values", "计算值"),
    "sec_lesions": ("Lesions", "病灶"), "sec_scores": ("Prognostic scores", "预后评分"),
    "sec_bma": ("Bone-modifying agents", "骨改良药物"), "sec_stops": ("Stops", "停药"),
    "sec_trend": ("ALP and CTX over time", "ALP与CTX变化趋势"),
    "sec_events": ("Skeletal events and local treatment", "骨相关事件与局部治疗"),
    "sec_findings": ("Active findings", "当前提示"),
    "decision": ("MDT decision", "MDT决定"),
    "recorded_by": ("Recorded by: ____________________    Date: ____________",
                    "记录人：____________________    日期：____________"),
    "missing_line": ("Missing inputs (rules not evaluated): {items}",
                     "缺少的数据（相关规则未评估）：{items}"),
    "intervals": ("Intervals: {items}", "用药间隔：{items}"),
    "every_days": ("{drug} every {n} days", "{drug} 每{n}天"),
    "col_region": ("Region", "部位"), "col_bone": ("Bone", "骨骼"), "col_pattern": ("Pattern",
                                                                            "类型"),
    "col_missing": ("Missing inputs", "缺少的数据"), "col_score": ("Score", "评分"),
    "col_value": ("Value", "结果"), "col_date": ("Date", "日期"), "col_drug": ("Drug", "药物"),
    "col_dose": ("Dose", "剂量"), "col_state": ("Status", "状态"),
    "col_note": ("Renal adjustment / note", "肾功能调整 / 备注"), "col_reason": ("Reason", "原因"),
    "col_event": ("Event", "事件"), "col_severity": ("Severity", "级别"),
    "col_rule": ("Rule", "规则"), "col_finding": ("Finding", "提示内容"),
    "col_evidence": ("Evidence", "证据"), "planned": ("planned", "计划"),
    "given": ("given", "已给药"), "done": ("done", "已完成"),
    "pack_title": ("MDT meeting — lung cancer bone metastases", "MDT会议 — 肺癌骨转移"),
    "pack_sub": ("Meeting date {date} · {n} case(s)", "会议日期 {date} · 共{n}例"),
    "col_no": ("#", "序号"), "col_patient": ("Patient", "患者"),
    "no_cases": ("No cases are listed for this meeting.", "本次会议尚未列入病例。"),
    "page": ("Page {n} of {total}", "第{n}页，共{total}页"),
    "printed": ("Confidential — printed {date}", "机密 — 打印日期 {date}"),
    # courses, labs, imaging, dental, cover (issue 11)
    "missing_lab": ("{name} (no recent result)", "{name}（近期无结果）"),
    "course_dose": ("{dose} mg every {n} days", "{dose} mg，每{n}天"),
    "course_observed": ("observed median interval {n} days", "实际中位间隔{n}天"),
    "course_span": ("{start} – {end}, {n} dose(s) given", "{start}至{end}，共给药{n}次"),
    "course_none_given": ("no dose given yet", "尚未给药"),
    "course_below": ("{n} dose(s) below the standard {std} mg (renal adjustment or other "
                     "product): {doses}",
                     "{n}次低于标准剂量{std} mg（肾功能调整或其他制剂）：{doses}"),
    "date_range": ("{start} – {end}", "{start}至{end}"),
    "course_stop": ("stopped {date}: {reason}", "{date}停药：{reason}"),
    "no_reason": ("no reason recorded", "未记录原因"),
    "course_running": ("ongoing", "用药中"),
    "course_lapsed": ("no dose for {n} days, no stop recorded", "已{n}天未给药，未记录停药"),
    "course_planned": ("planned {dates}", "计划给药 {dates}"),
    "sec_courses": ("Bone-drug courses", "骨改良药物疗程"),
    "no_bma": ("No bone drug recorded.", "无骨改良药物记录。"),
    "sec_imaging": ("Imaging and biopsies", "影像与活检"),
    "col_modality": ("Study", "检查"), "col_result": ("Result", "结果"),
    "col_detail": ("Pattern / bone destruction", "类型 / 骨破坏"),
    "biopsy": ("biopsy", "活检"), "bone_destruction": ("bone destruction", "骨破坏"),
    "no_imaging": ("No imaging or biopsy recorded.", "无影像或活检记录。"),
    "sec_labs": ("Kidney and calcium: latest results", "肾功能与血钙：最近结果"),
    "col_test": ("Test", "项目"), "col_age": ("Age of result", "距今"),
    "creatinine": ("Creatinine", "肌酐"),
    "days_old": ("{n} days", "{n}天"),
    "stale": ("STALE: older than {n} days", "已过期：超过{n}天"),
    "fresh": ("current (within {n} days)", "有效（{n}天内）"),
    "no_result": ("no result on record", "无结果记录"),
    "sec_dental": ("Jaw and dental", "颌骨与口腔"),
    "dental_exam": ("Last dental exam", "最近一次口腔检查"),
    "dental_procedures": ("Dental procedures", "牙科操作"),
    "onj_events": ("Osteonecrosis of the jaw", "颌骨坏死"),
    "none_recorded": ("none recorded", "无记录"),
    "col_why": ("Why (triggering data)", "触发数据"),
    "no_labs": ("No labs on record: there is no trend plot for this case.",
                "无化验记录：本病例无趋势图。"),
    "no_trend_points": ("No ALP, CTX, calcium or creatinine results on record: no trend plot.",
                        "无ALP、CTX、血钙或肌酐结果：无趋势图。"),
    "plot_failed": ("The trend plot could not be drawn; see the chart's Trends tab.",
                    "趋势图未能生成，请查看病历的趋势页。"),
    "not_recorded": ("not recorded", "未记录"), "pdl1": ("PD-L1", "PD-L1"),
    "sec_history": ("Oncology history and systemic therapy", "肿瘤病史与全身治疗"),
    "no_lines": ("No systemic-therapy line recorded.", "未记录全身治疗线。"),
    "systemic_lines": ("Lines of systemic therapy", "全身治疗线数"),
    "meeting_time": ("Time", "时间"), "place": ("Place", "地点"), "chair": ("Chair", "主持人"),
    "attendees": ("Attendees", "参会人员"),
    "col_critical": ("Critical", "危急"), "col_warnings": ("Warnings", "警告"),
    "cover_order": ("Cases in order of urgency: most critical findings first, then most "
                    "warnings.", "病例按紧急程度排序：危急提示多者在前，其次为警告提示多者。"),
    "case_no": ("Case {n} of {total}", "第{n}例，共{total}例"),
    "decided": ("Recorded by {who} on {when}", "记录人：{who}，记录时间：{when}"),
    "sec_trend_labs": ("ALP and CTX over time, with calcium and creatinine",
                       "ALP与CTX变化趋势（含血钙与肌酐）"),
}

EXTRA_BONES = {"vertebra": ("vertebra", "椎体"), "other": ("other", "其他")}


def tr(lang: str, key: str, **values: object) -> str:
    """The label ``key`` in ``lang`` (``en``/``zh``); unknown keys are returned as given."""
    pair = LABELS.get(key)
    text = key if pair is None else pick(pair, lang)
    return text.format(**values) if values else text


def value(lang: str, text: str | None) -> str:
    """A coded value (status, band, pattern, severity…) in ``lang``; unknown codes unchanged."""
    if text is None:
        return "—"
    return tr(lang, text) if text in LABELS else text


def drug(lang: str, key: str) -> str:
    return pick(DRUGS[key], lang) if key in DRUGS else key


def histology(lang: str, key: str | None) -> str:
    if key is None:
        return tr(lang, "unknown")
    if lang == "zh":
        return pick(HISTOLOGIES[key], lang) if key in HISTOLOGIES else key
    return {"squamous": "squamous cell carcinoma", "sclc": "small cell lung cancer",
            "large_cell": "large cell carcinoma", "nsclc_nos": "NSCLC, not otherwise specified"
            }.get(key, key)


def bone(lang: str, key: str) -> str:
    if lang == "en":
        return key
    table = EXTRA_BONES if key in EXTRA_BONES else BONES
    return pick(table[key], lang) if key in table else key
