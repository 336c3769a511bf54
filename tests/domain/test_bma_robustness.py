"""Property test: on arbitrary small BMA histories the BMA/DEN/DENT modules never raise, fire
each rule at most once, emit JSON-ready data with bilingual messages, and the summary and
derived.denosumab stay consistent with the findings."""

import json
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import rules_bma, rules_bma_ca, rules_bma_za, rules_den, rules_dental
from app.domain.case import DENTAL_KINDS, DRUGS, Administration
from app.domain.denosumab import denosumab_derived

from .bma_cases import T0, event, lab, make, proc, stop, view_of

days = st.integers(min_value=-500, max_value=200)
doses = st.builds(
    lambda k, drug, mg, planned: Administration(T0 + timedelta(days=k), drug, mg, planned),
    days, st.sampled_from(DRUGS[:3]), st.sampled_from([4.0, 3.5, 5.0, 60.0, 120.0, 90.0]),
    st.booleans(),
)
labs = st.builds(
    lambda k, analyte, v: lab(T0 + timedelta(days=k), analyte, v),
    days, st.sampled_from(["CTX", "CA", "ICA", "ALB", "CREA"]),
    st.floats(min_value=0.01, max_value=400, allow_nan=False),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ds=st.lists(doses, max_size=6),
    ls=st.lists(labs, max_size=6),
    stops=st.lists(st.tuples(days, st.sampled_from(DRUGS[:2])), max_size=2),
    procs=st.lists(st.tuples(days, st.sampled_from(DENTAL_KINDS), st.booleans()), max_size=2),
    evs=st.lists(st.tuples(days, st.sampled_from(["fracture", "onj", "hypercalcaemia"])),
                 max_size=2),
    exams=st.lists(days, max_size=2),
    weight=st.one_of(st.none(), st.floats(min_value=30, max_value=120)),
    sex=st.sampled_from(["female", "male", "other", None]),
)
def test_modules_are_robust(ds, ls, stops, procs, evs, exams, weight, sex):
    case = make(
        doses=ds, labs=ls,
        stops=[stop(T0 + timedelta(days=k), drug) for k, drug in stops],
        procedures=[proc(T0 + timedelta(days=k), kind, planned) for k, kind, planned in procs],
        events=[event(T0 + timedelta(days=k), kind, vertebral=True) for k, kind in evs],
        exams=[T0 + timedelta(days=k) for k in exams],
        weight_kg=weight, sex=sex,
    )
    view = view_of(case, T0)
    found = []
    for m in (rules_bma, rules_bma_za, rules_bma_ca, rules_den, rules_dental):
        found += m.evaluate(view)
    ids = [f.rule for f in found]
    assert len(ids) == len(set(ids))
    for f in found:
        json.dumps(f.to_json())
        assert f.message and f.message_zh and f.severity in ("critical", "warning", "info")
    den = denosumab_derived(view)
    if den is None:
        assert not any(i.startswith("DEN-") for i in ids)
    else:
        json.dumps(den)
        if "DEN-STOP-WINDOW" in ids:
            assert den["stopped"] is True and den["checks_due"] is not None
