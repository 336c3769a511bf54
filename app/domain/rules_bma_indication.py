"""Is there an oncology indication and an oncology dose? (rule book §4): BMA-NO-INDICATION
*(rules/2)* and BMA-NON-ONCOLOGY-DOSE.

- BMA-NO-INDICATION: the doses concerned are the doses (any drug) given 0–90 days before the
  as-of date plus every planned dose (overdue or future); it fires when there is at least one,
  the status is not ``confirmed``, ``patient.osteoporosis`` is not ``true``, and no
  hypercalcaemia — no ``hypercalcaemia`` event and no corrected calcium > ULN — is dated from
  ``window_start`` = (the earlier of the earliest dose concerned and the as-of date) − 90 days
  to the as-of date, both ends included.
- BMA-NON-ONCOLOGY-DOSE: a denosumab 60 mg, zoledronic acid 5 mg, or ibandronate 150 mg or
  3 mg dose, given within the last 90 days or planned (osteoporosis products).
"""

from __future__ import annotations

from datetime import timedelta

from app.domain.bma_state import dose_json
from app.domain.case import Administration
from app.domain.context import CaseView
from app.domain.dates import days_between
from app.domain.findings import Finding, RuleInfo, make_finding, register
from app.domain.rules_bma_common import dose_en, dose_zh, gt, status_of

RECENT_DAYS = 90
HYPERCALCAEMIA_LOOKBACK_DAYS = 90
#: Osteoporosis products/doses of §4 (drug → doses in mg).
NON_ONCOLOGY_DOSES_MG = {
    "denosumab": (60.0,), "zoledronic_acid": (5.0,), "ibandronate": (150.0, 3.0),
}

NO_INDICATION = register(201, RuleInfo(
    "BMA-NO-INDICATION", "warning",
    "a BMA dose (any drug) concerned — the doses given 0–90 days before the as-of date plus "
    "every planned dose (overdue or future); status ≠ confirmed; patient.osteoporosis is not "
    "true; and no hypercalcaemia (no hypercalcaemia event and no corrected calcium > ULN) "
    "dated from window_start = (the earlier of the earliest dose concerned and the as-of "
    "date) − 90 days to the as-of date",
    "no recorded indication for a BMA: there is no evidence for preventive use in lung cancer "
    "(breast-cancer adjuvant data do not transfer): confirm bone metastasis first (imaging, "
    "biopsy), record osteoporosis or hypercalcaemia if that is the reason, or cancel the plan",
    "未记录骨改良药物的用药指征：肺癌中预防性使用没有证据（乳腺癌辅助治疗数据不能外推）：请先确诊骨"
    "转移（影像、活检）；如用药是因为骨质疏松或高钙血症，请记录；否则取消计划",
    ("SEED", "GL", "DESIGN"),
    "SEED R45 (seed 000); GL ESMO 2020 [I,B] (a BMA for lung cancer with bone metastases); "
    "DESIGN (90-day windows)",
))
NON_ONCOLOGY = register(221, RuleInfo(
    "BMA-NON-ONCOLOGY-DOSE", "warning",
    "a denosumab 60 mg, zoledronic acid 5 mg or ibandronate 150 mg or 3 mg dose, given within "
    "the last 90 days or planned",
    "osteoporosis product/dose, not the oncology regimen",
    "此为骨质疏松的制剂/剂量，并非肿瘤用方案",
    ("LABEL",), "LABEL",
))

_STATUS_ZH = {"suspected": "疑似", "not_found": "未发现", "unknown": "未知"}


def _recent(view: CaseView, a: Administration) -> bool:
    return a.planned or 0 <= days_between(a.date, view.as_of) <= RECENT_DAYS


def _doses_concerned(view: CaseView) -> list[Administration]:
    doses = [a for a in view.given() + view.planned() if _recent(view, a)]
    return sorted(doses, key=lambda a: (a.date, a.planned))


