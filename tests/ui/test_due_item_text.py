"""The summary's next due item shows in the UI language: stored as a message key and
parameters (rendered at display time), and older rows stored in English translated by form."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.domain import summary
from app.domain.messages import Message, decode, encode
from app.ui import labels
from app.ui.app import Translations


@pytest.fixture
def chinese(qapp):
    t = Translations(qapp)
    assert t.install("zh_CN")
    yield
    t.install("en")


# every form the domain writes (app.domain.summary._candidates), with a drug of each spelling
DOMAIN_TEXTS = {
    "Overdue planned denosumab 120 mg dose": "计划的地舒单抗 120 mg 已逾期",
    "Overdue planned zoledronic acid 3.5 mg dose": "计划的唑来膦酸 3.5 mg 已逾期",
    "Zoledronic acid 4 mg planned": "已计划唑来膦酸 4 mg",
    "Denosumab dose overdue": "地舒单抗给药已逾期",
    "Next zoledronic acid dose due": "唑来膦酸下次给药到期",
    "Rebound check overdue: fasting CTX + calcium": "反跳复查已逾期：空腹 CTX + 血钙",
    "Rebound check: fasting CTX + calcium": "反跳复查：空腹 CTX + 血钙",
    "Dental review overdue": "口腔复查已逾期",
    "Dental review due": "口腔复查到期",
    "Dental exam needed (none recorded)": "需口腔检查（无记录）",
}


@pytest.mark.parametrize(("english", "chinese_text"), DOMAIN_TEXTS.items())
def test_each_domain_form_is_translated(chinese, english, chinese_text):
    assert labels.due_item_text(english) == chinese_text


@pytest.mark.parametrize("english", DOMAIN_TEXTS)
def test_english_ui_shows_the_domain_wording_unchanged(qapp, english):
    assert labels.due_item_text(english) == english


@pytest.mark.parametrize("text", [
    "Something new from a later version", "Denosumab dose overdue soon",  # no known form
    "Aspirin 100 mg planned",  # not a bone drug
])
def test_unknown_texts_are_shown_as_they_are(chinese, text):
    assert labels.due_item_text(text) == text


def test_empty_is_the_dash(qapp):
    assert labels.due_item_text(None) == labels.due_item_text("") == labels.NONE_TEXT


def test_drug_names_match_the_domain():
    assert labels._DRUG_NAMES_EN == summary.DRUG_EN


def test_every_text_the_demo_registry_writes_is_a_known_form(chinese, tmp_path):
    """The demo covers the work-up stages and drug courses: whatever next-due text its
    summaries hold must translate (nothing left in English in the Chinese UI)."""
    from app.data.engine import open_database
    from app.data.migrate import ensure_schema
    from app.data.models import Patient
    from app.services.demo.loader import write_demo_registry

    db = open_database(tmp_path / "demo.sqlite")
    ensure_schema(db)
    write_demo_registry(db, 200, 7, reference_date=date(2026, 11, 21))
    with db.session() as s:
        texts = {t for (t,) in s.query(Patient.next_due_text).distinct() if t}
    db.dispose()
    assert len(texts) >= 5
    untranslated = [t for t in texts if labels.due_item_text(t) == t]
    assert untranslated == []
    # stored as key + parameters, never as English text
    assert all(decode(t) is not None for t in texts)
    shown = {labels.due_item_text(t) for t in texts}
    assert not [t for t in shown if re.search(r"[A-Za-z]", re.sub(r"CTX|\bmg\b", "", t))]


def test_a_stored_message_renders_in_the_ui_language(qapp, chinese):
    stored = encode(Message("due.planned", {"drug": "ibandronate", "dose_mg": 6.0}))
    assert labels.due_item_text(stored) == "已计划伊班膦酸钠 6 mg"
