"""The listener and the app's file import use the site's lab-feed settings (lab-feed.json): the
local code map and the accepted assigning authorities — as `bonemet import-labs` does."""

from __future__ import annotations

import json

import pytest

from app.interop.lab_batch import import_lab_files
from app.interop.lab_intake import receive_message
from app.services.site_settings import default_lab_feed_path

from .feed_fixtures import MRN, TODAY, hl7_message, lab_count, registry


@pytest.fixture
def db(tmp_path):
    d = registry(tmp_path / "r.sqlite")
    yield d
    d.dispose()


def _site(codes=None, authorities=None):
    path = default_lab_feed_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {}
    if codes is not None:
        doc["codes"] = codes
    if authorities is not None:
        doc["accepted_authorities"] = authorities
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


LOCAL = "L-BCTX^骨胶原降解^L"  # a local code the shipped defaults do not know


def test_listener_uses_the_site_code_map(db):
    receipt, _ = receive_message(db, hl7_message("C1", code=LOCAL).encode(), "lis",
                                 today=lambda: TODAY)
    assert lab_count(db) == 0  # unmapped: skipped, not guessed
    _site(codes={"L-BCTX": "CTX"})
    receipt, _ = receive_message(db, hl7_message("C2", code=LOCAL).encode(), "lis",
                                 today=lambda: TODAY)
    assert receipt.code == "AA" and lab_count(db) == 1


def test_file_import_uses_the_site_code_map_and_authorities(db, tmp_path):
    _site(codes={"L-BCTX": "CTX"}, authorities=["HOSP"])
    msg = hl7_message("C3", code=LOCAL).replace(f"PID|1||{MRN}|", f"PID|1||{MRN}^^^HOSP|")
    path = tmp_path / "in.hl7"
    path.write_text(msg, encoding="utf-8")
    [result] = import_lab_files(db, [path], "lis", today=lambda: TODAY)
    assert result.error is None and result.report.results_imported == 1
    assert lab_count(db) == 1


def test_an_unusable_site_file_is_reported_not_ignored(db, tmp_path):
    default_lab_feed_path().parent.mkdir(parents=True, exist_ok=True)
    default_lab_feed_path().write_text("{not json", encoding="utf-8")
    receipt, _ = receive_message(db, hl7_message("C4").encode(), "lis", today=lambda: TODAY)
    assert receipt.code == "AR" and "lab-feed settings" in receipt.problems[0]
    path = tmp_path / "in.hl7"
    path.write_text(hl7_message("C5"), encoding="utf-8")
    [result] = import_lab_files(db, [path], "lis", today=lambda: TODAY)
    assert result.error.startswith("lab-feed settings:") and lab_count(db) == 0
