"""The base of every work-up wizard page.

Each page moves its widgets' values into the wizard's :class:`WorkupEntries` (``store``) and
back (``load``), and shows the decision support of the current analysis (``refresh``).
``cleanupPage`` is a no-op, so Back never resets what was typed (QWizard's default would), and
``initializePage`` only refreshes the computed texts, never the inputs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWizardPage

from app.domain.workup import WorkupAnalysis
from app.domain.workup_entries import WorkupEntries


class WorkupPage(QWizardPage):
    key = ""  # stable page key (stored in drafts: the page to resume on)

    def wizard_(self) -> Any:
        """The owning :class:`~app.ui.workup.wizard.WorkupWizard`."""
        return self.wizard()

    def load(self, entries: WorkupEntries) -> None:  # pragma: no cover - overridden
        pass

    def store(self, entries: WorkupEntries) -> None:  # pragma: no cover - overridden
        pass

    def refresh(self, analysis: WorkupAnalysis) -> None:
        pass

    def retranslate(self) -> None:
        pass

    def initializePage(self) -> None:
        w = self.wizard_()
        if w is not None:
            self.refresh(w.analysis())

    def cleanupPage(self) -> None:
        """Keep the input when the user goes Back."""


# page ids (QWizard page ids, in order)
PRESENTATION, URGENT, RISK, BIOMARKERS, IMAGING, BIOPSY, CONCLUSION, LESIONS = range(8)
PAGE_KEYS = ("presentation", "urgent", "risk", "biomarkers", "imaging", "biopsy", "conclusion",
             "lesions")
