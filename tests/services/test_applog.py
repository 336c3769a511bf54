"""The log file: rotating, in the user log directory, and never holding patient data."""

import logging

from app.services import applog


def test_error_is_logged_by_type_and_frames_without_its_message():
    def inner():
        raise ValueError("creatinine 812 umol/L for BM-000042 Zhang San")

    try:
        try:
            inner()
        except ValueError as exc:
            raise RuntimeError("while saving BM-000042") from exc
    except RuntimeError as exc:
        reference = applog.log_error(exc, "test")
    text = applog.log_path().read_text(encoding="utf-8")
    assert f"error {reference} in test: RuntimeError" in text
    assert "caused by ValueError" in text and "in inner" in text  # frames kept
    for secret in ("812 umol", "BM-000042", "Zhang"):
        assert secret not in text


def test_record_data_printing_libraries_are_silenced(capsys):
    applog.setup_logging()
    logging.getLogger("hl7").warning("bad escape in PID|1||BM-000042")
    logging.getLogger("sqlalchemy.engine").error("INSERT ... ('BM-000042', 812)")
    captured = capsys.readouterr()
    assert "BM-000042" not in captured.err + captured.out
    assert not applog.log_path().exists() or "BM-000042" not in applog.log_path().read_text()


def test_other_packages_records_keep_no_arguments():
    applog.setup_logging()
    logging.getLogger("bonemet.child").info("ours %s", "kept")
    other = logging.getLogger("somelib")
    other.propagate = False
    other.addHandler(applog._handler)
    other.warning("value %s", "BM-000042")
    other.removeHandler(applog._handler)
    text = applog.log_path().read_text(encoding="utf-8")
    assert "ours kept" in text and "somelib: WARNING (message withheld)" in text
    assert "BM-000042" not in text


def test_log_follows_the_folder(tmp_path, monkeypatch):
    applog.log_event("first")
    monkeypatch.setenv("BONEMET_LOG_DIR", str(tmp_path / "elsewhere"))
    applog.log_event("second")
    assert "second" in (tmp_path / "elsewhere" / applog.LOG_FILE_NAME).read_text()
