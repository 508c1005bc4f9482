"""Exporting or printing one person's itinerary names its errors first, and asks."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from tourplanner.services import items, participations, people


def _book_bob_in_shanghai(window) -> None:
    # Bob O'Neill flies home from Shenzhen on 24 April; the exhibition centre visit is in Shanghai on the 27th.
    with window.plan.transaction() as s:
        bob = people.find_person(s, "Bob O'Neill").id
        visit = next(
            i
            for i in items.list_items(s)
            if i.title_en == "Shanghai Urban Planning Exhibition Center"
        )
        participations.add_participation(s, bob, item_id=visit.id)


def _select_bob(window) -> None:
    window.show_page("person")
    window.people.search.setText("O'Neill")
    window.people.table.setCurrentIndex(window.people.proxy.index(0, 0))


def test_export_and_print_name_the_errors_and_can_be_called_off(
    window, tmp_path: Path, monkeypatch
) -> None:
    _book_bob_in_shanghai(window)
    _select_bob(window)
    asked: list[tuple[str, str]] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def warning(_parent, title, text, *_buttons):
        asked.append((title, text))
        return answer[0]

    monkeypatch.setattr(QMessageBox, "warning", warning)
    out = tmp_path / "bob.pdf"
    assert window.exports.export_selected_itinerary(out) is None and not out.exists()
    [(title, text)] = asked
    assert title == "Export itinerary"
    assert text.startswith("The itinerary of Mr. Bob O'Neill (鲍勃·奥尼尔) has 1 error: ")
    assert "'Shanghai Urban Planning Exhibition Center' (Mon 27 Apr" in text and text.endswith(
        "Export it anyway?"
    )
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert window.exports.print_itinerary(printer) is False and not printed.exists()
    assert asked[-1][0] == "Print itinerary" and asked[-1][1].endswith("Print it anyway?")
    answer[0] = QMessageBox.StandardButton.Yes
    assert window.exports.export_selected_itinerary(out) == out
    assert "Bob O'Neill" in PdfReader(out).pages[0].extract_text()


def test_a_clean_itinerary_is_exported_without_asking(window, tmp_path: Path, monkeypatch) -> None:
    _select_bob(window)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: asked.append(a[2]))
    assert window.exports.export_selected_itinerary(tmp_path / "bob.pdf") is not None
    assert asked == []
