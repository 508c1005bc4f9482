"""File menu: new plan, open (and refusing a bad file), recent plans, save a copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tourplanner.db import PlanFile
from tourplanner.services import plans
from tourplanner.ui.recent import recent_plans, remember


def test_new_plan_then_reopen_the_demo(qtbot, window, tmp_path: Path) -> None:
    demo = window.plan.path
    assert window.files.new_plan(tmp_path / "visit.tourplan")
    assert window.windowTitle().startswith("visit — visit.tourplan")
    window.show_page("agenda")
    assert window.agenda.model().rowCount() == 0
    window.show_page("person")
    assert window.people.model.rowCount() == 0
    with window.plan.reading() as s:
        assert plans.get_plan(s).home_timezone == "Asia/Shanghai"
    assert window.files.open_plan(demo)
    assert window.people.model.rowCount() == 31
    # The timeline reads the days after the one shown ahead, in the file just opened.
    timeline = window.timeline
    following = timeline.key_at(timeline.day.currentIndex() + 1)
    qtbot.waitUntil(lambda: timeline.days.has(following), timeout=10_000)
    present, _ = recent_plans()
    assert present[:2] == [demo.resolve(), (tmp_path / "visit.tourplan").resolve()]


def test_a_bad_file_is_refused_and_the_plan_stays(window, tmp_path: Path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    bad = tmp_path / "bad.tourplan"
    bad.write_bytes(b"not a plan")
    before = window.plan.path
    assert not window.files.open_plan(bad)
    assert window.plan.path == before and "not a TourPlanner plan" in shown[0]
    assert bad.read_bytes() == b"not a plan"


def test_missing_recent_plans_are_dropped(window, tmp_path: Path) -> None:
    gone = tmp_path / "gone.tourplan"
    remember(window.plan.path)
    gone.write_bytes(b"")
    remember(gone)
    gone.unlink()
    window.files.fill_recent(window.menus.recent_menu)
    assert [a.text() for a in window.menus.recent_menu.actions()] == ["demo.tourplan"]
    assert "gone.tourplan" in window.statusBar().currentMessage()
    assert recent_plans()[1] == []


def test_save_a_copy(window, tmp_path: Path) -> None:
    copy = window.files.save_copy(tmp_path / "copy.tourplan")
    with PlanFile.open(copy) as again, again.reading() as s:
        assert plans.get_plan(s).organization == "ICMA"


def test_empty_tables_say_why_and_what_to_do(window, tmp_path: Path) -> None:
    assert window.files.new_plan(tmp_path / "empty.tourplan")
    window.show_page("venue")
    page = window.records["venue"]
    assert page.table.empty_text() == "No venues yet. New venue… adds one."
    page.table.viewport().grab()  # paints the hint without errors
    editor = window.edits.new_item()
    assert "Plan > New programme" in editor.programme.placeholderText()
    editor.title_en.setText("Welcome dinner")
    editor.save()
    assert editor.isVisible() and editor.form.visible_errors() == {"programme_id": "Is required."}
    editor.reject()
    assert window.files.open_plan(tmp_path.parent / tmp_path.name / "demo.tourplan")
    window.show_page("venue")
    page.search.setText("zzz")
    assert page.table.empty_text() == "No venues contain “zzz”."
