"""``bonemet demo``: flags are validated (exit 2, one clear line), a non-empty registry is
refused, progress is counts only, and nothing is written on bad input."""

from __future__ import annotations

from datetime import date

import pytest

from app.cli import main
from app.services.demo.generator import generate_cases


def _run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse errors
        return int(exc.code)


@pytest.mark.parametrize(("flags", "field", "problem"), [
    (["--patients", "0"], "--patients", "between 1 and"),
    (["--patients", "ten"], "--patients", "whole number"),
    (["--patients", "-5"], "--patients", "between 1 and"),
    (["--seed", "1.5"], "--seed", "whole number"),
    (["--seed", "-1"], "--seed", "0 or more"),
    (["--reference-date", "2026-02-30"], "--reference-date", "YYYY-MM-DD"),
    (["--reference-date", "20261121"], "--reference-date", "YYYY-MM-DD"),
    (["--workers", "0"], "--workers", "between 1 and 64"),
])
def test_bad_flags_exit_2_with_a_clear_message(tmp_path, capsys, flags, field, problem):
    target = tmp_path / "demo.sqlite"
    assert _run(["demo", "--db", str(target), *flags]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and field in err and problem in err
    assert "Traceback" not in err
    assert not target.exists()


def test_writes_then_refuses_a_non_empty_registry(tmp_path, capsys):
    target = tmp_path / "demo.sqlite"
    argv = ["demo", "--db", str(target), "--patients", "12", "--seed", "4",
            "--reference-date", "2026-11-21"]
    assert _run(argv) == 0
    out, err = capsys.readouterr()
    assert "12 patients" in out
    assert "12 of 12 patients" in err
    names = [p.case.patient.name for p in generate_cases(12, 4, date(2026, 11, 21))]
    assert not any(name in out + err for name in names)  # counts only, no patient data

    assert _run(argv) == 2
    err = capsys.readouterr().err
    assert "already holds patients" in err and "Traceback" not in err
