"""MDT meetings in the app (issue 7): the meetings window, adding patients with a question
(also from the chart), recording decisions after the meeting, and the case pack built in the
background with progress and cancel, then previewed (print / save as PDF).

- :func:`~app.ui.mdt.install.install_mdt` — wire it into the registry window and the charts.
- :class:`~app.ui.mdt.window.MdtWindow` — the meetings window.
- :class:`~app.ui.mdt.pack_job.PackBuilder` — the pack in the background.
"""
