"""The patient care plan's content (rule book §11): plain-language sections in English or
Chinese, built from the assessment of the case on the same as-of date.

:func:`build_careplan` returns a :class:`CarePlan` whose sections follow the §11 Sections
table, in its order, each under its heading (a marker that occurs nowhere else in the plan):

- "Your bone care plan" (name, MRN, plan date) — :func:`header`;
- "Your bone medicine", "Calcium and vitamin D", "Urgent: your spine", "After stopping
  denosumab", "About your jaw", "Your dental procedure" — :mod:`app.domain.careplan_sections`;
- "Your teeth", "When to contact us", "About your blood tests" —
  :mod:`app.domain.careplan_leaflet`.

The plan never contradicts a finding: a dose the rules withhold prints as on hold with its lay
reasons (:mod:`app.domain.careplan_facts`), and no rule IDs, scores or evidence labels are
printed. The assessment may be an ``Assessment`` (``.to_json()``) or the §10 document itself.
The PDF builder (``app.reports.careplan_pdf``) only lays the plan out.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain import careplan_leaflet as leaflet
from app.domain import careplan_sections as sections
from app.domain.careplan_facts import PlanFacts
from app.domain.careplan_model import CarePlan, Clinic, Item, Section
from app.domain.careplan_text import LANGS, fmt_date, say
from app.domain.case import Case
from app.domain.params import DEFAULTS, Params

__all__ = ["CarePlan", "Clinic", "Item", "Section", "assessment_doc", "build_careplan"]

SECTION_ORDER = ("header", "medicine", "calcium", "spine", "denosumab_stop", "jaw",
                 "dental_procedure", "teeth", "contact", "blood_tests")
CHROME_KEYS = ("patient", "mrn", "colon", "signature", "sign_date", "footer_note")


def assessment_doc(assessment: Any) -> dict[str, Any]:
    """The §10 JSON document of an assessment (an ``Assessment`` or the dict itself)."""
    if isinstance(assessment, dict):
        return assessment
    return assessment.to_json()


def header(case: Case, as_of: date, lang: str) -> Section:
    """"Your bone care plan": the name, the record number and the plan date."""
    paras = []
    if case.patient.name:
        paras.append(say(lang, "hdr_name", name=case.patient.name))
    paras.append(say(lang, "hdr_mrn", mrn=case.patient.mrn))
    paras.append(say(lang, "plan_date", date=fmt_date(as_of, lang)))
    return Section("header", say(lang, "sec_header"), tuple(paras))


def build_careplan(case: Case, assessment: Any, as_of: date, lang: str, *,
                   params: Params = DEFAULTS, clinic: Clinic | None = None,
                   large_print: bool = False, calcium_target: bool = False) -> CarePlan:
    """The care plan for ``case`` as of ``as_of`` in ``lang`` (``"en"`` or ``"zh"``).

    ``clinic``: the contacts printed under "When to contact us" (without a phone number the
    plan prints a line to write it on); ``calcium_target``: the site prints the 1000–1200 mg
    daily calcium target; ``large_print``: the reader asked for large print."""
    if lang not in LANGS:
        raise ValueError(f"lang: {lang!r} is not a care-plan language (en, zh)")
    f = PlanFacts(case, assessment_doc(assessment), as_of, params)
    built = (
        header(case, as_of, lang),
        sections.medicine(f, lang),
        sections.calcium(f, lang, calcium_target=calcium_target),
        sections.spine(f, lang),
        sections.denosumab_stop(f, lang),
        sections.jaw(f, lang),
        sections.dental_procedure(f, lang),
        leaflet.teeth(f, lang),
        leaflet.contact(f, lang, clinic),
        leaflet.blood_tests(f, lang),
    )
    labels = {k: say(lang, k) for k in CHROME_KEYS}
    labels["page"] = say(lang, "page", n="{n}", total="{total}")
    labels["printed"] = say(lang, "printed", date="{date}")
    return CarePlan(
        lang=lang, title=say(lang, "sec_header"), subtitle=say(lang, "subtitle"),
        patient_name=case.patient.name, mrn=case.patient.mrn, as_of=as_of,
        sections=tuple(s for s in built if s is not None), labels=labels,
        large_print=large_print,
    )
