"""Care-plan sections "Your teeth", "When to contact us" and "About your blood tests": the
leaflet content of rule book §11 (each row printed when its condition holds), the clinic's
contacts (or a line to write the phone number on) and the lay explanation of the tests.
"""

from __future__ import annotations

from app.domain.careplan_facts import FLU_LIKE_DRUGS, PlanFacts
from app.domain.careplan_model import Clinic, Item, Section
from app.domain.careplan_sections import lay_drug
from app.domain.careplan_sites import sites_text
from app.domain.careplan_text import fmt_date, join, say
from app.domain.case import BISPHOSPHONATES


def _drugs(drugs: list[str], lang: str) -> str:
    return join([lay_drug(d, lang) for d in drugs], lang)


def teeth(f: PlanFacts, lang: str) -> Section | None:
    """"Your teeth": a BMA dose is recorded (given or planned)."""
    if not f.bma_recorded:
        return None
    exams = f.view.dental_exams
    paras = [say(lang, "teeth_checkup")]
    paras.append(say(lang, "teeth_last_exam", date=fmt_date(max(exams), lang)) if exams
                 else say(lang, "teeth_no_exam"))
    items: list[Item] = []
    if f.fires("DENT-MINOR") and not f.fires("DENT-ONJ"):
        items.append(Item(say(lang, "teeth_minor_ok")))
    items.append(Item(say(lang, "teeth_invasive"), urgent=True))
    items.append(Item(say(lang, "teeth_jaw_signs")))
    items.append(Item(say(lang, "teeth_tell", drugs=_drugs(f.drugs_recorded(), lang))))
    return Section("teeth", say(lang, "sec_teeth"), tuple(paras), tuple(items))


def _contacts(clinic: Clinic | None, lang: str) -> list[str]:
    c = clinic or Clinic()
    lines = [say(lang, key, value=v.strip()) for key, v in (
        ("ct_clinic", c.name), ("ct_phone", c.phone), ("ct_after_hours", c.after_hours_phone),
        ("ct_address", c.address)) if v and v.strip()]
    if not c.has_phone:
        lines.insert(1 if c.name and c.name.strip() else 0, say(lang, "ct_phone_blank"))
        lines.insert(2 if c.name and c.name.strip() else 1, say(lang, "ct_phone_blank_note"))
    return lines


def _spine_items(f: PlanFacts, lang: str) -> list[Item]:
    """The non-urgent spine paragraphs (an older cord compression; high-grade epidural
    compression on a scan), else the general warning signs. WU-MSCC has its own section."""
    if f.fires("WU-MSCC"):
        return []
    out: list[Item] = []
    if f.cord_compression_recorded():
        out.append(Item(say(lang, "spine_past")))
    escc = f.high_grade_escc_lesions()
    if escc:
        out.append(Item(say(lang, "spine_escc", sites=sites_text(escc, lang))))
    if out:
        out.append(Item(say(lang, "spine_signs"), urgent=True))
    else:
        out.append(Item(say(lang, "spine_generic"), urgent=True))
    return out


def contact(f: PlanFacts, lang: str, clinic: Clinic | None) -> Section:
    """"When to contact us": always."""
    items: list[Item] = [Item(say(lang, "c_pain"))]
    items += _spine_items(f, lang)
    if f.bma_recorded:
        items += [Item(say(lang, "c_thigh")), Item(say(lang, "c_ear")),
                  Item(say(lang, "c_low_calcium")), Item(say(lang, "c_allergy"), urgent=True)]
    flu = f.recent_or_planned(FLU_LIKE_DRUGS)
    if flu:
        items.append(Item(say(lang, "c_flu", drugs=_drugs(flu, lang))))
    if f.recent_or_planned(BISPHOSPHONATES):
        items.append(Item(say(lang, "c_kidney")))
    if f.denosumab_ahead():
        items.append(Item(say(lang, "c_prolia")))
    bisphosphonates = f.bisphosphonates_active()
    if bisphosphonates:
        items.append(Item(say(lang, "c_aclasta", drugs=_drugs(bisphosphonates, lang))))
    if f.active:
        items.append(Item(say(lang, "c_missed")))
    return Section("contact", say(lang, "sec_contact"), tuple(_contacts(clinic, lang)),
                   tuple(items))


def blood_tests(f: PlanFacts, lang: str) -> Section | None:
    """"About your blood tests": a CTX result is recorded, or rebound checks are due."""
    if not f.view.labs("CTX") and (f.den or {}).get("checks_due") is None:
        return None
    paras = [say(lang, "b_ctx"), say(lang, "b_fasting"), say(lang, "b_calcium")]
    if any(d in BISPHOSPHONATES for d in f.drugs_recorded()):
        paras.append(say(lang, "b_creatinine"))
    return Section("blood_tests", say(lang, "sec_blood"), tuple(paras))
