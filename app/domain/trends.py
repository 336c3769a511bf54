"""The ALP/CTX trend plot's data, computed from a case as of a date (issue 6).

Everything the trend plot, its accessible table and the MDT-pack PNG show is computed here;
the UI only maps it to plot items. :func:`build_trend_data` returns a :class:`TrendData`:

- **series** (``ALP``, ``CTX``, optionally ``CA`` = corrected calcium and ``CREA``): one
  :class:`TrendPoint` per result dated on/before the as-of date (rule book §0), value in the
  canonical unit (§1: CTX reported in pg/mL or ng/L is shown in ng/mL), the value and unit *as
  reported* kept beside it, the H/L flag against the result's own range (else the §9 default),
  fasting and method;
- **reference bands**: the reference range as a step function over time (a lab's own range
  wins over the §9 default, which has an upper limit only);
- **least-significant-change bands** (§9 ``lsc_ctx`` / ``lsc_alp``): nadir × (1 ± lsc_ctx)
  around the denosumab CTX nadir (§5; its upper edge is the DEN-REBOUND-CTX threshold) and
  baseline × (1 ± lsc_alp) around the ALP baseline, read as WU-ALP-RISE reads it: the lowest
  other ALP in the ``lookback_days`` before the latest ALP (the upper edge is its threshold);
- bone-drug **doses** (given, and planned ones as plans), recorded **stops**, the denosumab
  **rebound windows** (peak days 60–120 and monitoring days 0–395 of a stopped course, §5),
  clinical **events** (fractures, radiotherapy, …) and **changes** of lab method or unit;
- the **rebound flag** (:mod:`app.domain.trends_rebound`).

Display ranges: ``"1y"`` and ``"3y"`` are the 12 / 36 calendar months up to the as-of date,
``"all"`` starts at the earliest record. The span ends on the as-of date, or at the end of the
peak window when a rebound window is open and its peak is still ahead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from app.domain.case import Case
from app.domain.context import CaseView
from app.domain.dates import add_months
from app.domain.findings import Finding
from app.domain.params import DEFAULTS, Params
from app.domain.trends_rebound import ReboundFlag, Window, course_windows, rebound_flag
from app.domain.units import ANALYTES, normalise_unit

RANGES = ("1y", "3y", "all")
RANGE_MONTHS = {"1y": 12, "3y": 36}
MAIN_SERIES = ("ALP", "CTX")
EXTRA_SERIES = ("CA", "CREA")  # corrected calcium, creatinine
EVENT_KINDS_SHOWN = (
    "pathological_fracture", "fracture", "spinal_cord_compression", "radiotherapy",
    "surgery_to_bone", "vertebroplasty", "hypercalcaemia", "onj",
)


@dataclass(frozen=True)
class TrendPoint:
    """One result on a series: canonical value for plotting, the report kept for display."""

    date: date
    value: float  # canonical unit (corrected calcium for the CA series), unrounded
    reported_value: float  # as reported (for CA: the measured calcium)
    reported_unit: str
    converted: bool  # the reported unit is not the canonical unit
    flag: str | None  # "H", "L" or None
    fasting: bool | None
    method: str | None
    ref_low: float | None  # canonical; the result's own range, else the §9 default
    ref_high: float | None
    lab_index: int  # position in ``case.labs`` (record pointer)
    corrected: bool | None = None  # CA only: an albumin was paired (Payne)
    albumin: float | None = None  # CA only: the paired albumin, g/L


@dataclass(frozen=True)
class RangeBand:
    """The reference range in force from ``start`` to ``end`` (canonical unit)."""

    start: date
    end: date
    low: float | None
    high: float | None
    source: str  # "lab" (the results' own range) or "default" (§9)


@dataclass(frozen=True)
class LscBand:
    """anchor × (1 ± lsc) from the anchor's date to the end of the span."""

    kind: str  # "nadir" (CTX) or "baseline" (ALP)
    anchor_date: date
    anchor_value: float
    lsc: float
    low: float
    high: float
    start: date
    end: date


@dataclass(frozen=True)
class TrendSeries:
    key: str  # "ALP", "CTX", "CA" (corrected calcium), "CREA"
    unit: str  # canonical unit
    points: tuple[TrendPoint, ...]
    bands: tuple[RangeBand, ...]
    lsc: LscBand | None = None


@dataclass(frozen=True)
class DoseMarker:
    date: date
    drug: str
    dose_mg: float
    planned: bool


@dataclass(frozen=True)
class StopMarker:
    date: date
    drug: str
    reason: str | None
    recorded: bool  # False: an unrecorded denosumab stop (§5), dated when it became one


@dataclass(frozen=True)
class EventMarker:
    date: date
    kind: str
    region: str | None
    vertebral: bool | None
    planned: bool


