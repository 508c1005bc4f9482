"""'Export all itineraries' is a plain job: run here with a TaskState, without an event loop."""

from __future__ import annotations

from pathlib import Path

import pytest

from tourplanner.errors import Cancelled, TourPlannerError
from tourplanner.planfile import PlanFile
from tourplanner.ui.itinerary.batch_export import export_all_job
from tourplanner.ui.tasks import TaskState


class Recorded(TaskState):
    """A task state that keeps the progress it is told, and cancels once told `cancel_at`."""

    def __init__(self, cancel_at: int | None = None) -> None:
        super().__init__()
        self.cancel_at = cancel_at
        self.seen: list[tuple[int, int]] = []

    def progress(self, done: int, total: int) -> None:
        self.seen.append((done, total))
        if self.cancel_at is not None and done >= self.cancel_at:
            self.cancel()


@pytest.fixture
def plan(demo_path: Path):
    with PlanFile.open(demo_path) as opened:
        yield opened


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder to export into (the plan file lies beside it)."""
    path = tmp_path / "out"
    path.mkdir()
    return path


def test_a_cancelled_batch_export_stops_and_leaves_no_file(plan, folder: Path) -> None:
    out = folder / "all.pdf"
    state = Recorded(cancel_at=0)  # cancelled as soon as it has started
    with pytest.raises(Cancelled):
        export_all_job(plan, out, workers=1)(state)
    assert state.seen[0] == (0, 31)  # it had started: everyone was to be printed
    assert (31, 31) not in state.seen
    assert list(folder.iterdir()) == []  # neither the file nor a partial one


def test_a_batch_export_cancelled_before_it_starts_writes_nothing(plan, folder: Path) -> None:
    state = Recorded()
    state.cancel()
    with pytest.raises(Cancelled):
        export_all_job(plan, folder / "all.pdf", workers=1)(state)
    assert state.seen == [] and list(folder.iterdir()) == []


def test_a_batch_export_that_cannot_write_says_so_in_words(plan, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(TourPlannerError) as raised:
        export_all_job(plan, blocked / "all.pdf", workers=1)(Recorded())
    assert str(blocked / "all.pdf") in str(raised.value)
    assert "Traceback" not in str(raised.value)
    assert blocked.read_text() == "not a folder"
