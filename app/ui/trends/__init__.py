"""ALP and CTX trends with the denosumab rebound flag (issue 6).

- :class:`~app.ui.trends.view.TrendView`: plot + accessible table + range/scale controls +
  rebound badge, fed with ``set_case(case, as_of, params)`` or ``set_data(TrendData)``.
- :class:`~app.ui.trends.plot.TrendPlot`: the plot alone (maps ``TrendData`` to items).
- :class:`~app.ui.trends.badge.ReboundBadge`: the rebound flag for headers, rows, worklists.
- :func:`~app.ui.trends.render.render_trend_png`: the plot as PNG bytes (MDT pack, print).

The names are also available from this package, loaded on first use (importing the badge
alone does not pull in pyqtgraph).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "TrendView": "app.ui.trends.view",
    "TrendPlot": "app.ui.trends.plot",
    "ReboundBadge": "app.ui.trends.badge",
    "render_trend_png": "app.ui.trends.render",
}
__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)
