"""The import dialogs, driven through their real widgets with pytest-qt; their dry runs and
imports run on a real task runner, their imports are steps of a real operation runner."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from tourplanner.db import PlanFile
from tourplanner.services import organizations, people
from tourplanner.ui.imports import ImportEventsDialog, ImportPeopleDialog
from tourplanner.ui.imports.common import ImportDialog
from tourplanner.ui.imports.events import EVENT_COLUMNS, NEW_PROGRAMME
from tourplanner.ui.imports.people import PREVIEW_COLUMNS
from tourplanner.ui.tasks import TaskRunner
from tourplanner.ui.undo import OperationRunner

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"


@pytest.fixture
def runners(plan_file: PlanFile):
    """A task runner and an operation runner (with its undo stack) on the test's plan."""
    tasks = TaskRunner()
    operations = OperationRunner(lambda: plan_file)
    yield tasks, operations
    tasks.shut_down()


def opened(qtbot, runners, kind: type[ImportDialog], plan: PlanFile, path: Path | None):  # noqa: ANN001, ANN201
    """The dialog on a file, once its dry run is done."""
    tasks, operations = runners
    dialog = kind(plan, tasks, operations, path=path)
    qtbot.addWidget(dialog)
    tasks.wait()
    return dialog


def preview_column(dialog: ImportPeopleDialog, header: str) -> list[str]:
    c = [name for name, _ in PREVIEW_COLUMNS].index(header)
    return [dialog.preview.item(r, c).text() for r in range(dialog.preview.rowCount())]


def test_mapping_preview_and_import(qtbot, plan_file: PlanFile, runners, tmp_path: Path) -> None:
    dialog = opened(
        qtbot, runners, ImportPeopleDialog, plan_file, FIXTURES / "delegates_merged.xlsx"
    )
    dialog.show()
    assert "Excel workbook" in dialog.file_info.text()
    assert dialog.mapping() == {
        0: "family_name",
        1: "given_name",
        2: "organization",
        3: "email",
        4: "phone",
        5: "dietary_needs",
        6: "arrival",
    }
    # 19/04/2015 is unambiguous, but 'ask' mode still accepts it: every row is new.
    assert preview_column(dialog, "Name") == [
        "Sarah Mitchell",
        "Daniel Kim",
        "Ahmed Hassan",
        "Patricia O'Neill",
    ]
    assert preview_column(dialog, "Will be") == ["New"] * 4
    assert dialog.import_button.isEnabled()

    # Ignore the email column: the preview follows, and still four new people.
    combo = dialog.mapping_combo(3)
    combo.setCurrentIndex(combo.findData(""))
    qtbot.waitUntil(lambda: preview_column(dialog, "Email") == [""] * 4, timeout=2000)
    combo.setCurrentIndex(combo.findData("email"))
    qtbot.waitUntil(
        lambda: preview_column(dialog, "Email")[0] == "smitchell@icma.org", timeout=2000
    )

    dialog.group_combo.setEditText("ICMA delegation")
    qtbot.waitUntil(lambda: preview_column(dialog, "Groups")[0] == "ICMA delegation", timeout=2000)
    assert plan_file_people(plan_file) == []  # the preview wrote nothing

    dialog.grab().save(str(tmp_path / "import_dialog.png"))  # looked at while writing the dialog
    with qtbot.waitSignal(dialog.imported, timeout=3000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert signal.args == [4, 0, 0]
    assert "Imported: 4 added" in dialog.status_label.text()
    assert not dialog.import_button.isEnabled()
    assert plan_file_people(plan_file) == [
        "Ahmed Hassan",
        "Daniel Kim",
        "Patricia O'Neill",
        "Sarah Mitchell",
    ]
    with plan_file.reading() as s:
        group = organizations.find_group(s, "ICMA delegation")
        assert len(group.members) == 4
        assert people.find_person(s, "Sarah Mitchell").notes == "Arrival: 2015-04-19 14:30"

    again = opened(
        qtbot, runners, ImportPeopleDialog, plan_file, FIXTURES / "delegates_merged.xlsx"
    )
    assert preview_column(again, "Will be") == ["No change"] * 4
    assert not again.import_button.isEnabled()
    assert "Nothing to import" in again.status_label.text()


def plan_file_people(plan: PlanFile) -> list[str]:
    with plan.reading() as s:
        return [p.name_latin for p in people.list_people(s)]


def test_problems_block_import_until_skipped(
    qtbot, plan_file: PlanFile, runners, tmp_path: Path
) -> None:
    sheet = tmp_path / "list.csv"
    sheet.write_text(
        "Name,E-mail,Arrival\nAnn Lee,ann@example.org,2015-04-19 10:00\n,nobody@example.org,\n"
        "Bob Stone,bob(at)example.org,\nCy Young,cy@example.org,02/03/2015\n",
        encoding="utf-8",
    )
    dialog = opened(qtbot, runners, ImportPeopleDialog, plan_file, sheet)
    assert preview_column(dialog, "Will be") == ["New", "Problem", "Problem", "Problem"]
    report = dialog.report_view.toPlainText()
    assert "row 3: no name" in report and "row 4: 'bob(at)example.org'" in report
    assert "row 5: arrival: '02/03/2015' could be" in report
    assert not dialog.import_button.isEnabled()
    dialog.grab().save(str(tmp_path / "import_dialog_problems.png"))

    dialog.date_combo.setCurrentIndex(1)  # day first
    qtbot.waitUntil(lambda: preview_column(dialog, "Will be")[3] == "New", timeout=2000)
    dialog.skip_check.setChecked(True)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=2000)
    with qtbot.waitSignal(dialog.imported, timeout=3000) as signal:
        dialog.import_button.click()
    assert signal.args == [2, 0, 2]
    assert plan_file_people(plan_file) == ["Ann Lee", "Cy Young"]


