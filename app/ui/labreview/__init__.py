"""The lab review queue window (held lab messages: assign or reject)."""
