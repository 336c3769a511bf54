"""Display labels for the registry's coded values (sex, histology, status, drugs, severities).

Codes come from ``app.domain.case`` / ``app.domain.findings``; the labels are translated with
``QCoreApplication.translate("Labels", …)`` each call, so a language switch takes effect on the
next repaint. Unknown codes are shown as they are (never hidden); ``None`` is the em dash.
"""

from __future__ import annotations

import re
from datetime import date

from app.domain.dates import age_on
from app.domain.messages import Message, decode, render
from app.domain.names import DRUG_NAMES, drug_name
from app.ui.print_language import translate  # printouts draw in their own language

NONE_TEXT = "—"


def ui_is_chinese() -> bool:
    """True while the Chinese translation is installed. The UI has two languages and the
    drug labels are always translated in zh_CN, so an installed translation shows there."""
    return translate("Labels", "Denosumab") != "Denosumab"  # the print language when printing


def ui_lang() -> str:
    """``"zh"`` while the Chinese translation is installed, else ``"en"`` (the language
    argument of the domain's bilingual catalogues)."""
    return "zh" if ui_is_chinese() else "en"


def sex_label(code: str | None) -> str:
    labels = {
        "female": translate("Labels", "Female"),
        "male": translate("Labels", "Male"),
        "other": translate("Labels", "Other"),
        "unknown": translate("Labels", "Unknown"),
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def sex_short(code: str | None) -> str:
    """One-letter sex for the dense registry column (F/M/O/?)."""
    labels = {
        "female": translate("Labels", "F"),
        "male": translate("Labels", "M"),
        "other": translate("Labels", "O"),
        "unknown": "?",
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def histology_label(code: str | None) -> str:
    labels = {
        "adenocarcinoma": translate("Labels", "Adenocarcinoma"),
        "squamous": translate("Labels", "Squamous cell"),
        "sclc": translate("Labels", "Small cell (SCLC)"),
        "large_cell": translate("Labels", "Large cell"),
        "nsclc_nos": translate("Labels", "NSCLC NOS"),
        "other": translate("Labels", "Other"),
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def bm_status_label(code: str | None) -> str:
    labels = {
        "confirmed": translate("Labels", "Confirmed"),
        "suspected": translate("Labels", "Suspected"),
        "not_found": translate("Labels", "Not found"),
        "unknown": translate("Labels", "Unknown"),
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def drug_label(code: str | None) -> str:
    """A drug's name from the one bilingual catalogue (:data:`app.domain.names.DRUG_NAMES`),
    capitalised in English ("Zoledronic acid")."""
    if code is None:
        return NONE_TEXT
    if code not in DRUG_NAMES:
        return code
    name = drug_name(code, ui_lang())
    return name[:1].upper() + name[1:]


def severity_label(code: str | None) -> str:
    labels = {
        "critical": translate("Labels", "Critical"),
        "warning": translate("Labels", "Warning"),
        "info": translate("Labels", "Info"),
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def language_label(code: str | None) -> str:
    labels = {"zh": translate("Labels", "Chinese"), "en": translate("Labels", "English")}
    return NONE_TEXT if code is None else labels.get(code, code)


def age_text(birth: date | None, today: date | None = None) -> str:
    if birth is None:
        return NONE_TEXT
    return str(age_on(birth, today or date.today()))


def sex_age_text(sex: str | None, birth: date | None, today: date | None = None) -> str:
    """``F 67`` style; the em dash for what is unknown (``— 67``, ``F —``, ``—``)."""
    if sex is None and birth is None:
        return NONE_TEXT
    return f"{sex_short(sex)} {age_text(birth, today)}"


def histology_stage_text(histology: str | None, stage: str | None) -> str:
    if histology is None and stage is None:
        return NONE_TEXT
    parts = [histology_label(histology) if histology else NONE_TEXT]
    if stage:
        parts.append(translate("Labels", "stage %1").replace("%1", stage))
    return " · ".join(parts)


def rebound_flag_text() -> str:
    """The denosumab rebound-risk flag as it shows beside a patient in lists (registry row,
    worklist): text with a warning sign, never colour alone (rule book §5)."""
    return "⚠ " + translate("Labels", "Rebound risk")


# The summary's "next due" item is stored in English by the domain (app.domain.summary, which
# also feeds the command line and the worklist's cached pass); the UI shows it in its language.
# These are the domain's English drug names (a test keeps them equal to summary.DRUG_EN).
_DRUG_NAMES_EN = {
    "denosumab": "Denosumab", "zoledronic_acid": "Zoledronic acid",
    "pamidronate": "Pamidronate", "ibandronate": "Ibandronate",
    "incadronate": "Incadronate", "clodronate": "Clodronate",
}
_DRUG_BY_NAME = {name.lower(): code for code, name in _DRUG_NAMES_EN.items()}
_DRUG_ALTERNATIVES = "|".join(sorted((re.escape(n) for n in _DRUG_BY_NAME), key=len,
                                     reverse=True))
_DOSE = r"(?P<dose>\d+(?:\.\d+)?)"
_DUE_PATTERNS = tuple(
    (re.compile(pattern, re.IGNORECASE), source)
    for pattern, source in (
        (rf"Overdue planned (?P<drug>{_DRUG_ALTERNATIVES}) {_DOSE} mg dose",
         "Overdue planned %1 %2 mg dose"),
        (rf"(?P<drug>{_DRUG_ALTERNATIVES}) {_DOSE} mg planned", "%1 %2 mg planned"),
        (rf"(?P<drug>{_DRUG_ALTERNATIVES}) dose overdue", "%1 dose overdue"),
        (rf"Next (?P<drug>{_DRUG_ALTERNATIVES}) dose due", "Next %1 dose due"),
    )
)


def _due_templates() -> dict[str, str]:
    # literal translate() calls, so that lupdate finds every template
    return {
        "Overdue planned %1 %2 mg dose": translate("Labels", "Overdue planned %1 %2 mg dose"),
        "%1 %2 mg planned": translate("Labels", "%1 %2 mg planned"),
        "%1 dose overdue": translate("Labels", "%1 dose overdue"),
        "Next %1 dose due": translate("Labels", "Next %1 dose due"),
    }


def _due_fixed() -> dict[str, str]:
    return {
        "Rebound check overdue: fasting CTX + calcium":
            translate("Labels", "Rebound check overdue: fasting CTX + calcium"),
        "Rebound check: fasting CTX + calcium":
            translate("Labels", "Rebound check: fasting CTX + calcium"),
        "Dental review overdue": translate("Labels", "Dental review overdue"),
        "Dental review due": translate("Labels", "Dental review due"),
        "Dental exam needed (none recorded)":
            translate("Labels", "Dental exam needed (none recorded)"),
    }


def message_text(msg: Message | str | None) -> str:
    """A structured message (:mod:`app.domain.messages`) in the UI language; a plain text
    (stored before structured messages) through :func:`due_item_text`."""
    if isinstance(msg, Message):
        return render(msg, ui_lang())
    return due_item_text(msg)


def due_item_text(text: str | None) -> str:
    """A patient's next due item in the UI language: the stored key and parameters
    (:func:`app.domain.messages.encode`) rendered; an older row stored in English
    (``Denosumab dose overdue``…) translated by its known forms, else shown as it is."""
    if not text:
        return NONE_TEXT
    msg = decode(text)
    if msg is not None:
        return render(msg, ui_lang())
    fixed = _due_fixed().get(text)
    if fixed is not None:
        return fixed
    for pattern, source in _DUE_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        template = _due_templates()[source]
        if template == source:  # not translated (English): keep the domain's own wording
            return text
        drug = drug_label(_DRUG_BY_NAME[match.group("drug").lower()])
        dose = match.groupdict().get("dose") or ""
        return template.replace("%1", drug).replace("%2", dose)
    return text
