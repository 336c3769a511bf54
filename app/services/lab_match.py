"""Is the registry patient with a message's ID the person the message is about?

The message was matched by ID (:mod:`app.services.lab_import`); this checks what else it says:

- **assigning authority** (CX.4 of the ID used): when given, it must be one the site accepted
  (site setting ``accepted_authorities``); an ID from another hospital is another numbering;
- **family name** (PID-5.1): Chinese names compared as written — the registry name starts
  with the message's family name, or equals the message's whole name — and in pinyin (``LI``
  for 李, ``OUYANG`` for 欧阳, surname readings as the search uses them); Latin names compared
  without accents and case, in any order of the registry name's words;
- **birth date** (PID-7) and **sex** (PID-8: F/M).

A field that either side does not have is not compared (analysers often send the ID only: the
report then says the match rests on the ID alone). Each mismatch is one reason; any reason puts
the message in the review queue. Reasons name fields, never the values.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from app.data.search_keys import name_tokens
from app.services.lab_import_types import PatientInfo

__all__ = ["fold_authority", "review_reasons"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def fold_authority(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _family_matches(family: str, given: str, registry_name: str) -> bool:
    reg = _compact(registry_name)
    fam = _compact(family)
    if _HAN.search(family):
        return reg.startswith(fam) or reg == _compact(family + given)
    fam_tokens = name_tokens(family)
    if not fam_tokens:
        return True
    reg_tokens = name_tokens(registry_name)
    if _HAN.search(registry_name):
        # pinyin of the registry name: the family name is its first syllable(s)
        return "".join(reg_tokens).startswith("".join(fam_tokens))
    return all(t in reg_tokens for t in fam_tokens)


def review_reasons(info: PatientInfo | None, registry_name: str | None,
                   registry_birth: date | None, registry_sex: str | None,
                   accepted_authorities: Iterable[str]) -> list[str]:
    """Why a message must not be stored in this patient's chart ([] = it may)."""
    if info is None:
        return []
    reasons: list[str] = []
    accepted = {fold_authority(a) for a in accepted_authorities}
    if info.authority and fold_authority(info.authority) not in accepted:
        reasons.append(f"{info.id_field}.4: the ID's assigning authority is not one the "
                       "site accepts (site setting accepted_authorities)")
    if info.family and registry_name and not _family_matches(info.family, info.given,
                                                             registry_name):
        reasons.append("PID-5: the family name differs from the registry patient's")
    if info.birth_date and registry_birth and info.birth_date != registry_birth:
        reasons.append("PID-7: the birth date differs from the registry patient's")
    if info.sex and registry_sex in ("female", "male") and info.sex != registry_sex:
        reasons.append("PID-8: the sex differs from the registry patient's")
    return reasons


def id_only(info: PatientInfo | None) -> bool:
    """The message says nothing to check beyond the ID."""
    return info is not None and not (info.family or info.birth_date or info.sex)
