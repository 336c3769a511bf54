"""Backup and restore in the registry window (File menu) and the scheduled start-up backup."""
