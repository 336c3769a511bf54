"""Independent review of rule book §6 (DENT-*) and, for §4–§6, the evidence labels and
`source` of every rule, the order of findings, "at most once", and the CLI round trip.

Written from the text of the rule book alone, before reading the engine: each test quotes the
sentence it checks. Dates are day offsets from a fixed day so that every boundary ("within N
days" = 0 ≤ d ≤ N, "> N days", "days a–b" inclusive, "less than 28 days apart") is tested on
both sides. Shared builders: :mod:`tests.domain.review_bma_den_dent_helpers`.
"""

from __future__ import annotations

import pytest

from app.domain.findings import catalogue

from .review_bma_den_dent_helpers import (
    BOOK,
    BOOK_IDS,
    SCOPE,
    _many,
    _random_case,
    case,
    day,
    dose,
    fires,
    only,
    rules,
    run,
)

# ---------------------------------------------------------------- DENT-*


@pytest.mark.parametrize("kind", ["root_canal", "scaling", "filling", "crown"])
def test_dent_minor_fires_with_active_bma(kind):
    """DENT-MINOR: "a minor procedure is planned and a BMA is active on the as-of date"."""
    dental = {"procedures": [{"date": day(5), "kind": kind, "planned": True}]}
    assert fires(run(case(dental=dental, bma={"administrations": [dose(day(-10))]}), 0),
                 "DENT-MINOR")
    assert not fires(run(case(dental=dental, bma={"administrations": [dose(day(-91))]}), 0),
                     "DENT-MINOR")
    assert not fires(run(case(dental=dental), 0), "DENT-MINOR")


def test_dent_minor_overdue_plan_and_done_procedure():
    """§6: "Planned procedures dated before the as-of date are still checked (an overdue plan)";
    a procedure not marked planned is not a plan."""
    adm = {"administrations": [dose(day(-10))]}
    overdue = {"procedures": [{"date": day(-3), "kind": "scaling", "planned": True}]}
    assert fires(run(case(dental=overdue, bma=adm), 0), "DENT-MINOR")
    done = {"procedures": [{"date": day(-3), "kind": "scaling"}]}
    assert not fires(run(case(dental=done, bma=adm), 0), "DENT-MINOR")


@pytest.mark.parametrize(("den_day", "expect"), [(-150, True), (-151, False), (30, True)])
def test_dent_invasive_denosumab_within_180_days(den_day, expect):
    """DENT-INVASIVE: "denosumab was given within the 180 days before the procedure date"
    (procedure on day 30: day −150 is 180 days before; a dose on the procedure day is d = 0)."""
    dental = {"procedures": [{"date": day(30), "kind": "extraction", "planned": True}]}
    res = run(case(dental=dental, bma={"administrations": [dose(day(den_day), "denosumab")]}),
              max(den_day, 0))
    assert fires(res, "DENT-INVASIVE") is expect


def test_dent_invasive_denosumab_after_the_procedure_date_does_not_count():
    """"within the 180 days before the procedure date": a dose after an overdue procedure plan is
    not before it."""
    dental = {"procedures": [{"date": day(-5), "kind": "extraction", "planned": True}]}
    adm = [dose(day(-200), "denosumab"), dose(day(-2), "denosumab")]
    assert not fires(run(case(dental=dental, bma={"administrations": adm}), 0), "DENT-INVASIVE")


@pytest.mark.parametrize("kind", ["extraction", "implant", "periodontal_surgery", "oral_surgery"])
def test_dent_invasive_bisphosphonate_ever(kind):
    """DENT-INVASIVE: "a bisphosphonate was ever given"; a planned bisphosphonate is not given."""
    dental = {"procedures": [{"date": day(30), "kind": kind, "planned": True}]}
    res = run(case(dental=dental, bma={"administrations": [dose(day(-2000), "pamidronate")]}), 0)
    assert fires(res, "DENT-INVASIVE")
    res = run(case(dental=dental,
                   bma={"administrations": [dose(day(10), "pamidronate", planned=True)]}), 0)
    assert not fires(res, "DENT-INVASIVE")
    done = {"procedures": [{"date": day(-1), "kind": kind}]}
    res = run(case(dental=done, bma={"administrations": [dose(day(-20), "pamidronate")]}), 0)
    assert not fires(res, "DENT-INVASIVE")


@pytest.mark.parametrize(("gap", "met"), [(60, True), (59, False)])
def test_dent_invasive_hold(gap, met):
    """DENT-INVASIVE shows "the latest BMA dose (given or planned) dated on/before the procedure,
    the gap in days, whether the hold is met (gap ≥ dental_hold_days), the next planned dose
    after the procedure, and procedure − dental_hold_days as the latest dose date that meets the
    hold"."""
    dental = {"procedures": [{"date": day(100), "kind": "implant", "planned": True}]}
    adm = [dose(day(0), "denosumab"), dose(day(100 - gap), "denosumab", planned=True),
           dose(day(130), "denosumab", planned=True)]
    f = only(run(case(dental=dental, bma={"administrations": adm}), 0), "DENT-INVASIVE")
    data = f["data"]
    assert data["latest_dose"]["date"] == day(100 - gap)
    assert data["gap_days"] == gap
    assert data["hold_met"] is met
    assert data["latest_dose_date_meeting_hold"] == day(40)
    assert data["next_planned_dose"]["date"] == day(130)


