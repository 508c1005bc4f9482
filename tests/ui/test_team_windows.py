"""Two app windows (offscreen) on one team plan in a real PostgreSQL server: each sees the
other's edits within a second, a stale edit is refused with who changed what, a dropped
connection turns the window read-only until it is back."""

from __future__ import annotations

import time
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tourplanner.db.teamplan import TeamPlan
from tourplanner.operations import items as item_ops
from tourplanner.operations import versions
from tourplanner.services import items
from tourplanner.ui.app import create_application
from tourplanner.ui.window.main_window import MainWindow

from ..conftest import new_team_database  # noqa: TID252 - the suite's one helper


@pytest.fixture
def team_url(team_server, team_demo_template) -> str:  # noqa: ANN001
    return new_team_database(team_server, team_demo_template)


@pytest.fixture
def two_windows(qtbot, team_url: str):  # noqa: ANN001
    create_application()
    made = []
    for author in ("Sarah Mitchell", "Li Na"):
        plan = TeamPlan.open(team_url)
        plan.author = author
        win = MainWindow(plan)
        qtbot.addWidget(win)
        made.append(win)
    yield made
    for win in made:
        win.close()
        win.plan.close()


def keynote(window: MainWindow) -> int:
    """The keynote's id, its day shown on the window's timeline."""
    with window.plan.reading() as s:
        item = next(i for i in items.list_items(s) if i.title_en.startswith("Keynote"))
        day = item.start_utc.astimezone(ZoneInfo(item.timezone)).date()
        found, programme_id = item.id, item.programme_id
    if window.timeline.shown_key() != (programme_id, day):
        window.timeline.select_day(programme_id, day)
    return found


def test_an_edit_in_one_window_is_shown_in_the_other_within_a_second(two_windows, qtbot) -> None:
    mine, theirs = two_windows
    item_id = keynote(mine)
    keynote(theirs)
    before = theirs.timeline.blocks[item_id]
    assert "09:15–10:15 CST" in before.label()
    start = before.view.start_utc
    began = time.monotonic()
    assert mine.run(item_ops.move_item(item_id, start + timedelta(minutes=45), "Keynote"))
    qtbot.waitUntil(
        lambda: "10:00–11:00 CST" in theirs.timeline.blocks[item_id].label(), timeout=1000
    )
    assert time.monotonic() - began < 1.0
    assert theirs.statusBar().currentMessage() == (
        "Sarah Mitchell made “Move 'Keynote'” on the team plan"
    )
    # And back the other way.
    assert theirs.run(item_ops.move_item(item_id, start, "Keynote"))
    qtbot.waitUntil(lambda: "09:15–10:15" in mine.timeline.blocks[item_id].label(), timeout=1000)


def test_a_stale_edit_is_refused_with_who_changed_what(two_windows, qtbot, monkeypatch) -> None:
    mine, theirs = two_windows
    item_id = keynote(mine)
    keynote(theirs)
    start = mine.timeline.blocks[item_id].view.start_utc
    with mine.plan.reading() as s:
        seen = versions.read(s, [("item", item_id)])  # what my editor read on opening
    assert theirs.run(item_ops.move_item(item_id, start + timedelta(minutes=30), "Keynote"))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    stale = item_ops.move_item(item_id, start + timedelta(hours=2), "Keynote")
    stale.seen = seen
    assert not mine.run(stale)
    assert "Li Na did “Move 'Keynote'” just now" in said[0]
    qtbot.waitUntil(lambda: "09:45" in mine.timeline.blocks[item_id].label(), timeout=1000)


def test_a_dropped_connection_is_said_read_only_and_reconnects(
    two_windows, qtbot, team_server
) -> None:  # noqa: ANN001
    mine, theirs = two_windows
    pid = mine.live.listener._conn.info.backend_pid  # noqa: SLF001 - the server's own id for it
    team_server.sql(f"SELECT pg_terminate_backend({pid})")
    qtbot.waitUntil(lambda: not mine.live.connected, timeout=3000)
    assert "connection to the team plan was lost" in mine.statusBar().currentMessage()
    assert mine.plan.read_only
    qtbot.waitUntil(lambda: mine.live.connected, timeout=5000)
    assert not mine.plan.read_only
    assert "Reconnected" in mine.statusBar().currentMessage()
    item_id = keynote(mine)
    start = mine.timeline.blocks[item_id].view.start_utc
    assert theirs.run(item_ops.move_item(item_id, start + timedelta(minutes=5), "Keynote"))
    qtbot.waitUntil(lambda: "09:20" in mine.timeline.blocks[item_id].label(), timeout=1000)
    QApplication.processEvents()


