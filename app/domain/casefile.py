"""The case file (``bonemet-case/1``, rule book §10): validate a decoded JSON object into a
:class:`~app.domain.case.Case`, and serialise a case back.

:func:`parse_case` checks everything §10 lists: required keys, types (a bool must be a JSON
``true``/``false``; a number must not be a bool; dates are ``YYYY-MM-DD`` or ISO date-times),
allowed values, unknown keys (an error, never ignored), units against the analyte, and the
lesion constraints (a vertebra needs a ``level``; ``limb`` must agree with ``bone``;
``peritrochanteric`` only on a femur; ``pain`` values depend on vertebra vs other bones).
The first problem found raises :class:`CaseFileError`, whose ``str()`` is one line
``<field path>: <problem>`` (e.g. ``labs[0].unit: 'mmol/L' is not a unit of CTX``).

Messages never echo free text, dates or measurements (patient data); they may echo a short
code value that is not in an allowed list (a unit, a sex code), truncated.

:func:`case_to_json` is the inverse: ``parse_case(case_to_json(c)) == c``. No I/O here: reading
a file is ``app.interop.casefile_io``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from app.domain import case as C
from app.domain.casefile_write import case_to_json  # the inverse, re-exported here
from app.domain.codes.loinc import analyte_for_loinc
from app.domain.dates import DateFormatError, parse_date_or_datetime
from app.domain.limits import (
    ANALGESIC_STEP_RANGE,
    LESION_SIZE_MM_RANGE,
    MAX_LINE_DRUGS,
    NRS_RANGE,
    PACK_YEARS_RANGE,
    PDL1_RANGE,
    THERAPY_LINE_RANGE,
    case_limit_problem,
    json_limit_problem,
    range_problem,
)
from app.domain.units import ANALYTES as UNIT_TABLE
from app.domain.units import UnitError, factor

__all__ = ["CaseFileError", "case_to_json", "parse_case"]


class CaseFileError(ValueError):
    """A case file that does not follow §10; ``str()`` = ``<field>: <problem>`` (one line)."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


_DATE_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_MISSING = object()


def _show(value: Any) -> str:
    """A short repr of a rejected code value (never long free text)."""
    text = repr(value)
    return text if len(text) <= 32 else text[:29] + "...'"


def _choices(allowed: tuple[str, ...]) -> str:
    if len(allowed) > 8:
        return ", ".join(allowed[:8]) + ", ..."
    return ", ".join(allowed)


# ---------------------------------------------------------------- field readers


