"""Issue 13: after File > Quit (or closing the window, or switching plans) the `.tourplan` alone
is the whole plan: a copy of just that file, mailed or put on a stick, opens with the edit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tourplanner.planfile import PlanFile
from tourplanner.services import people
from tourplanner.ui.app import create_application
from tourplanner.ui.window.main_window import MainWindow


def _copy_alone(path: Path, folder: Path) -> Path:
    """The plan file without anything beside it (no -wal, no -shm), as a user copies it."""
    folder.mkdir()
    copy = folder / path.name
    shutil.copyfile(path, copy)
    return copy


def _names(path: Path) -> set[str]:
    with PlanFile.open(path, read_only=True) as plan, plan.reading() as s:
        return {p.name_latin for p in people.list_people(s)}


def _rename_first_person(qtbot, window: MainWindow, name: str) -> None:
    """An edit made as a user makes it: the person's editor, typed into, saved."""
    window.show_page("person")
    first = window.people.model.rows[0][1][0]
    window.people.select_ids([first])
    editor = window.edits.edit_selected()
    qtbot.addWidget(editor)
    line = editor.widgets["name_latin"]
    line.selectAll()
    qtbot.keyClicks(line, name)
    editor.save()
    assert not editor.isVisible()


def test_quit_from_the_menu_leaves_the_whole_plan_in_the_file(qtbot, demo_path, tmp_path) -> None:
    create_application()
    window = MainWindow(PlanFile.open(demo_path))
    qtbot.addWidget(window)
    window.show()
    _rename_first_person(qtbot, window, "Quitter Person")
    assert Path(f"{demo_path}-wal").stat().st_size > 0  # the edit is in the -wal so far
    window.acts["quit"].trigger()
    assert not window.isVisible()
    wal = Path(f"{demo_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    copy = _copy_alone(demo_path, tmp_path / "stick")
    assert "Quitter Person" in _names(copy)


def test_closing_the_window_and_switching_plans_leave_whole_files(
    qtbot, demo_path, tmp_path
) -> None:
    create_application()
    window = MainWindow(PlanFile.open(demo_path))
    qtbot.addWidget(window)
    _rename_first_person(qtbot, window, "Switched Away")
    other = tmp_path / "other.tourplan"
    assert window.files.new_plan(other)
    assert "Switched Away" in _names(_copy_alone(demo_path, tmp_path / "first"))
    with window.plan.transaction() as s:
        people.create_person(s, name_latin="Closed Window")
    window.close()
    assert "Closed Window" in _names(_copy_alone(other, tmp_path / "second"))


def test_a_cli_import_leaves_the_whole_plan_in_the_file(demo_path, tmp_path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("Name,Email\nCli Comer,cli@example.org\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tourplanner", "import", "people", str(demo_path), str(csv)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Cli Comer" in _names(_copy_alone(demo_path, tmp_path / "copy"))
