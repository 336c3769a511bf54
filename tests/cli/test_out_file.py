"""``--out`` of every command that writes a file (``careplan``, ``mdt-pack``): the file is
written beside the target under a temporary name and renamed over it (atomic); a target that
is a folder, a device, a pipe, a symbolic link to one of those, a broken link or in a missing
folder is refused with exit 2 and one line naming ``--out``, before any work; a failed write
exits 1 and leaves the previous file as it was, with no temporary file left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.services.files import OutputPathError, check_output_path, write_file_atomic

CASE = Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "example.json"
CAREPLAN = ["careplan", "--case", str(CASE), "--as-of", "2026-11-21", "--lang", "en"]


def mdt_pack(tmp_path: Path) -> list[str]:
    # refused before the registry is opened: the database need not exist
    return ["mdt-pack", "--db", str(tmp_path / "none.sqlite"), "--meeting", "next"]


COMMANDS = {"careplan": lambda _tmp: CAREPLAN, "mdt-pack": mdt_pack}


def bad_targets(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    links = {"dir": folder, "dev": Path("/dev/null"), "gone": tmp_path / "gone.pdf"}
    for name, to in links.items():
        (tmp_path / f"link-{name}.pdf").symlink_to(to)
    return {
        "folder": (folder, "--out: is a folder"),
        "device": (Path("/dev/null"), "--out: is a device"),
        "pipe": (fifo, "--out: is a special file (pipe or socket)"),
        "link to a folder": (tmp_path / "link-dir.pdf", "--out: is a symbolic link to a folder"),
        "link to a device": (tmp_path / "link-dev.pdf", "--out: is a symbolic link to a device"),
        "broken link": (tmp_path / "link-gone.pdf", "--out: is a broken symbolic link"),
        "missing folder": (tmp_path / "no" / "x.pdf", "--out: the folder does not exist"),
        "no file name": (Path(str(tmp_path) + "/"), "--out: is a folder"),
    }


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_unusable_targets_are_refused_with_exit_2(tmp_path, capsys, command):
    for label, (target, message) in bad_targets(tmp_path).items():
        before = sorted(p.name for p in tmp_path.iterdir())
        rc = main([*COMMANDS[command](tmp_path), "--out", str(target)])
        err = capsys.readouterr().err
        assert rc == 2, label
        assert err.startswith(f"bonemet {command}: {message}"), (label, err)
        assert err.count("\n") == 1, label
        assert sorted(p.name for p in tmp_path.iterdir()) == before, label  # nothing written
        for name in ("folder.pdf", "no"):
            if (tmp_path / name).is_dir():
                assert list((tmp_path / name).iterdir()) == [], label


def pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def test_careplan_replaces_the_file_atomically_and_follows_a_link(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan.pdf"
    target.write_bytes(b"the previous plan")
    target.chmod(0o640)
    assert main([*CAREPLAN, "--out", str(target)]) == 0, capsys.readouterr().err
    assert pages(target) >= 2
    assert target.stat().st_mode & 0o777 == 0o640  # the file's permissions are kept
    link = out / "latest.pdf"
    link.symlink_to(target)
    target.write_bytes(b"old")
    assert main([*CAREPLAN, "--out", str(link)]) == 0
    assert link.is_symlink() and pages(target) >= 2  # the file behind the link was replaced
    assert sorted(p.name for p in out.iterdir()) == ["latest.pdf", "plan.pdf"]  # no temporary


def test_a_failed_write_exits_1_and_keeps_the_previous_file(tmp_path, capsys, monkeypatch):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"the previous plan")
    seen = []

    def disk_full(src, dst):
        seen.append(Path(src))
        assert Path(src).parent == tmp_path and Path(src).read_bytes().startswith(b"%PDF")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.services.files.os.replace", disk_full)
    assert main([*CAREPLAN, "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == "bonemet careplan: --out: cannot write (No space left on device)\n"
    assert target.read_bytes() == b"the previous plan"
    assert seen and not seen[0].exists()  # the temporary file is gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_the_shared_helper_writes_new_files_with_the_usual_permissions(tmp_path):
    old = os.umask(0o027)
    try:
        written = write_file_atomic(tmp_path / "new.bin", b"data")
    finally:
        os.umask(old)
    assert written.read_bytes() == b"data"
    assert written.stat().st_mode & 0o777 == 0o640
    with pytest.raises(OutputPathError) as refused:
        check_output_path("")
    assert refused.value.problem == "give a file name" and not refused.value.runtime
