"""Issue 20 item 6: a finding is "new" in a form's live checks when its (rule ID, subject) was
not on the chart — a second lesion's LOC-RT shows as new before saving, the first lesion's
does not; a rule's finding about the same subject is not new."""

from __future__ import annotations

from app.ui.forms.factory import record_form

from .chart_fixtures import chart_registry_fixture, open_form  # noqa: F401


def _checks(form) -> dict[tuple[str, str | None], str]:
    model = form.checks.findings_model
    out = {}
    for row, f in enumerate(model.findings()):
        out[(f.rule, f.data.get("region"))] = model.index(row, 0).data()
    return out


def test_second_lesion_loc_rt_is_new_before_saving(qtbot, chart_registry):
    _db, ids, svc = chart_registry
    chart = svc.chart(ids["D-1"])
    assert any(f.rule == "LOC-RT" and f.data["region"] == "L3"
               for f in chart.assessment.findings)
    form = open_form(qtbot, record_form("lesion", svc, ids["D-1"],
                                        baseline=chart.assessment.findings))
    form.inputs["region"].setText("T8")
    form.bone.set_value("vertebra")
    for key, value in dict(level="T8", pattern="osteolytic", pain="mechanical").items():
        form.inputs[key].set_value(value)
    form.refresh()
    checks = _checks(form)
    assert checks[("LOC-RT", "T8")].endswith("new"), checks
    assert ("LOC-RT", "L3") not in checks  # already on the chart: not listed as new
    assert "no new finding" not in form.checks_title.text()


def test_correcting_the_same_lesion_brings_nothing_new(qtbot, chart_registry):
    _db, ids, svc = chart_registry
    chart = svc.chart(ids["D-1"])
    lesion = next(r for r in chart.records if r.kind == "lesion")
    stored = chart.stored("lesion", lesion.rid)
    form = open_form(qtbot, record_form("lesion", svc, ids["D-1"], stored=stored,
                                        baseline=chart.assessment.findings))
    form.refresh()
    assert not any(mark.endswith("new") for mark in _checks(form).values())
