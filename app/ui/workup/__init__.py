"""The bone-metastasis work-up wizard (issue 5). The chart opens it with
:func:`open_workup_wizard` or hooks :func:`workup_action` into its menu."""

from app.ui.workup.wizard import WorkupWizard, open_workup_wizard, workup_action

__all__ = ["WorkupWizard", "open_workup_wizard", "workup_action"]
