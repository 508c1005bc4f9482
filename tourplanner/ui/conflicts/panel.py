"""The conflicts dock: the scheduling checks' findings, grouped by severity.

A busy plan has thousands of findings and every edit may change some, so the panel is a view
on a model that hands out rows as they are shown, instead of a tree of widget items rebuilt
after each edit. Each group lists its first `SHOWN` findings: a tree view lays out every row
of an expanded group, and a panel of thousands of lines helps nobody.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from tourplanner.scheduling.findings import ERROR, Finding
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.records.model import Index
from tourplanner.ui.two_level_model import TwoLevelModel

GROUPS = (
    (ERROR, QT_TRANSLATE_NOOP("panel", "Errors")),
    ("warning", QT_TRANSLATE_NOOP("panel", "Warnings")),
)
SHOWN = 500


class FindingsModel(TwoLevelModel):
    """Two levels: 'Errors (n)' and 'Warnings (n)', each with its findings as rows."""

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.groups: list[list[Finding]] = [[] for _ in GROUPS]  # each one's first SHOWN
        self.counts = [0 for _ in GROUPS]
        self.checking = False

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings, self.checking = findings, False
        grouped = [[f for f in findings if f.severity == severity] for severity, _ in GROUPS]
        self.groups = [found[:SHOWN] for found in grouped]
        self.counts = [len(found) for found in grouped]
        self.endResetModel()

    def set_checking(self) -> None:
        """One row saying the plan is being checked, instead of findings that may be stale."""
        self.beginResetModel()
        self.findings, self.checking = [], True
        self.groups = [[] for _ in GROUPS]
        self.counts = [0 for _ in GROUPS]
        self.endResetModel()

    def finding(self, index: Index) -> Finding | None:
        """The finding on a row, or None on a group's row."""
        if not index.isValid() or self.is_top(index):
            return None
        return self.groups[self.top_row(index)][index.row()]

    # -- QAbstractItemModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        if not parent.isValid():
            return 1 if self.checking else len(GROUPS)
        if parent.column() != 0 or not self.is_top(parent) or self.checking:
            return 0
        return len(self.groups[parent.row()])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        finding = self.finding(index)
        if finding is not None:
            return (finding.rule, finding.message)[index.column()]
        if self.checking:
            return self.tr("Checking the plan…") if index.column() == 0 else None
        count = self.counts[index.row()]
        if index.column() == 0:
            return f"{QCoreApplication.translate('panel', GROUPS[index.row()][1])} ({count})"
        if count > SHOWN:
            return self.tr("the first {SHOWN} are listed; `tourplanner check` lists all").format(
                SHOWN=SHOWN
            )
        return None if role == Qt.ItemDataRole.DisplayRole else self.tr("Click a finding to see it")

    def headerData(  # noqa: N802 - Qt
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Rule"), self.tr("Finding"))[section]
        return None


class ConflictsPanel(QTreeView):
    """Errors and warnings; clicking or activating a finding asks to show its items."""

    show_items = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.findings_model = FindingsModel()
        self.setModel(self.findings_model)
        self.setAccessibleName(self.tr("Conflicts"))
        self.setToolTip(self.tr("Scheduling conflicts, updated after every change"))
        # One line a finding (the whole sentence is its tooltip): the view then asks only
        # for the rows it shows, however many findings there are.
        self.setUniformRowHeights(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a finding's day is at its end
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setColumnWidth(0, 190)
        self.activated.connect(self._activated)
        self.clicked.connect(self._activated)

    @property
    def findings(self) -> list[Finding]:
        return self.findings_model.findings

    def set_findings(self, findings: list[Finding]) -> None:
        if findings == self.findings and not self.findings_model.checking:
            return  # most edits change no finding: keep the panel (and its scroll) as it is
        scrolled = self.verticalScrollBar().value()
        self.findings_model.set_findings(findings)
        for row in range(len(GROUPS)):
            self.expand(self.findings_model.index(row, 0))
        self.executeDelayedItemsLayout()  # the scroll range of the new rows, before scrolling
        self.verticalScrollBar().setValue(scrolled)

    def set_checking(self) -> None:
        """The plan is being checked in the background: say so instead of stale findings."""
        self.findings_model.set_checking()

    def _activated(self, index: QModelIndex) -> None:
        finding = self.findings_model.finding(index)
        if finding is not None and finding.item_ids:
            self.show_items.emit(list(finding.item_ids))
