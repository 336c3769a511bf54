"""Translated texts of the trend plot, its table and the rebound badge (context ``Trends``).

Numbers are formatted at the rule book's output precision (CTX 0.001 ng/mL, calcium
0.01 mmol/L, other labs 3 significant digits); values *as reported* are shown as reported.
Dates are ISO ``YYYY-MM-DD`` (unambiguous in both UI languages).
"""

from __future__ import annotations

from datetime import date

from app.domain.context import round_lab
from app.domain.trends import ChangeMarker, DoseMarker, EventMarker, StopMarker, TrendPoint
from app.domain.trends_rebound import ReboundFlag
from app.ui.labels import drug_label, ui_is_chinese
from app.ui.print_language import translate  # printouts draw in their own language

NONE_TEXT = "—"




def series_name(key: str) -> str:
    names = {
        "ALP": translate("Trends", "ALP"),
        "CTX": translate("Trends", "CTX"),
        "CA": translate("Trends", "Corrected calcium"),
        "CREA": translate("Trends", "Creatinine"),
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
    return {"H": translate("Trends", "H"), "L": translate("Trends", "L")}.get(flag or "", "")


def flag_long(flag: str | None) -> str:
    return {
        "H": translate("Trends", "H (above the reference range)"),
        "L": translate("Trends", "L (below the reference range)"),
    }.get(flag or "", translate("Trends", "within range"))


def yes_no(value: bool | None) -> str:
    if value is None:
        return NONE_TEXT
    return translate("Trends", "yes") if value else translate("Trends", "no")


def reference_text(point: TrendPoint, unit: str) -> str:
    return range_text(point.ref_low, point.ref_high, unit)


def range_text(low: float | None, high: float | None, unit: str) -> str:
    """A reference range in ``unit`` ("0.136–0.689 ng/mL", "≤ 0.7 ng/mL")."""
    if low is None and high is None:
        return NONE_TEXT
    if low is None:
        return translate("Trends", "≤ {high} {unit}").format(
            high=number(high), unit=unit_text(unit)
        )
    if high is None:
        return translate("Trends", "≥ {low} {unit}").format(low=number(low), unit=unit_text(unit))
    return translate("Trends", "{low}–{high} {unit}").format(
        low=number(low), high=number(high), unit=unit_text(unit)
    )


def point_tooltip(key: str, unit: str, p: TrendPoint) -> str:
    """Hover text: the value as reported with its unit, the date, fasting and the flag."""
    lines = [
        translate("Trends", "{name}: {value} {unit} (as reported)").format(
            name=series_name(key), value=number(p.reported_value), unit=unit_text(p.reported_unit)
        ),
    ]
    if key == "CA":
        state = (
            translate("Trends", "albumin-corrected")
            if p.corrected
            else translate("Trends", "not corrected (no albumin)")
        )
        lines.append(
            translate("Trends", "Corrected: {value} {unit} ({state})").format(
                value=canonical_value(key, p.value), unit=unit_text(unit), state=state
            )
        )
    elif p.converted:
        lines.append(
            translate("Trends", "Plotted as {value} {unit}").format(
                value=canonical_value(key, p.value), unit=unit_text(unit)
            )
        )
    lines.append(translate("Trends", "Date: {date}").format(date=p.date.isoformat()))
    lines.append(translate("Trends", "Fasting: {fasting}").format(fasting=yes_no(p.fasting)))
    lines.append(translate("Trends", "Flag: {flag}").format(flag=flag_long(p.flag)))
    lines.append(translate("Trends", "Reference: {range}").format(range=reference_text(p, unit)))
    if p.method:
        lines.append(translate("Trends", "Method: {method}").format(method=p.method))
    return "\n".join(lines)


def event_name(kind: str) -> str:
    names = {
        "pathological_fracture": translate("Trends", "Pathological fracture"),
        "fracture": translate("Trends", "Fracture"),
        "spinal_cord_compression": translate("Trends", "Spinal cord compression"),
        "radiotherapy": translate("Trends", "Radiotherapy"),
        "surgery_to_bone": translate("Trends", "Surgery to bone"),
        "vertebroplasty": translate("Trends", "Vertebroplasty"),
        "hypercalcaemia": translate("Trends", "Hypercalcaemia"),
        "onj": translate("Trends", "Osteonecrosis of the jaw"),
    }
    return names.get(kind, kind)


def event_short(e: EventMarker) -> str:
    """A few characters beside the event marker (printed plots have no hover)."""
    names = {
        "pathological_fracture": translate("Trends", "Path. fracture"),
        "fracture": translate("Trends", "Fracture"),
        "spinal_cord_compression": translate("Trends", "Cord compression"),
        "radiotherapy": translate("Trends", "RT"),
        "surgery_to_bone": translate("Trends", "Surgery"),
        "vertebroplasty": translate("Trends", "Vertebroplasty"),
        "hypercalcaemia": translate("Trends", "Hypercalcaemia"),
        "onj": translate("Trends", "ONJ"),
    }
    text = names.get(e.kind, e.kind)
    return f"{text} {e.region}" if e.region else text


def event_tooltip(e: EventMarker) -> str:
    text = translate("Trends", "{event} on {date}").format(
        event=event_name(e.kind), date=e.date.isoformat()
    )
    if e.region:
        text += "\n" + translate("Trends", "Region: {region}").format(region=e.region)
    if e.vertebral:
        text += "\n" + translate("Trends", "Vertebral")
    if e.planned:
        text += "\n" + translate("Trends", "Planned")
    return text


def dose_tooltip(d: DoseMarker) -> str:
    if d.planned:
        text = translate("Trends", "{drug} {dose} mg planned for {date}")
    else:
        text = translate("Trends", "{drug} {dose} mg on {date}")
    return text.format(drug=drug_label(d.drug), dose=number(d.dose_mg), date=d.date.isoformat())


def stop_label(s: StopMarker) -> str:
    if s.recorded:
        return translate("Trends", "Stop: {drug}").format(drug=drug_label(s.drug))
    return translate("Trends", "{drug} overdue: unrecorded stop").format(drug=drug_label(s.drug))


def stop_tooltip(s: StopMarker) -> str:
    text = stop_label(s) + " " + s.date.isoformat()
    if s.reason:
        text += "\n" + translate("Trends", "Reason: {reason}").format(reason=s.reason)
    return text


def change_tooltip(c: ChangeMarker) -> str:
    if c.kind == "method":
        text = translate("Trends", "{name}: method changed from {before} to {after} on {date}")
    else:
        text = translate("Trends", "{name}: unit changed from {before} to {after} on {date}")
    return text.format(
        name=series_name(c.series),
        before=unit_text(c.before),
        after=unit_text(c.after),
        date=c.date.isoformat(),
    )


def risk_text(level: str) -> str:
    return {"high": translate("Trends", "high"), "elevated": translate("Trends", "elevated")}.get(
        level, level
    )


def flag_short(flag: ReboundFlag) -> str:
    """One line for the registry / worklist badge."""
    if flag.rebound_found:
        return translate("Trends", "Rebound! day {day}").format(day=flag.day)
    return translate("Trends", "Rebound risk: day {day}/395").format(day=flag.day)


def flag_summary(flag: ReboundFlag) -> list[str]:
    """The flag in three short lines (chart header / trend view); details in the tooltip."""
    first = translate(
        "Trends", "Denosumab stopped — rebound-risk window open: day {day} of 395, risk {level}"
    )
    lines = [
        first.format(day=flag.day, level=risk_text(flag.risk_level)),
        translate(
            "Trends", "Last dose {last} · peak window {start} – {end}{now} · window ends {end_all}"
        ).format(
            last=flag.last_dose.isoformat(),
            start=flag.peak_window[0].isoformat(),
            end=flag.peak_window[1].isoformat(),
            now=translate("Trends", " (now)") if flag.in_peak_window else "",
            end_all=flag.window_end.isoformat(),
        ),
        translate("Trends", "Checks due (fasting CTX + calcium): {dates}").format(
            dates=", ".join(d.isoformat() for d in flag.checks_due) or NONE_TEXT
        ),
    ]
    if flag.findings:
        names = {
            "DEN-REBOUND-CTX": translate("Trends", "CTX rebound"),
            "DEN-REBOUND-CALCIUM": translate("Trends", "rebound hypercalcaemia"),
            "DEN-REBOUND-FRACTURE": translate("Trends", "rebound vertebral fracture"),
        }
        lines.append(
            translate("Trends", "Rebound found: {what} — see the alerts").format(
                what=", ".join(names.get(f.rule, f.rule) for f in flag.findings)
            )
        )
    return lines


def flag_lines(flag: ReboundFlag) -> list[str]:
    """The full flag, one fact a line (badge tooltip and the expanded badge)."""
    stop = (
        translate("Trends", "stop recorded {date}").format(date=iso(flag.stop_date))
        if flag.stop_recorded
        else translate("Trends", "no dose for more than the interval + 56 days (unrecorded stop)")
    )
    lines = [
        translate(
            "Trends", "Denosumab stopped — rebound-risk window open (day {day} of 0–395)"
        ).format(day=flag.day),
        translate("Trends", "Last dose {date}; {stop}").format(
            date=flag.last_dose.isoformat(), stop=stop
        ),
        translate("Trends", "Peak window {start} – {end}{now}").format(
            start=flag.peak_window[0].isoformat(),
            end=flag.peak_window[1].isoformat(),
            now=translate("Trends", " (now)") if flag.in_peak_window else "",
        ),
        translate("Trends", "Window ends {date}").format(date=flag.window_end.isoformat()),
        translate("Trends", "Checks due (fasting CTX + calcium): {dates}").format(
            dates=", ".join(d.isoformat() for d in flag.checks_due) or NONE_TEXT
        ),
        translate("Trends", "Risk level: {level}").format(level=risk_text(flag.risk_level)),
    ]
    if flag.nadir_ng_ml is not None:
        lines.append(
            translate("Trends", "CTX nadir {value} ng/mL ({date})").format(
                value=canonical_value("CTX", flag.nadir_ng_ml), date=iso(flag.nadir_date)
            )
        )
    for f in flag.findings:
        message = f.message_zh if _chinese_ui() else f.message
        lines.append(translate("Trends", "{rule}: {message}").format(rule=f.rule, message=message))
    return lines


def _chinese_ui() -> bool:
    """The rule engine gives each message in English and Chinese: follow the UI language."""
    return ui_is_chinese()
