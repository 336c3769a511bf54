"""The patient care plan's content: plain-language sections in English or Chinese.

:func:`build_careplan` turns a case, its assessment (rule book §10) and the as-of date into a
:class:`CarePlan` — titled sections of paragraphs, bullet items and small tables — that the
PDF builder (``app.reports.careplan_pdf``) lays out. The content comes from the rules:
§4 (the bone-drug regimen, supplements), §5 (denosumab stop and rebound checks), §6 (dental
rules), plus the warning signs every patient with bone metastases should know.

A section with nothing to say is left out (e.g. no bone medicine → no medicine, supplement
or dental sections). The assessment may be an ``Assessment`` object (``.to_json()``) or the
§10 JSON document itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.domain.bma_state import active_drugs, drug_state
from app.domain.careplan_text import (
    BONES,
    DENTAL_PROCEDURES,
    DRUGS,
    HISTOLOGIES,
    LANGS,
    NSCLC_SUBTYPES,
    SIDES,
    SPINE,
    fmt_date,
    fmt_dose,
    fmt_interval,
    join,
    pick,
    say,
)
from app.domain.case import INVASIVE_DENTAL, Case
from app.domain.context import CaseView
from app.domain.params import DEFAULTS, Params


@dataclass(frozen=True)
class Item:
    """One bullet; ``urgent`` items are printed emphasised (e.g. the emergency signs)."""

    text: str
    urgent: bool = False


@dataclass(frozen=True)
class Section:
    """A titled block: paragraphs, then a key/value or column table, then bullets."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()  # rows of cells
    table_header: tuple[str, ...] = ()  # column titles (empty = key/value table)
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Clinic:
    """The clinic's contact details printed on the plan (site settings, not case data)."""

    name: str | None = None
    phone: str | None = None
    after_hours_phone: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class CarePlan:
    """Everything the care-plan PDF prints, already in the patient's language."""

    lang: str
    title: str
    subtitle: str
    patient_name: str | None
    mrn: str
    as_of: date
    sections: tuple[Section, ...]
    labels: dict[str, str] = field(default_factory=dict)  # page chrome, in ``lang``

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def assessment_doc(assessment: Any) -> dict[str, Any]:
    """The §10 JSON document of an assessment (an ``Assessment`` or the dict itself)."""
    if isinstance(assessment, dict):
        return assessment
    return assessment.to_json()


def _rules(doc: dict[str, Any]) -> set[str]:
    return {f.get("rule") for f in doc.get("findings") or []}


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def lay_site(region: str, bone: str, level: str | None, side: str | None, lang: str) -> str:
    """A lesion's site in lay words, e.g. ``lower back spine (L3)`` / ``腰椎(L3)``."""
    if bone == "vertebra" and level:
        name = pick(SPINE[level[0]], lang)
        return f"{name}（{level}）" if lang == "zh" else f"{name} ({level})"
    if bone in BONES:
        s = pick(SIDES[side], lang) if side in SIDES else ""
        name = pick(BONES[bone], lang)
        if lang == "zh":
            return f"{s}{name}"
        return f"{s} {name}".strip()
    return region


def lay_sites(lesions, lang: str) -> list[str]:
    """Lesion sites in lay words, vertebrae grouped by spine part: ``lower back spine (L3,
    L4)``; duplicates removed, first-seen order kept."""
    groups: dict[str, list[str]] = {}
    for x in lesions:
        if x.bone == "vertebra" and x.level:
            levels = groups.setdefault(pick(SPINE[x.level[0]], lang), [])
            if x.level not in levels:
                levels.append(x.level)
        else:
            groups.setdefault(lay_site(x.region, x.bone, x.level, x.side, lang), [])
    sep = "、" if lang == "zh" else ", "
    out = []
    for name, levels in groups.items():
        if not levels:
            out.append(name)
        elif lang == "zh":
            out.append(f"{name}（{sep.join(levels)}）")
        else:
            out.append(f"{name} ({sep.join(levels)})")
    return out


