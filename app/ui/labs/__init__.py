"""Lab results in the desktop app: File → Import lab results… (progress, cancel, report), and
the lab feeds that run with it — the HL7 (MLLP) network listener and the watched folder."""
