"""The worklist model keeps its rows in order itself (the proxy only filters): rows added or
replaced later land in place, any column and direction, the current row follows its item; a
patient's rebound flag shows on all its rows and goes with its rebound row."""

from __future__ import annotations

import random
from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt

from app.services.worklist import CATEGORIES, WorklistItem
from app.ui.worklist.model import COLUMNS, WorklistFilter, WorklistModel

DAY = date(2026, 11, 21)


def items(n: int, seed: int = 1) -> list[WorklistItem]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        due = None if rnd.random() < 0.3 else DAY + timedelta(days=rnd.randint(-20, 20))
        out.append(WorklistItem(i // 2 + 1, f"M{rnd.randint(0, 999):03d}", f"N{i}",
                                rnd.choice(CATEGORIES),
                                rnd.choice(("critical", "warning", "info")), due, (),
                                f"detail {rnd.randint(0, 99)}"))
    return out


def shown(proxy: WorklistFilter, column: str) -> list:
    model: WorklistModel = proxy.sourceModel()  # type: ignore[assignment]
    key = model.key_function(COLUMNS.index(column), Qt.SortOrder.AscendingOrder)
    return [key(model.item(proxy.mapToSource(proxy.index(r, 0)).row()))
            for r in range(proxy.rowCount())]


def test_rows_stay_in_order_through_appends_and_replacements(qapp):
    model = WorklistModel()
    proxy = WorklistFilter()
    proxy.setSourceModel(model)
    data = items(300)
    model.append(data[:200])
    for column in ("severity", "due", "mrn", "category"):
        proxy.sort(COLUMNS.index(column), Qt.SortOrder.AscendingOrder)
        model.append([])  # no-op
        model.replace_patients({3, 50, 77}, data[200:260])
        keys = shown(proxy, column)
        assert keys == sorted(keys)
        proxy.sort(COLUMNS.index(column), Qt.SortOrder.DescendingOrder)
        model.replace_patients({120}, data[260:])
        keys = shown(proxy, column)
        assert keys == sorted(keys, reverse=True)
    assert not any(model.item(r).patient_id in {3, 50, 77}
                   and model.item(r) not in data[200:] for r in range(model.rowCount()))


def test_the_current_row_follows_its_item_when_sorted(qapp):
    from PySide6.QtWidgets import QTableView

    model = WorklistModel()
    proxy = WorklistFilter()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    model.append(items(50))
    view.selectionModel().setCurrentIndex(proxy.index(17, 0),
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect)
    before = model.item(proxy.mapToSource(view.currentIndex()).row())
    view.sortByColumn(COLUMNS.index("name"), Qt.SortOrder.DescendingOrder)
    after = model.item(proxy.mapToSource(view.currentIndex()).row())
    assert after is before
    names = [proxy.index(r, COLUMNS.index("name")).data().split(" · ")[-1]  # after the flag
             for r in range(proxy.rowCount())]
    assert names == sorted(names, key=str.casefold, reverse=True)


def test_rebound_flag_on_every_row_of_the_patient(qapp):
    model = WorklistModel()
    dose = WorklistItem(7, "R-7", "Lin", "dose_due", "warning", DAY, (), "Denosumab")
    other = WorklistItem(8, "R-8", "Wu", "dose_due", "warning", DAY, (), "Denosumab")
    model.append([dose, other])
    name = COLUMNS.index("name")

    def names() -> dict[str, str]:
        return {model.item(r).mrn: model.index(r, name).data() for r in range(model.rowCount())}

    assert "Rebound risk" not in names()["R-7"]
    rebound = WorklistItem(7, "R-7", "Lin", "rebound", "warning", None, ("DEN-STOP-WINDOW",),
                           "checks due")
    model.replace_patients({7}, [dose, rebound])
    assert names()["R-7"] == "⚠ Rebound risk · Lin" and "Rebound" not in names()["R-8"]
    model.replace_patients({7}, [dose])
    assert names()["R-7"] == "Lin"


def test_an_assessed_row_in_the_same_place_replaces_the_provisional_one_in_place(qapp):
    model = WorklistModel()
    proxy = WorklistFilter()
    proxy.setSourceModel(model)
    data = items(60)
    provisional = WorklistItem(99, "P-99", "Zhao", "dose_overdue", "warning", DAY, (),
                               "Denosumab dose overdue", provisional=True)
    model.append([*data, provisional])
    moves = []
    model.rowsRemoved.connect(lambda *a: moves.append("removed"))
    model.rowsInserted.connect(lambda *a: moves.append("inserted"))
    assessed = WorklistItem(99, "P-99", "Zhao", "dose_overdue", "warning", DAY, (),
                            "Denosumab: last dose 2026-09-01 + 28 days")
    model.replace_patients({99}, [assessed])
    assert moves == []
    rows = [r for r in range(model.rowCount()) if model.item(r).patient_id == 99]
    assert [model.item(r) for r in rows] == [assessed]
    detail = model.index(rows[0], COLUMNS.index("detail")).data()
    assert detail == assessed.detail  # no "not yet re-checked" any more
    keys = shown(proxy, "severity")
    assert keys == sorted(keys)
