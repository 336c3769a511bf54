"""Display labels for the registry's coded values (sex, histology, status, drugs, severities).

Codes come from ``app.domain.case`` / ``app.domain.findings``; the labels are translated with
``QCoreApplication.translate("Labels", …)`` each call, so a language switch takes effect on the
next repaint. Unknown codes are shown as they are (never hidden); ``None`` is the em dash.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.domain.dates import age_on

NONE_TEXT = "—"


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def sex_label(code: str | None) -> str:
    labels = {
        "female": _t("Female"), "male": _t("Male"), "other": _t("Other"),
        "unknown": _t("Unknown"),
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def sex_short(code: str | None) -> str:
    """One-letter sex for the dense registry column (F/M/O/?)."""
    labels = {
        "female": _t("F"), "male": _t("M"), "other": _t("O"), "unknown": "?",
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def histology_label(code: str | None) -> str:
    labels = {
        "adenocarcinoma": _t("Adenocarcinoma"),
        "squamous": _t("Squamous cell"),
        "sclc": _t("Small cell (SCLC)"),
        "large_cell": _t("Large cell"),
        "nsclc_nos": _t("NSCLC NOS"),
        "other": _t("Other"),
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def bm_status_label(code: str | None) -> str:
    labels = {
        "confirmed": _t("Confirmed"),
        "suspected": _t("Suspected"),
        "not_found": _t("Not found"),
        "unknown": _t("Unknown"),
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def drug_label(code: str | None) -> str:
    labels = {
        "denosumab": _t("Denosumab"),
        "zoledronic_acid": _t("Zoledronic acid"),
        "pamidronate": _t("Pamidronate"),
        "ibandronate": _t("Ibandronate"),
        "incadronate": _t("Incadronate"),
        "clodronate": _t("Clodronate"),
    }
    return NONE_TEXT if code is None else labels.get(code, code)


def severity_label(code: str | None) -> str:
    labels = {"critical": _t("Critical"), "warning": _t("Warning"), "info": _t("Info")}
    return NONE_TEXT if code is None else labels.get(code, code)


def language_label(code: str | None) -> str:
    labels = {"zh": _t("Chinese"), "en": _t("English")}
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
        parts.append(_t("stage %1").replace("%1", stage))
    return " · ".join(parts)