def test_unreadable_file_is_reported(qtbot, plan_file: PlanFile, runners, tmp_path: Path) -> None:
    bad = tmp_path / "old.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    dialog = opened(qtbot, runners, ImportPeopleDialog, plan_file, bad)
    assert "Excel 97-2003" in dialog.status_label.text()
    assert not dialog.import_button.isEnabled()


@pytest.mark.parametrize(
    "widget",
    [
        "path_edit",
        "choose_button",
        "mapping_table",
        "preview",
        "report_view",
        "group_combo",
        "date_combo",
        "skip_check",
        "import_button",
        "progress_bar",
    ],
)
def test_widgets_have_accessible_names(qtbot, plan_file: PlanFile, runners, widget: str) -> None:
    dialog = opened(
        qtbot, runners, ImportPeopleDialog, plan_file, FIXTURES / "delegates_gb18030.csv"
    )
    w = getattr(dialog, widget)
    assert w.accessibleName()
    assert w.toolTip()
    assert all(
        c.accessibleName() and c.toolTip() for c in (dialog.mapping_combo(i) for i in range(8))
    )


def _programme(plan: PlanFile) -> int:
    from datetime import date

    from tourplanner.services import programmes

    with plan.transaction() as s:
        return programmes.create_programme(
            s,
            title_en="Delegation travel",
            kind="visit",
            start_date=date(2015, 4, 16),
            end_date=date(2015, 4, 26),
            timezone="Asia/Shanghai",
        )


def event_column(dialog: ImportEventsDialog, header: str) -> list[str]:
    c = EVENT_COLUMNS.index(header)
    return [dialog.preview.item(r, c).text() for r in range(dialog.preview.rowCount())]


def item_titles(plan: PlanFile) -> list[str]:
    from tourplanner.services import items

    with plan.reading() as s:
        return [i.title_en for i in items.list_items(s)]


def test_events_dialog_imports_an_airline_invitation(
    qtbot, plan_file: PlanFile, runners, tmp_path: Path
) -> None:
    pid = _programme(plan_file)
    dialog = opened(qtbot, runners, ImportEventsDialog, plan_file, FIXTURES / "united_iad_pek.ics")
    dialog.show()
    assert dialog.programme_combo.currentData() == pid
    assert event_column(dialog, "Will be") == ["New"] * 3
    assert (
        event_column(dialog, "When (local time)")[0]
        == "Thu 16 Apr 2015 12:25 EDT – Fri 17 Apr 2015 02:15 EDT"
    )
    assert item_titles(plan_file) == []
    dialog.grab().save(str(tmp_path / "events_dialog.png"))
    with qtbot.waitSignal(dialog.imported, timeout=3000) as signal:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert signal.args == [3, 0, 0]
    assert len(item_titles(plan_file)) == 3


