"""The care plan's data: sections of paragraphs and bullet items, already in the patient's
language (built by :func:`app.domain.careplan.build_careplan`, laid out by
``app.reports.careplan_pdf``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Item:
    """One bullet; ``urgent`` items are printed emphasised (e.g. call an ambulance)."""

    text: str
    urgent: bool = False


@dataclass(frozen=True)
class Section:
    """A section under its heading (§11 Sections table; the heading is its unique marker):
    paragraphs, then bullet items."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Clinic:
    """The clinic's contact details printed on the plan (a site setting, not case data)."""

    name: str | None = None
    phone: str | None = None
    after_hours_phone: str | None = None
    address: str | None = None

    def merged(self, override: Clinic) -> Clinic:
        """These details with every non-empty field of ``override`` taking precedence."""
        def pick(a: str | None, b: str | None) -> str | None:
            return b.strip() if b and b.strip() else (a.strip() if a and a.strip() else None)
        return Clinic(pick(self.name, override.name), pick(self.phone, override.phone),
                      pick(self.after_hours_phone, override.after_hours_phone),
                      pick(self.address, override.address))

    @property
    def has_phone(self) -> bool:
        return bool((self.phone or "").strip() or (self.after_hours_phone or "").strip())


@dataclass(frozen=True)
class CarePlan:
    """Everything the care-plan PDF prints, already in the patient's language.

    The first section is the header ("Your bone care plan": name, MRN, plan date);
    ``large_print`` asks the layout for a body size of at least 14 pt."""

    lang: str
    title: str
    subtitle: str
    patient_name: str | None
    mrn: str
    as_of: date
    sections: tuple[Section, ...]
    labels: dict[str, str] = field(default_factory=dict)  # page chrome, in ``lang``
    large_print: bool = False

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)
