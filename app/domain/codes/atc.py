"""WHO ATC codes of the bone drugs of the rule book's §4 catalogue.

Source: WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD Index, group
M05BA *Bisphosphonates* (M05BA01 etidronic acid … M05BA08 zoledronic acid; whocc.no, last
updated 2024-01-26) and M05BX *Other drugs affecting bone structure and mineralization*
(M05BX04 denosumab); the rule book's §4 ATC column agrees.

Incadronate (incadronic acid) has **no** ATC code: it is not in group M05BA of the WHO index
(marketed in Japan and China only), so it maps to ``None`` — the rule book's catalogue also
gives "—". Exporters then name the drug by text only.
"""

from __future__ import annotations

from app.domain.codes import ATC_SYSTEM, Code

ATC: dict[str, Code | None] = {
    "denosumab": Code(ATC_SYSTEM, "M05BX04", "denosumab"),
    "zoledronic_acid": Code(ATC_SYSTEM, "M05BA08", "zoledronic acid"),
    "pamidronate": Code(ATC_SYSTEM, "M05BA03", "pamidronic acid"),
    "ibandronate": Code(ATC_SYSTEM, "M05BA06", "ibandronic acid"),
    "clodronate": Code(ATC_SYSTEM, "M05BA02", "clodronic acid"),
    "incadronate": None,  # not in the WHO ATC index (see the module docstring)
}


def atc_code(drug: str) -> Code | None:
    """The ATC code of a catalogue drug key, or None (incadronate). KeyError: not a drug."""
    return ATC[drug]
