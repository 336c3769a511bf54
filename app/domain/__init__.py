"""Pure clinical domain: case model, units, rules, scores (no Qt, no SQLAlchemy, no I/O)."""
