"""The agenda: every programme with its items as a list, in local time with the zone.

A programme's items are read when it is opened (or was open before), so a plan of tens of
thousands of items opens at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from tourplanner.db import PlanFile
from tourplanner.errors import NotFoundError
from tourplanner.models.enums import label
from tourplanner.services import items, itinerary
from tourplanner.services.views import ItemView
from tourplanner.timezones import abbreviation, to_local

COLUMNS = ("Programme / item", "When (local)", "Kind", "Venue", "Status")
EAGER_ITEMS = 2000  # up to this many items, every programme is shown open
KEY = Qt.ItemDataRole.UserRole


def item_row(view: ItemView) -> list[str]:
    """The cells of an item: both-language title, local time range with zone, kind, venue."""
    start = to_local(view.start_utc, view.timezone)
    end = to_local(view.end_utc, view.timezone)
    title = f"{view.title_en} · {view.title_local}" if view.title_local else view.title_en
    when = f"{start:%a %d %b  %H:%M}–{end:%H:%M} {abbreviation(view.start_utc, view.timezone)}"
    venue = ""
    if view.venue:
        venue = view.venue.name_en + (f" · {view.room}" if view.room else "")
    return [title, when, label(view.kind), venue, label(view.status)]


class AgendaView(QTreeWidget):
    """Programmes and their items; Enter or a double-click on an item asks to edit it."""

    edit_requested = Signal(int)
    programme_edit_requested = Signal(int)

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self.setHeaderLabels(COLUMNS)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAccessibleName("Agenda")
        self.setToolTip(
            "Every programme and its items in local time; double-click or Enter to edit"
        )
        self.itemDoubleClicked.connect(lambda node, _column: self._activate(node))
        self.itemExpanded.connect(self._expanding)
        self.itemCollapsed.connect(self._collapsed)
        self.expanded_ids: set[int] | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self._activate(self.currentItem())
            return
        super().keyPressEvent(event)

    def _activate(self, node: QTreeWidgetItem) -> None:
        kind, ident = node.data(0, KEY) or ("", None)
        if kind == "item":
            self.edit_requested.emit(ident)
        elif kind == "programme":
            self.programme_edit_requested.emit(ident)

    def forget_open_programmes(self) -> None:
        """Forget which programmes were open (another plan was opened)."""
        self.expanded_ids = None

    def reload(self) -> int:
        """Programmes, with the open ones' items; returns the plan's item count."""
        with self.plan.reading() as session:
            summary = itinerary.plan_summary(session)["programmes"]
        total = sum(p["items"] for p in summary)
        if self.expanded_ids is None:
            self.expanded_ids = {p["id"] for p in summary} if total <= EAGER_ITEMS else set()
        keep = self.selected_item_ids()
        self.blockSignals(True)
        self.clear()
        for p in summary:
            name = f"{p['title']} · {p['title_local']}" if p["title_local"] else p["title"]
            first, last = date.fromisoformat(p["start"]), date.fromisoformat(p["end"])
            node = QTreeWidgetItem(
                [
                    name,
                    f"{first:%d %b} – {last:%d %b %Y}",
                    label(p["kind"]),
                    f"{p['items']} items",
                    "",
                ]
            )
            node.setData(0, KEY, ("programme", p["id"]))
            self.addTopLevelItem(node)
            if p["id"] in self.expanded_ids:
                self._fill(node)
                node.setExpanded(True)
            elif p["items"]:
                node.addChild(QTreeWidgetItem(["…"]))  # makes it expandable until it is read
        self.blockSignals(False)
        for column in range(1, len(COLUMNS)):
            self.resizeColumnToContents(column)
        # Title and venue share what is left; the short columns keep their whole text.
        self.setColumnWidth(0, 480)
        self.setColumnWidth(3, min(self.columnWidth(3), 300))
        if keep:
            self.select_items(keep)
        return total

    def _fill(self, node: QTreeWidgetItem) -> None:
        with self.plan.reading() as session:
            views = itinerary.programme_items(session, node.data(0, KEY)[1])
        node.takeChildren()
        for view in views:
            cells = item_row(view)
            child = QTreeWidgetItem(cells)
            child.setData(0, KEY, ("item", view.id))
            for column in (0, 3):  # the long ones, elided when the window is narrow
                child.setToolTip(column, cells[column])
            node.addChild(child)

    def _expanding(self, node: QTreeWidgetItem) -> None:
        kind, ident = node.data(0, KEY) or ("", None)
        if kind == "programme" and ident not in self.expanded_ids:
            self.expanded_ids.add(ident)
            self._fill(node)

    def _collapsed(self, node: QTreeWidgetItem) -> None:
        kind, ident = node.data(0, KEY) or ("", None)
        if kind == "programme":
            self.expanded_ids.discard(ident)

    def item_nodes(self) -> Iterator[QTreeWidgetItem]:
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            for j in range(top.childCount()):
                yield top.child(j)

    def selected_item_ids(self) -> list[int]:
        """Selected items (the current one first), each once."""
        found = []
        for node in [self.currentItem(), *self.selectedItems()]:
            data = node.data(0, KEY) if node else None
            if data and data[0] == "item" and data[1] not in found and node.isSelected():
                found.append(data[1])
        return found

    def select_items(self, item_ids: list[int]) -> None:
        """Select (and scroll to) the first occurrence of each of these items."""
        self.clearSelection()
        wanted = set(item_ids)
        with self.plan.reading() as session:
            owners = set()
            for item_id in wanted:
                try:
                    owners.add(items.get_item(session, item_id).programme_id)
                except NotFoundError:  # deleted meanwhile: nothing to show
                    continue
        for n in range(self.topLevelItemCount()):
            node = self.topLevelItem(n)
            if node.data(0, KEY)[1] in owners:
                node.setExpanded(True)  # reads its items if they were not read yet
        first = None
        for node in self.item_nodes():
            kind, ident = node.data(0, KEY)
            if ident in wanted:
                node.setSelected(True)
                wanted.discard(ident)
                first = first or node
        if first is not None:
            self.setCurrentItem(first, 0, self.selectionModel().SelectionFlag.NoUpdate)
            first.setSelected(True)
            self.scrollToItem(first)
