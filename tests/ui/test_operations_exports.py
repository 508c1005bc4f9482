"""File > Export other > Transfers, Badges, Name cards, driven through their option dialogs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from tourplanner.ui.window.operations_options import BadgeOptionsDialog, TransferOptionsDialog


def _menu_texts(window) -> list[str]:  # noqa: ANN001
    texts = []
    for action in window.menuBar().actions():
        menu = action.menu()
        for sub in menu.actions() if menu else []:
            inner = sub.menu()
            texts += [a.text() for a in (inner.actions() if inner else [sub])]
    return texts


def test_the_three_are_in_the_export_menu(window) -> None:
    texts = _menu_texts(window)
    for wanted in ("Trans&fers (Excel or PDF)…", "Ba&dges (PDF)…"):
        assert wanted in texts
    assert any(t.startswith("&Name cards") for t in texts)


def test_transfers_of_one_day_from_the_dialog(qtbot, window, tmp_path: Path) -> None:
    dialog = TransferOptionsDialog(window)
    qtbot.addWidget(dialog)
    dialog.direction.setCurrentIndex(1)  # arrivals only
    dialog.one_day.setChecked(True)
    dialog.day.setDate(QDate(2015, 4, 15))
    dialog.minutes.setValue(45)
    options = dialog.options()
    assert options.on == date(2015, 4, 15) and options.window_minutes == 45
    out = window.exports.export_transfers(tmp_path / "t.xlsx", options)
    assert out is not None
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 16  # CA 818's one and UA 897's fifteen
    assert window.statusBar().currentMessage() == f"Wrote {out}"


def test_a_day_without_flights_is_said_and_writes_nothing(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    dialog = TransferOptionsDialog(window)
    qtbot.addWidget(dialog)
    dialog.one_day.setChecked(True)
    dialog.day.setDate(QDate(2015, 5, 1))
    out = tmp_path / "t.pdf"
    assert window.exports.export_transfers(out, dialog.options()) is None
    assert not out.exists()
    assert said and "no arrivals or departures by air or rail on 2015-05-01" in said[0]


def test_badges_of_one_group_on_letter_sheets(qtbot, window, tmp_path: Path) -> None:
    dialog = BadgeOptionsDialog(window, ["SAFEA hosts", "US delegation"])
    qtbot.addWidget(dialog)
    dialog.group.setCurrentIndex(1)
    dialog.sheet.setCurrentIndex(1)
    out = window.exports.export_badges(tmp_path / "b.pdf", dialog.options())
    assert out is not None
    reader = PdfReader(out)
    assert len(reader.pages) == 1 and round(float(reader.pages[0].mediabox.width)) == 612
    assert "Nie Biao" in reader.pages[0].extract_text()


def test_name_cards_of_an_item(window, tmp_path: Path) -> None:
    from tourplanner.services.protocol import find_item

    with window.plan.reading() as session:
        item_id = find_item(session, "Conference banquet").id
    out = window.exports.export_name_cards(item_id, tmp_path / "cards.pdf")
    assert out is not None and len(PdfReader(out).pages) > 1