class _Obj:
    """One JSON object being read: tracks its path and which keys were consumed."""

    def __init__(self, raw: Any, path: str, allowed: tuple[str, ...]) -> None:
        if not isinstance(raw, dict):
            raise CaseFileError(path, "expected an object")
        for key in raw:
            if not isinstance(key, str) or key not in allowed:
                sub = f"{path}.{key}" if path else str(key)
                raise CaseFileError(sub, "unknown key")
        self.raw = raw
        self.path = path

    def p(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, required: bool = False) -> Any:
        value = self.raw.get(key, None)
        if value is None and required:
            raise CaseFileError(self.p(key), "required")
        return value

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise CaseFileError(self.p(key), "expected a string")
        if required and not value.strip():
            raise CaseFileError(self.p(key), "must not be empty")
        return value

    def choice(self, key: str, allowed: tuple[str, ...], required: bool = False) -> str | None:
        value = self.get(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or value not in allowed:
            raise CaseFileError(
                self.p(key), f"{_show(value)} is not one of {_choices(allowed)}"
            )
        return value

    def boolean(self, key: str) -> bool | None:
        value = self.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            raise CaseFileError(self.p(key), "expected true or false")
        return value

    def number(
        self, key: str, required: bool = False, *, positive: bool = False,
        non_negative: bool = False,
    ) -> float | None:
        value = self.get(key, required)
        if value is None:
            return None
        return _number(value, self.p(key), positive=positive, non_negative=non_negative)

    def integer(
        self, key: str, low: int | None = None, high: int | None = None
    ) -> int | None:
        value = self.get(key)
        if value is None:
            return None
        return _integer(value, self.p(key), low, high)

    def when(self, key: str, required: bool = False) -> tuple[date, datetime | None] | None:
        value = self.get(key, required)
        if value is None:
            return None
        return _when(value, self.p(key))

    def day(self, key: str, required: bool = False) -> date | None:
        """A calendar date (a time of day, if given, is not kept)."""
        found = self.when(key, required)
        return None if found is None else found[0]

    def bounded(self, key: str, limits: tuple[float, float], unit: str = "",
                required: bool = False) -> float | None:
        """A number within ``limits`` (:mod:`app.domain.limits`)."""
        value = self.number(key, required)
        problem = range_problem(value, limits, unit)
        if problem is not None:
            raise CaseFileError(self.p(key), problem)
        return value

    def strings(self, key: str) -> list[str] | None:
        value = self.get(key)
        if value is None:
            return None
        items = _list(value, self.p(key))
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise CaseFileError(f"{self.p(key)}[{i}]", "expected a non-empty string")
            out.append(item)
        return out


def _number(value: Any, path: str, *, positive: bool = False, non_negative: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CaseFileError(path, "expected a number")
    if not math.isfinite(value):
        raise CaseFileError(path, "expected a finite number")
    if positive and value <= 0:
        raise CaseFileError(path, "must be > 0")
    if non_negative and value < 0:
        raise CaseFileError(path, "must not be negative")
    return float(value)


def _integer(value: Any, path: str, low: int | None = None, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CaseFileError(path, "expected a whole number")
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise CaseFileError(path, "expected a whole number")
        value = int(value)
    if low is not None and value < low:
        raise CaseFileError(path, f"must be ≥ {low}" if high is None else f"must be {low}–{high}")
    if high is not None and value > high:
        raise CaseFileError(path, f"must be {low}–{high}")
    return value


def _when(value: Any, path: str) -> tuple[date, datetime | None]:
    problem = "expected a date YYYY-MM-DD or an ISO date-time"
    if not isinstance(value, str) or not _DATE_RE.match(value.strip()):
        raise CaseFileError(path, problem)
    try:
        return parse_date_or_datetime(value)
    except DateFormatError:
        raise CaseFileError(path, "not a valid calendar date or time") from None


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise CaseFileError(path, "expected a list")
    return value


def _records(raw: dict[str, Any], key: str, path: str, reader: Callable[[Any, str], Any]) -> list:
    value = raw.get(key)
    if value is None:
        return []
    return [reader(item, f"{path}[{i}]") for i, item in enumerate(_list(value, path))]


# ---------------------------------------------------------------- sections

_TOP = (
    "schema", "patient", "cancer", "symptoms", "labs", "imaging", "biopsies", "lesions", "bma",
    "supplements", "dental", "events", "status_override",
    # optional oncology-history keys (issue 20; docs/case-file.md)
    "therapy_lines", "pdl1", "smoking", "disease_course",
)


def _patient(raw: Any) -> C.Patient:
    o = _Obj(raw, "patient", ("mrn", "name", "sex", "birth_date", "weight_kg", "osteoporosis",
                              "language"))
    birth = o.when("birth_date")
    return C.Patient(
        mrn=o.text("mrn", required=True),  # type: ignore[arg-type]
        name=o.text("name"),
        sex=o.choice("sex", C.SEXES),
        birth_date=birth[0] if birth else None,
        weight_kg=o.number("weight_kg", positive=True),
        osteoporosis=o.boolean("osteoporosis"),
        language=o.choice("language", C.LANGUAGES),
    )


def _cancer(raw: Any) -> C.Cancer:
    o = _Obj(raw, "cancer", tuple(C.Cancer.__dataclass_fields__))
    kps = o.integer("kps", 0, 100)
    if kps is not None and kps % 10:
        raise CaseFileError("cancer.kps", "must be a multiple of 10")
    return C.Cancer(
        histology=o.choice("histology", C.HISTOLOGIES),
        stage=o.choice("stage", C.STAGES),
        drivers=o.strings("drivers"),
        targeted_therapy=o.boolean("targeted_therapy"),
        immunotherapy=o.boolean("immunotherapy"),
        prior_chemotherapy=o.boolean("prior_chemotherapy"),
        visceral_treatable=o.boolean("visceral_treatable"),
        disseminated=o.boolean("disseminated"),
        visceral_metastases=o.strings("visceral_metastases"),
        visceral_lesion_count=o.integer("visceral_lesion_count", 0),
        ecog=o.integer("ecog", 0, 5),
        kps=kps,
        frankel=o.choice("frankel", C.FRANKEL),
    )


def _symptom(raw: Any, path: str) -> C.Symptom:
    o = _Obj(raw, path, ("date", "kind", "pattern", "site", "mechanical", "nrs",
                         "analgesic_step"))
    d, at = o.when("date", required=True)  # type: ignore[misc]
    return C.Symptom(
        date=d, at=at,
        kind=o.choice("kind", C.SYMPTOM_KINDS, required=True),  # type: ignore[arg-type]
        pattern=o.choice("pattern", C.PAIN_PATTERNS),
        site=o.text("site"),
        mechanical=o.boolean("mechanical"),
        nrs=o.integer("nrs", *NRS_RANGE),
        analgesic_step=o.integer("analgesic_step", *ANALGESIC_STEP_RANGE),
    )


def _lab(raw: Any, path: str) -> C.Lab:
    o = _Obj(raw, path, ("date", "analyte", "value", "unit", "ref_low", "ref_high", "fasting",
                         "method", "comparator", *_LAB_PROVENANCE))
    d, at = o.when("date", required=True)  # type: ignore[misc]
    analyte = o.choice("analyte", tuple(UNIT_TABLE), required=True)
    value = o.number("value", required=True, non_negative=True)
    unit = o.text("unit", required=True)
    try:
        factor(analyte, unit)  # type: ignore[arg-type]
    except UnitError:
        raise CaseFileError(o.p("unit"), f"{_show(unit)} is not a unit of {analyte}") from None
    ref_low = o.number("ref_low", non_negative=True)
    ref_high = o.number("ref_high", non_negative=True)
    if ref_low is not None and ref_high is not None and ref_low > ref_high:
        raise CaseFileError(o.p("ref_low"), "must not be above ref_high")
    return C.Lab(
        date=d, at=at, analyte=analyte, value=value, unit=unit,  # type: ignore[arg-type]
        ref_low=ref_low, ref_high=ref_high, fasting=o.boolean("fasting"), method=o.text("method"),
        comparator=o.choice("comparator", C.LAB_COMPARATORS),
        **_lab_provenance(o, analyte, unit),  # type: ignore[arg-type]
    )


#: Optional provenance keys of labs[] (an extension of bonemet-case/1, documented in
#: docs/clinical-readings.md): what the laboratory sent, kept through export and import.
_LAB_PROVENANCE = ("loinc", "flag", "ref_text", "source")
_LOINC_RE = re.compile(r"^\d{1,7}-\d$")
_LAB_FLAGS = ("H", "L", "N")


def _lab_provenance(o: _Obj, analyte: str, unit: str) -> dict[str, str | None]:
    code = o.text("loinc")
    if code is not None:
        if not _LOINC_RE.match(code):
            raise CaseFileError(o.p("loinc"), f"{_show(code)} is not a LOINC code (NNNNN-N)")
        known = analyte_for_loinc(code)
        if known is not None and known != analyte:
            raise CaseFileError(o.p("loinc"), f"{code} is a LOINC code of {known}, not {analyte}")
    return {"loinc": code, "flag": o.choice("flag", _LAB_FLAGS),
            "ref_text": o.text("ref_text"), "source": o.text("source")}


def _imaging(raw: Any, path: str) -> C.Imaging:
    o = _Obj(raw, path, ("date", "modality", "region", "result", "pattern", "bone_destruction",
                         "report"))
    d, at = o.when("date", required=True)  # type: ignore[misc]
    return C.Imaging(
        date=d, at=at,
        modality=o.choice("modality", C.MODALITIES, required=True),  # type: ignore[arg-type]
        region=o.text("region", required=True),  # type: ignore[arg-type]
        result=o.choice("result", C.IMAGING_RESULTS, required=True),  # type: ignore[arg-type]
        pattern=o.choice("pattern", C.LESION_PATTERNS),
        bone_destruction=o.boolean("bone_destruction"),
        report=o.text("report"),
    )


def _biopsy(raw: Any, path: str) -> C.Biopsy:
    o = _Obj(raw, path, ("date", "region", "result"))
    d, at = o.when("date", required=True)  # type: ignore[misc]
    return C.Biopsy(
        date=d, at=at,
        region=o.text("region", required=True),  # type: ignore[arg-type]
        result=o.choice("result", C.BIOPSY_RESULTS, required=True),  # type: ignore[arg-type]
    )


def _lesion(raw: Any, path: str) -> C.Lesion:
    o = _Obj(raw, path, (
        "region", "bone", "level", "side", "limb", "peritrochanteric", "pattern", "pain",
        "alignment", "collapse", "posterolateral", "size", "escc", "first_seen", "size_mm",
    ))
    region = o.text("region", required=True)
    bone = o.choice("bone", C.BONES, required=True)
    vertebra = bone == "vertebra"
    if vertebra:
        level = o.choice("level", C.VERTEBRAL_LEVELS, required=True)
    else:
        level = None
        if o.get("level") is not None:
            raise CaseFileError(o.p("level"), "only a vertebra has a level")
    limb = o.choice("limb", C.LIMBS)
    if limb is not None:
        expected = (
            "lower" if bone in C.LOWER_LIMB_BONES
            else "upper" if bone in C.UPPER_LIMB_BONES else None
        )
        if expected is None:
            raise CaseFileError(o.p("limb"), f"a {bone} lesion is not in a limb")
        if limb != expected:
            raise CaseFileError(o.p("limb"), f"a {bone} is in the {expected} limb")
    peri = o.boolean("peritrochanteric")
    if peri and bone != "femur":
        raise CaseFileError(o.p("peritrochanteric"), "true only on a femur")
    pain = o.choice("pain", C.VERTEBRAL_PAIN if vertebra else C.LIMB_PAIN)
    return C.Lesion(
        region=region, bone=bone, level=level,  # type: ignore[arg-type]
        side=o.choice("side", C.SIDES), limb=limb, peritrochanteric=bool(peri),
        pattern=o.choice("pattern", C.LESION_PATTERNS), pain=pain,
        alignment=o.choice("alignment", C.ALIGNMENTS),
        collapse=o.choice("collapse", C.COLLAPSES),
        posterolateral=o.choice("posterolateral", C.POSTEROLATERAL),
        size=o.choice("size", C.SIZES), escc=o.choice("escc", C.ESCC_GRADES),
        first_seen=o.day("first_seen"),
        size_mm=o.bounded("size_mm", LESION_SIZE_MM_RANGE, "mm"),
    )


def _administration(raw: Any, path: str) -> C.Administration:
    o = _Obj(raw, path, ("date", "drug", "dose_mg", "planned"))
    d, at = o.when("date", required=True)  # type: ignore[misc]
    return C.Administration(
        date=d, at=at,
        drug=o.choice("drug", C.DRUGS, required=True),  # type: ignore[arg-type]
        dose_mg=o.number("dose_mg", required=True, positive=True),  # type: ignore[arg-type]
        planned=bool(o.boolean("planned")),
    )


def _stop(raw: Any, path: str) -> C.Stop:
    o = _Obj(raw, path, ("drug", "date", "reason"))
    drug = o.choice("drug", C.DRUGS, required=True)
    d, at = o.when("date", required=True)  # type: ignore[misc]
    return C.Stop(drug=drug, date=d, at=at, reason=o.text("reason"))  # type: ignore[arg-type]


def _bma(raw: Any) -> C.Bma:
    o = _Obj(raw, "bma", ("administrations", "interval_days", "stops"))
    intervals: dict[str, int] = {}
    iv = o.get("interval_days")
    if iv is not None:
        io = _Obj(iv, "bma.interval_days", C.DRUGS)
        for drug in iv:
            intervals[drug] = _integer(io.get(drug, required=True), io.p(drug), 1)
    return C.Bma(
        administrations=_records(raw, "administrations", "bma.administrations", _administration),
        interval_days=intervals,
        stops=_records(raw, "stops", "bma.stops", _stop),
    )


def _supplements(raw: Any) -> C.Supplements:
    o = _Obj(raw, "supplements", ("calcium", "vitamin_d"))
    return C.Supplements(calcium=o.boolean("calcium"), vitamin_d=o.boolean("vitamin_d"))


def _procedure(raw: Any, path: str) -> C.DentalProcedure:
    o = _Obj(raw, path, ("date", "kind", "planned"))
    d, at = o.when("date", required=True)  # type: ignore[misc]
    return C.DentalProcedure(
        date=d, at=at,
        kind=o.choice("kind", C.DENTAL_KINDS, required=True),  # type: ignore[arg-type]
        planned=bool(o.boolean("planned")),
    )


def _exam(raw: Any, path: str) -> C.DentalExam:
    """One of ``dental.exams``: a date, or an object with the date and the exam's findings."""
    if not isinstance(raw, dict):
        return C.DentalExam(_when(raw, path)[0])
    o = _Obj(raw, path, ("date", "oral_hygiene", "infection", "extraction_needed"))
    return C.DentalExam(
        date=o.day("date", required=True),  # type: ignore[arg-type]
        oral_hygiene=o.choice("oral_hygiene", C.ORAL_HYGIENE),
        infection=o.boolean("infection"), extraction_needed=o.boolean("extraction_needed"),
    )


def _dental(raw: Any) -> C.Dental:
    _Obj(raw, "dental", ("exams", "procedures"))  # checks the keys
    exams = _records(raw, "exams", "dental.exams", _exam)
    return C.Dental(exams=[e.date for e in exams],
                    procedures=_records(raw, "procedures", "dental.procedures", _procedure),
                    findings=[e for e in exams if e.has_findings()])


def _therapy_line(raw: Any, path: str) -> C.TherapyLine:
    o = _Obj(raw, path, ("line", "drugs", "start", "stop", "stop_reason", "best_response",
                         "note"))
    line = o.get("line", required=True)
    line = _integer(line, o.p("line"), *THERAPY_LINE_RANGE)
    drugs = o.strings("drugs")
    if not drugs:
        raise CaseFileError(o.p("drugs"), "required")  # at least one drug name
    if len(drugs) > MAX_LINE_DRUGS:
        raise CaseFileError(o.p("drugs"), f"must have at most {MAX_LINE_DRUGS} drugs")
    start = o.day("start", required=True)
    stop = o.day("stop")
    if stop is not None and start is not None and stop < start:
        raise CaseFileError(o.p("stop"), "must not be before start")
    reason = o.choice("stop_reason", C.THERAPY_STOP_REASONS)
    if reason is not None and stop is None:
        raise CaseFileError(o.p("stop_reason"), "only a stopped line has a reason for stop")
    return C.TherapyLine(
        line=line, drugs=[d.strip() for d in drugs], start=start,  # type: ignore[arg-type]
        stop=stop, stop_reason=reason,
        best_response=o.choice("best_response", C.RECIST_RESPONSES), note=o.text("note"),
    )


def _pdl1(raw: Any, path: str) -> C.Pdl1:
    o = _Obj(raw, path, ("date", "tps", "cps", "assay"))
    d = o.day("date", required=True)
    tps = o.bounded("tps", PDL1_RANGE, "%")
    cps = o.bounded("cps", PDL1_RANGE)
    if tps is None and cps is None:
        raise CaseFileError(o.p("tps"), "required")  # a TPS or a CPS
    return C.Pdl1(date=d, tps=tps, cps=cps, assay=o.text("assay"))  # type: ignore[arg-type]


def _smoking(raw: Any, path: str) -> C.Smoking:
    o = _Obj(raw, path, ("date", "status", "pack_years"))
    d = o.day("date", required=True)
    status = o.choice("status", C.SMOKING_STATUSES, required=True)
    packs = o.bounded("pack_years", PACK_YEARS_RANGE)
    if status == "never" and packs:
        raise CaseFileError(o.p("pack_years"), "must be 0 for a never-smoker")
    return C.Smoking(date=d, status=status, pack_years=packs)  # type: ignore[arg-type]


def _course(raw: Any, path: str) -> C.CourseEntry:
    o = _Obj(raw, path, ("date", "kind", "stage"))
    return C.CourseEntry(
        date=o.day("date", required=True),  # type: ignore[arg-type]
        kind=o.choice("kind", C.COURSE_KINDS, required=True),  # type: ignore[arg-type]
        stage=o.choice("stage", C.STAGES),
    )


def _event(raw: Any, path: str) -> C.Event:
    o = _Obj(raw, path, ("date", "kind", "region", "vertebral", "planned"))
    d, at = o.when("date", required=True)  # type: ignore[misc]
    kind = o.choice("kind", C.EVENT_KINDS, required=True)
    planned = bool(o.boolean("planned"))
    if planned and kind not in C.PLANNABLE_EVENTS:
        raise CaseFileError(o.p("planned"), f"a {kind} event cannot be planned")
    return C.Event(
        date=d, at=at, kind=kind, region=o.text("region"),  # type: ignore[arg-type]
        vertebral=o.boolean("vertebral"), planned=planned,
    )


def _override(raw: Any) -> C.StatusOverride:
    o = _Obj(raw, "status_override", ("status", "date", "by", "reason"))
    status = o.choice("status", C.STATUSES, required=True)
    d, _at = o.when("date", required=True)  # type: ignore[misc]
    return C.StatusOverride(status=status, date=d, by=o.text("by"),  # type: ignore[arg-type]
                            reason=o.text("reason"))


def parse_case(obj: object) -> C.Case:
    """Validate a decoded JSON object against §10 and return the :class:`Case`.

    Raises :class:`CaseFileError` (one line: ``<field path>: <problem>``) on the first problem.
    """
    if not isinstance(obj, dict):
        raise CaseFileError("(case)", "expected a JSON object")
    _check_limits(json_limit_problem(obj))
    top = _Obj(obj, "", _TOP)
    schema = top.get("schema", required=True)
    if schema != C.SCHEMA:
        raise CaseFileError("schema", f"expected {C.SCHEMA!r}")
    if top.get("patient") is None:
        raise CaseFileError("patient", "required")
    patient = _patient(obj["patient"])
    cancer = C.Cancer() if obj.get("cancer") is None else _cancer(obj["cancer"])
    symptoms = _records(obj, "symptoms", "symptoms", _symptom)
    labs = _records(obj, "labs", "labs", _lab)
    imaging = _records(obj, "imaging", "imaging", _imaging)
    biopsies = _records(obj, "biopsies", "biopsies", _biopsy)
    lesions = _records(obj, "lesions", "lesions", _lesion)
    bma = C.Bma() if obj.get("bma") is None else _bma(obj["bma"])
    supplements = (C.Supplements() if obj.get("supplements") is None
                   else _supplements(obj["supplements"]))
    dental = C.Dental() if obj.get("dental") is None else _dental(obj["dental"])
    events = _records(obj, "events", "events", _event)
    override = None if obj.get("status_override") is None else _override(obj["status_override"])
    case = C.Case(
        patient=patient, cancer=cancer, symptoms=symptoms, labs=labs, imaging=imaging,
        biopsies=biopsies, lesions=lesions, bma=bma, supplements=supplements, dental=dental,
        events=events, status_override=override,
        therapy_lines=_records(obj, "therapy_lines", "therapy_lines", _therapy_line),
        pdl1=_records(obj, "pdl1", "pdl1", _pdl1),
        smoking=_records(obj, "smoking", "smoking", _smoking),
        disease_course=_records(obj, "disease_course", "disease_course", _course),
    )
    _check_limits(case_limit_problem(case))
    return case


def _check_limits(problem: tuple[str, str] | None) -> None:
    """Raise the parser or plausibility limit problem (:mod:`app.domain.limits`), if any."""
    if problem is not None:
        raise CaseFileError(*problem)
