"""The bone-metastasis work-up wizard (issue 5). The chart opens it with
:func:`open_workup_wizard` or hooks :func:`workup_action` into its menu."""

from app.ui.workup.wizard import (
    WORKUP_SHORTCUT,
    WorkupWizard,
    open_workup_wizard,
    workup_action,
    workup_action_text,
)

__all__ = ["WORKUP_SHORTCUT", "WorkupWizard", "open_workup_wizard", "workup_action",
           "workup_action_text"]