def test_events_dialog_schedule_creates_its_programme(qtbot, plan_file: PlanFile, runners) -> None:
    _programme(plan_file)
    dialog = opened(
        qtbot, runners, ImportEventsDialog, plan_file, FIXTURES / "smart_cities_schedule.json"
    )
    assert dialog.programme_combo.currentText() == NEW_PROGRAMME
    assert event_column(dialog, "Will be") == ["New"] * 8
    assert event_column(dialog, "Place")[:2] == ["Hall A", "Hall A"]
    with qtbot.waitSignal(dialog.imported, timeout=3000):
        dialog.import_button.click()
    from tourplanner.services import programmes

    with plan_file.reading() as s:
        assert programmes.find_programme(s, "Smart Cities Forum Shenzhen 2015").kind == "conference"


def test_events_dialog_shows_problems_and_refuses(
    qtbot, plan_file: PlanFile, runners, tmp_path: Path
) -> None:
    _programme(plan_file)
    bad = tmp_path / "bad.ics"
    bad.write_bytes(
        (FIXTURES / "united_iad_pek.ics")
        .read_bytes()
        .replace(b"TZID=Asia/Shanghai:2015", b"TZID=Mars/Base:2015")
    )
    dialog = opened(qtbot, runners, ImportEventsDialog, plan_file, bad)
    assert "Problem" in event_column(dialog, "Will be")
    assert "Mars/Base" in dialog.report_view.toPlainText()
    assert not dialog.import_button.isEnabled()
    dialog.grab().save(str(tmp_path / "events_dialog_problem.png"))
    broken = tmp_path / "broken.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n")
    dialog.set_path(broken)
    runners[0].wait()
    assert "line 2: BEGIN:VEVENT is never closed" in dialog.status_label.text()
    assert item_titles(plan_file) == []


def test_big_lists_preview_the_first_rows_and_import_checks_all(
    qtbot, plan_file: PlanFile, runners, tmp_path: Path
) -> None:
    lines = ["Name,Email"] + [f"Person {i},p{i}@example.org" for i in range(1200)]
    lines[1150] = "Person 1149,not-an-email"  # line 1151 of the file, past the live check
    sheet = tmp_path / "big.csv"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = opened(qtbot, runners, ImportPeopleDialog, plan_file, sheet)
    assert "Checked the first 1000 of 1200 rows" in dialog.status_label.text()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    runners[0].wait()
    assert "row 1151: 'not-an-email' is not a valid email address" in (
        dialog.report_view.toPlainText()
    )
    assert plan_file_people(plan_file) == []
    assert not dialog.import_button.isEnabled()
    # Refused, it is said so, and it is no step on the undo list.
    assert "nothing is imported while a row has a problem" in dialog.status_label.text()
    assert runners[1].stack.count() == 0


def big_calendar(path: Path, events: int) -> Path:
    """An .ics of `events` events, one a minute from 16 April 2015 08:00 in Shanghai."""
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//TourPlanner tests//EN\r\n"
    first = datetime(2015, 4, 16, 8, 0)
    parts = [head]
    for n in range(events):
        start, end = first + timedelta(minutes=n), first + timedelta(minutes=n + 25)
        parts.append(
            f"BEGIN:VEVENT\r\nUID:session-{n}@example.org\r\nSUMMARY:Session {n}\r\n"
            f"DTSTART;TZID=Asia/Shanghai:{start:%Y%m%dT%H%M%S}\r\n"
            f"DTEND;TZID=Asia/Shanghai:{end:%Y%m%dT%H%M%S}\r\nLOCATION:Room {n % 7}\r\n"
            "END:VEVENT\r\n"
        )
    parts.append("END:VCALENDAR\r\n")
    path.write_text("".join(parts), encoding="utf-8")
    return path


