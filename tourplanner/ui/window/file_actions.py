"""New plan, Open, Open Recent, Save a Copy, and the import dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from tourplanner.errors import TourPlannerError
from tourplanner.planfile import PlanFile, TeamPlan, backup_list, restore
from tourplanner.services import plans, records
from tourplanner.ui.file_dialogs import PLANS, open_path, save_path
from tourplanner.ui.recent import recent_plans
from tourplanner.ui.records.editor import RecordEditor
from tourplanner.ui.records.entities import PLAN
from tourplanner.ui.window.context import WindowContext
from tourplanner.ui.window.opening import open_or_ask
from tourplanner.ui.window.restore_dialog import RestoreDialog


class FileActions:
    """The File menu's commands on plan files; the window switches to the plan they open."""

    def __init__(self, context: WindowContext) -> None:
        self.context = context

    def quit(self) -> None:
        """File > Quit: the window closes first (its plan is checkpointed and closed, so the
        file alone is the plan), then the app ends; QApplication.quit alone skips the close."""
        if self.context.widget.close():
            QApplication.quit()

    def open_plan(self, path: Path) -> bool:
        """Switch to another plan file; on failure say why and keep the current one. A plan
        another program writes can be opened read-only (or, its lock from another computer
        broken, for writing)."""
        plan = open_or_ask(self.context.widget, path)
        if plan is None:
            return False
        self.context.switch_plan(plan)
        if plan.backup_path is not None:
            self.context.say(
                QCoreApplication.translate(
                    "FileActions", "Upgraded; the old version is kept in {name}"
                ).format(name=plan.backup_path.name)
            )
        return True

    def new_plan(self, path: Path | None = None) -> bool:
        """Create an empty plan file (same home zone as the current plan) and open it."""
        path = path or save_path(
            self.context.widget,
            QCoreApplication.translate("FileActions", "New plan"),
            QCoreApplication.translate("FileActions", "plan.tourplan"),
            QCoreApplication.translate("FileActions", "Plans (*.tourplan)"),
            kind=PLANS,
        )
        if path is None:
            return False
        with self.context.plan.reading() as session:
            zone = plans.home_timezone(session)
        try:
            plan = PlanFile.create(path)
            with plan.transaction() as session:
                plans.create_plan(session, title=path.stem, home_timezone=zone)
        except TourPlannerError as exc:
            self.context.warn(
                QCoreApplication.translate("FileActions", "New plan"),
                QCoreApplication.translate(
                    "FileActions", "The plan was not created.\n\n{exc}"
                ).format(exc=exc),
            )
            return False
        self.context.switch_plan(plan)
        self.first_run_details()
        return True

    def first_run_details(self) -> RecordEditor:
        """A new plan's first step: the details its documents print (title, home zone,
        organisation, coordinators and emergency numbers); File > Plan details… later."""
        with self.context.plan.reading() as session:
            plan_id = records.plan_id(session)
        editor = RecordEditor(
            self.context.plan,
            PLAN,
            self.context.operations.run,
            self.context.widget,
            record_id=plan_id,
        )
        editor.setWindowTitle(QCoreApplication.translate("FileActions", "New plan: its details"))
        title = editor.widgets["title"]
        if isinstance(title, QLineEdit):
            title.selectAll()  # the file's name until typed over: the PDFs print the title
        self.details_editor = editor  # tests fill it in
        editor.open()
        return editor

    def open_dialog(self) -> None:
        chosen = open_path(
            self.context.widget,
            QCoreApplication.translate("FileActions", "Open plan"),
            QCoreApplication.translate("FileActions", "Plans (*.tourplan);;All files (*)"),
            kind=PLANS,
        )
        if chosen is not None:
            self.open_plan(chosen)

    def open_team_dialog(self) -> None:
        """File > Open Team Plan…: a plan on a PostgreSQL server (docs/team.md)."""
        from tourplanner.ui.team.open_dialog import ask_team_plan

        asked = ask_team_plan(self.context.widget)
        if asked is None:
            return
        url, password = asked
        try:
            plan = TeamPlan.open(url, password=password)
        except TourPlannerError as exc:
            self.context.warn(
                QCoreApplication.translate("FileActions", "Open Team Plan"),
                QCoreApplication.translate(
                    "FileActions", "The team plan could not be opened.\n\n{exc}"
                ).format(exc=exc),
            )
            return
        self.context.switch_plan(plan)  # type: ignore[arg-type]

    def fill_recent(self, menu: QMenu) -> None:
        """Open Recent: the plans still there; those gone are dropped from the list, and said."""
        menu.clear()
        present, gone = recent_plans()
        for path in present:
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_plan(p))
        if not present:
            menu.addAction(QCoreApplication.translate("FileActions", "(none)")).setEnabled(False)
        if gone:
            self.context.say(
                QCoreApplication.translate(
                    "FileActions", "No longer found, removed from the list: {names}"
                ).format(names=", ".join(p.name for p in gone))
            )

    def save_copy(self, target: Path | None = None) -> Path | None:
        """Write a consistent copy of the plan to another file (the open plan stays open)."""
        target = target or save_path(
            self.context.widget,
            QCoreApplication.translate("FileActions", "Save a copy"),
            QCoreApplication.translate("FileActions", "copy.tourplan"),
            QCoreApplication.translate("FileActions", "Plans (*.tourplan)"),
            kind=PLANS,
        )
        if target is None:
            return None
        try:
            self.context.plan.save_copy(target)
        except (TourPlannerError, OSError) as exc:
            self.context.warn(
                QCoreApplication.translate("FileActions", "Save a copy"),
                QCoreApplication.translate(
                    "FileActions", "The copy was not written.\n\n{exc}"
                ).format(exc=exc),
            )
            return None
        self.context.say(
            QCoreApplication.translate("FileActions", "Saved a copy as {target}").format(
                target=target
            )
        )
        return target

    def restore_from_backup(self) -> bool:
        """File > Restore from Backup…: put a backup in the open plan's place (the plan as it
        is now is backed up first) and show it."""
        path = self.context.plan.path
        dialog = RestoreDialog(path, backup_list(path), self.context.widget)
        self.restore_dialog = dialog  # tests answer it
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is None:
            return False
        problem = self.context.replace_file(lambda: restore(path, chosen))
        if problem is not None:
            self.context.warn(
                QCoreApplication.translate("FileActions", "Restore from backup"),
                QCoreApplication.translate(
                    "FileActions", "Nothing was restored.\n\n{problem}"
                ).format(problem=problem),
            )
            return False
        self.context.say(
            QCoreApplication.translate(
                "FileActions", "Restored {name} from the backup of {name2}"
            ).format(name=path.name, name2=chosen.name)
        )
        return True

    def import_people(self) -> None:
        """File > Import people: a preview, then the import as one undo step."""
        from tourplanner.ui.imports import ImportPeopleDialog

        ImportPeopleDialog.from_context(self.context).exec()

    def import_events(self) -> None:
        """File > Import calendar or schedule: a preview, then the import as one undo step."""
        from tourplanner.ui.imports import ImportEventsDialog

        ImportEventsDialog.from_context(self.context).exec()
