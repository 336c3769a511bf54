"""Issue 20 item 6: a finding's subject (what it is about) for telling new findings from ones
already on the chart: the record it concerns, not the values that change with time."""

from __future__ import annotations

from app.domain.finding_subject import finding_key, is_new
from app.domain.findings import Finding


def _f(rule: str, **data) -> Finding:
    return Finding(rule, "info", "m", "m", [], "s", data)


def test_subject_is_the_record_not_the_changing_values():
    first = _f("LOC-RT", region="L3", bone="vertebra", pain="mechanical")
    assert is_new(_f("LOC-RT", region="T8", bone="vertebra"), [first])
    assert not is_new(_f("LOC-RT", region="L3", bone="vertebra", pain="occasional"), [first])
    assert not is_new(_f("DEN-STOP-WINDOW", stop_date="2026-01-01", day=30),
                      [_f("DEN-STOP-WINDOW", stop_date="2026-01-01", day=29)])
    assert is_new(_f("DEN-STOP-WINDOW", stop_date="2026-02-01"),
                  [_f("DEN-STOP-WINDOW", stop_date="2026-01-01")])
    assert not is_new(_f("BMA-START", status="confirmed"), [_f("BMA-START", status="x")])
    assert is_new(_f("BMA-START"), [_f("LOC-RT", region="L3")])
    assert finding_key(_f("LOC-RT", region="L3")) == finding_key(_f("LOC-RT", region="L3"))
