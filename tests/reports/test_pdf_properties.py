"""The PDFs' document properties (what a viewer shows in its window title and "Properties"):
a title that says what the document is without the patient's name or MRN, the language, the
author, and the real creation date — for the care plan and the MDT pack, as the command line
writes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from app.cli import main
from app.reports.common import doc_title

from .test_cli_reports import CASE, registry  # noqa: F401


def properties(path) -> tuple[dict, datetime, str]:
    reader = PdfReader(str(path))
    meta = reader.metadata
    return dict(meta), meta.creation_date, str(reader.trailer["/Root"]["/Lang"])


def assert_created_now(created: datetime, before: datetime) -> None:
    assert created.tzinfo is not None  # a real date-time with its UTC offset
    after = datetime.now(UTC)
    assert before - timedelta(seconds=2) <= created <= after + timedelta(seconds=2)


def assert_no_patient_data(meta: dict) -> None:
    text = " ".join(str(v) for v in meta.values())
    for secret in ("BM-0001", "张小燕", "Zhang"):
        assert secret not in text


@pytest.mark.parametrize(("lang", "title", "bcp47"), [
    ("en", "BoneMet care plan", "en"), ("zh", "BoneMet 骨健康管理计划", "zh-CN")])
def test_care_plan_properties(tmp_path, capsys, lang, title, bcp47):
    out = tmp_path / "plan.pdf"
    before = datetime.now(UTC)
    assert main(["careplan", "--case", str(CASE), "--lang", lang, "--out", str(out)]) == 0, \
        capsys.readouterr().err
    meta, created, pdf_lang = properties(out)
    assert meta["/Title"] == title == doc_title("careplan", lang)
    assert meta["/Author"] == "BoneMet Workstation"
    assert pdf_lang == bcp47
    assert_created_now(created, before)
    assert created.year != 2000  # not reportlab's "invariant" placeholder date
    assert PdfReader(str(out)).trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    assert_no_patient_data(meta)


def test_mdt_pack_properties(registry, tmp_path, capsys):  # noqa: F811
    db = ["--db", str(registry)]
    day = date.today() + timedelta(days=5)
    assert main(["mdt", "create", *db, "--date", day.isoformat()]) == 0
    assert main(["mdt", "add", *db, "--date", day.isoformat(), "--mrn", "BM-0001",
                 "--question", "Radiotherapy?"]) == 0
    for lang, title in (("en", f"MDT case pack {day.isoformat()}"),
                        ("zh", f"MDT病例资料 {day.isoformat()}")):
        out = tmp_path / f"pack-{lang}.pdf"
        before = datetime.now(UTC)
        assert main(["mdt-pack", *db, "--meeting", "next", "--lang", lang,
                     "--out", str(out)]) == 0, capsys.readouterr().err
        meta, created, _ = properties(out)
        assert meta["/Title"] == title
        assert_created_now(created, before)
        assert_no_patient_data(meta)


def test_source_date_epoch_fixes_the_date_for_reproducible_builds(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01 00:00 UTC
    out = tmp_path / "plan.pdf"
    assert main(["careplan", "--case", str(CASE), "--lang", "en", "--out", str(out)]) == 0
    _meta, created, _ = properties(out)
    assert created == datetime(2026, 12, 1, tzinfo=UTC)
