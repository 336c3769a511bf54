"""The dental hold as the dental procedure form shows it: the actionable dates of
DENT-INVASIVE (rule book §6, rules/2).

The rule engine computes them (``earliest_date_meeting_hold``: never before the as-of date;
``planned_doses_in_hold``); this module only lays them out as one translated text under the
form's fields, so the user sees what to change before saving: move the procedure to the
earliest date or later, and skip or postpone the planned doses inside the hold.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from app.domain.findings import Finding
from app.ui.chart.record_text import fill
from app.ui.forms.choices import label

RULE = "DENT-INVASIVE"


def dental_hold_text(findings: Iterable[Finding]) -> str:
    """The hold's actionable dates from the DENT-INVASIVE finding ('' when it does not
    fire)."""
    f = next((f for f in findings if f.rule == RULE), None)
    if f is None:
        return ""
    d = f.data
    proc = d["procedure"]
    translate = QCoreApplication.translate
    lines = [fill(translate("DentalHold", "Dental hold (%1 days) for the %2 planned on %3:"),
                  d["hold_days"], label(proc["kind"]).lower(), proc["date"])]
    doses = d.get("planned_doses_in_hold") or []
    if doses:
        listed = ", ".join(f"{label(x['drug'])} {x['date']}" for x in doses)
        lines.append(fill(translate(
            "DentalHold", "• skip or postpone the planned dose(s) inside the hold: %1"), listed))
    earliest = d.get("earliest_date_meeting_hold")
    if earliest:
        lines.append(fill(translate(
            "DentalHold",
            "• move the procedure to %1 or later (the earliest date that keeps the gap)"),
            earliest))
    if not doses and not earliest:
        lines.append(translate("DentalHold", "• the gap is kept: no date needs to change"))
    lines.append(translate("DentalHold", "The oncologist and the dentist decide together."))
    return "\n".join(lines)
