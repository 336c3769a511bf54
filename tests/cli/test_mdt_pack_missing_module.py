"""A plotting module that cannot be imported (e.g. a frozen build missing QtOpenGLWidgets) is
named, not swallowed: the pack is still built and the note says which module is missing."""

import sys

from app.cli import main
from app.cli.mdt_cmd import trend_renderer


def test_missing_plot_module_is_named(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "app.ui.trends.render", None)
    render, missing = trend_renderer()
    assert render is None and missing == "app.ui.trends.render"
    db = tmp_path / "d.sqlite"
    assert main(["demo", "--db", str(db), "--patients", "20"]) == 0
    capsys.readouterr()
    code = main(["mdt", "list", "--db", str(db)])
    listing = capsys.readouterr().out
    meeting = next(line.split()[0] for line in listing.splitlines()
                   if line[:4].isdigit() and not line.rstrip().endswith("(0)"))
    assert code == 0
    assert main(["mdt-pack", "--db", str(db), "--meeting", meeting,
                 "--out", str(tmp_path / "p.pdf")]) == 0
    err = capsys.readouterr().err
    assert "module app.ui.trends.render cannot be imported" in err
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
