"""The people table: an item model over plain rows (ids and display values), never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tourplanner.db import PlanFile
from tourplanner.models.enums import label
from tourplanner.services import people

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    name_local: str
    organization: str
    role: str
    groups: str
    email: str


HEADERS = ("Name", "Local name", "Organization", "Role", "Groups", "Email")


def load_rows(plan: PlanFile) -> list[PersonRow]:
    """Every person as a plain row, read in one transaction."""
    with plan.reading() as session:
        return [
            PersonRow(
                p.id,
                p.name_latin,
                p.name_local,
                p.organization.name_en if p.organization else "",
                label(p.role),
                ", ".join(g.name for g in p.groups),
                p.email,
            )
            for p in people.list_people(session)
        ]


class PeopleModel(QAbstractTableModel):
    """Rows of people; `reload()` reads them (first, and after an edit or an import)."""

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self.rows: list[PersonRow] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = load_rows(self.plan)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.name, row.name_local, row.organization, row.role, row.groups, row.email)[
                index.column()
            ]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None