def _hypercalcaemia_since(view: CaseView, start) -> bool:
    if any(e.kind == "hypercalcaemia" and not e.planned and start <= e.date <= view.as_of
           for e in view.events):
        return True
    for lv in view.labs("CA"):
        if lv.date >= start:
            cv = view.corrected_calcium(lv)
            if gt(cv.value, cv.uln):
                return True
    return False


def _no_indication(view: CaseView) -> Finding | None:
    status = status_of(view)
    osteoporosis = view.case.patient.osteoporosis
    if status == "confirmed" or osteoporosis is True:
        return None
    doses = _doses_concerned(view)
    if not doses:
        return None
    start = min(doses[0].date, view.as_of) - timedelta(days=HYPERCALCAEMIA_LOOKBACK_DAYS)
    if _hypercalcaemia_since(view, start):
        return None
    first = doses[0]
    more = f" (and {len(doses) - 1} more)" if len(doses) > 1 else ""
    more_zh = f"（另有{len(doses) - 1}次）" if len(doses) > 1 else ""
    st = status or "unknown"
    return make_finding(
        NO_INDICATION,
        f"No recorded indication for a bone-modifying agent: {dose_en(first)}{more}; bone "
        f"metastasis {st.replace('_', ' ')}, osteoporosis not recorded, no hypercalcaemia "
        f"since {start.isoformat()}. There is no evidence for preventive use in lung cancer "
        "(breast-cancer adjuvant data do not transfer): confirm bone metastasis first "
        "(imaging, biopsy), record osteoporosis or hypercalcaemia if that is the reason, or "
        "cancel the plan.",
        f"未记录骨改良药物的用药指征：{dose_zh(first)}{more_zh}；骨转移{_STATUS_ZH.get(st, st)}，"
        f"未记录骨质疏松，{start.isoformat()}以来无高钙血症。肺癌中预防性使用没有证据（乳腺癌辅助治疗"
        "数据不能外推）：请先确诊骨转移（影像、活检）；如用药是因为骨质疏松或高钙血症，请记录；否则取消"
        "计划。",
        {
            "status": status,
            "osteoporosis": osteoporosis,
            "window_start": start.isoformat(),
            "doses": [{"drug": a.drug, "date": a.date.isoformat(), "planned": a.planned}
                      for a in doses],
        },
        sort_date=first.date.isoformat(),
    )


def _is_non_oncology(a: Administration) -> bool:
    return any(abs(a.dose_mg - mg) < 1e-6 for mg in NON_ONCOLOGY_DOSES_MG.get(a.drug, ()))


def _non_oncology(view: CaseView) -> Finding | None:
    hits = [a for a in _doses_concerned(view) if _is_non_oncology(a)]
    if not hits:
        return None
    a = hits[0]
    return make_finding(
        NON_ONCOLOGY,
        f"{dose_en(a)[0].upper()}{dose_en(a)[1:]}: osteoporosis product/dose, not the "
        "oncology regimen (denosumab 120 mg q4w; zoledronic acid 4 mg, renally adjusted; "
        "ibandronate 6 mg IV every 3–4 weeks, renally adjusted).",
        f"{dose_zh(a)}：此为骨质疏松的制剂/剂量，并非肿瘤用方案（地舒单抗120 mg每4周；"
        "唑来膦酸4 mg，按肾功能调整；伊班膦酸钠6 mg静脉每3–4周，按肾功能调整）。",
        {"drug": a.drug, "dose_mg": a.dose_mg, "date": a.date.isoformat(),
         "planned": a.planned, "doses": [dose_json(h) for h in hits]},
        sort_date=a.date.isoformat(),
    )


def evaluate(view: CaseView) -> list[Finding]:
    """BMA-NO-INDICATION and BMA-NON-ONCOLOGY-DOSE findings for the view."""
    return [f for f in (_no_indication(view), _non_oncology(view)) if f is not None]
