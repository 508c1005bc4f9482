"""What both import dialogs share: the file row, the preview table, the report box with its
status line, the progress bar and buttons, and running the dry run and the real import.

Both run on the task runner, so the window stays responsive while a big file is read. The
preview is a dry run of the real import (its savepoint is rolled back), so what the dialog shows
as 'new', 'update' or 'problem' is exactly what Import will do. A newer dry run supersedes an
older one. The real import is an operation run in the background: one undo step, announced to
the views by the operation runner's `applied`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol, Self

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tourplanner.errors import Cancelled, TourPlannerError
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.operations import Operation
from tourplanner.planfile import PlanFile, before_import
from tourplanner.ui.file_dialogs import IMPORTS, open_path
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.tasks import TaskRunner, TaskState
from tourplanner.ui.undo import OperationRunner
from tourplanner.ui.window.context import WindowContext

RED, GREEN, GREY = "#a51d2d", "#1b7f3b", "#5e5c64"
OUTCOME_LABELS = {
    "added": (QT_TRANSLATE_NOOP("common", "New"), GREEN, "#e6f4ea"),
    "updated": (QT_TRANSLATE_NOOP("common", "Update"), "#1a5fb4", "#e7f0fb"),
    "unchanged": (QT_TRANSLATE_NOOP("common", "No change"), GREY, "#f3f3f3"),
    "skipped": (QT_TRANSLATE_NOOP("common", "Problem"), RED, "#fbe9eb"),
}
PROGRESS_STEPS = 200  # progress is posted to the GUI thread at most this often per run

Progress = Callable[[int, int], None]
# A dry run: given the open transaction and a progress hook, the import's report.
DryRun = Callable[[Any, Progress], ImportReport]


class ImportOperation(Operation, Protocol):
    result: object  # the import's report, once done


def progress_hook(state: TaskState) -> Progress:
    """What an importer calls per row: stops it when cancelled, and says how far it is (not
    on every row: each report is a call on the GUI thread)."""

    def progress(done: int, total: int) -> None:
        state.check()
        if done % max(1, total // PROGRESS_STEPS) == 0:
            state.progress(done, total)

    return progress


_JSON_PLACE = re.compile(r"^days\[(\d+)\]\.rooms\[(['\"])(.*)\2\]\[(\d+)\]$")


def in_words(where: str) -> str:
    """Where in a file, as the user says it: "day 1, room 'Hall A', event 3", not the JSON
    path `days[0].rooms['Hall A'][2]` (schedule.xml places already read so)."""
    found = _JSON_PLACE.match(where)
    if found is None:
        return where
    day, quote, room, event = found.groups()
    return QCoreApplication.translate(
        "common", "day {value}, room {quote}{room}{quote}, event {value2}"
    ).format(value=int(day) + 1, quote=quote, room=room, value2=int(event) + 1)


def report_lines(report: ImportReport) -> str:
    """Every problem and note of a report, one a line, or that there is none."""
    lines = [str(replace(p, where=in_words(p.where))) for p in report.problems]
    return "\n".join(lines) if lines else QCoreApplication.translate("common", "No problems found.")


def problems_by_place(report: ImportReport) -> dict[str, list[str]]:
    """The errors of a report by where they are (a row or a place in the file)."""
    problems: dict[str, list[str]] = {}
    for problem in report.errors:
        problems.setdefault(problem.where, []).append(problem.message)
    return problems


def outcome_cell(text: str, outcome: str, *, coloured: bool) -> QTableWidgetItem:
    """A preview cell (full text in its tooltip), in the outcome's colours when `coloured`."""
    item = QTableWidgetItem(text.replace("\n", " "))
    item.setToolTip(text)
    if coloured:
        _, fg, bg = OUTCOME_LABELS.get(outcome, ("", "#000000", "#ffffff"))
        item.setForeground(QBrush(QColor(fg)))
        item.setBackground(QBrush(QColor(bg)))
    return item


def outcome_label(outcome: str) -> str:
    return (
        QCoreApplication.translate("common", OUTCOME_LABELS[outcome][0])
        if outcome in OUTCOME_LABELS
        else ""
    )


