"""Care-plan sections from "Your bone medicine" to "Your dental procedure" (rule book §11).

Each function takes the :class:`~app.domain.careplan_facts.PlanFacts` and the language and
returns a :class:`~app.domain.careplan_model.Section`, or ``None`` when its §11 condition does
not hold. The leaflet sections (teeth, contacts, blood tests) are in
:mod:`app.domain.careplan_leaflet`.
"""

from __future__ import annotations

from datetime import date

from app.domain.careplan_facts import REBOUND_RULES, PlanFacts
from app.domain.careplan_model import Item, Section
from app.domain.careplan_sites import sites_text
from app.domain.careplan_text import (
    DENTAL_PROCEDURES,
    LAY_DRUGS,
    ROUTE_IV,
    ROUTES,
    fmt_date,
    join,
    pick,
    say,
)
from app.domain.dates import days_between

DEN_TRIGGER_DAYS = 180  # DENT-INVASIVE: denosumab given within the 180 days before


def lay_drug(drug: str, lang: str) -> str:
    return pick(LAY_DRUGS[drug], lang)


def _d(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def medicine(f: PlanFacts, lang: str) -> Section:
    """"Your bone medicine": the status sentence, the active drugs, the next-dose line."""
    paras: list[str] = []
    items: list[Item] = []
    if f.status == "confirmed":
        paras.append(say(lang, "status_confirmed"))
        sites = sites_text(f.case.lesions, lang)
        if sites:
            paras.append(say(lang, "sites", sites=sites))
    elif f.status == "suspected":
        paras.append(say(lang, "status_suspected"))
    else:
        paras.append(say(lang, "status_neutral"))
    if f.bma_recorded:
        paras.append(say(lang, "med_intro"))
    for drug in f.active:
        route = pick(ROUTES.get(drug, ROUTE_IV), lang)
        interval = f.view.interval(drug)
        if drug != "clodronate" and interval % 7 == 0:
            paras.append(say(lang, "med_drug_every", drug=lay_drug(drug, lang), route=route,
                             weeks=interval // 7))
        else:
            paras.append(say(lang, "med_drug", drug=lay_drug(drug, lang), route=route))
    nxt = f.next_dose()
    if nxt.row == 1:
        items.append(Item(say(lang, "next_hold"), urgent=True))
        items += [Item(say(lang, "reason", reason=say(lang, r))) for r in nxt.reasons]
    elif nxt.row == 2:
        items.append(Item(say(lang, "next_confirm"), urgent=True))
    elif nxt.row == 3:
        items.append(Item(say(lang, "next_on", drug=lay_drug(nxt.dose.drug, lang),
                              date=fmt_date(nxt.dose.date, lang))))
    elif nxt.row == 4:
        items.append(Item(say(lang, "next_overdue", date=fmt_date(nxt.dose.date, lang)),
                          urgent=True))
    elif nxt.row == 5:
        items.append(Item(say(lang, "next_unbooked"), urgent=True))
    else:
        items.append(Item(say(lang, "no_more")))
    if f.denosumab_running() and not f.denosumab_stop_section():
        items.append(Item(say(lang, "den_no_stop") + " " + say(lang, "den_no_stop_why")
                          if lang == "en" else
                          say(lang, "den_no_stop") + say(lang, "den_no_stop_why"), urgent=True))
    return Section("medicine", say(lang, "sec_medicine"), tuple(paras), tuple(items))


def calcium(f: PlanFacts, lang: str, *, calcium_target: bool = False) -> Section | None:
    """"Calcium and vitamin D": printed when a BMA is active or calcium tablets must stop."""
    stop = f.no_calcium_tablets()
    if not f.active and not stop:
        return None
    items: list[Item] = []
    if stop:
        items.append(Item(say(lang, "ca_stop"), urgent=True))
        items.append(Item(say(lang, "ca_stop_why")))
    else:
        items.append(Item(say(lang, "ca_take")))
        if calcium_target:
            items.append(Item(say(lang, "ca_target")))
        sup = f.case.supplements
        if sup.calcium is not True or sup.vitamin_d is not True:
            items.append(Item(say(lang, "ca_not_recorded")))
    if f.fires("BMA-HYPOCALCAEMIA"):
        items.append(Item(say(lang, "ca_low"), urgent=True))
    return Section("calcium", say(lang, "sec_calcium"), (), tuple(items))


def spine(f: PlanFacts, lang: str) -> Section | None:
    """"Urgent: your spine": WU-MSCC fires (its 30-day window)."""
    if not f.fires("WU-MSCC"):
        return None
    return Section("spine", say(lang, "sec_spine"), (say(lang, "spine_known"),),
                   (Item(say(lang, "spine_signs"), urgent=True),))


def denosumab_stop(f: PlanFacts, lang: str) -> Section | None:
    """"After stopping denosumab": DEN-STOP-WINDOW or any DEN-REBOUND-* fires."""
    if not f.denosumab_stop_section():
        return None
    den = f.den or {}
    paras: list[str] = []
    last = _d(den.get("last_dose"))
    if last:
        paras.append(say(lang, "den_last", date=fmt_date(last, lang)))
    paras.append(say(lang, "den_risk"))
    end = _d(den.get("window_end"))
    if end:
        paras.append(say(lang, "den_until", date=fmt_date(end, lang)))
    items: list[Item] = []
    if f.fires(*REBOUND_RULES):
        items.append(Item(say(lang, "den_rebound"), urgent=True))
    checks = [d for d in (_d(c) for c in den.get("checks_due") or []) if d is not None]
    if checks:
        items.append(Item(say(lang, "den_checks")))
        for c in sorted(checks):
            key = "den_check_overdue" if c < f.as_of else "den_check"
            items.append(Item(say(lang, key, date=fmt_date(c, lang)), urgent=c < f.as_of))
    items.append(Item(say(lang, "den_no_start_stop"), urgent=True))
    items.append(Item(say(lang, "den_back_pain")))
    items.append(Item(say(lang, "den_high_calcium")))
    return Section("denosumab_stop", say(lang, "sec_den_stop"), tuple(paras), tuple(items))


def jaw(f: PlanFacts, lang: str) -> Section | None:
    """"About your jaw": DENT-ONJ fires."""
    if not f.fires("DENT-ONJ"):
        return None
    return Section("jaw", say(lang, "sec_jaw"), (say(lang, "jaw_onj"),), (
        Item(say(lang, "jaw_clean")), Item(say(lang, "jaw_report"), urgent=True),
        Item(say(lang, "jaw_no_work"))))


def _den_triggered(f: PlanFacts, procedure_date: date) -> bool:
    return any(a.drug == "denosumab"
               and 0 <= days_between(a.date, procedure_date) <= DEN_TRIGGER_DAYS
               for a in f.given)


def dental_procedure(f: PlanFacts, lang: str) -> Section | None:
    """"Your dental procedure": DENT-INVASIVE fires; the hold plan in dates."""
    if not f.fires("DENT-INVASIVE"):
        return None
    data = f.data("DENT-INVASIVE")
    proc = data.get("procedure") or {}
    when = _d(proc.get("date"))
    kind = proc.get("kind")
    name = pick(DENTAL_PROCEDURES.get(kind, DENTAL_PROCEDURES["oral_surgery"]), lang)
    paras: list[str] = []
    if when:
        paras.append(say(lang, "dp_planned", procedure=name, date=fmt_date(when, lang)))
        if when < f.as_of:
            paras.append(say(lang, "dp_passed"))
    paras.append(say(lang, "dp_why", days=f.params.dental_hold_days))
    items: list[Item] = []
    latest = data.get("latest_dose") or {}
    last_date = _d(latest.get("date"))
    if last_date and not latest.get("planned") and when:
        items.append(Item(say(lang, "dp_last", date=fmt_date(last_date, lang),
                              days=days_between(last_date, when))))
    in_hold = sorted({d for d in (_d(x.get("date")) for x in data.get(
        "planned_doses_in_hold") or [] if isinstance(x, dict)) if d})
    if in_hold:
        items.append(Item(say(lang, "dp_in_hold", dates=join(
            [fmt_date(d, lang) for d in in_hold], lang)), urgent=True))
    earliest = _d(data.get("earliest_date_meeting_hold"))
    if earliest:
        key = "dp_earliest_extraction" if kind == "extraction" else "dp_earliest"
        items.append(Item(say(lang, key, date=fmt_date(earliest, lang)), urgent=True))
    if when and _den_triggered(f, when):
        items.append(Item(say(lang, "dp_den")))
    items.append(Item(say(lang, "dp_agree")))
    return Section("dental_procedure", say(lang, "sec_dental_proc"), tuple(paras),
                   tuple(items))

