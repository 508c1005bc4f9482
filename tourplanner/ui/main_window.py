"""The main window: the plan's programmes and their items, in each venue's local time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTreeWidget, QTreeWidgetItem

from tourplanner import __version__
from tourplanner.db import PlanFile
from tourplanner.models.enums import label
from tourplanner.services import itinerary, plans, programmes
from tourplanner.services.views import ItemView
from tourplanner.timezones import abbreviation, to_local

COLUMNS = ("Programme / item", "When (local)", "Kind", "Venue", "Status")


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


class MainWindow(QMainWindow):
    """A read-only overview of one plan; every row is built from plain service views."""

    def __init__(self, plan: PlanFile) -> None:
        super().__init__()
        self.plan = plan
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName("Programmes and items")
        self.setCentralWidget(self.tree)
        self._build_menus()
        self.resize(1200, 760)
        self.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About TourPlanner", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def reload(self) -> None:
        """Rebuild the tree from the plan file in one read transaction."""
        with self.plan.reading() as session:
            plan = plans.get_plan(session)
            title = plan.title
            groups = [
                (
                    prog.id,
                    prog.title_en,
                    prog.title_local,
                    prog.kind,
                    prog.start_date,
                    prog.end_date,
                )
                for prog in programmes.list_programmes(session)
            ]
            views = {pid: itinerary.programme_items(session, pid) for pid, *_ in groups}
        self.setWindowTitle(f"{title} — {self.plan.path.name} — TourPlanner")
        self.tree.clear()
        for pid, title_en, title_local, kind, start, end in groups:
            name = f"{title_en} · {title_local}" if title_local else title_en
            node = QTreeWidgetItem([name, f"{start:%d %b} – {end:%d %b %Y}", label(kind), "", ""])
            node.setData(0, Qt.ItemDataRole.UserRole, ("programme", pid))
            for view in views[pid]:
                child = QTreeWidgetItem(item_row(view))
                child.setData(0, Qt.ItemDataRole.UserRole, ("item", view.id))
                node.addChild(child)
            self.tree.addTopLevelItem(node)
        self.tree.expandToDepth(0)
        for column in range(1, len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, 520)
        self.tree.setColumnWidth(3, min(self.tree.columnWidth(3), 380))
        self.statusBar().showMessage(
            f"{len(groups)} programmes, {sum(len(v) for v in views.values())} items"
        )

    def _about(self) -> None:
        QMessageBox.about(self, "About TourPlanner", f"TourPlanner {__version__}")
