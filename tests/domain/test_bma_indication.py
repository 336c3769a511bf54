"""rules/2 §4: BMA-NO-INDICATION (its dose window and hypercalcaemia window on both sides of
each edge), BMA-NON-ONCOLOGY-DOSE (ibandronate 150 / 3 mg, data keys), BMA-SUPPLEMENTS silent
while DEN-REBOUND-CALCIUM fires, and the §0 defined terms."""

import pytest

from app.domain import rules_bma_ca, rules_bma_indication, rules_den

from .bma_cases import T0, day, event, give, lab, make, plan, run, stop

NO = "BMA-NO-INDICATION"


def _no(case, as_of=T0, status="suspected"):
    return run(rules_bma_indication, case, as_of, status=status).get(NO)


# ---- BMA-NO-INDICATION --------------------------------------------------------------------

def test_fires_for_a_planned_dose_without_an_indication():
    case = make(doses=[plan(day(10), "zoledronic_acid", 4)])
    f = _no(case)
    assert f.severity == "warning"
    assert set(f.data) == {"status", "osteoporosis", "window_start", "doses"}
    assert f.data["status"] == "suspected" and f.data["osteoporosis"] is None
    # the earliest dose concerned is after the as-of date: window from as-of − 90
    assert f.data["window_start"] == day(-90).isoformat()
    assert f.data["doses"] == [{"drug": "zoledronic_acid", "date": day(10).isoformat(),
                                "planned": True}]
    assert "confirm bone metastasis first" in f.message and "cancel the plan" in f.message
    assert "骨转移" in f.message_zh


@pytest.mark.parametrize("status", ["suspected", "not_found", "unknown"])
def test_fires_for_every_status_but_confirmed(status):
    case = make(doses=[plan(day(10), "denosumab", 120)])
    assert _no(case, status=status).data["status"] == status
    assert _no(case, status="confirmed") is None


@pytest.mark.parametrize(("osteoporosis", "fires"), [(True, False), (False, True), (None, True)])
def test_osteoporosis_true_is_an_indication(osteoporosis, fires):
    case = make(doses=[plan(day(10), "denosumab", 120)], osteoporosis=osteoporosis)
    f = _no(case)
    assert (f is not None) is fires
    if f:
        assert f.data["osteoporosis"] is osteoporosis


@pytest.mark.parametrize(("given_day", "fires"), [(-90, True), (-91, False), (0, True)])
def test_given_doses_count_0_to_90_days_before_the_as_of_date(given_day, fires):
    case = make(doses=[give(day(given_day), "ibandronate", 6)])
    f = _no(case)
    assert (f is not None) is fires
    if f:
        assert f.data["doses"][0]["planned"] is False
        assert f.data["window_start"] == day(given_day - 90).isoformat()


def test_an_overdue_plan_counts_and_opens_the_window_earlier():
    case = make(doses=[plan(day(-200), "pamidronate", 90), give(day(-300), "pamidronate", 90)])
    f = _no(case)
    assert f.data["window_start"] == day(-290).isoformat()
    assert [d["date"] for d in f.data["doses"]] == [day(-200).isoformat()]  # the old dose: no


def test_lists_every_dose_concerned_oldest_first():
    case = make(doses=[plan(day(30), "denosumab", 120), give(day(-10), "denosumab", 120),
                       plan(day(-5), "denosumab", 120)])
    f = _no(case)
    assert [(d["date"], d["planned"]) for d in f.data["doses"]] == [
        (day(-10).isoformat(), False), (day(-5).isoformat(), True), (day(30).isoformat(), True)]
    assert f.data["window_start"] == day(-100).isoformat()


@pytest.mark.parametrize(("event_day", "fires"), [(-180, False), (-181, True), (0, False)])
def test_hypercalcaemia_event_window_edges(event_day, fires):
    # earliest dose concerned: given on day -90 → window_start = day -180
    case = make(doses=[give(day(-90), "zoledronic_acid", 4)],
                events=[event(day(event_day), "hypercalcaemia")])
    assert (_no(case) is not None) is fires


def test_hypercalcaemia_event_after_the_as_of_date_is_not_seen():
    case = make(doses=[plan(day(5), "zoledronic_acid", 4)],
                events=[event(day(1), "hypercalcaemia")])
    assert _no(case) is not None


@pytest.mark.parametrize(("ca_day", "value", "fires"), [
    (-180, 2.61, False), (-181, 2.61, True), (-180, 2.60, True), (0, 2.61, False),
])
def test_corrected_calcium_above_uln_in_the_window(ca_day, value, fires):
    case = make(doses=[give(day(-90), "zoledronic_acid", 4)],
                labs=[lab(day(ca_day), "CA", value)])
    assert (_no(case) is not None) is fires


