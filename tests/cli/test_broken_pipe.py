"""`bonemet … | head`: when the reader of the output goes away, the command stops quietly
(exit 1, nothing on stderr) instead of reporting an "internal error" or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys


def test_closed_output_pipe_stops_quietly():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes anything
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "app", "rules", "--format", "json"],
            stdout=write_end, stderr=subprocess.PIPE, timeout=60,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 1
    assert proc.stderr.decode() == ""
