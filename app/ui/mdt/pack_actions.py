"""The MDT window's case-pack actions (a mixin of :class:`~app.ui.mdt.window.MdtWindow`):
generate the pack in the background with a progress dialog (Cancel stops the build), then
open it in the print preview. The window provides ``builder``, ``progress``, ``preview``,
``packReady``, ``current_meeting()``, ``pack_language()``, ``params`` and
``_update_actions()``. Its strings are in the ``MdtWindow`` translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from app.ui.mdt.pack_job import PackBuilder, PackResult
from app.ui.printing.preview import PdfPreviewDialog

translate = QCoreApplication.translate  # context "MdtWindow": the mixin has none of its own


class PackActions:
    def generate_pack(self) -> PackBuilder | None:
        m = self.current_meeting()
        if m is None or self.builder is not None:
            return None
        builder = PackBuilder(self.service, m.id, lang=self.pack_language(),
                              params=self.params, parent=self)
        progress = QProgressDialog(translate("MdtWindow", "Preparing the case pack…"),
                                   translate("MdtWindow", "Cancel"), 0, 0, self)
        progress.setObjectName("mdtPackProgress")
        progress.setWindowTitle(translate("MdtWindow", "MDT case pack — %1").replace(
            "%1", m.meeting_date.isoformat()))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.canceled.connect(builder.cancel)
        builder.progress.connect(self._pack_progress)
        builder.finished.connect(self._pack_done)
        builder.cancelled.connect(self._pack_cancelled)
        builder.failed.connect(self._pack_failed)
        self.builder, self.progress = builder, progress
        self._update_actions()
        progress.show()
        builder.start()
        return builder

    def _pack_progress(self, done: int, total: int) -> None:
        if self.progress is None or self.progress.wasCanceled():
            return
        n = total // 2
        if done < n:
            text = translate("MdtWindow", "Preparing case %1 of %2…").replace("%1", str(done + 1))
        else:
            text = translate("MdtWindow", "Writing the pack: %1 of %2 case summaries…").replace(
                "%1", str(done - n))
        self.progress.setLabelText(text.replace("%2", str(n)))
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _pack_end(self) -> None:
        self.builder = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._update_actions()

    def _pack_done(self, result: PackResult) -> None:
        self._pack_end()
        if result.plot_failures:
            self.statusBar().showMessage(translate("MdtWindow",
                "%1 trend plot(s) could not be drawn; those cases are printed without one.")
                .replace("%1", str(result.plot_failures)), 8000)
        day = result.meeting_date.isoformat()
        title = translate("MdtWindow", "MDT case pack — %1").replace("%1", day)
        preview = PdfPreviewDialog(result.pdf, title=title, file_name=f"mdt-pack-{day}.pdf",
                                   parent=self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(self._preview_gone)
        self.preview = preview
        preview.open()
        self.packReady.emit(preview)

    def _preview_gone(self, _obj=None) -> None:
        self.preview = None

    def _pack_cancelled(self) -> None:
        self._pack_end()
        self.statusBar().showMessage(translate("MdtWindow", "Case pack cancelled."), 5000)

    def _pack_failed(self, error: str) -> None:
        self._pack_end()
        QMessageBox.warning(self, translate("MdtWindow", "MDT case pack"), translate("MdtWindow",
            "The case pack could not be generated (%1).").replace("%1", error))

