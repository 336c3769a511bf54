"""ALP and CTX trends with the denosumab rebound flag (issue 6).

- :class:`~app.ui.trends.view.TrendView`: plot + accessible table + range/scale controls +
  rebound badge, fed with ``set_case(case, as_of, params)`` or ``set_data(TrendData)``.
- :class:`~app.ui.trends.plot.TrendPlot`: the plot alone (maps ``TrendData`` to items).
- :class:`~app.ui.trends.badge.ReboundBadge`: the rebound flag for headers, rows, worklists.
- :func:`~app.ui.trends.render.render_trend_png`: the plot as PNG bytes (MDT pack, print).
"""
