"""A readable plain-text summary of an assessment for a clinician (``bonemet assess --format
text``), in English or Chinese.

Layout: header (MRN, as-of, rules version, non-default parameters), status with its basis,
findings (most severe first, each with its why and its basis), derived values, scores, and the
decision-support reminder.
"""

from __future__ import annotations

import textwrap
from typing import Any

from app.domain.assess import Assessment
from app.domain.case import Case
from app.domain.status import STATUS_ZH

WIDTH = 100
_SEV_ZH = {"critical": "危急", "warning": "警告", "info": "提示"}


def _t(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=True, break_on_hyphens=False) or [indent]


def _v(value: Any, suffix: str = "") -> str:
    return "—" if value is None else f"{value}{suffix}"


def _derived_lines(a: Assessment, lang: str) -> list[str]:
    d = a.derived
    out = [_t(lang, "Derived values", "派生数值")]
    crcl = _t(lang, "CrCl", "肌酐清除率")
    line = f"  {crcl} {_v(d['crcl_ml_min'], ' mL/min')}"
    if d["crcl_date"]:
        line += _t(lang, f" (creatinine {d['crcl_date']})", f"（肌酐 {d['crcl_date']}）")
    if d["za_dose_mg"] is not None:
        line += _t(lang, f" → zoledronic acid {d['za_dose_mg']} mg",
                   f" → 唑来膦酸 {d['za_dose_mg']} mg")
    out.append(line)
    ca = f"  {_t(lang, 'Calcium', '血钙')} {_v(d['corrected_calcium_mmol_l'], ' mmol/L')}"
    if d["calcium_date"]:
        corr = d["calcium_albumin_corrected"]
        ca += _t(lang, f" ({d['calcium_date']}, {'albumin-corrected' if corr else 'uncorrected'})",
                 f"（{d['calcium_date']}，{'白蛋白校正' if corr else '未校正'}）")
    out.append(ca)
    out.append(f"  {_t(lang, 'Ionised calcium', '离子钙')} "
               f"{_v(d['ionised_calcium_mmol_l'], ' mmol/L')}")
    den = d["denosumab"]
    if den is not None:
        parts = [_t(lang, f"last dose {den['last_dose']}", f"末次给药 {den['last_dose']}")]
        if den["stopped"]:
            parts.append(_t(lang, "stopped" + (" (recorded)" if den["stop_recorded"] else
                                               " (unrecorded)"),
                            "已停药" + ("（已记录）" if den["stop_recorded"] else "（未记录）")))
            if den["peak_window"]:
                parts.append(_t(lang, "peak window ", "高峰窗口 ")
                             + " – ".join(den["peak_window"]))
            parts.append(_t(lang, f"window end {den['window_end']}",
                            f"窗口结束 {den['window_end']}"))
            if den["checks_due"]:
                parts.append(_t(lang, "checks due ", "待做检查 ") + ", ".join(den["checks_due"]))
        parts.append(_t(lang, f"risk {den['risk_level']}", f"风险 {den['risk_level']}"))
        if den["nadir_ng_ml"] is not None:
            parts.append(_t(lang, f"nadir {den['nadir_ng_ml']} ng/mL",
                            f"最低值 {den['nadir_ng_ml']} ng/mL"))
        out.extend(_wrap(_t(lang, "Denosumab: ", "地舒单抗：") + "; ".join(parts), "  "))
    missing = d["missing_inputs"]
    if missing:
        text = "; ".join(f"{m['input']} ({', '.join(m['rules']) or 'CrCl'})" for m in missing)
    else:
        text = _t(lang, "none", "无")
    out.extend(_wrap(_t(lang, "Missing inputs: ", "缺少的数据：") + text, "  "))
    return out


def _score(name: str, s: dict[str, Any], lang: str) -> str:
    if s["value"] is None:
        return f"{name} — ({_t(lang, 'missing', '缺少')} {', '.join(s['missing'])})"
    return f"{name} {s['value']} ({s['band']})"


def _score_lines(a: Assessment, lang: str) -> list[str]:
    sc = a.scores
    out = [_t(lang, "Scores", "评分")]
    for le in sc["lesions"]:
        parts = []
        if le["sins"] is not None:
            parts.append(f"SINS {le['sins']} {le['sins_band']}")
        if le["mirels"] is not None:
            parts.append(f"Mirels {le['mirels']} {le['mirels_band']}")
        if le["escc"] is not None:
            parts.append(f"ESCC {le['escc']}")
        if le["missing"]:
            parts.append(_t(lang, "missing ", "缺少 ") + ", ".join(le["missing"]))
        out.append(f"  {le['region']} ({le['bone']}): " + ("; ".join(parts) or "—"))
    out.extend(_wrap("; ".join([
        _score("Tokuhashi", sc["tokuhashi"], lang), _score("Tomita", sc["tomita"], lang),
        _score("Katagiri", sc["katagiri"], lang)]), "  "))
    return out


def format_text(case: Case, a: Assessment, lang: str = "en") -> str:
    """The assessment as text (``lang`` 'en' or 'zh')."""
    lines = [
        _t(lang, f"BoneMet assessment — MRN {case.patient.mrn} — as of {a.as_of.isoformat()} "
                 f"({a.rules_version})",
           f"骨转移评估 — 病历号 {case.patient.mrn} — 评估日期 {a.as_of.isoformat()}"
           f"（{a.rules_version}）"),
    ]
    changed = a.params.non_defaults()
    if changed:
        lines.append(_t(lang, "Site parameters: ", "本院参数：")
                     + ", ".join(f"{k}={v}" for k, v in changed.items()))
    status = a.status.bone_metastasis
    lines.append(_t(lang, f"Bone metastasis: {status.upper()} — {a.status.basis}",
                    f"骨转移状态：{STATUS_ZH[status]} — {a.status.basis_zh}"))
    lines.append("")
    counts = {s: sum(1 for f in a.findings if f.severity == s)
              for s in ("critical", "warning", "info")}
    lines.append(_t(lang, f"Findings ({len(a.findings)}): {counts['critical']} critical, "
                          f"{counts['warning']} warning, {counts['info']} info",
                    f"提示（{len(a.findings)}）：危急 {counts['critical']}，警告 "
                    f"{counts['warning']}，提示 {counts['info']}"))
    if not a.findings:
        lines.append(_t(lang, "  no rule fired", "  无规则触发"))
    for f in a.findings:
        sev = f.severity.upper() if lang != "zh" else _SEV_ZH[f.severity]
        lines.append(f"  [{sev}] {f.rule}")
        lines.extend(_wrap(f.message_zh if lang == "zh" else f.message, "      "))
        lines.extend(_wrap(_t(lang, "Basis: ", "依据：") + f"{', '.join(f.evidence)} — "
                           f"{f.source}", "      "))
    lines.append("")
    lines.extend(_derived_lines(a, lang))
    lines.append("")
    lines.extend(_score_lines(a, lang))
    lines.append("")
    lines.append(_t(lang, "Decision support, not decisions: check each finding against the "
                          "patient.", "仅为决策支持，不替代临床决策：请结合患者情况核对每条提示。"))
    return "\n".join(lines) + "\n"
