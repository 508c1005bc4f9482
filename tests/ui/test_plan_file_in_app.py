"""The plan file in the app, as a coordinator meets it: a plan another program writes opened
read-only, File > Restore from Backup…, the file alone holding the plan after a quiet spell
and after quitting, and a bug said in a dialog and logged, with the plan as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from tourplanner import about
from tourplanner.planfile import PlanFile, maybe_backup
from tourplanner.services import people
from tourplanner.ui import crash
from tourplanner.ui.app import create_application
from tourplanner.ui.window import main_window
from tourplanner.ui.window.main_window import MainWindow
from tourplanner.ui.window.opening import open_or_ask


def _names(plan: PlanFile) -> set[str]:
    with plan.reading() as s:
        return {p.name_latin for p in people.list_people(s)}


def _press_later(text: str, seen: list[str]) -> None:
    """Answer the message box that is about to open by pressing its button named `text`."""

    def press() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.informativeText())
                for button in widget.findChildren(QPushButton):
                    if button.text() == text:
                        button.click()
                        return
        QTimer.singleShot(20, press)  # not open yet

    QTimer.singleShot(0, press)


def test_a_plan_another_program_writes_opens_read_only(qtbot, demo_path: Path, monkeypatch) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from tourplanner.db import PlanFile
                plan = PlanFile.open({str(demo_path)!r})
                print("open", flush=True)
                sys.stdin.read()
                plan.close()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        create_application()
        seen: list[str] = []
        _press_later("Open read-only", seen)
        plan = open_or_ask(None, demo_path)
        assert plan is not None and plan.read_only
        assert "is open for writing by" in seen[0] and f"pid {holder.pid}" in seen[0]
        window = MainWindow(plan)
        qtbot.addWidget(window)
        assert "(read-only)" in window.windowTitle()
        said: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text: said.append(text))
        item_id = next(iter(window.timeline.blocks))
        start = window.timeline.blocks[item_id].view.start_utc
        assert not window.edits.move_item_to(item_id, start + timedelta(minutes=5))
        assert said and "is open read-only; nothing was changed" in said[-1]
        assert window.undo_stack.count() == 0
        window.close()
        plan.close()
    finally:
        holder.communicate("", timeout=30)
    assert holder.returncode == 0


def test_restore_from_backup_puts_the_plan_back_as_it_was(window, qtbot) -> None:
    before = _names(window.plan)
    first = next(iter(before))
    # A change, then its backup (as on closing), then a deletion the coordinator regrets.
    with window.plan.transaction() as s:
        people.create_person(s, name_latin="Kept In The Backup")
    backup = maybe_backup(window.plan, closing=True)
    assert backup is not None
    with window.plan.transaction() as s:
        people.delete_person(s, people.find_person(s, first).id)
    assert first not in _names(window.plan)
    QTimer.singleShot(0, lambda: window.files.restore_dialog.accept())  # the newest: that one
    assert window.files.restore_from_backup()
    assert {first, "Kept In The Backup"} <= _names(window.plan)
    assert window.undo_stack.count() == 0  # the steps belonged to the file as it was
    window.show_page("person")
    assert first in {row[1][1] for row in window.people.model.rows}


def test_restore_dialog_cancelled_changes_nothing(window) -> None:
    before = _names(window.plan)
    QTimer.singleShot(0, lambda: window.files.restore_dialog.reject())
    assert not window.files.restore_from_backup()
    assert _names(window.plan) == before


def test_after_a_quiet_spell_the_file_alone_holds_the_plan(qtbot, demo_path, monkeypatch, tmp_path):
    monkeypatch.setattr(main_window, "QUIET_MS", 50)
    create_application()
    plan = PlanFile.open(demo_path)
    window = MainWindow(plan)
    qtbot.addWidget(window)
    window.show_page("person")
    window.people.select_ids([window.people.model.rows[0][1][0]])
    gone = window.people.model.rows[0][1][1]
    window.edits.delete_selected()
    wal = Path(f"{demo_path}-wal")
    qtbot.waitUntil(lambda: not wal.exists() or wal.stat().st_size == 0, timeout=5_000)
    copy = tmp_path / "copy" / "demo.tourplan"  # the file alone, as mailed while still open
    copy.parent.mkdir()
    shutil.copyfile(demo_path, copy)
    with PlanFile.open(copy, read_only=True) as copied:
        assert gone not in _names(copied)
    window.close()
    plan.close()


def test_a_bug_is_said_logged_and_leaves_the_plan_as_it_was(window, qtbot) -> None:
    from tourplanner import logs

    log = logs.setup()
    before = _names(window.plan)
    try:
        with window.plan.transaction() as s:
            people.create_person(s, name_latin="Half Done")
            raise RuntimeError("a bug in the middle of an operation")
    except RuntimeError:
        crash.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        logs.teardown()
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert boxes and boxes[0].text().startswith("Sorry")
    assert "the plan is as it was" in boxes[0].informativeText()
    assert str(about.log_file()) in boxes[0].informativeText()
    assert "RuntimeError: a bug in the middle" in boxes[0].detailedText()
    assert about.made_with() in boxes[0].detailedText()
    assert "RuntimeError: a bug in the middle" in log.read_text(encoding="utf-8")
    assert _names(window.plan) == before
    boxes[0].accept()
