"""The exports: itineraries (one, all on the task runner, printed), booklets, tour sheets,
calendars, schedules, the people list, and the operations documents (transfers, badges, name
cards)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from tourplanner.errors import TourPlannerError
from tourplanner.services import programmes, records
from tourplanner.services.itinerary_checks import itinerary_problems
from tourplanner.services.views import ProgrammeView
from tourplanner.ui.file_dialogs import save_path
from tourplanner.ui.itinerary.batch_export import export_all_job
from tourplanner.ui.itinerary.document import ItineraryDocument
from tourplanner.ui.itinerary.printing import print_document
from tourplanner.ui.itinerary.render import Itinerary, render_itinerary
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.operations.print_preview import PreviewChoice, PrintPreviewDialog, from_writer
from tourplanner.ui.operations.transfer_filter import TransferOptions
from tourplanner.ui.tasks import Task, TaskState
from tourplanner.ui.widgets.chooser import Chooser
from tourplanner.ui.window.context import WindowContext
from tourplanner.ui.window.operations_options import (
    BadgeOptions,
    BadgeOptionsDialog,
    TransferOptionsDialog,
)

PROGRAMME_EXPORTS = {  # kind: (what the user is told, file filter, suffix)
    "booklet": (
        QT_TRANSLATE_NOOP("export_actions", "Programme booklet"),
        QT_TRANSLATE_NOOP("export_actions", "PDF (*.pdf)"),
        ".pdf",
    ),
    "tour": (
        QT_TRANSLATE_NOOP("export_actions", "Tour sheet"),
        QT_TRANSLATE_NOOP("export_actions", "PDF (*.pdf)"),
        ".pdf",
    ),
    "ics": (
        QT_TRANSLATE_NOOP("export_actions", "Programme calendar"),
        QT_TRANSLATE_NOOP("export_actions", "Calendar (*.ics)"),
        ".ics",
    ),
    "schedule": (
        QT_TRANSLATE_NOOP("export_actions", "Programme schedule"),
        QT_TRANSLATE_NOOP("export_actions", "Schedule (*.xml *.json)"),
        ".xml",
    ),
}


@dataclass(eq=False)
class BatchExport:
    """One 'Export all itineraries' on the task runner, its progress dialog, and its outcome."""

    out: Path
    state: TaskState
    dialog: QProgressDialog
    task: Task | None = None
    written: list[Path] | None = None  # once done
    was_cancelled: bool = False
    problem: str | None = None  # once failed, in words

    def cancel(self) -> None:
        """What the dialog's Cancel button does: the job stops and removes its partial file."""
        self.state.cancel()

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.finished


