"""Several lab files in a row (progress, cancel, unreadable files) and the watched folder's
rules (complete files only, done/ and failed/, a report named without patient data)."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.interop.lab_batch import import_lab_files, merge_reports, report_lines
from app.interop.lab_folder import DropFolder, file_away
from app.services.lab_import import ImportReport, UnitOutcome

from .feed_fixtures import MRN, TODAY, csv_rows, hl7_message, lab_count, registry


@pytest.fixture
def db(tmp_path):
    database = registry(tmp_path / "registry.sqlite")
    yield database
    database.dispose()


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def many_messages(n: int) -> str:
    return "".join(hl7_message(f"M{i}", value=f"0.{100 + i}", dtm=f"202611100{i}0000")
                   for i in range(n))


def test_files_in_a_row_with_progress_and_an_unreadable_one(tmp_path, db):
    hl7 = write(tmp_path / "a.hl7", hl7_message("A1"), "gb18030")
    missing = tmp_path / "gone.hl7"
    csv = write(tmp_path / "b.csv", csv_rows(("2026-11-02", "ALB", "38", "g/L"),
                                              ("2026-11-03", "CTX", "0.5", "mmol/L")))
    seen = []
    results = import_lab_files(db, [hl7, missing, csv], "t", today=lambda: TODAY,
                               progress=lambda *a: seen.append(a))
    assert [r.path for r in results] == [hl7, missing, csv]
    assert results[0].clean and results[0].report.results_imported == 1
    assert results[1].error == "FILE: no such file" and not results[1].clean
    assert results[2].report.results_imported == 1 and results[2].report.rejected == 1
    assert not results[2].clean
    assert (0, 3, 1, 1) in seen and (2, 3, 2, 2) in seen
    assert lab_count(db) == 2
    text = "\n".join(line for r in results for line in report_lines(r))
    assert "not imported: FILE: no such file" in text
    assert "rejected: line 3," in text and "unit" in text
    assert MRN not in text and "0.5" not in text


def test_cancel_stops_between_chunks_and_keeps_what_was_written(tmp_path, db):
    big = write(tmp_path / "big.hl7", many_messages(5))
    after = write(tmp_path / "after.hl7", hl7_message("Z1", code="6768-6^ALP^LN", value="90",
                                                      unit="U/L"))
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2  # the first chunk runs, the second does not

    results = import_lab_files(db, [big, after], "t", today=lambda: TODAY, cancel=cancel,
                               chunk_size=3)
    assert len(results) == 1 and results[0].cancelled and not results[0].clean
    assert results[0].report.results_imported == 3
    assert lab_count(db) == 3
    assert "cancelled: the rest of the file was not imported" in report_lines(results[0])
    # importing again later finishes the file: what is stored is skipped
    again = import_lab_files(db, [big], "t", today=lambda: TODAY, chunk_size=3)[0]
    assert again.report.results_duplicate == 3 and again.report.results_imported == 2


def test_merge_reports_joins_outcomes():
    a = ImportReport(outcomes=[UnitOutcome("message 1", "imported", 2)])
    b = ImportReport(outcomes=[UnitOutcome("message 2", "rejected", reasons=("PID-3: x",))])
    merged = merge_reports([a, b])
    assert merged.read == 2 and merged.results_imported == 2 and merged.rejected == 1


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_only_complete_files_are_ready(tmp_path):
    clock = Clock()
    drop = DropFolder(tmp_path, settle_s=2.0, clock=clock)
    growing = write(tmp_path / "a.hl7", "MSH|")
    write(tmp_path / ".hidden.hl7", "x")
    write(tmp_path / "copying.hl7.part", "x")
    write(tmp_path / "empty.hl7", "")
    (tmp_path / "done").mkdir()
    assert drop.ready_files() == []  # first sight
    clock.now += 1.0
    growing.write_text("MSH|^~\\&|more")
    assert drop.ready_files() == []  # changed: waits again
    clock.now += 1.9
    assert drop.ready_files() == []  # 1.9 s stable: not yet
    clock.now += 0.1
    assert drop.ready_files() == [growing]  # 2.0 s stable


def test_clean_file_goes_to_done_a_failed_one_to_failed_with_a_report(tmp_path, db):
    folder = tmp_path / "drop"
    folder.mkdir()
    good = write(folder / "good.hl7", hl7_message("G1"))
    bad = write(folder / f"{MRN}.hl7", hl7_message("B1", value="0.61", unit="mmol/L"))
    (folder / "done").mkdir()
    write(folder / "done" / "good.hl7", "an older file of the same name")
    results = import_lab_files(db, [good, bad], "t", today=lambda: TODAY)
    moved, report = file_away(results[0])
    assert moved == folder / "done" / "good (2).hl7" and report is None
    assert not good.exists()
    moved, report = file_away(results[1], now=datetime(2026, 12, 7, 10, 15, 0))
    assert moved == folder / "failed" / f"{MRN}.hl7"
    assert report.parent == folder / "failed"
    assert report.name.startswith("import-20261207-101500-") and MRN not in report.name
    text = report.read_text(encoding="utf-8")
    assert f"file: {MRN}.hl7 (moved to failed/)" in text
    assert "OBX-6" in text and "0.61" not in text


def test_a_file_that_cannot_be_moved_is_not_offered_again(tmp_path):
    clock = Clock()
    drop = DropFolder(tmp_path, settle_s=0.5, clock=clock)
    stuck = write(tmp_path / "stuck.csv", "mrn,date\n")
    drop.ready_files()
    clock.now += 1
    assert drop.ready_files() == [stuck]
    drop.give_up(stuck)
    clock.now += 1
    assert drop.ready_files() == []
    stuck.write_text("mrn,date,analyte\n")  # changed since: offered again
    drop.ready_files()
    clock.now += 1
    assert drop.ready_files() == [stuck]


def test_results_rejected_one_by_one_count_as_rejections(tmp_path):
    from types import SimpleNamespace

    from app.interop.lab_batch import FileImport, has_rejections

    report = ImportReport(outcomes=[UnitOutcome("message 1", "imported", 1)])
    assert not has_rejections(report) and FileImport(tmp_path / "x.hl7", "hl7", "utf-8",
                                                     report).clean
    report.outcomes.append(SimpleNamespace(status="imported", rejected_results=1))
    assert has_rejections(report)
    assert not FileImport(tmp_path / "x.hl7", "hl7", "utf-8", report).clean
