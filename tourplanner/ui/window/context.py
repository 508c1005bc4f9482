"""What the window's collaborators may use of it: the open plan, the selection, the runners,
and one way each to say something and to announce a change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tourplanner.errors import TourPlannerError
from tourplanner.operations import Changes, Operation
from tourplanner.planfile import PlanFile
from tourplanner.ui.tasks import TaskRunner
from tourplanner.ui.undo import OperationRunner


class WindowContext(Protocol):
    @property
    def plan(self) -> PlanFile:
        """The open plan (it changes when another file is opened)."""
        ...

    @property
    def widget(self) -> QWidget:
        """The parent for dialogs."""
        ...

    tasks: TaskRunner
    operations: OperationRunner

    def say(self, message: str) -> None:
        """A passing message in the status bar."""
        ...

    def warn(self, title: str, message: str) -> None:
        """A message the user must read (a box)."""
        ...

    def run(self, operation: Operation) -> bool:
        """Run an operation; a refusal is said in a box. Whether it was done."""
        ...

    def apply(self, changes: Changes) -> None:
        """Refresh every view from what changed (also after work done outside operations)."""
        ...

    def reload(self) -> None:
        """Read every view again (after an import made outside an operation)."""
        ...

    def switch_plan(self, plan: PlanFile) -> None:
        """Show another plan file (the old one is closed)."""
        ...

    def replace_file(self, action: Callable[[], object]) -> TourPlannerError | None:
        """Close the plan's file, run `action` on it (a restore), show the file again."""
        ...

    def show_page(self, key: str) -> None: ...

    def shown_day(self) -> tuple[int, date] | None:
        """The programme and day the timeline shows (where new items and records open)."""
        ...

    def show_records(self, kind: str, ids: list[int]) -> None:
        """Show a kind of record's page with these records selected."""
        ...

    def current_page(self) -> str: ...

    def current_record_id(self, page: str) -> int | None: ...

    def selected_record_ids(self, page: str) -> list[int]: ...

    def selected_item_ids(self) -> list[int]: ...

    def selected_item_id(self) -> int | None: ...

    def selected_person_ids(self) -> list[int]: ...

    def selected_person_id(self) -> int | None: ...


def refusal(problem: TourPlannerError) -> str:
    """A refusal as the window says it."""
    return QCoreApplication.translate("context", "Nothing was changed.\n\n{problem}").format(
        problem=problem
    )
