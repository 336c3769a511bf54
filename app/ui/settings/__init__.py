"""Site settings (issue: settings page): the Settings dialog and its menu entry.

:func:`app.ui.settings.install.install_settings` adds File → Settings… (Ctrl+,) to the
registry window; the dialog itself is imported on first use."""
