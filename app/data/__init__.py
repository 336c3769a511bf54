"""Persistence: SQLAlchemy models, engine set-up, migrations runner, repositories."""
