"""Icons are crisp at 100–300 % (a pixmap per device pixel ratio) and the app has its icon."""

import pytest
from PySide6.QtCore import QSize

from app.ui.app import create_application
from app.ui.icons import app_icon, severity_icon

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("severity", ["critical", "warning", "info"])
def test_severity_icon_has_a_pixmap_per_scale(qapp, severity):
    icon = severity_icon(severity)
    for ratio in (1.0, 1.5, 2.0):
        pixmap = icon.pixmap(QSize(16, 16), ratio)
        assert pixmap.devicePixelRatio() == pytest.approx(ratio)
        assert pixmap.width() == round(16 * ratio)  # drawn at that resolution, not scaled up
    assert severity_icon("nonsense").isNull()


def test_application_icon_is_set(qapp):
    create_application()
    assert not app_icon().isNull()
    assert qapp.windowIcon().availableSizes()