def preview_table(headers: list[str], name: str, tooltip: str) -> QTableWidget:
    """The read-only table of rows as they will be imported."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setToolTip(tooltip)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def report_group(tooltip: str) -> tuple[QGroupBox, QLabel, QPlainTextEdit]:
    """The 'Report' box of an import dialog: a bold summary line over the list of problems."""
    box = QGroupBox(QCoreApplication.translate("common", "Report"))
    layout = QVBoxLayout(box)
    summary = QLabel()
    summary.setAccessibleName(QCoreApplication.translate("common", "Import summary"))
    summary.setWordWrap(True)
    bold = QFont(summary.font())
    bold.setBold(True)
    summary.setFont(bold)
    layout.addWidget(summary)
    report = QPlainTextEdit(readOnly=True)
    report.setAccessibleName(QCoreApplication.translate("common", "Validation report"))
    report.setToolTip(tooltip)
    layout.addWidget(report)
    return box, summary, report


class ImportDialog(QDialog):
    """The frame of an import dialog and its two jobs; subclasses add their file's options.

    A subclass lays itself out in `build()` (between `file_row()` and `footer()`), says what to
    show before a file is chosen (`start_empty`), how to read a file (`set_path`), how to show
    a dry run's report, and how to make the real import's operation (`start_import`).
    """

    imported = Signal(int, int, int)  # added, updated, skipped: after the import is done
    # Made by the subclass's build(), each where its layout wants them.
    preview: QTableWidget
    status_label: QLabel
    report_view: QPlainTextEdit
    can_stop = True  # whether the importer checks for a stop request as it goes
    unit = "rows"  # what the progress bar counts
    choose_title = QT_TRANSLATE_NOOP("ImportDialog", "Import from")
    file_filter = QT_TRANSLATE_NOOP("ImportDialog", "All files (*)")

    def __init__(
        self,
        plan: PlanFile,
        tasks: TaskRunner,
        operations: OperationRunner,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan, self.tasks, self.operations = plan, tasks, operations
        self.report: ImportReport | None = None
        self._preview_key = f"import preview {id(self)}"
        self._importing: TaskState | None = None
        self.build()
        if path is not None:
            self.set_path(Path(path))
        else:
            self.start_empty()

    @classmethod
    def from_context(cls, context: WindowContext, *, path: Path | None = None) -> Self:
        """The dialog over the window's plan, with its runners, parented to it."""
        return cls(context.plan, context.tasks, context.operations, context.widget, path=path)

    def build(self) -> None:
        raise NotImplementedError

    def start_empty(self) -> None:
        """Before a file is chosen: say what to choose."""
        raise NotImplementedError

    def set_path(self, path: Path) -> None:
        """Read the file and start its dry run."""
        raise NotImplementedError

    # --- layout ---------------------------------------------------------------------------

    def file_row(self, layout: QVBoxLayout, *, what: str, hint: str) -> None:
        """The chosen file's name and the button choosing another."""
        row = QHBoxLayout()
        self.path_edit = QLineEdit(readOnly=True, placeholderText=self.tr("No file chosen"))
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.path_edit.setToolTip(what)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setAccessibleName(self.tr("Choose file"))
        self.choose_button.setToolTip(hint)
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(QLabel(self.tr("File:")))
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)

    def footer(self, layout: QVBoxLayout, *, import_tip: str) -> None:
        """The progress bar of a running check or import, and the Import and Close buttons."""
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Import progress"))
        self.progress_bar.setToolTip(self.tr("How far the check or the import has got"))
        self.progress_bar.setVisible(False)
        layout.addWidget(self.progress_bar)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import"))
        self.import_button.setToolTip(import_tip)
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close without importing (Esc)"))
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def show_status(self, text: str, color: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {color};" if color else "")

    def choose_file(self) -> None:
        start = Path(self.path_edit.text()).parent if self.path_edit.text() else None
        chosen = open_path(
            self,
            QCoreApplication.translate("ImportDialog", self.choose_title),
            QCoreApplication.translate("ImportDialog", self.file_filter),
            kind=IMPORTS,
            start=start,
        )
        if chosen is not None:
            self.set_path(chosen)

    def inputs(self) -> list[QWidget]:
        """The widgets that change what is imported (locked while the import runs)."""
        return [self.choose_button]

    # --- the dry run ----------------------------------------------------------------------

    def run_preview(self, dry_run: DryRun, *, unit: str) -> None:
        """Dry-run the import off the GUI thread; a newer call supersedes a running one."""
        plan = self.plan

        def job(state: TaskState) -> ImportReport:
            with plan.transaction() as session:
                return dry_run(session, progress_hook(state))

        self.import_button.setEnabled(False)
        self.show_status(self.tr("Checking the file…"), GREY)
        self._show_progress(unit)
        self.tasks.run(
            job,
            on_done=self._previewed,
            on_error=self._preview_failed,
            on_progress=self._progressed,
            key=self._preview_key,
        )

    def _previewed(self, report: ImportReport) -> None:
        self.progress_bar.setVisible(False)
        self.report = report
        self.show_preview(report)

    def _preview_failed(self, problem: TourPlannerError) -> None:
        self.progress_bar.setVisible(False)
        if isinstance(problem, ImportRefused):
            self.report = problem.report
            self.show_preview(problem.report)
        else:
            self.report = None
            self.preview_failed(problem)

    def show_preview(self, report: ImportReport) -> None:
        """Fill the preview and the report from a dry run's report."""
        raise NotImplementedError

    def preview_failed(self, problem: TourPlannerError) -> None:
        """Nothing could be checked: the file cannot be read, or no programme is chosen."""
        self.preview.setRowCount(0)
        self.report_view.setPlainText(str(problem))
        self.show_status(str(problem), RED)
        self.import_button.setEnabled(False)

    def forget_preview(self) -> None:
        """The file was changed: a dry run still running is of no use any more."""
        self.tasks.cancel(self._preview_key)
        self.progress_bar.setVisible(False)

    @property
    def checking(self) -> bool:
        """Whether a dry run is running."""
        return self.tasks.running(self._preview_key) is not None

    # --- the import -----------------------------------------------------------------------

    def run_import(self) -> None:
        """Import for real, in the background: one undo step; `imported` when done."""
        if self.importing:
            return
        state = TaskState()
        operation = self.start_import(progress_hook(state))
        if operation is None:
            return
        self.forget_preview()
        self._importing = state
        self._lock(True)
        self.show_status(self.tr("Importing…"), GREY)
        self._show_progress(self.unit)
        self.operations.run_in_background(
            operation,
            self.tasks,
            on_done=lambda problem: self._import_done(operation, problem),
            on_progress=self._progressed,
            state=state,
            prepare=before_import,  # a verified backup of the plan first
        )

    def start_import(self, progress: Progress) -> ImportOperation | None:
        """The import operation for the file and options as chosen (None: nothing to do)."""
        raise NotImplementedError

    def _import_done(self, operation: ImportOperation, problem: TourPlannerError | None) -> None:
        self._importing = None
        self._lock(False)
        self.progress_bar.setVisible(False)
        if problem is None:
            report = operation.result
            assert isinstance(report, ImportReport)
            self.report = report
            self.import_button.setEnabled(False)
            self.close_button.setText(self.tr("Close"))
            self.imported_report(report)
            self.imported.emit(report.added, report.updated, report.skipped)
        elif isinstance(problem, ImportRefused):
            self.report = problem.report
            self.import_refused(problem)
        elif isinstance(problem, Cancelled):
            self.show_status(self.tr("Stopped: nothing was imported."), RED)
            self.import_button.setEnabled(True)  # the preview still holds: it may be started again
        else:
            self.show_status(
                self.tr("Nothing was imported: {problem}").format(problem=problem), RED
            )

    def imported_report(self, report: ImportReport) -> None:
        """Show what the import did."""
        raise NotImplementedError

    def import_refused(self, refusal: ImportRefused) -> None:
        """Show why the import was refused (nothing was written)."""
        raise NotImplementedError

    @property
    def importing(self) -> bool:
        """Whether the real import is running."""
        return self._importing is not None

    def stop(self) -> None:
        """Ask the running import to stop; it writes nothing then."""
        if self._importing is not None and self.can_stop:
            self._importing.cancel()
            self.show_status(self.tr("Stopping…"), GREY)

    def _lock(self, importing: bool) -> None:
        for widget in self.inputs():
            widget.setEnabled(not importing)
        if importing:
            self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Stop") if importing else self.tr("Cancel"))
        self.close_button.setToolTip(
            self.tr("Stop the import; nothing is written")
            if importing
            else self.tr("Close without importing (Esc)")
        )
        self.close_button.setEnabled(self.can_stop or not importing)

    # --- progress -------------------------------------------------------------------------

    def _show_progress(self, unit: str) -> None:
        self.progress_bar.setRange(0, 0)  # busy until the importer says how far it is
        self.progress_bar.setFormat(self.tr("%v of %m {unit}").format(unit=unit))
        self.progress_bar.setVisible(True)

    def _progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    # --- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        """Close; while the import runs, Close (or Esc) asks it to stop instead."""
        if self.importing:
            self.stop()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self.importing:  # the window must learn of the import: wait for its end
            return
        task = self.tasks.running(self._preview_key)
        self.forget_preview()
        if task is not None and task.future is not None:
            # Cancelled, it stops at its next row; it must not outlive the plan it reads.
            task.future.result()
        super().done(result)
