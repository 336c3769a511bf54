"""The §11 checking method of the care plan, for tests (rule book §11 "How it is checked").

The plan's text (from the PDF, or from a built plan) is compared with white space removed and
without regard to case; a quoted phrase may wrap but must not be interrupted. Each section is
located by its heading (a marker that must occur exactly once) and read up to the next marker.
Rule IDs are checked on the text with white space kept, case-sensitively.

The phrases here are typed from the rule book, not imported from the app: a change to the
app's phrase tables that breaks §11 fails these tests.
"""

from __future__ import annotations

import io
import re
from collections import Counter

MARKERS: dict[str, tuple[str, str]] = {  # §11 Sections table, in order
    "header": ("Your bone care plan", "您的骨骼健康护理计划"),
    "medicine": ("Your bone medicine", "您的骨保护药物"),
    "calcium": ("Calcium and vitamin D", "钙和维生素D"),
    "spine": ("Urgent: your spine", "紧急：关于您的脊柱"),
    "denosumab_stop": ("After stopping denosumab", "停用地舒单抗之后"),
    "jaw": ("About your jaw", "关于您的颌骨"),
    "dental_procedure": ("Your dental procedure", "您的牙科手术"),
    "teeth": ("Your teeth", "您的牙齿"),
    "contact": ("When to contact us", "何时联系我们"),
    "blood_tests": ("About your blood tests", "关于您的血液检查"),
}
RULE_ID = re.compile(r"\b(WU|BMA|DEN|DENT|LOC|IO)-[A-Z]")
NOT_CONFIRMED_NEVER = {
    "en": ("spread to the bone", "spread to your bones", "bone metastas"),
    "zh": ("骨转移", "转移到骨骼"),
}
NEXT_DOSE = {"en": "Next dose:", "zh": "下次用药："}


def norm(text: str) -> str:
    """White space removed, case folded."""
    return re.sub(r"\s+", "", text).casefold()


def pdf_text(pdf: bytes) -> str:
    """The PDF's extracted text, page after page (white space kept)."""
    from pypdf import PdfReader  # here: the domain tests also run where pypdf is absent

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def body_font_size(pdf: bytes) -> float:
    """The most common font size of the text drawn (weighted by characters)."""
    from pypdf import PdfReader

    sizes: Counter[float] = Counter()

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes[round(size * (abs(tm[0]) or 1.0), 1)] += len(text.strip())

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes.most_common(1)[0][0]


def plan_text(plan) -> str:
    """A built plan's text in reading order (what its PDF prints, without page furniture)."""
    parts: list[str] = []
    for s in plan.sections:
        parts.append(s.title)
        if s.key == "header":
            parts.append(plan.subtitle)
        parts += list(s.paragraphs) + [i.text for i in s.items]
    return "\n".join(parts)


class PlanText:
    """A plan's text, checked the §11 way."""

    def __init__(self, text: str, lang: str) -> None:
        self.raw, self.lang, self.flat = text, lang, norm(text)

    def has(self, phrase: str) -> bool:
        return norm(phrase) in self.flat

    def count(self, phrase: str) -> int:
        return self.flat.count(norm(phrase))

    def marker(self, key: str) -> str:
        return MARKERS[key][1 if self.lang == "zh" else 0]

    def sections(self) -> list[str]:
        """The keys of the sections present, in the order they appear."""
        found = [(self.flat.find(norm(self.marker(k))), k) for k in MARKERS]
        return [k for pos, k in sorted(found) if pos >= 0]

    def section(self, key: str) -> str | None:
        """A section's normalised text: from its marker up to the next marker."""
        start = self.flat.find(norm(self.marker(key)))
        if start < 0:
            return None
        ends = [p for p in (self.flat.find(norm(self.marker(k)), start + 1) for k in MARKERS)
                if p > start]
        return self.flat[start:min(ends) if ends else len(self.flat)]

    def in_section(self, key: str, phrase: str) -> bool:
        sec = self.section(key)
        return sec is not None and norm(phrase) in sec

    def problems(self, *, confirmed: bool) -> list[str]:
        """Violations of the general §11 checks: markers occur at most once and in order, no
        rule IDs, and (status not confirmed) none of the "spread to the bones" phrases."""
        out = [f"marker {self.marker(k)!r} occurs {self.count(self.marker(k))} times"
               for k in MARKERS if self.count(self.marker(k)) > 1]
        order = list(MARKERS)
        present = self.sections()
        if present != sorted(present, key=order.index):
            out.append(f"sections out of order: {present}")
        for k in ("header", "medicine", "contact"):
            if k not in present:
                out.append(f"section {k} missing")
        if RULE_ID.search(self.raw):
            out.append(f"rule ID printed: {RULE_ID.search(self.raw).group(0)}")
        if not confirmed:
            out += [f"never-print {p!r}" for p in NOT_CONFIRMED_NEVER[self.lang] if self.has(p)]
        if self.count(NEXT_DOSE[self.lang]) > 1:
            out.append("more than one 'Next dose:' line")
        return out
