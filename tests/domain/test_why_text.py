"""The findings' "why" texts: the catalogue is complete in both languages, and the data of
real findings reads as words (no raw keys) in English and Chinese."""

from __future__ import annotations

import re

import pytest

from app.domain.names import (
    ANALYTE_NAMES,
    DRUG_NAMES,
    EVIDENCE_NAMES,
    date_text,
    region_text,
    source_text,
)
from app.domain.units import ANALYTES
from app.domain.why import handled_keys, why_parts, why_text
from app.domain.why_texts import FIELDS, PHRASES, WORDS

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_phrase_has_both_languages_with_the_same_placeholders(key):
    en, zh = PHRASES[key]
    assert en.strip() and zh.strip()
    assert sorted(_PLACEHOLDER.findall(en)) == sorted(_PLACEHOLDER.findall(zh))


def test_every_word_and_name_has_both_languages():
    for table in (WORDS, FIELDS, DRUG_NAMES, ANALYTE_NAMES, EVIDENCE_NAMES):
        for key, (en, zh) in table.items():
            assert en.strip() and zh.strip(), key
    assert set(ANALYTE_NAMES) == set(ANALYTES)


def test_drug_names_follow_the_rule_book_lay_names():
    assert [zh for _, zh in DRUG_NAMES.values()] == [
        "地舒单抗", "唑来膦酸", "帕米膦酸二钠", "伊班膦酸钠", "英卡膦酸二钠", "氯膦酸二钠"]


def test_dates_in_the_readers_convention():
    assert date_text("2026-10-12", "en") == "12 Oct 2026"
    assert date_text("2026-03-02", "zh") == "2026年3月2日"
    assert date_text("not a date", "zh") == "not a date"


def test_sources_keep_citations_and_translate_labels():
    src = "TRIAL CALGB 70604, ZOOM; SEED R47; LABEL"
    assert source_text(src, "zh") == "临床试验 CALGB 70604, ZOOM；专家经验 R47；说明书"
    assert source_text(src, "en") == src


def test_regions_in_chinese():
    assert region_text("right rib 6", "zh") == "右第6肋"
    assert region_text("left femur", "zh") == "左股骨"
    assert region_text("whole body", "zh") == "全身"
    assert region_text("lower limbs (below T10)", "zh") == "T10以下双下肢"
    assert region_text("T8", "zh") == "T8"
    assert region_text("right rib 6", "en") == "right rib 6"


def test_regions_written_in_chinese_read_in_english():
    assert region_text("右第6肋", "en") == "right rib 6"
    assert region_text("双侧股骨", "en") == "bilateral femur"
    assert region_text("T10以下双下肢", "en") == "lower limbs below T10"
    assert region_text("腰部 L4", "en") == "lower back L4"
    assert region_text("全身", "en") == "whole body"
    assert region_text("T8", "en") == "T8"


CTX_DATA = {
    "ctx": {"date": "2026-10-12", "analyte": "CTX", "value": 0.95,
            "reported": {"value": 950.0, "unit": "pg/mL"}},
    "ctx_ng_ml": 0.95, "date": "2026-10-12",
    "nadir": {"date": "2026-03-02", "analyte": "CTX", "value": 0.30},
    "nadir_ng_ml": 0.30, "nadir_date": "2026-03-02", "nadir_factor": 1.3,
    "above_uln": False, "above_nadir_threshold": True, "uln_ng_ml": 0.7,
    "last_dose": "2026-02-01", "day": 253,
}


def test_ctx_rebound_reads_as_a_sentence():
    en = why_text("DEN-REBOUND-CTX", CTX_DATA, "en")
    assert "CTX 0.95 ng/mL on 12 Oct 2026, 3.2× the nadir 0.3 ng/mL on 2 Mar 2026" in en
    assert "last denosumab dose on 1 Feb 2026" in en and "day 253 after the last dose" in en
    zh = why_text("DEN-REBOUND-CTX", CTX_DATA, "zh")
    assert "2026年10月12日 CTX 0.95 ng/mL，为最低值 0.3 ng/mL（2026年3月2日）的 3.2 倍" in zh
    assert "ctx" not in zh and "nadir" not in zh and "{" not in zh


def test_supplements_and_doses_are_words():
    data = {"calcium": False, "vitamin_d": False, "lacking": ["calcium", "vitamin_d"]}
    assert why_text("BMA-SUPPLEMENTS", data, "en") == "not taking: calcium, vitamin D"
    assert why_text("BMA-SUPPLEMENTS", data, "zh") == "未补充：钙剂、维生素D"
    dose = {"last_dose": {"date": "2026-09-20", "drug": "incadronate", "dose_mg": 10.0,
                          "planned": False}}
    assert why_text("X", dose, "zh") == "末次给药：2026年9月20日 已给英卡膦酸二钠 10 mg"
    assert why_text("X", dose, "en") == "last dose: incadronate 10 mg given on 20 Sep 2026"


def test_an_unknown_key_is_still_shown_never_hidden():
    assert why_parts("X", {"new_key": 3}, "en") == ["new_key: 3"]
    assert "new_key" not in handled_keys()
