"""Structured messages: the catalogue is complete in both languages, messages render in the
reader's language, and the stored form round-trips (older English texts are not messages)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.domain.messages import MESSAGES, Message, decode, encode, render

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    en, zh = MESSAGES[key]
    assert en.strip() and zh.strip()
    norm = {"Drug": "drug"}
    assert sorted(norm.get(p, p) for p in _PLACEHOLDER.findall(en)) == sorted(
        norm.get(p, p) for p in _PLACEHOLDER.findall(zh))


def test_rendered_in_both_languages():
    m = Message("due.planned", {"drug": "incadronate", "dose_mg": 10.0})
    assert render(m, "en") == "Incadronate 10 mg planned"
    assert render(m, "zh") == "已计划英卡膦酸二钠 10 mg"
    m = Message("wl.rebound_checks_end", {"dates": ["2027-01-23", "2027-04-28"],
                                          "window_end": "2027-05-28"})
    assert render(m, "en") == "checks due: 23 Jan 2027, 28 Apr 2027; window ends 28 May 2027"
    assert render(m, "zh") == "待做检查：2027年1月23日、2027年4月28日；风险窗口结束于 2027年5月28日"
    m = Message("wl.finding", {"text": {"en": "CTX rebound", "zh": "CTX反跳"}})
    assert (render(m, "en"), render(m, "zh")) == ("CTX rebound", "CTX反跳")


def test_stored_form_round_trips_and_old_texts_are_not_messages():
    m = Message("wl.dose_interval", {"drug": "denosumab", "days": 28,
                                     "date": date(2026, 3, 1).isoformat()})
    text = encode(m)
    assert len(text) <= 200 and decode(text) == m
    assert decode("Denosumab dose overdue") is None
    assert decode('{"k": "no.such.key"}') is None
    assert decode("{not json") is None
    assert encode(None) is None
