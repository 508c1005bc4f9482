"""The exports: itineraries (one, all on a thread, printed), booklets, tour sheets, calendars,
schedules and the people list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QMessageBox,
    QProgressDialog,
)

from tourplanner.errors import TourPlannerError
from tourplanner.services import (
    programmes,
)
from tourplanner.ui.batch_export import BatchExportWorker, start_worker
from tourplanner.ui.file_dialogs import save_path


class ExportActions:
    """The main window's export commands (interim: the window itself is its context)."""

    def __init__(self, window: Any) -> None:
        self.w = window
        self._batch: tuple[BatchExportWorker, Any, QProgressDialog] | None = None

    def shut_down(self) -> None:
        if self._batch is not None and self._batch[1].isRunning():
            self._batch[0].stop.set()
            self._batch[1].wait()

    # -- itineraries ---------------------------------------------------------------------------

    def _person_or_say(self, what: str) -> int | None:
        person_id = self.w.selected_person_id()
        if person_id is None:
            QMessageBox.information(self.w, what, "Select a person in People first.")
        return person_id

    def export_selected_itinerary(self, path: Path | None = None) -> Path | None:
        person_id = self._person_or_say("Export itinerary")
        if person_id is None:
            return None
        path = path or save_path(self.w, "Export itinerary", "itinerary.pdf", "PDF (*.pdf)")
        if path is None:
            return None

        def write(out: Path) -> None:
            from tourplanner.export.pdf import export_itinerary  # reportlab: loaded when needed

            export_itinerary(self.w.plan, person_id, out)

        return self._write("Export itinerary", path, write)

    def _write(self, what: str, path: Path, write: Callable[[Path], object]) -> Path | None:
        """Run one export; a problem is said in words and leaves no file behind."""
        try:
            write(path)
        except (TourPlannerError, OSError) as exc:
            QMessageBox.warning(self.w, what, f"Nothing was written.\n\n{exc}")
            return None
        self.w.statusBar().showMessage(f"Wrote {path}")
        return path

    def export_programme(
        self, kind: str, programme_id: int | None = None, path: Path | None = None
    ) -> Path | None:
        """A programme as a booklet, a tour sheet, a calendar or a pretalx/frab schedule."""
        what, suffixes = {
            "booklet": ("Programme booklet", "PDF (*.pdf)"),
            "tour": ("Tour sheet", "PDF (*.pdf)"),
            "ics": ("Programme calendar", "Calendar (*.ics)"),
            "schedule": ("Programme schedule", "Schedule (*.xml *.json)"),
        }[kind]
        if programme_id is None:
            with self.w.plan.reading() as session:
                options = [(p.title_en, p.id) for p in programmes.list_programmes(session)]
            picked = self.w.bookings._choose(what, "Which programme?", options)
            if picked is None:
                return None
            programme_id = picked[0]
        suffix = {"booklet": ".pdf", "tour": ".pdf", "ics": ".ics", "schedule": ".xml"}[kind]
        path = path or save_path(self.w, what, f"{kind}{suffix}", suffixes)
        if path is None:
            return None

        def write(out: Path) -> None:
            if kind in ("booklet", "tour"):
                from tourplanner.export import pdf

                make = pdf.export_programme_booklet if kind == "booklet" else pdf.export_tour
                make(self.w.plan, programme_id, out)
                return
            with self.w.plan.reading() as session:
                if kind == "ics":
                    from tourplanner.interchange.ics_export import export_ics

                    export_ics(session, out, programme_id=programme_id)
                else:
                    from tourplanner.interchange.schedule_export import export_schedule

                    export_schedule(session, out, programme_id=programme_id)

        return self._write(what, path, write)

    def export_person_calendar(self, path: Path | None = None) -> Path | None:
        person_id = self._person_or_say("Export calendar")
        if person_id is None:
            return None
        path = path or save_path(self.w, "Export calendar", "itinerary.ics", "Calendar (*.ics)")
        if path is None:
            return None

        def write(out: Path) -> None:
            from tourplanner.interchange.ics_export import export_ics

            with self.w.plan.reading() as session:
                export_ics(session, out, person_id=person_id)

        return self._write("Export calendar", path, write)

    def export_people_list(self, path: Path | None = None) -> Path | None:
        path = path or save_path(
            self.w, "Export people", "people.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if path is None:
            return None

        def write(out: Path) -> None:
            from tourplanner.interchange.people_export import export_people

            with self.w.plan.reading() as session:
                export_people(session, out)

        return self._write("Export people", path, write)

    def print_itinerary(self) -> bool:
        """Print the selected person's itinerary as it shows in the preview (a print dialog)."""
        person_id = self._person_or_say("Print itinerary")
        if person_id is None:
            return False
        self.w.person_view.set_person(person_id)
        return self.w.person_view.print_itinerary()

    def export_all_itineraries(
        self, out: Path | None = None, *, workers: int | None = None
    ) -> BatchExportWorker | None:
        out = out or save_path(self.w, "Export all itineraries", "itineraries.pdf", "PDF (*.pdf)")
        if out is None:
            return None
        dialog = QProgressDialog("Exporting itineraries…", "Cancel", 0, 100, self.w)
        dialog.setWindowTitle("Export all itineraries")
        dialog.setMinimumDuration(0)
        worker = BatchExportWorker(self.w.plan, out, workers=workers)
        worker.progressed.connect(
            lambda done, total: (dialog.setMaximum(max(total, 1)), dialog.setValue(done))
        )
        dialog.canceled.connect(worker.stop.set)
        worker.finished.connect(
            lambda paths: (dialog.reset(), self.w.statusBar().showMessage(f"Wrote {out}"))
        )
        worker.cancelled.connect(
            lambda: (dialog.reset(), self.w.statusBar().showMessage("Export cancelled"))
        )
        worker.failed.connect(
            lambda text: (dialog.reset(), QMessageBox.warning(self.w, "Export", text))
        )
        self._batch = (worker, start_worker(worker), dialog)
        return worker
