"""File > Import calendar or schedule: an .ics calendar or a conference schedule
(schedule.xml/.json) into a programme, previewed by a dry run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QVBoxLayout,
    QWidget,
)

from tourplanner.errors import TourPlannerError
from tourplanner.interchange.ics_import import import_ics
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.interchange.schedule_import import import_schedule
from tourplanner.operations import imports
from tourplanner.services import records
from tourplanner.ui.imports.common import (
    GREEN,
    GREY,
    RED,
    ImportDialog,
    ImportOperation,
    Progress,
    in_words,
    outcome_cell,
    outcome_label,
    preview_table,
    problems_by_place,
    report_group,
    report_lines,
)
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.wording import count

EVENT_FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Calendars and schedules (*.ics *.xml *.json);;iCalendar (*.ics);;"
    "Conference schedules (*.xml *.json);;All files (*)",
)
EVENT_COLUMNS = (
    QT_TRANSLATE_NOOP("events", "Where in the file"),
    QT_TRANSLATE_NOOP("events", "Will be"),
    QT_TRANSLATE_NOOP("events", "Problem"),
    QT_TRANSLATE_NOOP("events", "Title"),
    QT_TRANSLATE_NOOP("events", "When (local time)"),
    QT_TRANSLATE_NOOP("events", "Place"),
)
# Long titles and places are cut (full text in the tooltip) so every column shows.
COLUMN_CAPS = (100, 80, 240, 260, 330)
NEW_PROGRAMME = QT_TRANSLATE_NOOP("events", "New programme from the schedule")


class ImportEventsDialog(ImportDialog):
    """Import a calendar (.ics) or a conference schedule (schedule.xml/.json) into a programme."""

    unit = "events"
    choose_title = QT_TRANSLATE_NOOP("ImportDialog", "Import events from")
    file_filter = EVENT_FILE_FILTER

    def build(self) -> None:
        self.data: bytes | None = None
        self.setWindowTitle(self.tr("Import calendar or schedule"))
        self.setAccessibleName(self.tr("Import calendar or schedule"))
        self.resize(1060, 640)
        layout = QVBoxLayout(self)
        self.file_row(
            layout,
            what=self.tr("The .ics calendar or schedule.xml / schedule.json being imported"),
            hint=self.tr(
                "Pick an .ics calendar (invitations, agency itineraries) or a pretalx/frab schedule"
            ),
        )
        form = QFormLayout()
        self.programme_combo = QComboBox()
        self.programme_combo.setAccessibleName(self.tr("Import into programme"))
        self.programme_combo.setToolTip(
            self.tr("The programme that receives the events; a schedule can also create its own")
        )
        self.programme_combo.currentIndexChanged.connect(self.refresh)
        form.addRow(self.tr("Into programme:"), self.programme_combo)
        self.skip_check = QCheckBox(self.tr("Skip events with problems"))
        self.skip_check.setAccessibleName(self.tr("Skip invalid events"))
        self.skip_check.setToolTip(
            self.tr(
                "Import the readable events and leave out the others (each is named in the report); "
                "otherwise nothing is imported while any event has a problem"
            )
        )
        self.skip_check.toggled.connect(self.refresh)
        form.addRow("", self.skip_check)
        layout.addLayout(form)

        preview_box = QGroupBox(self.tr("Preview (as it will be imported)"))
        preview_layout = QVBoxLayout(preview_box)
        self.preview = preview_table(
            [QCoreApplication.translate("events", c) for c in EVENT_COLUMNS],
            self.tr("Preview of the events to import"),
            self.tr("Each event of the file and what the import does with it"),
        )
        self.preview.setWordWrap(False)
        preview_layout.addWidget(self.preview)
        layout.addWidget(preview_box, 3)
        report_box, self.status_label, self.report_view = report_group(
            self.tr("Every problem found, by line of the file")
        )
        self.report_view.setMaximumHeight(120)
        layout.addWidget(report_box, 1)
        self.footer(
            layout,
            import_tip=self.tr("Import every event in one step (nothing is written on error)"),
        )

    def inputs(self) -> list[QWidget]:
        return [self.choose_button, self.programme_combo, self.skip_check]

    def start_empty(self) -> None:
        self._fill_programmes(schedule=False)
        self.show_status(self.tr("Choose an .ics calendar or a schedule.xml / schedule.json."), "")

    @property
    def is_calendar(self) -> bool:
        return Path(self.path_edit.text()).suffix.lower() == ".ics" or (
            self.data is not None and self.data.lstrip(b"\xef\xbb\xbf \r\n").startswith(b"BEGIN:")
        )

    def _fill_programmes(self, *, schedule: bool) -> None:
        with self.plan.reading() as session:
            choices = records.choices(session, "programme")
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        if schedule:
            self.programme_combo.addItem(QCoreApplication.translate("events", NEW_PROGRAMME), None)
        for title, pid in choices:
            self.programme_combo.addItem(title, pid)
        self.programme_combo.blockSignals(False)

    def set_path(self, path: Path) -> None:
        """Read the file and start the dry run."""
        self.forget_preview()
        self.path_edit.setText(str(path))
        try:
            self.data = path.read_bytes()
        except OSError as exc:
            self.data = None
            problem = TourPlannerError(
                self.tr("This file cannot be read: {value}").format(value=exc.strerror or exc)
            )
            ImportDialog.preview_failed(self, problem)  # said as it is, without 'Nothing can…'
            return
        self._fill_programmes(schedule=not self.is_calendar)
        self.refresh()

    # --- the two runs of the import ----------------------------------------------------------

    def _target(self) -> tuple[bool, int | None]:
        """Whether the file is a calendar, and the programme chosen (None: a new one)."""
        programme_id = self.programme_combo.currentData()
        if self.is_calendar and programme_id is None:
            raise TourPlannerError(self.tr("choose the programme that receives the events"))
        return self.is_calendar, programme_id

    def refresh(self) -> None:
        """Dry-run the import off the GUI thread; then show what it would do."""
        if self.data is None or self.importing:
            return
        data = self.data
        skip = self.skip_check.isChecked()
        try:
            calendar, programme_id = self._target()
        except TourPlannerError as exc:
            self.preview_failed(exc)
            return

        def dry_run(session: Any, progress: Progress) -> ImportReport:
            if calendar:
                assert programme_id is not None
                return import_ics(
                    session,
                    data,
                    programme_id=programme_id,
                    dry_run=True,
                    skip_invalid=skip,
                    progress=progress,
                )
            name = None if programme_id is None else str(programme_id)  # ids are unambiguous
            return import_schedule(
                session, data, programme=name, dry_run=True, skip_invalid=skip, progress=progress
            )

        self.run_preview(dry_run, unit="events")

    def start_import(self, progress: Progress) -> ImportOperation | None:
        if self.data is None:
            return None
        name = Path(self.path_edit.text()).name
        skip = self.skip_check.isChecked()
        try:
            calendar, programme_id = self._target()
        except TourPlannerError as exc:
            self.show_status(self.tr("Nothing was imported: {exc}").format(exc=exc), RED)
            return None
        if calendar:
            assert programme_id is not None
            return imports.import_calendar(
                self.data, name, programme_id=programme_id, skip_invalid=skip, progress=progress
            )
        programme = None if programme_id is None else str(programme_id)
        return imports.import_schedule(
            self.data, name, programme=programme, skip_invalid=skip, progress=progress
        )

    # --- what they found ---------------------------------------------------------------------

    def preview_failed(self, problem: TourPlannerError) -> None:
        super().preview_failed(problem)
        self.show_status(self.tr("Nothing can be imported: {problem}").format(problem=problem), RED)

    def show_preview(self, report: ImportReport) -> None:
        self._fill_preview(report)
        self.report_view.setPlainText(report_lines(report))
        counts = self.tr("{added} new, {updated} to update, {unchanged} unchanged").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged
        )
        if report.errors and not self.skip_check.isChecked():
            self.show_status(
                self.tr(
                    "{counts}; {count}. Nothing is imported while an event has a problem: fix the file, choose another programme, or tick 'Skip events with problems'."
                ).format(counts=counts, count=count(len(report.errors), "problem", "problems")),
                RED,
            )
            self.import_button.setEnabled(False)
            return
        skipped = (
            self.tr(", {skipped} skipped").format(skipped=report.skipped) if report.skipped else ""
        )
        ready = bool(report.added or report.updated)
        self.show_status(
            self.tr("{counts}{skipped}. ").format(counts=counts, skipped=skipped)
            + (self.tr("Ready to import.") if ready else self.tr("Nothing to import.")),
            GREEN if ready else GREY,
        )
        self.import_button.setEnabled(ready)

    def _fill_preview(self, report: ImportReport) -> None:
        problems = problems_by_place(report)
        self.preview.setRowCount(len(report.preview))
        for r, row in enumerate(report.preview):
            problem = "; ".join(problems.get(row.where, []))
            texts = (in_words(row.where), outcome_label(row.outcome), problem)
            for c, text in enumerate((*texts, row.title, row.when, row.place)):
                coloured = c == 1 or (c == 2 and bool(text))
                self.preview.setItem(r, c, outcome_cell(text, row.outcome, coloured=coloured))
        self.preview.resizeColumnsToContents()
        header = self.preview.horizontalHeader()
        for c, cap in enumerate(COLUMN_CAPS):
            # Capped so one long title does not push the rest away, but never below what its
            # header needs ("When (local time)" in full).
            width = min(self.preview.columnWidth(c), cap)
            self.preview.setColumnWidth(c, max(width, header.sectionSizeHint(c)))
        self.preview.horizontalHeader().setStretchLastSection(True)

    def imported_report(self, report: ImportReport) -> None:
        self._fill_preview(report)
        self.show_status(
            self.tr("Imported: {added} added, {updated} updated, {unchanged} unchanged").format(
                added=report.added, updated=report.updated, unchanged=report.unchanged
            )
            + (
                self.tr(", {skipped} skipped (see the report).").format(skipped=report.skipped)
                if report.skipped
                else "."
            ),
            GREEN,
        )

    def import_refused(self, refusal: ImportRefused) -> None:
        self._fill_preview(refusal.report)
        self.report_view.setPlainText(report_lines(refusal.report))
        self.show_status(self.tr("Nothing was imported: {refusal}").format(refusal=refusal), RED)