class Paints(QObject):
    """Counts the paint events a widget gets while a condition holds."""

    def __init__(self, widget: QWidget, while_: Callable[[], bool]) -> None:
        super().__init__(widget)
        self.count = 0
        self._while = while_
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._while():
            self.count += 1
        return False


def test_a_10000_event_import_leaves_the_dialog_painting_and_is_one_undo_step(
    qtbot, plan_file: PlanFile, runners, tmp_path: Path
) -> None:
    tasks, operations = runners
    _programme(plan_file)
    dialog = opened(
        qtbot, runners, ImportEventsDialog, plan_file, big_calendar(tmp_path / "big.ics", 10_000)
    )
    assert dialog.status_label.text().startswith("10000 new, 0 to update")
    assert item_titles(plan_file) == []  # the dry run wrote nothing
    dialog.show()
    qtbot.waitExposed(dialog)

    # While the import runs, the GUI thread keeps handling events: a timer fires, the progress
    # bar repaints as the count goes up.
    ticks: list[float] = []
    timer = QTimer(dialog, interval=50)
    timer.timeout.connect(lambda: tasks.busy and ticks.append(time.perf_counter()))
    paints = Paints(dialog.progress_bar, lambda: tasks.busy)
    shown: list[int] = []
    dialog.progress_bar.valueChanged.connect(shown.append)
    applied = []
    operations.applied.connect(applied.append)
    timer.start()
    with qtbot.waitSignal(dialog.imported, timeout=180_000) as signal:
        dialog.import_button.click()
        assert dialog.importing and tasks.busy  # the click returned; the import runs on
        assert not dialog.choose_button.isEnabled() and dialog.close_button.text() == "Stop"
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    print(
        f"\n{len(ticks)} ticks while importing, longest gap {max(gaps):.3f} s, {paints.count} paints"
    )
    assert len(ticks) >= 10
    assert paints.count >= 5
    assert len(set(shown)) >= 5 and max(shown) <= 10_000  # progress was shown as it went
    assert signal.args == [10_000, 0, 0]
    assert dialog.status_label.text().startswith("Imported: 10000 added")
    assert len(item_titles(plan_file)) == 10_000
    assert len(applied) == 1 and applied[0].everything  # the views learn of it once

    # One step on the undo stack: undone at once, and done again.
    assert operations.stack.count() == 1
    assert operations.stack.undoText() == "Import the calendar big.ics"
    operations.stack.undo()
    assert item_titles(plan_file) == []
    operations.stack.redo()
    assert len(item_titles(plan_file)) == 10_000


def test_an_import_refused_after_its_preview_changes_nothing_and_says_so(
    qtbot, plan_file: PlanFile, runners
) -> None:
    tasks, operations = runners
    _programme(plan_file)
    dialog = opened(qtbot, runners, ImportEventsDialog, plan_file, FIXTURES / "united_iad_pek.ics")
    assert event_column(dialog, "Will be") == ["New"] * 3 and dialog.import_button.isEnabled()
    # Meanwhile the same invitation goes into another programme (another window, the CLI).
    from datetime import date

    from tourplanner.interchange.ics_import import import_ics
    from tourplanner.services import programmes

    with plan_file.transaction() as s:
        other = programmes.create_programme(
            s,
            title_en="Advance team",
            kind="visit",
            start_date=date(2015, 4, 16),
            end_date=date(2015, 4, 26),
            timezone="Asia/Shanghai",
        )
        import_ics(s, (FIXTURES / "united_iad_pek.ics").read_bytes(), programme_id=other)
    before = item_titles(plan_file)
    imported, applied = [], []
    dialog.imported.connect(lambda *args: imported.append(args))
    operations.applied.connect(applied.append)
    dialog.import_button.click()
    tasks.wait()
    status = dialog.status_label.text()
    assert status.startswith("Nothing was imported: calendar events refused, nothing imported:")
    assert "is already item #1 of programme 'Advance team'" in status
    assert event_column(dialog, "Will be") == ["Problem"] * 3
    assert item_titles(plan_file) == before  # the other programme's three, no more
    assert imported == [] and applied == [] and operations.stack.count() == 0
    assert not dialog.import_button.isEnabled() and dialog.choose_button.isEnabled()