@dataclass(frozen=True)
class ChangeMarker:
    """The first result of a series reported with another method or unit than the one before."""

    date: date
    series: str
    kind: str  # "method" or "unit"
    before: str
    after: str


@dataclass(frozen=True)
class TrendData:
    as_of: date
    range_key: str
    start: date
    end: date
    series: dict[str, TrendSeries]  # in display order: ALP, CTX, then CA, CREA when asked
    doses: tuple[DoseMarker, ...]
    stops: tuple[StopMarker, ...]
    windows: tuple[Window, ...]
    events: tuple[EventMarker, ...]
    changes: tuple[ChangeMarker, ...]
    flag: ReboundFlag | None
    full: TrendData | None = field(default=None, compare=False, repr=False)  # unclipped

    @property
    def drugs(self) -> tuple[str, ...]:
        """Drugs with a dose or stop in the span, in order of first appearance."""
        seen: dict[str, None] = {}
        for item in sorted((*self.doses, *self.stops), key=lambda m: m.date):
            seen.setdefault(item.drug, None)
        return tuple(seen)

    def point_count(self) -> int:
        return sum(len(s.points) for s in self.series.values())

    def with_range(self, range_key: str) -> TrendData:
        """The same data clipped to another display range (no recomputation of the rules)."""
        full = self.full or self
        start = range_start(self.as_of, range_key, full._earliest())
        return _clip(full, range_key, start)

    def _earliest(self) -> date:
        dates = [p.date for s in self.series.values() for p in s.points]
        dates += [m.date for m in (*self.doses, *self.stops, *self.events)]
        return min(dates, default=self.as_of)


def range_start(as_of: date, range_key: str, earliest: date) -> date:
    """First day shown: 12 / 36 calendar months back, or the earliest record for ``all``."""
    if range_key not in RANGES:
        raise ValueError(f"range: {range_key!r} is not one of {', '.join(RANGES)}")
    if range_key == "all":
        return min(earliest, as_of)
    return add_months(as_of, -RANGE_MONTHS[range_key])


# ---- building ---------------------------------------------------------------------------------
def build_trend_data(
    case: Case,
    as_of: date,
    params: Params = DEFAULTS,
    range_key: str = "all",
    extra: tuple[str, ...] = EXTRA_SERIES,
    findings: Iterable[Finding] | None = None,
) -> TrendData:
    """Everything the trend plot shows for ``case`` as of ``as_of`` (see the module doc).

    ``extra`` picks the optional series (``"CA"`` corrected calcium, ``"CREA"`` creatinine);
    ``findings``: the assessment's findings for the same as-of date when the caller has them
    (the rebound flag then uses them instead of running the DEN rules again).
    """
    for key in extra:
        if key not in EXTRA_SERIES:
            raise ValueError(f"extra: {key!r} is not one of {', '.join(EXTRA_SERIES)}")
    view = CaseView(case, as_of, params)
    flag = rebound_flag(case, as_of, params, view=view, findings=findings)
    cw = course_windows(view)
    series: dict[str, TrendSeries] = {}
    for key in (*MAIN_SERIES, *extra):
        points = _points(view, key)
        series[key] = TrendSeries(key, _unit(key), points, ())
    doses = tuple(
        DoseMarker(a.date, a.drug, a.dose_mg, a.planned)
        for a in sorted((*view.given(), *view.planned()), key=lambda a: (a.date, a.planned))
    )
    stops = [StopMarker(s.date, s.drug, s.reason, True) for s in view.stops()]
    if cw is not None and cw.unrecorded_stop is not None:
        stops.append(StopMarker(cw.unrecorded_stop, "denosumab", None, False))
    windows = () if cw is None else cw.windows
    events = tuple(
        EventMarker(e.date, e.kind, e.region, e.vertebral, e.planned)
        for e in view.events
        if e.kind in EVENT_KINDS_SHOWN
    )
    changes = tuple(c for key in series for c in _changes(series[key]))
    end = as_of
    if flag is not None and flag.peak_window[1] > as_of:
        end = flag.peak_window[1]
    full = TrendData(
        as_of=as_of, range_key="all", start=as_of, end=end, series=series, doses=doses,
        stops=tuple(sorted(stops, key=lambda s: s.date)), windows=windows, events=events,
        changes=changes, flag=flag,
    )
    full = _with_bands(full, view, cw)
    return full.with_range(range_key)


def _unit(key: str) -> str:
    return ANALYTES[key].canonical


def _flag(value: float, low: float | None, high: float | None) -> str | None:
    if high is not None and value > high:
        return "H"
    if low is not None and value < low:
        return "L"
    return None