def test_open_team_plan_switches_the_window_to_it(window, qtbot, team_url, monkeypatch) -> None:  # noqa: ANN001
    from tourplanner.ui.team import open_dialog

    monkeypatch.setattr(open_dialog, "ask_team_plan", lambda _parent: (team_url, None))
    window.menus.acts["open-team"].trigger()
    assert getattr(window.plan, "is_team", False) and window.live is not None
    assert window.windowTitle().endswith(f"{window.plan.path.name} — TourPlanner")


def test_the_dialog_makes_a_url_without_the_password(qtbot) -> None:  # noqa: ANN001
    from tourplanner.ui.team.open_dialog import OpenTeamPlanDialog

    create_application()
    dialog = OpenTeamPlanDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("db.example.org")
    dialog.database.setText("shenzhen2015")
    dialog.user.setText("li.na")
    dialog.password.setText("secret")
    assert dialog.url() == "postgresql://li.na@db.example.org:5432/shenzhen2015"


def test_an_open_item_editor_refuses_a_stale_save_and_reloads(two_windows, qtbot) -> None:
    """A opens the keynote's editor; B moves the keynote meanwhile; A's save is refused with
    who changed what, nothing is changed, and Reload shows B's change, saved on from there."""
    mine, theirs = two_windows
    item_id = keynote(mine)
    keynote(theirs)
    editor = mine.edits.edit_item(item_id)
    qtbot.addWidget(editor)
    start = theirs.timeline.blocks[item_id].view.start_utc
    assert theirs.run(item_ops.move_item(item_id, start + timedelta(minutes=30), "Keynote"))
    with theirs.plan.reading() as s:
        stored = items.item_values(s, item_id)
    editor.title_en.setText("Keynote (stale)")
    editor.save()
    said = editor.form.general.text()
    assert said.startswith("'Keynote (stale)' was changed since: Li Na did “Move 'Keynote'”")
    assert said.endswith("nothing was changed here (reload to see it, then try again).")
    assert editor.isVisible() and not editor.form.general.isHidden()
    with mine.plan.reading() as s:
        assert items.item_values(s, item_id) == stored  # nothing changed
    assert not mine.operations.stack.canUndo()
    reload = editor.stale.button
    assert reload.isVisible()
    reload.click()
    assert not reload.isVisible()
    assert editor.values() == stored  # the form shows B's move now
    editor.title_en.setText("Keynote (after reload)")
    editor.save()
    assert not editor.isVisible()
    with theirs.plan.reading() as s:
        now = items.item_values(s, item_id)
    assert now.title_en == "Keynote (after reload)" and now.start == stored.start


def test_an_open_record_editor_refuses_a_stale_save_and_reloads(two_windows, qtbot) -> None:
    from tourplanner.operations import records as record_ops
    from tourplanner.services import records
    from tourplanner.ui.records.entities import ENTITIES

    mine, theirs = two_windows
    with mine.plan.reading() as s:
        venue_id = records.choices(s, "venue")[0][1]
    editor = mine.edits.edit_record(ENTITIES["venue"], venue_id)
    qtbot.addWidget(editor)
    with theirs.plan.reading() as s:
        values = records.record_values(s, "venue", venue_id)
    theirs_values = {**values, "notes": "Gate 3 from Monday"}
    edit = record_ops.edit_record(
        "venue", venue_id, theirs_values, name="Venue", text="Edit venue 'Venue'"
    )
    assert theirs.run(edit)
    editor.widgets["notes"].setPlainText("My note")
    editor.save()
    assert "was changed since: Li Na did “Edit venue 'Venue'”" in editor.form.general.text()
    with mine.plan.reading() as s:
        assert records.record_values(s, "venue", venue_id)["notes"] == "Gate 3 from Monday"
    editor.stale.button.click()
    assert editor.values()["notes"] == "Gate 3 from Monday"
    editor.widgets["notes"].setPlainText("Gate 3 from Monday; lift at the back")
    editor.save()
    with theirs.plan.reading() as s:
        assert records.record_values(s, "venue", venue_id)["notes"] == (
            "Gate 3 from Monday; lift at the back"
        )
