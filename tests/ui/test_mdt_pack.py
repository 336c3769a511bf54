"""The MDT case pack from the window: built in the background with progress per case, trend
plots drawn on the GUI thread (never on the worker), then shown in the preview; Cancel stops
the build for real (no more plots, no PDF)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

import app.ui.mdt.pack_job as pack_job

from .mdt_fixtures import TODAY, mdt_env_fixture, mdt_window_fixture  # noqa: F401


@pytest.fixture
def listed(mdt_env, mdt_window):
    """A meeting next week with four demo patients listed."""
    meeting = mdt_env.service.create_meeting(TODAY + timedelta(days=9), "Pack test")
    for mrn in mdt_env.mrns[:4]:
        mdt_env.service.add_case(meeting.id, mrn, f"Question about {mrn}?")
    mdt_window.reload(meeting_id=meeting.id)
    return meeting


@pytest.fixture
def render_threads(monkeypatch):
    """Record the thread each trend plot is drawn on (still drawing the real plot)."""
    threads = []
    real = pack_job.render_trend_png

    def spy(*args, **kwargs):
        threads.append(QThread.currentThread())
        return real(*args, **kwargs)

    monkeypatch.setattr(pack_job, "render_trend_png", spy)
    return threads


def test_pack_in_background_with_progress_then_preview(qtbot, mdt_window, listed,
                                                       render_threads):
    steps = []
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))  # the GUI thread keeps running
    timer.start(5)
    with qtbot.waitSignal(mdt_window.packReady, timeout=60_000) as ready:
        builder = mdt_window.generate_pack()
        assert builder is not None
        builder.progress.connect(lambda d, t: steps.append((d, t)))
        assert mdt_window.progress is not None and mdt_window.progress.isVisible()
        assert not mdt_window.act_pack.isEnabled()  # one pack at a time
    timer.stop()
    n = 4
    assert steps[-1] == (2 * n, 2 * n)
    assert [d for d, _t in steps] == sorted(d for d, _t in steps)
    assert {t for _d, t in steps} == {2 * n}
    assert len(steps) >= n  # a step per case at least
    assert ticks, "the event loop did not run while the pack was built"
    gui = QApplication.instance().thread()
    assert render_threads and all(t is gui for t in render_threads)
    preview = ready.args[0]
    qtbot.waitUntil(preview.all_rendered, timeout=20_000)
    assert preview.page_count() >= n + 1  # cover + one summary per case
    assert preview.pdf.startswith(b"%PDF")
    assert mdt_window.progress is None and mdt_window.builder is None
    assert mdt_window.act_pack.isEnabled()


def test_cancel_stops_the_pack(qtbot, mdt_window, listed, render_threads):
    steps = []
    opened = []
    mdt_window.packReady.connect(opened.append)

    def on_progress(done, total):
        steps.append((done, total))
        if len(steps) == 1:
            mdt_window.progress.findChild(QPushButton).click()  # the user presses Cancel

    builder = mdt_window.generate_pack()
    builder.progress.connect(on_progress)
    with qtbot.waitSignal(builder.cancelled, timeout=30_000):
        pass
    qtbot.wait(50)
    assert opened == []
    assert max(d for d, _t in steps) < 2  # stopped before the second case
    assert len(render_threads) <= 1
    assert mdt_window.builder is None and mdt_window.progress is None
    assert "cancelled" in mdt_window.statusBar().currentMessage()
    assert mdt_window.act_pack.isEnabled()


def test_closing_the_window_cancels_the_build(qtbot, mdt_window, listed):
    builder = mdt_window.generate_pack()
    job = builder.job
    mdt_window.close()
    qtbot.waitUntil(job.finished.is_set, timeout=30_000)
    assert job.is_cancelled
    qtbot.waitUntil(lambda: mdt_window.builder is None, timeout=5_000)
    assert mdt_window.preview is None


def test_preview_destroyed_while_rendering(qtbot):
    from app.domain.mdt_content import MdtPack
    from app.reports.mdt_pdf import build_mdt_pack_pdf
    from app.ui.printing.preview import PdfPreviewDialog

    pdf = build_mdt_pack_pdf(MdtPack(TODAY, "Empty", ()))
    dialog = PdfPreviewDialog(pdf)
    pages = dialog.pages
    jobs = list(dialog._render_jobs)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: pages.closed, timeout=5_000)
    for job in jobs:
        assert job.ended.wait(5)


def test_pack_plots_are_drawn_in_the_pack_language_with_the_lab_panel_when_needed(
        qtbot, mdt_window, listed, monkeypatch):
    calls = []
    real = pack_job.render_trend_png

    def spy(*args, **kwargs):
        calls.append((QThread.currentThread(), kwargs.get("lang"), kwargs.get("extra"),
                      args[1:3]))
        return real(*args, **kwargs)

    monkeypatch.setattr(pack_job, "render_trend_png", spy)
    mdt_window.set_pack_language("zh")
    with qtbot.waitSignal(mdt_window.packReady, timeout=60_000):
        mdt_window.generate_pack()
    assert calls
    gui = QApplication.instance().thread()
    assert all(thread is gui for thread, *_ in calls)  # off the worker, on the GUI thread
    assert {lang for _t, lang, _e, _s in calls} == {"zh"}
    for _t, _lang, extra, size in calls:  # the taller image carries the lab panel
        assert size == (pack_job.TREND_SIZE_LABS_PX if extra else pack_job.TREND_SIZE_PX)
    mdt_window.preview.close()
