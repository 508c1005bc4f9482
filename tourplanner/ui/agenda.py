"""The agenda: every programme with its items as a list, in local time with the zone.

A programme's items are read when it is opened (Qt's fetchMore), or at once when it was open
before, so a plan of tens of thousands of items opens at once. The view is a tree view on a
model of plain rows (ids and cell texts), not a tree of widget items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from tourplanner.enums import label
from tourplanner.plan_year import day_text
from tourplanner.planfile import PlanFile
from tourplanner.services import items, itinerary
from tourplanner.services.programmes import main_year_of
from tourplanner.services.views import ItemView
from tourplanner.timezones import abbreviation, to_local
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.records.model import Index
from tourplanner.ui.two_level_model import TwoLevelModel
from tourplanner.ui.wording import counted

COLUMNS = (
    QT_TRANSLATE_NOOP("agenda", "Programme / item"),
    QT_TRANSLATE_NOOP("agenda", "When (local)"),
    QT_TRANSLATE_NOOP("agenda", "Kind"),
    QT_TRANSLATE_NOOP("agenda", "Venue"),
    QT_TRANSLATE_NOOP("agenda", "Status"),
)
EAGER_ITEMS = 2000  # up to this many items, every programme is shown open
KEY = Qt.ItemDataRole.UserRole  # ("programme", id) or ("item", id)
LONG = (0, 3)  # the columns elided when the window is narrow: their text is the tooltip


def item_row(view: ItemView, year: int | None = None) -> list[str]:
    """The cells of an item: both-language title, local time range with zone (the year too
    when it is not `year`, the plan's), kind, venue."""
    start = to_local(view.start_utc, view.timezone)
    end = to_local(view.end_utc, view.timezone)
    title = f"{view.title_en} · {view.title_local}" if view.title_local else view.title_en
    zone = abbreviation(view.start_utc, view.timezone)
    when = f"{day_text(start.date(), year)}  {start:%H:%M}–{end:%H:%M} {zone}"
    venue = ""
    if view.venue:
        venue = view.venue.name_en + (f" · {view.room}" if view.room else "")
    return [title, when, label(view.kind), venue, label(view.status)]


def _rows(views: list[ItemView], year: int | None) -> list[tuple[int, list[str]]]:
    return [(view.id, item_row(view, year)) for view in views]


@dataclass
class _Programme:
    id: int
    cells: list[str]
    count: int  # its items, read or not
    rows: list[tuple[int, list[str]]] | None = field(default=None)  # (item id, cells) once read


class AgendaModel(TwoLevelModel):
    """Programmes, each with its items' occurrences as rows once read."""

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self.programmes: list[_Programme] = []

    def reload(self, read: set[int] | None) -> set[int]:
        """Read the programmes again, and the items of those in `read`; returns `read`.

        None reads every programme's items on a plan of up to EAGER_ITEMS, none on a bigger one.
        """
        with self.plan.reading() as session:
            summary = itinerary.plan_summary(session).programmes
            if read is None:
                small = sum(p.items for p in summary) <= EAGER_ITEMS
                read = {p.id for p in summary} if small else set()
            year = main_year_of(session)
            rows = {pid: _rows(itinerary.programme_items(session, pid), year) for pid in read}
        self.beginResetModel()
        self.programmes = []
        for p in summary:
            name = f"{p.title} · {p.title_local}" if p.title_local else p.title
            cells = [
                name,
                f"{p.start:%d %b} – {p.end:%d %b %Y}",
                label(p.kind),
                counted(p.items, "item", "items"),
                "",
            ]
            self.programmes.append(_Programme(p.id, cells, p.items, rows.get(p.id)))
        self.endResetModel()
        return read

    def total_items(self) -> int:
        return sum(p.count for p in self.programmes)

    def programme_at(self, index: Index) -> _Programme | None:
        """The programme of a programme's row or of one of its items' rows."""
        return self.programmes[self.top_row(index)] if index.isValid() else None

    def key(self, index: Index) -> tuple[str, int] | None:
        """("programme", id) or ("item", id) for a row."""
        programme = self.programme_at(index)
        if programme is None:
            return None
        if self.is_top(index):
            return ("programme", programme.id)
        return ("item", (programme.rows or [])[index.row()][0])

    # -- QAbstractItemModel ----------------------------------------------------------------

    def _is_programme(self, index: Index) -> bool:
        return self.is_top(index) and index.column() == 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        if not parent.isValid():
            return len(self.programmes)
        if not self._is_programme(parent):
            return 0
        return len(self.programmes[parent.row()].rows or ())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        return len(COLUMNS)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt
        if not parent.isValid():
            return bool(self.programmes)
        if not self._is_programme(parent):
            return False
        programme = self.programmes[parent.row()]
        # Once read, its rows say it (items may have no occurrence within its dates).
        return bool(programme.rows) if programme.rows is not None else programme.count > 0

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 - Qt
        return self._is_programme(parent) and self.programmes[parent.row()].rows is None

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 - Qt
        if not self.canFetchMore(parent):
            return
        programme = self.programmes[parent.row()]
        with self.plan.reading() as session:
            rows = _rows(
                itinerary.programme_items(session, programme.id),
                main_year_of(session),
            )
        if not rows:
            programme.rows = []
            return
        self.beginInsertRows(parent, 0, len(rows) - 1)
        programme.rows = rows
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == KEY:
            return self.key(index)
        programme = self.programme_at(index)
        if programme is None:
            return None
        is_programme = self.is_top(index)
        cells = programme.cells if is_programme else (programme.rows or [])[index.row()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and not is_programme:
            return cells[index.column()] if index.column() in LONG else None
        return None

    def headerData(  # noqa: N802 - Qt
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("agenda", COLUMNS[section])
        return None


class AgendaView(QTreeView):
    """Programmes and their items; Enter or a double-click on a row asks to edit it."""

    edit_requested = Signal(int)
    programme_edit_requested = Signal(int)

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.agenda = AgendaModel(plan)
        self.setModel(self.agenda)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAccessibleName(self.tr("Agenda"))
        self.setToolTip(
            self.tr("Every programme and its items in local time; double-click or Enter to edit")
        )
        self.doubleClicked.connect(self._activate)
        self.expanded.connect(self._opened)
        self.collapsed.connect(self._closed)
        self.expanded_ids: set[int] | None = None  # the programmes shown open

    @property
    def plan(self) -> PlanFile:
        return self.agenda.plan

    @plan.setter
    def plan(self, plan: PlanFile) -> None:
        self.agenda.plan = plan

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _activate(self, index: QModelIndex) -> None:
        kind, ident = self.agenda.key(index) or ("", None)
        if kind == "item":
            self.edit_requested.emit(ident)
        elif kind == "programme":
            self.programme_edit_requested.emit(ident)

    def forget_open_programmes(self) -> None:
        """Forget which programmes were open (another plan was opened)."""
        self.expanded_ids = None

    def reload(self) -> int:
        """Programmes, with the open ones' items; returns the plan's item count."""
        keep = self.selected_item_ids()
        # A small plan shows every programme open; otherwise those the coordinator opened.
        self.expanded_ids = self.agenda.reload(self.expanded_ids)
        opened = set(self.expanded_ids)
        for row, programme in enumerate(self.agenda.programmes):
            if programme.id in opened:
                self.expand(self.agenda.index(row, 0))
        for column in range(1, len(COLUMNS)):
            self.resizeColumnToContents(column)
        # Title and venue share what is left; the short columns keep their whole text.
        self.setColumnWidth(0, 480)
        self.setColumnWidth(3, min(self.columnWidth(3), 300))
        if keep:
            self.select_items(keep)
        return self.agenda.total_items()

    def _opened(self, index: QModelIndex) -> None:
        programme = self.agenda.programme_at(index)
        if programme is not None and self.expanded_ids is not None:
            self.expanded_ids.add(programme.id)

    def _closed(self, index: QModelIndex) -> None:
        programme = self.agenda.programme_at(index)
        if programme is not None and self.expanded_ids is not None:
            self.expanded_ids.discard(programme.id)

    def selected_item_ids(self) -> list[int]:
        """Selected items (the current one first), each once."""
        chosen = self.selectionModel().selectedRows()
        current = self.currentIndex()
        if current.isValid() and self.selectionModel().isRowSelected(
            current.row(), current.parent()
        ):
            chosen.insert(0, current)
        found: list[int] = []
        for index in chosen:
            kind, ident = self.agenda.key(index) or ("", 0)
            if kind == "item" and ident not in found:
                found.append(ident)
        return found

    def select_items(self, item_ids: list[int]) -> None:
        """Select (and scroll to) the first occurrence of each of these items."""
        self.clearSelection()
        wanted = set(item_ids)
        with self.plan.reading() as session:
            owners = set(items.programmes_of(session, wanted).values())  # deleted ones: none
        model, selection = self.agenda, self.selectionModel()
        rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        first = None
        for row, programme in enumerate(model.programmes):
            if programme.id not in owners:
                continue
            parent = model.index(row, 0)
            self.expand(parent)  # reads its items if they were not read yet
            for n, (item_id, _cells) in enumerate(programme.rows or ()):
                if item_id in wanted:
                    wanted.discard(item_id)
                    index = model.index(n, 0, parent)
                    selection.select(index, rows)
                    first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(first)
