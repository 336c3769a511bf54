"""Collect every text a user can see in a window (widget texts, window titles, tooltips,
placeholders, combo-box items, tab and menu texts, item models' display roles, tooltips and
headers) and find the Latin words in them that are not on the allow-list.

Used by the "Chinese all the way" check (test_zh_everywhere.py): a Chinese UI may show Latin
letters only for abbreviations, units, spine levels, scores, brand names, patients' own names,
MRNs, rule IDs, file paths and citations."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

#: abbreviations, units, score and scale names, imaging, genes — as a clinician writes them
ALLOWED = {
    "CTX", "ALP", "BALP", "PINP", "CA", "ICA", "ALB", "CREA", "VITD", "GGT", "CRP", "LDH",
    "PLT", "TBIL", "SINS", "ESCC", "Mirels", "CTCAE", "ECOG", "KPS", "Frankel", "Tokuhashi",
    "Tomita", "Katagiri", "MRI", "CT", "PET", "MDT", "CrCl", "LLN", "ULN", "NSCLC", "SCLC",
    "NOS", "AJCC", "mg", "mL", "min", "kg", "g", "L", "dL", "mmol", "mol", "µmol", "ng", "pg",
    "U", "IU", "µg", "mEq", "nL", "nmol", "µL", "D", "D2", "D3", "h", "EGFR", "ALK", "EML4",
    "ROS1", "KRAS", "BRAF", "MET", "RET", "HER2", "NTRK", "PDF", "A4", "Ctrl", "Shift", "Alt",
    "Enter", "Esc", "Tab", "Del", "PgUp", "PgDn", "F1", "F2", "F5", "BoneMet", "Xgeva", "Prolia",
    "Zometa", "Bilsky", "Gy", "SBRT", "PNG", "zxy", "SQLite", "PostgreSQL", "English",
    "YYYY", "MM", "DD",  # the ISO date format shown as a hint
    "LOINC", "HL7", "CSV", "FHIR", "X", "OH", "β", "γ", "CrossLaps", "Elecsys",
    "PID", "OBX", "OBR", "MSH", "MLLP", "ACK", "UCUM", "v2",  # HL7 segments, standard names
    "bonemet", "careplan",  # a command name, as it is typed ("bonemet careplan")
    "backups", "done", "failed",  # folder names, as they are on disk
    # oncology history: pain scale, WHO ladder, PD-L1 scores and antibody clones, RECIST
    "NRS", "WHO", "TPS", "CPS", "PD", "RECIST", "CR", "PR", "SD", "NE", "22C3", "SP263", "mm",
}
#: spine levels (T8, L1-L3), TNM stages (IVB), protein changes (L858R), ESCC grades (1a)
_CODES = re.compile(
    r"^([CTLS]\d{1,2}|I{1,3}[ABC]?\d?|IV[ABC]?|[A-Z]\d+[A-Z]|\d+[a-c]|[A-Z])$")
_RULE_ID = re.compile(r"\b(WU|BMA|DEN|DENT|LOC|IO)(-[A-Z0-9]+)+\b")
_MRN = re.compile(r"\b[A-Z]{1,3}-\d{3,}\b")
_PATH = re.compile(r"(?<![\w.])(?:[A-Za-z]:)?[/\\][^\s，。；（）()]+")  # a file's path
_TOKEN = re.compile(r"[A-Za-z0-9µβγ]*[A-Za-z][A-Za-z0-9µβγ]*")


def model_texts(model: QAbstractItemModel, max_rows: int = 200) -> Iterable[str]:
    cols = model.columnCount()
    for c in range(cols):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            v = model.headerData(c, Qt.Orientation.Horizontal, role)
            if isinstance(v, str):
                yield v
    for r in range(min(model.rowCount(), max_rows)):
        for c in range(cols):
            idx = model.index(r, c)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                v = model.data(idx, role)
                if isinstance(v, str):
                    yield v


def widget_texts(root: QWidget) -> list[str]:
    """Every text shown by ``root`` and its visible children."""
    out: list[str] = [root.windowTitle(), root.toolTip()]
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w is not root and not w.isVisibleTo(root) and not isinstance(w, QMenu):
            continue
        out.append(w.toolTip())
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out.extend((w.text(), w.placeholderText()))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            out.append(w.toPlainText())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QComboBox):
            out.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            out.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QMenu):
            out.append(w.title())
            out.extend(a.text() for a in w.actions())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out.extend(model_texts(w.model()))
    return [t for t in out if t]


def latin_words(texts: Iterable[str], exempt: Iterable[str] = ()) -> dict[str, str]:
    """Latin words outside the allow-list -> one text they occur in. ``exempt`` texts (patients'
    names, citations) are removed first."""
    exempt = sorted({e for e in exempt if e}, key=len, reverse=True)
    found: dict[str, str] = {}
    for text in texts:
        # rich text: tags are not shown, entities are; <code> holds an identifier (a key of
        # the site's parameter file), shown as the file spells it
        t = re.sub(r"<code>.*?</code>", " ", text)
        t = html.unescape(re.sub(r"<[^>]+>", " ", t)).replace("&", "")
        for e in exempt:
            t = t.replace(e, " ")
        t = _PATH.sub(" ", _MRN.sub(" ", _RULE_ID.sub(" ", t)))
        for token in _TOKEN.findall(t):
            if token in ALLOWED or _CODES.match(token):
                continue
            found.setdefault(token, text[:160])
    return found
