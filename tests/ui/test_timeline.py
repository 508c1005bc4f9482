"""The timeline: columns per room, blocks at local times, drag to move (snapped, undoable)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tourplanner.db import PlanFile
from tourplanner.demo import write_demo_plan
from tourplanner.services import items
from tourplanner.ui.app import create_application
from tourplanner.ui.main_window import MainWindow
from tourplanner.ui.timeline import PX_PER_MIN


@pytest.fixture
def window(qtbot, tmp_path: Path):
    path = tmp_path / "demo.tourplan"
    write_demo_plan(path)
    create_application()
    plan = PlanFile.open(path)
    win = MainWindow(plan)
    qtbot.addWidget(win)
    win.tabs.setCurrentWidget(win.timeline)
    win.timeline.select_day(1, date(2015, 4, 21))
    yield win
    plan.close()


def keynote(window) -> int:
    with window.plan.reading() as s:
        return next(i.id for i in items.list_items(s) if i.title_en.startswith("Keynote"))


def test_day_shows_a_block_per_item_in_room_columns(window) -> None:
    blocks = window.timeline.blocks
    assert len(blocks) == 13  # the 21 April items of the conference
    block = blocks[keynote(window)]
    assert "09:15–10:15 CST" in block.label() and "主旨演讲" in block.label()
    opening = next(b for b in blocks.values() if b.view.title_en == "Opening ceremony")
    # Same room, so same column; the keynote starts 45 minutes after the opening ceremony.
    assert opening.rect().x() == block.rect().x()
    assert block.rect().y() - opening.rect().y() == pytest.approx(45 * PX_PER_MIN)


def test_drag_moves_snapped_to_five_minutes_and_undo(window) -> None:
    item_id = keynote(window)
    window.timeline.blocks[item_id].finish_drag(32 * PX_PER_MIN)  # 32 minutes -> 30
    with window.plan.reading() as s:
        assert items.get_item(s, item_id).start_utc == datetime(2015, 4, 21, 1, 45, tzinfo=UTC)
    assert any(f.severity == "error" and item_id in f.item_ids for f in window.conflicts.findings)
    assert "09:45–10:45 CST" in window.timeline.blocks[item_id].label()
    window.undo_stack.undo()
    with window.plan.reading() as s:
        assert items.get_item(s, item_id).start_utc == datetime(2015, 4, 21, 1, 15, tzinfo=UTC)
    assert not any(f.severity == "error" for f in window.conflicts.findings)


def test_small_drags_change_nothing(window) -> None:
    item_id = keynote(window)
    window.timeline.blocks[item_id].finish_drag(2 * PX_PER_MIN)
    assert window.undo_stack.count() == 0
