"""Service tests (no Qt)."""