def _points(view: CaseView, key: str) -> tuple[TrendPoint, ...]:
    canonical = normalise_unit(_unit(key))
    out = []
    for lv in view.labs(key):
        lab = lv.lab
        converted = normalise_unit(lab.unit) != canonical
        if key == "CA":
            cc = view.corrected_calcium(lv)
            low, high, value = cc.lln, cc.uln, cc.value
            extra = {"corrected": cc.corrected,
                     "albumin": None if cc.albumin is None else cc.albumin.value}
        else:
            low, high, value = view.lln(lv), view.uln(lv), lv.value
            extra = {}
        out.append(TrendPoint(
            date=lv.date, value=value, reported_value=lab.value, reported_unit=lab.unit,
            converted=converted, flag=_flag(value, low, high), fasting=lab.fasting,
            method=lab.method, ref_low=low, ref_high=high, lab_index=lv.index, **extra,
        ))
    return tuple(out)


def _range_source(view: CaseView, p: TrendPoint) -> str:
    lab = view.case.labs[p.lab_index]
    return "lab" if (lab.ref_low is not None or lab.ref_high is not None) else "default"


def _bands(view: CaseView, s: TrendSeries, end: date) -> tuple[RangeBand, ...]:
    """The reference range as steps: a new step wherever the range in force changes."""
    steps: list[RangeBand] = []
    for p in s.points:
        if p.ref_low is None and p.ref_high is None:
            continue
        source = _range_source(view, p)
        if steps and (steps[-1].low, steps[-1].high) == (p.ref_low, p.ref_high):
            continue
        if steps:
            steps[-1] = replace(steps[-1], end=p.date)
        steps.append(RangeBand(p.date, end, p.ref_low, p.ref_high, source))
    return tuple(steps)


def _alp_baseline(points: tuple[TrendPoint, ...], lookback: int) -> TrendPoint | None:
    """WU-ALP-RISE's comparator: the lowest other ALP in the lookback before the latest."""
    if len(points) < 2:
        return None
    latest = points[-1]
    candidates = [
        p for p in points[:-1] if 0 <= (latest.date - p.date).days <= lookback
    ]
    return min(candidates, key=lambda p: (p.value, p.date), default=None)


def _with_bands(data: TrendData, view: CaseView, cw) -> TrendData:
    params = view.params
    out: dict[str, TrendSeries] = {}
    for key, s in data.series.items():
        lsc = None
        if key == "ALP":
            base = _alp_baseline(s.points, params.lookback_days)
            if base is not None:
                lsc = _lsc("baseline", base.date, base.value, params.lsc_alp, data.end)
        elif key == "CTX" and cw is not None and cw.nadir is not None:
            lsc = _lsc("nadir", cw.nadir.date, cw.nadir.value, params.lsc_ctx, data.end)
        out[key] = replace(s, bands=_bands(view, s, data.end), lsc=lsc)
    return replace(data, series=out)


def _lsc(kind: str, d: date, value: float, lsc: float, end: date) -> LscBand:
    return LscBand(kind, d, value, lsc, value * (1 - lsc), value * (1 + lsc), d, end)


def _changes(s: TrendSeries) -> list[ChangeMarker]:
    """Method changes (between known methods) and reported-unit changes along a series."""
    out: list[ChangeMarker] = []
    last_method: str | None = None
    last_unit: str | None = None
    for p in s.points:
        if p.method is not None:
            if last_method is not None and p.method.strip().casefold() != last_method.casefold():
                out.append(ChangeMarker(p.date, s.key, "method", last_method, p.method.strip()))
            last_method = p.method.strip()
        unit = normalise_unit(p.reported_unit)
        if last_unit is not None and unit != normalise_unit(last_unit):
            out.append(ChangeMarker(p.date, s.key, "unit", last_unit, p.reported_unit))
        last_unit = p.reported_unit
    return out


def _clip(data: TrendData, range_key: str, start: date) -> TrendData:
    def inside(d: date) -> bool:
        return start <= d <= data.end

    series = {}
    for key, s in data.series.items():
        bands = tuple(
            replace(b, start=max(b.start, start)) for b in s.bands if b.end >= start
        )
        lsc = s.lsc
        if lsc is not None:
            lsc = replace(lsc, start=max(lsc.start, start)) if lsc.end >= start else None
        points = tuple(p for p in s.points if inside(p.date))
        series[key] = replace(s, points=points, bands=bands, lsc=lsc)
    return replace(
        data,
        full=data,
        range_key=range_key,
        start=start,
        series=series,
        doses=tuple(m for m in data.doses if inside(m.date)),
        stops=tuple(m for m in data.stops if inside(m.date)),
        events=tuple(m for m in data.events if inside(m.date)),
        changes=tuple(m for m in data.changes if inside(m.date)),
    )

