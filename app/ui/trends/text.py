"""Translated texts of the trend plot, its table and the rebound badge (context ``Trends``).

Numbers are formatted at the rule book's output precision (CTX 0.001 ng/mL, calcium
0.01 mmol/L, other labs 3 significant digits); values *as reported* are shown as reported.
Dates are ISO ``YYYY-MM-DD`` (unambiguous in both UI languages).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.context import round_lab
from app.domain.trends import ChangeMarker, DoseMarker, EventMarker, StopMarker, TrendPoint
from app.domain.trends_rebound import ReboundFlag
from app.ui.labels import drug_label

NONE_TEXT = "—"


def tr(text: str) -> str:
    return QCoreApplication.translate("Trends", text)


def series_name(key: str) -> str:
    names = {
        "ALP": tr("ALP"),
        "CTX": tr("CTX"),
        "CA": tr("Corrected calcium"),
        "CREA": tr("Creatinine"),
    }
    return names.get(key, key)


def unit_text(unit: str) -> str:
    """Units as printed (µ, not u); never passed through an SI-prefix formatter."""
    return unit.replace("umol", "µmol").replace("ug/", "µg/")


def number(value: float) -> str:
    """A number without float noise: up to 6 significant digits, no exponent."""
    text = f"{value:.6g}"
    if "e" in text:
        text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text


def canonical_value(key: str, value: float) -> str:
    analyte = "CA" if key == "CA" else key
    return number(round_lab(analyte, value))


def iso(d: date | None) -> str:
    return NONE_TEXT if d is None else d.isoformat()


def flag_text(flag: str | None) -> str:
    return {"H": tr("H"), "L": tr("L")}.get(flag or "", "")


def flag_long(flag: str | None) -> str:
    return {"H": tr("H (above the reference range)"),
            "L": tr("L (below the reference range)")}.get(flag or "", tr("within range"))


def yes_no(value: bool | None) -> str:
    if value is None:
        return NONE_TEXT
    return tr("yes") if value else tr("no")


def reference_text(point: TrendPoint, unit: str) -> str:
    low, high = point.ref_low, point.ref_high
    if low is None and high is None:
        return NONE_TEXT
    if low is None:
        return tr("≤ {high} {unit}").format(high=number(high), unit=unit_text(unit))
    if high is None:
        return tr("≥ {low} {unit}").format(low=number(low), unit=unit_text(unit))
    return tr("{low}–{high} {unit}").format(low=number(low), high=number(high),
                                           unit=unit_text(unit))


def point_tooltip(key: str, unit: str, p: TrendPoint) -> str:
    """Hover text: the value as reported with its unit, the date, fasting and the flag."""
    lines = [
        tr("{name}: {value} {unit} (as reported)").format(
            name=series_name(key), value=number(p.reported_value),
            unit=unit_text(p.reported_unit)),
    ]
    if key == "CA":
        state = tr("albumin-corrected") if p.corrected else tr("not corrected (no albumin)")
        lines.append(tr("Corrected: {value} {unit} ({state})").format(
            value=canonical_value(key, p.value), unit=unit_text(unit), state=state))
    elif p.converted:
        lines.append(tr("Plotted as {value} {unit}").format(
            value=canonical_value(key, p.value), unit=unit_text(unit)))
    lines.append(tr("Date: {date}").format(date=p.date.isoformat()))
    lines.append(tr("Fasting: {fasting}").format(fasting=yes_no(p.fasting)))
    lines.append(tr("Flag: {flag}").format(flag=flag_long(p.flag)))
    lines.append(tr("Reference: {range}").format(range=reference_text(p, unit)))
    if p.method:
        lines.append(tr("Method: {method}").format(method=p.method))
    return "\n".join(lines)


def event_name(kind: str) -> str:
    names = {
        "pathological_fracture": tr("Pathological fracture"),
        "fracture": tr("Fracture"),
        "spinal_cord_compression": tr("Spinal cord compression"),
        "radiotherapy": tr("Radiotherapy"),
        "surgery_to_bone": tr("Surgery to bone"),
        "vertebroplasty": tr("Vertebroplasty"),
        "hypercalcaemia": tr("Hypercalcaemia"),
        "onj": tr("Osteonecrosis of the jaw"),
    }
    return names.get(kind, kind)


def event_short(e: EventMarker) -> str:
    """A few characters beside the event marker (printed plots have no hover)."""
    names = {
        "pathological_fracture": tr("Path. fracture"),
        "fracture": tr("Fracture"),
        "spinal_cord_compression": tr("Cord compression"),
        "radiotherapy": tr("RT"),
        "surgery_to_bone": tr("Surgery"),
        "vertebroplasty": tr("Vertebroplasty"),
        "hypercalcaemia": tr("Hypercalcaemia"),
        "onj": tr("ONJ"),
    }
    text = names.get(e.kind, e.kind)
    return f"{text} {e.region}" if e.region else text


def event_tooltip(e: EventMarker) -> str:
    text = tr("{event} on {date}").format(event=event_name(e.kind), date=e.date.isoformat())
    if e.region:
        text += "\n" + tr("Region: {region}").format(region=e.region)
    if e.vertebral:
        text += "\n" + tr("Vertebral")
    if e.planned:
        text += "\n" + tr("Planned")
    return text


def dose_tooltip(d: DoseMarker) -> str:
    key = "{drug} {dose} mg planned for {date}" if d.planned else "{drug} {dose} mg on {date}"
    return tr(key).format(drug=drug_label(d.drug), dose=number(d.dose_mg),
                          date=d.date.isoformat())


def stop_label(s: StopMarker) -> str:
    if s.recorded:
        return tr("Stop: {drug}").format(drug=drug_label(s.drug))
    return tr("{drug} overdue: unrecorded stop").format(drug=drug_label(s.drug))


def stop_tooltip(s: StopMarker) -> str:
    text = stop_label(s) + " " + s.date.isoformat()
    if s.reason:
        text += "\n" + tr("Reason: {reason}").format(reason=s.reason)
    return text


def change_tooltip(c: ChangeMarker) -> str:
    key = ("{name}: method changed from {before} to {after} on {date}" if c.kind == "method"
           else "{name}: unit changed from {before} to {after} on {date}")
    return tr(key).format(name=series_name(c.series), before=unit_text(c.before),
                          after=unit_text(c.after), date=c.date.isoformat())


def risk_text(level: str) -> str:
    return {"high": tr("high"), "elevated": tr("elevated")}.get(level, level)


def flag_short(flag: ReboundFlag) -> str:
    """One line for the registry / worklist badge."""
    if flag.rebound_found:
        return tr("Rebound! day {day}").format(day=flag.day)
    return tr("Rebound risk: day {day}/395").format(day=flag.day)


def flag_summary(flag: ReboundFlag) -> list[str]:
    """The flag in three short lines (chart header / trend view); details in the tooltip."""
    first = tr("Denosumab stopped — rebound-risk window open: day {day} of 395, risk {level}")
    lines = [
        first.format(day=flag.day, level=risk_text(flag.risk_level)),
        tr("Last dose {last} · peak window {start} – {end}{now} · window ends {end_all}").format(
            last=flag.last_dose.isoformat(), start=flag.peak_window[0].isoformat(),
            end=flag.peak_window[1].isoformat(),
            now=tr(" (now)") if flag.in_peak_window else "",
            end_all=flag.window_end.isoformat()),
        tr("Checks due (fasting CTX + calcium): {dates}").format(
            dates=", ".join(d.isoformat() for d in flag.checks_due) or NONE_TEXT),
    ]
    if flag.findings:
        names = {"DEN-REBOUND-CTX": tr("CTX rebound"),
                 "DEN-REBOUND-CALCIUM": tr("rebound hypercalcaemia"),
                 "DEN-REBOUND-FRACTURE": tr("rebound vertebral fracture")}
        lines.append(tr("Rebound found: {what} — see the alerts").format(
            what=", ".join(names.get(f.rule, f.rule) for f in flag.findings)))
    return lines


def flag_lines(flag: ReboundFlag) -> list[str]:
    """The full flag, one fact a line (badge tooltip and the expanded badge)."""
    stop = (tr("stop recorded {date}").format(date=iso(flag.stop_date)) if flag.stop_recorded
            else tr("no dose for more than the interval + 56 days (unrecorded stop)"))
    lines = [
        tr("Denosumab stopped — rebound-risk window open (day {day} of 0–395)").format(
            day=flag.day),
        tr("Last dose {date}; {stop}").format(date=flag.last_dose.isoformat(), stop=stop),
        tr("Peak window {start} – {end}{now}").format(
            start=flag.peak_window[0].isoformat(), end=flag.peak_window[1].isoformat(),
            now=tr(" (now)") if flag.in_peak_window else ""),
        tr("Window ends {date}").format(date=flag.window_end.isoformat()),
        tr("Checks due (fasting CTX + calcium): {dates}").format(
            dates=", ".join(d.isoformat() for d in flag.checks_due) or NONE_TEXT),
        tr("Risk level: {level}").format(level=risk_text(flag.risk_level)),
    ]
    if flag.nadir_ng_ml is not None:
        lines.append(tr("CTX nadir {value} ng/mL ({date})").format(
            value=canonical_value("CTX", flag.nadir_ng_ml), date=iso(flag.nadir_date)))
    for f in flag.findings:
        message = f.message_zh if _chinese_ui() else f.message
        lines.append(tr("{rule}: {message}").format(rule=f.rule, message=message))
    return lines


def _chinese_ui() -> bool:
    """The rule engine gives each message in English and Chinese: follow the UI locale."""
    return QLocale().language() == QLocale.Language.Chinese
