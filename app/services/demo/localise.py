"""Chinese texts for Chinese demo patients: regions, symptom sites, stop reasons and the
status override are written in Chinese (spine levels such as T8 stay as written), from the
domain's bilingual catalogue (:func:`app.domain.names.region_text`,
:data:`app.domain.why_texts.WORDS`). Applied to every record of the case alike, so regions
that match in English still match in Chinese."""

from __future__ import annotations

from app.domain.case import Case
from app.domain.names import region_text
from app.domain.why_texts import WORDS

_OVERRIDE_ZH = {
    "MDT consensus: typical osteolytic lesion on CT review": "MDT共识：CT复阅为典型溶骨性病灶",
    "Dr. Chen": "陈医生", "Dr. Li": "李医生", "Dr. Wang": "王医生",
}


def _zh(text: str | None) -> str | None:
    return None if text is None else region_text(text, "zh")


def localise_zh(case: Case) -> Case:
    """Rewrite the case's free texts in Chinese (in place) and return it."""
    for x in case.imaging:
        x.region = _zh(x.region) or x.region
    for b in case.biopsies:
        b.region = _zh(b.region) or b.region
    for les in case.lesions:
        les.region = _zh(les.region) or les.region
    for e in case.events:
        e.region = _zh(e.region)
    for s in case.symptoms:
        s.site = _zh(s.site)
    if case.cancer.visceral_metastases:
        case.cancer.visceral_metastases = [region_text(o, "zh")
                                           for o in case.cancer.visceral_metastases]
    for stop in case.bma.stops:
        if stop.reason in WORDS:
            stop.reason = WORDS[stop.reason][1]
    o = case.status_override
    if o is not None:
        o.reason = _OVERRIDE_ZH.get(o.reason or "", o.reason)
        o.by = _OVERRIDE_ZH.get(o.by or "", o.by)
    return case
