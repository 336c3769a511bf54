"""Printed documents (reportlab): care plans and MDT packs. Pure: DTO in, PDF bytes out.

- :func:`app.reports.careplan_pdf.build_careplan_pdf` — a
  :class:`~app.domain.careplan.CarePlan` (from ``app.domain.careplan.build_careplan``) as an
  A4 PDF in the plan's language.
- :func:`app.reports.mdt_pdf.build_mdt_summary_pdf` — one
  :class:`~app.domain.mdt_content.MdtCaseSummary`.
- :func:`app.reports.mdt_pdf.build_mdt_pack_pdf` — an :class:`~app.domain.mdt_content.MdtPack`
  (``app.services.mdt_service.MdtService.pack_content``): cover page + one summary per case.

Every builder takes ``progress(done, total)`` and ``cancel() -> bool`` keyword arguments and
raises :class:`app.domain.progress.BuildCancelled` when cancelled, so the UI can run it on a
worker thread. All text uses the bundled WenQuanYi Micro Hei font, embedded and subset
(``app.reports.fonts``); nothing falls back to a base-14 or CID font. The code never renders
plots: the trend PNG arrives in the DTO.
"""
