"""The Transfers and Meals pages (#17): the demo's arrival groups and the banquet's counts as the
documents compute them; the filter narrows, a day without transfers says so; a meal's menu is
edited from its page in one undoable step."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tourplanner.ui.operations.logistics_dialog import LogisticsDialog


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def shown(page) -> list[dict[str, str]]:  # noqa: ANN001 - a RecordPage
    """The rows the table shows, by column title."""
    model, proxy = page.model, page.proxy
    titles = [model.headerData(c, _horizontal()) for c in range(model.columnCount())]
    return [
        {titles[c]: proxy.index(r, c).data() for c in range(model.columnCount())}
        for r in range(proxy.rowCount())
    ]


def _horizontal():  # noqa: ANN202
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_the_transfers_page_shows_ca_818_in_one_group_picked_up_after_landing(
    qtbot, window, tmp_path: Path
) -> None:
    on_ca818 = {
        name
        for (name,) in rows(
            window.plan.path,
            "SELECT p.name_latin FROM travellers t JOIN people p ON p.id = t.person_id "
            "JOIN travel_segments s ON s.id = t.segment_id WHERE s.number = 'CA 818'",
        )
    }
    assert on_ca818
    window.show_page("transfer")
    table = window.transfers.table_page
    groups = shown(table)
    assert {g["Transfer"].split()[0] for g in groups} == {"Arrival", "Departure"}
    (ca818,) = [g for g in groups if "CA 818" in g["Flights or trains"]]
    assert ca818["People"] == str(len(on_ca818))
    assert all(name in ca818["Passengers"] for name in on_ca818)
    landed = re.search(r"CA 818 (\d\d:\d\d)", ca818["Flights or trains"]).group(1)
    picked_up = re.search(r"(\d\d:\d\d) CST$", ca818["Pick-up (local)"]).group(1)
    assert picked_up > landed  # the same night, after immigration and baggage
    assert ca818["Vehicles"] and ca818["Sign"]

    window.transfers.direction.setCurrentIndex(2)  # departures only
    departures = shown(table)
    assert departures and all(g["Transfer"].startswith("Departure") for g in departures)
    assert len(departures) < len(groups)
    out = window.exports.export_transfers(
        tmp_path / "departures.xlsx", options=window.transfers.options()
    )
    assert out is not None and out.stat().st_size > 1000

    window.transfers.direction.setCurrentIndex(1)  # arrivals, on a day nobody arrives
    window.transfers.one_day.setChecked(True)
    window.transfers.day.setDate(window.transfers.day.date().addYears(-3))
    assert shown(table) == []
    assert not window.transfers.problem.isHidden()
    assert "no arrivals" in window.transfers.problem.text()
    window.transfers.one_day.setChecked(False)
    assert shown(table) and window.transfers.problem.isHidden()
    window.grab().save(str(tmp_path / "transfers-page.png"))


def test_the_meals_page_counts_the_banquet_and_edits_its_menu_in_one_step(
    qtbot, window, tmp_path: Path
) -> None:
    (banquet,) = rows(
        window.plan.path, "SELECT id FROM items WHERE title_en = 'Conference banquet'"
    )[0]
    window.show_page("meal")
    page = window.meals
    meals = {r["Meal"]: r for r in shown(page)}
    row = meals["Conference banquet"]
    tag_columns = [t for t in row if t not in ("When (local)", "Meal", "Menu", "Diners", "Venue")]
    assert "Vegetarian" in tag_columns and "Halal" in tag_columns
    # Everyone is counted once as "no restriction" or under their tags (a diner may have two).
    tagged = int(row["Diners"]) - int(row["No restriction"])
    assert 0 < tagged <= sum(int(row[t]) for t in tag_columns if t != "No restriction")
    assert row["Menu"].startswith("Cantonese banquet")
    assert "medical" not in " ".join(row.values()).lower()

    page.select_ids([banquet])
    window.edits.edit_selected()  # Enter or double-click on a meal: its menu
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LogisticsDialog))
    assert dialog.item_id == banquet
    dialog.menu.setPlainText("Seven courses; nut-free kitchen")
    dialog.save()
    assert not dialog.isVisible()
    assert rows(window.plan.path, f"SELECT menu_note FROM items WHERE id = {banquet}") == [
        ("Seven courses; nut-free kitchen",)
    ]
    assert {r["Meal"]: r for r in shown(page)}["Conference banquet"]["Menu"] == (
        "Seven courses; nut-free kitchen"
    )
    window.undo_stack.undo()
    assert rows(window.plan.path, f"SELECT menu_note FROM items WHERE id = {banquet}")[0][
        0
    ].startswith("Cantonese banquet")
    assert {r["Meal"]: r for r in shown(page)}["Conference banquet"]["Menu"].startswith(
        "Cantonese banquet"
    )
    window.grab().save(str(tmp_path / "meals-page.png"))
