"""Qt (PySide6) user interface: the only layer that imports Qt or pyqtgraph.

Importing the package installs the binding work-arounds of :mod:`app.ui.qt_compat` (PySide6
6.12.0 loses a reference on every ``Signal.emit`` and would abort a long session).
"""

from app.ui.qt_compat import install as _install_qt_fixes

_install_qt_fixes()
