"""Sections of an MDT case that the board reads before the findings (issue 11): the imaging
and biopsy list, the latest creatinine and calcium with their age and a stale mark, the jaw
and dental section, the urgency counts, whether the trend plot needs its kidney/calcium panel,
and a finding's triggering data ("why") as text.

Freshness windows come from the rule book: a creatinine older than
``creatinine_max_age_days`` (§4, §9) cannot clear a bisphosphonate dose; a calcium older than
30 days is outside every calcium rule's window (§4 BMA-HYPO/HYPERCALCAEMIA, BMA-CA-MISSING).
Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.context import CaseView, round_lab
from app.domain.dates import days_between
from app.domain.mdt_terms import DENTAL_KINDS, MODALITIES, RESULTS, region, term
from app.domain.mdt_text import tr, value
from app.domain.oncology_text import dental_findings_text

CALCIUM_MAX_AGE_DAYS = 30  # §4: the calcium rules look at calcium dated within 30 days
#: Findings that put the creatinine/calcium panel under the trend plot.
LAB_PANEL_RULES = ("BMA-ZA-", "BMA-BP-", "BMA-DEN-CKD", "BMA-HYPOCALCAEMIA",
                   "BMA-HYPERCALCAEMIA", "BMA-CA-MISSING")
DENTAL_RULES = ("DENT-", "BMA-DENTAL-")
_JAW_WORDS = re.compile(r"jaw|dental|dentist|tooth|teeth|extraction|implant|\bONJ\b|"
                        r"osteonecrosis|颌|牙|口腔", re.IGNORECASE)
WHY_MAX = 240  # characters of triggering data printed per finding


@dataclass(frozen=True)
class StudyLine:
    date: date
    study: str  # modality or "biopsy", in the pack's language
    region: str
    result: str
    detail: str  # pattern / bone destruction, or "—"


@dataclass(frozen=True)
class LabAge:
    test: str  # "Creatinine" / "Calcium" in the pack's language
    value: str  # "" when no result
    date: date | None
    age_days: int | None
    window_days: int
    stale: bool  # older than the window, or no result at all
    state: str  # "current (within 14 days)" / "STALE: older than 14 days" / "no result"


@dataclass(frozen=True)
class DentalSection:
    last_exam: str  # "2026-05-20 (201 days)" or "none recorded"
    procedures: tuple[str, ...]  # "2026-09-25 extraction (planned)"
    onj: tuple[str, ...]  # "2026-11-01 osteonecrosis of the jaw"


def studies(view: CaseView, lang: str) -> tuple[StudyLine, ...]:
    """Every imaging study and biopsy on/before the as-of date, oldest first."""
    lines = [
        StudyLine(i.date, term(MODALITIES, lang, i.modality), region(lang, i.region),
                  term(RESULTS, lang, i.result),
                  _detail(i.pattern, i.bone_destruction, lang, i.report))
        for i in view.imaging
    ]
    lines += [StudyLine(b.date, tr(lang, "biopsy"), region(lang, b.region),
                        term(RESULTS, lang, b.result), "—") for b in view.biopsies]
    return tuple(sorted(lines, key=lambda x: x.date))


def _detail(pattern: str | None, destruction: bool | None, lang: str,
            report: str | None = None) -> str:
    parts = [value(lang, pattern)] if pattern else []
    if destruction:
        parts.append(tr(lang, "bone_destruction"))
    if report:  # the report text as written (issue 20)
        parts.append(report)
    return ("、" if lang == "zh" else ", ").join(parts) or "—"


def _age(test: str, found: tuple[str, date] | None, as_of: date, window: int, lang: str
         ) -> LabAge:
    if found is None:
        return LabAge(test, "", None, None, window, True, tr(lang, "no_result"))
    text, when = found
    age = days_between(when, as_of)
    stale = age > window
    return LabAge(test, text, when, age, window, stale,
                  tr(lang, "stale" if stale else "fresh", n=window))


def lab_ages(view: CaseView, lang: str) -> tuple[LabAge, LabAge]:
    """The latest creatinine and calcium (corrected when an albumin pairs) with their age."""
    crea = view.latest("CREA")
    crea_found = None
    if crea is not None:
        crea_found = (f"{round_lab('CREA', crea.value):g} µmol/L", crea.date)
    ca = view.latest_calcium()
    ca_found = None
    if ca is not None:
        corr = tr(lang, "corrected" if ca.corrected else "uncorrected")
        ca_found = (f"{round_lab('CA', ca.value):.2f} mmol/L ({corr})", ca.calcium.date)
    return (_age(tr(lang, "creatinine"), crea_found, view.as_of,
                 view.params.creatinine_max_age_days, lang),
            _age(tr(lang, "calcium"), ca_found, view.as_of, CALCIUM_MAX_AGE_DAYS, lang))


def lab_panel_needed(rules: list[str]) -> bool:
    """A renal or calcium finding is active: the plot shows its creatinine/calcium panel."""
    return any(r.startswith(LAB_PANEL_RULES) for r in rules)


def dental_needed(question: str | None, rules: list[str], view: CaseView) -> bool:
    """The question or a finding involves the jaw (DENT-*, BMA-DENTAL-*), or an osteonecrosis
    of the jaw is on record."""
    return (any(r.startswith(DENTAL_RULES) for r in rules)
            or bool(question and _JAW_WORDS.search(question))
            or any(e.kind == "onj" for e in view.events))


def dental_section(view: CaseView, lang: str) -> DentalSection:
    exams = view.dental_exams
    last = tr(lang, "none_recorded")
    if exams:
        age = tr(lang, "days_old", n=days_between(exams[-1], view.as_of))
        last = f"{exams[-1].isoformat()} ({age})"
        found = [dental_findings_text(f, lang) for f in view.case.dental.findings
                 if f.date == exams[-1]]
        if found and found[-1]:
            last += ("：" if lang == "zh" else ": ") + found[-1]
    procs = tuple(
        f"{p.date.isoformat()} {term(DENTAL_KINDS, lang, p.kind)}"
        + (f" ({tr(lang, 'planned')})" if p.planned else "")
        for p in view.dental_procedures)
    onj = tuple(f"{e.date.isoformat()} {value(lang, 'onj')}"
                + (f" ({region(lang, e.region)})" if e.region else "")
                for e in view.events if e.kind == "onj")
    return DentalSection(last, procs, onj)


def urgency(findings: list[dict[str, Any]]) -> tuple[int, int]:
    """(critical, warning) finding counts: the cover orders cases by them."""
    sev = [f.get("severity") for f in findings]
    return sev.count("critical"), sev.count("warning")


def _flat(v: Any) -> str:
    if isinstance(v, dict) and {"analyte", "value", "date"} <= v.keys():  # a lab result
        return f"{v['analyte']} {v['value']} ({v['date']})"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_flat(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_flat(x) for x in v) + "]"
    return "—" if v is None else str(v)


def why_text(data: dict[str, Any] | None) -> str:
    """A finding's triggering data (keys as the rule book names them), shortened."""
    text = "; ".join(f"{k}: {_flat(v)}" for k, v in (data or {}).items()
                     if v not in (None, [], {}, ()))
    return text if len(text) <= WHY_MAX else text[: WHY_MAX - 1] + "…"
