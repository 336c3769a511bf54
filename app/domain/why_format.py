"""The building blocks of the findings' "why" texts (:mod:`app.domain.why`): the reader's
context (language, phrase lookup, coded words, dates, regions) and the formatting of the
values a finding's data holds — a lab result, a dose, a creatinine, an event, a study, a
symptom, and a list of them."""

from __future__ import annotations

from typing import Any

from app.domain.names import analyte_name, date_text, drug_name, is_zh, region_text
from app.domain.units import ANALYTES
from app.domain.why_texts import FIELDS, PHRASES, WORDS


class Ctx:
    def __init__(self, rule: str, data: dict[str, Any], lang: str) -> None:
        self.rule, self.data, self.lang, self.zh = rule, data, lang, is_zh(lang)

    def t(self, phrase: str, **params: Any) -> str:
        return PHRASES[phrase][1 if self.zh else 0].format(**params)

    def word(self, code: Any) -> str:
        if code is None:
            return "—"
        if isinstance(code, bool):
            return self.word("yes" if code else "no")
        pair = WORDS.get(str(code))
        return (pair[1] if self.zh else pair[0]) if pair else str(code)

    def date(self, value: Any) -> str:
        return date_text(value, self.lang)

    def region(self, value: Any) -> str:
        return region_text(value, self.lang)

    def join(self, items: list[str], limit: int = 4) -> str:
        more = len(items) > limit
        items = items[:limit] + (["…"] if more else [])
        return ("、" if self.zh else ", ").join(items)


def num(v: Any) -> str:
    return f"{v:g}" if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)


def _analyte_for(c: Ctx) -> str:
    return "CTX" if "CTX" in c.rule else "ALP" if "ALP" in c.rule else ""


def lab(c: Ctx, v: dict[str, Any]) -> str:
    analyte = v.get("analyte") or _analyte_for(c)
    info = ANALYTES.get(analyte)
    unit = v.get("unit") or (info.canonical if info else "")
    params = dict(analyte=analyte, value=num(v.get("value")), unit=unit, date=c.date(v.get("date")))
    if v.get("uln") is not None:
        return c.t("lab_uln", uln=num(v["uln"]), **params)
    return c.t("lab", **params)


def dose(c: Ctx, v: dict[str, Any]) -> str:
    if isinstance(v.get("dose"), dict):  # a per-dose record with its renal check
        v = v["dose"]
    when = c.date(v.get("date") or v.get("dose_date"))
    drug = drug_name(v.get("drug"), c.lang)
    planned = bool(v.get("planned"))
    if v.get("dose_mg") is None:
        return c.t("dose_planned_nomg" if planned else "dose_given_nomg", drug=drug, date=when)
    return c.t("dose_planned" if planned else "dose_given", drug=drug, mg=num(v["dose_mg"]),
               date=when)


def creatinine(c: Ctx, v: dict[str, Any]) -> str:
    return c.t("creatinine_mg", umol=num(v.get("umol_l")), mg=num(v.get("mg_dl")),
               date=c.date(v.get("date")))


def event(c: Ctx, v: dict[str, Any]) -> str:
    if "modality" in v:
        return c.t("study", modality=c.word(v["modality"]), region=c.region(v.get("region")),
                   date=c.date(v.get("date")), result=c.word(v.get("result")))
    if "site" in v or "pattern" in v:
        kind = c.word(v.get("kind") or "bone_pain")
        site = c.region(v.get("site"))
        if v.get("pattern"):
            return c.t("symptom", kind=kind, pattern=c.word(v["pattern"]), site=site,
                       date=c.date(v.get("date")))
        return c.t("symptom_plain", kind=kind, site=site, date=c.date(v.get("date")))
    if "drug" in v:
        return dose(c, v)
    kind = v.get("kind") or ("onj" if "DENT-ONJ" in c.rule else "radiotherapy"
                             if "RT" in c.rule else "fracture")
    region = c.region(v["region"]) if v.get("region") else ""
    if kind in WORDS and "overdue" in v:  # a dental procedure
        key = "procedure_planned" if v.get("planned") else "procedure"
        return c.t(key, kind=c.word(kind), date=c.date(v.get("date")))
    key = "event_planned" if v.get("planned") else "event"
    return c.t(key, kind=c.word(kind), region=region, date=c.date(v.get("date"))).replace(
        "  ", " ")


def item(c: Ctx, v: Any) -> str:
    """One element of a list in a finding's data."""
    if isinstance(v, dict):
        if {"denosumab", "bisphosphonate"} <= v.keys():
            return c.t("pair", a=dose(c, v["denosumab"]), b=dose(c, v["bisphosphonate"]))
        if "bone_scan" in v or "study" in v:
            first = v.get("bone_scan") or v.get("study")
            return c.t("pair", a=event(c, first), b=event(c, v["mri"]))
        if "studies" in v:
            return c.join([event(c, s) for s in v["studies"]])
        if "value" in v and ("analyte" in v or "unit" in v):
            return lab(c, v)
        if "calcium_mmol_l" in v:
            return c.t("calcium", value=num(v["calcium_mmol_l"]), date=c.date(v.get("date")))
        if "dose" in v or "dose_mg" in v or "drug" in v:
            return dose(c, v)
        return event(c, v)
    if isinstance(v, str) and v in WORDS:
        return c.word(v)
    if isinstance(v, str) and v.rsplit(".", 1)[-1] in FIELDS:
        return FIELDS[v.rsplit(".", 1)[-1]][1 if c.zh else 0]
    if isinstance(v, str) and v.startswith("labs."):
        return v[5:] if v[5:] in ("CTX", "ALP") else analyte_name(v[5:], c.lang)
    return c.date(v) if isinstance(v, str) else num(v)


def items(c: Ctx, values: list[Any]) -> str:
    return c.join([item(c, v) for v in values])
