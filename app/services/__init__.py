"""Use cases: one session per user action, audit trail, backups."""
