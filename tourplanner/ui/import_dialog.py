"""File > Import people: choose a CSV/XLSX file, fix the column mapping, preview, import.

The preview is a dry run of the real import (in a transaction whose changes are rolled back), so
what the dialog shows as 'new', 'update' or 'problem' is exactly what Import will do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tourplanner.db import PlanFile
from tourplanner.errors import TourPlannerError
from tourplanner.interchange.people_import import PeopleImport, prepare_rows
from tourplanner.interchange.people_mapping import FIELDS, recognise_all
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.interchange.tables import Table, read_table
from tourplanner.services import organizations
from tourplanner.services.programmes import list_programmes

PREVIEW_ROWS = 50
# Above this, the live preview checks only the first rows (Import always checks every row),
# so changing a mapping stays instant on a list of thousands.
LIVE_CHECK_ROWS = 1000
FILE_FILTER = "Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"
PREVIEW_COLUMNS = (
    ("Row", ""),
    ("Will be", ""),
    ("Name", "name_latin"),
    ("Local name", "name_local"),
    ("Organization", "organization"),
    ("Email", "email"),
    ("Phone", "phone"),
    ("Role", "role"),
    ("Groups", "groups"),
    ("Notes", "notes"),
    ("Problem", ""),
)
OUTCOME_LABELS = {
    "added": ("New", "#1b7f3b", "#e6f4ea"),
    "updated": ("Update", "#1a5fb4", "#e7f0fb"),
    "unchanged": ("No change", "#5e5c64", "#f3f3f3"),
    "skipped": ("Problem", "#a51d2d", "#fbe9eb"),
}
DATE_ORDERS = (
    ("Ask when ambiguous (02/03/2015 refused)", None),
    ("Day first: 19/04/2015", True),
    ("Month first: 04/19/2015", False),
)


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while an import or its dry run works."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def report_group(tooltip: str) -> tuple[QGroupBox, QLabel, QPlainTextEdit]:
    """The 'Report' box of an import dialog: a bold summary line over the list of problems."""
    box = QGroupBox("Report")
    layout = QVBoxLayout(box)
    summary = QLabel()
    summary.setAccessibleName("Import summary")
    summary.setWordWrap(True)
    bold = QFont(summary.font())
    bold.setBold(True)
    summary.setFont(bold)
    layout.addWidget(summary)
    report = QPlainTextEdit(readOnly=True)
    report.setAccessibleName("Validation report")
    report.setToolTip(tooltip)
    layout.addWidget(report)
    return box, summary, report


class ImportPeopleDialog(QDialog):
    """Import people from a spreadsheet into the plan, with mapping, preview and report."""

    imported = Signal(int, int, int)  # added, updated, skipped

    def __init__(self, plan: PlanFile, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.plan = plan
        self.table: Table | None = None
        self.report: ImportReport | None = None
        self._combos: list[QComboBox] = []
        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self.refresh)
        self.setWindowTitle("Import people")
        self.setAccessibleName("Import people")
        self.resize(980, 720)
        self._build()
        self._load_groups()
        if path is not None:
            self.set_path(Path(path))
        else:
            self._show_status("Choose a CSV or Excel file with one person per row.", "")

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        file_row = QHBoxLayout()
        self.path_edit = QLineEdit(readOnly=True, placeholderText="No file chosen")
        self.path_edit.setAccessibleName("File to import")
        self.path_edit.setToolTip("The spreadsheet being imported")
        self.choose_button = QPushButton("Choose file…")
        self.choose_button.setAccessibleName("Choose file")
        self.choose_button.setToolTip("Pick a .csv or .xlsx file (UTF-8, UTF-16 or GB18030 CSV)")
        self.choose_button.clicked.connect(self._choose_file)
        file_row.addWidget(QLabel("File:"))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        layout.addLayout(file_row)
        self.file_info = QLabel()
        self.file_info.setAccessibleName("File details")
        self.file_info.setStyleSheet("color: #5e5c64;")
        self.file_info.setWordWrap(True)
        layout.addWidget(self.file_info)

        top = QHBoxLayout()
        mapping_box = QGroupBox("Columns")
        mapping_layout = QVBoxLayout(mapping_box)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            ["Column in the file", "Example", "Imports as"]
        )
        self.mapping_table.setAccessibleName("Column mapping")
        self.mapping_table.setToolTip(
            "Each column of the file and the person field it fills; change a field to fix "
            "the mapping, or choose '(ignore this column)'"
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        mapping_layout.addWidget(self.mapping_table)
        top.addWidget(mapping_box, 3)

        options_box = QGroupBox("Options")
        form = QFormLayout(options_box)
        self.group_combo = QComboBox(editable=True)
        self.group_combo.setAccessibleName("Add everyone to group")
        self.group_combo.setToolTip(
            "Put everyone imported into this group (a new name creates the group); "
            "leave empty for none"
        )
        self.group_combo.lineEdit().setPlaceholderText("(no group)")
        self.group_combo.currentTextChanged.connect(self._schedule_refresh)
        form.addRow("Add to group:", self.group_combo)
        self.date_combo = QComboBox()
        for label, _ in DATE_ORDERS:
            self.date_combo.addItem(label)
        self.date_combo.setAccessibleName("Date order")
        self.date_combo.setToolTip(
            "How to read numeric dates such as arrival times: 02/03/2015 is 2 March day-first "
            "and February 3 month-first; dates are never guessed"
        )
        self.date_combo.currentIndexChanged.connect(self._schedule_refresh)
        form.addRow("Dates:", self.date_combo)
        self.skip_check = QCheckBox("Skip rows with problems")
        self.skip_check.setAccessibleName("Skip invalid rows")
        self.skip_check.setToolTip(
            "Import the good rows and leave out the others; otherwise nothing is imported "
            "while any row has a problem"
        )
        self.skip_check.toggled.connect(self._schedule_refresh)
        form.addRow("", self.skip_check)
        hint = QLabel(
            "Headers in English or Chinese are recognised (Name, First name, 姓名, 姓, 名, "
            "Organization, 单位, Email, 邮箱, Phone, 电话, Dietary, 饮食, Passport, 护照, "
            "Group, 团组…). People already in the plan are matched by email, else by name and "
            "organization, and updated rather than added twice."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5e5c64;")
        hint.setAccessibleName("How columns are recognised")
        form.addRow(hint)
        top.addWidget(options_box, 2)

        splitter = QSplitter(Qt.Orientation.Vertical)
        top_widget = QWidget()
        top_widget.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(top_widget)

        preview_box = QGroupBox("Preview (as it will be imported)")
        preview_layout = QVBoxLayout(preview_box)
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.preview.setHorizontalHeaderLabels([c for c, _ in PREVIEW_COLUMNS])
        self.preview.setAccessibleName("Preview of the people to import")
        self.preview.setToolTip(
            "The first rows as they will be imported, with what happens to each"
        )
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.horizontalHeader().setStretchLastSection(True)
        preview_layout.addWidget(self.preview)
        splitter.addWidget(preview_box)

        report_box, self.status_label, self.report_view = report_group(
            "Every problem found, by row number in the file"
        )
        self.report_view.setMaximumBlockCount(2000)
        splitter.addWidget(report_box)
        splitter.setSizes([270, 280, 150])
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName("Import")
        self.import_button.setToolTip("Import all rows in one step (nothing is written on error)")
        self.import_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setAccessibleName("Close")
        self.close_button.setToolTip("Close without importing (Esc)")
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.import_button.setEnabled(False)

    def _load_groups(self) -> None:
        with self.plan.reading() as session:
            names = [g.name for g in organizations.list_groups(session)]
        self.group_combo.blockSignals(True)
        self.group_combo.addItem("")
        self.group_combo.addItems(names)
        self.group_combo.setCurrentIndex(0)
        self.group_combo.blockSignals(False)

    # --- file and mapping ----------------------------------------------------------------

    def _choose_file(self) -> None:
        start = str(Path(self.path_edit.text()).parent) if self.path_edit.text() else ""
        chosen, _ = QFileDialog.getOpenFileName(self, "Import people from", start, FILE_FILTER)
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path) -> None:
        """Read the file, recognise its headers and show the preview."""
        self.path_edit.setText(str(path))
        self.table = None
        self.mapping_table.setRowCount(0)
        self._combos = []
        try:
            self.table = read_table(path)
        except TourPlannerError as exc:
            self.file_info.setText("")
            self._clear_preview()
            self.report_view.setPlainText(str(exc))
            self._show_status(f"This file cannot be read: {exc}", "#a51d2d")
            self.import_button.setEnabled(False)
            return
        table = self.table
        kind = "Excel workbook" if table.encoding == "xlsx" else f"{table.encoding} text"
        delimiter = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}.get(table.delimiter)
        details = [kind, f"{delimiter}-separated" if delimiter else "", f"{len(table)} rows"]
        details += table.notes
        self.file_info.setText(" · ".join(d for d in details if d))
        self._fill_mapping(recognise_all(table.headers))
        self.refresh()

    def _fill_mapping(self, mapping: dict[int, str]) -> None:
        assert self.table is not None
        table = self.table
        self.mapping_table.setRowCount(len(table.headers))
        for col, header in enumerate(table.headers):
            self.mapping_table.setItem(col, 0, QTableWidgetItem(header))
            example = next((r[col] for r in table.rows if col < len(r) and r[col]), "")
            cell = QTableWidgetItem(example.replace("\n", " ")[:60])
            cell.setForeground(QBrush(QColor("#5e5c64")))
            self.mapping_table.setItem(col, 1, cell)
            combo = QComboBox()
            for key, label in FIELDS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(col, ""))))
            combo.setAccessibleName(f"Field for column {header}")
            combo.setToolTip(f"Which person field the column '{header}' fills")
            combo.currentIndexChanged.connect(self._schedule_refresh)
            self.mapping_table.setCellWidget(col, 2, combo)
            self._combos.append(combo)
        self.mapping_table.resizeRowsToContents()

    def mapping(self) -> dict[int, str]:
        """The column -> person field mapping as chosen in the combo boxes."""
        return {col: combo.currentData() or "" for col, combo in enumerate(self._combos)}

    def mapping_combo(self, column: int) -> QComboBox:
        """The combo box choosing the field of a source column (for tests and automation)."""
        return self._combos[column]

    def _options(self) -> dict[str, object]:
        return {
            "group": self.group_combo.currentText().strip() or None,
            "skip_invalid": self.skip_check.isChecked(),
            "day_first": DATE_ORDERS[self.date_combo.currentIndex()][1],
        }

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    # --- preview -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Run the import as a dry run and show the preview and the report."""
        self._refresh_timer.stop()
        if self.table is None:
            return
        table = self.table.head(LIVE_CHECK_ROWS)
        plan = PeopleImport(table, self.mapping(), **self._options())  # type: ignore[arg-type]
        try:
            with _busy(), self.plan.transaction() as session:
                self.report = plan.run(session, dry_run=True)
        except ImportRefused as exc:
            self.report = exc.report
        except TourPlannerError as exc:
            self.report = None
            self._clear_preview()
            self.report_view.setPlainText(str(exc))
            self._show_status(str(exc), "#a51d2d")
            self.import_button.setEnabled(False)
            return
        self._fill_preview(plan, self.report)
        self._show_report(self.report, skip_invalid=plan.skip_invalid)
        if len(self.table) > len(table):
            self.status_label.setText(
                self.status_label.text()
                + f" (Checked the first {len(table)} of {len(self.table)} rows; Import checks "
                "them all and imports nothing if any has a problem.)"
            )

    def _clear_preview(self) -> None:
        self.preview.setRowCount(0)

    def _fill_preview(self, plan: PeopleImport, report: ImportReport) -> None:
        rows = prepare_rows(plan.table, plan.mapping, day_first=plan.day_first)[:PREVIEW_ROWS]
        problems: dict[str, list[str]] = {}
        for problem in report.errors:
            problems.setdefault(problem.where, []).append(problem.message)
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            where = f"row {row.row}"
            outcome = report.outcomes.get(where, "skipped" if where in problems else "")
            label, fg, bg = OUTCOME_LABELS.get(outcome, ("", "#000000", "#ffffff"))
            values = {
                "organization": row.organization or row.organization_local,
                "groups": "; ".join([*row.groups, *([plan.group] if plan.group else [])]),
                **row.fields,
            }
            for c, (_, key) in enumerate(PREVIEW_COLUMNS):
                if c == 0:
                    text = str(row.row)
                elif c == 1:
                    text = label
                elif key:
                    text = str(values.get(key, ""))
                else:
                    text = "; ".join(problems.get(where, []))
                item = QTableWidgetItem(text.replace("\n", " "))
                item.setToolTip(text)
                if c == 1 or (c == len(PREVIEW_COLUMNS) - 1 and text):
                    item.setForeground(QBrush(QColor(fg)))
                    item.setBackground(QBrush(QColor(bg)))
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        self.preview.horizontalHeader().setStretchLastSection(True)

    def _show_report(self, report: ImportReport, *, skip_invalid: bool) -> None:
        lines = [str(p) for p in report.problems]
        self.report_view.setPlainText("\n".join(lines) if lines else "No problems found.")
        counts = f"{report.added} new, {report.updated} to update, {report.unchanged} unchanged"
        errors = len(report.errors)
        if errors and not skip_invalid:
            self._show_status(
                f"{counts}; {report.skipped} row(s) with problems. Fix the file or the mapping, "
                "or tick 'Skip rows with problems' — nothing is imported while a row has a "
                "problem.",
                "#a51d2d",
            )
            self.import_button.setEnabled(False)
        else:
            skipped = f", {report.skipped} skipped" if report.skipped else ""
            ready = report.added or report.updated
            self._show_status(
                f"{counts}{skipped}. " + ("Ready to import." if ready else "Nothing to import."),
                "#1b7f3b" if ready else "#5e5c64",
            )
            self.import_button.setEnabled(bool(ready))

    def _show_status(self, text: str, color: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {color};" if color else "")

    # --- import --------------------------------------------------------------------------

    def run_import(self) -> None:
        """Import for real, in one transaction; show the summary and emit `imported`."""
        if self.table is None:
            return
        plan = PeopleImport(self.table, self.mapping(), **self._options())  # type: ignore[arg-type]
        try:
            with _busy(), self.plan.transaction() as session:
                report = plan.run(session)
        except ImportRefused as exc:
            self._fill_preview(plan, exc.report)
            self._show_report(exc.report, skip_invalid=plan.skip_invalid)
            return
        except TourPlannerError as exc:
            self._show_status(f"Nothing was imported: {exc}", "#a51d2d")
            return
        self.report = report
        lines = [str(p) for p in report.problems]
        self.report_view.setPlainText("\n".join(lines) if lines else "No problems found.")
        self._show_status(
            f"Imported: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.skipped} skipped.",
            "#1b7f3b",
        )
        self.import_button.setEnabled(False)
        self.close_button.setText("Close")
        self.imported.emit(report.added, report.updated, report.skipped)


EVENT_FILE_FILTER = (
    "Calendars and schedules (*.ics *.xml *.json);;iCalendar (*.ics);;"
    "Conference schedules (*.xml *.json);;All files (*)"
)
EVENT_COLUMNS = ("Where in the file", "Will be", "Problem", "Title", "When (local time)", "Place")
NEW_PROGRAMME = "New programme from the schedule"


class ImportEventsDialog(QDialog):
    """Import a calendar (.ics) or a conference schedule (schedule.xml/.json) into a programme.

    Like the people dialog, the preview is a dry run of the real import.
    """

    imported = Signal(int, int, int)  # added, updated, skipped

    def __init__(self, plan: PlanFile, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.plan = plan
        self.data: bytes | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle("Import calendar or schedule")
        self.setAccessibleName("Import calendar or schedule")
        self.resize(1060, 640)
        layout = QVBoxLayout(self)

        file_row = QHBoxLayout()
        self.path_edit = QLineEdit(readOnly=True, placeholderText="No file chosen")
        self.path_edit.setAccessibleName("File to import")
        self.path_edit.setToolTip(
            "The .ics calendar or schedule.xml / schedule.json being imported"
        )
        self.choose_button = QPushButton("Choose file…")
        self.choose_button.setAccessibleName("Choose file")
        self.choose_button.setToolTip(
            "Pick an .ics calendar (invitations, agency itineraries) or a pretalx/frab schedule"
        )
        self.choose_button.clicked.connect(self._choose_file)
        file_row.addWidget(QLabel("File:"))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        layout.addLayout(file_row)

        form = QFormLayout()
        self.programme_combo = QComboBox()
        self.programme_combo.setAccessibleName("Import into programme")
        self.programme_combo.setToolTip(
            "The programme that receives the events; a schedule can also create its own"
        )
        self.programme_combo.currentIndexChanged.connect(self.refresh)
        form.addRow("Into programme:", self.programme_combo)
        layout.addLayout(form)

        preview_box = QGroupBox("Preview (as it will be imported)")
        preview_layout = QVBoxLayout(preview_box)
        self.preview = QTableWidget(0, len(EVENT_COLUMNS))
        self.preview.setHorizontalHeaderLabels(list(EVENT_COLUMNS))
        self.preview.setAccessibleName("Preview of the events to import")
        self.preview.setToolTip("Each event of the file and what the import does with it")
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.horizontalHeader().setStretchLastSection(True)
        preview_layout.addWidget(self.preview)
        layout.addWidget(preview_box, 3)

        report_box, self.status_label, self.report_view = report_group(
            "Every problem found, by line of the file"
        )
        self.report_view.setMaximumHeight(120)
        layout.addWidget(report_box, 1)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName("Import")
        self.import_button.setToolTip(
            "Import every event in one step (nothing is written on error)"
        )
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setAccessibleName("Close")
        self.close_button.setToolTip("Close without importing (Esc)")
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

        if path is not None:
            self.set_path(Path(path))
        else:
            self._fill_programmes(schedule=False)
            self._show_status("Choose an .ics calendar or a schedule.xml / schedule.json.", "")

    @property
    def is_calendar(self) -> bool:
        return Path(self.path_edit.text()).suffix.lower() == ".ics" or (
            self.data is not None and self.data.lstrip(b"\xef\xbb\xbf \r\n").startswith(b"BEGIN:")
        )

    def _fill_programmes(self, *, schedule: bool) -> None:
        with self.plan.reading() as session:
            choices = [(p.title_en, p.id) for p in list_programmes(session)]
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        if schedule:
            self.programme_combo.addItem(NEW_PROGRAMME, None)
        for title, pid in choices:
            self.programme_combo.addItem(title, pid)
        self.programme_combo.blockSignals(False)

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Import events from", "", EVENT_FILE_FILTER)
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path) -> None:
        """Read the file and show the dry-run preview."""
        self.path_edit.setText(str(path))
        try:
            self.data = path.read_bytes()
        except OSError as exc:
            self.data = None
            self._show_status(f"This file cannot be read: {exc.strerror or exc}", "#a51d2d")
            self.import_button.setEnabled(False)
            return
        self._fill_programmes(schedule=not self.is_calendar)
        self.refresh()

    def _run(self, *, dry_run: bool) -> ImportReport:
        from tourplanner.interchange.ics_import import import_ics
        from tourplanner.interchange.schedule_import import import_schedule

        assert self.data is not None
        programme_id = self.programme_combo.currentData()
        with _busy(), self.plan.transaction() as session:
            if self.is_calendar:
                if programme_id is None:
                    raise TourPlannerError("choose the programme that receives the events")
                return import_ics(session, self.data, programme_id=programme_id, dry_run=dry_run)
            name = None if programme_id is None else str(programme_id)  # ids are unambiguous
            return import_schedule(session, self.data, programme=name, dry_run=dry_run)

    def refresh(self) -> None:
        """Dry-run the import and show what it would do."""
        if self.data is None:
            return
        try:
            report = self._run(dry_run=True)
        except TourPlannerError as exc:
            self.report = None
            self.preview.setRowCount(0)
            self.report_view.setPlainText(str(exc))
            self._show_status(f"Nothing can be imported: {exc}", "#a51d2d")
            self.import_button.setEnabled(False)
            return
        self.report = report
        self._fill_preview(report)
        lines = [str(p) for p in report.problems]
        self.report_view.setPlainText("\n".join(lines) if lines else "No problems found.")
        counts = f"{report.added} new, {report.updated} to update, {report.unchanged} unchanged"
        if report.errors:
            self._show_status(
                f"{counts}; {len(report.errors)} problem(s). Nothing is imported while an event "
                "has a problem: fix the file or choose another programme.",
                "#a51d2d",
            )
            self.import_button.setEnabled(False)
        else:
            ready = bool(report.added or report.updated)
            self._show_status(
                f"{counts}. " + ("Ready to import." if ready else "Nothing to import."),
                "#1b7f3b" if ready else "#5e5c64",
            )
            self.import_button.setEnabled(ready)

    def _fill_preview(self, report: ImportReport) -> None:
        problems: dict[str, list[str]] = {}
        for problem in report.errors:
            problems.setdefault(problem.where, []).append(problem.message)
        self.preview.setRowCount(len(report.preview))
        for r, row in enumerate(report.preview):
            label, fg, bg = OUTCOME_LABELS.get(row.outcome, ("", "#000000", "#ffffff"))
            problem = "; ".join(problems.get(row.where, []))
            for c, text in enumerate((row.where, label, problem, row.title, row.when, row.place)):
                item = QTableWidgetItem(text.replace("\n", " "))
                item.setToolTip(text)
                if c == 1 or (c == 2 and text):
                    item.setForeground(QBrush(QColor(fg)))
                    item.setBackground(QBrush(QColor(bg)))
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        for c, cap in enumerate((100, 80, 240, 260, 330)):
            # Long titles and places are cut (full text in the tooltip) so every column shows.
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), cap))
        self.preview.horizontalHeader().setStretchLastSection(True)

    def _show_status(self, text: str, color: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {color};" if color else "")

    def run_import(self) -> None:
        """Import for real, in one transaction; show the summary and emit `imported`."""
        if self.data is None:
            return
        try:
            report = self._run(dry_run=False)
        except ImportRefused as exc:
            self._fill_preview(exc.report)
            self.report_view.setPlainText(exc.report.text())
            self._show_status(f"Nothing was imported: {exc}", "#a51d2d")
            return
        except TourPlannerError as exc:
            self._show_status(f"Nothing was imported: {exc}", "#a51d2d")
            return
        self.report = report
        self._fill_preview(report)
        self._show_status(
            f"Imported: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged.",
            "#1b7f3b",
        )
        self.import_button.setEnabled(False)
        self.close_button.setText("Close")
        self.imported.emit(report.added, report.updated, report.skipped)
