"""New plan, Open, Open Recent, Save a Copy, and the import dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from tourplanner.db import PlanFile
from tourplanner.errors import TourPlannerError
from tourplanner.services import (
    plans,
)
from tourplanner.ui.file_dialogs import save_path
from tourplanner.ui.recent import recent_plans, remember
from tourplanner.ui.tasks import TaskRunner
from tourplanner.ui.undo import OperationRunner


class PlanFileActions:
    """The main window's file commands (a mixin: it switches the window's plan)."""

    # -- plans ---------------------------------------------------------------------------------

    def open_plan(self, path: Path) -> bool:
        """Switch to another plan file; on failure say why and keep the current one."""
        try:
            plan = PlanFile.open(path)
        except TourPlannerError as exc:
            QMessageBox.warning(self, "Open plan", f"The plan could not be opened.\n\n{exc}")
            return False
        self._switch_to(plan)
        if plan.backup_path is not None:
            self.statusBar().showMessage(
                f"Upgraded; the old version is kept in {plan.backup_path.name}"
            )
        return True

    def _switch_to(self, plan: PlanFile) -> None:
        old = self.plan
        self.plan = self.timeline.plan = self.agenda.plan = self.person_view.plan = plan
        self.person_view.set_person(None)
        self.person_view.invalidate()
        for page in self.records.values():
            page.model.plan = plan
        self.undo_stack.clear()  # the steps belong to the other file
        self.agenda.forget_open_programmes()
        remember(plan.path)
        self.timeline.shut_down()  # reads ahead of the old file end before it closes
        self.reload()  # and the new file's days are read ahead from here on
        if old is not plan:
            self.checker.wait()
            old.close()

    def new_plan(self, path: Path | None = None) -> bool:
        """Create an empty plan file (same home zone as the current plan) and open it."""
        path = path or save_path(self, "New plan", "plan.tourplan", "Plans (*.tourplan)")
        if path is None:
            return False
        with self.plan.reading() as session:
            zone = plans.get_plan(session).home_timezone
        try:
            plan = PlanFile.create(path)
            with plan.transaction() as session:
                plans.create_plan(session, title=path.stem, home_timezone=zone)
        except TourPlannerError as exc:
            QMessageBox.warning(self, "New plan", f"The plan was not created.\n\n{exc}")
            return False
        self._switch_to(plan)
        return True

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open plan", "", "Plans (*.tourplan);;All files (*)"
        )
        if name:
            self.open_plan(Path(name))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        present, gone = recent_plans()
        for path in present:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_plan(p))
        if not present:
            self.recent_menu.addAction("(none)").setEnabled(False)
        if gone:
            self.statusBar().showMessage(
                "No longer found, removed from the list: " + ", ".join(p.name for p in gone)
            )

    def save_copy(self, target: Path | None = None) -> Path | None:
        """Write a consistent copy of the plan to another file (the open plan stays open)."""
        target = target or save_path(self, "Save a copy", "copy.tourplan", "Plans (*.tourplan)")
        if target is None:
            return None
        try:
            self.plan.save_copy(target)
        except (TourPlannerError, OSError) as exc:
            QMessageBox.warning(self, "Save a copy", f"The copy was not written.\n\n{exc}")
            return None
        self.statusBar().showMessage(f"Saved a copy as {target}")
        return target

    def import_people(self) -> None:
        from tourplanner.ui.imports import ImportPeopleDialog

        dialog = ImportPeopleDialog(self.plan, *self._import_runners(), self)
        dialog.imported.connect(lambda *_: self.reload())
        dialog.exec()

    def import_events(self) -> None:
        from tourplanner.ui.imports import ImportEventsDialog

        dialog = ImportEventsDialog(self.plan, *self._import_runners(), self)
        dialog.imported.connect(lambda *_: self.reload())
        dialog.exec()

    def _import_runners(self) -> tuple[TaskRunner, OperationRunner]:
        """The window's task and operation runners; made here until the window has its own."""
        if getattr(self, "tasks", None) is None:
            self.tasks = TaskRunner(self)
        if getattr(self, "operations", None) is None:
            self.operations = OperationRunner(lambda: self.plan, self)
        return self.tasks, self.operations
