"""File > Import people: choose a CSV/XLSX file, fix the column mapping, preview, import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tourplanner.errors import TourPlannerError
from tourplanner.interchange.people_import import PeopleImport, PreparedRow, prepare_rows
from tourplanner.interchange.people_mapping import FIELDS, recognise_all
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.interchange.tables import Table, read_table
from tourplanner.operations import imports
from tourplanner.services import records
from tourplanner.ui.imports.common import (
    GREEN,
    GREY,
    RED,
    ImportDialog,
    ImportOperation,
    Progress,
    outcome_cell,
    outcome_label,
    preview_table,
    problems_by_place,
    report_group,
    report_lines,
)
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.wording import count

PREVIEW_ROWS = 50
# Above this, the live preview checks only the first rows (Import always checks every row),
# so changing a mapping stays quick on a list of thousands.
LIVE_CHECK_ROWS = 1000
FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportDialog", "Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"
)
PREVIEW_COLUMNS = (
    (QT_TRANSLATE_NOOP("people", "Row"), ""),
    (QT_TRANSLATE_NOOP("people", "Will be"), ""),
    (QT_TRANSLATE_NOOP("people", "Name"), "name_latin"),
    (QT_TRANSLATE_NOOP("people", "Local name"), "name_local"),
    (QT_TRANSLATE_NOOP("people", "Organization"), "organization"),
    (QT_TRANSLATE_NOOP("people", "Email"), "email"),
    (QT_TRANSLATE_NOOP("people", "Phone"), "phone"),
    (QT_TRANSLATE_NOOP("people", "Role"), "role"),
    (QT_TRANSLATE_NOOP("people", "Groups"), "groups"),
    (QT_TRANSLATE_NOOP("people", "Notes"), "notes"),
    (QT_TRANSLATE_NOOP("people", "Problem"), ""),
)
DATE_ORDERS = (
    (QT_TRANSLATE_NOOP("people", "Ask when ambiguous (02/03/2015 refused)"), None),
    (QT_TRANSLATE_NOOP("people", "Day first: 19/04/2015"), True),
    (QT_TRANSLATE_NOOP("people", "Month first: 04/19/2015"), False),
)
RECOGNISED = QT_TRANSLATE_NOOP(
    "people",
    "Headers in English or Chinese are recognised (Name, First name, 姓名, 姓, 名, "
    "Organization, 单位, Email, 邮箱, Phone, 电话, Dietary, 饮食, Passport, 护照, "
    "Group, 团组…). People already in the plan are matched by email, else by name and "
    "organization, and updated rather than added twice.",
)


class ImportPeopleDialog(ImportDialog):
    """Import people from a spreadsheet into the plan, with mapping, preview and report."""

    can_stop = False  # the people importer does not look for a stop request
    unit = "rows"
    choose_title = QT_TRANSLATE_NOOP("ImportDialog", "Import people from")
    file_filter = FILE_FILTER

    def build(self) -> None:
        self.table: Table | None = None
        self.path: Path | None = None
        self._combos: list[QComboBox] = []
        self._checked: PeopleImport | None = None  # what the shown preview is of
        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self.refresh)
        self.setWindowTitle(self.tr("Import people"))
        self.setAccessibleName(self.tr("Import people"))
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        self.file_row(
            layout,
            what=self.tr("The spreadsheet being imported"),
            hint=self.tr("Pick a .csv or .xlsx file (UTF-8, UTF-16 or GB18030 CSV)"),
        )
        self.file_info = QLabel()
        self.file_info.setAccessibleName(self.tr("File details"))
        self.file_info.setStyleSheet(f"color: {GREY};")
        self.file_info.setWordWrap(True)
        layout.addWidget(self.file_info)

        top = QHBoxLayout()
        top.addWidget(self._mapping_box(), 3)
        top.addWidget(self._options_box(), 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top_widget = QWidget()
        top_widget.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(top_widget)

        preview_box = QGroupBox(self.tr("Preview (as it will be imported)"))
        preview_layout = QVBoxLayout(preview_box)
        self.preview = preview_table(
            [QCoreApplication.translate("people", c) for c, _ in PREVIEW_COLUMNS],
            self.tr("Preview of the people to import"),
            self.tr("The first rows as they will be imported, with what happens to each"),
        )
        preview_layout.addWidget(self.preview)
        splitter.addWidget(preview_box)
        report_box, self.status_label, self.report_view = report_group(
            self.tr("Every problem found, by row number in the file")
        )
        self.report_view.setMaximumBlockCount(2000)
        splitter.addWidget(report_box)
        splitter.setSizes([270, 280, 150])
        layout.addWidget(splitter, 1)
        self.footer(
            layout, import_tip=self.tr("Import all rows in one step (nothing is written on error)")
        )
        self._load_groups()

    def _mapping_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Columns"))
        layout = QVBoxLayout(box)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Imports as")]
        )
        self.mapping_table.setAccessibleName(self.tr("Column mapping"))
        self.mapping_table.setToolTip(
            self.tr(
                "Each column of the file and the person field it fills; change a field to fix "
                "the mapping, or choose '(ignore this column)'"
            )
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.mapping_table)
        return box

    def _options_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Options"))
        form = QFormLayout(box)
        self.group_combo = QComboBox(editable=True)
        self.group_combo.setAccessibleName(self.tr("Add everyone to group"))
        self.group_combo.setToolTip(
            self.tr(
                "Put everyone imported into this group (a new name creates the group); "
                "leave empty for none"
            )
        )
        line = self.group_combo.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText(self.tr("(no group)"))
        self.group_combo.currentTextChanged.connect(self._schedule_refresh)
        form.addRow(self.tr("Add to group:"), self.group_combo)
        self.date_combo = QComboBox()
        for label, _ in DATE_ORDERS:
            self.date_combo.addItem(QCoreApplication.translate("people", label))
        self.date_combo.setAccessibleName(self.tr("Date order"))
        self.date_combo.setToolTip(
            self.tr(
                "How to read numeric dates such as arrival times: 02/03/2015 is 2 March day-first "
                "and February 3 month-first; dates are never guessed"
            )
        )
        self.date_combo.currentIndexChanged.connect(self._schedule_refresh)
        form.addRow(self.tr("Dates:"), self.date_combo)
        self.skip_check = QCheckBox(self.tr("Skip rows with problems"))
        self.skip_check.setAccessibleName(self.tr("Skip invalid rows"))
        self.skip_check.setToolTip(
            self.tr(
                "Import the good rows and leave out the others; otherwise nothing is imported "
                "while any row has a problem"
            )
        )
        self.skip_check.toggled.connect(self._schedule_refresh)
        form.addRow("", self.skip_check)
        hint = QLabel(QCoreApplication.translate("people", RECOGNISED))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {GREY};")
        hint.setAccessibleName(self.tr("How columns are recognised"))
        form.addRow(hint)
        return box

    def _load_groups(self) -> None:
        with self.plan.reading() as session:
            names = [name for name, _ in records.choices(session, "group")]
        self.group_combo.blockSignals(True)
        self.group_combo.addItem("")
        self.group_combo.addItems(names)
        self.group_combo.setCurrentIndex(0)
        self.group_combo.blockSignals(False)

    def inputs(self) -> list[QWidget]:
        return [
            self.choose_button,
            self.mapping_table,
            self.group_combo,
            self.date_combo,
            self.skip_check,
        ]

    def start_empty(self) -> None:
        self.show_status(self.tr("Choose a CSV or Excel file with one person per row."), "")

    # --- file and mapping ----------------------------------------------------------------

    def set_path(self, path: Path) -> None:
        """Read the file, recognise its headers and start the preview."""
        self.forget_preview()
        self.path_edit.setText(str(path))
        self.path, self.table = path, None
        self.mapping_table.setRowCount(0)
        self._combos = []
        try:
            self.table = read_table(path)
        except TourPlannerError as exc:
            self.file_info.setText("")
            self.preview_failed(
                TourPlannerError(self.tr("This file cannot be read: {exc}").format(exc=exc))
            )
            self.report_view.setPlainText(str(exc))
            return
        table = self.table
        kind = (
            self.tr("Excel workbook")
            if table.encoding == "xlsx"
            else self.tr("{encoding} text").format(encoding=table.encoding)
        )
        delimiter = {
            ",": self.tr("comma-separated"),
            ";": self.tr("semicolon-separated"),
            "\t": self.tr("tab-separated"),
            "|": self.tr("bar-separated"),
        }.get(table.delimiter)
        details = [
            kind,
            delimiter or "",
            count(len(table), "row", "rows"),
        ]
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
            cell.setForeground(QBrush(QColor(GREY)))
            self.mapping_table.setItem(col, 1, cell)
            combo = QComboBox()
            for key, label in FIELDS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(col, ""))))
            combo.setAccessibleName(self.tr("Field for column {header}").format(header=header))
            combo.setToolTip(
                self.tr("Which person field the column '{header}' fills").format(header=header)
            )
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

    def _options(self) -> dict[str, Any]:
        return {
            "group": self.group_combo.currentText().strip() or None,
            "skip_invalid": self.skip_check.isChecked(),
            "day_first": DATE_ORDERS[self.date_combo.currentIndex()][1],
        }

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    # --- preview -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Dry-run the import of the first rows off the GUI thread; then show what it does."""
        self._refresh_timer.stop()
        if self.table is None or self.importing:
            return
        try:
            checked = PeopleImport(
                self.table.head(LIVE_CHECK_ROWS), self.mapping(), **self._options()
            )
        except TourPlannerError as exc:
            self.preview_failed(exc)
            return
        self._checked = checked
        self.run_preview(lambda session, _progress: checked.run(session, dry_run=True), unit="rows")

    def show_preview(self, report: ImportReport) -> None:
        assert self._checked is not None and self.table is not None
        self._fill_preview(self._checked, report)
        self._show_report(report, skip_invalid=self._checked.skip_invalid)
        checked = len(self._checked.table)
        if len(self.table) > checked:
            self.status_label.setText(
                self.status_label.text()
                + self.tr(
                    " (Checked the first {checked} of {count} rows; Import checks them all and imports nothing if any has a problem.)"
                ).format(checked=checked, count=len(self.table))
            )

    def _fill_preview(self, plan: PeopleImport, report: ImportReport) -> None:
        rows = prepare_rows(plan.table, plan.mapping, day_first=plan.day_first)[:PREVIEW_ROWS]
        problems = problems_by_place(report)
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            where = self.tr("row {row}").format(row=row.row)
            outcome = report.outcomes.get(where, "skipped" if where in problems else "")
            for c, text in enumerate(self._cells(plan, row, outcome, problems.get(where, []))):
                coloured = c == 1 or (c == len(PREVIEW_COLUMNS) - 1 and bool(text))
                self.preview.setItem(r, c, outcome_cell(text, outcome, coloured=coloured))
        self.preview.resizeColumnsToContents()
        self.preview.horizontalHeader().setStretchLastSection(True)

    @staticmethod
    def _cells(
        plan: PeopleImport, row: PreparedRow, outcome: str, problems: list[str]
    ) -> list[str]:
        """The texts of a preview row, column by column."""
        values = {
            "organization": row.organization or row.organization_local,
            "groups": "; ".join([*row.groups, *([plan.group] if plan.group else [])]),
            **row.fields,
        }
        middle = [str(values.get(key, "")) for _, key in PREVIEW_COLUMNS[2:-1]]
        return [str(row.row), outcome_label(outcome), *middle, "; ".join(problems)]

    def _show_report(self, report: ImportReport, *, skip_invalid: bool) -> None:
        self.report_view.setPlainText(report_lines(report))
        counts = self.tr("{added} new, {updated} to update, {unchanged} unchanged").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged
        )
        if report.errors and not skip_invalid:
            self.show_status(
                self.tr(
                    "{counts}; {count} with problems. Fix the file or the mapping, or tick 'Skip rows with problems' — nothing is imported while a row has a problem."
                ).format(counts=counts, count=count(report.skipped, "row", "rows")),
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

    # --- import --------------------------------------------------------------------------

    def start_import(self, progress: Progress) -> ImportOperation | None:
        if self.path is None or self.table is None:
            return None
        return imports.import_people(self.path, mapping=self.mapping(), **self._options())

    def imported_report(self, report: ImportReport) -> None:
        self.report_view.setPlainText(report_lines(report))
        self.show_status(
            self.tr(
                "Imported: {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped."
            ).format(
                added=report.added,
                updated=report.updated,
                unchanged=report.unchanged,
                skipped=report.skipped,
            ),
            GREEN,
        )

    def import_refused(self, refusal: ImportRefused) -> None:
        assert self.table is not None
        everything = PeopleImport(self.table, self.mapping(), **self._options())
        self._fill_preview(everything, refusal.report)
        self._show_report(refusal.report, skip_invalid=everything.skip_invalid)
