"""A finding's "why" (its triggering data) as short human sentences, in English or Chinese.

:func:`why_text` turns ``Finding.data`` into phrases from :mod:`app.domain.why_texts` — one
handler per data-key family (a lab result, a dose, the creatinine behind a CrCl, the calcium
and its albumin correction, dates, events, lesions…). Keys that only repeat another key
(``ctx_ng_ml`` beside ``ctx``) are left out. Pure: the finding's data in, text out. The value
formatting lives in :mod:`app.domain.why_format`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from app.domain.bma_renal import BANDS
from app.domain.names import driver_text, drug_name, is_zh
from app.domain.units import ANALYTES
from app.domain.why_format import Ctx, creatinine, dose, event, item, items, lab, num
from app.domain.why_texts import WORDS

_SKIP = {
    "ctx_ng_ml", "nadir_ng_ml", "nadir_date", "date", "above_nadir_threshold", "planned",
    "dose_date", "dose_mg", "creatinine_mg_dl", "creatinine_date", "creatinine_umol_l",
    "calcium_date", "measured_mmol_l", "albumin_g_l", "albumin_date", "albumin_corrected",
    "lln_mmol_l", "threshold_mg_dl", "calcium", "vitamin_d", "stop_recorded", "bone_scan_date",
    "mri_date", "pain_dates", "visceral_lesions", "organs", "total", "bone_lesions",
    "on_bisphosphonate", "uln_ng_ml",
}


# --- handlers: one per data key (or key family); None = nothing worth saying -------------

def _ctx(c: Ctx, v: Any) -> str | None:
    text = lab(c, v)
    nadir = c.data.get("nadir")
    if isinstance(nadir, dict) and nadir.get("value"):
        ratio = f"{v['value'] / nadir['value']:.1f}"
        unit = ANALYTES["CTX"].canonical
        text = c.t("vs_nadir", lab=text, ratio=ratio, nadir=f"{num(nadir['value'])} {unit}",
                   nadir_date=c.date(nadir.get("date")))
    if c.data.get("above_uln") and c.data.get("uln_ng_ml") is not None:
        sep = "，" if c.zh else ", "
        text += sep + c.t("above_uln", uln=num(c.data["uln_ng_ml"]), unit="ng/mL")
    return text


def _nadir(c: Ctx, v: Any) -> str | None:
    return None if isinstance(c.data.get("ctx"), dict) else lab(c, v) if v else None


def _last_dose(c: Ctx, v: Any) -> str | None:
    if isinstance(v, dict):
        return c.t("last_dose", dose=dose(c, v))
    return c.t("last_den_dose", date=c.date(v)) if v else None


def _calcium(c: Ctx, v: Any) -> str | None:
    d = c.data
    if d.get("albumin_corrected") and d.get("measured_mmol_l") is not None:
        text = c.t("calcium_corrected", value=num(v), date=c.date(d.get("calcium_date")),
                   measured=num(d["measured_mmol_l"]), albumin=num(d.get("albumin_g_l")))
    else:
        text = c.t("calcium", value=num(v), date=c.date(d.get("calcium_date")))
    return text


def _uln_mmol(c: Ctx, v: Any) -> str | None:
    if c.data.get("lln_mmol_l") is not None:
        return c.t("calcium_range", lln=num(c.data["lln_mmol_l"]), uln=num(v))
    return c.t("calcium_uln", uln=num(v))


def _crcl(c: Ctx, v: Any) -> str | None:
    parts = [c.t("crcl", value=num(v))]
    if c.data.get("creatinine_umol_l") is not None:
        parts.append(c.t("creatinine", value=num(c.data["creatinine_umol_l"]),
                         date=c.date(c.data.get("creatinine_date"))))
    return ("，" if c.zh else ", ").join(parts)


def _missing(c: Ctx, v: Any) -> str | None:
    return c.t("missing", fields=items(c, list(v))) if v else None


def _doses(c: Ctx, v: Any) -> str | None:
    if not v or (len(v) == 1 and ("dose" in c.data or "first_dose" in c.data
                                   or "drug" in c.data and "dose_mg" in c.data)):
        return None
    return c.t("doses", list=items(c, list(v)))


def _pairs(c: Ctx, v: Any) -> str | None:
    if not v or (len(v) == 1 and ("denosumab" in c.data or "bisphosphonate" in c.data)):
        return None
    return items(c, list(v))


def _drug_dose(c: Ctx, v: Any) -> str | None:
    """``drug`` + ``dose_mg`` + ``date``/``dose_date`` + ``planned`` as one dose."""
    d = c.data
    if "dose_mg" in d and ("date" in d or "dose_date" in d):
        return dose(c, d)
    return c.t("drug", drug=drug_name(v, c.lang))


def _factors(c: Ctx, v: Any) -> str | None:
    if not v:
        return None
    if not c.zh:
        return c.t("factors", items="; ".join(v))
    out = []
    for f in v:
        m = re.fullmatch(r"stage (\S+)", f)
        h = re.fullmatch(r"histology (\S+)", f)
        g = re.fullmatch(r"driver alteration \((.*)\)", f)
        o = re.fullmatch(r"visceral metastases in (\d+) organs \((.*)\)", f)
        if m:
            out.append(c.t("stage", stage=m.group(1)))
        elif h:
            out.append({"adenocarcinoma": "病理类型 腺癌", "sclc": "病理类型 小细胞肺癌"}.get(
                h.group(1), h.group(1)))
        elif g:
            drivers = "、".join(driver_text(x.strip(), c.lang) for x in g.group(1).split(","))
            out.append(f"驱动基因改变（{drivers}）")
        elif o:
            organs = "、".join(c.region(x.strip()) for x in o.group(2).split(","))
            out.append(f"{o.group(1)}个内脏器官转移（{organs}）")
        else:
            out.append(f)
    return c.t("factors", items="；".join(out))


def _label(c: Ctx, v: Any) -> str | None:
    if not c.zh:
        return c.t("label", text=v)
    zh = next((b.label_zh for b in BANDS if b.label == v), None)
    return c.t("label", text=zh) if zh else None


def _lacking(c: Ctx, v: Any) -> str | None:
    return c.t("lacking", items=items(c, list(v))) if v else None


def _n(key: str) -> Callable[[Ctx, Any], str | None]:
    return lambda c, v: None if v is None else c.t(key, n=num(v))


def _value(key: str) -> Callable[[Ctx, Any], str | None]:
    return lambda c, v: None if v is None else c.t(key, value=num(v))


def _on_date(key: str) -> Callable[[Ctx, Any], str | None]:
    return lambda c, v: None if not v else c.t(key, date=c.date(v))


def _flag(yes: str | None, no: str | None) -> Callable[[Ctx, Any], str | None]:
    def handler(c: Ctx, v: Any) -> str | None:
        key = yes if v is True else no if v is False else None
        return c.t(key) if key else None
    return handler


def _one(key: str, render: Callable[[Ctx, Any], str]) -> Callable[[Ctx, Any], str | None]:
    return lambda c, v: None if not v else c.t(key, **{_PARAM[key]: render(c, v)})


def _list_if_many(c: Ctx, v: Any, single: str) -> str | None:
    if not v or (len(v) == 1 and single in c.data):
        return None
    return items(c, list(v))


_PARAM = {"first_dose": "dose", "latest_dose": "dose", "next_planned_dose": "dose",
          "baseline": "creatinine", "latest_creatinine": "creatinine",
          "lowest_earlier": "lab", "latest": "lab", "last_ctx": "lab"}

_HANDLERS: dict[str, Callable[[Ctx, Any], str | None]] = {
    "ctx": _ctx, "nadir": _nadir, "last_dose": _last_dose,
    "nadir_factor": lambda c, v: c.t("nadir_factor", factor=num(v)),
    "samples": lambda c, v: c.t("samples", n=len(v)) if v and len(v) > 1 else None,
    "above_uln": lambda c, v: None,
    "latest": lambda c, v: c.t("latest_creatinine", creatinine=creatinine(c, v))
    if "umol_l" in (v or {}) else c.t("latest", lab=lab(c, v)) if v else None,
    "baseline": _one("baseline", creatinine),
    "lowest_earlier": _one("lowest_earlier", lab),
    "last_ctx": lambda c, v: c.t("last_ctx", lab=lab(c, v)) if v else c.t("no_last_ctx"),
    "rise": _flag("rise", None), "above_2_5_uln": _flag("above_2_5_uln", "not_above_2_5_uln"),
    "fasting": _flag("fasting", "not_fasting"),
    "calcium_mmol_l": _calcium, "uln_mmol_l": _uln_mmol,
    "ctcae_grade": lambda c, v: c.t("ctcae", grade=v),
    "crcl_ml_min": _crcl, "weight_kg": _value("weight"), "age": _value("age"),
    "sex": lambda c, v: c.word(v) if v else None,
    "provisional_creatinine": _flag("provisional", None), "provisional": _flag("provisional", None),
    "creatinine_max_age_days": _n("max_age"), "recommended_mg": _value("recommended"),
    "exceeds_recommended": _flag("exceeds", None),
    "band": lambda c, v: c.t("band", band=c.word(v)), "label": _label,
    "rise_mg_dl": lambda c, v: c.t("creat_rise", rise=num(v),
                                   threshold=num(c.data.get("threshold_mg_dl"))),
    "course_start": _on_date("course_start"), "missing": _missing,
    "dose": lambda c, v: dose(c, v) if v else None, "doses": _doses,
    "plans_without_creatinine": lambda c, v: _list_if_many(c, v, "dose"),
    "first_dose": _one("first_dose", dose), "latest_dose": _one("latest_dose", dose),
    "next_planned_dose": _one("next_planned_dose", dose),
    "denosumab": lambda c, v: dose(c, v) if isinstance(v, dict) else None,
    "bisphosphonate": lambda c, v: dose(c, v) if isinstance(v, dict) else c.t(
        "bisphosphonate", drug=drug_name(v, c.lang)) if v else None,
    "bisphosphonate_last_dose": _on_date("bp_last_dose"),
    "switched_to": lambda c, v: None if not v else c.t(
        "switched_to", drug=drug_name(v.get("drug"), c.lang), date=c.date(v.get("date")))
    if isinstance(v, dict) else c.t("switched_to", drug=drug_name(v, c.lang), date="—"),
    "pairs": _pairs, "days_apart": _n("days_apart"), "interval_days": _n("interval"),
    "days_since": _n("days_since"), "grace_days": _n("grace"), "window_days": _n("window_days"),
    "overdue": _flag("overdue", None), "drug": _drug_dose,
    "active_drugs": lambda c, v: c.t("active", drugs=c.join([drug_name(x, c.lang) for x in v]))
    if v else None,
    "active_bma": lambda c, v: c.t("active", drugs=c.join([drug_name(x, c.lang) for x in v]))
    if v else None,
    "lacking": _lacking, "day": _n("day"),
    "checks_due": lambda c, v: c.t("checks_due", dates=c.join([c.date(x) for x in v], 6))
    if v else None,
    "peak_window": lambda c, v: c.t("peak_window", start=c.date(v[0]), end=c.date(v[1]))
    if v else None,
    "window_end": _on_date("window_end"), "window_start": _on_date("window_start"),
    "risk_level": lambda c, v: c.t("risk", level=c.word(v)) if v else None,
    "risk_reasons": lambda c, v: c.t("risk_reasons", reasons=items(c, list(v))) if v else None,
    "stop_date": lambda c, v: c.t("stop", date=c.date(v)) if v else (
        c.t("no_stop") if c.data.get("stop_recorded") is False else None),
    "stop_reason": lambda c, v: c.t("stop_reason", reason=c.word(v)) if v else None,
    "after": _on_date("after"),
    "fracture": lambda c, v: event(c, v) if v else None,
    "fractures": lambda c, v: None if not v or (len(v) == 1 and "fracture" in c.data) else (
        items(c, list(v)) if isinstance(v[0], dict) else c.t(
            "fractures_on", dates=c.join([c.date(x) for x in v]))),
    "event": lambda c, v: event(c, v) if v else None,
    "events": lambda c, v: _list_if_many(c, v, "event"),
    "days_ago": _n("days_ago"),
    "procedure": lambda c, v: event(c, v) if v else None,
    "procedures": lambda c, v: _list_if_many(c, v, "procedure"),
    "hold_days": _n("hold_days"), "gap_days": _n("gap_days"),
    "hold_met": _flag("hold_met", "hold_not_met"),
    "earliest_date_meeting_hold": _on_date("earliest_hold"),
    "latest_dose_date_meeting_hold": _on_date("latest_dose_hold"),
    "planned_doses_in_hold": lambda c, v: c.t("doses_in_hold", list=items(
        c, [dict(x, planned=True) for x in v]))
    if v else None,
    "last_exam": lambda c, v: c.t("last_exam", date=c.date(v)) if v else c.t("no_exam"),
    "review_days": _n("review_days"),
    "extraction_needed_exam": lambda c, v: c.t("extraction_needed_exam", date=c.date(v))
    if v else None,
    "status": lambda c, v: c.t("status", status=c.word(v)) if v else None,
    "basis": lambda c, v: None if c.zh else v,
    "osteoporosis": _flag("osteoporosis", "no_osteoporosis"),
    "stage": lambda c, v: None if not v or f"stage {v}" in (c.data.get("factors") or ())
    else c.t("stage", stage=v),
    "level": lambda c, v: None if not v or v == c.data.get("region") else (
        c.t("level", level=c.word(v)) if v in WORDS else v),
    "factors": _factors,
    "variant": lambda c, v: c.t("variant", variant=c.word(v)),
    "region": lambda c, v: c.t("region", region=c.region(v)) if v else None,
    "regions": lambda c, v: items(c, list(v)) if v else None,
    "bone": lambda c, v: None if "region" in c.data and v == "vertebra" else c.t(
        "bone", bone=c.word(v)) if v else None,
    "escc": lambda c, v: c.t("escc", grade=v) if v is not None else None,
    "sins": _value("sins"), "mirels": _value("mirels"),
    "sins_at_least": lambda c, v: None if v == c.data.get("sins") else c.t(
        "sins_at_least", value=num(v)),
    "mirels_at_least": lambda c, v: None if v == c.data.get("mirels") else c.t(
        "mirels_at_least", value=num(v)),
    "collapse": lambda c, v: c.t("collapse", value=c.word(v)) if v else None,
    "pain": lambda c, v: c.t("pain", value=c.word(v)) if v else None,
    "visceral_organs": lambda c, v: c.t("visceral_organs", items=c.join(
        [c.region(x) for x in v])) if v else None,
    "radiotherapy": lambda c, v: items(c, [dict(x, kind="radiotherapy") for x in v]) if v
    else None,
    "items": lambda c, v: items(c, list(v)) if v else None,
    "symptoms": lambda c, v: items(c, [dict(x, kind="bone_pain") for x in v]) if v else None,
    "scans": lambda c, v: items(c, list(v)) if v else None,
}


def _oligo(c: Ctx) -> str | None:
    d = c.data
    if "total" not in d or "bone_lesions" not in d:
        return None
    return c.t("oligo", total=d["total"], bone=d["bone_lesions"],
               visceral=d.get("visceral_lesions", 0), organs=d.get("organs", 0))


def why_parts(rule: str, data: dict[str, Any], lang: str) -> list[str]:
    """The phrases of one finding's data, in data order."""
    c = Ctx(rule, data or {}, lang)
    out: list[str] = []
    oligo = _oligo(c)
    if oligo:
        out.append(oligo)
    for key, value in c.data.items():
        if key in _SKIP:
            continue
        handler = _HANDLERS.get(key)
        if handler is None:
            text: str | None = c.t("generic", key=key, value=item(c, value)
                                   if not isinstance(value, list) else items(c, value))
        else:
            text = handler(c, value)
        if text and text not in out:
            out.append(text)
    return out


def why_text(rule: str, data: dict[str, Any], lang: str) -> str:
    """The finding's "why" as one line of phrases ("; " in English, "；" in Chinese)."""
    return ("；" if is_zh(lang) else "; ").join(why_parts(rule, data, lang))


def field_name(path: str, lang: str) -> str:
    """An input named as missing (``lesions.posterolateral``, ``labs.PLT``) for the reader."""
    return item(Ctx("", {}, lang), path)


def handled_keys() -> set[str]:
    """Every data key the renderer knows (handled or deliberately left out)."""
    return set(_HANDLERS) | _SKIP