def test_stopping_an_events_import_writes_nothing(
    qtbot, plan_file: PlanFile, runners, tmp_path: Path
) -> None:
    tasks, operations = runners
    _programme(plan_file)
    dialog = opened(
        qtbot, runners, ImportEventsDialog, plan_file, big_calendar(tmp_path / "some.ics", 6000)
    )
    dialog.show()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=60_000)
    dialog.reject()  # Esc while importing: asks the import to stop, the dialog stays
    assert dialog.isVisible() and dialog.status_label.text() == "Stopping…"
    tasks.wait()
    assert dialog.status_label.text() == "Stopped: nothing was imported."
    assert item_titles(plan_file) == [] and operations.stack.count() == 0
    assert dialog.import_button.isEnabled() and not dialog.importing


def test_a_newer_preview_supersedes_a_running_one(qtbot, plan_file: PlanFile, runners) -> None:
    tasks, operations = runners
    _programme(plan_file)
    dialog = ImportEventsDialog(plan_file, tasks, operations, path=FIXTURES / "united_iad_pek.ics")
    qtbot.addWidget(dialog)
    assert dialog.checking and not dialog.import_button.isEnabled()
    dialog.set_path(FIXTURES / "smart_cities_schedule.json")  # before the first is answered
    tasks.wait()
    assert event_column(dialog, "Will be") == ["New"] * 8  # the schedule's, not the calendar's
    # Where in the file, in words rather than as a JSON path.
    assert event_column(dialog, "Where in the file")[0] == "day 1, room 'Hall A', event 1"


def test_a_dialog_from_the_window_context_uses_its_plan_and_runners(
    qtbot, plan_file: PlanFile, runners
) -> None:
    from types import SimpleNamespace

    tasks, operations = runners
    parent = QWidget()
    qtbot.addWidget(parent)
    context = SimpleNamespace(plan=plan_file, tasks=tasks, operations=operations, widget=parent)
    dialog = ImportPeopleDialog.from_context(context, path=FIXTURES / "delegates_merged.xlsx")
    assert dialog.parent() is parent and dialog.tasks is tasks and dialog.operations is operations
    tasks.wait()
    assert preview_column(dialog, "Will be") == ["New"] * 4
    dialog.import_button.click()
    tasks.wait()
    assert operations.stack.undoText() == "Import people from delegates_merged.xlsx"


def test_events_dialog_skips_broken_events_when_ticked(
    qtbot, plan_file: PlanFile, runners, tmp_path: Path
) -> None:
    _programme(plan_file)
    source = (FIXTURES / "united_iad_pek.ics").read_bytes()
    bad = tmp_path / "one_bad.ics"
    # The first flight's start becomes a date the library cannot decode; the other two are fine.
    bad.write_bytes(
        source.replace(b"DTSTART;TZID=America/New_York:20150416T122500", b"DTSTART:2015-04-16", 1)
    )
    dialog = opened(qtbot, runners, ImportEventsDialog, plan_file, bad)
    assert event_column(dialog, "Will be").count("New") == 2
    assert not dialog.import_button.isEnabled()
    assert dialog.skip_check.accessibleName() and dialog.skip_check.toolTip()
    dialog.skip_check.setChecked(True)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=3000)
    assert "1 skipped" in dialog.status_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=3000) as signal:
        dialog.import_button.click()
    assert signal.args[:2] == [2, 0]
    assert len(item_titles(plan_file)) == 2


def test_the_schedule_preview_headers_are_never_clipped(
    qtbot, plan_file: PlanFile, runners
) -> None:
    tasks, operations = runners
    _programme(plan_file)
    dialog = ImportEventsDialog(
        plan_file, tasks, operations, path=FIXTURES / "smart_cities_schedule.json"
    )
    qtbot.addWidget(dialog)
    tasks.wait()
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 8)
    header = dialog.preview.horizontalHeader()
    for c in range(dialog.preview.columnCount() - 1):  # the last one stretches
        assert dialog.preview.columnWidth(c) >= header.sectionSizeHint(c), c
    assert "days[" not in dialog.report_view.toPlainText()
    where = event_column(dialog, "Where in the file")
    assert all(w.startswith("day ") and "[" not in w for w in where)