def test_dent_invasive_hold_parameter_and_once():
    """dental_hold_days (§9) sets the hold; several invasive plans give one finding."""
    dental = {"procedures": [{"date": day(100), "kind": "implant", "planned": True},
                             {"date": day(120), "kind": "extraction", "planned": True}]}
    adm = [dose(day(0), "zoledronic_acid")]
    res = run(case(dental=dental, bma={"administrations": adm}), 0, dental_hold_days=100)
    f = only(res, "DENT-INVASIVE")
    assert f["data"]["hold_met"] is True
    assert f["data"]["latest_dose_date_meeting_hold"] == day(0)
    assert len(f["data"]["procedures"]) == 2


@pytest.mark.parametrize(("age", "expect"), [(365, True), (366, False)])
def test_dent_onj(age, expect):
    """DENT-ONJ: "an onj event dated within 365 days"."""
    res = run(case(events=[{"date": day(-age), "kind": "onj"}]), 0)
    assert fires(res, "DENT-ONJ") is expect
    if expect:
        assert only(res, "DENT-ONJ")["severity"] == "critical"


def test_dent_onj_future_event_ignored():
    """§0: a (non-plannable) event dated after the as-of date is ignored."""
    assert not fires(run(case(events=[{"date": day(1), "kind": "onj"}]), 0), "DENT-ONJ")


# ---------------------------------------------------------------- evidence, source, order

# Rule-book order of §4–§6 and each rule's Evidence column, copied from the book by hand, with
# the labels it names, strongest first (LABEL > GL > TRIAL > SEED > DESIGN).


def test_catalogue_matches_book_order_evidence_and_source():
    """§10: "evidence lists the labels of the rule's Evidence column, strongest first (LABEL > GL
    > TRIAL > SEED > DESIGN); source is that column's text"; rules keep rule-book order."""
    cat = [r for r in catalogue() if r.id in BOOK_IDS]
    assert [r.id for r in cat] == BOOK_IDS
    for info, (rid, source, labels) in zip(cat, BOOK, strict=True):
        assert info.source == source, rid
        assert list(info.evidence) == labels, rid


def test_fired_findings_carry_book_evidence_and_are_ordered():
    """§10: "findings holds only the rules that fired, ordered by severity, then rule-book order,
    then date"; each finding's evidence/source is its rule's Evidence column; at most once."""
    res = run(_many(), 100)
    got = [f for f in res["findings"] if f["rule"] in BOOK_IDS]
    fired = [f["rule"] for f in got]
    for rid in ("BMA-ZA-OVERDOSE", "DEN-REBOUND-CTX", "DEN-REBOUND-CALCIUM",
                "DEN-REBOUND-FRACTURE", "DENT-ONJ", "DEN-STOP-WINDOW", "DENT-INVASIVE",
                "BMA-ZA-DOSE", "DENT-MINOR", "BMA-HYPERCALCAEMIA"):
        assert rid in fired, rid
    assert len(fired) == len(set(fired))
    book = {rid: (src, labels) for rid, src, labels in BOOK}
    for f in got:
        assert f["source"] == book[f["rule"]][0]
        assert f["evidence"] == book[f["rule"]][1]
    rank = {"critical": 0, "warning": 1, "info": 2}
    keys = [(rank[f["severity"]], BOOK_IDS.index(f["rule"])) for f in got]
    assert keys == sorted(keys)
    # the whole list (other families too) is ordered by severity first
    sev = [rank[f["severity"]] for f in res["findings"]]
    assert sev == sorted(sev)


def test_cli_json_matches_assess(tmp_path):
    """§10: `bonemet assess CASE.json --as-of … --format json` gives the same findings."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "case.json"
    path.write_text(json.dumps(_many()), encoding="utf-8")
    exe = Path(sys.executable).parent / "bonemet"
    out = subprocess.run([str(exe), "assess", str(path), "--as-of", day(100), "--format",
                          "json"], capture_output=True, text=True, check=True)
    doc = json.loads(out.stdout)
    assert [f["rule"] for f in doc["findings"]] == rules(run(_many(), 100))
    assert doc["derived"]["denosumab"] == run(_many(), 100)["derived"]["denosumab"]


def test_random_cases_fire_each_rule_at_most_once_in_order():
    """§0 "At most once per assessment"; §10 order "by severity, then rule-book order, then
    date"; evidence/source always the Evidence column — over 300 random cases."""
    import random

    rnd = random.Random(20261121)
    book = {rid: (src, labels) for rid, src, labels in BOOK}
    rank = {"critical": 0, "warning": 1, "info": 2}
    order = {r.id: i for i, r in enumerate(catalogue())}
    for _ in range(300):
        res = run(_random_case(rnd), rnd.randint(-5, 40))
        got = [f for f in res["findings"] if f["rule"] in SCOPE]
        ids = [f["rule"] for f in got]
        assert len(ids) == len(set(ids)), ids
        keys = [(rank[f["severity"]], order[f["rule"]]) for f in res["findings"]]
        assert keys == sorted(keys)
        for f in got:
            assert (f["source"], f["evidence"]) == (book[f["rule"]][0], book[f["rule"]][1])
