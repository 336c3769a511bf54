"""No boxes: every character the printouts use is in the embedded font; and every demo patient
prints (both languages) without error, with embedded fonts only."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.pdfbase import pdfmetrics

from app.domain import careplan_text as T
from app.domain.assess import assess
from app.domain.careplan import build_careplan
from app.domain.mdt_content import MdtPack, build_mdt_summary
from app.reports.careplan_pdf import build_careplan_pdf
from app.reports.fonts import ensure_fonts
from app.reports.mdt_pdf import build_mdt_pack_pdf
from app.services.demo.generator import generate_cases

from .pdfcheck import font_problems, page_texts

AS_OF = date(2026, 11, 21)


def _missing_glyphs(text: str) -> set[str]:
    face = pdfmetrics.getFont(ensure_fonts()).face
    return {ch for ch in text if not ch.isspace() and ord(ch) not in face.charToGlyph}


def test_every_phrase_character_is_in_the_embedded_font():
    tables = (T.PHRASES, T.DRUGS, T.HISTOLOGIES, T.BONES, T.SPINE, T.SIDES,
              T.DENTAL_PROCEDURES)
    text = "".join(en + zh for table in tables for en, zh in table.values())
    assert len(text) > 1000
    assert _missing_glyphs(text) == set()


def test_report_symbols_are_in_the_embedded_font():
    assert _missing_glyphs("•—–→≥≤×µ·：，（）、；？") == set()


def test_a_missing_glyph_would_be_detected():
    assert _missing_glyphs("\U0001F600") == {"\U0001F600"}  # the check can fail


@pytest.fixture(scope="module")
def demo_cases():
    return [p.case for p in generate_cases(12, seed=3, reference_date=AS_OF)]


def test_demo_patients_print_in_both_languages(demo_cases):
    for case in demo_cases:
        a = assess(case, AS_OF)
        for lang in ("en", "zh"):
            pdf = build_careplan_pdf(build_careplan(case, a, AS_OF, lang), printed_on=AS_OF)
            pages = page_texts(pdf)
            assert pages and all(case.patient.mrn in p for p in pages)
            assert font_problems(pdf) == []


def test_demo_pack(demo_cases):
    summaries = tuple(build_mdt_summary(c, assess(c, AS_OF), AS_OF, question="Q?")
                      for c in demo_cases)
    pdf = build_mdt_pack_pdf(MdtPack(AS_OF, None, summaries), printed_on=AS_OF)
    text = "".join(page_texts(pdf))
    assert all(c.patient.mrn in text for c in demo_cases)
    assert font_problems(pdf) == []