class _Builder:
    def __init__(self, case: Case, doc: dict[str, Any], as_of: date, lang: str,
                 params: Params, clinic: Clinic | None) -> None:
        self.case, self.doc, self.as_of, self.lang = case, doc, as_of, lang
        self.params, self.clinic = params, clinic
        self.view = CaseView(case, as_of, params)
        self.rules = _rules(doc)
        self.den = (doc.get("derived") or {}).get("denosumab")
        self.current = self._current_drug()

    def t(self, key: str, **kw: object) -> str:
        return say(self.lang, key, **kw)

    def date(self, d: date) -> str:
        return fmt_date(d, self.lang)

    # --- the current bone drug -------------------------------------------------------
    def _current_drug(self) -> str | None:
        """The active drug whose latest dose (given or planned) is the most recent."""
        best: tuple[date, str] | None = None
        for drug in active_drugs(self.view):
            st = drug_state(self.view, drug)
            dates = [a.date for a in st.given] + [a.date for a in st.planned]
            if dates and (best is None or max(dates) > best[0]):
                best = (max(dates), drug)
        return best[1] if best else None

    def next_dose(self) -> tuple[date, float, bool] | None:
        """(date, dose mg, overdue) of the current drug's next dose."""
        if self.current is None:
            return None
        st = drug_state(self.view, self.current)
        last = st.last_given
        plans = [a for a in st.planned if last is None or a.date >= last.date]
        upcoming = [a for a in plans if a.date >= self.as_of]
        if upcoming:
            return upcoming[0].date, upcoming[0].dose_mg, False
        if plans:
            return plans[-1].date, plans[-1].dose_mg, True
        if last is None:
            return None
        due = last.date + timedelta(days=st.interval)
        return due, last.dose_mg, due < self.as_of

    def drug_name(self, drug: str) -> str:
        return pick(DRUGS[drug], self.lang)

    def bma_ever(self) -> bool:
        return bool(self.view.given()) or bool(self.view.planned())

    # --- sections -----------------------------------------------------------------------
    def diagnosis(self) -> Section | None:
        cancer = self.case.cancer
        status = (self.doc.get("status") or {}).get("bone_metastasis")
        paras: list[str] = []
        if cancer.histology or cancer.stage:
            hist = pick(HISTOLOGIES[cancer.histology or "other"], self.lang)
            if cancer.stage:
                paras.append(self.t("dx_cancer_stage", histology=hist, stage=cancer.stage))
            else:
                paras.append(self.t("dx_cancer", histology=hist))
            if cancer.histology in NSCLC_SUBTYPES:
                paras.append(self.t("dx_nsclc"))
        if cancer.drivers:
            paras.append(self.t("dx_drivers", drivers=join(list(cancer.drivers), self.lang)))
        if status == "confirmed":
            paras.append(self.t("dx_confirmed"))
            sites = lay_sites(self.case.lesions, self.lang)
            if sites:
                paras.append(self.t("dx_sites", sites=join(sites, self.lang)))
            paras.append(self.t("dx_confirmed_meaning"))
        elif status == "suspected":
            paras.append(self.t("dx_suspected"))
        elif status == "not_found":
            paras.append(self.t("dx_not_found"))
        if not paras:
            return None
        return Section("diagnosis", self.t("sec_diagnosis"), paragraphs=tuple(paras))

    def bone_drug(self) -> Section | None:
        if self.current is None:
            return None
        drug = self.current
        st = drug_state(self.view, drug)
        nxt = self.next_dose()
        dose = nxt[1] if nxt else (st.last_given.dose_mg if st.last_given else None)
        route = self.t("route_sc" if drug == "denosumab" else "route_iv")
        rows: list[tuple[str, ...]] = [(self.t("bd_drug"), self.drug_name(drug))]
        if dose is not None:
            rows.append((self.t("bd_dose"), fmt_dose(dose, self.lang)))
        rows.append((self.t("bd_how"), route))
        rows.append((self.t("bd_interval"), fmt_interval(st.interval, self.lang)))
        if nxt:
            when = (self.t("bd_next_overdue", date=self.date(nxt[0])) if nxt[2]
                    else self.t("bd_next_due", date=self.date(nxt[0])))
            rows.append((self.t("bd_next"), when))
        items: list[Item] = []
        if drug == "zoledronic_acid":
            items.append(Item(self.t("bd_za_kidney")))
        if drug == "denosumab":
            items.append(Item(self.t("bd_den_no_stop"), urgent=True))
        return Section("bone_drug", self.t("sec_bone_drug"), paragraphs=(self.t("bd_intro"),),
                       table=tuple(rows), items=tuple(items))

    def supplements(self) -> Section | None:
        if self.current is None:
            return None
        high = bool({"BMA-HYPERCALCAEMIA", "DEN-REBOUND-CALCIUM"} & self.rules) or any(
            e.kind == "hypercalcaemia" and 0 <= (self.as_of - e.date).days <= 30
            for e in self.view.events)
        if high:
            return Section("supplements", self.t("sec_supplements"),
                           items=(Item(self.t("sup_high_calcium"), urgent=True),))
        items = [Item(self.t("sup_take"))]
        sup = self.case.supplements
        if sup.calcium is not True or sup.vitamin_d is not True:
            items.append(Item(self.t("sup_missing")))
        if "BMA-HYPOCALCAEMIA" in self.rules:
            items.append(Item(self.t("sup_low_calcium"), urgent=True))
        return Section("supplements", self.t("sec_supplements"), items=tuple(items))

    def next_dental_checkup(self) -> date | None:
        exams = self.view.dental_exams
        return max(exams) + timedelta(days=self.params.dental_review_days) if exams else None

    def dental(self) -> Section | None:
        if not self.bma_ever():
            return None
        drugs = sorted({a.drug for a in self.view.given() + self.view.planned()})
        shown = [self.current] if self.current else drugs
        items = [Item(self.t("dent_checkups"))]
        nxt = self.next_dental_checkup()
        if nxt is None:
            items.append(Item(self.t("dent_first_checkup")))
        else:
            items.append(Item(self.t("dent_next_checkup", when=self._when(nxt))))
        items.append(Item(self.t("dent_hygiene" if self.current else "dent_hygiene_past",
                                 drug=join([self.drug_name(d) for d in shown], self.lang))))
        items.append(Item(self.t("dent_minor_ok")))
        items.append(Item(self.t("dent_no_invasive"), urgent=True))
        for p in self.view.dental_procedures:
            if p.planned and p.kind in INVASIVE_DENTAL:
                items.append(Item(self.t(
                    "dent_planned_invasive", date=self.date(p.date),
                    procedure=pick(DENTAL_PROCEDURES[p.kind], self.lang)), urgent=True))
        return Section("dental", self.t("sec_dental"), items=tuple(items))

    def den_stopped(self) -> bool:
        """The §5 rebound window is open (denosumab stopped, as-of within days 0–395)."""
        if not self.den or not self.den.get("stopped"):
            return False
        end = _d(self.den.get("window_end"))
        return self.current != "denosumab" and (end is None or self.as_of <= end)

    def warning_signs(self) -> Section:
        items = [Item(self.t("warn_emergency"), urgent=True), Item(self.t("warn_pain"))]
        if self.den_stopped():
            items.append(Item(self.t("warn_back_pain_den")))
            items.append(Item(self.t("warn_high_calcium_den")))
        if self.current is not None:
            items.append(Item(self.t("warn_low_calcium")))
        if self.bma_ever():
            items.append(Item(self.t("warn_jaw")))
        return Section("warning_signs", self.t("sec_warning"), items=tuple(items))

    def denosumab_stop(self) -> Section | None:
        if not self.den_stopped():
            return None
        den = self.den
        paras = []
        last = _d(den.get("last_dose"))
        if last:
            paras.append(self.t("den_stopped_since", date=self.date(last)))
        paras.append(self.t("den_why"))
        items: list[Item] = []
        peak = den.get("peak_window") or []
        if len(peak) == 2:
            items.append(Item(self.t("den_peak", start=self.date(_d(peak[0])),
                                     end=self.date(_d(peak[1])))))
        checks = [_d(c) for c in den.get("checks_due") or []]
        if checks:
            items.append(Item(self.t("den_checks",
                                     dates=join([self.date(c) for c in checks], self.lang))))
        end = _d(den.get("window_end"))
        if end:
            items.append(Item(self.t("den_until", date=self.date(end))))
        if den.get("risk_level") == "high":
            items.append(Item(self.t("den_high_risk"), urgent=True))
        if "DEN-REBOUND-CTX" in self.rules or "DEN-REBOUND-CALCIUM" in self.rules:
            items.append(Item(self.t("den_rebound_seen"), urgent=True))
        return Section("denosumab_stop", self.t("sec_den_stop"), paragraphs=tuple(paras),
                       items=tuple(items))

    def _when(self, d: date) -> str:
        if d < self.as_of:
            return self.t("when_asap", date=self.date(d))
        return self.date(d)

    def tests(self) -> Section | None:
        rows: list[tuple[date, str, str]] = []
        if self.den_stopped():
            for c in self.den.get("checks_due") or []:
                d = _d(c)
                rows.append((d, self.t("test_ctx_check"), self._when(d)))
            if "DEN-MONITOR-DUE" in self.rules and not rows:
                rows.append((self.as_of, self.t("test_ctx_check"), self.t("when_now")))
        nxt = self.next_dose()
        if nxt is not None:
            when = self.t("when_before_dose", date=self.date(nxt[0]))
            if nxt[2]:
                when = self.t("when_now")
            rows.append((nxt[0], self.t("test_calcium_before"), when))
            if self.current == "zoledronic_acid":
                rows.append((nxt[0], self.t("test_creatinine_before"), when))
        if self.bma_ever():
            exam = self.next_dental_checkup()
            if exam is not None:
                rows.append((exam, self.t("test_dental"), self._when(exam)))
        if "WU-PAIN-FIXED" in self.rules:
            rows.append((self.as_of, self.t("test_imaging_pain"), self.t("when_arranged")))
        elif self.rules & _IMAGING_RULES:
            rows.append((self.as_of, self.t("test_imaging_bones"), self.t("when_arranged")))
        for e in self.view.events:
            if e.planned and e.date >= self.as_of and f"event_{e.kind}" in _EVENT_KEYS:
                rows.append((e.date, self.t(f"event_{e.kind}"), self.date(e.date)))
        if not rows:
            return None
        rows.sort(key=lambda r: r[0])
        return Section("tests", self.t("sec_tests"),
                       table_header=(self.t("tests_what"), self.t("tests_when")),
                       table=tuple((what, when) for _, what, when in rows))

    def contacts(self) -> Section | None:
        c = self.clinic
        if c is None:
            return None
        rows = [(self.t(k), v) for k, v in (
            ("contact_clinic", c.name), ("contact_phone", c.phone),
            ("contact_after_hours", c.after_hours_phone), ("contact_address", c.address),
        ) if v and v.strip()]
        if not rows:
            return None
        return Section("contacts", self.t("sec_contacts"), table=tuple(rows))