class ExportActions:
    """The main window's export commands, given the window's context (plan, selection, say)."""

    def __init__(self, context: WindowContext) -> None:
        self.context = context
        self.batch: BatchExport | None = None  # the last 'Export all itineraries'

    # -- itineraries ---------------------------------------------------------------------------

    def _person_or_say(self, what: str) -> int | None:
        person_id = self.context.selected_person_id()
        if person_id is None:
            QMessageBox.information(
                self.context.widget,
                what,
                QCoreApplication.translate("ExportActions", "Select a person in People first."),
            )
        return person_id

    def export_selected_itinerary(self, path: Path | None = None) -> Path | None:
        """The selected person's itinerary as a PDF; asks where unless `path` is given."""
        person_id = self._person_or_say(
            QCoreApplication.translate("ExportActions", "Export itinerary")
        )
        if person_id is None or not self._despite_errors(
            QCoreApplication.translate("ExportActions", "Export itinerary"), person_id
        ):
            return None
        path = path or self._ask(
            QCoreApplication.translate("ExportActions", "Export itinerary"),
            QCoreApplication.translate("ExportActions", "itinerary.pdf"),
            QCoreApplication.translate("ExportActions", "PDF (*.pdf)"),
        )
        if path is None:
            return None
        plan = self.context.plan

        def write(out: Path) -> None:
            from tourplanner.export.pdf import export_itinerary  # reportlab: loaded when needed

            export_itinerary(plan, person_id, out)

        return self._write(
            QCoreApplication.translate("ExportActions", "Export itinerary"), path, write
        )

    def print_itinerary(self, printer: QPrinter | None = None) -> bool:
        """Print the selected person's itinerary as the preview shows it; asks which printer
        unless given one. Whether it was printed."""
        person_id = self._person_or_say(
            QCoreApplication.translate("ExportActions", "Print itinerary")
        )
        if person_id is None or not self._despite_errors(
            QCoreApplication.translate("ExportActions", "Print itinerary"), person_id
        ):
            return False
        try:
            itinerary = self._render(person_id)
            document = ItineraryDocument(itinerary)
        except TourPlannerError as exc:
            self.context.warn(
                QCoreApplication.translate("ExportActions", "Print itinerary"),
                QCoreApplication.translate("ExportActions", "Nothing was printed.\n\n{exc}").format(
                    exc=exc
                ),
            )
            return False
        try:
            printed = print_document(document, printer, self.context.widget)
        finally:
            document.close()
        if printed:
            self.context.say(
                QCoreApplication.translate("ExportActions", "Sent “{name}” to the printer").format(
                    name=itinerary.name
                )
            )
        return printed

    def _despite_errors(self, what: str, person_id: int) -> bool:
        """Whether to go on: names the errors the checks find in the itinerary, and asks."""
        try:
            with self.context.plan.reading() as session:
                problems = itinerary_problems(session, person_id)
        except TourPlannerError:
            return True  # the export or print itself says what is wrong
        if not problems:
            return True
        verb = what.split()[0]
        answer = QMessageBox.warning(
            self.context.widget,
            what,
            QCoreApplication.translate("ExportActions", "{problems}\n\n{verb} it anyway?").format(
                problems=problems, verb=verb
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _render(self, person_id: int) -> Itinerary:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return render_itinerary(self.context.plan, person_id)
        finally:
            QApplication.restoreOverrideCursor()

    def export_all_itineraries(
        self, out: Path | None = None, *, workers: int | None = None
    ) -> BatchExport | None:
        """Everyone's itineraries in one PDF, on the task runner, with progress and Cancel."""
        out = out or self._ask(
            QCoreApplication.translate("ExportActions", "Export all itineraries"),
            QCoreApplication.translate("ExportActions", "itineraries.pdf"),
            QCoreApplication.translate("ExportActions", "PDF (*.pdf)"),
        )
        if out is None:
            return None
        dialog = QProgressDialog(
            QCoreApplication.translate("ExportActions", "Exporting itineraries…"),
            QCoreApplication.translate("ExportActions", "Cancel"),
            0,
            100,
            self.context.widget,
        )
        dialog.setWindowTitle(QCoreApplication.translate("ExportActions", "Export all itineraries"))
        dialog.setMinimumDuration(0)
        batch = BatchExport(out, TaskState(), dialog)
        dialog.canceled.connect(batch.cancel)
        batch.task = self.context.tasks.run(
            export_all_job(self.context.plan, out, workers=workers),
            on_done=lambda written: self._batch_written(batch, written),
            on_cancelled=lambda: self._batch_cancelled(batch),
            on_error=lambda problem: self._batch_failed(batch, problem),
            on_progress=lambda done, total: show_progress(dialog, done, total),
            state=batch.state,
        )
        self.batch = batch
        return batch

    def _batch_written(self, batch: BatchExport, written: list[Path]) -> None:
        batch.written = written
        batch.dialog.reset()
        self.context.say(
            QCoreApplication.translate("ExportActions", "Wrote {out}").format(out=batch.out)
        )

    def _batch_cancelled(self, batch: BatchExport) -> None:
        batch.was_cancelled = True
        batch.dialog.reset()
        self.context.say(QCoreApplication.translate("ExportActions", "Export cancelled"))

    def _batch_failed(self, batch: BatchExport, problem: TourPlannerError) -> None:
        batch.problem = str(problem)
        batch.dialog.reset()
        self.context.warn(QCoreApplication.translate("ExportActions", "Export"), str(problem))

    # -- programmes, calendars, people ----------------------------------------------------------

    def export_programme(
        self, kind: str, programme_id: int | None = None, path: Path | None = None
    ) -> Path | None:
        """A programme as a booklet, a tour sheet, a calendar or a pretalx/frab schedule."""
        what, filters, suffix = PROGRAMME_EXPORTS[kind]
        what, filters = (
            QCoreApplication.translate("export_actions", what),
            QCoreApplication.translate("export_actions", filters),
        )
        if programme_id is None:
            programme_id = self._choose_programme(what)
            if programme_id is None:
                return None
        path = path or self._ask(
            what,
            QCoreApplication.translate("ExportActions", "{kind}{suffix}").format(
                kind=kind, suffix=suffix
            ),
            filters,
        )
        if path is None:
            return None
        plan, chosen = self.context.plan, programme_id

        def write(out: Path) -> None:
            if kind in ("booklet", "tour"):
                from tourplanner.export import pdf

                make = pdf.export_programme_booklet if kind == "booklet" else pdf.export_tour
                make(plan, chosen, out)
                return
            with plan.reading() as session:
                if kind == "ics":
                    from tourplanner.interchange.ics_export import export_ics

                    export_ics(session, out, programme_id=chosen)
                else:
                    from tourplanner.interchange.schedule_export import export_schedule

                    export_schedule(session, out, programme_id=chosen)

        return self._write(what, path, write)

    def _choose_programme(self, what: str) -> int | None:
        with self.context.plan.reading() as session:
            views = [ProgrammeView.of(p) for p in programmes.list_programmes(session)]
        chooser = Chooser(
            self.context.widget,
            what,
            QCoreApplication.translate("ExportActions", "Which programme?"),
            [(v.title_en, v.id) for v in views],
        )
        if not chooser.exec():
            return None
        return chooser.chosen()

    def export_person_calendar(self, path: Path | None = None) -> Path | None:
        """The selected person's items and travel as an .ics calendar."""
        person_id = self._person_or_say(
            QCoreApplication.translate("ExportActions", "Export calendar")
        )
        if person_id is None:
            return None
        path = path or self._ask(
            QCoreApplication.translate("ExportActions", "Export calendar"),
            QCoreApplication.translate("ExportActions", "itinerary.ics"),
            QCoreApplication.translate("ExportActions", "Calendar (*.ics)"),
        )
        if path is None:
            return None
        plan = self.context.plan

        def write(out: Path) -> None:
            from tourplanner.interchange.ics_export import export_ics

            with plan.reading() as session:
                export_ics(session, out, person_id=person_id)

        return self._write(
            QCoreApplication.translate("ExportActions", "Export calendar"), path, write
        )

    def export_people_list(self, path: Path | None = None) -> Path | None:
        """Everyone in the plan as a spreadsheet (.xlsx or .csv)."""
        path = path or self._ask(
            QCoreApplication.translate("ExportActions", "Export people"),
            QCoreApplication.translate("ExportActions", "people.xlsx"),
            QCoreApplication.translate("ExportActions", "Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path is None:
            return None
        plan = self.context.plan

        def write(out: Path) -> None:
            from tourplanner.interchange.people_export import export_people

            with plan.reading() as session:
                export_people(session, out)

        return self._write(
            QCoreApplication.translate("ExportActions", "Export people"), path, write
        )

    # -- operations: transfers, badges, name cards ---------------------------------------------

    def export_transfers(
        self, path: Path | None = None, options: TransferOptions | None = None
    ) -> Path | None:
        """Arrival and departure transfers from the flights and trains (.xlsx or .pdf)."""
        what = QCoreApplication.translate("ExportActions", "Export transfers")
        if options is None:
            dialog = TransferOptionsDialog(self.context.widget, self._first_day())
            if not dialog.exec():
                return None
            options = dialog.options()
        path = path or self._ask(what, "transfers.xlsx", "Excel (*.xlsx);;PDF (*.pdf)")
        if path is None:
            return None
        return self._write(what, path, self.transfers_writer(options))

    def transfers_writer(self, options: TransferOptions) -> Callable[[Path], None]:
        """What writes the transfers (.xlsx or .pdf by the name): the export and the preview."""
        plan, chosen = self.context.plan, options

        def write(out: Path) -> None:
            from tourplanner.export.operations.transfers import export_transfers

            with plan.reading() as session:
                sheet = chosen.sheet(session)
            export_transfers(sheet, out)

        return write

    def export_badges(
        self, path: Path | None = None, options: BadgeOptions | None = None
    ) -> Path | None:
        """Name badges on label sheets, for everyone or one group (.pdf)."""
        what = QCoreApplication.translate("ExportActions", "Export badges")
        if options is None:
            from tourplanner.services.organizations import list_groups

            with self.context.plan.reading() as session:
                groups = [g.name for g in list_groups(session)]
            dialog = BadgeOptionsDialog(self.context.widget, groups)
            if not dialog.exec():
                return None
            options = dialog.options()
        path = path or self._ask(what, "badges.pdf", "PDF (*.pdf)")
        if path is None:
            return None
        plan, chosen = self.context.plan, options

        def write(out: Path) -> None:
            from tourplanner.export.operations.badges import export_badges
            from tourplanner.services.badges import badge_views

            with plan.reading() as session:
                badges = badge_views(session, group=chosen.group)
            export_badges(badges, out, sheet=chosen.sheet)

        return self._write(what, path, write)

    def export_name_cards(
        self, item_id: int | None = None, path: Path | None = None
    ) -> Path | None:
        """Folded table tents for the people at the selected item (or one chosen) (.pdf)."""
        what = QCoreApplication.translate("ExportActions", "Export name cards")
        item_id = item_id or self.context.selected_item_id() or self._choose_item(what)
        if item_id is None:
            return None
        path = path or self._ask(what, "name-cards.pdf", "PDF (*.pdf)")
        if path is None:
            return None
        plan = self.context.plan

        def write(out: Path) -> None:
            from tourplanner.export.operations.name_cards import export_name_cards
            from tourplanner.services.badges import name_card_views

            with plan.reading() as session:
                cards = name_card_views(session, item=str(item_id))
            export_name_cards(cards, out)

        return self._write(what, path, write)

    def _choose_item(self, what: str) -> int | None:
        from tourplanner.services.items import list_items

        with self.context.plan.reading() as session:
            options = [
                (f"{i.title_en} ({i.start_utc:%Y-%m-%d})", i.id) for i in list_items(session)
            ]
        chooser = Chooser(
            self.context.widget,
            what,
            QCoreApplication.translate("ExportActions", "Name cards for which item?"),
            options,
        )
        if not chooser.exec():
            return None
        return chooser.chosen()

    def _first_day(self) -> date | None:
        """The day shown in the timeline, else the plan's first arrival or departure."""
        shown = self.context.shown_day()
        if shown is not None:
            return shown[1]
        from tourplanner.services.transfers import transfer_movements
        from tourplanner.timezones import to_local

        with self.context.plan.reading() as session:
            days = [to_local(m.at_utc, m.zone).date() for m in transfer_movements(session)]
        return min(days, default=None)

    # -- operations: rooming list, bus manifest, catering ---------------------------------------

    def export_operations(
        self, kind: str, path: Path | None = None, programme_id: int | None = None
    ) -> Path | None:
        """The rooming list, a programme's bus manifest or the catering sheet (.pdf or .xlsx)."""
        titles = {
            "rooming": QCoreApplication.translate("ExportActions", "Export rooming list"),
            "manifest": QCoreApplication.translate("ExportActions", "Export bus manifest"),
            "catering": QCoreApplication.translate("ExportActions", "Export catering sheet"),
        }
        what = titles[kind]
        if kind == "manifest" and programme_id is None:
            programme_id = self._choose_programme(what)
            if programme_id is None:
                return None
        filters = QCoreApplication.translate("ExportActions", "PDF (*.pdf);;Excel (*.xlsx)")
        path = path or self._ask(what, f"{kind}.pdf", filters)
        if path is None:
            return None
        return self._write(what, path, self.operations_writer(kind, programme_id))

    def operations_writer(
        self, kind: str, programme_id: int | None = None
    ) -> Callable[[Path], None]:
        """What writes the rooming list, a programme's bus manifest or the catering sheet (.pdf
        or .xlsx by the name): the export and the preview."""
        plan, chosen = self.context.plan, programme_id

        def write(out: Path) -> None:
            from tourplanner.export.operations import catering, manifest, rooming
            from tourplanner.services import plans

            with plan.reading() as session:
                title = plans.get_plan(session).title
                if kind == "rooming":
                    rooming.export_rooming_list(session, out, plan_title=title)
                elif kind == "manifest":
                    manifest.export_manifest(session, out, plan_title=title, programme=str(chosen))
                else:
                    catering.export_catering(session, out, plan_title=title)

        return write

    # -- print preview -------------------------------------------------------------------------

    def print_preview(
        self, page: str | None = None, transfers: TransferOptions | None = None
    ) -> PrintPreviewDialog:
        """File ▸ Print preview: the document of the page shown (the transfers as its filter
        asks, the catering sheet from Meals, the rooming list from Hotel rooms, a manifest from
        Vehicles or Seats), else the selected person's itinerary; the others a choice away."""
        plan = self.context.plan
        choices = []
        person_id = self.context.selected_person_id()
        with plan.reading() as session:
            person = records.record_name(session, "person", person_id) if person_id else None
            shown = [ProgrammeView.of(p) for p in programmes.list_programmes(session)]
        if person_id is not None:
            choices.append(
                PreviewChoice(
                    "itinerary",
                    QCoreApplication.translate("ExportActions", "Itinerary of {name}").format(
                        name=person
                    ),
                    lambda state: render_itinerary(plan, person_id, state).data,
                )
            )
        writers = [
            (
                "transfers",
                QCoreApplication.translate("ExportActions", "Transfers"),
                self.transfers_writer(transfers or TransferOptions()),
            ),
            (
                "rooming",
                QCoreApplication.translate("ExportActions", "Rooming list"),
                self.operations_writer("rooming"),
            ),
            (
                "catering",
                QCoreApplication.translate("ExportActions", "Catering sheet"),
                self.operations_writer("catering"),
            ),
        ]
        writers += [
            (
                f"manifest-{p.id}",
                QCoreApplication.translate("ExportActions", "Bus manifest: {title}").format(
                    title=p.title_en
                ),
                self.operations_writer("manifest", p.id),
            )
            for p in shown
        ]
        choices += [PreviewChoice(key, title, from_writer(write)) for key, title, write in writers]
        by_page = {"transfer": "transfers", "meal": "catering", "room_booking": "rooming"}
        chosen = by_page.get(page or "")
        if page in ("vehicle", "vehicle_seat", "assignment"):
            chosen = self._manifest_shown(shown)
        dialog = PrintPreviewDialog(self.context.tasks, choices, chosen, self.context.widget)
        dialog.open()
        return dialog

    def _manifest_shown(self, shown: list[ProgrammeView]) -> str | None:
        """The manifest of the first programme a vehicle serves (itself or one of its items)."""
        from tourplanner.services.manifest import programmes_with_vehicles

        with self.context.plan.reading() as session:
            served = programmes_with_vehicles(session, [p.id for p in shown])
        return next((f"manifest-{p.id}" for p in shown if p.id in served), None)

    # -- shared --------------------------------------------------------------------------------

    def _ask(self, title: str, suggested: str, filters: str) -> Path | None:
        return save_path(self.context.widget, title, suggested, filters)

    def _write(self, what: str, path: Path, write: Callable[[Path], object]) -> Path | None:
        """Run one export; a problem is said in words and leaves no file behind."""
        try:
            write(path)
        except (TourPlannerError, OSError) as exc:
            self.context.warn(
                what,
                QCoreApplication.translate("ExportActions", "Nothing was written.\n\n{exc}").format(
                    exc=exc
                ),
            )
            return None
        self.context.say(
            QCoreApplication.translate("ExportActions", "Wrote {path}").format(path=path)
        )
        return path


def show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(max(total, 1))
    dialog.setValue(done)
