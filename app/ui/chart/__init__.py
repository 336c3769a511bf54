"""The patient chart window: header, findings with their reasons, timeline, history."""
