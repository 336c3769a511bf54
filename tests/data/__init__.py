"""Data-layer tests (no Qt)."""
