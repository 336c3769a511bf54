"""The MDT pack of the demo registry's meetings, in English and Chinese, read back from the PDF's
text: the cover's meeting details, the cases in order of urgency, course lines instead of
doses, stale marks, "no labs on record", the lab panel request, and past decisions with who
recorded them and when."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time

import pytest
from data.factories import migrated_db
from domain.helpers import case_of
from PIL import Image

from app.domain.assess import assess
from app.domain.trends import build_trend_data
from app.reports.mdt_pdf import build_mdt_pack_pdf
from app.services.case_service import import_case
from app.services.demo.loader import write_demo_registry
from app.services.mdt_service import MdtService, MeetingDetails

from .pdfcheck import font_problems, page_texts, squash

REF = date(2026, 12, 7)  # the demo's reference date: its next meeting is 2026-12-10
PRINTED = date(2026, 12, 7)


def fake_png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (400, 160), "white").save(buf, "PNG")
    return buf.getvalue()


class Plots:
    """Stands in for the UI's trend renderer: a PNG when the case has results to plot."""

    def __init__(self) -> None:
        self.panel: dict[str, bool] = {}

    def __call__(self, case, as_of, lab_panel, lang):
        self.panel[case.patient.mrn] = lab_panel
        return fake_png() if build_trend_data(case, as_of).point_count() else None


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = migrated_db(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    write_demo_registry(db, 200, 1, reference_date=REF, summaries=False)
    import_case(db, case_of(patient={"mrn": "NOLAB-1", "name": "No Labs"}), "tester")
    svc = MdtService(db, "coordinator")
    upcoming = svc.next_meeting(REF)
    svc.add_case(upcoming.id, "NOLAB-1", "Biopsy the T9 lesion?")
    svc.edit_meeting(upcoming.id, title=upcoming.title, details=MeetingDetails(
        "14:00", "Conference room 3", "Dr Li Wei", "Dr Zhang (radiation oncology), Dr Chen"))
    past = [m for m in svc.list_meetings() if m.meeting_date < REF][0]
    yield svc, svc.next_meeting(REF), past
    db.dispose()


@pytest.fixture(scope="module", params=["en", "zh"])
def built(request, demo):
    svc, upcoming, _past = demo
    plots = Plots()
    pack = svc.pack_content(upcoming.id, trend_png=plots, lang=request.param)
    pdf = build_mdt_pack_pdf(pack, printed_on=PRINTED)
    return request.param, pack, pdf, plots


_TEXTS: dict[int, list[str]] = {}


def texts(pdf: bytes) -> list[str]:
    """Each page's text without white space (extracted once per PDF)."""
    key = hash(pdf)
    if key not in _TEXTS:
        _TEXTS[key] = [squash(t) for t in page_texts(pdf)]
    return _TEXTS[key]


def case_pages(pdf: bytes, mrn: str) -> str:
    """The text of the pages whose running header names ``mrn``."""
    return "".join(t for t in texts(pdf)[1:] if mrn in t)


def test_cover_has_the_meeting_details_and_the_cases_by_urgency(built, demo):
    lang, pack, pdf, _plots = built
    svc, upcoming, _ = demo
    cover = texts(pdf)[0]
    for phrase in ("14:00", "Conference room 3", "Dr Li Wei", "Dr Zhang (radiation oncology)",
                   "2026-12-10"):
        assert squash(phrase) in cover, phrase
    heads = ("Time", "Place", "Chair", "Attendees", "Critical", "Warnings") if lang == "en" \
        else ("时间", "地点", "主持人", "参会人员", "危急", "警告")
    assert all(h in cover for h in heads)
    # the urgency, computed here from each case's own assessment
    counts = {}
    for row in svc.list_cases(upcoming.id):
        from app.data import case_repo

        with svc.db.session() as s:
            case = case_repo.load_case(s, row.patient_id)
        sev = [f.severity for f in assess(case, REF).findings]
        counts[row.mrn] = (sev.count("critical"), sev.count("warning"))
    listed = [r.mrn for r in svc.list_cases(upcoming.id)]
    expected = sorted(listed, key=lambda m: (-counts[m][0], -counts[m][1]))
    assert [c.mrn for c in pack.cases] == expected
    positions = [cover.index(m) for m in expected]
    assert positions == sorted(positions)  # printed in that order
    for n, mrn in enumerate(expected, start=1):  # each row shows its counts after the name
        crit, warn = counts[mrn]
        assert f"{mrn}" in cover and squash(f"{n}{mrn}") in cover
        row = cover[cover.index(mrn):]
        assert f"{crit}{warn}" in row[: len(mrn) + 40], mrn
    assert font_problems(pdf) == []


def test_courses_not_doses_and_the_lab_panel_for_renal_findings(built):
    lang, pack, pdf, plots = built
    text = case_pages(pdf, "BM-000085")
    if lang == "en":
        assert squash("zoledronic acid: 4 mg every 28 days") in text
        assert squash("below the standard 4 mg (renal adjustment or other product)") in text
        assert squash("Bone-drug courses") in text and "planned2026-12-25" in text
    else:
        assert squash("唑来膦酸：4 mg，每28天") in text and "低于标准剂量4mg" in text
    assert plots.panel["BM-000085"] is True  # BMA-ZA-CONTRAINDICATED: creatinine panel
    quiet = [c.mrn for c in pack.cases
             if not any(f.rule.startswith(("BMA-ZA", "BMA-BP", "BMA-DEN-CKD", "BMA-HYPO",
                                           "BMA-HYPER", "BMA-CA-MISSING")) for f in c.findings)]
    assert quiet and all(plots.panel[m] is False for m in quiet)


def test_stale_marks_follow_the_result_ages(built):
    lang, pack, pdf, _plots = built
    stale_text = squash("STALE: older than 14 days" if lang == "en" else "已过期：超过14天")
    seen_stale = seen_fresh = False
    for c in pack.cases:
        crea = c.lab_ages[0]
        if crea.date is None:
            continue
        stale = (REF - crea.date).days > 14
        assert crea.stale is stale
        assert (stale_text in case_pages(pdf, c.mrn)) is stale, c.mrn
        seen_stale |= stale
        seen_fresh |= not stale
    assert seen_stale and seen_fresh


def test_no_labs_on_record_is_said(built):
    lang, _pack, pdf, _plots = built
    text = case_pages(pdf, "NOLAB-1")
    said = "No labs on record" if lang == "en" else "无化验记录"
    assert squash(said) in text
    assert all(squash(said) not in case_pages(pdf, m) for m in ("BM-000085", "BM-000144"))


def test_past_meeting_prints_each_decision_with_who_and_when(demo):
    svc, _upcoming, past = demo
    when = datetime.combine(past.meeting_date, time(9, 30), tzinfo=UTC).astimezone()
    stamp = when.strftime("%Y-%m-%d %H:%M")
    for lang, line in (("en", f"Recorded by MDT on {stamp}"),
                       ("zh", f"记录人：MDT，记录时间：{stamp}")):
        pack = svc.pack_content(past.id, lang=lang)
        pdf = build_mdt_pack_pdf(pack, printed_on=PRINTED)
        assert pack.cases and all(c.decision for c in pack.cases)
        for c in pack.cases:
            text = case_pages(pdf, c.mrn)
            assert squash(c.decision) in text and squash(line) in text, (lang, c.mrn)