def test_calcium_is_judged_corrected_and_by_its_own_range():
    # 2.55 measured with albumin 30 g/L → corrected 2.75 > 2.60: hypercalcaemia
    corrected = make(doses=[plan(day(5), "denosumab", 120)],
                     labs=[lab(day(-3), "CA", 2.55), lab(day(-3), "ALB", 30)])
    assert _no(corrected) is None
    own_range = make(doses=[plan(day(5), "denosumab", 120)],
                     labs=[lab(day(-3), "CA", 2.65, ref_high=2.70)])
    assert _no(own_range) is not None


def test_silent_without_any_dose_concerned():
    assert _no(make()) is None


# ---- BMA-NON-ONCOLOGY-DOSE -----------------------------------------------------------------

@pytest.mark.parametrize(("drug", "mg", "fires"), [
    ("ibandronate", 150, True), ("ibandronate", 3, True), ("ibandronate", 6, False),
    ("ibandronate", 4, False), ("denosumab", 60, True), ("zoledronic_acid", 5, True),
    ("zoledronic_acid", 4, False), ("pamidronate", 60, False),
])
def test_non_oncology_doses(drug, mg, fires):
    found = run(rules_bma_indication, make(doses=[plan(day(20), drug, mg)]), T0)
    assert ("BMA-NON-ONCOLOGY-DOSE" in found) is fires


def test_non_oncology_data_names_the_first_dose_and_lists_all():
    case = make(doses=[give(day(-90), "ibandronate", 150), plan(day(30), "ibandronate", 3),
                       give(day(-91), "ibandronate", 150)])
    f = run(rules_bma_indication, case, T0)["BMA-NON-ONCOLOGY-DOSE"]
    assert set(f.data) == {"drug", "dose_mg", "date", "planned", "doses"}
    assert (f.data["drug"], f.data["dose_mg"], f.data["date"], f.data["planned"]) == (
        "ibandronate", 150, day(-90).isoformat(), False)
    assert [(d["date"], d["dose_mg"]) for d in f.data["doses"]] == [
        (day(-90).isoformat(), 150), (day(30).isoformat(), 3)]
    assert "ibandronate 150 mg given" in f.message.lower()


# ---- BMA-SUPPLEMENTS while DEN-REBOUND-CALCIUM fires ---------------------------------------

def _rebound_case(calcium):
    # denosumab stopped (last dose T0, stop day 10); zoledronic acid given day 40 (before the
    # calcium, so it does not act on it) keeps a BMA active; the calcium of day 60 (day 60 of
    # the rebound window) is 40 days old on the as-of date, so BMA-HYPERCALCAEMIA is silent.
    return make(doses=[give(T0, "denosumab", 120), give(day(40), "zoledronic_acid", 4)],
                stops=[stop(day(10))], labs=[lab(day(60), "CA", calcium)],
                calcium_supp=False)


def test_supplements_silent_while_den_rebound_calcium_fires():
    case = _rebound_case(2.80)
    assert "DEN-REBOUND-CALCIUM" in run(rules_den, case, day(100))
    found = run(rules_bma_ca, case, day(100))
    assert "BMA-HYPERCALCAEMIA" not in found
    assert "BMA-SUPPLEMENTS" not in found


def test_supplements_fires_when_den_rebound_calcium_does_not():
    case = _rebound_case(2.50)
    assert "DEN-REBOUND-CALCIUM" not in run(rules_den, case, day(100))
    assert "BMA-SUPPLEMENTS" in run(rules_bma_ca, case, day(100))


# ---- §0 defined terms --------------------------------------------------------------------

def test_a_bma_dose_recorded_means_given_by_the_as_of_date_or_planned():
    """"A BMA dose recorded" = given on/before the as-of date (any age) or planned (any date):
    a dose dated after the as-of date that is not planned is not seen."""
    future_given = make(doses=[give(day(3), "denosumab", 120)])
    assert _no(future_given) is None
    assert _no(make(doses=[plan(day(3), "denosumab", 120)])) is not None


def test_a_dose_is_planned_includes_overdue_plans():
    """"A dose is planned" includes overdue plans: NON-ONCOLOGY-DOSE and NO-INDICATION both
    count a plan dated long before the as-of date."""
    case = make(doses=[plan(day(-400), "denosumab", 60)])
    found = run(rules_bma_indication, case, T0, status="suspected")
    assert found["BMA-NON-ONCOLOGY-DOSE"].data["planned"] is True
    assert found[NO].data["window_start"] == day(-490).isoformat()
