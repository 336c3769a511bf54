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

    # The hooks below do nothing here: a page overrides those it needs (a page without inputs
    # loads and stores nothing; a page without decision support has nothing to refresh).
    def load(self, entries: WorkupEntries) -> None:
        """Show ``entries``' values in the page's inputs."""

    def store(self, entries: WorkupEntries) -> None:
        """Write the page's inputs into ``entries``."""

    def refresh(self, analysis: WorkupAnalysis) -> None:
        """Show the decision support of ``analysis`` (recommendations, findings)."""

    def retranslate(self) -> None:
        """Set the page's texts in the current UI language."""

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
