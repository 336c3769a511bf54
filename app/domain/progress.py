"""Progress and cancellation for long builds (care plans, MDT packs) run off the GUI thread.

Builders take ``progress(done, total)`` and ``cancel() -> bool`` callables; a raised cancel
flag makes them stop with :class:`BuildCancelled`. Shared by services and reports so the UI
catches one exception type whichever layer noticed the flag.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class BuildCancelled(Exception):
    """The caller's cancel flag was raised while a document was being built."""


def check_cancel(cancel: Cancel | None) -> None:
    """Raise :class:`BuildCancelled` when the cancel flag is up."""
    if cancel is not None and cancel():
        raise BuildCancelled("build cancelled")
