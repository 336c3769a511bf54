"""The registry-wide worklist view (computed off the GUI thread)."""
