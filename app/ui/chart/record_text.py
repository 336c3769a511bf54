"""One-line texts for chart records and findings (timeline rows, history, tooltips).

A lab shows its value *as reported* with the unit, the canonical conversion when the unit is
not the canonical one (``812 pg/mL = 0.812 ng/mL``), the H/L flag as text (never colour alone),
the reference range and fasting. No clinical logic: conversions come from the domain.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain import oncology_text as HT
from app.domain.context import round_lab
from app.domain.names import region_text
from app.domain.units import ANALYTES, normalise_unit, to_canonical
from app.ui.forms.choices import label
from app.ui.labels import ui_lang

translate = QCoreApplication.translate


def fill(text: str, *args: Any) -> str:
    """Put ``args`` into a translated text's ``%1``, ``%2``… (highest number first)."""
    for i in range(len(args), 0, -1):
        text = text.replace(f"%{i}", str(args[i - 1]))
    return text


def num(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def lab_text(x: Any) -> str:
    comparator = getattr(x, "comparator", None)
    shown = f"{comparator} {num(x.value)}" if comparator else num(x.value)
    parts = [f"{x.analyte} {shown} {unit_text(x.unit)}"]
    info = ANALYTES.get(x.analyte)
    if comparator:
        pass  # a bound: neither converted nor flagged here
    elif info is not None and normalise_unit(x.unit) != normalise_unit(info.canonical):
        try:
            canon = round_lab(x.analyte, to_canonical(x.analyte, x.value, x.unit))
            parts[0] += f" = {canon:g} {unit_text(info.canonical)}"
        except (KeyError, ValueError):
            pass
    if comparator:
        pass
    elif x.ref_high is not None and x.value > x.ref_high:
        parts.append(translate("RecordText", "H (high)"))
    elif x.ref_low is not None and x.value < x.ref_low:
        parts.append(translate("RecordText", "L (low)"))
    if x.ref_low is not None or x.ref_high is not None:
        parts.append(fill(translate("RecordText", "ref %1"),
                          f"{num(x.ref_low)}–{num(x.ref_high)}"))
    if x.fasting is True:
        parts.append(translate("RecordText", "fasting"))
    elif x.fasting is False:
        parts.append(translate("RecordText", "not fasting"))
    if x.method:
        parts.append(x.method)
    return " · ".join(parts)


def record_text(kind: str, r: Any) -> str:
    """What the record says, in one line."""
    planned = translate("RecordText", " (planned)") if getattr(r, "planned", False) else ""
    if kind == "lab":
        return lab_text(r)
    if kind == "administration":
        return f"{label(r.drug)} {num(r.dose_mg)} mg{planned}"
    if kind == "stop":
        reason = f": {r.reason}" if r.reason else ""
        return translate("RecordText", "Stop %1").replace("%1", label(r.drug)) + reason
    if kind == "interval":
        return fill(translate("RecordText", "%1 every %2 days"), label(r.drug), r.days)
    if kind == "imaging":
        extra = [label(r.pattern)] if r.pattern else []
        if r.bone_destruction:
            extra.append(translate("RecordText", "bone destruction"))
        more = f" ({', '.join(extra)})" if extra else ""
        report = f" · {r.report}" if getattr(r, "report", None) else ""
        return f"{label(r.modality)} {_region(r.region)}: {label(r.result)}{more}{report}"
    if kind == "biopsy":
        return fill(translate("RecordText", "Biopsy %1: %2"), _region(r.region), label(r.result))
    if kind == "dental_exam":
        found = HT.dental_findings_text(r, ui_lang())
        return translate("RecordText", "Dental exam") + (f": {found}" if found else "")
    if kind == "dental_procedure":
        return translate("RecordText", "Dental: %1").replace("%1", label(r.kind)) + planned
    if kind == "event":
        where = f" {_region(r.region)}" if r.region else ""
        return f"{label(r.kind)}{where}{planned}"
    if kind == "symptom":
        bits = [label(r.kind)]
        if r.pattern:
            bits.append(label(r.pattern))
        if r.site:
            bits.append(_region(r.site))
        pain = HT.pain_text(r, ui_lang())
        return " · ".join([*bits, pain] if pain else bits)
    if kind == "lesion":
        where = r.level or label(r.bone)
        if where.casefold() == (r.region or "").strip().casefold():
            where = label(r.bone)
        side = f" {label(r.side)}" if r.side else ""
        extra = HT.lesion_extra_text(r, ui_lang())
        return f"{_region(r.region)} ({where}{side})" + (f" · {extra}" if extra else "")
    return _history_text(kind, r)


def _history_text(kind: str, r: Any) -> str:
    """An oncology-history record in words (the domain's bilingual catalogue)."""
    lang = ui_lang()
    if kind == "therapy_line":
        return HT.therapy_line_text(r, lang)
    if kind == "pdl1":
        return HT.pdl1_text(r, lang)
    if kind == "smoking":
        return HT.smoking_text(r, lang)
    if kind == "course":
        return HT.course_text(r, lang)
    return str(r)


def _region(text: str | None) -> str:
    """A free-text region as the reader reads it (display only; the record keeps its text)."""
    return region_text(text, ui_lang())


def record_when(r: Any) -> str:
    at = getattr(r, "at", None)
    if isinstance(at, datetime):
        return at.strftime("%Y-%m-%d %H:%M")
    d = getattr(r, "date", None)
    return d.isoformat() if isinstance(d, date) else "—"


def unit_text(unit: str) -> str:
    """Units as printed (µ, not u)."""
    return unit.replace("umol", "µmol").replace("ug/", "µg/").replace("uL", "µL")
