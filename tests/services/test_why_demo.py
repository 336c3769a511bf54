"""Every finding the demo registry raises reads as words in both languages: each data key is
known to the "why" renderer, and the Chinese text has no Latin words outside the allow-list
(abbreviations, units, spine levels, score names)."""

from __future__ import annotations

import re
from datetime import date

from app.domain.assess import assess
from app.domain.why import handled_keys, why_text
from app.services.demo import generate_cases

REF = date(2026, 12, 7)
ALLOWED = {
    "CTX", "ALP", "SINS", "ESCC", "Mirels", "CTCAE", "MRI", "CT", "PET", "mg", "mL", "min",
    "EGFR", "ALK", "EML4", "ROS1", "KRAS", "BRAF", "MET", "RET",  # gene symbols
    "D", "kg", "g", "L", "dL", "mmol", "mol", "ng", "pg", "U", "IU", "µg",
}
LATIN = re.compile(r"[A-Za-z]+")
# protein changes (L858R), spine levels, TNM stages
LEVEL = re.compile(r"^([A-Z]\d+[A-Z]|[CTLS]\d{1,2}|I{1,3}[ABC]?\d?|IV[AB]?)$")


def _latin_words(text: str) -> set[str]:
    words = set()
    for token in re.findall(r"[A-Za-z0-9]+", text):
        if LEVEL.match(token) or token in ALLOWED or re.fullmatch(r"\d+[a-c]?", token):
            continue
        words.update(w for w in LATIN.findall(token) if w not in ALLOWED)
    return words


def test_demo_findings_why_in_both_languages():
    known = handled_keys()
    rules = set()
    for p in generate_cases(200, 1, REF):
        for f in assess(p.case, REF).findings:
            rules.add(f.rule)
            assert set(f.data) <= known, (f.rule, set(f.data) - known)
            en, zh = why_text(f.rule, f.data, "en"), why_text(f.rule, f.data, "zh")
            assert (en and zh) or not any(f.data.values()), (f.rule, f.data)
            assert "_" not in en and "_" not in zh, (f.rule, en, zh)
            if f.rule != "BMA-START":  # its basis is the status text, shown by the message
                assert not _latin_words(zh), (f.rule, zh)
    assert len(rules) >= 30  # the demo registry exercises most rules
