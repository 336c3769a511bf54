"""Shared test set-up: Qt runs offscreen (never aborts for lack of a display)."""

import os

# Must be set before any QApplication exists (tech notes: without it Qt aborts the process).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
