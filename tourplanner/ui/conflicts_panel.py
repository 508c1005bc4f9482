"""The conflicts dock: the scheduling checks' findings, grouped by severity."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from tourplanner.scheduling.findings import ERROR, Finding

SHOWN = 500  # a panel of thousands of lines helps nobody and costs a repaint after each edit


class ConflictsPanel(QTreeWidget):
    """Errors and warnings; activating a finding asks to show its items."""

    show_items = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderLabels(["Rule", "Finding"])
        self.setAccessibleName("Conflicts")
        self.setToolTip("Scheduling conflicts, updated after every change")
        self.setWordWrap(True)
        self.setColumnWidth(0, 190)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        if findings == self.findings and self.topLevelItemCount() == 2:
            return  # most edits change no finding: keep the panel (and its scroll) as it is
        self.findings = findings
        self.clear()
        for severity, title in ((ERROR, "Errors"), ("warning", "Warnings")):
            group = [f for f in findings if f.severity == severity]
            top = QTreeWidgetItem([f"{title} ({len(group)})", ""])
            if len(group) > SHOWN:
                top.setText(1, f"the first {SHOWN} are listed; `tourplanner check` lists all")
            for finding in group[:SHOWN]:
                child = QTreeWidgetItem([finding.rule, finding.message])
                child.setToolTip(1, finding.message)
                # Plain text, not a Python list: PySide mishandles many list-valued QVariants.
                child.setData(
                    0, Qt.ItemDataRole.UserRole, ",".join(str(i) for i in finding.item_ids)
                )
                top.addChild(child)
            self.addTopLevelItem(top)
            top.setExpanded(True)

    def set_checking(self) -> None:
        """The plan is being checked in the background: say so instead of stale findings."""
        self.findings = []
        self.clear()
        self.addTopLevelItem(QTreeWidgetItem(["Checking the plan…", ""]))

    def _activated(self, item: QTreeWidgetItem) -> None:
        ids = item.data(0, Qt.ItemDataRole.UserRole)
        if ids:
            self.show_items.emit([int(i) for i in ids.split(",")])