# work-up findings whose advice is imaging of the bones (rule book §3)
_IMAGING_RULES = {"WU-SCAN-CONFIRM", "WU-ALP-RISE", "WU-CTX-RISE", "WU-HIGH-RISK",
                  "WU-MRI-BLASTIC"}
_EVENT_KEYS = {"event_radiotherapy", "event_surgery_to_bone", "event_vertebroplasty"}

SECTION_ORDER = ("diagnosis", "bone_drug", "supplements", "denosumab_stop", "warning_signs",
                 "dental", "tests", "contacts")


def build_careplan(case: Case, assessment: Any, as_of: date, lang: str, *,
                   params: Params = DEFAULTS, clinic: Clinic | None = None) -> CarePlan:
    """The care plan for ``case`` as of ``as_of`` in ``lang`` (``"en"`` or ``"zh"``)."""
    if lang not in LANGS:
        raise ValueError(f"lang: {lang!r} is not a care-plan language (en, zh)")
    b = _Builder(case, assessment_doc(assessment), as_of, lang, params, clinic)
    makers = {
        "diagnosis": b.diagnosis, "bone_drug": b.bone_drug, "supplements": b.supplements,
        "dental": b.dental, "denosumab_stop": b.denosumab_stop, "tests": b.tests,
        "warning_signs": b.warning_signs, "contacts": b.contacts,
    }
    sections = tuple(s for s in (makers[k]() for k in SECTION_ORDER) if s is not None)
    labels = {k: say(lang, k) for k in (
        "patient", "mrn", "as_of", "colon", "signature", "sign_date", "footer_note")}
    labels["page"] = say(lang, "page", n="{n}", total="{total}")
    labels["printed"] = say(lang, "printed", date="{date}")
    return CarePlan(
        lang=lang, title=say(lang, "title"), subtitle=say(lang, "subtitle"),
        patient_name=case.patient.name, mrn=case.patient.mrn, as_of=as_of,
        sections=sections, labels=labels,
    )
