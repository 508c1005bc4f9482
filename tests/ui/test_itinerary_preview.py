"""The itinerary preview shows a person's itinerary exactly as its PDF, and exports and prints it."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from tourplanner.db import PlanFile
from tourplanner.export.pdf import export_itinerary
from tourplanner.services import people
from tourplanner.ui.app import create_application
from tourplanner.ui.itinerary import EMPTY_TEXT, ItineraryPreview, safe_file_stem
from tourplanner.ui.tasks import TaskRunner, TaskState

NAME = "Bob O'Neill"


@pytest.fixture
def plan(demo_path: Path):
    plan = PlanFile.open(demo_path)
    yield plan
    plan.close()


@pytest.fixture
def tasks():
    runner = TaskRunner()
    yield runner
    runner.shut_down()


@pytest.fixture
def view(qtbot, plan: PlanFile, tasks: TaskRunner):
    create_application()
    widget = ItineraryPreview(plan, tasks)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.set_person(None)  # closes the pdfium document


def person_id(plan: PlanFile, name: str = NAME) -> int:
    with plan.reading() as session:
        return next(p.id for p in people.list_people(session) if p.name_latin == name)


def pdf_pages(plan: PlanFile, pid: int) -> int:
    buffer = io.BytesIO()
    export_itinerary(plan, pid, buffer)
    return len(PdfReader(io.BytesIO(buffer.getvalue())).pages)


def test_shows_every_page_of_the_itinerary_with_the_name(qtbot, view, plan) -> None:
    pid = person_id(plan)
    view.set_person(pid)
    expected = pdf_pages(plan, pid)
    assert expected > 1
    assert view.page_count() == expected == view.itinerary.page_count
    assert len(PdfReader(io.BytesIO(view.itinerary.data)).pages) == expected
    assert NAME in view.heading.text()
    assert view.stack.currentWidget() is view.scroll_area
    assert view.export_button.isEnabled() and view.print_button.isEnabled()
    qtbot.wait(10)
    # Fitted to the width, centred, and as tall as an A4 page is for its width.
    first = view.pages[0]
    margin_left = first.x()
    margin_right = view.pages_widget.width() - first.x() - first.width()
    assert abs(margin_left - margin_right) <= 2
    assert first.paper.height() / first.paper.width() == pytest.approx(297 / 210, rel=0.01)
    # The page is rendered at the screen's pixel ratio, and has ink on it.
    pixmap = first.ensure_pixmap()
    assert pixmap is not None
    assert pixmap.devicePixelRatio() == first.devicePixelRatioF()
    image = pixmap.toImage()
    assert image.width() == round(first.paper.width() * first.devicePixelRatioF())
    ink = sum(
        1
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
        if QColor(image.pixel(x, y)).lightness() < 200
    )
    assert ink > 50
    # What is on screen is the page itself: the widget shows the rendered pixels.
    grabbed = first.grab().toImage()
    assert any(
        QColor(grabbed.pixel(x, y)).lightness() < 200
        for x in range(0, grabbed.width(), 5)
        for y in range(0, grabbed.height() // 3, 5)
    )


def test_the_same_person_again_comes_from_the_cache_until_invalidated(qtbot, view, plan) -> None:
    pid = person_id(plan)
    view.set_person(pid)
    shown = view.itinerary
    view.set_person(person_id(plan, "Chen Gang"))
    view.set_person(pid)
    assert view.itinerary is shown
    view.invalidate()  # made again on a thread, the view says so meanwhile
    qtbot.waitUntil(lambda: view.itinerary is not None, timeout=20_000)
    assert view.itinerary is not shown
    assert view.itinerary.data[:5] == b"%PDF-"
    assert view.page_count() == shown.page_count


def test_zoom_in_out_and_fit_width(view, plan) -> None:
    view.set_person(person_id(plan))
    fitted = view.pages[0].width()
    view.zoom_in()
    assert view.zoom is not None and view.pages[0].width() > fitted
    view.zoom_out()
    view.zoom_out()
    assert view.pages[0].width() < fitted
    assert view.zoom_label.text().endswith("%")
    view.fit_width()
    assert view.zoom is None and view.pages[0].width() == fitted
    assert view.fit_button.isChecked()


def test_export_pdf_writes_the_persons_itinerary(view, plan, tmp_path: Path) -> None:
    view.set_person(person_id(plan))
    messages: list[str] = []
    view.status_message.connect(messages.append)
    out = tmp_path / "x.pdf"
    assert view.export_pdf(out) == out
    reader = PdfReader(out)
    assert len(reader.pages) == view.page_count()
    assert NAME in "".join(page.extract_text() for page in reader.pages)
    assert messages == [f"Wrote {out}"]


def test_print_to_a_pdf_printer_prints_every_page(view, plan, tmp_path: Path) -> None:
    view.set_person(person_id(plan))
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert view.print_itinerary(printer) is True
    assert out.exists()
    reader = PdfReader(out)
    assert len(reader.pages) == view.page_count()
    box = reader.pages[0].mediabox  # A4 portrait, in points
    assert float(box.width) == pytest.approx(595.3, abs=1.5)
    assert float(box.height) == pytest.approx(841.9, abs=1.5)
    assert NAME in printer.docName()


def test_empty_state_and_a_missing_person_say_so_in_plain_words(view, plan) -> None:
    view.set_person(None)
    assert view.stack.currentWidget() is view.message
    assert view.message.text() == EMPTY_TEXT
    assert view.page_count() == 0
    assert not view.export_button.isEnabled() and not view.print_button.isEnabled()
    assert view.export_pdf(Path("/nonexistent/never.pdf")) is None
    view.set_person(person_id(plan))
    view.set_person(999999)
    assert view.stack.currentWidget() is view.message
    text = view.message.text()
    assert "999999" in text and "does not exist" in text
    assert "Traceback" not in text and "Error" not in text
    assert view.page_count() == 0 and view.heading.text() == ""
    assert view.print_itinerary(QPrinter()) is False


def test_default_export_file_names_are_safe() -> None:
    assert safe_file_stem("Bob O'Neill itinerary") == "Bob O'Neill itinerary"
    assert safe_file_stem('a/b\\c:d*e?"f<g>h|') == "a b c d e f g h"
    assert safe_file_stem(" ... ") == "itinerary"


def test_asking_without_blocking_shows_only_the_last_person_asked_for(qtbot, view, plan) -> None:
    bob, chen = person_id(plan), person_id(plan, "Chen Gang")
    view.request_person(bob)
    assert view.message.text() == "Preparing the itinerary…"  # the window is not blocked
    view.request_person(chen)  # chosen before Bob's was ready
    qtbot.waitUntil(lambda: view.itinerary is not None, timeout=20_000)
    view.wait()
    QApplication.processEvents()
    assert view.itinerary.person_id == chen and view.page_count() == pdf_pages(plan, chen)
    assert view.heading.text().startswith("Itinerary — Chen Gang")
    view.request_person(chen)  # cached now: shown at once
    assert view.itinerary.person_id == chen and view.stack.currentWidget() is view.scroll_area
    view.request_person(999_999)
    qtbot.waitUntil(lambda: view.itinerary is None and "cannot be shown" in view.message.text())


def test_a_newer_person_supersedes_the_itinerary_being_made(qtbot, view, plan, monkeypatch) -> None:
    from tourplanner.ui.itinerary import preview, render

    bob, chen = person_id(plan), person_id(plan, "Chen Gang")
    chen_shown = threading.Event()
    states: dict[int, TaskState] = {}

    def bob_last(plan_: PlanFile, pid: int, state: TaskState | None = None):
        states[pid] = state
        if pid == bob:  # Bob's is finished only once Chen's is on screen: it arrives last
            chen_shown.wait(30)
        return render.render_itinerary(plan_, pid, state)

    monkeypatch.setattr(preview, "render_itinerary", bob_last)
    view.request_person(bob)
    view.request_person(chen)  # chosen while Bob's is being made
    qtbot.waitUntil(lambda: view.itinerary is not None, timeout=20_000)
    assert view.itinerary.person_id == chen
    chen_shown.set()
    view.wait()  # Bob's job ends, and its answer is delivered (or dropped)
    QApplication.processEvents()
    assert states[bob].cancelled  # the older job was told to stop
    assert view.itinerary.person_id == chen and view.page_count() == pdf_pages(plan, chen)
    assert view.heading.text().startswith("Itinerary — Chen Gang")
    view.request_person(bob)  # Bob's was dropped, not kept: it is made again
    assert view.message.text() == "Preparing the itinerary…"
    view.wait()
    assert view.itinerary.person_id == bob and NAME in view.heading.text()


def test_showing_a_person_at_once_drops_the_one_being_made(qtbot, view, plan) -> None:
    bob, chen = person_id(plan), person_id(plan, "Chen Gang")
    view.request_person(bob)
    view.set_person(chen)  # e.g. another plan was opened, or a print asked for Chen
    view.wait()
    QApplication.processEvents()
    assert view.itinerary.person_id == chen and not view.rendering()
